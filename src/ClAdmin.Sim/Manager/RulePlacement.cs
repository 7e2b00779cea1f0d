using ClAdmin.Cluster;
using ClAdmin.Cluster.Placement;
using ClAdmin.Contracts;

namespace ClAdmin.Sim.Manager;

/// <summary>
/// The event engine's placement: the pure rules of <see cref="RgPlacement"/> (semantics §1–§3, R-SU,
/// R-FO, R-FB, R-PLACE, R-DEP, R-ORDER) over the cluster manager's view of the world. This class
/// only translates: the engine's request into a <see cref="ClusterSnapshot"/> and an event, the
/// result back into the releases and acquisitions the event scripts carry out, with the priority
/// override locations, offline reasons, timers and refusals the cluster manager keeps or reports.
/// </summary>
public sealed class RulePlacement : IPlacement
{
    public static RulePlacement Instance { get; } = new();

    public PlacementPlan Plan(PlacementRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = RgPlacement.Compute(request.Configuration, Snapshot(request), Event(request));
        if (result.Refusals.Count > 0)
        {
            return new PlacementPlan([]) { Refusals = [.. result.Refusals.Select(r => r.Message)] };
        }
        return new PlacementPlan([.. result.Actions.Select(a => new GroupAction(a.Group, a.Node, a.Kind == ActionKind.Release ? GroupActionKind.Release : GroupActionKind.Acquire))])
        {
            PriorityOverride = result.Groups.Where(g => g.PriorityOverrideLocation is not null)
                .ToDictionary(g => g.Group, g => g.PriorityOverrideLocation!, StringComparer.Ordinal),
            OfflineReasons = result.Groups.Where(g => g.Nodes.Count == 0 && g.Reason != OfflineReason.None)
                .ToDictionary(g => g.Group, g => g.Reason.ToString(), StringComparer.Ordinal),
            SettlingTimerRunning = result.SettlingTimerRunning,
            AwaitingFallbackTimers = [.. result.AwaitingFallbackTimer.Select(t => t.Timer).Distinct(StringComparer.Ordinal)],
        };
    }

    /// <summary>The view before the event: the available nodes up (a joining node not yet, a leaving node still),
    /// with the networks they lost, every group where the engine has it, with its reason and override location.</summary>
    public static ClusterSnapshot Snapshot(PlacementRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var up = request.AvailableNodes.ToHashSet(StringComparer.Ordinal);
        var nodes = request.Configuration.Nodes.ToDictionary(n => n.Name, n =>
        {
            var status = n.Name == request.Node && request.Event == "node_down" ? NodeStatus.Up
                : n.Name == request.Node && request.Event == "node_up" ? NodeStatus.Joining
                : up.Contains(n.Name) ? NodeStatus.Up : NodeStatus.Down;
            return new NodeState(status, request.DownNetworks.TryGetValue(n.Name, out var down) ? down : null);
        }, StringComparer.Ordinal);
        var located = request.Groups.ToLookup(g => g.Group, StringComparer.Ordinal);
        var groups = request.Configuration.ResourceGroups.ToDictionary(
            g => g.Name,
            g => new GroupStatus(
                located[g.Name].Where(l => State(l.State) is not GroupState.Offline).ToDictionary(l => l.Node, l => State(l.State), StringComparer.Ordinal),
                request.OfflineReasons.TryGetValue(g.Name, out var reason) && Enum.TryParse<OfflineReason>(reason, out var r) ? r : OfflineReason.None,
                request.PriorityOverride.GetValueOrDefault(g.Name)),
            StringComparer.Ordinal);
        return new ClusterSnapshot { Nodes = nodes, Groups = groups, SettlingTimerRunning = request.SettlingTimerRunning, Now = request.Now };
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
        "network_down" => new NetworkDown(request.Node == "-1" ? null : request.Node, request.Target),
        "network_up" => new NetworkUp(request.Node == "-1" ? null : request.Node, request.Target),
        "group_failure" => new GroupFailure(request.Group, request.Node),
        "rg_move" => new RgMove(request.Group, request.Mode switch
        {
            "online" => RgMoveAction.Online,
            "offline" => RgMoveAction.Offline,
            _ => RgMoveAction.Move,
        }, request.Target.Length == 0 ? null : request.Target),
        "settling_time" => new SettlingTimeExpired(),
        "fallback_timer" => new FallbackTimerExpired(request.Target),
        "reconfigured" => new ResourcesReconfigured(),
        "reevaluation" => new Reevaluation(),
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
