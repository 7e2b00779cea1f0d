namespace ClAdmin.Contracts;

/// <summary>
/// The result of one command line: its combined output as the user sees it, the exit code
/// (the highest of the nodes for fan-out commands; 1 or more when any node failed), and the
/// per-node results when the command ran on nodes.
/// </summary>
public sealed record CommandResult(int ExitCode, string Stdout, string Stderr, IReadOnlyList<NodeResult> Nodes)
{
    /// <summary>A result produced on the local node by a built-in implementation.</summary>
    public static CommandResult Local(int exitCode, string stdout, string stderr = "") => new(exitCode, stdout, stderr, []);
}
