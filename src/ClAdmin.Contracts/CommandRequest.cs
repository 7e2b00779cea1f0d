namespace ClAdmin.Contracts;

/// <summary>
/// A command line for the dispatcher, exactly what a dialog builds or `cladmin cmd` is given.
/// <paramref name="StandardInput"/> carries secrets (never logged); <paramref name="Nodes"/>, when
/// set, selects the target nodes: of a command run as-is on nodes, and of a C-SPOC command, whose
/// own -cspoc nodes it overrides (COMMAND STATUS F5 re-runs on the nodes that failed).
/// </summary>
public sealed record CommandRequest(string CommandLine, string StandardInput = "", IReadOnlyList<string>? Nodes = null)
{
    /// <summary>Called once per node as its result arrives (never concurrently), for live views.</summary>
    public Action<NodeResult>? OnNodeResult { get; init; }

    /// <summary>A time limit for each node's command; none when null.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Who answers the command's yes/no questions (the screens, linear mode); null: no one can.</summary>
    public ICommandPrompt? Prompt { get; init; }
}
