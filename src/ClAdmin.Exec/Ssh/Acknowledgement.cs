using System.Globalization;

namespace ClAdmin.Exec.Ssh;

/// <summary>
/// The line a node prints when a command has started, <c>MARKER A PID\n</c>, on a session and
/// one-shot alike: reading it, and waiting for it with a limit.
/// </summary>
internal static class Acknowledgement
{
    /// <summary>A marker no command output can forge: random, then <paramref name="suffix"/>.</summary>
    public static string NewMarker(string suffix) =>
        "__CLADMIN_" + Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12)) + "_" + suffix;

    /// <summary>The pid after <c>MARKER A </c>; null when the stream ends first or the pid is not a number.</summary>
    public static async Task<int?> ReadAsync(MarkerReader output, string marker)
    {
        if (await output.ReadUntilAsync(marker + " A ").ConfigureAwait(false) is null)
        {
            return null;
        }
        var pid = await output.ReadUntilAsync("\n").ConfigureAwait(false);
        return int.TryParse(pid, NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : null;
    }

    /// <summary>How long a node has to acknowledge: ssh's connect timeout and a margin for the login.</summary>
    public static TimeSpan Within(SshOptions options) => options.ConnectTimeout + TimeSpan.FromSeconds(5);

    /// <summary>Whether <paramref name="acknowledgement"/> came (or its stream ended) before the
    /// limit and before a cancellation.</summary>
    public static async Task<bool> CameAsync(Task acknowledgement, TimeSpan within, CancellationToken cancellationToken)
    {
        try
        {
            return await Task.WhenAny(acknowledgement, Task.Delay(within, cancellationToken)).ConfigureAwait(false) == acknowledgement;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
