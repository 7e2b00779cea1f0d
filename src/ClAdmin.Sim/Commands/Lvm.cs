using System.Globalization;
using ClAdmin.Sim.Model;
using ClAdmin.Sim.Shell;

namespace ClAdmin.Sim.Commands;

/// <summary>Shared LVM rules and arithmetic: disk lookup by name or PVID, partition counts and
/// allocation, descriptor areas and quorum, reservations, names and major numbers.</summary>
internal static class Lvm
{
    public const int FirstFreeMajor = 35;

    public static string NotInOdm(string program, string type, string name) =>
        $"0516-306 {program}: Unable to find {type} {name} in the Device\n\tConfiguration Database.";

    public const string MustBeVariedOn = "0516-010 : Volume group must be varied on; use varyonvg command.";

    public const string CannotOpenPv = "0516-024 lqueryvg: Unable to open physical volume.\n\tEither PV was not configured or could not be opened. Run\n\tdiagnostics.";

    public const string AllocFailed = "0516-404 allocp: This system cannot fulfill the allocation request.\n\tThere are not enough free partitions or not enough physical volumes \n\tto keep strictness and satisfy allocation requests.  The command\n\tshould be retried with different allocation characteristics.";

    public static string NameInUse(string program) =>
        $"0516-360 {program}: The device name is already used; choose a\n\tdifferent name.";

    /// <summary>A disk the node sees, by hdisk name or by PVID (a disk deleted with rmdev -d is not seen until cfgmgr).</summary>
    public static SimDisk? FindDisk(SimWorld world, SimNode node, string nameOrPvid) =>
        world.Disks.Find(d => d.NameOn(node.Name) == nameOrPvid && IsConfigured(d, node))
        ?? world.Disks.Find(d => d.Names.ContainsKey(node.Name) && IsConfigured(d, node) && d.Pvid is not null
            && string.Equals(d.Pvid, nameOrPvid, StringComparison.OrdinalIgnoreCase));

    /// <summary>False once rmdev -d removed the disk's definition from the node (until cfgmgr).</summary>
    public static bool IsConfigured(SimDisk disk, SimNode node) =>
        !(disk.Unconfigured.TryGetValue(node.Name, out var state) && state == "deleted");

    public static IEnumerable<SimDisk> DisksOf(SimWorld world, VolumeGroup vg) =>
        vg.Disks.Select(world.FindDisk).OfType<SimDisk>();

    /// <summary>Partitions of a disk in a volume group: the size its descriptor area records
    /// (a grown LUN counts only after chvg -g), less one for the descriptor area.</summary>
    public static int TotalPps(SimDisk disk, int ppSizeMb) => Math.Max(0, ((disk.VgdaSizeMb ?? disk.SizeMb) / ppSizeMb) - 1);

    public static int UsedPps(VolumeGroup vg, string diskId) =>
        vg.LogicalVolumes.Sum(l => l.PpsOn(diskId));

    public static int FreePps(SimWorld world, VolumeGroup vg) =>
        DisksOf(world, vg).Sum(d => TotalPps(d, vg.PpSizeMb) - UsedPps(vg, d.Id));

    /// <summary>Smallest power-of-two PP size that keeps every disk within 1016 partitions.</summary>
    public static int DefaultPpSize(IEnumerable<SimDisk> disks)
    {
        var largest = disks.Max(d => d.SizeMb);
        var pp = 4;
        while (largest / pp > 1016)
        {
            pp *= 2;
        }
        return pp;
    }

    /// <summary>Allocates <paramref name="lps"/> partitions to every copy of <paramref name="lv"/>,
    /// first disk first (or only on <paramref name="onDisks"/>); each copy of a mirrored LV stays off
    /// the disks of the others (strict allocation). False, and nothing changed, when short.</summary>
    public static bool Allocate(SimWorld world, VolumeGroup vg, LogicalVolume lv, int lps, IReadOnlyList<string>? onDisks = null)
    {
        var copies = lv.AllCopies().ToList();
        var plan = new List<(SortedDictionary<string, int> Copy, string Disk, int Pps)>();
        var planned = new Dictionary<string, int>(StringComparer.Ordinal);
        int Free(SimDisk d) => TotalPps(d, vg.PpSizeMb) - UsedPps(vg, d.Id) - planned.GetValueOrDefault(d.Id);
        foreach (var copy in copies)
        {
            var others = copies.Where(c => c != copy).SelectMany(c => c.Keys).ToHashSet(StringComparer.Ordinal);
            var candidates = DisksOf(world, vg).Where(d => (onDisks is null || onDisks.Contains(d.Id)) && !others.Contains(d.Id)).ToList();
            if (candidates.Sum(Free) < lps)
            {
                return false;
            }
            var left = lps;
            foreach (var d in candidates)
            {
                var take = Math.Min(left, Free(d));
                if (take > 0)
                {
                    plan.Add((copy, d.Id, take));
                    planned[d.Id] = planned.GetValueOrDefault(d.Id) + take;
                    left -= take;
                }
            }
        }
        foreach (var (copy, disk, pps) in plan)
        {
            copy[disk] = copy.GetValueOrDefault(disk) + pps;
        }
        lv.Lps += lps;
        return true;
    }

    /// <summary>VGDA copies per disk: a one-disk VG keeps two, a two-disk VG two on the first and
    /// one on the second, larger VGs one each.</summary>
    public static int Descriptors(VolumeGroup vg, int index) => vg.Disks.Count switch
    {
        1 => 2,
        2 => index == 0 ? 2 : 1,
        _ => 1,
    };

    public static int TotalDescriptors(VolumeGroup vg) => Enumerable.Range(0, vg.Disks.Count).Sum(i => Descriptors(vg, i));

    public static bool HasQuorum(SimWorld world, VolumeGroup vg)
    {
        var good = 0;
        for (var i = 0; i < vg.Disks.Count; i++)
        {
            if (world.FindDisk(vg.Disks[i]) is { Failed: false })
            {
                good += Descriptors(vg, i);
            }
        }
        var total = TotalDescriptors(vg);
        return vg.Quorum ? good * 2 > total : good > 0;
    }

    /// <summary>Other nodes that have the VG varied on (state and node), crashed nodes excluded:
    /// a crashed node's reservation is broken by the node taking over.</summary>
    public static IEnumerable<(SimNode Node, NodeVolumeGroup Vg)> OtherHolders(SimWorld world, SimNode self, string vgId) =>
        world.Nodes.Where(n => n != self && n.Up)
            .Select(n => (Node: n, Vg: n.FindVgById(vgId)))
            .Where(x => x.Vg is { State: not VaryState.Off })
            .Select(x => (x.Node, x.Vg!));

    /// <summary>A non-concurrent varyon elsewhere reserves the disks: reads from here fail.</summary>
    public static bool ReservedElsewhere(SimWorld world, SimNode self, VolumeGroup vg) =>
        vg.ReservedBy is { } holder && holder != self.Name && world.FindNode(holder) is { Up: true };

    public static bool IsVariedOn(NodeVolumeGroup vg) => vg.State != VaryState.Off;

    /// <summary>All LV names the node's ODM knows (device names must be unique on a node).</summary>
    public static HashSet<string> LvNamesOnNode(SimWorld world, SimNode node)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var nvg in node.VolumeGroups)
        {
            if (world.FindVg(nvg.VgId) is { } vg)
            {
                names.UnionWith(vg.LogicalVolumes.Select(l => l.Name));
            }
        }
        return names;
    }

    public static string NextName(IEnumerable<string> used, string prefix)
    {
        var set = used.ToHashSet(StringComparer.Ordinal);
        for (var i = 0; ; i++)
        {
            var name = prefix + i.ToString("00", CultureInfo.InvariantCulture);
            if (!set.Contains(name))
            {
                return name;
            }
        }
    }

    public static int LowestFreeMajor(SimNode node)
    {
        var used = node.VolumeGroups.Select(v => v.Major).ToHashSet();
        var m = FirstFreeMajor;
        while (used.Contains(m))
        {
            m++;
        }
        return m;
    }

    /// <summary>The LV and its VG behind a device path (/dev/datalv) among the node's known VGs.</summary>
    public static (NodeVolumeGroup NodeVg, VolumeGroup Vg, LogicalVolume Lv)? FindLvByDevice(SimWorld world, SimNode node, string device)
    {
        var lvName = device.StartsWith("/dev/", StringComparison.Ordinal) ? device[5..] : device;
        foreach (var nvg in node.VolumeGroups)
        {
            if (world.FindVg(nvg.VgId) is { } vg && vg.FindLv(lvName) is { } lv)
            {
                return (nvg, vg, lv);
            }
        }
        return null;
    }

    /// <summary>Open LVs: file systems mounted on this node, their logs, paging and dump LVs of
    /// varied-on VGs.</summary>
    public static bool IsOpen(SimWorld world, SimNode node, NodeVolumeGroup nvg, VolumeGroup vg, LogicalVolume lv)
    {
        if (nvg.State != VaryState.Active)
        {
            return false;
        }
        if (lv.Type is "paging" or "sysdump")
        {
            return true;
        }
        var dev = "/dev/" + lv.Name;
        if (node.Mounts.Any(m => m.Device == dev))
        {
            return true;
        }
        if (lv.Type is "jfs2log" or "jfslog")
        {
            return node.Mounts.Any(m => m.Options.EndsWith("log=" + dev, StringComparison.Ordinal)
                && FindLvByDevice(world, node, m.Device) is { } owner && owner.Vg.VgId == vg.VgId);
        }
        return false;
    }

    public static string NewVgId(SimWorld world, SimNode node)
    {
        var serial = world.NextSerial++;
        var stamp = (uint)(world.Clock.Ticks / TimeSpan.TicksPerSecond) + (uint)serial;
        return $"{node.MachineId}00004c00{serial:x8}{stamp:x8}";
    }

    public static string NewPvid(SimWorld world, SimNode node)
    {
        var serial = world.NextSerial++;
        var x = (uint)(serial * 2654435761u) ^ (uint)world.Seed;
        return $"{node.MachineId}{x:x8}";
    }

    /// <summary>Adds /etc/filesystems stanzas for the VG's file systems that the node lacks, and
    /// removes stanzas of LVs the VG no longer has (importvg, importvg -L).</summary>
    public static void SyncStanzas(SimWorld world, SimNode node, VolumeGroup vg)
    {
        var log = vg.LogicalVolumes.Find(l => l.Type == "jfs2log");
        foreach (var lv in vg.LogicalVolumes.Where(l => l.Label is not null))
        {
            if (node.FileSystems.Find(s => s.MountPoint == lv.Label) is { } known)
            {
                // A logical volume renamed elsewhere (chlv -n): the stanza follows the new device name.
                if (known.Dev != "/dev/" + lv.Name && known.Dev.StartsWith("/dev/", StringComparison.Ordinal) && vg.FindLv(known.Dev[5..]) is null
                    && FindLvByDevice(world, node, known.Dev) is null)
                {
                    known.Dev = "/dev/" + lv.Name;
                }
                continue;
            }
            node.FileSystems.Add(new FsStanza
            {
                MountPoint = lv.Label!,
                Dev = "/dev/" + lv.Name,
                Vfs = lv.Type == "jfs" ? "jfs" : "jfs2",
                Log = log is null ? "INLINE" : "/dev/" + log.Name,
                Mount = "false",
                Account = "false",
            });
            FileTree.AddDirectory(node, lv.Label!);
        }
        node.FileSystems.RemoveAll(s => s.Dev.StartsWith("/dev/", StringComparison.Ordinal)
            && StanzaBelongsTo(vg, s) && vg.FindLv(s.Dev[5..]) is null);
    }

    private static bool StanzaBelongsTo(VolumeGroup vg, FsStanza s) =>
        s.Log.Length > 5 && vg.FindLv(s.Log[5..]) is not null;

    public static void Touch(VolumeGroup vg, NodeVolumeGroup nvg)
    {
        vg.Timestamp++;
        nvg.OdmTimestamp = vg.Timestamp;
    }

    /// <summary>Size operand in LPs: a count, or a size with M/G unit rounded up to whole PPs.</summary>
    public static int? ParseLps(string text, int ppSizeMb)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }
        var mb = ParseMb(text);
        return mb is null ? null : (int)Math.Ceiling(mb.Value / (double)ppSizeMb);
    }

    public static long? ParseMb(string text)
    {
        if (text.Length < 2)
        {
            return null;
        }
        var unit = char.ToUpperInvariant(text[^1]);
        if (!long.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var v))
        {
            return null;
        }
        return unit switch { 'M' => v, 'G' => v * 1024, _ => null };
    }
}
