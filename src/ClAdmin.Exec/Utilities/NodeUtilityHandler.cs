using ClAdmin.Contracts;
using ClAdmin.Exec.Dispatch;
using ClAdmin.Exec.FanOut;

namespace ClAdmin.Exec.Utilities;

/// <summary>
/// A state-reporting utility on real hosts (--transport ssh or local): the cluster state lives in
/// the nodes' cluster managers, not in ClAdmin, so the query runs on the cluster node itself with
/// PowerHA's own command (<c>/usr/es/sbin/cluster/utilities/NAME</c>) and its output comes back as
/// it is. When <paramref name="forward"/> says a line needs no state (cltopinfo without -m), the
/// local handler answers from the configuration.
/// </summary>
public sealed class NodeUtilityHandler(string name, FanOutEngine engine, ICommandHandler? local = null, Func<IReadOnlyList<string>, bool>? forward = null) : ICommandHandler
{
    /// <summary>Where PowerHA installs its utilities on a node.</summary>
    public const string UtilitiesDirectory = "/usr/es/sbin/cluster/utilities";

    public IReadOnlyCollection<string> Names { get; } = [name];

    public async Task<CommandResult> RunAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        if (local is not null && forward is not null && !forward(invocation.Arguments))
        {
            return await local.RunAsync(invocation, cancellationToken).ConfigureAwait(false);
        }
        IReadOnlyList<string> nodes = invocation.Nodes ?? [invocation.LocalNode];
        var argv = new List<string> { $"{UtilitiesDirectory}/{name}" };
        argv.AddRange(invocation.Arguments);
        var result = await engine.RunAsync(nodes, NodeOperation.Same(argv, invocation.StandardInput), new FanOutOptions(), invocation.OnNodeResult, cancellationToken)
            .ConfigureAwait(false);
        return Dispatcher.ToCommandResult(result);
    }
}
