using ClAdmin.Contracts;

namespace ClAdmin.Exec.Dispatch;

/// <summary>
/// One call of a command implementation: the line as typed, its command name (no path), the
/// arguments after it (shell words, quotes removed), what arrives on standard input (never
/// logged), and the node the command runs "locally" on. For a C-SPOC line, the
/// <c>-cspoc "..."</c> option is taken out of <paramref name="Arguments"/> and given parsed in
/// <paramref name="Cspoc"/> (its -g already resolved to nodes); it is null when the line has none.
/// </summary>
public sealed record CommandInvocation(
    string CommandLine,
    string Name,
    IReadOnlyList<string> Arguments,
    string StandardInput,
    string LocalNode,
    CspocOptions? Cspoc = null)
{
    /// <summary>The nodes the request names (a re-run on the nodes that failed): a command that
    /// runs on nodes runs on these, whatever its own options name. Null: the command chooses.</summary>
    public IReadOnlyList<string>? Nodes { get; init; }

    /// <summary>Called as each node's result arrives (never concurrently), for live views; a
    /// command in several phases may report a node once per phase, the latest result counting.</summary>
    public Action<NodeResult>? OnNodeResult { get; init; }

    /// <summary>The variables assigned before the command name (<c>ODMDIR=/etc/es/objrepos odmget ...</c>).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Who answers the command's yes/no questions (the request's); null: no one can, so nothing may wait for an answer.</summary>
    public ICommandPrompt? Prompt { get; init; }
}
