using System.Globalization;
using ClAdmin.Cluster;
using ClAdmin.Contracts;
using ClAdmin.Exec.Clmgr;
using ClAdmin.Exec.Dispatch;
using ClAdmin.Shell;
using ClAdmin.Store;

namespace ClAdmin.Exec.Snapshots;

/// <summary>
/// <c>clsnapshot</c> (powerha-menus.md §5.5): <c>-c -n NAME -d DESC [-m METHODS]</c> creates,
/// <c>-a -n NAME [-f true|false]</c> applies (the DCD is replaced, then verified and synchronized),
/// <c>-r -n NAME</c> removes, <c>-l [-n NAME]</c> lists or shows one, <c>-R</c> restores the DCD from the
/// active configuration (saving the DCD first as the snapshot Unsync.TIMESTAMP: synchronization's
/// <see cref="Sync.ClusterSync.RestoreFromActive"/>, given as <paramref name="restoreFromActive"/>). Exit
/// code 0, or 1 with the error on standard error (2 for a usage error).
/// </summary>
public sealed class ClsnapshotHandler(SnapshotService snapshots, Func<CommandResult>? restoreFromActive = null) : ICommandHandler
{
    public IReadOnlyCollection<string> Names { get; } = ["clsnapshot"];

    public async Task<CommandResult> RunAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var g = Getopt.Parse(invocation.Arguments, "acCd:ef:ghilm:n:N:o:qrRst");
        var actions = new[] { 'c', 'a', 'r', 'l', 'R' }.Where(g.Has).ToList();
        if (g.BadFlag is { } bad)
        {
            return CommandResult.Local(2, "", $"clsnapshot: {(g.BadFlagNeedsValue ? $"option -{bad} needs a value" : $"unknown option -{bad}")}\n{SnapshotText.Usage}");
        }
        if (actions.Count != 1 || g.Operands.Count > 0)
        {
            return CommandResult.Local(2, "", SnapshotText.Usage);
        }
        try
        {
            switch (actions[0])
            {
                case 'c':
                    return Ok(snapshots.Create(SnapshotService.RequireName(g.Value('n')), g.Value('d') ?? ""));
                case 'r':
                    return Ok(snapshots.Remove(SnapshotService.RequireName(g.Value('n'))));
                case 'l':
                    return Ok(List(g.Value('n')));
                case 'R':
                    return restoreFromActive?.Invoke()
                        ?? CommandResult.Local(1, "", "clsnapshot: ERROR: the configuration database cannot be restored from here (no synchronization).\n");
                default:
                    var force = g.Value('f') switch
                    {
                        null or "false" or "no" => false,
                        "true" or "yes" => true,
                        var f => throw new ClmgrException(ClmgrRc.IncorrectInput, $"-f takes true or false, not \"{QuotedText.Escape(f)}\"."),
                    };
                    var applied = await snapshots.ApplyAsync(SnapshotService.RequireName(g.Value('n')), force, cancellationToken).ConfigureAwait(false);
                    return applied with { ExitCode = applied.ExitCode == 0 ? 0 : 1 };
            }
        }
        catch (ClmgrException e)
        {
            return CommandResult.Local(e.ReturnCode is ClmgrRc.MissingInput ? 2 : 1, "", $"clsnapshot: ERROR: {e.Message}\n");
        }
        catch (StoreException e)
        {
            return CommandResult.Local(1, "", $"clsnapshot: ERROR: {e.Message}\n");
        }
    }

    private static CommandResult Ok(string stdout) => CommandResult.Local(0, stdout);

    /// <summary>-l: the snapshots' names; with -n, one snapshot's description and files.</summary>
    private string List(string? name)
    {
        if (name is null)
        {
            return string.Concat(snapshots.List().Select(s => s.Name + "\n"));
        }
        snapshots.MustExist(SnapshotService.RequireName(name));
        var s = snapshots.List().First(x => x.Name == name);
        return string.Format(CultureInfo.InvariantCulture, "{0}\n        Description: {1}\n        Files: {2} {3}\n", s.Name, QuotedText.Escape(s.Description, quotes: false), s.OdmFile, s.InfoFile);
    }
}
