using System.Globalization;

namespace ClAdmin.Exec.Ssh;

/// <summary>
/// The line a node prints when a command has started, <c>MARKER A PID\n</c>, on a session and
/// one-shot alike: reading it, and waiting for it with a limit.
/// </summary>
internal static class Acknowledgement
{
    /// <summary>A marker no command output can forge: 122 random bits, then <paramref name="suffix"/>.</summary>
    /// <remarks>On Linux, Guid.NewGuid reads the kernel's secure random source (getrandom or
    /// /dev/urandom) through System.Native; RandomNumberGenerator would load OpenSSL, about 9 ms
    /// of every cladmin start that reaches ssh.</remarks>
    public static string NewMarker(string suffix) =>
        "__CLADMIN_" + Guid.NewGuid().ToString("N").ToUpperInvariant() + "_" + suffix;

    /// <summary>The pid after <c>MARKER A </c>; null when the stream ends first or the pid is not a
    /// number. A <c>MARKER C</c> line on the way (<see cref="SshOneShot"/>: ssh has logged in) calls
    /// <paramref name="connected"/>.</summary>
    public static async Task<int?> ReadAsync(MarkerReader output, string marker, Action? connected = null)
    {
        while (true)
        {
            if (await output.ReadUntilAsync(marker + " ").ConfigureAwait(false) is null)
            {
                return null;
            }
            var line = await output.ReadUntilAsync("\n").ConfigureAwait(false);
            if (line == "C")
            {
                connected?.Invoke();
                continue;
            }
            return line is not null && line.StartsWith("A ", StringComparison.Ordinal)
                && int.TryParse(line.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : null;
        }
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
