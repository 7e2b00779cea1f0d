using ClAdmin.Cluster.Placement;

namespace ClAdmin.Cluster.Tests.Placement;

/// <summary>Configurations and states built in code: nodes n1..nN, one ether network.</summary>
internal static class PlacementFixtures
{
    public static ClusterConfiguration Config(int nodes, params ResourceGroup[] groups) => new()
    {
        Cluster = new ClusterInfo("c1", 1),
        Nodes = [.. Enumerable.Range(1, nodes).Select(i => new Node($"n{i}", $"n{i}"))],
        Networks = [new Network("net_ether_01", "ether")],
        ResourceGroups = groups,
    };

    /// <summary>A group on <paramref name="nodes"/> (blank-separated, in priority order) with "STARTUP FALLOVER FALLBACK" codes.</summary>
    public static ResourceGroup Rg(string name, string nodes, string policies)
    {
        var p = policies.Split(' ');
        return new ResourceGroup(name, nodes.Split(' '), PolicyCodes.ParseStartup(p[0])!.Value, PolicyCodes.ParseFallover(p[1])!.Value, PolicyCodes.ParseFallback(p[2])!.Value);
    }

    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Res(string kind, params string[] values) =>
        new Dictionary<string, IReadOnlyList<string>> { [kind] = values };

    /// <summary>Services up on <paramref name="up"/> (blank-separated); each of <paramref name="online"/> is "rg@node".</summary>
    public static ClusterSnapshot Up(string up, params string[] online)
    {
        var groups = new Dictionary<string, Dictionary<string, GroupState>>();
        foreach (var o in online)
        {
            var (g, n) = (o.Split('@')[0], o.Split('@')[1]);
            var state = GroupState.Online;
            if (n.Contains(':', StringComparison.Ordinal))
            {
                state = Enum.Parse<GroupState>(n.Split(':')[1]);
                n = n.Split(':')[0];
            }
            (groups.TryGetValue(g, out var d) ? d : groups[g] = [])[n] = state;
        }
        return new ClusterSnapshot
        {
            Nodes = up.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToDictionary(n => n, _ => NodeState.Up),
            Groups = groups.ToDictionary(g => g.Key, g => new GroupStatus(g.Value)),
        };
    }

    /// <summary>The plan as "Release rg1 n2" lines.</summary>
    public static string[] Plan(PlacementResult r) => [.. r.Actions.Select(a => a.ToString())];
}
