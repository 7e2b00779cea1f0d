using System.Text;
using ClAdmin.Sim.Model;
using ClAdmin.Sim.Shell;
using ClAdmin.Shell;

namespace ClAdmin.Sim.Commands;

/// <summary>LVM commands that change volume groups and logical volumes.</summary>
internal static class LvmCommands
{
    public static void Register(Dictionary<string, Func<CommandContext, int>> t)
    {
        t["mkvg"] = Mkvg;
        t["importvg"] = Importvg;
        t["exportvg"] = Exportvg;
        t["varyonvg"] = Varyonvg;
        t["varyoffvg"] = Varyoffvg;
        t["chvg"] = Chvg;
        t["extendvg"] = Extendvg;
        t["reducevg"] = Reducevg;
        t["mklv"] = Mklv;
        t["extendlv"] = Extendlv;
        t["rmlv"] = Rmlv;
    }

    private static int Mkvg(CommandContext ctx)
    {
        const string Create = "0516-862 mkvg: Unable to create volume group.";
        var g = Getopt.Parse(ctx.Args, "y:s:V:nCcfSBt:G");
        if (g.BadFlag is { } bad || g.Operands.Count == 0)
        {
            return ctx.BadFlag(g.BadFlag ?? '?', "mkvg [-B] [-C] [-f] [-n] [-s Size] [-V MajorNumber] [-y VolumeGroup] PhysicalVolume ...");
        }
        var (world, node) = (ctx.World, ctx.Node);
        var disks = new List<SimDisk>();
        foreach (var op in g.Operands)
        {
            var d = Lvm.FindDisk(world, node, op);
            if (d is null)
            {
                return ctx.Fail(Lvm.NotInOdm("mkvg", "physical volume", op) + "\n" + Create);
            }
            if (d.Failed)
            {
                return ctx.Fail(Lvm.CannotOpenPv + "\n" + Create);
            }
            if (d.VgId is { } old && world.FindVg(old) is { } oldVg)
            {
                var inUse = world.Nodes.Any(n => n.FindVgById(old) is { State: not VaryState.Off });
                if (!g.Has('f') || inUse)
                {
                    return ctx.Fail($"0516-1398 mkvg: The physical volume {op}, appears to belong to\nanother volume group. Use the force option to add this physical volume\nto a volume group.\n{Create}");
                }
                oldVg.Disks.Remove(d.Id);
            }
            disks.Add(d);
        }
        var name = g.Value('y') ?? Lvm.NextName(node.VolumeGroups.Select(v => v.Name), "vg");
        if (node.FindVgByName(name) is not null || Lvm.LvNamesOnNode(world, node).Contains(name))
        {
            return ctx.Fail(Lvm.NameInUse("mkvg") + "\n" + Create);
        }
        int major;
        if (g.Value('V') is { } v)
        {
            if (!int.TryParse(v, out major) || major <= 0)
            {
                return ctx.Fail($"0516-1214 mkvg: Invalid major number {v}.\n{Create}");
            }
            if (node.VolumeGroups.Any(x => x.Major == major))
            {
                return ctx.Fail($"0516-1215 mkvg: The major number {major} is already in use.\n{Create}");
            }
        }
        else
        {
            major = Lvm.LowestFreeMajor(node);
        }
        var pp = g.Value('s') is { } s && int.TryParse(s, out var ps) ? ps : Lvm.DefaultPpSize(disks);
        var vg = new VolumeGroup
        {
            VgId = Lvm.NewVgId(world, node),
            Name = name,
            PpSizeMb = pp,
            EnhancedConcurrent = g.Has('C') || g.Has('c'),
            Timestamp = 1,
        };
        foreach (var d in disks)
        {
            d.Pvid ??= Lvm.NewPvid(world, node);
            d.VgId = vg.VgId;
            vg.Disks.Add(d.Id);
        }
        world.VolumeGroups.Add(vg);
        var nvg = new NodeVolumeGroup { Name = name, VgId = vg.VgId, Major = major, AutoOn = !g.Has('n'), OdmTimestamp = vg.Timestamp };
        node.VolumeGroups.Add(nvg);
        if (!vg.EnhancedConcurrent)
        {
            // AIX varies a new VG on at once, except an enhanced concurrent capable one.
            VaryOn(world, node, nvg, vg, VaryState.Active, concurrent: false);
        }
        ctx.Line(name);
        return 0;
    }

    internal static void VaryOn(SimWorld world, SimNode node, NodeVolumeGroup nvg, VolumeGroup vg, VaryState state, bool concurrent)
    {
        nvg.State = state;
        nvg.ConcurrentMode = concurrent;
        nvg.VaryOnOrder = ++node.VaryOnCounter;
        nvg.OdmTimestamp = vg.Timestamp;
        if (!vg.EnhancedConcurrent)
        {
            vg.ReservedBy = node.Name;
        }
    }

    private static int Importvg(CommandContext ctx)
    {
        var g = Getopt.Parse(ctx.Args, "y:V:nL:cxfFO");
        if (g.BadFlag is { } bad || g.Operands.Count != 1)
        {
            return ctx.BadFlag(g.BadFlag ?? '?', "importvg [-V MajorNumber] [-y VolumeGroup] [-f] [-c] [-x] [-L VolumeGroup] [-n] [-F] [-O] PhysicalVolume");
        }
        var (world, node) = (ctx.World, ctx.Node);
        var op = g.Operands[0];
        var disk = Lvm.FindDisk(world, node, op);
        if (disk is null)
        {
            return ctx.Fail(Lvm.NotInOdm("importvg", "physical volume", op));
        }
        var diskName = disk.NameOn(node.Name)!;
        var vg = disk.VgId is { } id ? world.FindVg(id) : null;
        var wanted = g.Value('L') ?? g.Value('y');
        if (disk.Failed || vg is null || Lvm.ReservedElsewhere(world, node, vg))
        {
            var prefix = disk.Failed || vg is not null ? Lvm.CannotOpenPv + "\n" : "";
            return ctx.Fail($"{prefix}0516-776 importvg: Cannot import {diskName} as {wanted ?? "vg00"}.");
        }
        if (g.Value('L') is { } learn)
        {
            var known = node.FindVgByName(learn);
            if (known is null || known.VgId != vg.VgId)
            {
                return ctx.Fail(Lvm.NotInOdm("importvg", "volume group", learn));
            }
            known.OdmTimestamp = vg.Timestamp;
            Lvm.SyncStanzas(world, node, vg);
            ctx.Line(learn);
            return 0;
        }
        if (node.FindVgById(vg.VgId) is { } already)
        {
            return ctx.Fail($"0516-776 importvg: Cannot import {diskName} as {wanted ?? already.Name}.");
        }
        var name = g.Value('y') ?? Lvm.NextName(node.VolumeGroups.Select(v => v.Name), "vg");
        if (node.FindVgByName(name) is not null)
        {
            return ctx.Fail(Lvm.NameInUse("importvg"));
        }
        int major;
        if (g.Value('V') is { } v)
        {
            if (!int.TryParse(v, out major) || major <= 0)
            {
                return ctx.Fail($"0516-1214 importvg: Invalid major number {v}.");
            }
            if (node.VolumeGroups.Any(x => x.Major == major))
            {
                return ctx.Fail($"0516-1215 importvg: The major number {major} is already in use.");
            }
        }
        else
        {
            major = Lvm.LowestFreeMajor(node);
        }
        var nvg = new NodeVolumeGroup { Name = name, VgId = vg.VgId, Major = major, AutoOn = !vg.EnhancedConcurrent, OdmTimestamp = vg.Timestamp };
        node.VolumeGroups.Add(nvg);
        Lvm.SyncStanzas(world, node, vg);
        if (!g.Has('n'))
        {
            var err = CheckVaryOn(world, node, vg, active: true);
            if (err is not null)
            {
                ctx.Err.Append(err).Append('\n');
            }
            else
            {
                VaryOn(world, node, nvg, vg, VaryState.Active, concurrent: g.Has('c') && vg.EnhancedConcurrent);
            }
        }
        ctx.Line(name);
        return 0;
    }

    private static int Exportvg(CommandContext ctx)
    {
        if (ctx.Args.Count != 1)
        {
            return ctx.BadFlag('?', "exportvg VolumeGroup");
        }
        var name = ctx.Args[0];
        var nvg = ctx.Node.FindVgByName(name);
        if (nvg is null)
        {
            return ctx.Fail(Lvm.NotInOdm("exportvg", "volume group", name));
        }
        if (nvg.State != VaryState.Off)
        {
            return ctx.Fail("0516-764 exportvg: The volume group must be varied off before exporting.");
        }
        if (ctx.World.FindVg(nvg.VgId) is { } vg)
        {
            var devs = vg.LogicalVolumes.Select(l => "/dev/" + l.Name).ToHashSet(StringComparer.Ordinal);
            ctx.Node.FileSystems.RemoveAll(s => devs.Contains(s.Dev));
        }
        ctx.Node.VolumeGroups.Remove(nvg);
        return 0;
    }

    /// <summary>Why the node cannot vary the VG on (message text), or null when it can.</summary>
    /// <summary>Why a varyon is refused, or null. An enhanced concurrent VG active on another node is refused through
    /// gsclvmd, unless that node is on the other side of a partition: with no SCSI reserve, both sides then vary it
    /// on active (semantics §7.7 [DOC], the avoid-partition page).</summary>
    private static string? CheckVaryOn(SimWorld world, SimNode node, VolumeGroup vg, bool active)
    {
        if (Lvm.ReservedElsewhere(world, node, vg)
            || (active && vg.EnhancedConcurrent && Lvm.OtherHolders(world, node, vg.VgId)
                .Any(h => h.Vg.State == VaryState.Active && !Manager.Heartbeats.Apart(world, node.Name, h.Node.Name))))
        {
            return "0516-013 varyonvg: The volume group cannot be varied on because\n\tthere are no good copies of the descriptor area.";
        }
        if (!Lvm.HasQuorum(world, vg))
        {
            return "0516-052 varyonvg: Volume group cannot be varied on without a\n\tquorum. More physical volumes in the group must be active.\n\tRun diagnostics on inactive PVs.";
        }
        return null;
    }

    private static int Varyonvg(CommandContext ctx)
    {
        var g = Getopt.Parse(ctx.Args, "cPAnfsubrtoO");
        if (g.BadFlag is { } bad || g.Operands.Count != 1)
        {
            return ctx.BadFlag(g.BadFlag ?? '?', "varyonvg [-b] [-c] [-f] [-n] [-p] [-r] [-s] [-t] [-u] VolumeGroup");
        }
        var (world, node) = (ctx.World, ctx.Node);
        var name = g.Operands[0];
        var nvg = node.FindVgByName(name);
        var vg = nvg is null ? null : world.FindVg(nvg.VgId);
        if (nvg is null || vg is null)
        {
            return ctx.Fail($"0516-316 varyonvg: Unable to find volume group {name} in the Device\n\tConfiguration Database.", 3);
        }
        var concurrent = g.Has('c');
        if (concurrent && !vg.EnhancedConcurrent)
        {
            return ctx.Fail("0516-949 varyonvg: This volume group not created concurrent capable.");
        }
        var target = concurrent && g.Has('P') ? VaryState.Passive : VaryState.Active;
        if (nvg.State == target && nvg.ConcurrentMode == concurrent)
        {
            return 0;
        }
        if (CheckVaryOn(world, node, vg, target == VaryState.Active) is { } error)
        {
            if (Lvm.ReservedElsewhere(world, node, vg) && Lvm.DisksOf(world, vg).FirstOrDefault()?.NameOn(node.Name) is { } disk)
            {
                // The other node's SCSI reservation refuses the disk (aix-commands.md §1.26).
                DeviceCommands.LogError(world, node, "B0EE9AF5", 'T', 'S', disk, "REQUESTED OPERATION CANNOT BE PERFORMED");
            }
            return ctx.Fail(error);
        }
        if (target == VaryState.Passive && node.Mounts.Any(m => Lvm.FindLvByDevice(world, node, m.Device) is { } x && x.Vg == vg))
        {
            return ctx.Fail($"0516-012 lvaryoffvg: Logical volume must be closed.  If the logical\n\tvolume contains a filesystem, the umount command will close\n\tthe LV device.\n0516-942 varyoffvg: Unable to vary off volume group {name}.");
        }
        var missing = Lvm.DisksOf(world, vg).Where(d => d.Failed).ToList();
        if (missing.Count > 0)
        {
            var sb = new StringBuilder("PV Status:");
            var first = true;
            foreach (var d in Lvm.DisksOf(world, vg))
            {
                sb.Append(first ? "\t" : "\t\t").Append(d.NameOn(node.Name)).Append('\t').Append(d.Pvid)
                  .Append('\t').Append(d.Failed ? "PVMISSING" : "PVACTIVE").Append('\n');
                first = false;
            }
            ctx.Out.Append(sb);
        }
        VaryOn(world, node, nvg, vg, target, concurrent);
        return 0;
    }

    private static int Varyoffvg(CommandContext ctx)
    {
        var g = Getopt.Parse(ctx.Args, "s");
        if (g.BadFlag is { } bad || g.Operands.Count != 1)
        {
            return ctx.BadFlag(g.BadFlag ?? '?', "varyoffvg [-s] VolumeGroup");
        }
        var (world, node) = (ctx.World, ctx.Node);
        var name = g.Operands[0];
        var nvg = node.FindVgByName(name);
        var vg = nvg is null ? null : world.FindVg(nvg.VgId);
        if (nvg is null || vg is null)
        {
            return ctx.Fail(Lvm.NotInOdm("getlvodm", "volume group", name));
        }
        if (node.Mounts.Any(m => Lvm.FindLvByDevice(world, node, m.Device) is { } x && x.Vg == vg))
        {
            return ctx.Fail($"0516-012 lvaryoffvg: Logical volume must be closed.  If the logical\n\tvolume contains a filesystem, the umount command will close\n\tthe LV device.\n0516-942 varyoffvg: Unable to vary off volume group {name}.");
        }
        nvg.State = VaryState.Off;
        nvg.ConcurrentMode = false;
        if (vg.ReservedBy == node.Name)
        {
            vg.ReservedBy = null;
        }
        return 0;
    }

    private static int Chvg(CommandContext ctx)
    {
        var g = Getopt.Parse(ctx.Args, "a:Q:CgGBt:L:s:h:M:u");
        if (g.BadFlag is { } bad || g.Operands.Count != 1)
        {
            return ctx.BadFlag(g.BadFlag ?? '?', "chvg [-a y|n] [-Q y|n] [-C] [-g] [-u] VolumeGroup");
        }
        var (world, node) = (ctx.World, ctx.Node);
        var name = g.Operands[0];
        var nvg = node.FindVgByName(name);
        var vg = nvg is null ? null : world.FindVg(nvg.VgId);
        if (nvg is null || vg is null)
        {
            return ctx.Fail($"{Lvm.NotInOdm("getlvodm", "volume group", name)}\n0516-732 chvg: Unable to change volume group {name}.");
        }
        if (g.Has('M'))
        {
            return ctx.Fail($"0516-1616 chvg: This operation is only valid for scalable volume groups.\n0516-732 chvg: Unable to change volume group {name}.", 2);
        }
        if (g.Value('a') is { } a)
        {
            // Auto varyon is a node's ODM attribute: only this node changes.
            nvg.AutoOn = a is "y" or "yes";
        }
        if ((g.Has('Q') || g.Has('C') || g.Has('g') || g.Has('s') || g.Has('h') || g.Has('t')) && nvg.State != VaryState.Active)
        {
            return ctx.Fail($"{Lvm.MustBeVariedOn}\n0516-732 chvg: Unable to change volume group {name}.");
        }
        if (g.Value('Q') is { } q)
        {
            vg.Quorum = q is "y" or "yes";
            Lvm.Touch(vg, nvg);
        }
        if (g.Has('C'))
        {
            vg.EnhancedConcurrent = true;
            vg.ReservedBy = null;
            Lvm.Touch(vg, nvg);
        }
        if (g.Has('g'))
        {
            // Takes a grown LUN's new size into the descriptor area: more partitions on that disk.
            foreach (var d in Lvm.DisksOf(world, vg))
            {
                d.VgdaSizeMb = null;
            }
            Lvm.Touch(vg, nvg);
        }
        if (g.Value('s') is { } sync)
        {
            vg.AutoSync = sync is "y" or "yes";
            Lvm.Touch(vg, nvg);
        }
        if (g.Value('h') is { } spare)
        {
            vg.HotSpare = spare switch { "y" => "yes", "Y" => "Yes", _ => "no" };
            Lvm.Touch(vg, nvg);
        }
        if (g.Value('t') is { } factor && int.TryParse(factor, out var f) && f > 0)
        {
            var disks = Math.Max(1, 32 / f);
            ctx.Line($"0516-1164 chvg: Volume group {name} changed.  With given characteristics {name}\n\tcan include up to {disks} physical volumes with {1016 * f} physical partitions each.");
        }
        return 0;
    }

    private static int Extendvg(CommandContext ctx)
    {
        var g = Getopt.Parse(ctx.Args, "f");
        if (g.BadFlag is { } bad || g.Operands.Count < 2)
        {
            return ctx.BadFlag(g.BadFlag ?? '?', "extendvg [-f] VolumeGroup PhysicalVolume ...");
        }
        var (world, node) = (ctx.World, ctx.Node);
        var name = g.Operands[0];
        var nvg = node.FindVgByName(name);
        var vg = nvg is null ? null : world.FindVg(nvg.VgId);
        if (nvg is null || vg is null)
        {
            return ctx.Fail(Lvm.NotInOdm("extendvg", "volume group", name));
        }
        const string Unable = "0516-792 extendvg: Unable to extend volume group.";
        if (nvg.State != VaryState.Active)
        {
            return ctx.Fail($"{Lvm.MustBeVariedOn}\n{Unable}");
        }
        foreach (var op in g.Operands.Skip(1))
        {
            var d = Lvm.FindDisk(world, node, op);
            if (d is null)
            {
                return ctx.Fail($"{Lvm.NotInOdm("extendvg", "physical volume", op)}\n{Unable}");
            }
            if (d.Failed)
            {
                return ctx.Fail($"{Lvm.CannotOpenPv}\n{Unable}");
            }
            if (d.VgId is not null && (!g.Has('f') || d.VgId == vg.VgId || world.Nodes.Any(n => n.FindVgById(d.VgId) is { State: not VaryState.Off })))
            {
                return ctx.Fail($"0516-1398 extendvg: The physical volume {op}, appears to belong to\nanother volume group. Use the force option to add this physical volume\nto a volume group.\n{Unable}");
            }
            if (Lvm.TotalPps(d, vg.PpSizeMb) > 1016)
            {
                return ctx.Fail($"0516-1162 extendvg: The Physical Partition Size of {vg.PpSizeMb} requires the creation of\n\t{(d.SizeMb / vg.PpSizeMb)} partitions for {op}.  The limitation for volume group {name} is\n\t1016 physical partitions per physical volume.  Use chvg command with -t\n\toption to attempt to change the maximum Physical Partitions per Physical\n\tvolume for this volume group.\n{Unable}");
            }
            if (d.Pvid is null)
            {
                d.Pvid = Lvm.NewPvid(world, node);
                ctx.Err.Append("0516-1254 extendvg: Changing the PVID in the ODM.\n");
            }
            if (d.VgId is { } old && world.FindVg(old) is { } oldVg)
            {
                oldVg.Disks.Remove(d.Id);
            }
            d.VgId = vg.VgId;
            vg.Disks.Add(d.Id);
        }
        Lvm.Touch(vg, nvg);
        return 0;
    }

    private static int Reducevg(CommandContext ctx)
    {
        var g = Getopt.Parse(ctx.Args, "df");
        if (g.BadFlag is { } bad || g.Operands.Count < 2)
        {
            return ctx.BadFlag(g.BadFlag ?? '?', "reducevg [-d] [-f] VolumeGroup PhysicalVolume ...");
        }
        var (world, node) = (ctx.World, ctx.Node);
        var name = g.Operands[0];
        var nvg = node.FindVgByName(name);
        var vg = nvg is null ? null : world.FindVg(nvg.VgId);
        if (nvg is null || vg is null)
        {
            return ctx.Fail(Lvm.NotInOdm("getlvodm", "volume group", name));
        }
        if (nvg.State != VaryState.Active)
        {
            return ctx.Fail(Lvm.MustBeVariedOn);
        }
        foreach (var op in g.Operands.Skip(1))
        {
            var d = Lvm.FindDisk(world, node, op);
            if (d is null || d.VgId != vg.VgId)
            {
                return ctx.Fail($"0516-1782 reducevg: Physical volume {op} is not part of volume group {name}.\n0516-884 reducevg: Unable to remove physical volume {op}.", 2);
            }
            var onDisk = vg.LogicalVolumes.Where(l => l.PpsOn(d.Id) > 0).ToList();
            if (onDisk.Count > 0 && !g.Has('d'))
            {
                return ctx.Fail($"0516-016 ldeletepv: Cannot delete physical volume with allocated\n\tpartitions. Use either migratepv to move the partitions or\n\treducevg with the -d option to delete the partitions.\n0516-884 reducevg: Unable to remove physical volume {op}.");
            }
            foreach (var lv in onDisk)
            {
                if (Lvm.IsOpen(world, node, nvg, vg, lv))
                {
                    return ctx.Fail($"0516-1008 rmlv: Logical volume {lv.Name} must be closed.  If the logical\n\tvolume contains a filesystem, the umount command will close\n\tthe LV device.\n0516-884 reducevg: Unable to remove physical volume {op}.");
                }
                vg.LogicalVolumes.Remove(lv);
                ctx.Line($"rmlv: Logical volume {lv.Name} is removed.");
            }
            vg.Disks.Remove(d.Id);
            d.VgId = null;
        }
        if (vg.Disks.Count == 0)
        {
            ctx.Line("ldeletepv: Volume Group deleted since it contains no physical volumes.");
            world.VolumeGroups.Remove(vg);
            node.VolumeGroups.Remove(nvg);
            return 0;
        }
        Lvm.Touch(vg, nvg);
        return 0;
    }

    /// <summary>The node's VG by name, varied on in active mode, or the message why not.</summary>
    internal static (NodeVolumeGroup? Nvg, VolumeGroup? Vg, string? Error) ActiveVg(CommandContext ctx, string program, string name)
    {
        var nvg = ctx.Node.FindVgByName(name);
        var vg = nvg is null ? null : ctx.World.FindVg(nvg.VgId);
        if (nvg is null || vg is null)
        {
            return (null, null, Lvm.NotInOdm(program, "volume group", name));
        }
        return nvg.State == VaryState.Active ? (nvg, vg, null) : (nvg, vg, Lvm.MustBeVariedOn);
    }

    internal static LogicalVolume? CreateLv(CommandContext ctx, NodeVolumeGroup nvg, VolumeGroup vg, string name, string type, int lps, IReadOnlyList<string>? onDisks)
    {
        var lv = new LogicalVolume
        {
            Name = name,
            Type = type,
            Minor = vg.LogicalVolumes.Count == 0 ? 1 : vg.LogicalVolumes.Max(l => l.Minor) + 1,
        };
        if (!Lvm.Allocate(ctx.World, vg, lv, lps, onDisks))
        {
            return null;
        }
        vg.LogicalVolumes.Add(lv);
        Lvm.Touch(vg, nvg);
        return lv;
    }

    private static int Mklv(CommandContext ctx)
    {
        var g = Getopt.Parse(ctx.Args, "t:y:c:a:e:s:u:x:L:r:b:d:m:v:w:ST:");
        if (g.BadFlag is { } bad || g.Operands.Count < 2)
        {
            return ctx.BadFlag(g.BadFlag ?? '?', "mklv [-t Type] [-y LogicalVolume] [-c Copies] VolumeGroup NumberOfLPs [PhysicalVolume ...]");
        }
        var (nvg, vg, error) = ActiveVg(ctx, "mklv", g.Operands[0]);
        if (error is not null)
        {
            return ctx.Fail(error);
        }
        var type = g.Value('t') ?? "jfs";
        var used = Lvm.LvNamesOnNode(ctx.World, ctx.Node);
        var name = g.Value('y') ?? Lvm.NextName(used, type is "jfs2log" or "jfslog" ? "loglv" : "lv");
        if (used.Contains(name) || ctx.Node.VolumeGroups.Any(v => v.Name == name))
        {
            return ctx.Fail(Lvm.NameInUse("mklv"));
        }
        var lps = Lvm.ParseLps(g.Operands[1], vg!.PpSizeMb);
        if (lps is null or <= 0)
        {
            return ctx.Fail($"0516-1230 mklv: The number of logical partitions {g.Operands[1]} is not valid.");
        }
        List<string>? onDisks = null;
        if (g.Operands.Count > 2)
        {
            onDisks = [];
            foreach (var op in g.Operands.Skip(2))
            {
                var d = Lvm.FindDisk(ctx.World, ctx.Node, op);
                if (d is null || d.VgId != vg.VgId)
                {
                    return ctx.Fail($"0516-1782 mklv: Physical volume {op} is not part of volume group {vg.Name}.");
                }
                onDisks.Add(d.Id);
            }
        }
        if (CreateLv(ctx, nvg!, vg, name, type, lps.Value, onDisks) is null)
        {
            return ctx.Fail(Lvm.AllocFailed);
        }
        ctx.Line(name);
        return 0;
    }

    private static int Extendlv(CommandContext ctx)
    {
        var g = Getopt.Parse(ctx.Args, "a:e:m:s:u:");
        if (g.BadFlag is { } bad || g.Operands.Count < 2)
        {
            return ctx.BadFlag(g.BadFlag ?? '?', "extendlv LogicalVolume Partitions [PhysicalVolume ...]");
        }
        var found = Lvm.FindLvByDevice(ctx.World, ctx.Node, g.Operands[0]);
        if (found is not { } x)
        {
            return ctx.Fail(Lvm.NotInOdm("getlvodm", "logical volume", g.Operands[0]));
        }
        if (x.NodeVg.State != VaryState.Active)
        {
            return ctx.Fail(Lvm.MustBeVariedOn);
        }
        var lps = Lvm.ParseLps(g.Operands[1], x.Vg.PpSizeMb);
        if (lps is null or <= 0)
        {
            return ctx.Fail($"0516-1230 extendlv: The number of logical partitions {g.Operands[1]} is not valid.");
        }
        if (x.Lv.Lps + lps.Value > x.Lv.MaxLps)
        {
            return ctx.Fail($"0516-787 extendlv: Maximum allocation for logical volume {x.Lv.Name}\n\tis {x.Lv.MaxLps}.");
        }
        if (!Lvm.Allocate(ctx.World, x.Vg, x.Lv, lps.Value))
        {
            return ctx.Fail(Lvm.AllocFailed);
        }
        Lvm.Touch(x.Vg, x.NodeVg);
        return 0;
    }

    private static int Rmlv(CommandContext ctx)
    {
        var g = Getopt.Parse(ctx.Args, "fp:B");
        if (g.BadFlag is { } bad || g.Operands.Count < 1)
        {
            return ctx.BadFlag(g.BadFlag ?? '?', "rmlv [-f] LogicalVolume ...");
        }
        foreach (var name in g.Operands)
        {
            var found = Lvm.FindLvByDevice(ctx.World, ctx.Node, name);
            if (found is not { } x)
            {
                return ctx.Fail($"{Lvm.NotInOdm("getlvodm", "logical volume", name)}\n0516-884 rmlv: Unable to remove logical volume {name}.");
            }
            if (x.NodeVg.State != VaryState.Active)
            {
                return ctx.Fail($"{Lvm.MustBeVariedOn}\n0516-884 rmlv: Unable to remove logical volume {name}.");
            }
            if (Lvm.IsOpen(ctx.World, ctx.Node, x.NodeVg, x.Vg, x.Lv))
            {
                return ctx.Fail($"0516-1008 rmlv: Logical volume {name} must be closed.  If the logical\n\tvolume contains a filesystem, the umount command will close\n\tthe LV device.\n0516-884 rmlv: Unable to remove logical volume {name}.");
            }
            if (!g.Has('f'))
            {
                ctx.Out.Append($"Warning, all data contained on logical volume {name} will be destroyed.\nrmlv: Do you wish to continue? y(es) n(o)? ");
                var answer = ctx.Stdin.Split('\n')[0].Trim();
                if (answer is not ("y" or "yes"))
                {
                    ctx.Out.Append('\n');
                    return 1;
                }
            }
            x.Vg.LogicalVolumes.Remove(x.Lv);
            Lvm.Touch(x.Vg, x.NodeVg);
            ctx.Line($"rmlv: Logical volume {name} is removed.");
        }
        return 0;
    }
}
