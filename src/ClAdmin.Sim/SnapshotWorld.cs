using System.Globalization;
using System.Net;
using System.Text;
using ClAdmin.Cluster;
using ClAdmin.Sim.Model;
using ClAdmin.Sim.Shell;

namespace ClAdmin.Sim;

/// <summary>A shared disk as a snapshot's .info shows it (lspv): its PVID, its hdisk name on each node
/// that lists it, and the volume group it belongs to ("None" when none).</summary>
public sealed record SnapshotDisk(string Pvid, string VolumeGroup, IReadOnlyDictionary<string, string> Names);

/// <summary>
/// Builds the simulated world of `cladmin sim init --from-snapshot`: the nodes a cluster snapshot names,
/// each with the boot interfaces and addresses of its HACMPadapter objects (device names as the snapshot
/// gives them), the IP networks with the subnets of those addresses, non-IP links for the non-IP networks,
/// the shared disks (PVIDs from the .info when it lists them) with the volume groups and file systems the
/// configuration uses, imported on their nodes and varied off, stand-in scripts at every path the
/// configuration runs (they say they are stand-ins), and /etc/hosts with every label on every node. The
/// cluster configuration itself is loaded by applying the snapshot (the program does that).
/// </summary>
public static class SnapshotWorld
{
    /// <summary>The directory snapshots are kept in on a node (clsnapshot's default).</summary>
    public const string SnapshotDirectory = "/usr/es/sbin/cluster/snapshots";

    /// <summary>The first major number given to a volume group whose major number the snapshot does not say.</summary>
    public const int FirstFreeMajor = 100;

    /// <summary>The text of a stand-in script for <paramref name="path"/>.</summary>
    public static string StandIn(string path) =>
        $"#!/usr/bin/ksh\n# Stand-in written by cladmin sim init --from-snapshot: the real script is on the real cluster.\necho \"stand-in for {path} (sim init --from-snapshot)\"\nexit 0\n";

    /// <summary>Builds the world; <paramref name="config"/> must name its volume groups' disks (CLvolgrp pvs, hdisk
    /// names on the group's first node) and has been checked (every node has a boot address, addresses are IPv4).</summary>
    /// <exception cref="InvalidOperationException">an AIX command building the storage failed (the message names it).</exception>
    public static SimWorld Build(ClusterConfiguration config, IReadOnlyList<SnapshotDisk> disks, int seed)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(disks);
        var names = config.Nodes.Select(n => n.Name).ToList();
        var world = WorldBuilder.Build(new WorldOptions(names.Count, 0, seed, NodeNames: names));
        var rng = new Random(seed);
        world.Networks.Clear();
        world.NonIpLinks.Clear();
        var networks = config.Networks.ToDictionary(n => n.Name, StringComparer.Ordinal);
        foreach (var net in config.Networks.Where(n => n.IsIp))
        {
            var subnets = config.Interfaces.Where(i => i.Network == net.Name).Select(i => Subnet(i.Address, net.Netmask)).Distinct().ToList();
            var ip = new IpNetwork { Name = net.Name, Type = net.Type };
            ip.Subnets.AddRange(subnets);
            world.Networks.Add(ip);
        }
        foreach (var node in world.Nodes)
        {
            node.Interfaces.Clear();
            foreach (var boot in config.Interfaces.Where(i => i.Node == node.Name && networks.TryGetValue(i.Network, out var n) && n.IsIp))
            {
                var device = boot.Device.Length > 0 && node.Interfaces.All(x => x.Name != boot.Device) ? boot.Device : FreeEn(node);
                var mac = string.Join('.', Enumerable.Range(0, 6).Select(b => (b == 0 ? 0x2a : rng.Next(256)).ToString("x", CultureInfo.InvariantCulture)));
                var nic = new NetInterface { Name = device, Network = boot.Network, Mac = mac, Ipkts = rng.Next(100000, 90000000), Opkts = rng.Next(100000, 40000000) };
                nic.Addresses.Add(new IpAddress { Address = boot.Address, Netmask = networks[boot.Network].Netmask });
                node.Interfaces.Add(nic);
            }
        }
        AddDisks(world, config, disks, rng);
        AddNonIpLinks(world, config, rng);
        AddVolumeGroups(world, config);
        AddScripts(world, config);
        var hosts = Hosts(config);
        foreach (var node in world.Nodes)
        {
            node.Files["/etc/hosts"] = new SimFile { Content = hosts, Modified = world.Clock, Mode = "-rw-rw-r--" };
        }
        return world;
    }

    private static string FreeEn(SimNode node) =>
        Enumerable.Range(0, 64).Select(i => "en" + i.ToString(CultureInfo.InvariantCulture)).First(n => node.Interfaces.All(x => x.Name != n));

    /// <summary>"10.1.1.0/24" from an address and its netmask.</summary>
    internal static string Subnet(string address, string netmask)
    {
        var a = IPAddress.Parse(address).GetAddressBytes();
        var m = IPAddress.TryParse(netmask, out var mask) ? mask.GetAddressBytes() : [255, 255, 255, 0];
        var bits = m.Sum(b => BitOperations(b));
        return $"{new IPAddress([.. a.Select((b, i) => (byte)(b & m[i]))])}/{bits}";
    }

    private static int BitOperations(byte b) => System.Numerics.BitOperations.PopCount(b);

    /// <summary>One LUN per disk a volume group names (its PVID and hdisk names from the .info when listed
    /// there, else a made-up PVID and the same name on every node), then the other disks the .info lists.</summary>
    private static void AddDisks(SimWorld world, ClusterConfiguration config, IReadOnlyList<SnapshotDisk> disks, Random rng)
    {
        var machine = world.Nodes[0].MachineId;
        var all = world.Nodes.Select(n => n.Name).ToList();
        var k = 0;
        SimDisk Lun(string? pvid, Func<string, string> nameOn)
        {
            var lun = new SimDisk
            {
                Id = $"lun{++k:00}",
                Pvid = pvid ?? $"{machine}{rng.Next():x8}",
                SizeMb = 10240,
                Location = "02-08-02",
                ReservePolicy = "no_reserve",
            };
            foreach (var node in all)
            {
                lun.Names[node] = nameOn(node);
            }
            world.Disks.Add(lun);
            return lun;
        }
        foreach (var vg in config.VolumeGroups)
        {
            var first = vg.Nodes.FirstOrDefault() ?? all[0];
            foreach (var pv in vg.PhysicalVolumes)
            {
                var known = disks.FirstOrDefault(d => d.Pvid == pv || d.Names.GetValueOrDefault(first) == pv || (!d.Names.ContainsKey(first) && d.Names.Values.Contains(pv)));
                if (world.Disks.Any(d => known is not null ? d.Pvid == known.Pvid : d.Names.GetValueOrDefault(first) == pv))
                {
                    continue;
                }
                Lun(known?.Pvid, node => known?.Names.GetValueOrDefault(node) ?? known?.Names.Values.First() ?? pv);
            }
        }
        foreach (var d in disks.Where(d => world.Disks.All(x => x.Pvid != d.Pvid)))
        {
            Lun(d.Pvid, node => d.Names.GetValueOrDefault(node) ?? d.Names.Values.First());
        }
    }

    /// <summary>A link per non-IP network between the nodes with a device on it: a disk heartbeat over the LUN
    /// its devices name (a stand-in LUN when none), or a serial line on the tty they name.</summary>
    private static void AddNonIpLinks(SimWorld world, ClusterConfiguration config, Random rng)
    {
        foreach (var net in config.Networks.Where(n => !n.IsIp))
        {
            var devices = config.Interfaces.Where(i => i.Network == net.Name).ToList();
            var link = new NonIpLink { Name = net.Name, Type = net.Type.StartsWith("diskhb", StringComparison.Ordinal) ? "diskhb" : "rs232" };
            link.Nodes.AddRange(devices.Select(d => d.Node).Distinct());
            var device = devices.Select(d => d.Device.Length > 0 ? d.Device : d.Address).FirstOrDefault(d => d.Length > 0) ?? "";
            var tail = device.StartsWith("/dev/", StringComparison.Ordinal) ? device[5..] : device;
            if (link.Type == "diskhb")
            {
                var first = link.Nodes.FirstOrDefault() ?? "";
                var lun = world.Disks.FirstOrDefault(d => d.Names.GetValueOrDefault(first) == tail);
                if (lun is null)
                {
                    lun = new SimDisk { Id = $"lun{world.Disks.Count(d => d.Id.StartsWith("lun", StringComparison.Ordinal)) + 1:00}", Pvid = $"{world.Nodes[0].MachineId}{rng.Next():x8}", SizeMb = 1024, Location = "02-08-02" };
                    foreach (var node in world.Nodes)
                    {
                        lun.Names[node.Name] = tail.Length > 0 ? tail : "hdisk99";
                    }
                    world.Disks.Add(lun);
                }
                link.Device = lun.Id;
            }
            else
            {
                link.Device = tail.Length > 0 ? tail : "tty0";
            }
            world.NonIpLinks.Add(link);
        }
    }

    /// <summary>Each volume group made on its first node (enhanced concurrent capable, with its file systems),
    /// varied off, and imported on its other nodes with the same major number, as an administrator prepares
    /// shared storage before configuring the cluster.</summary>
    private static void AddVolumeGroups(SimWorld world, ClusterConfiguration config)
    {
        var major = FirstFreeMajor;
        foreach (var vg in config.VolumeGroups)
        {
            var nodes = vg.Nodes.Count > 0 ? vg.Nodes : [.. world.Nodes.Select(n => n.Name)];
            var first = nodes[0];
            var number = vg.MajorNumber > 0 ? vg.MajorNumber : major++;
            Run(world, first, $"mkvg -y {vg.Name} -s 64 -V {number} -n -C {string.Join(' ', vg.PhysicalVolumes)}");
            Run(world, first, $"varyonvg {vg.Name}");
            foreach (var fs in config.FileSystems.Where(f => f.VolumeGroup == vg.Name))
            {
                Run(world, first, $"crfs -v jfs2 -g {vg.Name} -m {fs.MountPoint} -A no -a size={(fs.Size > 0 ? fs.Size.ToString(CultureInfo.InvariantCulture) + "M" : "1G")}");
            }
            Run(world, first, $"varyoffvg {vg.Name}");
            var pvid = world.Disks.First(d => d.Names.GetValueOrDefault(first) == vg.PhysicalVolumes[0]).Pvid;
            foreach (var node in nodes.Skip(1))
            {
                Run(world, node, $"importvg -y {vg.Name} -V {number} -n {pvid}");
                Run(world, node, $"chvg -a n {vg.Name}");
            }
        }
    }

    /// <summary>Stand-ins for every script the configuration runs: application start and stop, monitor
    /// methods, custom events and event methods (absolute paths only), on every node.</summary>
    private static void AddScripts(SimWorld world, ClusterConfiguration config)
    {
        var paths = config.ApplicationControllers.SelectMany(a => new[] { a.StartScript, a.StopScript })
            .Concat(config.ApplicationMonitors.SelectMany(m => new[] { m.MonitorMethod, m.CleanupMethod, m.RestartMethod, m.NotifyMethod }))
            .Concat(config.CustomEvents.Select(e => e.File))
            .Concat(config.Events.SelectMany(e => new[] { e.Notify, e.Recovery }))
            .Select(p => p.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "")
            .Where(p => p.StartsWith('/'))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        foreach (var node in world.Nodes)
        {
            foreach (var path in paths.Where(p => !node.Files.ContainsKey(p)))
            {
                FileTree.AddDirectory(node, path[..Math.Max(1, path.LastIndexOf('/'))]);
                node.Files[path] = new SimFile { Content = StandIn(path), Mode = "-rwxr-xr-x", Modified = world.Clock };
            }
        }
    }

    /// <summary>/etc/hosts: the AIX loopback lines, then every IP label of the configuration (boot, service,
    /// persistent) with its address; a node's name is an alias of its communication path's label (or of its
    /// first boot label) when it is not a label itself.</summary>
    private static string Hosts(ClusterConfiguration config)
    {
        var labels = config.Interfaces.Where(i => IPAddress.TryParse(i.Address, out _)).Select(i => (i.Address, i.Label, What: "boot"))
            .Concat(config.ServiceIps.Select(s => (s.Address, s.Label, What: "service")))
            .Concat(config.PersistentIps.Select(p => (p.Address, p.Label, What: "persistent")))
            .ToList();
        var aliases = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var node in config.Nodes.Where(n => labels.All(l => l.Label != n.Name)))
        {
            var label = labels.FirstOrDefault(l => l.What == "boot" && (l.Label == node.CommunicationPath || l.Address == node.CommunicationPath)).Label
                ?? config.Interfaces.FirstOrDefault(i => i.Node == node.Name && labels.Any(l => l.Label == i.Label))?.Label;
            if (label is not null)
            {
                if (!aliases.TryGetValue(label, out var list))
                {
                    list = [];
                    aliases[label] = list;
                }
                list.Add(node.Name);
            }
        }
        var sb = new StringBuilder();
        sb.Append("# IBM_PROLOG_BEGIN_TAG\n# /etc/hosts of a simulated node built from a cluster snapshot (ClAdmin sim init --from-snapshot).\n# IBM_PROLOG_END_TAG\n");
        sb.Append("127.0.0.1               loopback localhost      # loopback (lo0) name/address\n");
        sb.Append("::1                     loopback localhost      # IPv6 loopback (lo0) name/address\n");
        foreach (var what in new[] { "boot", "service", "persistent" })
        {
            var of = labels.Where(l => l.What == what).ToList();
            if (of.Count > 0)
            {
                sb.Append($"\n# {what} labels\n");
            }
            foreach (var (address, label, _) in of)
            {
                sb.Append($"{address,-16}{label}{(aliases.TryGetValue(label, out var a) ? " " + string.Join(' ', a) : "")}\n");
            }
        }
        return sb.ToString();
    }

    private static void Run(SimWorld world, string node, string line)
    {
        var r = SimShell.Execute(world, node, line);
        if (r.ExitCode != 0)
        {
            throw new InvalidOperationException($"on {node}: {line}: {r.Stderr.Trim()}");
        }
    }
}
