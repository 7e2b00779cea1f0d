namespace ClAdmin.Contracts;

/// <summary>
/// The run-time state of the cluster as the cluster manager knows it: what the utilities
/// (clRGinfo, clshowsrv, cldisp, ...) report besides the configuration. The cluster manager
/// implements it; until it exists <see cref="StoppedClusterState"/> answers "services stopped
/// everywhere". An implementation should answer one call of a utility from one consistent view.
/// </summary>
public interface IClusterState
{
    /// <summary>The cluster manager (clstrmgrES) state on a node: ST_INIT when services are stopped.</summary>
    ClusterManagerState ManagerState(string node);

    /// <summary>The state of a resource group's primary instance on one of its nodes.</summary>
    ResourceGroupState GroupState(string group, string node);

    /// <summary>The priority override location of a group (set by an explicit clRGmove -n), or null.</summary>
    string? PriorityOverrideLocation(string group);

    /// <summary>Where a group is moving while an event runs (clRGinfo -a), or null when it is not moving.</summary>
    GroupMove? PendingMove(string group);

    /// <summary>The SRC subsystems of a node that clshowsrv reports (RSCT, HACMP and optional ones), in lssrc order.</summary>
    IReadOnlyList<SubsystemStatus> Subsystems(string node);

    /// <summary>Whether a node's network interface (en0, ...) is up as the cluster manager sees it
    /// (clstat, cldump): by default up while the node's services run.</summary>
    bool InterfaceUp(string node, string device) => StateNames.ServicesActive(ManagerState(node));

    /// <summary>Whether an application monitor of <paramref name="application"/> on <paramref name="node"/> has
    /// found it dead and taken its notify action (clRGinfo -m): by default never.</summary>
    bool MonitorFailed(string application, string node) => false;

    /// <summary>Why a resource group is where it is, in one plain sentence built from the placement rules'
    /// own reasons (clRGinfo -v, cladmin explain rg), or null when no cluster manager can say (real hosts).</summary>
    string? Explanation(string group) => null;

    /// <summary>The time on the cluster's clock, which clstat prints (the simulated clock on the simulator).</summary>
    DateTime Now => DateTime.Now;

    /// <summary>The time zone name date(1) prints on the cluster's nodes (TZ).</summary>
    string TimeZoneName => "UTC";
}

/// <summary>clstrmgrES states, as the line <c>Current state: ST_xxx</c> of <c>lssrc -ls clstrmgrES</c> names them.</summary>
public enum ClusterManagerState
{
    NotConfigured,
    Init,
    Joining,
    Voting,
    RpRunning,
    Barrier,
    CBarrier,
    Unstable,
    Stable,
    RpFailed,
}

/// <summary>The states clRGinfo prints (semantics §3).</summary>
public enum ResourceGroupState
{
    Online,
    Offline,
    Acquiring,
    Releasing,
    Error,
    Unmanaged,
    TemporaryError,
    OnlineSecondary,
    OfflineSecondary,
    OfflineDueToParentOffline,
    OfflineDueToFallover,
    OfflineDueToLackOfNode,
    Unknown,
}

/// <summary>A group's move during an event: from the node that releases it to the node that acquires it.</summary>
public sealed record GroupMove(string From, string To);

/// <summary>One lssrc row: subsystem, group, PID (null when not running) and status.</summary>
public sealed record SubsystemStatus(string Name, string Group, int? Pid)
{
    public bool Active => Pid is not null;
}

/// <summary>The names the products print for the states.</summary>
public static class StateNames
{
    public static string Name(ClusterManagerState state) => state switch
    {
        ClusterManagerState.NotConfigured => "NOT_CONFIGURED",
        ClusterManagerState.Init => "ST_INIT",
        ClusterManagerState.Joining => "ST_JOINING",
        ClusterManagerState.Voting => "ST_VOTING",
        ClusterManagerState.RpRunning => "ST_RP_RUNNING",
        ClusterManagerState.Barrier => "ST_BARRIER",
        ClusterManagerState.CBarrier => "ST_CBARRIER",
        ClusterManagerState.Unstable => "ST_UNSTABLE",
        ClusterManagerState.Stable => "ST_STABLE",
        ClusterManagerState.RpFailed => "ST_RP_FAILED",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    public static string Name(ResourceGroupState state) => state switch
    {
        ResourceGroupState.Online => "ONLINE",
        ResourceGroupState.Offline => "OFFLINE",
        ResourceGroupState.Acquiring => "ACQUIRING",
        ResourceGroupState.Releasing => "RELEASING",
        ResourceGroupState.Error => "ERROR",
        ResourceGroupState.Unmanaged => "UNMANAGED",
        ResourceGroupState.TemporaryError => "TEMPORARY ERROR",
        ResourceGroupState.OnlineSecondary => "ONLINE SECONDARY",
        ResourceGroupState.OfflineSecondary => "OFFLINE SECONDARY",
        ResourceGroupState.OfflineDueToParentOffline => "OFFLINE DUE TO PARENT OFFLINE",
        ResourceGroupState.OfflineDueToFallover => "OFFLINE DUE TO FALLOVER",
        ResourceGroupState.OfflineDueToLackOfNode => "OFFLINE DUE TO LACK OF NODE",
        ResourceGroupState.Unknown => "UNKNOWN",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    /// <summary>True when cluster services run on a node (its manager has left ST_INIT).</summary>
    public static bool ServicesActive(ClusterManagerState state) =>
        state is not (ClusterManagerState.Init or ClusterManagerState.NotConfigured);
}
