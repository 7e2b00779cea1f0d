using ClAdmin.Cluster.Placement;

namespace ClAdmin.Cluster.Tests.Placement;

/// <summary>The shape of scripts/bench/policy.sh: <c>nodes</c> nodes, <c>groups</c> groups each with a home node and
/// two fallover nodes, every group online on its home node.</summary>
internal static class PlacementBench
{
    public static (ClusterConfiguration, ClusterSnapshot) Cluster(int nodes, int groups)
    {
        string Node(int i) => $"node{(i % nodes) + 1}";
        var config = new ClusterConfiguration
        {
            Cluster = new ClusterInfo("bench", 1),
            Nodes = [.. Enumerable.Range(0, nodes).Select(i => new Node(Node(i), Node(i)))],
            ResourceGroups = [.. Enumerable.Range(0, groups).Select(g => new ResourceGroup($"rg{g + 1}", [Node(g), Node(g + 1), Node(g + 2)]))],
        };
        var snapshot = new ClusterSnapshot
        {
            Nodes = config.Nodes.ToDictionary(n => n.Name, _ => NodeState.Up),
            Groups = config.ResourceGroups.ToDictionary(g => g.Name, g => GroupStatus.OnlineOn(g.Nodes[0])),
        };
        return (config, snapshot);
    }
}
