namespace ClAdmin.Cluster.Placement;

/// <summary>How a starting node manages resource groups (Start Cluster Services, "Manage Resource Groups").</summary>
public enum ManageMode
{
    /// <summary>The joining node acquires what the policies give it, and takes back its UNMANAGED groups.</summary>
    Automatic,
    /// <summary>The joining node acquires nothing: the user brings groups online (clRGmove -u).</summary>
    Manual,
}

/// <summary>How a node leaves (semantics §6), under its 7.x and 5.x names, plus a failure.</summary>
public enum StopMode
{
    /// <summary>Bring Resource Groups Offline (graceful, clstop -g): released, not taken over.</summary>
    Graceful,
    /// <summary>Move Resource Groups (graceful with takeover, clstop -gr): released, then acquired per fallover policy.</summary>
    Takeover,
    /// <summary>Unmanage Resource Groups (forced, clstop -f): nothing released, groups UNMANAGED, nothing taken over.</summary>
    Forced,
    /// <summary>The node crashed: it releases nothing; survivors acquire per fallover policy.</summary>
    Failure,
}

/// <summary>What clRGmove does to a group: -m move, -u online, -d offline.</summary>
public enum RgMoveAction
{
    Move,
    Online,
    Offline,
}

/// <summary>The event a placement is computed for.</summary>
public abstract record PlacementEvent;

/// <summary>node_up: <paramref name="Node"/> starts cluster services (S1).</summary>
public sealed record NodeUp(string Node, ManageMode Manage = ManageMode.Automatic) : PlacementEvent;

/// <summary>Start Cluster Services on several nodes: they join one after another in the order given.</summary>
public sealed record ServicesStart(IReadOnlyList<string> Nodes, ManageMode Manage = ManageMode.Automatic) : PlacementEvent;

/// <summary>node_down: <paramref name="Node"/> stops services in <paramref name="Mode"/> or fails (S2-S5).</summary>
public sealed record NodeDown(string Node, StopMode Mode) : PlacementEvent;

/// <summary>network_down: <paramref name="Network"/> lost on <paramref name="Node"/>, or on every node when
/// <paramref name="Node"/> is null (network_down -1: nothing moves, S8).</summary>
public sealed record NetworkDown(string? Node, string Network) : PlacementEvent;

/// <summary>network_up: <paramref name="Network"/> back on <paramref name="Node"/>, or on every node when null.</summary>
public sealed record NetworkUp(string? Node, string Network) : PlacementEvent;

/// <summary>A resource of <paramref name="Group"/> failed on <paramref name="Node"/>: an acquisition failure or an
/// application monitor's fallover action (selective fallover; TEMPORARY ERROR, then the next node, R-STATE).</summary>
public sealed record GroupFailure(string Group, string Node) : PlacementEvent;

/// <summary>clRGmove -g <paramref name="Group"/> -m|-u|-d [-n <paramref name="Node"/>]. A move without a node is
/// clRGmove -r: back to the highest-priority available node.</summary>
public sealed record RgMove(string Group, RgMoveAction Action, string? Node = null) : PlacementEvent;

/// <summary>The settling time (R-SU-2) has run out.</summary>
public sealed record SettlingTimeExpired : PlacementEvent;

/// <summary>The delayed fallback timer <paramref name="Timer"/> fires (R-FB-3).</summary>
public sealed record FallbackTimerExpired(string Timer) : PlacementEvent;

/// <summary>A dynamic reconfiguration (DARE, semantics §9.4) made a new configuration active while services
/// run: after reconfig_resource_release, every OFFLINE group is placed by its startup policy on the nodes
/// up now, as reconfig_resource_acquire does for the groups added or changed.</summary>
public sealed record ResourcesReconfigured : PlacementEvent;

/// <summary>No event: the rules applied to the cluster as it is, to explain why each group is where it is
/// (clRGinfo -v, cladmin explain rg). Nothing joins, leaves or fails, so the groups stay where they are.</summary>
public sealed record Reevaluation : PlacementEvent;
