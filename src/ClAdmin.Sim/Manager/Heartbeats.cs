using ClAdmin.Cluster;
using ClAdmin.Sim.Model;

namespace ClAdmin.Sim.Manager;

/// <summary>
/// Topology services on the simulated nodes (semantics §7.4–§7.7, R-DETECT): the heartbeat rings
/// of the active configuration, whether two adapters exchange heartbeats in the world as it is
/// (nodes, interfaces, networks, shared disks, serial links, hung nodes), the missed heartbeat
/// counters, and the partitions: the groups of live nodes that still hear each other over some
/// IP or non-IP path. Pure over the world and the configuration, except <see cref="Update"/>.
/// </summary>
public static class Heartbeats
{
    /// <summary>The fault kind of a hung node: its cluster manager stops answering and its heartbeats stop.</summary>
    public const string HangKind = "hang";

    /// <summary>The network module that heartbeats on networks of <paramref name="type"/>, at the rate of the configuration.</summary>
    public static NetworkModule Module(ClusterConfiguration? config, string type) => NetworkModules.Of(config, type);

    /// <summary>True when the node hangs (a <c>sim fail hang</c> fault in force).</summary>
    public static bool Hung(SimWorld world, string node) =>
        world.Faults.Any(f => f.Kind == HangKind && f.Target == node);

    /// <summary>The rings of the configuration (§7.4): on an IP network, ring k holds the k-th boot interface of
    /// each node; a non-IP network (diskhb, rs232, ...) is one ring of its devices.</summary>
    public static List<HeartbeatPath> Rings(SimWorld world, ClusterConfiguration config)
    {
        var paths = new List<HeartbeatPath>();
        foreach (var net in config.Networks)
        {
            foreach (var byNode in config.Interfaces.Where(i => i.Network == net.Name && i.Device.Length > 0).GroupBy(i => i.Node))
            {
                var rank = 0;
                foreach (var i in byNode)
                {
                    var device = i.Device.StartsWith("/dev/", StringComparison.Ordinal) ? i.Device[5..] : i.Device;
                    var module = Module(config, net.Type);
                    paths.Add(new HeartbeatPath
                    {
                        Ring = $"{net.Name}_{(net.IsIp ? rank++ : 0)}",
                        Type = net.Type,
                        Interval = module.Interval,
                        Sensitivity = module.FailureCycle,
                        Node = i.Node,
                        Adapter = net.Type is "diskhb" or "diskhbmulti" ? "r" + device : device,
                        Address = net.IsIp ? i.Address
                            : net.Type is "diskhb" or "diskhbmulti" ? world.Disks.Find(d => d.NameOn(i.Node) == device)?.Id ?? ""
                            : device,
                    });
                }
            }
        }
        var order = config.Nodes.Select(n => n.Name).ToList();
        return [.. paths.OrderBy(p => p.Ring, StringComparer.Ordinal).ThenBy(p => order.IndexOf(p.Node))];
    }

    /// <summary>A node whose topology services listen and beat: up, not hung, cluster services running.</summary>
    public static bool Listening(SimWorld world, SimNode? node) =>
        node is { Up: true } && ClusterManager.Active(node) && !Hung(world, node.Name);

    /// <summary>A member another one expects heartbeats from: listening, or silenced by a fault (crashed, hung)
    /// rather than stopped by the administrator.</summary>
    private static bool Expected(SimWorld world, SimNode? node) =>
        node is not null && (!node.Up || Hung(world, node.Name) || ClusterManager.Active(node));

    /// <summary>The adapter can send and receive: its node up and not hung, its interface up on a network that works,
    /// its disk seen and not failed, its serial link not failed.</summary>
    public static bool Works(SimWorld world, HeartbeatPath path)
    {
        if (world.FindNode(path.Node) is not { Up: true } node || Hung(world, node.Name))
        {
            return false;
        }
        if (NetworkTypes.IsIp(path.Type))
        {
            return node.Interfaces.Find(n => n.Name == path.Adapter) is { } nic && Reachability.InterfaceWorks(world, nic);
        }
        if (path.Type is "diskhb" or "diskhbmulti")
        {
            return world.FindDisk(path.Address) is { Failed: false } disk && "r" + disk.NameOn(node.Name) == path.Adapter;
        }
        return world.NonIpLinks.Any(l => l.Type == path.Type && l.Nodes.Contains(node.Name) && !l.Failed);
    }

    /// <summary>Two adapters of one ring exchange heartbeats: both work, on the same wire (IP network), the same LUN
    /// (disk heartbeat, §7.6) or one serial link between their nodes.</summary>
    public static bool Exchange(SimWorld world, HeartbeatPath a, HeartbeatPath b)
    {
        if (a.Ring != b.Ring || a.Node == b.Node || !Works(world, a) || !Works(world, b))
        {
            return false;
        }
        if (NetworkTypes.IsIp(a.Type))
        {
            return world.FindNode(a.Node)!.Interfaces.Find(n => n.Name == a.Adapter)!.Network
                == world.FindNode(b.Node)!.Interfaces.Find(n => n.Name == b.Adapter)!.Network;
        }
        return a.Type is "diskhb" or "diskhbmulti"
            ? a.Address.Length > 0 && a.Address == b.Address
            : world.NonIpLinks.Any(l => l.Type == a.Type && l.Nodes.Contains(a.Node) && l.Nodes.Contains(b.Node) && !l.Failed);
    }

    /// <summary>The adapter misses heartbeats: its node listens, and a member of its ring that should beat is not heard.</summary>
    public static bool Silent(SimWorld world, IReadOnlyList<HeartbeatPath> rings, HeartbeatPath path) =>
        Listening(world, world.FindNode(path.Node))
        && rings.Any(o => o.Ring == path.Ring && o.Node != path.Node && Expected(world, world.FindNode(o.Node)) && !Exchange(world, path, o));

    /// <summary>The members of the adapter's ring it hears now, itself included (lssrc's Mbrs).</summary>
    public static int Members(SimWorld world, IReadOnlyList<HeartbeatPath> rings, HeartbeatPath path) =>
        1 + rings.Count(o => o.Ring == path.Ring && o.Node != path.Node && Listening(world, world.FindNode(o.Node)) && Exchange(world, path, o));

    /// <summary>Heartbeats missed by the adapter in all (the outages over plus the one in progress).</summary>
    public static long Missed(SimWorld world, HeartbeatPath path) => path.Missed + Current(world, path);

    /// <summary>Heartbeats missed in the outage in progress (0 when none).</summary>
    public static long Current(SimWorld world, HeartbeatPath path) =>
        path.Silent && world.Clock > path.Since && path.Interval > 0 ? (long)((world.Clock - path.Since).TotalSeconds / path.Interval) : 0;

    /// <summary>Brings the rings of <see cref="ClusterRuntime.Heartbeats"/> up to the configuration and the world: an
    /// outage starts now where an adapter turned silent, and one that ended adds its missed heartbeats to the total.</summary>
    public static void Update(SimWorld world, ClusterConfiguration config)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(config);
        var old = world.Cluster.Heartbeats.ToDictionary(p => (p.Ring, p.Node, p.Adapter));
        var rings = Rings(world, config);
        foreach (var p in rings)
        {
            if (old.TryGetValue((p.Ring, p.Node, p.Adapter), out var was))
            {
                (p.Missed, p.Silent, p.Since) = (was.Missed, was.Silent, was.Since);
            }
        }
        foreach (var p in rings)
        {
            var silent = Silent(world, rings, p);
            if (silent && !p.Silent)
            {
                (p.Silent, p.Since) = (true, world.Clock);
            }
            else if (!silent && p.Silent)
            {
                p.Missed += Current(world, p);
                p.Silent = false;
            }
        }
        world.Cluster.Heartbeats.Clear();
        world.Cluster.Heartbeats.AddRange(rings);
    }

    /// <summary>The live nodes that hear <paramref name="node"/>, directly or through each other, over any ring.</summary>
    public static HashSet<string> Side(SimWorld world, IReadOnlyList<HeartbeatPath> rings, string node)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(rings);
        var side = new HashSet<string>(StringComparer.Ordinal) { node };
        var queue = new Queue<string>([node]);
        while (queue.Count > 0)
        {
            var n = queue.Dequeue();
            foreach (var a in rings.Where(p => p.Node == n))
            {
                foreach (var b in rings.Where(p => p.Ring == a.Ring && !side.Contains(p.Node) && Listening(world, world.FindNode(p.Node)) && Exchange(world, a, p)))
                {
                    side.Add(b.Node);
                    queue.Enqueue(b.Node);
                }
            }
        }
        return side;
    }

    /// <summary>True when the cluster managers know <paramref name="a"/> and <paramref name="b"/> to be on two sides of a
    /// partition (R-DETECT): each side took the other for failed, and group services no longer join them.</summary>
    public static bool Apart(SimWorld world, string a, string b)
    {
        ArgumentNullException.ThrowIfNull(world);
        string? SideOf(string n) => world.Cluster.Detected.FirstOrDefault(f => f.StartsWith($"partition:{n}:", StringComparison.Ordinal));
        return SideOf(a) is { } x && SideOf(b) is { } y && x.Split(':')[2] != y.Split(':')[2];
    }

    /// <summary>The partitions of the listening cluster nodes (R-DETECT): one set when every node hears the others.</summary>
    public static List<HashSet<string>> Partitions(SimWorld world, ClusterConfiguration config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var rings = Rings(world, config);
        var parts = new List<HashSet<string>>();
        foreach (var n in config.Nodes.Select(n => n.Name).Where(n => Listening(world, world.FindNode(n))))
        {
            if (!parts.Any(p => p.Contains(n)))
            {
                parts.Add(Side(world, rings, n));
            }
        }
        return parts;
    }
}
