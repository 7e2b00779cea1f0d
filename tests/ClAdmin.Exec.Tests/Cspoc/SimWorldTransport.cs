using System.Diagnostics;
using ClAdmin.Contracts;
using ClAdmin.Exec.Nodes;
using ClAdmin.Shell;
using ClAdmin.Sim.Model;
using ClAdmin.Sim.Shell;

namespace ClAdmin.Exec.Tests.Cspoc;

/// <summary>
/// A transport onto the real simulator: each command line is handed to the simulated node's shell
/// (SimShell.Execute) in a WorldBuilder world, one at a time since the world is plain data. A node the
/// simulator calls unreachable (crashed, every interface down) comes back Unreachable. Keeps every
/// command it was given, standard input apart, so tests can check what travelled where.
/// </summary>
internal sealed class SimWorldTransport(SimWorld world) : ITransport
{
    private readonly Lock _lock = new();
    private readonly List<NodeCommand> _seen = [];

    public string Name => "sim";

    /// <summary>A failure to inject midway: the error text for a command that is to fail on its node
    /// (exit 1, nothing run), or null to run it.</summary>
    public Func<NodeCommand, string?>? Refuse { get; set; }

    public IReadOnlyList<NodeCommand> Seen
    {
        get
        {
            lock (_lock)
            {
                return _seen.ToList();
            }
        }
    }

    public Task<NodeResult> RunAsync(NodeCommand command, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var clock = Stopwatch.StartNew();
        ShellResult r;
        lock (_lock)
        {
            _seen.Add(command);
            r = Refuse?.Invoke(command) is { } refusal
                ? new ShellResult(true, 1, "", refusal + "\n")
                : SimShell.Execute(world, command.Node, ShellWords.Join(command.Argv), command.StandardInput);
        }
        var result = !r.Reachable
            ? new NodeResult(command.Node, NodeOutcome.Unreachable, NodeExitCodes.Unreachable, "", "", clock.Elapsed)
            : new NodeResult(command.Node, r.ExitCode == 0 ? NodeOutcome.Ok : NodeOutcome.Failed, r.ExitCode, r.Stdout, r.Stderr, clock.Elapsed);
        return Task.FromResult(result);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>The cluster's nodes as a fixed list.</summary>
internal sealed class FixedClusterNodes(params string[] nodes) : IClusterNodes
{
    public IReadOnlyList<string> All() => nodes;
}
