using ClAdmin.Cluster;
using ClAdmin.Cluster.Placement;
using ClAdmin.Sim.Model;

namespace ClAdmin.Sim.Manager;

/// <summary>The cluster managers' view of the world (as the placement decisions see it) handed to
/// <see cref="PlacementExplanation"/>: each group's "why is it there" sentence.</summary>
public static class PlacementExplainer
{
    /// <summary>The sentence of every group of <paramref name="configuration"/> (the ACD) in <paramref name="world"/>.</summary>
    public static IReadOnlyDictionary<string, string> Explain(SimWorld world, ClusterConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(configuration);
        var c = world.Cluster;
        var down = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        foreach (var parts in c.Detected.Where(f => f.StartsWith("network:", StringComparison.Ordinal)).Select(f => f.Split(':')))
        {
            foreach (var n in parts[1] == "-1" ? configuration.Nodes.Select(x => x.Name) : [parts[1]])
            {
                down[n] = new HashSet<string>(down.GetValueOrDefault(n) ?? new HashSet<string>(), StringComparer.Ordinal) { parts[2] };
            }
        }
        var request = new PlacementRequest(configuration, ClusterManager.Available(world, configuration),
            [.. c.Groups.Select(g => new GroupLocation(g.Group, g.Node,
                Enum.GetValues<ClAdmin.Contracts.ResourceGroupState>().FirstOrDefault(s => ClAdmin.Contracts.StateNames.Name(s) == g.State, ClAdmin.Contracts.ResourceGroupState.Unknown)))],
            "reevaluation", "", "")
        {
            DownNetworks = down,
            PriorityOverride = c.PriorityOverride,
            OfflineReasons = c.OfflineReasons,
            SettlingTimerRunning = c.Timers.ContainsKey("settling"),
            Now = world.Clock,
        };
        return PlacementExplanation.Explain(configuration, RulePlacement.Snapshot(request));
    }
}
