using System.Globalization;
using System.Text;
using ClAdmin.Cluster;
using ClAdmin.Contracts;
using ClAdmin.Sim.Model;

namespace ClAdmin.Sim.Manager;

/// <summary>DARE on the simulated cluster (semantics §9.4): the events reconfig_resource_release, then (once the
/// synchronization made the new configuration active) reconfig_topology_start and reconfig_topology_complete when
/// the topology changed, then reconfig_resource_acquire and reconfig_resource_complete,
/// run on every member to a stable cluster, in step mode too (the synchronization waits for them).</summary>
public sealed partial class SimClusterServices : IDynamicReconfiguration
{
    public bool ServicesActive()
    {
        var nodes = ActiveConfiguration().Nodes.Select(n => n.Name).ToHashSet(StringComparer.Ordinal);
        return transport.TryWorld() is { } world && world.Nodes.Any(n => nodes.Contains(n.Name) && n.Up && ClusterManager.Active(n));
    }

    public Task<CommandResult> ReleaseAsync(DareRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return DareAsync(request, world =>
        {
            var releases = world.Cluster.Groups
                .Where(g => request.Release.Contains(g.Group) && g.State is "ONLINE" or "ACQUIRING" or "ERROR" && world.FindNode(g.Node) is { Up: true })
                .Select(g => new GroupAction(g.Group, g.Node, GroupActionKind.Release)).ToList();
            world.Cluster.Queue.Add(new QueuedEvent { Name = "reconfig_resource_release", Args = { request.Node }, Plan = [.. ClusterManager.EncodePlan(releases)] });
        }, cancellationToken);
    }

    public Task<CommandResult> AcquireAsync(DareRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return DareAsync(request, world =>
        {
            if (request.Topology.Count > 0)
            {
                // §9.4: release, reconfigure the topology (the new rings are those of the active configuration), acquire.
                world.Cluster.Queue.Add(new QueuedEvent { Name = "reconfig_topology_start", Args = { request.Node } });
                world.Cluster.Queue.Add(new QueuedEvent { Name = "reconfig_topology_complete", Args = { request.Node } });
            }
            world.Cluster.Queue.Add(new QueuedEvent { Name = "reconfig_resource_acquire", Args = { request.Node } });
            world.Cluster.Queue.Add(new QueuedEvent { Name = "reconfig_resource_complete", Args = { request.Node } });
        }, cancellationToken);
    }

    /// <summary>Queues the DARE events under the active configuration and runs them to a stable cluster; refused
    /// while the cluster is not stable (events waiting, or a failed event waiting for clruncmd): exit 2, nothing done.</summary>
    private async Task<CommandResult> DareAsync(DareRequest request, Action<SimWorld> queue, CancellationToken cancellationToken)
    {
        var config = ActiveConfiguration();
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        var rc = 0;
        var saved = await transport.ChangeWorldAsync(world =>
        {
            stdout.Clear();
            stderr.Clear();
            rc = 0;
            ClusterManager.Reconcile(world, [.. config.Nodes.Select(n => n.Name)]);
            var c = world.Cluster;
            if (c.FailedEvent.Length > 0 || c.Queue.Count > 0)
            {
                stderr.Append(ManagerTexts.DareUnstable(c.FailedEvent.Length > 0 ? $"event {c.FailedEvent} failed on {c.FailedNode}" : "cluster events are waiting")).Append('\n');
                rc = 2; // refused: nothing was done
                return false;
            }
            var log = new EventLog(world);
            queue(world);
            _manager.Settle(world, config, log);
            stdout.Append(log.Transcript);
            if (c.FailedEvent.Length > 0)
            {
                stderr.Append(CultureInfo.InvariantCulture, $"event {c.FailedEvent} failed on {c.FailedNode}: its cluster manager is in ST_RP_FAILED (see {ManagerTexts.HacmpOut} there).\n");
                rc = 1;
            }
            return true;
        }, cancellationToken).ConfigureAwait(false);
        _ = request;
        return saved is null
            ? CommandResult.Local(1, "", "cldare: the simulated world kept changing underneath (another cladmin is busy); try again\n")
            : CommandResult.Local(rc, stdout.ToString(), stderr.ToString());
    }
}
