using ClAdmin.Shell;

namespace ClAdmin.Contracts;

/// <summary>
/// One command for one node: the program and its arguments as separate words (a transport
/// that goes through a remote shell quotes each word, so no value can break out of it), what
/// to write on its standard input (never logged: secrets go here), and an optional time limit.
/// </summary>
public sealed record NodeCommand(string Node, IReadOnlyList<string> Argv)
{
    public string StandardInput { get; init; } = "";

    /// <summary>When set, opens the standard input afresh for this command, as bytes (a large
    /// input that a transport streams rather than holds in memory); it then replaces
    /// <see cref="StandardInput"/>. The transport disposes the stream.</summary>
    public Func<Stream>? OpenStandardInput { get; init; }

    /// <summary>The standard input as text, for a transport that needs it whole (the simulator,
    /// a persistent session): <see cref="StandardInput"/>, or the stream read to its end as UTF-8.</summary>
    public string StandardInputText()
    {
        if (OpenStandardInput is null)
        {
            return StandardInput;
        }
        using var reader = new StreamReader(OpenStandardInput());
        return reader.ReadToEnd();
    }

    /// <summary>When set, the command is stopped on the node after this long (outcome TimedOut).</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>The only command for its node in this run (a single `cladmin cmd`): a transport
    /// may carry it on a connection of its own instead of opening a session for later commands.</summary>
    public bool OwnConnection { get; init; }

    /// <summary>The words as a command line, for logs and messages.</summary>
    public string Display => ShellWords.Join(Argv);
}

/// <summary>
/// Reaches nodes and runs commands on them: SSH for real hosts, the simulator for simulated
/// nodes, or this machine. Node-level problems (unreachable, refused host key, timeout,
/// cancellation) come back as a <see cref="NodeResult"/> with the matching outcome; a transport
/// does not throw for them. On cancellation the remote command is stopped and the result says
/// <see cref="NodeOutcome.Cancelled"/>; for a command that had started, <see cref="NodeResult.Stop"/>
/// says whether the node confirmed the stop (a command that never started leaves it None).
/// </summary>
public interface ITransport : IAsyncDisposable
{
    /// <summary>A short name for messages (ssh, local, sim).</summary>
    string Name { get; }

    Task<NodeResult> RunAsync(NodeCommand command, CancellationToken cancellationToken);
}

/// <summary>The exit codes a <see cref="NodeResult"/> carries when the command did not end by itself.</summary>
public static class NodeExitCodes
{
    /// <summary>Not reached (as ssh reports a connection failure).</summary>
    public const int Unreachable = 255;

    /// <summary>Stopped at its time limit (as timeout(1) reports).</summary>
    public const int TimedOut = 124;

    /// <summary>Stopped by the user (128 + SIGINT).</summary>
    public const int Cancelled = 130;

    /// <summary>The program was not found (as the shell reports).</summary>
    public const int NotFound = 127;
}
