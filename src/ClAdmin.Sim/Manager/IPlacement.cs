using ClAdmin.Cluster;
using ClAdmin.Contracts;

namespace ClAdmin.Sim.Manager;

/// <summary>
/// The seam between the event engine and the placement rules (semantics §1–§2, R-SU, R-FO, R-FB,
/// R-PLACE, R-DEP, R-ORDER): given the active configuration, the cluster's state and the event
/// being processed, which groups are released and acquired where, in the order to do it. The
/// engine only carries the actions out (through the AIX commands of the event scripts).
/// </summary>
public interface IPlacement
{
    /// <summary>The ordered actions for <paramref name="request"/>: releases before acquisitions,
    /// parents before children as the rules order them. Empty when nothing moves.</summary>
    IReadOnlyList<GroupAction> Plan(PlacementRequest request);
}

/// <summary>What a placement decision looks at.</summary>
/// <param name="Configuration">The active configuration (ACD).</param>
/// <param name="AvailableNodes">Nodes whose cluster services will run after the event (a joining node
/// included, a leaving or failed node excluded), in the configuration's node order.</param>
/// <param name="Groups">Where each group is: every (group, node) pair not OFFLINE.</param>
/// <param name="Event">The event: <c>node_up</c> (a node joins), <c>node_down</c>, ...</param>
/// <param name="Node">The node the event is about.</param>
/// <param name="Mode">node_down: <c>offline</c>, <c>move</c> or <c>failure</c>; node_up: <c>auto</c>.</param>
public sealed record PlacementRequest(
    ClusterConfiguration Configuration,
    IReadOnlyList<string> AvailableNodes,
    IReadOnlyList<GroupLocation> Groups,
    string Event,
    string Node,
    string Mode);

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
