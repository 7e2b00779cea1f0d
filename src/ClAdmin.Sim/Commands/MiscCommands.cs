using System.Globalization;
using ClAdmin.Sim.Model;
using ClAdmin.Sim.Shell;
using ClAdmin.Shell;

namespace ClAdmin.Sim.Commands;

/// <summary>Everyday commands: cat, ls, echo, true, false, date, uname, cfgmgr,
/// ps, mkdir, touch, chmod, id (aix-commands.md §5).</summary>
internal static class MiscCommands
{
    public static void Register(Dictionary<string, Func<CommandContext, int>> t)
    {
        t["cat"] = Cat;
        t["ls"] = Ls;
        t["echo"] = Echo;
        t["true"] = _ => 0;
        t["false"] = _ => 1;
        t["date"] = Date;
        t["uname"] = Uname;
        t["ps"] = Ps;
        t["kill"] = Kill;
        t["mkdir"] = Mkdir;
        t["touch"] = Touch;
        t["chmod"] = Chmod;
        t["id"] = Id;
        t["sleep"] = _ => 0;
    }

    internal static string? ReadFile(SimNode node, string path) => path switch
    {
        "/etc/filesystems" => FsCommands.RenderFilesystems(node),
        "/etc/passwd" => string.Concat(node.Users.Select(u => $"{u.Name}:!:{u.Id}:{node.Groups.Find(g => g.Name == u.Pgrp)?.Id ?? 1}:{(u.Attributes.TryGetValue("gecos", out var gc) ? gc : "")}:{u.Home}:{u.Shell}\n")),
        "/etc/group" => string.Concat(node.Groups.Select(g => $"{g.Name}:!:{g.Id}:{string.Join(',', g.Users)}\n")),
        PasswordCommands.SecurityPasswd => PasswordCommands.Render(node),
        _ => node.Files.TryGetValue(path, out var f) ? f.Content : null,
    };

    private static int Cat(CommandContext ctx)
    {
        if (ctx.Args.Count == 0)
        {
            ctx.Out.Append(ctx.Stdin);
            return 0;
        }
        var rc = 0;
        foreach (var a in ctx.Args)
        {
            var content = ReadFile(ctx.Node, FileTree.Absolute(a));
            if (content is null)
            {
                rc = ctx.Fail(FileTree.IsDirectory(ctx.Node, FileTree.Absolute(a))
                    ? $"cat: 0652-049 Cannot open {a}."
                    : $"cat: 0652-050 Cannot open {a}.", 2);
                continue;
            }
            ctx.Out.Append(content);
        }
        return rc;
    }

    private static int Ls(CommandContext ctx)
    {
        var g = Getopt.Parse(ctx.Args, "ladtr1");
        var targets = g.Operands.Count == 0 ? ["."] : g.Operands;
        var rc = 0;
        foreach (var target in targets)
        {
            var path = target == "." ? "/" : FileTree.Absolute(target);
            if (ctx.Node.Files.TryGetValue(path, out var file) || ReadFile(ctx.Node, path) is not null)
            {
                ctx.Line(g.Has('l') ? Long(ctx, path[(path.LastIndexOf('/') + 1)..], file) : target);
                continue;
            }
            if (!FileTree.IsDirectory(ctx.Node, path))
            {
                rc = ctx.Fail($"ls: 0653-341 The file {target} does not exist.", 2);
                continue;
            }
            var prefix = path == "/" ? "/" : path + "/";
            var children = ctx.Node.Directories.Where(d => d.StartsWith(prefix, StringComparison.Ordinal) && d.IndexOf('/', prefix.Length) < 0)
                .Select(d => (Name: d[prefix.Length..], File: (SimFile?)null))
                .Concat(ctx.Node.Files.Where(f => f.Key.StartsWith(prefix, StringComparison.Ordinal) && f.Key.IndexOf('/', prefix.Length) < 0)
                    .Select(f => (Name: f.Key[prefix.Length..], File: (SimFile?)f.Value)))
                .Where(x => g.Has('a') || !x.Name.StartsWith('.'))
                .OrderBy(x => x.Name, StringComparer.Ordinal);
            if (g.Has('l'))
            {
                ctx.Line("total 8");
            }
            foreach (var (name, f) in children)
            {
                ctx.Line(g.Has('l') ? Long(ctx, name, f) : name);
            }
        }
        return rc;
    }

    private static string Long(CommandContext ctx, string name, SimFile? f)
    {
        var mode = f?.Mode ?? "drwxr-xr-x";
        var size = f?.Content.Length ?? 512;
        var when = (f?.Modified ?? ctx.World.Clock).ToString("MMM dd HH:mm", CultureInfo.InvariantCulture);
        return string.Format(CultureInfo.InvariantCulture, "{0} {1,4} {2,-8} {3,-8} {4,8} {5} {6}", mode, f is null ? 2 : 1, f?.Owner ?? "root", f?.Group ?? "system", size, when, name);
    }

    private static int Echo(CommandContext ctx)
    {
        var text = string.Join(' ', ctx.Args);
        var newline = !text.EndsWith("\\c", StringComparison.Ordinal);
        text = text.Replace("\\c", "", StringComparison.Ordinal).Replace("\\n", "\n", StringComparison.Ordinal).Replace("\\t", "\t", StringComparison.Ordinal);
        ctx.Out.Append(text);
        if (newline)
        {
            ctx.Out.Append('\n');
        }
        return 0;
    }

    private static int Date(CommandContext ctx)
    {
        var now = ctx.World.Clock;
        if (ctx.Args.Count == 1 && ctx.Args[0].StartsWith('+'))
        {
            var fmt = ctx.Args[0][1..];
            ctx.Line(fmt.Replace("%Y", now.ToString("yyyy", CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("%m", now.ToString("MM", CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("%d", now.ToString("dd", CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("%H", now.ToString("HH", CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("%M", now.ToString("mm", CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("%S", now.ToString("ss", CultureInfo.InvariantCulture), StringComparison.Ordinal));
            return 0;
        }
        var day = now.Day.ToString(CultureInfo.InvariantCulture).PadLeft(2);
        ctx.Line($"{now.ToString("ddd MMM", CultureInfo.InvariantCulture)} {day} {now.ToString("HH:mm:ss", CultureInfo.InvariantCulture)} {ctx.World.TimeZone} {now.Year}");
        return 0;
    }

    private static int Uname(CommandContext ctx)
    {
        var g = Getopt.Parse(ctx.Args, "asnrvmpMLux");
        var machine = ctx.Node.MachineId.ToUpperInvariant() + "4C00";
        if (g.Has('a'))
        {
            ctx.Line($"AIX {ctx.Node.Hostname} 1 6 {machine}");
            return 0;
        }
        var parts = new List<string>();
        if (g.Has('s') || ctx.Args.Count == 0) { parts.Add("AIX"); }
        if (g.Has('n')) { parts.Add(ctx.Node.Hostname); }
        if (g.Has('r')) { parts.Add("1"); }
        if (g.Has('v')) { parts.Add("6"); }
        if (g.Has('m')) { parts.Add(machine); }
        if (g.Has('p')) { parts.Add("powerpc"); }
        if (g.Has('M')) { parts.Add("IBM,8233-E8B"); }
        if (g.Has('L')) { parts.Add($"{ctx.Node.NodeNumber} {ctx.Node.Hostname}"); }
        ctx.Line(string.Join(' ', parts));
        return 0;
    }

    private static int Ps(CommandContext ctx)
    {
        ctx.Line("     UID      PID     PPID   C    STIME    TTY  TIME CMD");
        ctx.Line("    root        1        0   0 09:00:00      -  0:00 /etc/init");
        foreach (var s in ctx.Node.Subsystems.Where(s => s.Pid is not null))
        {
            ctx.Line(string.Format(CultureInfo.InvariantCulture, "{0,8} {1,8} {2,8} {3,3} {4,8} {5,6} {6,5} {7}", "root", s.Pid, 1, 0, "09:00:00", "-", "0:00", "/usr/sbin/" + s.Name));
        }
        foreach (var p in ctx.Node.Processes)
        {
            ctx.Line(string.Format(CultureInfo.InvariantCulture, "{0,8} {1,8} {2,8} {3,3} {4,8} {5,6} {6,5} {7}", "root", p.Pid, 1, 0, p.Started.ToString("HH:mm:ss", CultureInfo.InvariantCulture), "-", "0:00", p.Command));
        }
        return 0;
    }

    /// <summary>kill [-SIGNAL | -s SIGNAL] PID...: every signal ends the process (an application
    /// monitor notices, S9); a subsystem's daemon stops. AIX ksh message for a PID that is not there.</summary>
    private static int Kill(CommandContext ctx)
    {
        var pids = ctx.Args.Where((a, i) => !a.StartsWith('-') && !(i > 0 && ctx.Args[i - 1] == "-s")).ToList();
        if (pids.Count == 0)
        {
            return ctx.Fail("Usage: kill [ -SIGNAL | -s SIGNAL ] PID ...", 2);
        }
        var rc = 0;
        foreach (var a in pids)
        {
            var pid = int.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;
            var removed = ctx.Node.Processes.RemoveAll(p => p.Pid == pid);
            foreach (var s in ctx.Node.Subsystems.Where(s => s.Pid == pid))
            {
                s.Pid = null;
                removed++;
            }
            if (removed == 0)
            {
                rc = ctx.Fail($"kill: {a}: 0403-003 The specified process does not exist.");
            }
        }
        return rc;
    }

    private static int Mkdir(CommandContext ctx)
    {
        foreach (var a in ctx.Args.Where(a => !a.StartsWith('-')))
        {
            FileTree.AddDirectory(ctx.Node, a);
        }
        return 0;
    }

    private static int Touch(CommandContext ctx)
    {
        foreach (var a in ctx.Args.Where(a => !a.StartsWith('-')))
        {
            FileTree.Write(ctx.World, ctx.Node, a, "", append: true);
        }
        return 0;
    }

    private static int Chmod(CommandContext ctx)
    {
        if (ctx.Args.Count < 2)
        {
            return ctx.Fail("Usage: chmod [-R] [-h] [-f] PermissionCode File ...");
        }
        foreach (var a in ctx.Args.Skip(1))
        {
            if (!ctx.Node.Files.TryGetValue(FileTree.Absolute(a), out var f))
            {
                return ctx.Fail($"chmod: {a}: A file or directory in the path name does not exist.", 2);
            }
            var mode = ctx.Args[0];
            if (mode.Contains('x', StringComparison.Ordinal) || mode is "755" or "750" or "700" or "775" or "777")
            {
                f.Mode = mode.StartsWith('-') ? "-rw-r--r--" : "-rwxr-xr-x";
            }
            else if (mode is "644" or "640" or "600" or "666")
            {
                f.Mode = "-rw-r--r--";
            }
        }
        return 0;
    }

    private static int Id(CommandContext ctx)
    {
        var name = ctx.Args.Count > 0 ? ctx.Args[^1] : "root";
        var u = ctx.Node.Users.Find(x => x.Name == name);
        if (u is null)
        {
            return ctx.Fail($"3004-820 User not found in /etc/passwd file");
        }
        var pg = ctx.Node.Groups.Find(g => g.Name == u.Pgrp);
        var others = u.Groups.Where(g => g != u.Pgrp).Select(g => ctx.Node.Groups.Find(x => x.Name == g)).OfType<SimGroup>().Select(g => $"{g.Id}({g.Name})");
        var groups = string.Join(',', others);
        ctx.Line($"uid={u.Id}({u.Name}) gid={pg?.Id ?? 1}({u.Pgrp})" + (groups.Length > 0 ? $" groups={groups}" : ""));
        return 0;
    }
}
