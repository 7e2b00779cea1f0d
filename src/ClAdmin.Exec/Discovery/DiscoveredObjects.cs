using System.Globalization;
using ClAdmin.Cluster;
using ClAdmin.Cluster.Verification;
using ClAdmin.Store;

namespace ClAdmin.Exec.Discovery;

/// <summary>
/// What discovery found, as the cluster objects the pick lists offer: shared volume groups (with
/// their PVIDs, the nodes that know them, the PP size and concurrency where a node could read them)
/// and the interfaces not yet configured, named by their /etc/hosts labels.
/// </summary>
public static class DiscoveredObjects
{
    /// <summary><paramref name="config"/> with the discovered shared volume groups it does not define
    /// added after its own (rootvg and groups on disks without a PVID are not shared).</summary>
    public static ClusterConfiguration WithVolumeGroups(ClusterConfiguration config, IReadOnlyList<NodeDiscovery> discovery)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(discovery);
        var names = discovery.SelectMany(n => n.VolumeGroups).Select(v => v.Name)
            .Where(v => v != "rootvg" && config.VolumeGroups.All(g => g.Name != v))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var found = new List<VolumeGroup>();
        foreach (var name in names)
        {
            var pvids = discovery.SelectMany(n => n.Disks).Where(d => d.VolumeGroup == name && d.Pvid != "none")
                .Select(d => d.Pvid).Distinct(StringComparer.Ordinal).ToList();
            if (pvids.Count == 0)
            {
                continue;
            }
            var seen = discovery.SelectMany(n => n.VolumeGroups.Where(v => v.Name == name).Select(v => (n.Node, Vg: v))).ToList();
            found.Add(new VolumeGroup(name, [.. seen.Select(x => x.Node)], pvids,
                PartitionSize: seen.Max(x => x.Vg.PpSize), MajorNumber: seen.Max(x => x.Vg.Major),
                ConcurrentCapable: seen.Any(x => x.Vg.ConcurrentCapable)));
        }
        return found.Count == 0 ? config : config with { VolumeGroups = [.. config.VolumeGroups, .. found] };
    }

    /// <summary><paramref name="config"/> with the discovered volume groups its resource groups name
    /// but it does not define added as cluster volume groups (choosing a discovered group in a
    /// resource group's "Volume Groups" makes it one, with what discovery read).</summary>
    public static ClusterConfiguration WithGroupVolumeGroups(ClusterConfiguration config, IReadOnlyList<NodeDiscovery> discovery)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(discovery);
        if (discovery.Count == 0)
        {
            return config;
        }
        var named = config.ResourceGroups.SelectMany(g => g.Resource(ResourceKinds.VolumeGroup).Concat(g.Resource(ResourceKinds.ConcurrentVolumeGroup)))
            .ToHashSet(StringComparer.Ordinal);
        var adopted = WithVolumeGroups(config, discovery).VolumeGroups.Skip(config.VolumeGroups.Count).Where(v => named.Contains(v.Name)).ToList();
        return adopted.Count == 0 ? config : config with { VolumeGroups = [.. config.VolumeGroups, .. adopted] };
    }

    /// <summary>The discovered interfaces not configured (by label or address), each named by its
    /// label in that node's /etc/hosts (its address when it has none), with node, device and address.</summary>
    public static IReadOnlyList<Interface> UnconfiguredInterfaces(ClusterConfiguration config, IReadOnlyList<NodeDiscovery> discovery)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(discovery);
        var result = new List<Interface>();
        foreach (var node in discovery)
        {
            foreach (var i in node.Interfaces)
            {
                var label = node.Hosts.FirstOrDefault(h => h.Address == i.Address)?.Label ?? i.Address;
                if (config.Interfaces.Any(c => c.Label == label || (c.Address.Length > 0 && c.Address == i.Address)))
                {
                    continue;
                }
                result.Add(new Interface(label, "", node.Node, i.Device, i.Address));
            }
        }
        return result;
    }

    /// <summary>
    /// The standard path's IP topology from discovery: each discovered node of the cluster gets a
    /// boot interface for the base (first) address of each of its network interfaces, named by that
    /// address's label in the node's /etc/hosts, unless that label or address is configured already.
    /// Interfaces on one subnet (address and netmask) are on one network: the network already
    /// holding an interface on that subnet, else a new ether network <c>net_ether_NN</c> (the lowest
    /// free number) with the subnet's netmask and IPAT via aliasing. Discovery cannot probe which
    /// subnets share a wire (HACMP's netprobe), so two subnets are never put on one network here.
    /// </summary>
    /// <returns>The configuration, and the interfaces left out because their address has no label
    /// in their node's /etc/hosts (node, device, address).</returns>
    public static (ClusterConfiguration Configuration, IReadOnlyList<(string Node, DiscoveredInterface Interface)> Unlabelled) WithIpTopology(
        ClusterConfiguration config, IReadOnlyList<NodeDiscovery> discovery)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(discovery);
        var networks = config.Networks.ToList();
        var interfaces = config.Interfaces.ToList();
        var unlabelled = new List<(string, DiscoveredInterface)>();
        var taken = config.Interfaces.SelectMany(i => new[] { i.Label, i.Address })
            .Concat(config.ServiceIps.SelectMany(s => new[] { s.Label, s.Address }))
            .Concat(config.PersistentIps.SelectMany(p => new[] { p.Label, p.Address }))
            .Where(x => x.Length > 0).ToHashSet(StringComparer.Ordinal);
        foreach (var node in config.Nodes)
        {
            if (discovery.FirstOrDefault(d => d.Node == node.Name) is not { } found)
            {
                continue;
            }
            foreach (var nic in found.Interfaces.GroupBy(i => i.Device).Select(g => g.First()))
            {
                if (Verifier.Subnet(nic.Address, nic.Netmask) is not { } subnet || taken.Contains(nic.Address))
                {
                    continue;
                }
                if (found.Hosts.FirstOrDefault(h => h.Address == nic.Address)?.Label is not { } label)
                {
                    unlabelled.Add((node.Name, nic));
                    continue;
                }
                if (taken.Contains(label))
                {
                    continue;
                }
                var network = networks.FirstOrDefault(n => n.IsIp && n.Netmask == nic.Netmask
                    && interfaces.Any(i => i.Network == n.Name && Verifier.Subnet(i.Address, n.Netmask) == subnet));
                if (network is null)
                {
                    var number = Enumerable.Range(1, int.MaxValue - 1).First(k => networks.All(n => n.Name != NetworkName(k)));
                    network = new Network(NetworkName(number), "ether", nic.Netmask, IpatMethod.Aliasing, Public: true);
                    networks.Add(network);
                }
                interfaces.Add(new Interface(label, network.Name, node.Name, nic.Device, nic.Address));
                taken.Add(label);
                taken.Add(nic.Address);
            }
        }
        return (config with { Networks = networks, Interfaces = interfaces }, unlabelled);
    }

    private static string NetworkName(int number) => string.Create(CultureInfo.InvariantCulture, $"net_ether_{number:00}");

    /// <summary>The address <paramref name="label"/> has in the /etc/hosts of the first of
    /// <paramref name="nodes"/> that knows it (every discovered node when none is named), or null.</summary>
    public static string? Resolve(string label, IReadOnlyList<NodeDiscovery> discovery, IReadOnlyCollection<string>? nodes = null)
    {
        ArgumentNullException.ThrowIfNull(discovery);
        return discovery.Where(n => nodes is null || nodes.Contains(n.Node))
            .SelectMany(n => n.Hosts).FirstOrDefault(h => h.Label == label)?.Address;
    }
}
