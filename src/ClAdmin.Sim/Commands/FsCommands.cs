using System.Globalization;
using System.Text;
using ClAdmin.Sim.Model;
using ClAdmin.Sim.Shell;
using ClAdmin.Shell;

namespace ClAdmin.Sim.Commands;

/// <summary>JFS2 file systems: crfs, chfs, rmfs, lsfs, mount, umount, df (aix-commands.md §1.18–1.24).</summary>
internal static class FsCommands
{
    public static void Register(Dictionary<string, Func<CommandContext, int>> t)
    {
        t["crfs"] = Crfs;
        t["chfs"] = Chfs;
        t["rmfs"] = Rmfs;
        t["lsfs"] = Lsfs;
        t["mount"] = Mount;
        t["umount"] = Umount;
        t["unmount"] = Umount;
        t["df"] = Df;
    }

    private static string F(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);

    /// <summary>Usable kilobytes of a JFS2 file system of <paramref name="sizeKb"/> (outline log).</summary>
    internal static long UsableKb(long sizeKb) => sizeKb - (4 * (long)Math.Ceiling((204 + (sizeKb / 32768)) / 4.0));

    /// <summary>Size attribute: 512-byte blocks, or a number with M or G.</summary>
    private static long? ParseBlocks(string text)
    {
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var blocks))
        {
            return blocks;
        }
        return Lvm.ParseMb(text) is { } mb ? mb * 2048 : null;
    }

    private static Dictionary<string, string> Attributes(Getopt g)
    {
        var attrs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var a in g.Values('a'))
        {
            var eq = a.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                attrs[a[..eq]] = a[(eq + 1)..];
            }
        }
        return attrs;
    }

    private static int Crfs(CommandContext ctx)
    {
        var g = Getopt.Parse(ctx.Args, "v:g:d:m:A:p:a:u:t:l:n:");
        const string Usage = "crfs -v VfsType {-g VolumeGroup | -d Device} [-l LogPartitions] -m MountPoint [-u MountGroup] [-A {yes|no}] [-p {ro|rw}] [-a Attribute=Value ...]";
        if (g.BadFlag is { } bad || g.Operands.Count > 0 || g.Value('m') is not { } mountPoint || (g.Value('g') is null && g.Value('d') is null))
        {
            return ctx.BadFlag(g.BadFlag ?? '?', Usage);
        }
        var (world, node) = (ctx.World, ctx.Node);
        var vfs = g.Value('v') ?? "jfs2";
        var attrs = Attributes(g);
        if (node.FileSystems.Any(s => s.MountPoint == mountPoint))
        {
            return ctx.Fail($"crfs: {mountPoint} file system already exists.");
        }
        NodeVolumeGroup nvg;
        VolumeGroup vg;
        LogicalVolume lv;
        if (g.Value('d') is { } device)
        {
            var found = Lvm.FindLvByDevice(world, node, device);
            if (found is not { } x)
            {
                return ctx.Fail(Lvm.NotInOdm("getlvodm", "logical volume", device));
            }
            if (x.NodeVg.State != VaryState.Active)
            {
                return ctx.Fail(Lvm.MustBeVariedOn);
            }
            if (x.Lv.Label is not null)
            {
                return ctx.Fail($"crfs: lv /dev/{x.Lv.Name} already being used for filesystem {x.Lv.Label}");
            }
            (nvg, vg, lv) = x;
        }
        else
        {
            var (n, v, error) = LvmCommands.ActiveVg(ctx, "crfs", g.Value('g')!);
            if (error is not null)
            {
                return ctx.Fail(error);
            }
            nvg = n!;
            vg = v!;
            if (!attrs.TryGetValue("size", out var sizeText) || ParseBlocks(sizeText) is not { } blocks || blocks <= 0)
            {
                return ctx.Fail("crfs: The size attribute is required with -g.\nUsage: " + Usage);
            }
            var lps = (int)Math.Ceiling(blocks / 2048.0 / vg.PpSizeMb);
            var inline = attrs.TryGetValue("logname", out var ln) && ln == "INLINE";
            var logNeeded = !inline && vfs == "jfs2" && vg.LogicalVolumes.All(l => l.Type != "jfs2log");
            if (lps + (logNeeded ? 1 : 0) > Lvm.FreePps(world, vg))
            {
                return ctx.Fail(Lvm.AllocFailed);
            }
            var used = Lvm.LvNamesOnNode(world, node);
            if (logNeeded)
            {
                var logName = Lvm.NextName(used, "loglv");
                LvmCommands.CreateLv(ctx, nvg, vg, logName, "jfs2log", 1, null);
                used.Add(logName);
            }
            lv = LvmCommands.CreateLv(ctx, nvg, vg, Lvm.NextName(used, "fslv"), vfs, lps, null)!;
        }
        var lvBlocks = (long)lv.Lps * vg.PpSizeMb * 2048;
        var fsBlocks = g.Value('g') is not null ? lvBlocks : attrs.TryGetValue("size", out var s) && ParseBlocks(s) is { } b ? Math.Min(b, lvBlocks) : lvBlocks;
        lv.Label = mountPoint;
        lv.FsSizeBlocks = fsBlocks;
        lv.FsUsedBlocks = Math.Max(2048, fsBlocks / 200);
        lv.FsUsedInodes = 4;
        var inlineLog = attrs.TryGetValue("logname", out var lname) && lname == "INLINE";
        var log = vg.LogicalVolumes.Find(l => l.Type == "jfs2log");
        node.FileSystems.Add(new FsStanza
        {
            MountPoint = mountPoint,
            Dev = "/dev/" + lv.Name,
            Vfs = vfs,
            Log = inlineLog || log is null ? "INLINE" : "/dev/" + log.Name,
            Mount = g.Value('A') == "yes" ? "true" : "false",
            Options = g.Value('p') ?? "rw",
            Account = "false",
        });
        FileTree.AddDirectory(node, mountPoint);
        Lvm.Touch(vg, nvg);
        ctx.Line("File system created successfully.");
        ctx.Line($"{UsableKb(fsBlocks / 2)} kilobytes total disk space.");
        ctx.Line($"New File System size is {fsBlocks}");
        return 0;
    }

    private static (FsStanza Stanza, (NodeVolumeGroup NodeVg, VolumeGroup Vg, LogicalVolume Lv)? Lv)? FindFs(CommandContext ctx, string mountPointOrDevice)
    {
        var stanza = ctx.Node.FileSystems.Find(s => s.MountPoint == mountPointOrDevice || s.Dev == mountPointOrDevice);
        if (stanza is null)
        {
            return null;
        }
        return (stanza, stanza.Pseudo ? null : Lvm.FindLvByDevice(ctx.World, ctx.Node, stanza.Dev));
    }

    private static int Chfs(CommandContext ctx)
    {
        var g = Getopt.Parse(ctx.Args, "a:A:m:p:u:t:d:");
        if (g.BadFlag is { } bad || g.Operands.Count != 1)
        {
            return ctx.BadFlag(g.BadFlag ?? '?', "chfs [-A {yes|no}] [-m NewMountPoint] [-a Attribute=Value] FileSystem");
        }
        var fs = FindFs(ctx, g.Operands[0]);
        if (fs is not { } found)
        {
            return ctx.Fail($"chfs: 0506-914 The file system {g.Operands[0]} is not in /etc/filesystems.");
        }
        if (g.Value('A') is { } auto)
        {
            found.Stanza.Mount = auto == "yes" ? "true" : "false";
        }
        var attrs = Attributes(g);
        if (!attrs.TryGetValue("size", out var sizeText))
        {
            return 0;
        }
        if (found.Lv is not { } x)
        {
            return ctx.Fail(Lvm.NotInOdm("getlvodm", "logical volume", found.Stanza.Dev));
        }
        if (x.NodeVg.State != VaryState.Active)
        {
            return ctx.Fail(Lvm.MustBeVariedOn);
        }
        var sign = sizeText[0] is '+' or '-' ? sizeText[0] : ' ';
        if (ParseBlocks(sign == ' ' ? sizeText : sizeText[1..]) is not { } amount)
        {
            return ctx.Fail($"chfs: 0506-915 The size value {sizeText} is not valid.");
        }
        var target = sign switch { '+' => x.Lv.FsSizeBlocks + amount, '-' => x.Lv.FsSizeBlocks - amount, _ => amount };
        var ppBlocks = (long)x.Vg.PpSizeMb * 2048;
        var neededLps = (int)Math.Ceiling(target / (double)ppBlocks);
        if (neededLps > x.Lv.Lps)
        {
            if (neededLps > x.Lv.MaxLps)
            {
                return ctx.Fail($"0516-787 extendlv: Maximum allocation for logical volume {x.Lv.Name}\n\tis {x.Lv.MaxLps}.");
            }
            if (!Lvm.Allocate(ctx.World, x.Vg, x.Lv, neededLps - x.Lv.Lps))
            {
                return ctx.Fail(Lvm.AllocFailed);
            }
        }
        if (target < x.Lv.FsUsedBlocks)
        {
            return ctx.Fail("chfs: 0506-978 The file system size cannot be reduced below the used space.");
        }
        // The file system grows to fill whole partitions, as JFS2 does.
        x.Lv.FsSizeBlocks = sign == '-' ? target : (long)x.Lv.Lps * ppBlocks;
        Lvm.Touch(x.Vg, x.NodeVg);
        ctx.Line($"Filesystem size changed to {x.Lv.FsSizeBlocks}");
        return 0;
    }

    private static int Rmfs(CommandContext ctx)
    {
        var g = Getopt.Parse(ctx.Args, "ri");
        if (g.BadFlag is { } bad || g.Operands.Count != 1)
        {
            return ctx.BadFlag(g.BadFlag ?? '?', "rmfs [-r] [-i] FileSystem");
        }
        var mp = g.Operands[0];
        var fs = FindFs(ctx, mp);
        if (fs is not { } found)
        {
            return ctx.Fail($"rmfs: 0506-915 No record matching {mp} was found in /etc/filesystems.");
        }
        if (ctx.Node.Mounts.Any(m => m.MountPoint == found.Stanza.MountPoint))
        {
            return ctx.Fail($"rmfs: 0506-921 {found.Stanza.MountPoint} is currently mounted.");
        }
        if (found.Lv is { } x)
        {
            if (x.NodeVg.State != VaryState.Active)
            {
                return ctx.Fail(Lvm.MustBeVariedOn);
            }
            x.Vg.LogicalVolumes.Remove(x.Lv);
            Lvm.Touch(x.Vg, x.NodeVg);
            ctx.Line($"rmlv: Logical volume {x.Lv.Name} is removed.");
        }
        ctx.Node.FileSystems.Remove(found.Stanza);
        if (g.Has('r'))
        {
            ctx.Node.Directories.Remove(found.Stanza.MountPoint);
        }
        return 0;
    }

    private static int Lsfs(CommandContext ctx)
    {
        var g = Getopt.Parse(ctx.Args, "cCqlav:u:");
        if (g.BadFlag is { } bad)
        {
            return ctx.BadFlag(bad, "lsfs [-q] [-c | -l] [-a | -v VfsType | -u MountGroup | FileSystem ...]");
        }
        var stanzas = ctx.Node.FileSystems.AsEnumerable();
        if (g.Value('v') is { } vfs)
        {
            stanzas = stanzas.Where(s => s.Vfs == vfs);
        }
        var list = new List<FsStanza>();
        if (g.Operands.Count > 0)
        {
            foreach (var op in g.Operands)
            {
                var s = ctx.Node.FileSystems.Find(x => x.MountPoint == op || x.Dev == op);
                if (s is null)
                {
                    ctx.Fail($"lsfs: No record matching '{op}' was found in /etc/filesystems.");
                    continue;
                }
                list.Add(s);
            }
            if (list.Count == 0)
            {
                return 1;
            }
        }
        else
        {
            list.AddRange(stanzas);
        }
        if (g.Has('c'))
        {
            ctx.Line("#MountPoint:Device:Vfs:Nodename:Type:Size:Options:AutoMount:Acct");
        }
        else
        {
            ctx.Line("Name            Nodename   Mount Pt               VFS   Size    Options    Auto Accounting");
        }
        foreach (var s in list)
        {
            var size = s.Pseudo ? null : Lvm.FindLvByDevice(ctx.World, ctx.Node, s.Dev)?.Lv.FsSizeBlocks.ToString(CultureInfo.InvariantCulture);
            var auto = s.Mount is "true" or "automatic" ? "yes" : "no";
            var acct = s.Account == "true" ? "yes" : "no";
            if (g.Has('c'))
            {
                ctx.Line($"{s.MountPoint}:{s.Dev}:{s.Vfs}:::{size ?? ""}:{s.Options}:{auto}:{acct}");
            }
            else
            {
                ctx.Line(F("{0,-15} {1,-10} {2,-22} {3,-5} {4,-7} {5,-10} {6,-4} {7}", s.Dev, "--", s.MountPoint, s.Vfs, size ?? "--", s.Options.Length == 0 ? "--" : s.Options, auto, acct));
            }
        }
        return 0;
    }

    private static int Mount(CommandContext ctx)
    {
        var g = Getopt.Parse(ctx.Args, "at:o:v:rn:");
        if (g.BadFlag is { } bad)
        {
            return ctx.BadFlag(bad, "mount [-a] [-o Options] [-r] [-t Type] [Device] [Directory]");
        }
        var node = ctx.Node;
        if (g.Operands.Count == 0 && !g.Has('a') && !g.Has('t'))
        {
            ctx.Line("  node       mounted        mounted over    vfs       date        options      ");
            ctx.Line("-------- ---------------  ---------------  ------ ------------ --------------- ");
            foreach (var m in node.Mounts)
            {
                ctx.Line(F("{0,-8} {1,-16} {2,-16} {3,-6} {4,-12} {5,-15} ", "", m.Device, m.MountPoint, m.Vfs, m.When.ToString("MMM dd HH:mm", CultureInfo.InvariantCulture), m.Options));
            }
            return 0;
        }
        var targets = g.Has('a')
            ? node.FileSystems.Where(s => s.Mount == "true" && node.Mounts.All(m => m.MountPoint != s.MountPoint)).Select(s => s.MountPoint).ToList()
            : [g.Operands[^1]];
        var rc = 0;
        foreach (var target in targets)
        {
            rc = Math.Max(rc, MountOne(ctx, target, g.Has('r') || g.Value('o') == "ro"));
        }
        return rc;
    }

    private static int MountOne(CommandContext ctx, string target, bool readOnly)
    {
        var node = ctx.Node;
        var fs = FindFs(ctx, target);
        if (fs is not { } found)
        {
            return ctx.Fail($"mount: 0506-334 {target} is not a known file system.");
        }
        var s = found.Stanza;
        string CannotMount(string why) => $"mount: 0506-324 Cannot mount {s.Dev} on {s.MountPoint}: {why}";
        if (node.Mounts.Any(m => m.MountPoint == s.MountPoint))
        {
            return ctx.Fail(CannotMount("The requested resource is busy."));
        }
        if (!FileTree.IsDirectory(node, s.MountPoint))
        {
            return ctx.Fail(CannotMount("A file or directory in the path name does not exist."));
        }
        if (!s.Pseudo)
        {
            // Only the node holding the VG active may mount: varied off, passive, not imported or
            // an LV on a failed disk all look like a missing device to mount.
            if (found.Lv is not { } x || x.NodeVg.State != VaryState.Active
                || x.Lv.AllCopies().All(c => c.Keys.All(d => ctx.World.FindDisk(d) is { Failed: true })))
            {
                return ctx.Fail(CannotMount("There is a request to a device or address that does not exist."));
            }
        }
        var options = s.Pseudo ? "rw" : $"{(readOnly ? "ro" : "rw")},log={s.Log}";
        node.Mounts.Add(new MountEntry { Device = s.Dev, MountPoint = s.MountPoint, Vfs = s.Vfs, When = ctx.World.Clock, Options = options });
        return 0;
    }

    private static int Umount(CommandContext ctx)
    {
        var g = Getopt.Parse(ctx.Args, "fat:");
        if (g.BadFlag is { } bad || (g.Operands.Count != 1 && !g.Has('a')))
        {
            return ctx.BadFlag(g.BadFlag ?? '?', "umount [-f] [-a] [-t Type] {Device | Directory | all | allr}");
        }
        var target = g.Operands.Count > 0 ? g.Operands[0] : "all";
        var mount = ctx.Node.Mounts.Find(m => m.MountPoint == target || m.Device == target);
        if (mount is null)
        {
            return ctx.Fail("umount: 0506-347 Cannot find anything to unmount.");
        }
        var busy = ctx.Node.Processes.Find(p => p.Command.StartsWith(mount.MountPoint + "/", StringComparison.Ordinal));
        if (busy is not null && !g.Has('f'))
        {
            return ctx.Fail($"umount: 0506-349 Cannot unmount {mount.Device}: The requested resource is busy.");
        }
        ctx.Node.Mounts.Remove(mount);
        return 0;
    }

    private static int Df(CommandContext ctx)
    {
        var g = Getopt.Parse(ctx.Args, "kmgIPtv");
        if (g.BadFlag is { } bad)
        {
            return ctx.BadFlag(bad, "df [-P] [-I | -M | -i | -t | -v] [-k] [-m] [-g] [FileSystem ...]");
        }
        var mode = g.Has('g') ? 'g' : g.Has('m') ? 'm' : g.Has('k') ? 'k' : 'b';
        ctx.Line(mode switch
        {
            'k' => "Filesystem    1024-blocks      Free %Used    Iused %Iused Mounted on",
            'm' => "Filesystem    MB blocks      Free %Used    Iused %Iused Mounted on",
            'g' => "Filesystem    GB blocks      Free %Used    Iused %Iused Mounted on",
            _ => "Filesystem    512-blocks      Free %Used    Iused %Iused Mounted on",
        });
        var mounts = ctx.Node.Mounts.AsEnumerable();
        if (g.Operands.Count > 0)
        {
            mounts = g.Operands.Select(p => ctx.Node.Mounts.Where(m => p == m.MountPoint || p.StartsWith(m.MountPoint == "/" ? "/" : m.MountPoint + "/", StringComparison.Ordinal) || p == m.Device)
                .OrderByDescending(m => m.MountPoint.Length).FirstOrDefault()).OfType<MountEntry>();
        }
        foreach (var m in mounts)
        {
            var lv = Lvm.FindLvByDevice(ctx.World, ctx.Node, m.Device)?.Lv;
            if (lv is null)
            {
                var dash = mode switch
                {
                    'k' => F("{0,-13} {1,11} {2,9} {3,4}  {4,8} {5,5}  {6}", m.Device, "-", "-", "-", "-", "-", m.MountPoint),
                    'm' or 'g' => F("{0,-13} {1,9} {2,9} {3,4}  {4,8} {5,5}  {6}", m.Device, "-", "-", "-", "-", "-", m.MountPoint),
                    _ => F("{0,-13} {1,10} {2,9} {3,4}  {4,8} {5,5}  {6}", m.Device, "-", "-", "-", "-", "-", m.MountPoint),
                };
                ctx.Line(dash);
                continue;
            }
            var size = lv.FsSizeBlocks;
            var free = size - lv.FsUsedBlocks;
            var pct = (int)Math.Ceiling(lv.FsUsedBlocks * 100.0 / size);
            var inodes = Math.Max(1, size / 2 / 6);
            var ipct = (int)Math.Ceiling(lv.FsUsedInodes * 100.0 / inodes);
            ctx.Line(mode switch
            {
                'k' => F("{0,-13} {1,11} {2,9} {3,4}% {4,8} {5,5}% {6}", m.Device, size / 2, free / 2, pct, lv.FsUsedInodes, ipct, m.MountPoint),
                'm' => F("{0,-13} {1,9:0.00} {2,9:0.00} {3,4}% {4,8} {5,5}% {6}", m.Device, size / 2048.0, free / 2048.0, pct, lv.FsUsedInodes, ipct, m.MountPoint),
                'g' => F("{0,-13} {1,9:0.00} {2,9:0.00} {3,4}% {4,8} {5,5}% {6}", m.Device, size / 2097152.0, free / 2097152.0, pct, lv.FsUsedInodes, ipct, m.MountPoint),
                _ => F("{0,-13} {1,10} {2,9} {3,4}% {4,8} {5,5}% {6}", m.Device, size, free, pct, lv.FsUsedInodes, ipct, m.MountPoint),
            });
        }
        return 0;
    }

    /// <summary>/etc/filesystems rendered from the node's stanzas (what `cat` shows).</summary>
    internal static string RenderFilesystems(SimNode node)
    {
        var sb = new StringBuilder("* /etc/filesystems (generated by the simulated ODM)\n*\n\n");
        foreach (var s in node.FileSystems)
        {
            sb.Append(s.MountPoint).Append(":\n");
            sb.Append("\tdev\t\t= ").Append(s.Dev).Append('\n');
            sb.Append("\tvfs\t\t= ").Append(s.Vfs).Append('\n');
            if (s.Log.Length > 0)
            {
                sb.Append("\tlog\t\t= ").Append(s.Log).Append('\n');
            }
            sb.Append("\tmount\t\t= ").Append(s.Mount).Append('\n');
            if (!s.Pseudo)
            {
                sb.Append("\tcheck\t\t= false\n");
            }
            sb.Append("\toptions\t\t= ").Append(s.Options).Append('\n');
            sb.Append("\taccount\t\t= ").Append(s.Account).Append("\n\n");
        }
        return sb.ToString();
    }
}
