namespace ClAdmin.Contracts;

/// <summary>
/// Dynamic reconfiguration (DARE, semantics §9.4): a synchronization while cluster services run
/// applies the change to the running cluster, in the reference's order: the resources removed or
/// changed are released under the configuration that was active, the new configuration is made
/// active, then the resources added or changed are acquired under it (events
/// reconfig_resource_release, reconfig_resource_acquire, reconfig_resource_complete). The simulated
/// cluster manager implements it; the synchronization (Exec) decides what changed and when.
/// </summary>
public interface IDynamicReconfiguration
{
    /// <summary>True when cluster services run on some node: a synchronization is then a DARE.</summary>
    bool ServicesActive();

    /// <summary>reconfig_resource_release: the groups of <see cref="DareRequest.Release"/> released wherever
    /// they are online, under the active configuration (still the old one). Exit 1 when the event failed.</summary>
    Task<CommandResult> ReleaseAsync(DareRequest request, CancellationToken cancellationToken);

    /// <summary>reconfig_resource_acquire and reconfig_resource_complete under the new active configuration:
    /// the groups added or changed (and any other group the policies now bring online) acquired. Exit 1 when an event failed.</summary>
    Task<CommandResult> AcquireAsync(DareRequest request, CancellationToken cancellationToken);
}

/// <summary>What a DARE changes: <paramref name="Release"/> the groups removed or changed, <paramref name="Acquire"/>
/// the groups added or changed; <paramref name="Node"/> the node the synchronization runs from.</summary>
public sealed record DareRequest(string Node, IReadOnlyList<string> Release, IReadOnlyList<string> Acquire)
{
    /// <summary>The topology changes, each "add|remove|change CLASS NAME" (node, network, interface, network_module):
    /// when there are any, the topology is reconfigured between the release and the acquire
    /// (reconfig_topology_start, reconfig_topology_complete).</summary>
    public IReadOnlyList<string> Topology { get; init; } = [];
}
