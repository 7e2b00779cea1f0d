using ClAdmin.Contracts;
using ClAdmin.Store;

namespace ClAdmin.Sim.Manager;

/// <summary>
/// The cluster state the utilities report, read from the simulated world: each node's clstrmgrES
/// state (R-CM: NOT_CONFIGURED until the node is in the synchronized configuration, ST_INIT while
/// its services are stopped), the resource groups' states, and the SRC subsystems with the PIDs
/// that <c>lssrc</c> and <c>ps</c> show on the node.
/// </summary>
public sealed class SimClusterState(SimTransport transport, Func<ObjectRepository> openRepository) : IClusterState
{
    /// <summary>The subsystems clshowsrv reports, in lssrc order.</summary>
    private static readonly string[] Reported = ["topsvcs", "grpsvcs", "grpglsm", "emsvcs", "emaixos", "ctrmc", "clcomdES", "clstrmgrES", "clinfoES"];

    public ClusterManagerState ManagerState(string node)
    {
        if (transport.TryWorld()?.FindNode(node) is not { } simNode)
        {
            return ClusterManagerState.NotConfigured;
        }
        var state = simNode.ClusterManagerState;
        if (state is "NOT_CONFIGURED" or "ST_INIT")
        {
            using var repo = openRepository();
            state = ClusterManager.ConfiguredState(state, repo.LoadConfiguration(ConfigDirectory.Active).Nodes.Any(n => n.Name == node));
        }
        return Enum.GetValues<ClusterManagerState>().FirstOrDefault(s => StateNames.Name(s) == state, ClusterManagerState.NotConfigured);
    }

    /// <summary>The group's state on the node; an OFFLINE group that the placement keeps offline for a reason shows
    /// it on every node ("OFFLINE DUE TO PARENT OFFLINE", ... semantics §3 R-STATE; which rows carry the reason is [RECONSTRUCTED]).</summary>
    public ResourceGroupState GroupState(string group, string node)
    {
        var world = transport.TryWorld();
        var name = world is null ? "OFFLINE" : ClusterManager.GroupState(world, group, node);
        if (name == "OFFLINE" && world is not null && world.Cluster.OfflineReasons.TryGetValue(group, out var reason)
            && Enum.TryParse<ClAdmin.Cluster.Placement.OfflineReason>(reason, out var why))
        {
            name = ClAdmin.Cluster.Placement.OfflineReasons.Text(why);
        }
        return Enum.GetValues<ResourceGroupState>().FirstOrDefault(s => StateNames.Name(s) == name, ResourceGroupState.Unknown);
    }

    /// <summary>R-1.6: the node a clRGmove -n made the group's priority override location, as the cluster manager keeps it.</summary>
    public string? PriorityOverrideLocation(string group) =>
        transport.TryWorld()?.Cluster.PriorityOverride.TryGetValue(group, out var node) == true ? node : null;

    /// <summary>S9: a monitor of the application on the node took its notify action and the application has not run since.</summary>
    public bool MonitorFailed(string application, string node)
    {
        var failed = transport.TryWorld()?.Cluster.Monitors.Where(m => m.Node == node && m.State == "failed").Select(m => m.Monitor).ToList() ?? [];
        if (failed.Count == 0)
        {
            return false;
        }
        using var repo = openRepository();
        return repo.LoadConfiguration(ConfigDirectory.Active).ApplicationMonitors.Any(m => failed.Contains(m.Name) && m.Applications.Contains(application));
    }

    public GroupMove? PendingMove(string group)
    {
        var groups = transport.TryWorld()?.Cluster.Groups.Where(g => g.Group == group).ToList() ?? [];
        var from = groups.Find(g => g.State == "RELEASING");
        var to = groups.Find(g => g.State == "ACQUIRING");
        return from is not null || to is not null ? new GroupMove(from?.Node ?? "", to?.Node ?? "") : null;
    }

    public IReadOnlyList<SubsystemStatus> Subsystems(string node)
    {
        var subsystems = transport.TryWorld()?.FindNode(node)?.Subsystems ?? [];
        return [.. subsystems.Where(s => Reported.Contains(s.Name)).Select(s => new SubsystemStatus(s.Name, s.Group, s.Pid))];
    }

    /// <summary>Up when the node runs (not crashed), its services run and its NIC is up.</summary>
    public bool InterfaceUp(string node, string device) =>
        transport.TryWorld()?.FindNode(node) is { Up: true } n && ClusterManager.Active(n)
        && n.Interfaces.Find(i => i.Name == device) is { Up: true };

    /// <summary>The placement rules' own reason for the group's place (PlacementExplainer), from the active configuration.</summary>
    public string? Explanation(string group)
    {
        if (transport.TryWorld() is not { } world)
        {
            return null;
        }
        using var repo = openRepository();
        var config = repo.LoadConfiguration(ConfigDirectory.Active);
        return PlacementExplainer.Explain(world, config).GetValueOrDefault(group);
    }

    /// <summary>The simulated clock.</summary>
    public DateTime Now => transport.TryWorld()?.Clock ?? DateTime.Now;

    /// <summary>The simulated nodes' TZ.</summary>
    public string TimeZoneName => transport.TryWorld()?.TimeZone ?? "UTC";
}
