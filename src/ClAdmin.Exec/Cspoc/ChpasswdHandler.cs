using System.Text;
using ClAdmin.Contracts;
using ClAdmin.Exec.Dispatch;
using ClAdmin.Exec.FanOut;
using ClAdmin.Exec.Nodes;
using ClAdmin.Shell;

namespace ClAdmin.Exec.Cspoc;

/// <summary>
/// cl_chpasswd: root sets a user's password on every target node.
/// <c>cl_chpasswd [-cspoc "..."] [-c | -f] User</c> reads the new password from standard input (its
/// first line); with no user named, standard input holds <c>user:password</c> lines, as chpasswd takes
/// them. The password never appears on a command line or in a log: each node runs <c>chpasswd</c>
/// with the <c>user:password</c> lines on its standard input. By default the user must change the
/// password at the next login (chpasswd sets ADMCHG; -f asks for that explicitly); -c clears the
/// flag, as the dialog's "User must change password on first login? false" does. Every user must
/// exist on every node, checked before any password changes; when the change fails on a node, the
/// nodes where it succeeded get their earlier password back (<see cref="PasswordRollback"/>).
/// </summary>
public sealed class ChpasswdHandler(FanOutEngine engine, IClusterNodes clusterNodes) : CspocHandler(engine, clusterNodes)
{
    private const string UsageText = "Usage: cl_chpasswd [-cspoc \"[-f] [-g ResourceGroup | -n Node,...]\"] [-c | -f] User  (the password on standard input)\n"
        + "       cl_chpasswd [-cspoc \"[-f] [-g ResourceGroup | -n Node,...]\"] [-c | -f]  (User:Password lines on standard input)";

    public override IReadOnlyCollection<string> Names { get; } = ["cl_chpasswd"];

    internal override async Task<CommandResult?> PlanAsync(CspocRun run, CommandInvocation invocation)
    {
        var g = Getopt.Parse(invocation.Arguments, "cf");
        if (g.BadFlag is { } bad)
        {
            return CspocRun.Usage($"cl_chpasswd: Not a recognized flag: {bad}\n{UsageText}");
        }
        if (g.Has('c') && g.Has('f'))
        {
            return CspocRun.Usage($"cl_chpasswd: -c and -f cannot be used together.\n{UsageText}");
        }
        if (g.Operands.Count > 1)
        {
            return CspocRun.Usage(UsageText);
        }
        var lines = invocation.StandardInput.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var pairs = new List<(string User, string Password)>();
        if (g.Operands.Count == 1)
        {
            var user = g.Operands[0];
            if (user.Length == 0 || user.Contains(':', StringComparison.Ordinal))
            {
                return CspocRun.Usage($"cl_chpasswd: \"{user}\" is not a valid user name.");
            }
            if (lines[0].Length == 0)
            {
                return CspocRun.Usage($"cl_chpasswd: no new password for {user} on standard input.");
            }
            pairs.Add((user, lines[0]));
        }
        else
        {
            foreach (var line in lines.Where(l => l.Length > 0))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon <= 0 || colon == line.Length - 1)
                {
                    // Never echo the line: it may hold a password.
                    return CspocRun.Usage("cl_chpasswd: standard input must hold user:password lines (a line without a user or a password was found).");
                }
                pairs.Add((line[..colon], line[(colon + 1)..]));
            }
            if (pairs.Count == 0)
            {
                return CspocRun.Usage($"cl_chpasswd: no user named and no user:password lines on standard input.\n{UsageText}");
            }
        }

        var users = string.Join(',', pairs.Select(p => p.User).Distinct(StringComparer.Ordinal));
        var check = await run.QueryAsync(run.Targets, ["lsuser", "-a", "id", users]).ConfigureAwait(false);
        var missing = false;
        foreach (var node in run.Targets)
        {
            if (check[node] is { Outcome: NodeOutcome.Failed } r)
            {
                run.Fail(node, r.Stderr.TrimEnd(), r.ExitCode);
                missing = true;
            }
            else if (check[node].Outcome != NodeOutcome.Ok && !run.Force)
            {
                missing = true;
            }
        }
        if (missing)
        {
            run.General("cl_chpasswd: the password was not changed on any node.");
            return null;
        }
        var stdin = new StringBuilder();
        foreach (var (user, password) in pairs)
        {
            stdin.Append(user).Append(':').Append(password).Append('\n');
        }
        IReadOnlyList<string> argv = g.Has('c') ? ["chpasswd", "-c"] : ["chpasswd"];
        // Where a node fails, the nodes where the password changed get their stanzas back (issue 17 §1).
        if (!await PasswordRollback.ChangeAsync(run, run.Healthy, pairs.Select(p => p.User).Distinct(StringComparer.Ordinal).ToList(), argv, stdin.ToString()).ConfigureAwait(false))
        {
            run.General("cl_chpasswd: the password was not changed on any node.");
        }
        return null;
    }
}
