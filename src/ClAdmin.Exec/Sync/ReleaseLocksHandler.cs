using ClAdmin.Contracts;
using ClAdmin.Exec.Dispatch;

namespace ClAdmin.Exec.Sync;

/// <summary>
/// <c>clrelease_locks</c>: the command of Problem Determination Tools > "Release Locks Set By Dynamic
/// Reconfiguration" (menus/problem.json cm_release_locks): removes the lock a failed DARE left on every
/// cluster node (<see cref="ClusterSync.ReleaseLocksAsync"/>). Exit 0, 1 when a node failed, 2 for an argument.
/// </summary>
public sealed class ReleaseLocksHandler(ClusterSync sync) : ICommandHandler
{
    public IReadOnlyCollection<string> Names { get; } = ["clrelease_locks"];

    public async Task<CommandResult> RunAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        if (invocation.Arguments.Count > 0)
        {
            return CommandResult.Local(2, "", $"clrelease_locks: unexpected argument \"{invocation.Arguments[0]}\".\nUsage: clrelease_locks\n");
        }
        var result = await sync.ReleaseLocksAsync(cancellationToken).ConfigureAwait(false);
        return CommandResult.Local(result.Status == SyncStatus.Ok ? 0 : 1, result.Stdout, result.Stderr);
    }
}
