using System.Globalization;
using ClAdmin.Contracts;
using ClAdmin.Exec.Dispatch;
using ClAdmin.Exec.FanOut;
using ClAdmin.Exec.Nodes;

namespace ClAdmin.Exec.Cspoc;

/// <summary>
/// <c>cl_chsyncd Frequency</c>, the "Change/Show syncd frequency" dialog (Extended Performance Tuning
/// Parameters): HACMP's <c>clchsyncd Frequency</c> on every cluster node (it rewrites the syncd line of
/// /sbin/rc.boot; <c>clchsyncd</c> alone prints <c>syncd frequency: N</c>). Each node's frequency is read
/// first and put back where it was changed when another node fails.
/// </summary>
public sealed class SyncdHandler(FanOutEngine engine, IClusterNodes clusterNodes) : CspocHandler(engine, clusterNodes)
{
    public override IReadOnlyCollection<string> Names { get; } = ["cl_chsyncd"];

    internal override async Task<CommandResult?> PlanAsync(CspocRun run, CommandInvocation invocation)
    {
        var args = invocation.Arguments.Where(a => a != "--").ToList();
        if (args.Count != 1)
        {
            return CspocRun.Usage("Usage: cl_chsyncd [-cspoc \"[-f] [-n Node,...]\"] Frequency");
        }
        if (!int.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds < 1)
        {
            return CspocRun.Usage($"cl_chsyncd: the syncd frequency is a whole number of seconds, 1 or more, not '{args[0]}'.");
        }
        var now = await run.QueryAsync(run.Targets, ["clchsyncd"]).ConfigureAwait(false);
        var old = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var node in run.Targets)
        {
            var r = now[node];
            var value = r.Stdout.Split('\n').FirstOrDefault(l => l.Contains("syncd frequency:", StringComparison.Ordinal))?.Split(' ')[^1];
            if (r.Outcome == NodeOutcome.Ok && value is not null)
            {
                old[node] = value;
            }
            else if (r.Outcome == NodeOutcome.Failed || r.Outcome == NodeOutcome.Ok)
            {
                run.Fail(node, $"{run.Name}: cannot read the syncd frequency on {node}:\n{r.Stderr.TrimEnd()}", Math.Max(1, r.ExitCode));
            }
        }
        if (old.Count == 0 || (!run.Force && run.AnyFailed))
        {
            run.General($"{run.Name}: nothing was changed.");
            return null;
        }
        var frequency = seconds.ToString(CultureInfo.InvariantCulture);
        await run.RunAsync(run.Targets.Where(old.ContainsKey).ToList(), _ => ["clchsyncd", frequency], rollback: n => ["clchsyncd", old[n]]).ConfigureAwait(false);
        return null;
    }
}
