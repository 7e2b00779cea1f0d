namespace ClAdmin.Cluster.Placement;

/// <summary>
/// "Why is it there?": one plain sentence per resource group, built from the reason the placement rules
/// record with each decision (<see cref="GroupPlacement.Why"/>, with its rule id), the group's node list, the
/// nodes whose services run and its policies. The rules are applied to the cluster as it is
/// (<see cref="Reevaluation"/>), so the sentence is the rules' own account, never a separate guess.
/// </summary>
public static class PlacementExplanation
{
    /// <summary>The sentence of every group of <paramref name="configuration"/>, by name, for the cluster in <paramref name="snapshot"/>.</summary>
    public static IReadOnlyDictionary<string, string> Explain(ClusterConfiguration configuration, ClusterSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(snapshot);
        var result = RgPlacement.Compute(configuration, snapshot, new Reevaluation());
        return configuration.ResourceGroups.ToDictionary(g => g.Name, g => Sentence(g, snapshot, result.Group(g.Name)), StringComparer.Ordinal);
    }

    /// <summary>"rg1 is ONLINE on node2 because ...; node list node1 node2, cluster services running on node2; policies OHN FNPN FBHPN."</summary>
    public static string Sentence(ResourceGroup group, ClusterSnapshot snapshot, GroupPlacement placement)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(placement);
        var now = snapshot.Group(group.Name).Nodes.Where(n => n.Value != GroupState.Offline).ToList();
        var where = now.Count == 0 ? "OFFLINE"
            : string.Join(" and ", now.GroupBy(n => n.Value).Select(s => $"{Name(s.Key)} on {string.Join(", ", s.Select(n => n.Key))}"));
        var up = group.Nodes.Where(n => snapshot.Nodes.TryGetValue(n, out var s) && s.Status == NodeStatus.Up).ToList();
        var why = placement.Why.Length > 0 ? placement.Why : "the placement rules leave it there";
        return $"{group.Name} is {where} because {why}; node list {string.Join(" ", group.Nodes)}, cluster services running on "
            + $"{(up.Count == 0 ? "none of them" : string.Join(", ", up))}; policies {PolicyCodes.Code(group.Startup)} {PolicyCodes.Code(group.Fallover)} {PolicyCodes.Code(group.Fallback)}.";
    }

    private static string Name(GroupState state) => state switch
    {
        GroupState.Online => "ONLINE",
        GroupState.Acquiring => "ACQUIRING",
        GroupState.Releasing => "RELEASING",
        GroupState.Error => "ERROR",
        GroupState.TemporaryError => "TEMPORARY ERROR",
        GroupState.Unmanaged => "UNMANAGED",
        _ => "OFFLINE",
    };
}
