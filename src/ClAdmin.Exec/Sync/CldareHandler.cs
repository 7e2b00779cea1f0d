using ClAdmin.Contracts;
using ClAdmin.Exec.Dispatch;
using ClAdmin.Exec.Verification;
using ClAdmin.Shell;

namespace ClAdmin.Exec.Sync;

/// <summary>
/// <c>cldare -rt [-V normal|changes] [-C no|yes|interactive] [-f] [-m both|verify|sync] [-c yes|no]
/// [-l standard|verbose]</c>: the command of the extended "HACMP Verification and Synchronization"
/// dialog (powerha-menus.md §4.16), run by <see cref="ClusterSync"/> as <c>clmgr sync cluster</c> is.
/// -r and -t (resources, topology) are both synchronized whichever is given; -V, -c and -l are
/// accepted (every check runs, at one logging level). Exit 0, 1 when verification or the
/// synchronization failed, 2 for a usage error.
/// </summary>
public sealed class CldareHandler(ClusterSync sync) : ICommandHandler
{
    public const string Usage = "cldare -rt [-V normal|changes] [-C no|yes|interactive] [-f] [-m both|verify|sync] [-c yes|no] [-l standard|verbose]";

    public IReadOnlyCollection<string> Names { get; } = ["cldare"];

    public async Task<CommandResult> RunAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var g = Getopt.Parse(invocation.Arguments, "rtV:C:fm:c:l:");
        if (g.BadFlag is { } bad)
        {
            return Fail(g.BadFlagNeedsValue ? $"cldare: the -{bad} flag needs a value." : $"cldare: Not a recognized flag: {bad}");
        }
        if (g.Operands.Count > 0)
        {
            return Fail($"cldare: unexpected argument \"{g.Operands[0]}\".");
        }
        if (!g.Has('r') && !g.Has('t'))
        {
            return Fail("cldare: -r (resources) or -t (topology) is required.");
        }
        string? Choice(char flag, params string[] valid)
        {
            var v = g.Value(flag);
            return v is null ? valid[0] : valid.FirstOrDefault(x => x.Equals(v, StringComparison.OrdinalIgnoreCase));
        }
        var mode = Choice('m', "both", "verify", "sync");
        var correct = Choice('C', "no", "yes", "interactive");
        foreach (var (flag, value, valid) in new[]
        {
            ('m', mode, "both, verify, sync"),
            ('C', correct, "no, yes, interactive"),
            ('V', Choice('V', "normal", "changes"), "normal, changes"),
            ('c', Choice('c', "yes", "no"), "yes, no"),
            ('l', Choice('l', "standard", "verbose"), "standard, verbose"),
        })
        {
            if (value is null)
            {
                return Fail($"cldare: \"{g.Value(flag)}\" is not a valid value for -{flag}; use one of {valid}.");
            }
        }
        var result = await sync.RunAsync(new SyncRequest
        {
            Mode = mode switch { "verify" => SyncMode.Verify, "sync" => SyncMode.Synchronize, _ => SyncMode.Both },
            AutoCorrect = correct switch { "yes" => AutoCorrect.Yes, "interactive" => AutoCorrect.Interactively, _ => AutoCorrect.No },
            Force = g.Has('f'),
            OnNodeResult = invocation.OnNodeResult,
            Prompt = invocation.Prompt,
        }, cancellationToken).ConfigureAwait(false);
        return CommandResult.Local(result.Status == SyncStatus.Ok ? 0 : 1, result.Stdout, result.Stderr);
    }

    private static CommandResult Fail(string message) => CommandResult.Local(2, "", message + "\nUsage: " + Usage + "\n");
}
