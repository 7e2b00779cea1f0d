using System.Globalization;
using System.Text;
using ClAdmin.Cluster;
using ClAdmin.Contracts;
using ClAdmin.Exec.Utilities;
using ClAdmin.Sim.Manager;
using ClAdmin.Sim.Model;

namespace ClAdmin;

/// <summary>
/// The Live Cluster Status screen of the Cluster Simulation menu (issue 19 §4), in the spirit of
/// clstat (outputs §2.1: cluster state and substate, each node with its interfaces and their
/// state, the resource groups), laid out to fit 80x24 with what a trainee watches first on top:
/// the cluster, where each resource group is, the nodes with their cluster manager state and
/// interfaces, the networks, the faults injected and the last cluster events of hacmp.out.
/// ClAdmin's own screen, so its words are ours [U]; the states are the products' (StateNames).
/// </summary>
public static class SimLiveStatus
{
    /// <summary>How many of the last EVENT lines of hacmp.out are shown.</summary>
    public const int LastEvents = 8;

    public static string Render(SimWorld world, ClusterConfiguration configuration, IClusterState state)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(state);
        var sb = new StringBuilder();
        void Line(string text = "") => sb.Append(text).Append('\n');
        var clock = string.Create(CultureInfo.InvariantCulture, $"{world.Clock:ddd MMM} {world.Clock.Day,2} {world.Clock:HH:mm:ss yyyy}");
        if (configuration.Cluster is not { } cluster)
        {
            Line($"No cluster is synchronized yet.   Simulated clock: {clock}");
            Line();
            AppendFaults(world, Line);
            return sb.ToString();
        }
        var (clusterState, subState) = StatusFormatter.ClusterState(configuration, state);
        Line(string.Create(CultureInfo.InvariantCulture, $"Cluster: {cluster.Name} ({cluster.Id})   State: {clusterState}   SubState: {subState}   Nodes: {configuration.Nodes.Count}"));
        Line(string.Create(CultureInfo.InvariantCulture, $"Simulated clock: {clock}   Event mode: {world.Cluster.Mode}   Waiting events: {world.Cluster.Queue.Count}"));
        Line();
        Line(Pad("Resource Group", 16) + Pad("State", 32) + "Node");
        foreach (var g in configuration.ResourceGroups)
        {
            var held = g.Nodes.Select(n => (Node: n, State: state.GroupState(g.Name, n)))
                .Where(x => x.State != ResourceGroupState.Offline).ToList();
            if (held.Count == 0)
            {
                Line(Pad(g.Name, 16) + Pad(StateNames.Name(ResourceGroupState.Offline), 32).TrimEnd());
            }
            for (var i = 0; i < held.Count; i++)
            {
                Line(Pad(i == 0 ? g.Name : "", 16) + Pad(StateNames.Name(held[i].State), 32) + held[i].Node);
            }
        }
        Line();
        foreach (var node in configuration.Nodes)
        {
            var sim = world.FindNode(node.Name);
            var why = sim is null ? "" : !sim.Up ? "   (crashed)" : world.Faults.Exists(f => f.Kind == "hang" && f.Target == node.Name) ? "   (hung)" : "";
            Line(Pad("Node: " + node.Name, 16) + Pad("State: " + (sim is { Up: false } ? "DOWN" : StatusFormatter.NodeState(state, node.Name)), 16)
                + "clstrmgrES: " + StateNames.Name(state.ManagerState(node.Name)) + why);
            foreach (var a in StatusFormatter.Addresses(configuration, state, node.Name))
            {
                Line("  " + Pad(string.Create(CultureInfo.InvariantCulture, $"Interface: {a.Label} ({a.NetworkIndex})"), 34)
                    + Pad("Address: " + a.Address, 25) + "State: " + (a.Up ? "UP" : "DOWN"));
            }
        }
        Line();
        foreach (var net in configuration.Networks)
        {
            var up = configuration.Nodes.Where(n => StatusFormatter.Addresses(configuration, state, n.Name).Any(a => a.Network.Name == net.Name && a.Up))
                .Select(n => n.Name).ToList();
            var failed = world.Networks.Exists(n => n.Name == net.Name && n.Failed);
            Line(Pad($"Network: {net.Name} ({net.Type})", 34) + "State: " + (!failed && up.Count > 0 ? "UP" : "DOWN")
                + (up.Count > 0 ? "   up on " + string.Join(", ", up) : ""));
        }
        AppendFaults(world, Line);
        Line();
        Line($"Last cluster events ({ManagerTexts.HacmpOut}):");
        foreach (var e in Events(world, configuration).TakeLast(LastEvents))
        {
            Line("  " + e);
        }
        return sb.ToString();
    }

    private static void AppendFaults(SimWorld world, Action<string> line) =>
        line("Faults: " + (world.Faults.Count == 0 ? "none" : string.Join(", ", world.Faults.Select(f => $"{f.Kind} {f.Target}"))));

    /// <summary>Every node's EVENT START/COMPLETED/FAILED lines of hacmp.out as "node: line", in time order.</summary>
    private static IEnumerable<string> Events(SimWorld world, ClusterConfiguration configuration)
    {
        var all = new List<(DateTime At, string Text)>();
        foreach (var node in configuration.Nodes)
        {
            if (world.FindNode(node.Name) is not { } sim || !sim.Files.TryGetValue(ManagerTexts.HacmpOut, out var file))
            {
                continue;
            }
            foreach (var line in file.Content.Split('\n'))
            {
                if (line.Length > 16 && line.Contains(" EVENT ", StringComparison.Ordinal)
                    && DateTime.TryParseExact(string.Join(' ', line[..15].Split(' ', StringSplitOptions.RemoveEmptyEntries)), "MMM d HH:mm:ss",
                        CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
                {
                    all.Add((at, $"{node.Name}: {line}"));
                }
            }
        }
        return all.OrderBy(e => e.At).Select(e => e.Text);
    }

    private static string Pad(string value, int width) => value.Length < width ? value.PadRight(width) : value + " ";
}
