using System.Globalization;
using ClAdmin.Sim.Model;
using ClAdmin.Sim.Shell;
using ClAdmin.Shell;

namespace ClAdmin.Sim.Commands;

/// <summary>
/// LVM mirroring and logical-volume changes: mklvcopy, rmlvcopy, mirrorvg, unmirrorvg, syncvg,
/// chlv, replacepv, and the listings lvlstmajor and lsvgfs. Copies are kept per disk
/// (<see cref="LogicalVolume.Mirrors"/>); a copy made without synchronization is stale until syncvg.
/// Texts of aix-commands.md where it has them; the others are marked reconstructed ([U]).
/// </summary>
internal static class MirrorCommands
{
    public static void Register(Dictionary<string, Func<CommandContext, int>> t)
    {
        t["mklvcopy"] = Mklvcopy;
        t["rmlvcopy"] = Rmlvcopy;
        t["mirrorvg"] = Mirrorvg;
        t["unmirrorvg"] = Unmirrorvg;
        t["syncvg"] = Syncvg;
        t["chlv"] = Chlv;
        t["replacepv"] = Replacepv;
        t["lvlstmajor"] = Lvlstmajor;
        t["lsvgfs"] = Lsvgfs;
    }

    /// <summary>[U] the text when the number of copies is not above the current one (mklvcopy) or
    /// not below it (rmlvcopy).</summary>
    private static string BadCopies(string program, int copies, int current) =>
        $"0516-1509 {program}: The number of copies {copies} is not valid; the logical volume has {current}.";

    private static (NodeVolumeGroup NodeVg, VolumeGroup Vg, LogicalVolume Lv)? Lv(CommandContext ctx, string program, string name, out int rc)
    {
        rc = 0;
        var found = Lvm.FindLvByDevice(ctx.World, ctx.Node, name);
        if (found is not { } x)
        {
            rc = ctx.Fail($"0516-312 {program}: Unable to find logical volume {name} in the Device\n\tConfiguration Database.");
            return null;
        }
        if (x.NodeVg.State != VaryState.Active)
        {
            rc = ctx.Fail(Lvm.MustBeVariedOn);
            return null;
        }
        return x;
    }

    /// <summary>Disk ids of the named disks in the VG, or null with the error written.</summary>
    private static List<string>? DisksIn(CommandContext ctx, string program, VolumeGroup vg, IEnumerable<string> names, out int rc)
    {
        rc = 0;
        var ids = new List<string>();
        foreach (var op in names)
        {
            var d = Lvm.FindDisk(ctx.World, ctx.Node, op);
            if (d is null || d.VgId != vg.VgId)
            {
                rc = ctx.Fail($"0516-1782 {program}: Physical volume {op} is not part of volume group {vg.Name}.");
                return null;
            }
            ids.Add(d.Id);
        }
        return ids;
    }

    /// <summary>Adds copies of <paramref name="lv"/> up to <paramref name="copies"/>, each on disks no
    /// other copy uses. False, nothing changed, when the disks are short.</summary>
    internal static bool AddCopies(SimWorld world, VolumeGroup vg, LogicalVolume lv, int copies, IReadOnlyList<string>? onDisks, bool sync)
    {
        var added = new List<SortedDictionary<string, int>>();
        while (lv.CopyCount() < copies)
        {
            var used = lv.DiskIds().ToHashSet(StringComparer.Ordinal);
            var copy = new SortedDictionary<string, int>(StringComparer.Ordinal);
            var left = lv.Lps;
            foreach (var d in Lvm.DisksOf(world, vg).Where(d => !used.Contains(d.Id) && !d.Failed && (onDisks is null || onDisks.Contains(d.Id))))
            {
                var take = Math.Min(left, Lvm.TotalPps(d, vg.PpSizeMb) - Lvm.UsedPps(vg, d.Id));
                if (take > 0)
                {
                    copy[d.Id] = take;
                    left -= take;
                }
            }
            if (left > 0)
            {
                foreach (var c in added)
                {
                    lv.Mirrors.Remove(c);
                }
                return false;
            }
            lv.Mirrors.Add(copy);
            added.Add(copy);
        }
        if (!sync)
        {
            lv.StalePps += added.Sum(c => c.Values.Sum());
        }
        return true;
    }

    /// <summary>Removes copies down to <paramref name="copies"/>, those on <paramref name="fromDisks"/> first.</summary>
    internal static void RemoveCopies(LogicalVolume lv, int copies, IReadOnlyList<string>? fromDisks)
    {
        while (lv.CopyCount() > copies)
        {
            var all = lv.AllCopies().ToList();
            var victim = all.LastOrDefault(c => fromDisks is not null && c.Keys.Any(fromDisks.Contains))
                ?? all.LastOrDefault(c => lv.StalePps > 0 && c != lv.PpsByDisk)
                ?? all[^1];
            if (victim == lv.PpsByDisk)
            {
                // The first copy goes: the next one takes its place.
                var next = lv.Mirrors[0];
                lv.Mirrors.RemoveAt(0);
                lv.PpsByDisk.Clear();
                foreach (var (disk, pps) in next)
                {
                    lv.PpsByDisk[disk] = pps;
                }
            }
            else
            {
                lv.Mirrors.Remove(victim);
            }
            lv.StalePps = Math.Max(0, Math.Min(lv.StalePps, lv.Mirrors.Sum(c => c.Values.Sum())));
        }
    }

    private static int Mklvcopy(CommandContext ctx)
    {
        var g = Getopt.Parse(ctx.Args, "a:e:km:s:u:");
        if (g.BadFlag is { } bad || g.Operands.Count < 2)
        {
            return ctx.BadFlag(g.BadFlag ?? '?', "mklvcopy [-a Position] [-e Range] [-k] [-m MapFile] [-s Strict] [-u UpperBound] LogicalVolume Copies [PhysicalVolume ...]");
        }
        if (Lv(ctx, "mklvcopy", g.Operands[0], out var rc) is not { } x)
        {
            return rc;
        }
        if (!int.TryParse(g.Operands[1], NumberStyles.None, CultureInfo.InvariantCulture, out var copies) || copies <= x.Lv.CopyCount() || copies > 3)
        {
            return ctx.Fail(BadCopies("mklvcopy", copies, x.Lv.CopyCount()));
        }
        var onDisks = g.Operands.Count > 2 ? DisksIn(ctx, "mklvcopy", x.Vg, g.Operands.Skip(2), out rc) : null;
        if (rc != 0)
        {
            return rc;
        }
        if (!AddCopies(ctx.World, x.Vg, x.Lv, copies, onDisks, sync: g.Has('k')))
        {
            return ctx.Fail(Lvm.AllocFailed);
        }
        Lvm.Touch(x.Vg, x.NodeVg);
        return 0;
    }

    private static int Rmlvcopy(CommandContext ctx)
    {
        var g = Getopt.Parse(ctx.Args, "");
        if (g.BadFlag is { } bad || g.Operands.Count < 2)
        {
            return ctx.BadFlag(g.BadFlag ?? '?', "rmlvcopy LogicalVolume Copies [PhysicalVolume ...]");
        }
        if (Lv(ctx, "rmlvcopy", g.Operands[0], out var rc) is not { } x)
        {
            return rc;
        }
        if (!int.TryParse(g.Operands[1], NumberStyles.None, CultureInfo.InvariantCulture, out var copies) || copies < 1 || copies >= x.Lv.CopyCount())
        {
            return ctx.Fail(BadCopies("rmlvcopy", copies, x.Lv.CopyCount()));
        }
        var fromDisks = g.Operands.Count > 2 ? DisksIn(ctx, "rmlvcopy", x.Vg, g.Operands.Skip(2), out rc) : null;
        if (rc != 0)
        {
            return rc;
        }
        RemoveCopies(x.Lv, copies, fromDisks);
        Lvm.Touch(x.Vg, x.NodeVg);
        return 0;
    }

    private static int Mirrorvg(CommandContext ctx)
    {
        var g = Getopt.Parse(ctx.Args, "Ssc:Qm");
        if (g.BadFlag is { } bad || g.Operands.Count < 1)
        {
            return ctx.BadFlag(g.BadFlag ?? '?', "mirrorvg [-S | -s] [-Q] [-c Copies] [-m] VolumeGroup [PhysicalVolume ...]");
        }
        var name = g.Operands[0];
        // [U] the closing line of a failed mirrorvg.
        var unable = $"0516-1118 mirrorvg: Unable to mirror volume group {name}.";
        var (nvg, vg, error) = LvmCommands.ActiveVg(ctx, "mirrorvg", name);
        if (error is not null)
        {
            return ctx.Fail($"{error}\n{unable}");
        }
        var copies = g.Value('c') is { } c && int.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 2;
        if (copies is < 2 or > 3)
        {
            return ctx.Fail($"{BadCopies("mirrorvg", copies, 1)}\n{unable}");
        }
        List<string>? onDisks = null;
        if (g.Operands.Count > 1)
        {
            onDisks = DisksIn(ctx, "mirrorvg", vg!, g.Operands.Skip(1), out _);
            if (onDisks is null)
            {
                return ctx.Fail(unable);
            }
        }
        var done = new List<(LogicalVolume Lv, int Had, int Stale)>();
        foreach (var lv in vg!.LogicalVolumes.Where(l => l.CopyCount() < copies))
        {
            var had = (lv.CopyCount(), lv.StalePps);
            if (!AddCopies(ctx.World, vg, lv, copies, onDisks, sync: !g.Has('s')))
            {
                // mirrorvg backs out the copies it made before failing.
                foreach (var (made, count, stale) in done)
                {
                    RemoveCopies(made, count, null);
                    made.StalePps = stale;
                }
                return ctx.Fail($"{Lvm.AllocFailed}\n{unable}");
            }
            done.Add((lv, had.Item1, had.StalePps));
        }
        if (!g.Has('Q') && vg.Quorum)
        {
            // mirrorvg turns quorum off unless -Q keeps it, so that losing one copy does not close the VG.
            vg.Quorum = false;
            ctx.Line("0516-1804 chvg: The quorum change takes effect immediately.");
        }
        Lvm.Touch(vg, nvg!);
        return 0;
    }

    private static int Unmirrorvg(CommandContext ctx)
    {
        var g = Getopt.Parse(ctx.Args, "c:");
        if (g.BadFlag is { } bad || g.Operands.Count < 1)
        {
            return ctx.BadFlag(g.BadFlag ?? '?', "unmirrorvg [-c Copies] VolumeGroup [PhysicalVolume ...]");
        }
        var name = g.Operands[0];
        var (nvg, vg, error) = LvmCommands.ActiveVg(ctx, "unmirrorvg", name);
        if (error is not null)
        {
            return ctx.Fail(error);
        }
        var copies = g.Value('c') is { } c && int.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 1;
        if (copies is < 1 or > 2)
        {
            return ctx.Fail(BadCopies("unmirrorvg", copies, 2));
        }
        List<string>? fromDisks = null;
        if (g.Operands.Count > 1)
        {
            fromDisks = DisksIn(ctx, "unmirrorvg", vg!, g.Operands.Skip(1), out var rc);
            if (fromDisks is null)
            {
                return rc;
            }
        }
        foreach (var lv in vg!.LogicalVolumes.Where(l => l.CopyCount() > copies))
        {
            RemoveCopies(lv, copies, fromDisks);
        }
        Lvm.Touch(vg, nvg!);
        return 0;
    }

    private static int Syncvg(CommandContext ctx)
    {
        var g = Getopt.Parse(ctx.Args, "fHilpvP:");
        if (g.BadFlag is { } bad || g.Operands.Count < 1 || (g.Has('l') == g.Has('v') && !g.Has('p')))
        {
            return ctx.BadFlag(g.BadFlag ?? '?', "syncvg [-f] [-H] [-P NumParallelLps] {-l | -p | -v} Name ...");
        }
        var targets = new List<(NodeVolumeGroup NodeVg, VolumeGroup Vg, LogicalVolume Lv, string Vgname)>();
        foreach (var name in g.Operands)
        {
            if (g.Has('l'))
            {
                if (Lv(ctx, "syncvg", name, out var rc) is not { } x)
                {
                    return rc;
                }
                targets.Add((x.NodeVg, x.Vg, x.Lv, x.NodeVg.Name));
                continue;
            }
            var (nvg, vg, error) = LvmCommands.ActiveVg(ctx, "syncvg", name);
            if (error is not null)
            {
                return ctx.Fail(error);
            }
            targets.AddRange(vg!.LogicalVolumes.Select(l => (nvg!, vg, l, name)));
        }
        var rcAll = 0;
        foreach (var (nvg, vg, lv, vgName) in targets)
        {
            if (lv.StalePps == 0 && !g.Has('f'))
            {
                continue;
            }
            // A copy on a failed disk cannot be written: its partitions stay stale.
            if (lv.Mirrors.Prepend(lv.PpsByDisk).Any(c => c.Keys.Any(d => ctx.World.FindDisk(d) is { Failed: true })))
            {
                ctx.Err.Append("0516-1296 lresynclv: Unable to completely resynchronize volume.\n\tThe logical volume has bad-block relocation policy turned off.\n\tThis may have caused the command to fail.\n");
                ctx.Err.Append($"0516-934 /usr/sbin/syncvg: Unable to synchronize logical volume {lv.Name}.\n");
                if (!g.Has('l'))
                {
                    ctx.Err.Append($"0516-932 /usr/sbin/syncvg: Unable to synchronize volume group {vgName}.\n");
                }
                rcAll = 1;
                continue;
            }
            lv.StalePps = 0;
            Lvm.Touch(vg, nvg);
        }
        return rcAll;
    }

    private static int Chlv(CommandContext ctx)
    {
        var g = Getopt.Parse(ctx.Args, "n:t:x:L:a:e:u:w:s:r:b:d:v:o:");
        if (g.BadFlag is { } bad || g.Operands.Count != 1)
        {
            return ctx.BadFlag(g.BadFlag ?? '?', "chlv [-a Position] [-b BadBlocks] [-d Schedule] [-e Range] [-L Label] [-n NewLogicalVolume] [-o y|n] [-r Relocate] [-s Strict] [-t Type] [-u UpperBound] [-v Verify] [-w MirrorWriteConsistency] [-x Maximum] LogicalVolume");
        }
        var name = g.Operands[0];
        var unable = $"0516-1202 chlv: Unable to change logical volume {name}."; // [U]
        if (Lv(ctx, "chlv", name, out var rc) is not { } x)
        {
            return rc;
        }
        if (g.Value('x') is { } max)
        {
            if (!int.TryParse(max, NumberStyles.None, CultureInfo.InvariantCulture, out var m) || m < x.Lv.Lps || m > 32512)
            {
                // [U] wording: the maximum may not fall below the partitions the LV has.
                return ctx.Fail($"0516-1156 chlv: The maximum allocation {max} is smaller than the current\n\tnumber of logical partitions {x.Lv.Lps} or too large.\n{unable}");
            }
        }
        if (g.Value('n') is { } newName)
        {
            if (Lvm.LvNamesOnNode(ctx.World, ctx.Node).Contains(newName) || ctx.Node.FindVgByName(newName) is not null)
            {
                return ctx.Fail($"{Lvm.NameInUse("chlv")}\n{unable}");
            }
            if (Lvm.IsOpen(ctx.World, ctx.Node, x.NodeVg, x.Vg, x.Lv))
            {
                return ctx.Fail($"0516-1008 chlv: Logical volume {name} must be closed.  If the logical\n\tvolume contains a filesystem, the umount command will close\n\tthe LV device.\n{unable}");
            }
        }
        if (g.Value('x') is { } newMax)
        {
            x.Lv.MaxLps = int.Parse(newMax, CultureInfo.InvariantCulture);
        }
        if (g.Value('t') is { } type)
        {
            x.Lv.Type = type;
        }
        foreach (var flag in "aeuwsrbdvo")
        {
            if (g.Value(flag) is { } v)
            {
                x.Lv.Policies[flag.ToString()] = v;
            }
        }
        if (g.Value('n') is { } renamed)
        {
            // The device name changes; the file system's stanza follows it (dev = /dev/NEW).
            foreach (var s in ctx.Node.FileSystems.Where(s => s.Dev == "/dev/" + name))
            {
                s.Dev = "/dev/" + renamed;
            }
            foreach (var s in ctx.Node.FileSystems.Where(s => s.Log == "/dev/" + name))
            {
                s.Log = "/dev/" + renamed;
            }
            x.Lv.Name = renamed;
        }
        Lvm.Touch(x.Vg, x.NodeVg);
        return 0;
    }

    private static int Replacepv(CommandContext ctx)
    {
        var g = Getopt.Parse(ctx.Args, "fR:");
        if (g.BadFlag is { } bad || g.Operands.Count != 2)
        {
            return ctx.BadFlag(g.BadFlag ?? '?', "replacepv [-f] SourcePhysicalVolume DestinationPhysicalVolume");
        }
        var (world, node) = (ctx.World, ctx.Node);
        var src = Lvm.FindDisk(world, node, g.Operands[0]);
        var dest = Lvm.FindDisk(world, node, g.Operands[1]);
        if (src is null || dest is null)
        {
            return ctx.Fail(Lvm.NotInOdm("replacepv", "physical volume", src is null ? g.Operands[0] : g.Operands[1]));
        }
        var nvg = src.VgId is { } id ? node.FindVgById(id) : null;
        var vg = nvg is null ? null : world.FindVg(nvg.VgId);
        if (nvg is null || vg is null)
        {
            return ctx.Fail($"0516-1782 replacepv: Physical volume {g.Operands[0]} is not part of any volume group."); // [U]
        }
        if (nvg.State != VaryState.Active)
        {
            return ctx.Fail(Lvm.MustBeVariedOn);
        }
        if (dest.VgId is not null && !g.Has('f'))
        {
            return ctx.Fail($"0516-1398 replacepv: The physical volume {g.Operands[1]}, appears to belong to\nanother volume group. Use the force option to add this physical volume\nto a volume group.");
        }
        if (dest.Failed)
        {
            return ctx.Fail(Lvm.CannotOpenPv);
        }
        if (Lvm.TotalPps(dest, vg.PpSizeMb) < Lvm.UsedPps(vg, src.Id))
        {
            return ctx.Fail(Lvm.AllocFailed);
        }
        foreach (var lv in vg.LogicalVolumes)
        {
            foreach (var copy in lv.AllCopies().Where(c => c.ContainsKey(src.Id)).ToList())
            {
                copy[dest.Id] = copy.GetValueOrDefault(dest.Id) + copy[src.Id];
                copy.Remove(src.Id);
            }
        }
        dest.Pvid ??= Lvm.NewPvid(world, node);
        dest.VgId = vg.VgId;
        vg.Disks[vg.Disks.IndexOf(src.Id)] = dest.Id;
        src.VgId = null;
        Lvm.Touch(vg, nvg);
        return 0;
    }

    /// <summary>lvlstmajor: the major numbers free on this node, as ranges; the last open-ended (<c>35..59,62...</c>,
    /// a gap of two as two numbers: <c>35,36,38...</c>).</summary>
    private static int Lvlstmajor(CommandContext ctx)
    {
        var used = ctx.Node.VolumeGroups.Select(v => v.Major).Where(m => m >= Lvm.FirstFreeMajor).ToHashSet();
        var parts = new List<string>();
        var m = Lvm.FirstFreeMajor;
        foreach (var u in used.Order())
        {
            if (u > m)
            {
                // As lvlstmajor.c prints a gap: one number "j", two "j,j+1", more "j..k".
                parts.Add((u - m) switch { 1 => F(m), 2 => $"{F(m)},{F(m + 1)}", _ => $"{F(m)}..{F(u - 1)}" });
            }
            m = Math.Max(m, u + 1);
        }
        parts.Add($"{F(m)}...");
        ctx.Line(string.Join(',', parts));
        return 0;

        static string F(int n) => n.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>lsvgfs VG: the mount points of the volume group's file systems, from /etc/filesystems
    /// (readable with the group varied off).</summary>
    private static int Lsvgfs(CommandContext ctx)
    {
        if (ctx.Args.Count != 1)
        {
            return ctx.BadFlag('?', "lsvgfs VolumeGroup");
        }
        var nvg = ctx.Node.FindVgByName(ctx.Args[0]);
        var vg = nvg is null ? null : ctx.World.FindVg(nvg.VgId);
        if (vg is null)
        {
            return ctx.Fail(Lvm.NotInOdm("getlvodm", "volume group", ctx.Args[0]));
        }
        var devs = vg.LogicalVolumes.Select(l => "/dev/" + l.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var s in ctx.Node.FileSystems.Where(s => devs.Contains(s.Dev)))
        {
            ctx.Line(s.MountPoint);
        }
        return 0;
    }
}
