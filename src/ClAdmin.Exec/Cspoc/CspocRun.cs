using System.Text;
using ClAdmin.Contracts;
using ClAdmin.Exec.Dispatch;
using ClAdmin.Exec.FanOut;
using ClAdmin.Exec.Nodes;
using ClAdmin.Shell;

namespace ClAdmin.Exec.Cspoc;

/// <summary>
/// One C-SPOC command in progress: its target nodes and, per node, everything the node printed
/// across the phases of the plan (pre-checks, the change, the updates on the other nodes,
/// rollbacks) and the worst outcome seen. <see cref="Result"/> folds it into C-SPOC's output,
/// every line prefixed with its node (<c>node1: datavg</c>), exit code 1 or more when any node failed.
/// Standard input given to a phase goes to the transport only; it is never kept here.
/// </summary>
internal sealed class CspocRun(string name, FanOutEngine engine, IReadOnlyList<string> targets, bool force, CancellationToken cancellationToken,
    Action<NodeResult>? onNodeResult = null)
{
    private readonly Dictionary<string, NodeState> _nodes = targets.ToDictionary(n => n, _ => new NodeState(), StringComparer.Ordinal);
    private readonly StringBuilder _general = new();

    private sealed class NodeState
    {
        public StringBuilder Stdout { get; } = new();
        public StringBuilder Stderr { get; } = new();
        public NodeOutcome Outcome { get; set; } = NodeOutcome.Ok;
        public int ExitCode { get; set; }
        public TimeSpan Duration { get; set; }
    }

    /// <summary>The command name, for messages (<c>cl_mkvg</c>).</summary>
    public string Name => name;

    public IReadOnlyList<string> Targets => targets;

    /// <summary>-cspoc "-f": go on past nodes a pre-check could not reach.</summary>
    public bool Force => force;

    public CancellationToken CancellationToken => cancellationToken;

    public bool AnyFailed => _nodes.Values.Any(s => s.Outcome != NodeOutcome.Ok);

    public bool HasFailed(string node) => _nodes.TryGetValue(node, out var s) && s.Outcome != NodeOutcome.Ok;

    /// <summary>Target nodes not failed so far, in target order.</summary>
    public IReadOnlyList<string> Healthy => targets.Where(n => !HasFailed(n)).ToList();

    /// <summary>Runs one phase and records what each node printed and how it ended. Nodes where
    /// the phase succeeded are undone with <paramref name="rollback"/> when another node failed.</summary>
    public async Task<FanOutResult> RunAsync(
        IReadOnlyList<string> nodes,
        Func<string, IReadOnlyList<string>> argv,
        string standardInput = "",
        Func<string, IReadOnlyList<string>>? rollback = null,
        FanOutOptions? options = null)
    {
        var operation = new NodeOperation(n => new NodeCommand(n, argv(n)) { StandardInput = standardInput })
        {
            Rollback = rollback is null ? null : n => new NodeCommand(n, rollback(n)),
        };
        // Each node's result reaches the live view as it arrives (the request's per-node callback).
        var result = await engine.RunAsync(nodes, operation, options ?? new FanOutOptions(), onNodeResult, cancellationToken).ConfigureAwait(false);
        foreach (var r in result.Results)
        {
            Record(r, showOutput: true);
        }
        foreach (var r in result.Rollbacks)
        {
            var state = _nodes[r.Node];
            state.Stderr.Append(name).Append(": undoing the change on ").Append(r.Node).Append(": ")
                .Append(ShellWords.Join(rollback!(r.Node))).Append('\n');
            state.Stderr.Append(r.Stderr);
            if (r.Outcome != NodeOutcome.Ok)
            {
                Mark(state, r.Outcome, Math.Max(1, r.ExitCode));
                state.Stderr.Append(name).Append(": the change could not be undone on ").Append(r.Node).Append('\n');
                onNodeResult?.Invoke(r with { Outcome = state.Outcome, ExitCode = state.ExitCode });
            }
        }
        return result;
    }

    /// <summary>Runs a read-only look-up whose output is for the plan, not the user. Only
    /// transport-level failures (unreachable, timed out, cancelled) are recorded; the caller judges the rest.</summary>
    public async Task<IReadOnlyDictionary<string, NodeResult>> QueryAsync(IReadOnlyList<string> nodes, IReadOnlyList<string> argv)
    {
        var result = await engine.RunAsync(nodes, NodeOperation.Same(argv), new FanOutOptions(), null, cancellationToken).ConfigureAwait(false);
        foreach (var r in result.Results.Where(r => r.Outcome is not (NodeOutcome.Ok or NodeOutcome.Failed)))
        {
            Record(r, showOutput: false);
        }
        return result.Results.ToDictionary(r => r.Node, StringComparer.Ordinal);
    }

    /// <summary>Runs one command on one node without recording it (a probe whose failure is expected);
    /// hand the result to <see cref="Absorb"/> to show it. <paramref name="standardInput"/> goes to the transport only.</summary>
    public async Task<NodeResult> TryAsync(string node, IReadOnlyList<string> argv, string standardInput = "")
    {
        var result = await engine.RunAsync([node], NodeOperation.Same(argv, standardInput), new FanOutOptions(), null, cancellationToken).ConfigureAwait(false);
        return result.Results[0];
    }

    /// <summary>Records a result obtained with <see cref="TryAsync"/> as if a phase had produced it.</summary>
    public void Absorb(NodeResult result)
    {
        Record(result, showOutput: true);
        onNodeResult?.Invoke(result);
    }

    /// <summary>Undoes an earlier step on one node after a later step failed: says so on the node's
    /// error stream (as a phase's rollback does), runs <paramref name="argv"/> there, and when that
    /// fails too, says the change could not be undone. <paramref name="standardInput"/> (a secret, maybe)
    /// goes to the transport only.</summary>
    public async Task UndoAsync(string node, IReadOnlyList<string> argv, string standardInput = "")
    {
        var state = _nodes[node];
        state.Stderr.Append(name).Append(": undoing the change on ").Append(node).Append(": ").Append(ShellWords.Join(argv)).Append('\n');
        var r = await TryAsync(node, argv, standardInput).ConfigureAwait(false);
        state.Duration += r.Duration;
        if (r.Outcome != NodeOutcome.Ok)
        {
            state.Stderr.Append(r.Stderr);
            Mark(state, r.Outcome, Math.Max(1, r.ExitCode));
            state.Stderr.Append(name).Append(": the change could not be undone on ").Append(node).Append('\n');
            onNodeResult?.Invoke(r with { Outcome = state.Outcome, ExitCode = state.ExitCode });
        }
    }

    /// <summary>A message from C-SPOC itself about one node; the node counts as failed.</summary>
    public void Fail(string node, string message, int exitCode = 1)
    {
        var state = _nodes[node];
        state.Stderr.Append(message).Append('\n');
        Mark(state, NodeOutcome.Failed, exitCode);
        onNodeResult?.Invoke(new NodeResult(node, NodeOutcome.Failed, state.ExitCode, "", message + "\n", TimeSpan.Zero));
    }

    /// <summary>A line from C-SPOC about one node on the error stream (the node's outcome is unchanged).</summary>
    public void Warn(string node, string message) => _nodes[node].Stderr.Append(message).Append('\n');

    /// <summary>An informational line from C-SPOC about one node.</summary>
    public void Note(string node, string message) => _nodes[node].Stdout.Append(message).Append('\n');

    /// <summary>A message not tied to a node, printed after the nodes' output.</summary>
    public void General(string message) => _general.Append(message).Append('\n');

    public CommandResult Result()
    {
        var results = targets.Select(n =>
        {
            var s = _nodes[n];
            return new NodeResult(n, s.Outcome, s.ExitCode, s.Stdout.ToString(), s.Stderr.ToString(), s.Duration);
        }).ToList();
        // As FanOutResult: the highest exit code of the commands that ran to their end, at least 1;
        // an unreachable node is a failure, but its 255 is not a command's exit code.
        var exit = results.All(r => r.Outcome == NodeOutcome.Ok)
            ? 0
            : Math.Max(1, results.Where(r => r.Outcome == NodeOutcome.Failed).Select(r => r.ExitCode).DefaultIfEmpty(1).Max());
        return new CommandResult(exit, Gatherer.Prefix(results, r => r.Stdout), Gatherer.Prefix(results, r => r.Stderr) + _general, results);
    }

    private void Record(NodeResult r, bool showOutput)
    {
        var state = _nodes[r.Node];
        state.Duration += r.Duration;
        if (showOutput)
        {
            state.Stdout.Append(r.Stdout);
        }
        if (showOutput || r.Outcome != NodeOutcome.Ok)
        {
            state.Stderr.Append(r.Stderr);
        }
        switch (r.Outcome)
        {
            case NodeOutcome.Ok:
                return;
            case NodeOutcome.Unreachable:
                state.Stderr.Append(name).Append(": unable to reach node ").Append(r.Node).Append("; nothing was run there.\n");
                break;
            case NodeOutcome.TimedOut:
                state.Stderr.Append(name).Append(": node ").Append(r.Node).Append(" did not answer in time; the command was stopped there.\n");
                break;
        }
        Mark(state, r.Outcome, r.ExitCode);
    }

    private static void Mark(NodeState state, NodeOutcome outcome, int exitCode)
    {
        if (state.Outcome == NodeOutcome.Ok || state.Outcome == NodeOutcome.Cancelled)
        {
            state.Outcome = outcome;
        }
        state.ExitCode = Math.Max(state.ExitCode, exitCode);
    }

    /// <summary>The nodes a C-SPOC command runs on: the request's nodes (a re-run), else -cspoc's
    /// nodes, else every cluster node.</summary>
    public static IReadOnlyList<string> TargetsOf(CommandInvocation invocation, IClusterNodes nodes) =>
        invocation.Nodes ?? (invocation.Cspoc is { Nodes.Count: > 0 } cspoc ? cspoc.Nodes : nodes.All());

    public static CommandResult Usage(string message) => CommandResult.Local(2, "", message.EndsWith('\n') ? message : message + "\n");
}
