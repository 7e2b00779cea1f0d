using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ClAdmin.Sim.Model;
using ClAdmin.Sim.Shell;
using ClAdmin.Shell;

namespace ClAdmin.Sim.Commands;

/// <summary>Users and groups: mkuser, chuser, rmuser, lsuser, chpasswd, mkgroup, chgroup,
/// rmgroup, lsgroup (aix-commands.md §2). "Does not exist" exits 2, "exists" exits 17.</summary>
internal static class UserCommands
{
    public static void Register(Dictionary<string, Func<CommandContext, int>> t)
    {
        t["mkuser"] = Mkuser;
        t["chuser"] = Chuser;
        t["rmuser"] = Rmuser;
        t["lsuser"] = Lsuser;
        t["chpasswd"] = Chpasswd;
        t["mkgroup"] = Mkgroup;
        t["chgroup"] = Chgroup;
        t["rmgroup"] = Rmgroup;
        t["lsgroup"] = Lsgroup;
    }

    /// <summary>The words without a "--" that ends the options (one that is not itself the name).</summary>
    private static List<string> WithoutEndOfOptions(List<string> args) =>
        args.Where((a, i) => a != "--" || i == args.Count - 1).ToList();

    private static string NoUser(string name) => $"3004-687 User \"{name}\" does not exist.";

    private static string NoGroup(string name) => $"3004-686 Group \"{name}\" does not exist.";

    /// <summary>Default attributes printed after the modelled ones, as lsuser shows a 7.x user.</summary>
    private static readonly (string Name, string Value)[] DefaultUserAttributes =
    [
        ("login", "true"), ("su", "true"), ("rlogin", "true"), ("daemon", "true"), ("admin", "false"),
        ("sugroups", "ALL"), ("admgroups", ""), ("tpath", "nosak"), ("ttys", "ALL"), ("expires", "0"),
        ("auth1", "SYSTEM"), ("auth2", "NONE"), ("umask", "22"), ("registry", "files"), ("SYSTEM", "compat"),
        ("logintimes", ""), ("loginretries", "0"), ("pwdwarntime", "0"), ("account_locked", "false"),
        ("minage", "0"), ("maxage", "0"), ("maxexpired", "-1"), ("minalpha", "0"), ("minother", "0"),
        ("mindiff", "0"), ("maxrepeats", "8"), ("minlen", "0"), ("histexpire", "0"), ("histsize", "0"),
        ("pwdchecks", ""), ("dictionlist", ""), ("default_roles", ""), ("fsize", "2097151"), ("cpu", "-1"),
        ("data", "262144"), ("stack", "65536"), ("core", "2097151"), ("rss", "65536"), ("nofiles", "2000"),
        ("roles", ""),
    ];

    internal static List<(string Name, string Value)> UserAttributes(SimUser u)
    {
        var list = new List<(string, string)>
        {
            ("id", u.Id.ToString(CultureInfo.InvariantCulture)),
            ("pgrp", u.Pgrp),
            ("groups", string.Join(',', u.Groups)),
            ("home", u.Home),
            ("shell", u.Shell),
        };
        if (u.Attributes.TryGetValue("gecos", out var gecos))
        {
            list.Add(("gecos", gecos));
        }
        foreach (var (name, value) in DefaultUserAttributes)
        {
            list.Add((name, u.Attributes.TryGetValue(name, out var v) ? v : value));
        }
        foreach (var (name, value) in u.Attributes)
        {
            if (name != "gecos" && DefaultUserAttributes.All(d => d.Name != name))
            {
                list.Add((name, value));
            }
        }
        return list;
    }

    private static List<(string Key, string Value)>? ParseAttributes(CommandContext ctx, IEnumerable<string> words)
    {
        var list = new List<(string, string)>();
        foreach (var w in words)
        {
            var eq = w.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                ctx.Fail($"3004-692 Error changing \"{w}\" to \"\" : Value is invalid.");
                return null;
            }
            list.Add((w[..eq], w[(eq + 1)..]));
        }
        return list;
    }

    /// <summary>Applies attr=value pairs to a user; returns an error message or null.</summary>
    private static string? Apply(SimNode node, SimUser u, List<(string Key, string Value)> attrs)
    {
        foreach (var (key, value) in attrs)
        {
            switch (key)
            {
                case "id":
                    if (!int.TryParse(value, out var id) || id < 0)
                    {
                        return $"3004-692 Error changing \"id\" to \"{value}\" : Value is invalid.";
                    }
                    u.Id = id;
                    break;
                case "pgrp":
                    if (node.Groups.All(g => g.Name != value))
                    {
                        return NoGroup(value);
                    }
                    u.Pgrp = value;
                    break;
                case "groups":
                    var names = value.Split(',', StringSplitOptions.RemoveEmptyEntries);
                    if (names.FirstOrDefault(n => node.Groups.All(g => g.Name != n)) is { } missing)
                    {
                        return NoGroup(missing);
                    }
                    foreach (var g in node.Groups)
                    {
                        g.Users.Remove(u.Name);
                        if (names.Contains(g.Name))
                        {
                            g.Users.Add(u.Name);
                        }
                    }
                    u.Groups.Clear();
                    u.Groups.AddRange(names);
                    break;
                case "home":
                    u.Home = value;
                    break;
                case "shell":
                    u.Shell = value;
                    break;
                default:
                    u.Attributes[key] = value;
                    break;
            }
        }
        if (!u.Groups.Contains(u.Pgrp))
        {
            u.Groups.Insert(0, u.Pgrp);
            node.Groups.Find(g => g.Name == u.Pgrp)?.Users.Add(u.Name);
        }
        return null;
    }

    private static int Mkuser(CommandContext ctx)
    {
        var args = ctx.Args.Where(a => a != "-a").ToList();
        if (args.Count > 1 && args[0] == "-R")
        {
            args = args.Skip(2).ToList();
        }
        args = WithoutEndOfOptions(args);
        if (args.Count == 0)
        {
            return ctx.Fail("Usage: mkuser [-R load_module] [-a] [Attribute=Value ...] Name", 2);
        }
        var name = args[^1];
        var node = ctx.Node;
        if (Cluster.AixNames.Problem(name) is { } problem)
        {
            return ctx.Fail(Cluster.AixNames.AddError(name, problem), 22);
        }
        if (node.Users.Any(u => u.Name == name))
        {
            return ctx.Fail($"3004-689 User \"{name}\" exists.", 17);
        }
        var attrs = ParseAttributes(ctx, args.Take(args.Count - 1));
        if (attrs is null)
        {
            return 1;
        }
        if (attrs.Find(a => a.Key == "id").Value is { } idText && int.TryParse(idText, out var wantedId) && node.Users.Any(u => u.Id == wantedId))
        {
            return ctx.Fail(Cluster.AixNames.AddError(name, "ID is already in use."), 17);
        }
        var user = new SimUser
        {
            Name = name,
            Id = Math.Max(200, node.Users.Where(u => u.Id < 65534).Select(u => u.Id + 1).DefaultIfEmpty(200).Max()),
            Home = "/home/" + name,
        };
        user.Groups.Add("staff");
        var err = Apply(node, user, [("pgrp", "staff"), .. attrs]);
        if (err is not null)
        {
            return ctx.Fail(err, err.StartsWith("3004-686", StringComparison.Ordinal) ? 2 : 1);
        }
        if (!attrs.Any(a => a.Key == "groups"))
        {
            node.Groups.Find(g => g.Name == "staff")?.Users.Add(name);
        }
        node.Users.Add(user);
        FileTree.AddDirectory(node, user.Home);
        node.Files[user.Home + "/.profile"] = new SimFile { Content = "PATH=/usr/bin:/etc:/usr/sbin:/usr/ucb:$HOME/bin:/usr/bin/X11:/sbin:.\nexport PATH\n", Owner = name, Group = user.Pgrp, Modified = ctx.World.Clock };
        return 0;
    }

    private static int Chuser(CommandContext ctx)
    {
        var args = ctx.Args.ToList();
        if (args.Count > 1 && args[0] == "-R")
        {
            args = args.Skip(2).ToList();
        }
        if (args.Count < 2)
        {
            return ctx.Fail("Usage: chuser [-R load_module] Attribute=Value ... Name", 2);
        }
        var user = ctx.Node.Users.Find(u => u.Name == args[^1]);
        if (user is null)
        {
            return ctx.Fail(NoUser(args[^1]), 2);
        }
        var attrs = ParseAttributes(ctx, args.Take(args.Count - 1));
        if (attrs is null)
        {
            return 1;
        }
        var err = Apply(ctx.Node, user, attrs);
        return err is null ? 0 : ctx.Fail(err, 2);
    }

    private static int Rmuser(CommandContext ctx)
    {
        var g = Getopt.Parse(ctx.Args, "pR:");
        if (g.BadFlag is { } bad || g.Operands.Count != 1)
        {
            return ctx.BadFlag(g.BadFlag ?? '?', "rmuser [-R load_module] [-p] Name");
        }
        var user = ctx.Node.Users.Find(u => u.Name == g.Operands[0]);
        if (user is null)
        {
            return ctx.Fail(NoUser(g.Operands[0]), 2);
        }
        ctx.Node.Users.Remove(user);
        foreach (var grp in ctx.Node.Groups)
        {
            grp.Users.Remove(user.Name);
        }
        return 0;
    }

    private static int Lsuser(CommandContext ctx)
    {
        var (format, wanted, names, error) = ParseListArgs(ctx, "lsuser");
        if (error is not null)
        {
            return 2;
        }
        var users = names == "ALL" ? ctx.Node.Users : names.Split(',').Select(n => ctx.Node.Users.Find(u => u.Name == n) ?? new SimUser { Name = n, Id = -1 }).ToList();
        var rows = new List<(string Name, List<(string Name, string Value)> Attrs)>();
        var rc = 0;
        foreach (var u in users)
        {
            if (u.Id < 0)
            {
                rc = ctx.Fail(NoUser(u.Name), 2);
                continue;
            }
            rows.Add((u.Name, Select(UserAttributes(u), wanted)));
        }
        Print(ctx, rows, format);
        return rc;
    }

    private static List<(string Name, string Value)> Select(List<(string Name, string Value)> all, List<string>? wanted) =>
        wanted is null ? all : wanted.Select(w => all.Find(a => a.Name == w)).Where(a => a.Name is not null).ToList();

    /// <summary>[-c | -C | -f] [-a attr ...] {ALL | name[,name]} as lsuser and lsgroup take them.</summary>
    private static (char Format, List<string>? Wanted, string Names, string? Error) ParseListArgs(CommandContext ctx, string program)
    {
        var format = 'd';
        List<string>? wanted = null;
        var args = ctx.Args.ToList();
        var i = 0;
        while (i < args.Count - 1 && args[i].StartsWith('-'))
        {
            switch (args[i])
            {
                case "-c": format = 'c'; i++; break;
                case "-C": format = 'c'; i++; break;
                case "-f": format = 'f'; i++; break;
                case "-R": i += 2; break;
                case "-a":
                    wanted = args.Skip(i + 1).Take(args.Count - i - 2).ToList();
                    i = args.Count - 1;
                    break;
                default:
                    ctx.BadFlag(args[i].Length > 1 ? args[i][1] : '?', $"{program} [-R load_module] [-c | -C | -f] [-a Attribute ...] {{ALL | Name[,Name] ...}}");
                    return (format, wanted, "", "usage");
            }
        }
        if (i >= args.Count)
        {
            ctx.Fail($"Usage: {program} [-R load_module] [-c | -C | -f] [-a Attribute ...] {{ALL | Name[,Name] ...}}");
            return (format, wanted, "", "usage");
        }
        return (format, wanted, args[i], null);
    }

    private static void Print(CommandContext ctx, List<(string Name, List<(string Name, string Value)> Attrs)> rows, char format)
    {
        switch (format)
        {
            case 'c':
                if (rows.Count > 0)
                {
                    ctx.Line("#name:" + string.Join(':', rows[0].Attrs.Select(a => a.Name)));
                }
                foreach (var r in rows)
                {
                    ctx.Line(r.Name + ":" + string.Join(':', r.Attrs.Select(a => a.Value.Replace(":", "#!:", StringComparison.Ordinal))));
                }
                break;
            case 'f':
                foreach (var r in rows)
                {
                    ctx.Line(r.Name + ":");
                    foreach (var a in r.Attrs)
                    {
                        ctx.Line($"\t{a.Name}={a.Value}");
                    }
                    ctx.Line("");
                }
                break;
            default:
                foreach (var r in rows)
                {
                    ctx.Line(r.Name + " " + string.Join(' ', r.Attrs.Select(a => $"{a.Name}={a.Value}")));
                }
                break;
        }
    }

    private static int Chpasswd(CommandContext ctx)
    {
        var g = Getopt.Parse(ctx.Args, "ecR:f:");
        if (g.BadFlag is { } bad)
        {
            return ctx.BadFlag(bad, "chpasswd [-R load_module] [-e] [-f flags | -c]");
        }
        if (PasswordCommands.Unwritable(ctx))
        {
            return PasswordCommands.FailWrite(ctx);
        }
        var rc = 0;
        foreach (var line in ctx.Stdin.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var name = colon < 0 ? line : line[..colon];
            var user = ctx.Node.Users.Find(u => u.Name == name);
            if (user is null || colon < 0)
            {
                rc = ctx.Fail(NoUser(name), 1);
                continue;
            }
            var password = line[(colon + 1)..];
            user.PasswordHash = g.Has('e') ? password : Hash(ctx.World, name, password);
            user.PasswordLastUpdate = new DateTimeOffset(ctx.World.Clock, TimeSpan.Zero).ToUnixTimeSeconds();
            user.PasswordFlags = g.Has('c') ? "" : g.Value('f') ?? "ADMCHG";
        }
        return rc;
    }

    /// <summary>An AIX {ssha256} style hash, salted deterministically from the world seed.</summary>
    internal static string Hash(SimWorld world, string user, string password)
    {
        var salt = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes($"{world.Seed}:{user}:{world.NextSerial++}")))[..16].Replace('+', '.');
        var digest = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(salt + password))).TrimEnd('=').Replace('+', '.');
        return "{ssha256}06$" + salt + "$" + digest;
    }

    private static int Mkgroup(CommandContext ctx)
    {
        var args = WithoutEndOfOptions(ctx.Args.Where(a => a is not "-a" and not "-A").ToList());
        if (args.Count == 0)
        {
            return ctx.Fail("Usage: mkgroup [-R load_module] [-a] [-A] [Attribute=Value ...] Group", 2);
        }
        var name = args[^1];
        var node = ctx.Node;
        if (Cluster.AixNames.Problem(name) is { } problem)
        {
            return ctx.Fail(Cluster.AixNames.AddError(name, problem), 22);
        }
        if (node.Groups.Any(x => x.Name == name))
        {
            return ctx.Fail($"3004-688 Group \"{name}\" exists.", 17);
        }
        var attrs = ParseAttributes(ctx, args.Take(args.Count - 1));
        if (attrs is null)
        {
            return 1;
        }
        if (attrs.Find(a => a.Key == "id").Value is { } idText && int.TryParse(idText, out var wantedId) && node.Groups.Any(g => g.Id == wantedId))
        {
            return ctx.Fail(Cluster.AixNames.AddError(name, "ID is already in use."), 17);
        }
        var group = new SimGroup { Name = name, Id = Math.Max(200, node.Groups.Where(x => x.Id < 65534).Select(x => x.Id + 1).DefaultIfEmpty(200).Max()) };
        var err = ApplyGroup(node, group, attrs);
        if (err is not null)
        {
            return ctx.Fail(err, 2);
        }
        node.Groups.Add(group);
        return 0;
    }

    private static string? ApplyGroup(SimNode node, SimGroup group, List<(string Key, string Value)> attrs)
    {
        foreach (var (key, value) in attrs)
        {
            var list = value.Split(',', StringSplitOptions.RemoveEmptyEntries);
            switch (key)
            {
                case "id":
                    if (!int.TryParse(value, out var id))
                    {
                        return $"3004-692 Error changing \"id\" to \"{value}\" : Value is invalid.";
                    }
                    group.Id = id;
                    break;
                case "users" or "adms":
                    if (list.FirstOrDefault(n => node.Users.All(u => u.Name != n)) is { } missing)
                    {
                        return NoUser(missing);
                    }
                    var target = key == "users" ? group.Users : group.Adms;
                    target.Clear();
                    target.AddRange(list);
                    if (key == "users")
                    {
                        foreach (var u in node.Users)
                        {
                            u.Groups.Remove(group.Name);
                            if (list.Contains(u.Name))
                            {
                                u.Groups.Add(group.Name);
                            }
                        }
                    }
                    break;
                case "admin":
                    group.Admin = value == "true";
                    break;
                default:
                    return $"3004-692 Error changing \"{key}\" to \"{value}\" : Value is invalid.";
            }
        }
        return null;
    }

    private static int Chgroup(CommandContext ctx)
    {
        if (ctx.Args.Count < 2)
        {
            return ctx.Fail("Usage: chgroup [-R load_module] Attribute=Value ... Group", 2);
        }
        var group = ctx.Node.Groups.Find(x => x.Name == ctx.Args[^1]);
        if (group is null)
        {
            return ctx.Fail(NoGroup(ctx.Args[^1]), 2);
        }
        var attrs = ParseAttributes(ctx, ctx.Args.Take(ctx.Args.Count - 1));
        if (attrs is null)
        {
            return 1;
        }
        var err = ApplyGroup(ctx.Node, group, attrs);
        return err is null ? 0 : ctx.Fail(err, 2);
    }

    private static int Rmgroup(CommandContext ctx)
    {
        var g = Getopt.Parse(ctx.Args, "pR:");
        if (g.BadFlag is { } bad || g.Operands.Count != 1)
        {
            return ctx.BadFlag(g.BadFlag ?? '?', "rmgroup [-R load_module] [-p] Group");
        }
        var group = ctx.Node.Groups.Find(x => x.Name == g.Operands[0]);
        if (group is null)
        {
            return ctx.Fail(NoGroup(g.Operands[0]), 2);
        }
        if (ctx.Node.Users.Find(u => u.Pgrp == group.Name) is { } owner)
        {
            return ctx.Fail($"3004-702 Cannot remove the primary group of user \"{owner.Name}\".");
        }
        ctx.Node.Groups.Remove(group);
        foreach (var u in ctx.Node.Users)
        {
            u.Groups.Remove(group.Name);
        }
        return 0;
    }

    private static int Lsgroup(CommandContext ctx)
    {
        var (format, wanted, names, error) = ParseListArgs(ctx, "lsgroup");
        if (error is not null)
        {
            return 2;
        }
        var groups = names == "ALL" ? ctx.Node.Groups : names.Split(',').Select(n => ctx.Node.Groups.Find(x => x.Name == n) ?? new SimGroup { Name = n, Id = -1 }).ToList();
        var rows = new List<(string Name, List<(string Name, string Value)> Attrs)>();
        var rc = 0;
        foreach (var grp in groups)
        {
            if (grp.Id < 0)
            {
                rc = ctx.Fail(NoGroup(grp.Name), 2);
                continue;
            }
            var attrs = new List<(string Name, string Value)>
            {
                ("id", grp.Id.ToString(CultureInfo.InvariantCulture)),
                ("admin", grp.Admin ? "true" : "false"),
                ("users", string.Join(',', grp.Users)),
            };
            if (grp.Adms.Count > 0)
            {
                attrs.Add(("adms", string.Join(',', grp.Adms)));
            }
            attrs.Add(("registry", "files"));
            rows.Add((grp.Name, Select(attrs, wanted)));
        }
        Print(ctx, rows, format);
        return rc;
    }
}
