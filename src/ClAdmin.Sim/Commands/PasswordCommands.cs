using System.Text;
using ClAdmin.Shell;
using ClAdmin.Sim.Model;
using ClAdmin.Sim.Shell;

namespace ClAdmin.Sim.Commands;

/// <summary>
/// pwdadm and passwd run by root (aix-commands.md §2.6), and the /etc/security/passwd stanza file
/// they keep, so a trainee can check a password change: <c>cat /etc/security/passwd</c>. The
/// prompts go to standard output and the answers are read from standard input, one a line, as
/// passwd reads them when its input is not a terminal. A password never reaches an output.
/// lssec and chsec read and write a user's stanza of that file (the one file of theirs simulated),
/// so C-SPOC can put a stanza back exactly. The file lives on rootvg: when every rootvg disk of the
/// node has failed (<c>cladmin sim fail disk node2:hdisk0</c>), the commands that write it fail with
/// an I/O error, while reads go on (the commands that write other files are not affected).
/// </summary>
internal static class PasswordCommands
{
    /// <summary>The file that holds each user's crypted password, last update and flags.</summary>
    public const string SecurityPasswd = "/etc/security/passwd";

    // Reconstructed texts [U]: no AIX transcript of these failures was found; correct them here.
    private const string NoPassword = "{0}: no new password was entered; the password of \"{1}\" was not changed.";
    private const string NoMatch = "{0}: the two passwords entered do not match; the password of \"{1}\" was not changed.";

    private const string WriteError = "{0}: Cannot update {1}: There is an input or output error.";
    private const string NotSimulated = "{0}: only {1} is simulated by cladmin; {2} was not read or changed.";

    private const string LssecUsage = "Usage: lssec [-c] [-f File] [-s Stanza] [-a Attribute ...]";
    private const string ChsecUsage = "Usage: chsec [-R load_module] -f File -s Stanza -a Attribute=Value ...";

    /// <summary>The attributes of a stanza of /etc/security/passwd, in the file's order.</summary>
    private static readonly string[] StanzaAttributes = ["password", "lastupdate", "flags"];

    private const string PwdadmUsage = "Usage: pwdadm [-R load_module] [-f Flags | -q | -c] User";
    private const string PasswdUsage = "Usage: passwd [-R load_module] [-f | -s | -a] [User]";

    /// <summary>The flags pwdadm -f accepts (aix-commands.md §2.6).</summary>
    private static readonly string[] Flags = ["ADMCHG", "ADMIN", "NOCHECK"];

    public static void Register(Dictionary<string, Func<CommandContext, int>> t)
    {
        t["pwdadm"] = Pwdadm;
        t["passwd"] = Passwd;
        t["lssec"] = Lssec;
        t["chsec"] = Chsec;
    }

    /// <summary>Whether /etc/security/passwd cannot be written on the node: every disk of its rootvg failed.</summary>
    internal static bool Unwritable(CommandContext ctx) =>
        ctx.Node.FindVgByName("rootvg") is { } r && ctx.World.FindVg(r.VgId) is { } vg
        && Lvm.DisksOf(ctx.World, vg).ToList() is { Count: > 0 } disks && disks.TrueForAll(d => d.Failed);

    /// <summary>The I/O error of a write to /etc/security/passwd on a node whose rootvg failed.</summary>
    internal static int FailWrite(CommandContext ctx) =>
        ctx.Fail(string.Format(System.Globalization.CultureInfo.InvariantCulture, WriteError, ctx.Name, SecurityPasswd), 1);

    private static string Attribute(SimUser user, string name) => name switch
    {
        "password" => user.PasswordHash,
        "lastupdate" => user.PasswordLastUpdate > 0 ? user.PasswordLastUpdate.ToString(System.Globalization.CultureInfo.InvariantCulture) : "",
        "flags" => user.PasswordFlags,
        _ => "",
    };

    /// <summary><c>lssec [-c] -f /etc/security/passwd -s User -a Attribute ...</c>: <c>jdoe lastupdate=1710237600</c>,
    /// or with -c <c>#name:lastupdate</c> then <c>jdoe:1710237600</c>.</summary>
    private static int Lssec(CommandContext ctx)
    {
        var g = Getopt.Parse(ctx.Args, "cf:s:a:");
        var names = g.Values('a').Concat(g.Operands).ToList();
        if (g.BadFlag is not null || g.Value('f') is not { } file || g.Value('s') is not { } stanza || names.Count == 0)
        {
            return ctx.Fail(LssecUsage, 1);
        }
        if (file != SecurityPasswd)
        {
            return ctx.Fail(string.Format(System.Globalization.CultureInfo.InvariantCulture, NotSimulated, ctx.Name, SecurityPasswd, file), 1);
        }
        if (names.FirstOrDefault(n => !StanzaAttributes.Contains(n)) is { } unknown)
        {
            return ctx.Fail($"3004-692 Error changing \"{unknown}\" : Attribute is invalid.", 1);
        }
        if (ctx.Node.Users.Find(u => u.Name == stanza) is not { } user)
        {
            return ctx.Fail($"3004-687 User \"{stanza}\" does not exist.", 1);
        }
        if (g.Has('c'))
        {
            ctx.Line("#name:" + string.Join(':', names));
            ctx.Line(user.Name + ":" + string.Join(':', names.Select(n => Attribute(user, n))));
        }
        else
        {
            ctx.Line(user.Name + " " + string.Join(' ', names.Select(n => n + "=" + Attribute(user, n))));
        }
        return 0;
    }

    /// <summary><c>chsec -f /etc/security/passwd -s User -a password=... -a lastupdate=... -a flags=...</c>:
    /// sets the stanza's attributes as given (an empty value removes the attribute), all or none.</summary>
    private static int Chsec(CommandContext ctx)
    {
        var g = Getopt.Parse(ctx.Args, "R:f:s:a:");
        var pairs = g.Values('a');
        if (g.BadFlag is not null || g.Operands.Count > 0 || g.Value('f') is not { } file || g.Value('s') is not { } stanza || pairs.Count == 0)
        {
            return ctx.Fail(ChsecUsage, 1);
        }
        if (file != SecurityPasswd)
        {
            return ctx.Fail(string.Format(System.Globalization.CultureInfo.InvariantCulture, NotSimulated, ctx.Name, SecurityPasswd, file), 1);
        }
        if (ctx.Node.Users.Find(u => u.Name == stanza) is not { } user)
        {
            return ctx.Fail($"3004-687 User \"{stanza}\" does not exist.", 1);
        }
        var values = new List<(string Name, string Value)>();
        foreach (var pair in pairs)
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var name = eq < 0 ? pair : pair[..eq];
            var value = eq < 0 ? "" : pair[(eq + 1)..];
            var valid = name switch
            {
                "password" => eq > 0 && !value.Contains('\n', StringComparison.Ordinal),
                "lastupdate" => eq > 0 && (value.Length == 0 || long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _)),
                "flags" => eq > 0 && value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).All(f => Flags.Contains(f)),
                _ => false,
            };
            if (!valid)
            {
                // The value is not echoed: it may be a crypted password.
                return ctx.Fail(StanzaAttributes.Contains(name)
                    ? $"3004-692 Error changing \"{name}\" : Value is invalid."
                    : $"3004-692 Error changing \"{name}\" : Attribute is invalid.", 1);
            }
            values.Add((name, value));
        }
        if (Unwritable(ctx))
        {
            return FailWrite(ctx);
        }
        foreach (var (name, value) in values)
        {
            switch (name)
            {
                case "password":
                    user.PasswordHash = value.Length == 0 ? "*" : value;
                    break;
                case "lastupdate":
                    user.PasswordLastUpdate = value.Length == 0 ? 0 : long.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
                    break;
                default:
                    user.PasswordFlags = string.Join(',', value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                    break;
            }
        }
        return 0;
    }

    /// <summary>/etc/security/passwd: one stanza per user, a TAB before each attribute, an empty line after.</summary>
    public static string Render(SimNode node)
    {
        var sb = new StringBuilder();
        foreach (var u in node.Users)
        {
            sb.Append(u.Name).Append(":\n");
            sb.Append("\tpassword = ").Append(u.PasswordHash).Append('\n');
            if (u.PasswordLastUpdate > 0)
            {
                sb.Append("\tlastupdate = ").Append(u.PasswordLastUpdate).Append('\n');
            }
            if (u.PasswordFlags.Length > 0)
            {
                sb.Append("\tflags = ").Append(u.PasswordFlags).Append('\n');
            }
            sb.Append('\n');
        }
        return sb.ToString();
    }

    private static int Pwdadm(CommandContext ctx)
    {
        var g = Getopt.Parse(ctx.Args, "R:f:qc");
        var modes = (g.Has('f') ? 1 : 0) + (g.Has('q') ? 1 : 0) + (g.Has('c') ? 1 : 0);
        if (g.BadFlag is not null || g.Operands.Count != 1 || modes > 1)
        {
            return ctx.Fail(PwdadmUsage, 1);
        }
        var user = ctx.Node.Users.Find(u => u.Name == g.Operands[0]);
        if (user is null)
        {
            return ctx.Fail($"3004-687 User \"{g.Operands[0]}\" does not exist.", 2);
        }
        if (g.Has('q'))
        {
            ctx.Line($"{user.Name}:");
            if (user.PasswordLastUpdate > 0)
            {
                ctx.Line($"\tlastupdate = {user.PasswordLastUpdate}");
            }
            if (user.PasswordFlags.Length > 0)
            {
                ctx.Line($"\tflags = {user.PasswordFlags}");
            }
            ctx.Line("");
            return 0;
        }
        if (!g.Has('q') && Unwritable(ctx))
        {
            return FailWrite(ctx);
        }
        if (g.Has('c'))
        {
            user.PasswordFlags = "";
            return 0;
        }
        if (g.Value('f') is { } flags)
        {
            var list = flags.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (list.FirstOrDefault(f => !Flags.Contains(f)) is { } bad)
            {
                return ctx.Fail($"3004-692 Error changing \"flags\" to \"{bad}\" : Value is invalid.", 1);
            }
            user.PasswordFlags = string.Join(',', list);
            return 0;
        }
        return SetByRoot(ctx, user);
    }

    private static int Passwd(CommandContext ctx)
    {
        var g = Getopt.Parse(ctx.Args, "R:fsa");
        if (g.BadFlag is not null || g.Operands.Count > 1)
        {
            return ctx.Fail(PasswdUsage, 1);
        }
        var name = g.Operands.Count == 1 ? g.Operands[0] : "root";
        var user = ctx.Node.Users.Find(u => u.Name == name);
        if (user is null)
        {
            return ctx.Fail($"3004-687 User \"{name}\" does not exist.", 1);
        }
        // The simulated shell runs as root: passwd USER is pwdadm USER (aix-commands.md §2.6).
        return SetByRoot(ctx, user);
    }

    /// <summary>Root sets the password: asked twice, the user must change it at the next login (ADMCHG).</summary>
    private static int SetByRoot(CommandContext ctx, SimUser user)
    {
        var answers = ctx.Stdin.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        ctx.Line($"Changing password for \"{user.Name}\"");
        ctx.Out.Append(user.Name).Append("'s New password: ");
        if (answers.Length < 1 || answers[0].Length == 0)
        {
            ctx.Line("");
            return ctx.Fail(string.Format(System.Globalization.CultureInfo.InvariantCulture, NoPassword, ctx.Name, user.Name), 1);
        }
        ctx.Line("");
        ctx.Out.Append("Enter the new password again: ");
        ctx.Line("");
        if (answers.Length < 2 || answers[1] != answers[0])
        {
            return ctx.Fail(string.Format(System.Globalization.CultureInfo.InvariantCulture, NoMatch, ctx.Name, user.Name), 1);
        }
        if (Unwritable(ctx))
        {
            return FailWrite(ctx);
        }
        user.PasswordHash = UserCommands.Hash(ctx.World, user.Name, answers[0]);
        user.PasswordLastUpdate = new DateTimeOffset(ctx.World.Clock, TimeSpan.Zero).ToUnixTimeSeconds();
        user.PasswordFlags = "ADMCHG";
        return 0;
    }
}
