using ClAdmin.Cluster;

namespace ClAdmin.Exec.Utilities;

/// <summary>One row of cllsif: an IP label or a non-IP device as it stands on one node.</summary>
public sealed record Adapter(string Label, string Type, Network Network, string Node, string Address, string HardwareAddress, string InterfaceName, string Netmask)
{
    /// <summary>public or private for IP networks, serial for device networks.</summary>
    public string Attribute => !Network.IsIp ? "serial" : Network.Public ? "public" : "private";
}

/// <summary>The adapters of a configuration, in the order the listings print them.</summary>
public static class Adapters
{
    /// <summary>Per node (configuration order), per network (configuration order): boot interfaces,
    /// service labels the node can host, persistent labels. A device on a non-IP network is listed as
    /// type service with its device in the address column, as 5.x cllsif shows disk heartbeat devices.</summary>
    public static IReadOnlyList<Adapter> All(ClusterConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var result = new List<Adapter>();
        foreach (var node in configuration.Nodes)
        {
            foreach (var net in configuration.Networks)
            {
                result.AddRange(On(configuration, node.Name, net));
            }
        }
        return result;
    }

    /// <summary>The adapters of one node on one network, boot then service then persistent.</summary>
    public static IEnumerable<Adapter> On(ClusterConfiguration configuration, string node, Network net)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(net);
        foreach (var i in configuration.Interfaces.Where(i => i.Node == node && i.Network == net.Name))
        {
            yield return net.IsIp
                ? new Adapter(i.Label, "boot", net, node, i.Address, "", i.Device, net.Netmask)
                : new Adapter(i.Label, "service", net, node, i.Device, "", i.Device.Replace("/dev/", "", StringComparison.Ordinal), "");
        }
        foreach (var s in configuration.ServiceIps.Where(s => s.Network == net.Name && HostingNodes(configuration, s).Contains(node, StringComparer.Ordinal)))
        {
            yield return new Adapter(s.Label, "service", net, node, s.Address, s.HardwareAddress, "", s.Netmask.Length > 0 ? s.Netmask : net.Netmask);
        }
        foreach (var p in configuration.PersistentIps.Where(p => p.Node == node && p.Network == net.Name))
        {
            yield return new Adapter(p.Label, "persistent", net, node, p.Address, "", "", net.Netmask);
        }
    }

    /// <summary>The nodes that can host a service label: its node when bound to one; else the
    /// participating nodes of the groups holding it; else every node with an interface on its network.</summary>
    public static IReadOnlyList<string> HostingNodes(ClusterConfiguration configuration, ServiceIp service)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(service);
        if (service.Node.Length > 0)
        {
            return [service.Node];
        }
        var groups = configuration.ResourceGroups.Where(g => g.Resource(ResourceKinds.ServiceLabel).Contains(service.Label, StringComparer.Ordinal)).ToList();
        var candidates = groups.Count > 0
            ? groups.SelectMany(g => g.Nodes)
            : configuration.Interfaces.Where(i => i.Network == service.Network).Select(i => i.Node);
        var set = candidates.ToHashSet(StringComparer.Ordinal);
        return configuration.Nodes.Select(n => n.Name).Where(set.Contains).ToList();
    }
}
