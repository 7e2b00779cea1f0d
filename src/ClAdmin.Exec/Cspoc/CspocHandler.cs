using ClAdmin.Contracts;
using ClAdmin.Exec.Dispatch;
using ClAdmin.Exec.FanOut;
using ClAdmin.Exec.Nodes;

namespace ClAdmin.Exec.Cspoc;

/// <summary>
/// What every C-SPOC command shares: it runs on -cspoc's nodes (or, with none named, on every
/// cluster node), plans the AIX commands for them and reports per node. Subclasses write the plan.
/// </summary>
public abstract class CspocHandler(FanOutEngine engine, IClusterNodes clusterNodes) : ICommandHandler
{
    public abstract IReadOnlyCollection<string> Names { get; }

    public async Task<CommandResult> RunAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var targets = CspocRun.TargetsOf(invocation, clusterNodes);
        if (targets.Count == 0)
        {
            return CspocRun.Usage($"{invocation.Name}: no cluster nodes are defined; name the nodes with -cspoc \"-n node1,node2\".");
        }
        var run = new CspocRun(invocation.Name, engine, targets, invocation.Cspoc?.Force ?? false, cancellationToken, invocation.OnNodeResult);
        var usage = await PlanAsync(run, invocation).ConfigureAwait(false);
        return usage ?? run.Result();
    }

    /// <summary>Runs the command's plan through <paramref name="run"/>. Returns null when
    /// <paramref name="run"/> holds the outcome, or the result to give instead (a usage error found
    /// before anything ran, exit code 2).</summary>
    internal abstract Task<CommandResult?> PlanAsync(CspocRun run, CommandInvocation invocation);
}
