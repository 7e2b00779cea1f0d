using ClAdmin.Cluster;
using ClAdmin.Cluster.Placement;
using ClAdmin.Contracts;

namespace ClAdmin.Sim.Manager;

/// <summary>
/// The event engine's placement: the pure rules of <see cref="RgPlacement"/> (semantics §1–§3, R-SU,
/// R-FO, R-FB, R-PLACE, R-DEP, R-ORDER) over the cluster manager's view of the world. This class
/// only translates: the engine's request into a <see cref="ClusterSnapshot"/> and an event, the
/// plan back into the releases and acquisitions the event scripts carry out.
/// </summary>
public sealed class RulePlacement : IPlacement
{
    public static RulePlacement Instance { get; } = new();

    public IReadOnlyList<GroupAction> Plan(PlacementRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = RgPlacement.Compute(request.Configuration, Snapshot(request), Event(request));
        return [.. result.Actions.Select(a => new GroupAction(a.Group, a.Node, a.Kind == ActionKind.Release ? GroupActionKind.Release : GroupActionKind.Acquire))];
    }

    /// <summary>The view before the event: the available nodes up (a joining node not yet, a leaving node still),
    /// every group where the engine has it.</summary>
    public static ClusterSnapshot Snapshot(PlacementRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var up = request.AvailableNodes.ToHashSet(StringComparer.Ordinal);
        var nodes = request.Configuration.Nodes.ToDictionary(n => n.Name, n =>
            n.Name == request.Node ? (request.Event == "node_down" ? NodeState.Up : new NodeState(NodeStatus.Joining))
            : up.Contains(n.Name) ? NodeState.Up : NodeState.Down, StringComparer.Ordinal);
        var groups = request.Groups.GroupBy(g => g.Group, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => new GroupStatus(g.Where(l => State(l.State) is not GroupState.Offline)
                .ToDictionary(l => l.Node, l => State(l.State), StringComparer.Ordinal)),
            StringComparer.Ordinal);
        return new ClusterSnapshot { Nodes = nodes, Groups = groups };
    }

    private static PlacementEvent Event(PlacementRequest request) => request.Event switch
    {
        "node_up" => new NodeUp(request.Node, request.Mode == "manual" ? ManageMode.Manual : ManageMode.Automatic),
        "node_down" => new NodeDown(request.Node, request.Mode switch
        {
            "offline" => StopMode.Graceful,
            "move" => StopMode.Takeover,
            "unmanage" => StopMode.Forced,
            _ => StopMode.Failure,
        }),
        _ => throw new ArgumentException($"no placement for the event \"{request.Event}\"", nameof(request)),
    };

    private static GroupState State(ResourceGroupState state) => state switch
    {
        ResourceGroupState.Online => GroupState.Online,
        ResourceGroupState.Acquiring => GroupState.Acquiring,
        ResourceGroupState.Releasing => GroupState.Releasing,
        ResourceGroupState.Error => GroupState.Error,
        ResourceGroupState.TemporaryError => GroupState.TemporaryError,
        ResourceGroupState.Unmanaged => GroupState.Unmanaged,
        _ => GroupState.Offline,
    };
}
