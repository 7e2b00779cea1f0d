using System.Globalization;
using System.Text;
using ClAdmin.Cluster;
using ClAdmin.Contracts;

namespace ClAdmin.Exec.Utilities;

/// <summary>
/// The SNMP-fed status views: clstat's ASCII screen (outputs §2.1 [DOC] texts, menus §6.5 layout
/// [C]), cldump (menus §6.6 and outputs §4.2: key names [P], spacing [U]) and cltopinfo -m's
/// heartbeat table [RECONSTRUCTED]. Node states UP/DOWN/JOINING, cluster state UP/DOWN, substates
/// STABLE/UNSTABLE/ERROR (outputs §2.2). Interfaces are the IP boot interfaces of each node and the
/// service labels of the groups online on it.
/// </summary>
public static class StatusFormatter
{
    /// <summary>UP, DOWN or JOINING: what clstat and cldump print for a node.</summary>
    public static string NodeState(IClusterState state, string node)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.ManagerState(node) switch
        {
            ClusterManagerState.Init or ClusterManagerState.NotConfigured => "DOWN",
            ClusterManagerState.Joining => "JOINING",
            _ => "UP",
        };
    }

    /// <summary>The cluster state and substate (outputs §2.2): UP with STABLE, UNSTABLE or ERROR; DOWN with UNKNOWN.</summary>
    public static (string State, string SubState) ClusterState(ClusterConfiguration configuration, IClusterState state)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(state);
        var active = configuration.Nodes.Select(n => state.ManagerState(n.Name)).Where(StateNames.ServicesActive).ToList();
        if (active.Count == 0)
        {
            return ("DOWN", "UNKNOWN");
        }
        return ("UP", active.Contains(ClusterManagerState.RpFailed) ? "ERROR" : active.All(s => s == ClusterManagerState.Stable) ? "STABLE" : "UNSTABLE");
    }

    /// <summary>One address of a node as clstat and cldump list it.</summary>
    public sealed record NodeAddress(string Label, string Address, Network Network, int NetworkIndex, bool Up);

    /// <summary>The node's addresses per IP network: its boot interfaces, then the service labels of
    /// the groups ONLINE on it (an address is up when its interface is).</summary>
    public static IReadOnlyList<NodeAddress> Addresses(ClusterConfiguration configuration, IClusterState state, string node)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(state);
        var result = new List<NodeAddress>();
        var networks = configuration.Networks.ToList();
        var held = configuration.ResourceGroups
            .Where(g => state.GroupState(g.Name, node) == ResourceGroupState.Online)
            .SelectMany(g => g.Resource(ResourceKinds.ServiceLabel)).ToHashSet(StringComparer.Ordinal);
        for (var index = 0; index < networks.Count; index++)
        {
            var net = networks[index];
            if (!net.IsIp)
            {
                continue;
            }
            var boots = configuration.Interfaces.Where(i => i.Node == node && i.Network == net.Name).ToList();
            foreach (var i in boots)
            {
                result.Add(new NodeAddress(i.Label, i.Address, net, index, state.InterfaceUp(node, i.Device)));
            }
            var anyUp = boots.Any(i => state.InterfaceUp(node, i.Device));
            foreach (var s in configuration.ServiceIps.Where(s => s.Network == net.Name && held.Contains(s.Label)))
            {
                result.Add(new NodeAddress(s.Label, s.Address, net, index, anyUp));
            }
        }
        return result;
    }

    /// <summary>clstat's screen: the footer line when <paramref name="footer"/> (the interactive screen), none for -o.</summary>
    public static string Clstat(ClusterConfiguration configuration, IClusterState state, bool footer)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(state);
        var cluster = configuration.Cluster!;
        var (clusterState, subState) = ClusterState(configuration, state);
        var sb = new StringBuilder();
        sb.Line(new string(' ', 16) + StatusTexts.ClstatTitle)
            .Line(new string(' ', 16) + StatusTexts.ClstatRule)
            .Line()
            .Line(Text.Pad("Cluster: " + cluster.Name, 24) + "(" + cluster.Id.ToString(CultureInfo.InvariantCulture) + ")")
            .Line(Date(state))
            .Line(new string(' ', 16) + Text.Pad("State: " + clusterState, 24) + "Nodes: " + configuration.Nodes.Count.ToString(CultureInfo.InvariantCulture))
            .Line(new string(' ', 16) + "SubState: " + subState);
        foreach (var node in configuration.Nodes)
        {
            sb.Line().Line(new string(' ', 8) + Text.Pad("Node: " + node.Name, 24) + "State: " + NodeState(state, node.Name));
            foreach (var a in Addresses(configuration, state, node.Name))
            {
                var index = a.NetworkIndex.ToString(CultureInfo.InvariantCulture);
                sb.Line(new string(' ', 11) + Text.Pad($"Interface: {a.Label} ({index})", 32) + "Address: " + a.Address)
                    .Line(new string(' ', 43) + "State:   " + (a.Up ? "UP" : "DOWN"));
            }
            foreach (var g in configuration.ResourceGroups.Where(g => g.Nodes.Contains(node.Name, StringComparer.Ordinal)))
            {
                sb.Line(new string(' ', 11) + Text.Pad("Resource Group: " + g.Name, 41) + "State:  " + StateNames.Name(state.GroupState(g.Name, node.Name)).ToLowerInvariant());
            }
        }
        if (footer)
        {
            sb.Line(StatusTexts.ClstatFooter);
        }
        return sb.ToString();
    }

    /// <summary>cldump: the cluster block, each node with its networks and addresses, then each group's policies and node table.</summary>
    public static string Cldump(ClusterConfiguration configuration, IClusterState state, string localNode)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(state);
        var name = configuration.Cluster!.Name;
        var (clusterState, subState) = ClusterState(configuration, state);
        var sb = new StringBuilder();
        sb.Line(StatusTexts.CldumpHeader(localNode)).Line(StatusTexts.CldumpRule)
            .Line("Cluster Name: " + name)
            .Line("Cluster State: " + clusterState)
            .Line("Cluster Substate: " + subState)
            .Line(StatusTexts.CldumpRule);
        foreach (var node in configuration.Nodes)
        {
            sb.Line().Line(Text.Pad("Node Name: " + node.Name, 32) + "State: " + NodeState(state, node.Name));
            foreach (var byNetwork in Addresses(configuration, state, node.Name).GroupBy(a => a.Network.Name))
            {
                var up = byNetwork.Any(a => a.Up);
                sb.Line().Line(Text.Pad("  Network Name: " + byNetwork.Key, 35) + "State: " + (up ? "UP" : "DOWN")).Line();
                foreach (var a in byNetwork)
                {
                    sb.Line("    Address: " + Text.Pad(a.Address, 16) + "Label: " + Text.Pad(a.Label, 17) + "State: " + (a.Up ? "UP" : "DOWN"));
                }
            }
        }
        sb.Line().Line("Cluster Name: " + name);
        foreach (var g in configuration.ResourceGroups)
        {
            sb.Line().Line("Resource Group Name: " + g.Name)
                .Line("Startup Policy: " + PolicyCodes.Label(g.Startup))
                .Line("Fallover Policy: " + PolicyCodes.Label(g.Fallover))
                .Line("Fallback Policy: " + PolicyCodes.Label(g.Fallback))
                .Line("Site Policy: " + g.SitePolicy)
                .Line(Text.Pad("Node", 29) + "Group State")
                .Line(new string('-', 28) + " " + new string('-', 15));
            foreach (var node in g.Nodes)
            {
                sb.Line(Text.Pad(node, 29) + StateNames.Name(state.GroupState(g.Name, node)));
            }
        }
        return sb.ToString();
    }

    /// <summary>cltopinfo -m on <paramref name="node"/>: each of its interfaces (IP and heartbeat devices) with
    /// its missed heartbeats; the simulated heartbeats are never missed by an interface that is up.</summary>
    public static string Heartbeats(ClusterConfiguration configuration, IClusterState state, string node)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(state);
        var sb = new StringBuilder();
        foreach (var line in StatusTexts.HeartbeatHeader)
        {
            sb.Line(line);
        }
        foreach (var net in configuration.Networks)
        {
            foreach (var i in configuration.Interfaces.Where(i => i.Node == node && i.Network == net.Name))
            {
                var device = net.IsIp ? i.Device : "r" + i.Device.Replace("/dev/", "", StringComparison.Ordinal);
                var address = net.IsIp ? i.Address : "255.255.10.0";
                var missed = !net.IsIp || state.InterfaceUp(node, i.Device) ? "0" : "-";
                sb.Line(Text.Row([(device, 18), (address, 17), (missed, 16), (missed, 0)]));
            }
        }
        return sb.ToString();
    }

    /// <summary>date(1)'s default form: <c>Tue Mar 11 14:19:50 EST 2004</c> [DOC].</summary>
    private static string Date(IClusterState state)
    {
        var t = state.Now;
        return string.Create(CultureInfo.InvariantCulture, $"{t:ddd MMM} {t.Day,2} {t:HH:mm:ss} {state.TimeZoneName} {t:yyyy}");
    }
}
