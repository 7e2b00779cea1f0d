using ClAdmin.Cluster;
using ClAdmin.Contracts;

namespace ClAdmin.Sim.Manager;

/// <summary>
/// The seam between the event engine and the placement rules (semantics §1–§2, R-SU, R-FO, R-FB,
/// R-PLACE, R-DEP, R-ORDER): given the active configuration, the cluster's state and the event
/// being processed, which groups are released and acquired where, in the order to do it, and what
/// the cluster manager keeps from the decision (priority override locations, offline reasons,
/// timers to run). The engine only carries the actions out (through the AIX commands of the event scripts).
/// </summary>
public interface IPlacement
{
    /// <summary>The plan for <paramref name="request"/>: releases before acquisitions, parents before
    /// children as the rules order them; no actions when nothing moves, refusals when a user request is refused.</summary>
    PlacementPlan Plan(PlacementRequest request);
}

/// <summary>What a placement decision looks at.</summary>
/// <param name="Configuration">The active configuration (ACD).</param>
/// <param name="AvailableNodes">Nodes whose cluster services will run after the event (a joining node
/// included, a leaving or failed node excluded), in the configuration's node order.</param>
/// <param name="Groups">Where each group is: every (group, node) pair not OFFLINE.</param>
/// <param name="Event">The event: <c>node_up</c>, <c>node_down</c>, <c>network_down</c>, <c>network_up</c>,
/// <c>group_failure</c>, <c>rg_move</c> (a user request), <c>settling_time</c>, <c>fallback_timer</c>, <c>reconfigured</c> (DARE).</param>
/// <param name="Node">The node the event is about (<c>-1</c> for a network event on every node).</param>
/// <param name="Mode">node_down: <c>offline</c>, <c>move</c>, <c>unmanage</c> or <c>failure</c>; node_up: <c>auto</c>
/// or <c>manual</c>; rg_move: <c>move</c>, <c>online</c> or <c>offline</c>.</param>
public sealed record PlacementRequest(
    ClusterConfiguration Configuration,
    IReadOnlyList<string> AvailableNodes,
    IReadOnlyList<GroupLocation> Groups,
    string Event,
    string Node,
    string Mode)
{
    /// <summary>network_down/up: the network; rg_move: the destination node (empty: the highest-priority node);
    /// fallback_timer: the timer's name.</summary>
    public string Target { get; init; } = "";

    /// <summary>rg_move and group_failure: the group.</summary>
    public string Group { get; init; } = "";

    /// <summary>The networks each node has lost before the event (detected network_down).</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> DownNetworks { get; init; } = new Dictionary<string, IReadOnlySet<string>>();

    /// <summary>Priority override locations by group before the event.</summary>
    public IReadOnlyDictionary<string, string> PriorityOverride { get; init; } = new Dictionary<string, string>();

    /// <summary>Offline reasons by group before the event (names of the placement's reasons).</summary>
    public IReadOnlyDictionary<string, string> OfflineReasons { get; init; } = new Dictionary<string, string>();

    /// <summary>True while the settling time runs.</summary>
    public bool SettlingTimerRunning { get; init; }

    /// <summary>The simulated time of the event.</summary>
    public DateTime Now { get; init; }
}

/// <summary>A placement decision as the engine uses it.</summary>
/// <param name="Actions">The releases and acquisitions, in order.</param>
public sealed record PlacementPlan(IReadOnlyList<GroupAction> Actions)
{
    /// <summary>Priority override locations by group after the event.</summary>
    public IReadOnlyDictionary<string, string> PriorityOverride { get; init; } = new Dictionary<string, string>();

    /// <summary>Offline reasons by group after the event (groups offline for a reason).</summary>
    public IReadOnlyDictionary<string, string> OfflineReasons { get; init; } = new Dictionary<string, string>();

    /// <summary>True when the settling timer must run (R-SU-2).</summary>
    public bool SettlingTimerRunning { get; init; }

    /// <summary>Delayed fallback timers groups wait for (R-FB-3).</summary>
    public IReadOnlyList<string> AwaitingFallbackTimers { get; init; } = [];

    /// <summary>Why a user request is refused; empty when accepted.</summary>
    public IReadOnlyList<string> Refusals { get; init; } = [];
}

/// <summary>A group's state on one node.</summary>
public sealed record GroupLocation(string Group, string Node, ResourceGroupState State);

/// <summary>Release or acquire a group on a node.</summary>
public enum GroupActionKind
{
    Release,
    Acquire,
}

/// <summary>One step of a placement decision.</summary>
public sealed record GroupAction(string Group, string Node, GroupActionKind Kind);
