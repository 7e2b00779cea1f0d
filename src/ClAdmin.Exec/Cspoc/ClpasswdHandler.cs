using ClAdmin.Contracts;
using ClAdmin.Exec.Dispatch;
using ClAdmin.Exec.FanOut;
using ClAdmin.Exec.Nodes;
using ClAdmin.Shell;

namespace ClAdmin.Exec.Cspoc;

/// <summary>
/// clpasswd, "Change Current Users Password" (powerha-menus.md 4.12): a user changes his own
/// password on the cluster nodes (<c>clpasswd [-g ResourceGroup] [User]</c>; no group: every
/// cluster node). It reads the password as passwd does when its input is not a terminal: it prints
/// passwd's prompts and takes the new password, then the same again, from standard input, one a
/// line. The password goes to each node's <c>chpasswd -c</c> on its standard input (a change by the
/// user himself: no change is forced at the next login), never on a command line or in a log. The
/// user must exist on every target node and every node must answer, checked before any password
/// changes; when the change fails on a node, the nodes where it succeeded get their earlier password
/// back (<see cref="PasswordRollback"/>). The lists behind "Manage List of Users Allowed to Change
/// Password" and "Modify System Password Utility" (<c>-c -q</c>, <c>-u</c>, <c>-m</c>) are not simulated: those forms say so.
/// </summary>
public sealed class ClpasswdHandler(FanOutEngine engine, IClusterNodes clusterNodes, IResourceGroupResolver? groups) : ICommandHandler
{
    private const string UsageText = "Usage: clpasswd [-g ResourceGroup] [User]  (the new password twice on standard input)";

    private readonly Change _change = new(engine, clusterNodes);

    public IReadOnlyCollection<string> Names { get; } = ["clpasswd"];

    public Task<CommandResult> RunAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var g = Getopt.Parse(invocation.Arguments, "g:u:m:cq");
        if (g.BadFlag is { } bad)
        {
            return Task.FromResult(CspocRun.Usage($"clpasswd: Not a recognized flag: {bad}\n{UsageText}"));
        }
        if (g.Has('u') || g.Has('m') || g.Has('c') || g.Has('q'))
        {
            return Task.FromResult(CommandResult.Local(1, "", "clpasswd: the list of users allowed to change their password and the system password utility (-c, -q, -u, -m) are not simulated by cladmin; nothing was changed.\n"));
        }
        if (g.Operands.Count > 1)
        {
            return Task.FromResult(CspocRun.Usage(UsageText));
        }
        var user = g.Operands.Count == 1 ? g.Operands[0] : Environment.UserName;
        if (user.Length == 0 || user.Contains(':', StringComparison.Ordinal) || user.StartsWith('-'))
        {
            return Task.FromResult(CspocRun.Usage($"clpasswd: \"{user}\" is not a valid user name.\n{UsageText}"));
        }
        var cspoc = invocation.Cspoc;
        if (g.Value('g') is { Length: > 0 } group)
        {
            try
            {
                cspoc = CspocOptions.Parse($"-g {group}", groups);
            }
            catch (FormatException e)
            {
                return Task.FromResult(CspocRun.Usage($"clpasswd: {e.Message}"));
            }
        }
        // passwd's prompts, then its answers read from standard input, one a line.
        var answers = invocation.StandardInput.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var prompts = $"Changing password for \"{user}\"\n{user}'s New password: \n";
        if (answers[0].Length == 0)
        {
            return Task.FromResult(CommandResult.Local(1, prompts,
                $"clpasswd: no new password on standard input; the password of \"{user}\" was not changed.\n{UsageText}\n"));
        }
        prompts += "Enter the new password again: \n";
        if (answers.Length < 2 || answers[1] != answers[0])
        {
            return Task.FromResult(CommandResult.Local(1, prompts,
                $"clpasswd: the two passwords entered do not match; the password of \"{user}\" was not changed.\n"));
        }
        return ChangeAsync(invocation with { Arguments = [user], Cspoc = cspoc, StandardInput = answers[0] }, prompts, cancellationToken);
    }

    private async Task<CommandResult> ChangeAsync(CommandInvocation invocation, string prompts, CancellationToken cancellationToken)
    {
        var result = await _change.RunAsync(invocation, cancellationToken).ConfigureAwait(false);
        return result with { Stdout = prompts + result.Stdout };
    }

    /// <summary>The change on the target nodes, once the options are read.</summary>
    private sealed class Change(FanOutEngine engine, IClusterNodes clusterNodes) : CspocHandler(engine, clusterNodes)
    {
        public override IReadOnlyCollection<string> Names { get; } = ["clpasswd"];

        internal override async Task<CommandResult?> PlanAsync(CspocRun run, CommandInvocation invocation)
        {
            var user = invocation.Arguments[0];
            var check = await run.QueryAsync(run.Targets, ["lsuser", "-a", "id", user]).ConfigureAwait(false);
            var stop = false;
            foreach (var node in run.Targets)
            {
                if (check[node] is { Outcome: NodeOutcome.Failed } r)
                {
                    run.Fail(node, r.Stderr.TrimEnd(), r.ExitCode);
                    stop = true;
                }
                else if (check[node].Outcome != NodeOutcome.Ok)
                {
                    stop = true;
                }
            }
            if (stop)
            {
                run.General($"clpasswd: the password of \"{user}\" was not changed on any node.");
                return null;
            }
            // Where a node fails, the nodes where the password changed get their stanzas back (issue 17 §1).
            if (!await PasswordRollback.ChangeAsync(run, run.Healthy, [user], ["chpasswd", "-c"], $"{user}:{invocation.StandardInput}\n").ConfigureAwait(false))
            {
                run.General($"clpasswd: the password of \"{user}\" was not changed on any node.");
            }
            return null;
        }
    }
}
