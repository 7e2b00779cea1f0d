using System.Globalization;
using System.Text;
using ClAdmin.Sim.Model;
using ClAdmin.Sim.Shell;
using ClAdmin.Shell;

namespace ClAdmin.Sim.Commands;

/// <summary>LVM and device listings: lspv, lsvg, lslv, lsdev, lsattr. Layouts from the AIX
/// reference (aix-commands.md §1 and §5).</summary>
internal static class LvmQueries
{
    public static void Register(Dictionary<string, Func<CommandContext, int>> t)
    {
        t["lspv"] = Lspv;
        t["lsvg"] = Lsvg;
        t["lslv"] = Lslv;
        t["lsdev"] = Lsdev;
        t["lsattr"] = Lsattr;
        t["getlvodm"] = Getlvodm;
    }

    private static string F(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);

    /// <summary>Disks the node sees, in hdisk number order.</summary>
    internal static List<(SimDisk Disk, string Name)> NodeDisks(SimWorld world, SimNode node) =>
        world.Disks.Where(d => d.Names.ContainsKey(node.Name) && Lvm.IsConfigured(d, node))
            .Select(d => (Disk: d, Name: d.Names[node.Name]))
            .OrderBy(x => int.TryParse(x.Name.AsSpan(5), out var n) ? n : int.MaxValue)
            .ThenBy(x => x.Name, StringComparer.Ordinal)
            .ToList();

    private static int Lspv(CommandContext ctx)
    {
        var g = Getopt.Parse(ctx.Args, "lpLMu");
        if (g.BadFlag is { } bad)
        {
            return ctx.BadFlag(bad, "lspv [-L] [-l | -p | -M] PhysicalVolume");
        }
        var (world, node) = (ctx.World, ctx.Node);
        if (g.Operands.Count == 0)
        {
            foreach (var (d, name) in NodeDisks(world, node))
            {
                var nvg = d.VgId is { } id ? node.FindVgById(id) : null;
                var state = nvg?.State switch
                {
                    VaryState.Active when nvg.ConcurrentMode => "concurrent",
                    VaryState.Active => "active",
                    VaryState.Passive => "concurrent",
                    _ => "",
                };
                ctx.Line(F("{0,-16}{1,-36}{2,-16}{3,-12}", name, d.Pvid ?? "none", nvg?.Name ?? "None", state));
            }
            return 0;
        }
        var pvName = g.Operands[0];
        var disk = NodeDisks(world, node).Find(x => x.Name == pvName).Disk;
        var known = disk?.VgId is { } vgId ? node.FindVgById(vgId) : null;
        var vg = known is null ? null : world.FindVg(known.VgId);
        if (disk is null || known is null || vg is null)
        {
            return ctx.Fail($"0516-1396 : The physical volume {pvName}, was not found in the\nsystem database.");
        }
        if (known.State == VaryState.Off)
        {
            return ctx.Fail(Lvm.MustBeVariedOn);
        }
        var index = vg.Disks.IndexOf(disk.Id);
        var total = Lvm.TotalPps(disk, vg.PpSizeMb);
        var used = Lvm.UsedPps(vg, disk.Id);
        var lvCount = vg.LogicalVolumes.Count(l => l.PpsOn(disk.Id) > 0);
        var pp = vg.PpSizeMb;
        var (freeDist, usedDist) = Distribution(total, used);
        ctx.Line(F("{0,-20}{1,-25}{2,-18}{3}", "PHYSICAL VOLUME:", pvName, "VOLUME GROUP:", known.Name));
        ctx.Line(F("{0,-20}{1} VG IDENTIFIER     {2}", "PV IDENTIFIER:", disk.Pvid ?? "none", vg.VgId));
        ctx.Line(F("{0,-20}{1}", "PV STATE:", disk.Failed ? "missing" : "active"));
        ctx.Line(F("{0,-20}{1,-25}{2,-18}{3}", "STALE PARTITIONS:", 0, "ALLOCATABLE:", "yes"));
        ctx.Line(F("{0,-20}{1,-25}{2,-18}{3}", "PP SIZE:", $"{pp} megabyte(s)", "LOGICAL VOLUMES:", lvCount));
        ctx.Line(F("{0,-20}{1,-25}{2,-18}{3}", "TOTAL PPs:", $"{total} ({total * pp} megabytes)", "VG DESCRIPTORS:", Lvm.Descriptors(vg, index)));
        ctx.Line(F("{0,-20}{1,-25}{2,-18}{3}", "FREE PPs:", $"{total - used} ({(total - used) * pp} megabytes)", "HOT SPARE:", "no"));
        ctx.Line(F("{0,-20}{1,-25}{2,-18}{3}", "USED PPs:", $"{used} ({used * pp} megabytes)", "MAX REQUEST:", "256 kilobytes"));
        ctx.Line(F("{0,-20}{1}", "FREE DISTRIBUTION:", freeDist));
        ctx.Line(F("{0,-20}{1}", "USED DISTRIBUTION:", usedDist));
        ctx.Line(F("{0,-20}{1}", "MIRROR POOL:", "None"));
        return 0;
    }

    /// <summary>Free and used partitions per disk region (outer edge, outer middle, center,
    /// inner middle, inner edge); allocation (intra-policy middle) fills center, outer middle, inner middle, outer edge,
    /// inner edge in that order.</summary>
    internal static (string Free, string Used) Distribution(int total, int used)
    {
        // Regions take ceil(total/5) each; the inner middle gives up the difference
        // (799 PPs: 160..160..160..159..160, as real lspv shows).
        var baseSize = (total + 4) / 5;
        var size = new[] { baseSize, baseSize, baseSize, baseSize, baseSize };
        size[3] = Math.Max(0, total - (4 * baseSize));
        for (var i = 4; size.Sum() > total; i--)
        {
            size[i] = Math.Max(0, size[i] - (size.Sum() - total));
        }
        var usedBy = new int[5];
        var left = used;
        foreach (var r in new[] { 2, 1, 3, 0, 4 })
        {
            var take = Math.Min(left, size[r]);
            usedBy[r] = take;
            left -= take;
        }
        static string Join(IEnumerable<int> v) => string.Join("..", v.Select(n => n.ToString("00", CultureInfo.InvariantCulture)));
        return (Join(size.Select((s, i) => s - usedBy[i])), Join(usedBy));
    }

    private static int Lsvg(CommandContext ctx)
    {
        var g = Getopt.Parse(ctx.Args, "olpLMn");
        if (g.BadFlag is { } bad)
        {
            return ctx.BadFlag(bad, "lsvg [-L] [-o] | [-l | -p | -M] VolumeGroup ...");
        }
        var (world, node) = (ctx.World, ctx.Node);
        if (g.Operands.Count == 0 && !g.Has('l') && !g.Has('p'))
        {
            var list = g.Has('o')
                ? node.VolumeGroups.Where(Lvm.IsVariedOn).OrderByDescending(v => v.VaryOnOrder)
                : node.VolumeGroups.OrderBy(v => v.Name == "rootvg" ? 0 : 1);
            foreach (var v in list)
            {
                ctx.Line(v.Name);
            }
            return 0;
        }
        var rc = 0;
        foreach (var name in g.Operands)
        {
            var nvg = node.FindVgByName(name);
            var vg = nvg is null ? null : world.FindVg(nvg.VgId);
            if (nvg is null || vg is null)
            {
                rc = ctx.Fail(Lvm.NotInOdm("", "volume group", name));
                continue;
            }
            if (nvg.State == VaryState.Off)
            {
                rc = ctx.Fail(Lvm.MustBeVariedOn);
                continue;
            }
            if (g.Has('l'))
            {
                LsvgL(ctx, nvg, vg);
            }
            else if (g.Has('p'))
            {
                LsvgP(ctx, nvg, vg);
            }
            else
            {
                LsvgDetail(ctx, nvg, vg);
            }
        }
        return rc;
    }

    private static void LsvgL(CommandContext ctx, NodeVolumeGroup nvg, VolumeGroup vg)
    {
        ctx.Line(nvg.Name + ":");
        ctx.Line(F("{0,-20}{1,-11}{2,-8}{3,-8}{4,-5}{5,-14}{6}", "LV NAME", "TYPE", "LPs", "PPs", "PVs", "LV STATE", "MOUNT POINT"));
        foreach (var lv in vg.LogicalVolumes)
        {
            var open = Lvm.IsOpen(ctx.World, ctx.Node, nvg, vg, lv) ? "open" : "closed";
            var stale = IsStale(ctx.World, lv) ? "stale" : "syncd";
            var mount = lv.Label ?? "N/A";
            ctx.Line(F("{0,-20}{1,-11}{2,-8}{3,-8}{4,-5}{5,-14}{6}", lv.Name, lv.Type, lv.Lps, lv.TotalPps(), lv.DiskIds().Count(), $"{open}/{stale}", mount));
        }
    }

    private static void LsvgP(CommandContext ctx, NodeVolumeGroup nvg, VolumeGroup vg)
    {
        ctx.Line(nvg.Name + ":");
        ctx.Line(F("{0,-18}{1,-18}{2,-12}{3,-12}{4}", "PV_NAME", "PV STATE", "TOTAL PPs", "FREE PPs", "FREE DISTRIBUTION"));
        foreach (var d in Lvm.DisksOf(ctx.World, vg))
        {
            var total = Lvm.TotalPps(d, vg.PpSizeMb);
            var used = Lvm.UsedPps(vg, d.Id);
            ctx.Line(F("{0,-18}{1,-18}{2,-12}{3,-12}{4}", d.NameOn(ctx.Node.Name) ?? d.Pvid ?? "", d.Failed ? "missing" : "active", total, total - used, Distribution(total, used).Free));
        }
    }

    private static void LsvgDetail(CommandContext ctx, NodeVolumeGroup nvg, VolumeGroup vg)
    {
        var world = ctx.World;
        var pp = vg.PpSizeMb;
        var disks = Lvm.DisksOf(world, vg).ToList();
        var total = disks.Sum(d => Lvm.TotalPps(d, pp));
        var used = disks.Sum(d => Lvm.UsedPps(vg, d.Id));
        var openLvs = vg.LogicalVolumes.Count(l => Lvm.IsOpen(world, ctx.Node, nvg, vg, l));
        var descriptors = Lvm.TotalDescriptors(vg);
        var active = disks.Count(d => !d.Failed);
        var passive = nvg.State == VaryState.Passive;
        string Row(string l1, object v1, string l2, object v2) => F("{0,-20}{1,-25}{2,-16}{3}", l1, v1, l2, v2);
        ctx.Line(Row("VOLUME GROUP:", nvg.Name, "VG IDENTIFIER:", vg.VgId));
        ctx.Line(Row("VG STATE:", active == disks.Count ? "active" : "active/partial", "PP SIZE:", $"{pp} megabyte(s)"));
        ctx.Line(Row("VG PERMISSION:", passive ? "passive-only" : "read/write", "TOTAL PPs:", $"{total} ({total * pp} megabytes)"));
        ctx.Line(Row("MAX LVs:", 256, "FREE PPs:", $"{total - used} ({(total - used) * pp} megabytes)"));
        ctx.Line(Row("LVs:", vg.LogicalVolumes.Count, "USED PPs:", $"{used} ({used * pp} megabytes)"));
        ctx.Line(Row("OPEN LVs:", openLvs, "QUORUM:", vg.Quorum ? $"{(descriptors / 2) + 1} (Enabled)" : "1 (Disabled)"));
        ctx.Line(Row("TOTAL PVs:", disks.Count, "VG DESCRIPTORS:", descriptors));
        ctx.Line(Row("STALE PVs:", disks.Count - active, "STALE PPs:", vg.LogicalVolumes.Sum(l => l.StalePps)));
        ctx.Line(Row("ACTIVE PVs:", active, "AUTO ON:", nvg.AutoOn ? "yes" : "no"));
        if (vg.EnhancedConcurrent)
        {
            var activeNodes = world.Nodes.Count(n => n.Up && n.FindVgById(vg.VgId) is { State: not VaryState.Off, ConcurrentMode: true } or { State: VaryState.Passive });
            ctx.Line(F("{0,-20}{1,-25}{2} {3}", "Concurrent:", "Enhanced-Capable", "Auto-Concurrent:", "Disabled"));
            ctx.Line(F("{0,-20}{1,-41}", "VG Mode:", nvg.ConcurrentMode || passive ? "Concurrent" : "Non-Concurrent"));
            ctx.Line(F("{0,-20}{1,-25}{2,-20}{3} ", "Node ID:", ctx.Node.NodeNumber, "Active Nodes:", activeNodes));
        }
        ctx.Line(F("{0,-20}{1}", "MAX PPs per VG:", 32512));
        ctx.Line(Row("MAX PPs per PV:", 1016, "MAX PVs:", 32));
        ctx.Line(Row("LTG size (Dynamic):", "256 kilobyte(s)", "AUTO SYNC:", vg.AutoSync ? "yes" : "no"));
        ctx.Line(Row("HOT SPARE:", vg.HotSpare, "BB POLICY:", "relocatable "));
    }

    /// <summary>A logical volume with copies not synchronized, or with a partition on a failed disk.</summary>
    internal static bool IsStale(SimWorld world, LogicalVolume lv) =>
        lv.StalePps > 0 || lv.DiskIds().Any(d => world.FindDisk(d) is { Failed: true });

    private static int Lslv(CommandContext ctx)
    {
        var g = Getopt.Parse(ctx.Args, "lmLn:p:");
        if (g.BadFlag is { } bad || g.Operands.Count != 1)
        {
            return ctx.BadFlag(g.BadFlag ?? '?', "lslv [-L] [-l | -m] [-n PhysicalVolume] LogicalVolume");
        }
        var name = g.Operands[0];
        var found = Lvm.FindLvByDevice(ctx.World, ctx.Node, name);
        if (found is not { } x)
        {
            return ctx.Fail($"0516-306 : Unable to find  {name} in the Device\n\tConfiguration Database.");
        }
        if (x.NodeVg.State == VaryState.Off)
        {
            return ctx.Fail(Lvm.MustBeVariedOn);
        }
        var (nvg, vg, lv) = x;
        var partial = Lvm.DisksOf(ctx.World, vg).Any(d => d.Failed);
        var open = Lvm.IsOpen(ctx.World, ctx.Node, nvg, vg, lv) ? "opened" : "closed";
        var stale = IsStale(ctx.World, lv) ? "stale" : "syncd";
        string Policy(char flag, string fallback) => lv.Policies.TryGetValue(flag.ToString(), out var v) ? v : fallback;
        string Row(string l1, object v1, string l2, object v2) => F("{0,-20}{1,-23}{2,-16}{3}", l1, v1, l2, v2);
        ctx.Line(Row("LOGICAL VOLUME:", lv.Name, "VOLUME GROUP:", nvg.Name));
        ctx.Line(F("{0,-20}{1} {2,-16}{3}", "LV IDENTIFIER:", $"{vg.VgId}.{lv.Minor}", "PERMISSION:", "read/write"));
        ctx.Line(Row("VG STATE:", partial ? "active/partial" : "active/complete", "LV STATE:", $"{open}/{stale}"));
        ctx.Line(Row("TYPE:", lv.Type, "WRITE VERIFY:", Policy('v', "n") == "y" ? "on" : "off"));
        ctx.Line(Row("MAX LPs:", lv.MaxLps, "PP SIZE:", $"{vg.PpSizeMb} megabyte(s)"));
        ctx.Line(Row("COPIES:", lv.CopyCount(), "SCHED POLICY:", Policy('d', "p") switch { "s" => "sequential", "ps" => "parallel/sequential", "pr" => "parallel/round robin", _ => "parallel" }));
        ctx.Line(Row("LPs:", lv.Lps, "PPs:", lv.TotalPps()));
        ctx.Line(Row("STALE PPs:", lv.StalePps, "BB POLICY:", Policy('b', "y") == "n" ? "non-relocatable" : "relocatable"));
        ctx.Line(Row("INTER-POLICY:", Policy('e', "m") == "x" ? "maximum" : "minimum", "RELOCATABLE:", Policy('r', "y") == "n" ? "no" : "yes"));
        ctx.Line(Row("INTRA-POLICY:", Policy('a', "m") switch { "e" => "edge", "c" => "center", "im" => "inner middle", "ie" => "inner edge", _ => "middle" }, "UPPER BOUND:", Policy('u', "32")));
        ctx.Line(Row("MOUNT POINT:", lv.Label ?? "N/A", "LABEL:", lv.Label ?? "None"));
        ctx.Line("MIRROR WRITE CONSISTENCY: " + Policy('w', "a") switch { "p" => "on/PASSIVE", "n" => "off", _ => "on/ACTIVE" });
        ctx.Line("EACH LP COPY ON A SEPARATE PV ?: " + Policy('s', "y") switch { "n" => "no", "s" => "yes (superstrict)", _ => "yes" });
        ctx.Line(F("{0,-20}{1}", "Serialize IO ?:", Policy('o', "n") == "y" ? "YES" : "NO"));
        return 0;
    }

    private static int Lsdev(CommandContext ctx)
    {
        var g = Getopt.Parse(ctx.Args, "Cc:l:t:s:SH");
        if (g.BadFlag is { } bad)
        {
            return ctx.BadFlag(bad, "lsdev -C [-c Class] [-l Name]");
        }
        var rows = new List<string[]>();
        var cls = g.Value('c');
        if (cls is null or "disk")
        {
            foreach (var (d, name) in NodeDisks(ctx.World, ctx.Node))
            {
                rows.Add([name, d.Unconfigured.ContainsKey(ctx.Node.Name) ? "Defined" : "Available", d.Location, d.Description]);
            }
        }
        if (cls is null or "if")
        {
            foreach (var nic in ctx.Node.Interfaces)
            {
                rows.Add([nic.Name, "Available", "", "Standard Ethernet Network Interface"]);
            }
        }
        if (g.Value('l') is { } only)
        {
            rows = rows.Where(r => r[0] == only).ToList();
        }
        PrintColumns(ctx, rows, 3);
        return 0;
    }

    /// <summary>Each of the first <paramref name="padded"/> columns padded to its longest value
    /// plus one blank (lsdev, lsattr).</summary>
    internal static void PrintColumns(CommandContext ctx, List<string[]> rows, int padded)
    {
        if (rows.Count == 0)
        {
            return;
        }
        var widths = Enumerable.Range(0, padded).Select(c => rows.Max(r => r[c].Length) + 1).ToArray();
        foreach (var r in rows)
        {
            var sb = new StringBuilder();
            for (var c = 0; c < r.Length; c++)
            {
                sb.Append(c < padded ? r[c].PadRight(widths[c]) : r[c]);
            }
            ctx.Line(sb.ToString());
        }
    }

    private static int Lsattr(CommandContext ctx)
    {
        var g = Getopt.Parse(ctx.Args, "El:a:F:HR");
        if (g.BadFlag is { } bad || g.Value('l') is not { } dev)
        {
            return ctx.BadFlag(g.BadFlag ?? '?', "lsattr -E -l Name [-a Attribute] [-F Format]");
        }
        if (ctx.Node.FindVgByName(dev) is { } nvg)
        {
            return VgAttributes(ctx, nvg, g.Value('a'), g.Value('F') is "value");
        }
        if (ctx.Node.Interfaces.Find(i => i.Name == dev) is { } nic)
        {
            var address = nic.Addresses.Count > 0 ? nic.Addresses[0] : null;
            return PrintAttributes(ctx, g,
            [
                ["mtu", nic.Mtu.ToString(CultureInfo.InvariantCulture), "Maximum IP Packet Size for This Device", "True"],
                ["netaddr", address?.Address ?? "", "Internet Address", "True"],
                ["netmask", address?.Netmask ?? "", "Subnet Mask", "True"],
                ["state", nic.Up ? "up" : "down", "Current Interface Status", "True"],
            ]);
        }
        var disk = NodeDisks(ctx.World, ctx.Node).Find(x => x.Name == dev).Disk;
        if (disk is null)
        {
            return ctx.Fail($"lsattr: 0514-519 The following device was not found in the customized\n\tdevice configuration database:\n\t{dev}");
        }
        var rows = new List<string[]>
        {
            new[] { "PCM", "PCM/friend/fcpother", "Path Control Module", "False" },
            new[] { "algorithm", "fail_over", "Algorithm", "True" },
            new[] { "hcheck_interval", "60", "Health Check Interval", "True" },
            new[] { "max_transfer", "0x40000", "Maximum TRANSFER Size", "True" },
            new[] { "pvid", disk.Pvid is null ? "none" : disk.Pvid + "0000000000000000", "Physical volume identifier", "False" },
            new[] { "queue_depth", "8", "Queue DEPTH", "True" },
            new[] { "reserve_policy", disk.ReservePolicy, "Reserve Policy", "True" },
            new[] { "size_in_mb", disk.SizeMb.ToString(CultureInfo.InvariantCulture), "Size in Megabytes", "False" },
        };
        return PrintAttributes(ctx, g, rows);
    }

    private static int PrintAttributes(CommandContext ctx, Getopt g, List<string[]> rows)
    {
        if (g.Value('a') is { } attr)
        {
            rows = rows.Where(r => r[0] == attr).ToList();
        }
        if (g.Value('F') is "value")
        {
            foreach (var r in rows)
            {
                ctx.Line(r[1]);
            }
            return 0;
        }
        PrintColumns(ctx, rows, 3);
        return 0;
    }

    /// <summary>lsattr -El VG: a volume group's customized attributes (CuAt), readable varied off:
    /// auto_on (varied on at boot), conc_capable (enhanced concurrent), the timestamp and serial id.</summary>
    private static int VgAttributes(CommandContext ctx, NodeVolumeGroup nvg, string? attribute, bool valuesOnly)
    {
        var vg = ctx.World.FindVg(nvg.VgId);
        var rows = new List<string[]>
        {
            new[] { "auto_on", nvg.AutoOn ? "y" : "n", "N/A", "True" },
            new[] { "conc_auto_on", "n", "N/A", "True" },
            new[] { "conc_capable", vg is { EnhancedConcurrent: true } ? "y" : "n", "N/A", "True" },
            new[] { "timestamp", nvg.OdmTimestamp.ToString("x16", CultureInfo.InvariantCulture), "N/A", "True" },
            new[] { "vgserial_id", nvg.VgId, "N/A", "False" },
        };
        if (attribute is not null)
        {
            rows = rows.Where(r => r[0] == attribute).ToList();
        }
        if (valuesOnly)
        {
            foreach (var r in rows)
            {
                ctx.Line(r[1]);
            }
            return 0;
        }
        PrintColumns(ctx, rows, 3);
        return 0;
    }

    /// <summary>getlvodm -d VG: the volume group's major number (the LVM's ODM query; other flags are not simulated).</summary>
    private static int Getlvodm(CommandContext ctx)
    {
        var g = Getopt.Parse(ctx.Args, "d:");
        if (g.BadFlag is { } bad || g.Value('d') is not { } name)
        {
            return ctx.BadFlag(g.BadFlag ?? '?', "getlvodm -d VolumeGroup");
        }
        if (ctx.Node.FindVgByName(name) is not { } nvg)
        {
            return ctx.Fail($"0516-306 getlvodm: Unable to find volume group {name} in the Device\n\tConfiguration Database.");
        }
        ctx.Line(nvg.Major.ToString(CultureInfo.InvariantCulture));
        return 0;
    }
}
