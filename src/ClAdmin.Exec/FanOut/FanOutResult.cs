using ClAdmin.Contracts;
using ClAdmin.Exec.Nodes;

namespace ClAdmin.Exec.FanOut;

/// <summary>
/// What a fan-out did: one result per target node (in node order; nodes never started are
/// <see cref="NodeOutcome.Cancelled"/>), the rollback results if a rollback ran, and, when the
/// user interrupted it, which nodes were stopped while running, which did not confirm their stop
/// (<see cref="Unconfirmed"/>) and which never started.
/// </summary>
public sealed record FanOutResult(
    IReadOnlyList<NodeResult> Results,
    IReadOnlyList<NodeResult> Rollbacks,
    IReadOnlyList<string> Stopped,
    IReadOnlyList<string> NotStarted,
    bool Interrupted)
{
    /// <summary>Nodes where the command was running when the user interrupted and did not confirm
    /// its stop: it may still run there.</summary>
    public IReadOnlyList<string> Unconfirmed { get; init; } = [];

    /// <summary>True when every node ran the command and it exited 0.</summary>
    public bool AllOk => Results.All(r => r.Outcome == NodeOutcome.Ok);

    /// <summary>The highest exit code of the nodes where the command ran to its end (0 when none).</summary>
    public int HighestExitCode => Results.Where(r => r.Outcome is NodeOutcome.Ok or NodeOutcome.Failed)
        .Select(r => r.ExitCode).DefaultIfEmpty(0).Max();

    /// <summary>The exit code of the whole command: 0 when all nodes are ok, otherwise the highest
    /// exit code and at least 1 (an unreachable or timed-out node is a failure too).</summary>
    public int ExitCode => AllOk ? 0 : Math.Max(1, HighestExitCode);

    /// <summary>One line: counts per outcome with their node sets, and the highest exit code.
    /// <c>8 nodes: 6 ok, 1 timed out node07, 1 unreachable node08; highest exit code 0</c></summary>
    public string Summary()
    {
        var parts = new List<string>();
        foreach (var outcome in Enum.GetValues<NodeOutcome>())
        {
            var nodes = Results.Where(r => r.Outcome == outcome).Select(r => r.Node).ToList();
            if (nodes.Count == 0 && outcome != NodeOutcome.Ok)
            {
                continue;
            }
            var label = OutcomeText(outcome);
            parts.Add(outcome == NodeOutcome.Ok || nodes.Count == 0 ? $"{nodes.Count} {label}" : $"{nodes.Count} {label} {NodeSet.Fold(nodes)}");
        }
        var noun = Results.Count == 1 ? "node" : "nodes";
        var line = $"{Results.Count} {noun}: {string.Join(", ", parts)}; highest exit code {HighestExitCode}";
        if (Rollbacks.Count > 0)
        {
            line += $"; rolled back on {NodeSet.Fold(Rollbacks.Select(r => r.Node))} ({Rollbacks.Count(r => r.Outcome == NodeOutcome.Ok)} ok)";
        }
        return line;
    }

    /// <summary>The words used for an outcome in summaries and status lines.</summary>
    public static string OutcomeText(NodeOutcome outcome) => outcome switch
    {
        NodeOutcome.Ok => "ok",
        NodeOutcome.Failed => "failed",
        NodeOutcome.TimedOut => "timed out",
        NodeOutcome.Unreachable => "unreachable",
        _ => "cancelled",
    };
}
