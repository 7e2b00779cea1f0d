using System.Globalization;
using System.Text;
using ClAdmin.Sim.Commands;
using ClAdmin.Sim.Model;
using ClAdmin.Sim.Shell;
using ClAdmin.Sim.Software;

namespace ClAdmin.Sim;

/// <summary>
/// Builds a fresh world for `cladmin sim init`: nodes node1..nodeN with rootvg, three interfaces
/// on two IP networks (documentation ranges only), SRC subsystems of HACMP 5.5, default users and
/// groups, /etc/hosts with the boot labels; K shared disks seen by every node (hdisk numbers
/// shuffled per node from the seed); non-IP heartbeat links in a ring. Same options, same world.
/// </summary>
public static class WorldBuilder
{
    public static readonly DateTime Epoch = new(2024, 3, 12, 9, 0, 0, DateTimeKind.Unspecified);

    /// <summary>The most shared disks a world may have.</summary>
    public const int MaxDisks = 256;

    /// <summary>The most nodes a world holds (its addressing plan, en1 and en2 on /25 subnets, has room
    /// for more). More than an HACMP 5.x cluster may use (32, <see cref="Cluster.Limits.MaxNodes"/>): a
    /// site has more LPARs than one cluster, and the benchmarks go past the limit on purpose.</summary>
    public const int MaxNodes = 64;

    public static SimWorld Build(WorldOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Nodes is < 1 or > MaxNodes)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"nodes must be 1..{MaxNodes}");
        }
        if (options.Disks is < 0 or > MaxDisks)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"disks must be 0..{MaxDisks}");
        }
        var release = SoftwareCatalog.Find(options.Hacmp)
            ?? throw new ArgumentOutOfRangeException(nameof(options), $"no HACMP release {options.Hacmp} (one of {string.Join(", ", SoftwareCatalog.Releases.Select(r => r.Release))})");
        var rng = new Random(options.Seed);
        var world = new SimWorld { Seed = options.Seed, Clock = Epoch };
        world.Networks.Add(new IpNetwork { Name = "net_ether_01", Subnets = { "192.0.2.0/24", "198.51.100.0/25" } });
        world.Networks.Add(new IpNetwork { Name = "net_ether_02", Subnets = { "203.0.113.128/25" } });
        for (var i = 1; i <= options.Nodes; i++)
        {
            world.Nodes.Add(BuildNode(world, rng, i, options.NodeNames?[i - 1] ?? $"node{i}"));
            var built = world.Nodes[^1];
            built.Software = SoftwareCatalog.Baseline(release, Epoch.AddDays(-30));
            SoftwareCommands.InstallChanges(world, built);
            foreach (var media in SoftwareCatalog.Releases)
            {
                FileTree.AddDirectory(built, media.Directory);
            }
        }
        var firstMachine = world.Nodes[0].MachineId;
        var luns = new List<SimDisk>();
        for (var k = 1; k <= options.Disks; k++)
        {
            luns.Add(new SimDisk
            {
                Id = $"lun{k:00}",
                Pvid = $"{firstMachine}{rng.Next():x8}",
                SizeMb = 10240,
                Location = "02-08-02",
                ReservePolicy = "single_path",
            });
        }
        foreach (var node in world.Nodes)
        {
            var numbers = Enumerable.Range(1, options.Disks).ToArray();
            if (node.NodeNumber > 1)
            {
                rng.Shuffle(numbers);
            }
            for (var k = 0; k < options.Disks; k++)
            {
                luns[k].Names[node.Name] = $"hdisk{numbers[k]}";
            }
        }
        world.Disks.AddRange(luns);
        BuildLinks(world);
        foreach (var node in world.Nodes)
        {
            node.Files["/etc/hosts"] = new SimFile { Content = Hosts(world, []), Modified = Epoch, Mode = "-rw-rw-r--" };
        }
        if (options.Demo)
        {
            DemoWorld.AddAixSide(world);
        }
        return world;
    }

    private static SimNode BuildNode(SimWorld world, Random rng, int i, string name)
    {
        var node = new SimNode
        {
            Name = name,
            Hostname = name,
            NodeNumber = i,
            MachineId = $"00{rng.Next(0x100000, 0xffffff):x6}",
            Metrics = new NodeMetrics { CpuIdlePercent = rng.Next(40, 96), FreeMemoryMb = rng.Next(1024, 12288), DiskBusyPercent = rng.Next(1, 30) },
        };
        Nic(node, rng, "en0", "net_ether_01", $"192.0.2.{10 + i}", "255.255.255.0");
        Nic(node, rng, "en1", "net_ether_01", $"198.51.100.{10 + i}", "255.255.255.128");
        Nic(node, rng, "en2", "net_ether_02", $"203.0.113.{138 + i}", "255.255.255.128");
        foreach (var (sub, group, active) in Subsystems)
        {
            node.Subsystems.Add(new SrcSubsystem { Name = sub, Group = group, Status = active ? "active" : "inoperative", Pid = active ? world.TakePid() : null });
        }
        node.ClusterManagerState = "NOT_CONFIGURED";
        BuildAccounts(node);
        BuildRootvg(world, rng, node);
        foreach (var dir in new[] { "/etc", "/home", "/tmp", "/usr/sbin", "/var/hacmp/log", "/usr/es/sbin/cluster/utilities", "/var/adm/ras" })
        {
            FileTree.AddDirectory(node, dir);
        }
        node.Files["/var/hacmp/log/hacmp.out"] = new SimFile { Modified = Epoch };
        node.Files["/var/hacmp/log/cspoc.log"] = new SimFile { Modified = Epoch };
        node.Files["/etc/motd"] = new SimFile { Content = "*******************************************************************************\n*  Simulated AIX node " + name + " (ClAdmin training world)                            *\n*******************************************************************************\n", Modified = Epoch };
        return node;
    }

    private static readonly (string Name, string Group, bool Active)[] Subsystems =
    [
        ("syslogd", "ras", true),
        ("sendmail", "mail", true),
        ("portmap", "portmap", true),
        ("inetd", "tcpip", true),
        ("snmpd", "tcpip", true),
        ("sshd", "ssh", true),
        ("clcomdES", "clcomdES", true),
        ("ctrmc", "rsct", true),
        ("topsvcs", "topsvcs", false),
        ("grpsvcs", "grpsvcs", false),
        ("grpglsm", "grpsvcs", false),
        ("emsvcs", "emsvcs", false),
        ("emaixos", "emsvcs", false),
        ("clstrmgrES", "cluster", true),
        ("clinfoES", "cluster", false),
        ("gsclvmd", "", false),
    ];

    private static void Nic(SimNode node, Random rng, string name, string network, string address, string mask)
    {
        var mac = string.Join('.', Enumerable.Range(0, 6).Select(b => (b == 0 ? 0x2a : rng.Next(256)).ToString("x", CultureInfo.InvariantCulture)));
        var nic = new NetInterface { Name = name, Network = network, Mac = mac, Ipkts = rng.Next(100000, 90000000), Opkts = rng.Next(100000, 40000000) };
        nic.Addresses.Add(new IpAddress { Address = address, Netmask = mask });
        node.Interfaces.Add(nic);
    }

    private static void BuildAccounts(SimNode node)
    {
        foreach (var (name, id, admin) in new[] { ("system", 0, true), ("staff", 1, false), ("bin", 2, true), ("sys", 3, true), ("adm", 4, true), ("security", 7, true), ("cron", 8, true), ("audit", 10, true), ("usr", 100, false), ("hacmp", 202, false) })
        {
            node.Groups.Add(new SimGroup { Name = name, Id = id, Admin = admin });
        }
        void User(string name, int id, string pgrp, string[] groups, string home)
        {
            var u = new SimUser { Name = name, Id = id, Pgrp = pgrp, Home = home };
            u.Groups.AddRange(groups);
            if (name == "root")
            {
                u.Attributes["admin"] = "true";
            }
            node.Users.Add(u);
            foreach (var g in groups)
            {
                node.Groups.Find(x => x.Name == g)?.Users.Add(name);
            }
        }
        User("root", 0, "system", ["system", "bin", "sys", "security", "cron", "audit"], "/");
        User("daemon", 1, "staff", ["staff"], "/etc");
        User("bin", 2, "bin", ["bin", "sys", "adm"], "/bin");
        User("adm", 4, "adm", ["adm"], "/var/adm");
        User("guest", 100, "usr", ["usr"], "/home/guest");
        node.Users[0].PasswordHash = "{ssha256}06$rootsaltrootsalt$simulated";
    }

    private static void BuildRootvg(SimWorld world, Random rng, SimNode node)
    {
        var disk = new SimDisk
        {
            Id = $"{node.Name}-rootdisk",
            Pvid = $"{node.MachineId}{rng.Next():x8}",
            SizeMb = 30720,
            Description = "Virtual SCSI Disk Drive",
            Location = "",
            ReservePolicy = "no_reserve",
        };
        disk.Names[node.Name] = "hdisk0";
        world.Disks.Add(disk);
        var vg = new VolumeGroup { VgId = Lvm.NewVgId(world, node), Name = "rootvg", PpSizeMb = 32, Timestamp = 1 };
        vg.Disks.Add(disk.Id);
        disk.VgId = vg.VgId;
        world.VolumeGroups.Add(vg);
        var minor = 1;
        void Lv(string name, string type, int lps, string? mount, int usedPercent)
        {
            var lv = new LogicalVolume { Name = name, Type = type, Lps = lps, Minor = minor++, Label = mount };
            lv.PpsByDisk[disk.Id] = lps;
            if (mount is not null)
            {
                lv.FsSizeBlocks = (long)lps * 32 * 2048;
                lv.FsUsedBlocks = lv.FsSizeBlocks * usedPercent / 100;
                lv.FsUsedInodes = (int)(lv.FsUsedBlocks / 64);
            }
            vg.LogicalVolumes.Add(lv);
        }
        Lv("hd5", "boot", 1, null, 0);
        Lv("hd6", "paging", 16, null, 0);
        Lv("hd8", "jfs2log", 1, null, 0);
        Lv("hd4", "jfs2", 32, "/", 33);
        Lv("hd2", "jfs2", 96, "/usr", 78);
        Lv("hd9var", "jfs2", 16, "/var", 21);
        Lv("hd3", "jfs2", 16, "/tmp", 5);
        Lv("hd1", "jfs2", 4, "/home", 2);
        Lv("hd10opt", "jfs2", 16, "/opt", 40);
        Lv("hd11admin", "jfs2", 4, "/admin", 1);
        Lv("lg_dumplv", "sysdump", 16, null, 0);
        node.VolumeGroups.Add(new NodeVolumeGroup { Name = "rootvg", VgId = vg.VgId, Major = 10, AutoOn = true, State = VaryState.Active, OdmTimestamp = 1, VaryOnOrder = ++node.VaryOnCounter });
        foreach (var lv in vg.LogicalVolumes.Where(l => l.Label is not null))
        {
            node.FileSystems.Add(new FsStanza { MountPoint = lv.Label!, Dev = "/dev/" + lv.Name, Vfs = "jfs2", Log = "/dev/hd8", Mount = lv.Label is "/" or "/usr" or "/var" ? "automatic" : "true", Account = "false", Options = "" });
            node.Mounts.Add(new MountEntry { Device = "/dev/" + lv.Name, MountPoint = lv.Label!, Vfs = "jfs2", When = Epoch, Options = "rw,log=/dev/hd8" });
            FileTree.AddDirectory(node, lv.Label!);
        }
        node.FileSystems.Add(new FsStanza { MountPoint = "/proc", Dev = "/proc", Vfs = "procfs", Mount = "true", Options = "rw", Account = "false", Pseudo = true });
        node.Mounts.Insert(5, new MountEntry { Device = "/proc", MountPoint = "/proc", Vfs = "procfs", When = Epoch, Options = "rw" });
        FileTree.AddDirectory(node, "/proc");
    }

    private static void BuildLinks(SimWorld world)
    {
        var n = world.Nodes.Count;
        if (n < 2)
        {
            return;
        }
        var pairs = n == 2 ? 1 : n;
        var hbDisk = world.Disks.LastOrDefault(d => d.Names.Count == n);
        for (var i = 0; i < pairs; i++)
        {
            var a = world.Nodes[i].Name;
            var b = world.Nodes[(i + 1) % n].Name;
            world.NonIpLinks.Add(hbDisk is null
                ? new NonIpLink { Name = $"net_rs232_{i + 1:00}", Type = "rs232", Nodes = { a, b }, Device = "tty0" }
                : new NonIpLink { Name = $"net_diskhb_{i + 1:00}", Type = "diskhb", Nodes = { a, b }, Device = hbDisk.Id });
        }
    }

    /// <summary>/etc/hosts: the AIX loopback lines, then every node's boot and heartbeat labels,
    /// then <paramref name="extra"/> (service labels of the demo).</summary>
    internal static string Hosts(SimWorld world, IEnumerable<(string Address, string Label)> extra)
    {
        var sb = new StringBuilder();
        sb.Append("# IBM_PROLOG_BEGIN_TAG\n# /etc/hosts of a simulated node (ClAdmin). Cluster labels follow the loopback lines.\n# IBM_PROLOG_END_TAG\n");
        sb.Append("127.0.0.1               loopback localhost      # loopback (lo0) name/address\n");
        sb.Append("::1                     loopback localhost      # IPv6 loopback (lo0) name/address\n");
        sb.Append("\n# boot addresses (net_ether_01) and heartbeat addresses (net_ether_02)\n");
        foreach (var node in world.Nodes)
        {
            sb.Append($"{node.Interfaces[0].Addresses[0].Address,-16}{node.Name}_boot1 {node.Name}\n");
            sb.Append($"{node.Interfaces[1].Addresses[0].Address,-16}{node.Name}_boot2\n");
            sb.Append($"{node.Interfaces[2].Addresses[0].Address,-16}{node.Name}_hb\n");
        }
        var list = extra.ToList();
        if (list.Count > 0)
        {
            sb.Append("\n# service labels\n");
            foreach (var (address, label) in list)
            {
                sb.Append($"{address,-16}{label}\n");
            }
        }
        return sb.ToString();
    }
}
