using System.Text;
using ClAdmin.Cluster;

namespace ClAdmin.Exec.Utilities;

/// <summary>
/// The topology listings: cltopinfo (§6.2, with the HACMP 5.x header lines), cllsif (§6.4 [C]
/// header and columns), cllsnode (§6.7 [C]), and the [U] designs cllsnw and cllsclstr.
/// </summary>
public static class TopologyFormatter
{
    private const string Tab1 = "        ";
    private const string Tab2 = "                ";

    /// <summary>cltopinfo: header, node blocks, resource group blocks.</summary>
    public static string Cltopinfo(ClusterConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var sb = new StringBuilder(Header(configuration));
        sb.Line($"There are {configuration.Nodes.Count} node(s) and {configuration.Networks.Count} network(s) defined").Line();
        sb.Append(Nodes(configuration));
        foreach (var g in configuration.ResourceGroups)
        {
            sb.Line($"Resource Group {g.Name}")
                .Line($"{Tab1}Startup Policy   {PolicyCodes.Label(g.Startup)}")
                .Line($"{Tab1}Fallover Policy  {PolicyCodes.Label(g.Fallover)}")
                .Line($"{Tab1}Fallback Policy  {PolicyCodes.Label(g.Fallback)}")
                .Line($"{Tab1}Participating Nodes      {string.Join(" ", g.Nodes)}");
            if (g.Resource(ResourceKinds.ServiceLabel) is { Count: > 0 } labels)
            {
                sb.Line($"{Tab1}Service IP Label                 {string.Join(" ", labels)}");
            }
            sb.Line();
        }
        return sb.ToString();
    }

    /// <summary>cltopinfo -c: the cluster name and its security settings (5.x header lines [U]).</summary>
    public static string Header(ClusterConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new StringBuilder()
            .Line($"Cluster Name: {configuration.Cluster?.Name}")
            .Line("Cluster Connection Authentication Mode: Standard")
            .Line("Cluster Message Authentication Mode: None")
            .Line("Cluster Message Encryption: None")
            .Line("Use Persistent Labels for Communication: No")
            .ToString();
    }

    /// <summary>cltopinfo -n: per node, per network it is on, its labels (service first, as §6.2 shows)
    /// with their address; labels padded to the longest label of the network plus one.</summary>
    public static string Nodes(ClusterConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var sb = new StringBuilder();
        foreach (var node in configuration.Nodes)
        {
            sb.Line($"NODE {node.Name}:");
            foreach (var net in configuration.Networks)
            {
                var here = TopologyOrder(Adapters.On(configuration, node.Name, net)).ToList();
                if (here.Count == 0)
                {
                    continue;
                }
                sb.Line($"{Tab1}Network {net.Name}");
                var width = LabelWidth(configuration, net);
                foreach (var a in here)
                {
                    sb.Line($"{Tab2}{a.Label.PadRight(width)}{a.Address}".TrimEnd());
                }
            }
            sb.Line();
        }
        return sb.ToString();
    }

    /// <summary>cltopinfo -w [U]: per network, the nodes on it and their labels.</summary>
    public static string Networks(ClusterConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var sb = new StringBuilder();
        foreach (var net in configuration.Networks)
        {
            sb.Line($"Network {net.Name}");
            var width = LabelWidth(configuration, net);
            foreach (var node in configuration.Nodes)
            {
                var here = TopologyOrder(Adapters.On(configuration, node.Name, net)).ToList();
                if (here.Count == 0)
                {
                    continue;
                }
                sb.Line($"{Tab1}NODE {node.Name}:");
                foreach (var a in here)
                {
                    sb.Line($"{Tab2}{a.Label.PadRight(width)}{a.Address}".TrimEnd());
                }
            }
            sb.Line();
        }
        return sb.ToString();
    }

    private static readonly (string Title, int Width)[] InterfaceColumns =
        [("IP Label", 16), ("Network", 16), ("Type", 11), ("Node", 10), ("Address", 17), ("If", 8), ("Netmask", 17), ("Prefix Length", 0)];

    /// <summary>cltopinfo -i [U]: one row per adapter, titles underlined with '='.</summary>
    public static string Interfaces(ClusterConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var sb = new StringBuilder();
        sb.Line(Text.Row(InterfaceColumns.Select(c => (c.Title, c.Width)).ToList()));
        sb.Line(Text.Row(InterfaceColumns.Select(c => (new string('=', c.Title.Length), c.Width)).ToList()));
        foreach (var a in Adapters.All(configuration))
        {
            string[] values = [a.Label, a.Network.Name, a.Network.Type, a.Node, a.Address, a.InterfaceName, a.Netmask, Text.PrefixLength(a.Netmask)];
            sb.Line(Text.Row(values.Select((v, i) => (v, InterfaceColumns[i].Width)).ToList()));
        }
        return sb.ToString();
    }

    private static readonly (string Title, int Width)[] CllsifColumns =
    [
        ("Adapter", 14), ("Type", 9), ("Network", 14), ("Net Type", 10), ("Attribute", 11), ("Node", 8), ("IP Address", 13),
        ("Hardware Address", 18), ("Interface Name", 16), ("Global Name", 13), ("Netmask", 15), ("Alias for HB", 14), ("Prefix Length", 0),
    ];

    /// <summary>cllsif: the §6.4 header, a blank line, one row per adapter.</summary>
    public static string Cllsif(ClusterConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var sb = new StringBuilder();
        sb.Line(Text.Row(CllsifColumns.Select(c => (c.Title, c.Width)).ToList())).Line();
        foreach (var fields in CllsifFields(configuration))
        {
            sb.Line(Text.Row(fields.Select((v, i) => (v, CllsifColumns[i].Width)).ToList()));
        }
        return sb.ToString();
    }

    /// <summary>cllsif -c: the same fields, colon-separated, in the header's order.</summary>
    public static string CllsifColon(ClusterConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var sb = new StringBuilder();
        foreach (var fields in CllsifFields(configuration))
        {
            sb.Line(string.Join(':', fields));
        }
        return sb.ToString();
    }

    private static IEnumerable<string[]> CllsifFields(ClusterConfiguration configuration) =>
        Adapters.All(configuration).Select(a => new[]
        {
            a.Label, a.Type, a.Network.Name, a.Network.Type, a.Attribute, a.Node, a.Address, a.HardwareAddress, a.InterfaceName,
            "", a.Netmask, "", Text.PrefixLength(a.Netmask),
        });

    /// <summary>cllsnode [-i node]: per node, per network, its communication interfaces (§6.7).</summary>
    public static string Cllsnode(ClusterConfiguration configuration, string? onlyNode = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var sb = new StringBuilder();
        foreach (var node in configuration.Nodes.Where(n => onlyNode is null || n.Name == onlyNode))
        {
            sb.Line($"NODE {node.Name}:");
            foreach (var net in configuration.Networks)
            {
                var here = Adapters.On(configuration, node.Name, net).ToList();
                if (here.Count == 0)
                {
                    continue;
                }
                sb.Line($"{Tab1}Interfaces to network {net.Name}");
                foreach (var a in here)
                {
                    sb.Line($"{Tab2}Communication Interface: Name {a.Label}, Attribute {a.Attribute}, IP address {a.Address}");
                }
            }
            sb.Line();
        }
        return sb.ToString();
    }

    /// <summary>cllsnw [U]: one row per network: attribute, IP aliasing, then each node and its labels.</summary>
    public static string Cllsnw(ClusterConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var sb = new StringBuilder();
        sb.Line(Text.Row([("Network", 17), ("Attribute", 11), ("Alias", 7), ("Node Adapter(s)", 0)])).Line();
        foreach (var net in configuration.Networks)
        {
            var nodes = configuration.Nodes
                .Select(n => (n.Name, Labels: Adapters.On(configuration, n.Name, net).Select(a => a.Label).ToList()))
                .Where(n => n.Labels.Count > 0)
                .Select(n => $"{n.Name} {string.Join(" ", n.Labels)}");
            var alias = net.IsIp ? (net.Ipat == IpatMethod.Aliasing ? "True" : "False") : "";
            var attribute = !net.IsIp ? "serial" : net.Public ? "public" : "private";
            sb.Line(Text.Row([(net.Name, 17), (attribute, 11), (alias, 7), (string.Join("  ", nodes), 0)]));
        }
        return sb.ToString();
    }

    /// <summary>cllsclstr [U]: the cluster's id, name and security mode.</summary>
    public static string Cllsclstr(ClusterInfo cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return new StringBuilder()
            .Line(Text.Row([("ID", 12), ("Name", 21), ("Security", 0)]))
            .Line(Text.Row([(cluster.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), 12), (cluster.Name, 21), ("Standard", 0)]))
            .ToString();
    }

    private static IEnumerable<Adapter> TopologyOrder(IEnumerable<Adapter> adapters)
    {
        var list = adapters.ToList();
        return list.Where(a => a.Type == "service" && a.Network.IsIp).Concat(list.Where(a => !(a.Type == "service" && a.Network.IsIp)));
    }

    private static int LabelWidth(ClusterConfiguration configuration, Network net) =>
        configuration.Nodes.SelectMany(n => Adapters.On(configuration, n.Name, net)).Select(a => a.Label.Length).DefaultIfEmpty(0).Max() + 1;
}
