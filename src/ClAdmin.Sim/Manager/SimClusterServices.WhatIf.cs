using System.Globalization;
using System.Text;
using ClAdmin.Contracts;
using ClAdmin.Sim.Model;

namespace ClAdmin.Sim.Manager;

/// <summary>What a what-if forecast printed (the events) and the world it ended in (a copy, never saved).</summary>
/// <param name="Result">The cluster events that would run, as <c>sim fail</c> prints them, and the exit code.</param>
/// <param name="After">The world once the events ran (null when the fault was refused): for the placement table.</param>
public sealed record WhatIfResult(CommandResult Result, SimWorld? After);

public sealed partial class SimClusterServices
{
    /// <summary>
    /// <c>cladmin sim whatif fail KIND TARGET</c>: the fault applied to the world as <c>sim fail</c> does, the
    /// failure detected and the cluster events run to a stable cluster (in step mode too), on the loaded copy
    /// of the world, which is then discarded: nothing is saved, no log on a node grows. The same engine and
    /// placement as a real fault, so the forecast is what then happens when the fault is injected.
    /// </summary>
    public async Task<WhatIfResult> WhatIfAsync(Func<SimWorld, (bool Ok, string Message)> apply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(apply);
        var config = ActiveConfiguration();
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        var rc = 0;
        SimWorld? after = null;
        await transport.ChangeWorldAsync(world =>
        {
            ClusterManager.Reconcile(world, [.. config.Nodes.Select(n => n.Name)]);
            var (ok, message) = apply(world);
            if (!ok)
            {
                stderr.Append(CultureInfo.InvariantCulture, $"cladmin: sim whatif: {message}\n");
                rc = 2;
                return false;
            }
            stdout.Append(ManagerTexts.WhatIfHeader(message)).Append('\n');
            var log = new EventLog(world);
            var took = _manager.Settle(world, config, log);
            stdout.Append(log.Transcript);
            stdout.Append(log.Transcript.Length > 0
                ? string.Create(CultureInfo.InvariantCulture, $"Settled in {(int)took.TotalHours}:{took:mm\\:ss} of simulated time.\n")
                : ManagerTexts.WhatIfNoEvents + "\n");
            if (world.Cluster.FailedEvent.Length > 0)
            {
                stderr.Append(CultureInfo.InvariantCulture, $"event {world.Cluster.FailedEvent} would fail on {world.Cluster.FailedNode}: its cluster manager would wait in ST_RP_FAILED.\n");
                rc = 1;
            }
            after = world;
            return false; // a forecast: the world is never saved
        }, cancellationToken).ConfigureAwait(false);
        return new(CommandResult.Local(rc, stdout.ToString(), stderr.ToString()), after);
    }
}
