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
/// </summary>
internal static class PasswordCommands
{
    /// <summary>The file that holds each user's crypted password, last update and flags.</summary>
    public const string SecurityPasswd = "/etc/security/passwd";

    // Reconstructed texts [U]: no AIX transcript of these two failures was found; correct them here.
    private const string NoPassword = "{0}: no new password was entered; the password of \"{1}\" was not changed.";
    private const string NoMatch = "{0}: the two passwords entered do not match; the password of \"{1}\" was not changed.";

    private const string PwdadmUsage = "Usage: pwdadm [-R load_module] [-f Flags | -q | -c] User";
    private const string PasswdUsage = "Usage: passwd [-R load_module] [-f | -s | -a] [User]";

    /// <summary>The flags pwdadm -f accepts (aix-commands.md §2.6).</summary>
    private static readonly string[] Flags = ["ADMCHG", "ADMIN", "NOCHECK"];

    public static void Register(Dictionary<string, Func<CommandContext, int>> t)
    {
        t["pwdadm"] = Pwdadm;
        t["passwd"] = Passwd;
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
        user.PasswordHash = UserCommands.Hash(ctx.World, user.Name, answers[0]);
        user.PasswordLastUpdate = new DateTimeOffset(ctx.World.Clock, TimeSpan.Zero).ToUnixTimeSeconds();
        user.PasswordFlags = "ADMCHG";
        return 0;
    }
}
