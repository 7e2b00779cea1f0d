using ClAdmin.Contracts;
using ClAdmin.Exec.Dispatch;

namespace ClAdmin.Exec.Sync;

/// <summary>
/// <c>clsnapshot -R</c>, the command of "Restore HACMP Configuration Database from Active
/// Configuration" (Problem Determination Tools): <see cref="ClusterSync.RestoreFromActive"/>.
/// Only -R is served here; the other clsnapshot flags are refused with a usage error.
/// </summary>
public sealed class RestoreDcdHandler(ClusterSync sync) : ICommandHandler
{
    public IReadOnlyCollection<string> Names { get; } = ["clsnapshot"];

    public Task<CommandResult> RunAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        cancellationToken.ThrowIfCancellationRequested();
        if (invocation.Arguments is not ["-R"])
        {
            return Task.FromResult(CommandResult.Local(2, "",
                "clsnapshot: only -R (restore the configuration database from the active configuration) is implemented; use clmgr for snapshots.\nUsage: clsnapshot -R\n"));
        }
        var result = sync.RestoreFromActive();
        return Task.FromResult(CommandResult.Local(result.Status == SyncStatus.Ok ? 0 : 1, result.Stdout, result.Stderr));
    }
}
