namespace ClAdmin.Sim.Model;

/// <summary>
/// What the simulated cluster managers (clstrmgrES on each node) hold between commands: the
/// event mode, the events waiting to run, where each resource group is and in which state, the
/// nodes stopped with Unmanage, and the event that failed.
/// Each node's own manager state is <see cref="SimNode.ClusterManagerState"/>.
/// </summary>
public sealed class ClusterRuntime
{
    /// <summary>auto: a cluster command runs its events to a stable cluster before it returns;
    /// step: events wait for `cladmin sim step|settle|clock advance`.</summary>
    public string Mode { get; set; } = "auto";

    /// <summary>Cluster events waiting to run, first first.</summary>
    public List<QueuedEvent> Queue { get; init; } = [];

    /// <summary>Resource group states by group and node (a pair not listed is OFFLINE).</summary>
    public List<RgStatus> Groups { get; init; } = [];

    /// <summary>Nodes whose services were stopped with Unmanage (forced): their groups are UNMANAGED.</summary>
    public List<string> ForcedDown { get; init; } = [];

    /// <summary>The event line that failed ("node_up node1"), empty when none: the manager waits in ST_RP_FAILED.</summary>
    public string FailedEvent { get; set; } = "";

    /// <summary>The node where <see cref="FailedEvent"/> failed.</summary>
    public string FailedNode { get; set; } = "";

    /// <summary>When the failed event started (config_too_long counts from here).</summary>
    public DateTime FailedSince { get; set; }

    /// <summary>config_too_long warnings written for the failed event so far.</summary>
    public int Warnings { get; set; }

    /// <summary>The TE name of the last event run (lssrc -ls clstrmgrES "Last event run was ...").</summary>
    public string LastEvent { get; set; } = "";

    /// <summary>The node number of the node that event was about.</summary>
    public int LastEventNode { get; set; }

    /// <summary>Priority override locations by group (R-1.6: set by clRGmove -n, the node a fallback returns the group to).</summary>
    public SortedDictionary<string, string> PriorityOverride { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Why an OFFLINE group is offline, by group (the placement's reason names: UserRequested, LackOfNode, ...).</summary>
    public SortedDictionary<string, string> OfflineReasons { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The failures the cluster managers have detected (R-DETECT): <c>node:N</c>,
    /// <c>interface:N:enX</c>, <c>network:N:NET</c>, <c>network:-1:NET</c>.</summary>
    public List<string> Detected { get; init; } = [];

    /// <summary>Timers running on the simulated clock: <c>settling</c> (R-SU-2), <c>fallback:TIMER</c> (R-FB-3),
    /// <c>detect:FACT</c> (R-DETECT) and <c>check:NODE:MONITOR</c> (a custom monitor's next check, §10), by due time.</summary>
    public SortedDictionary<string, DateTime> Timers { get; init; } = new(StringComparer.Ordinal);

    /// <summary>What each application monitor's instance on a node counts (§10): its restarts, the last one, its state.</summary>
    public List<MonitorRun> Monitors { get; init; } = [];
}

/// <summary>An application monitor on the node holding its application (§10, S9).</summary>
public sealed class MonitorRun
{
    public string Node { get; set; } = "";

    public string Monitor { get; set; } = "";

    /// <summary>Restarts made since the restart counter was last reset.</summary>
    public int Restarts { get; set; }

    /// <summary>When the last restart ran (the stabilization interval and the restart interval count from here).</summary>
    public DateTime LastRestart { get; set; }

    /// <summary>"monitored", or "failed" after a notify action until the application runs again.</summary>
    public string State { get; set; } = "monitored";

    /// <summary>A custom monitor: when its monitor method last ran on the node.</summary>
    public DateTime LastCheck { get; set; }

    /// <summary>A custom monitor: its monitor method exited non-zero at the last check (cleared by a restart).</summary>
    public bool CheckFailed { get; set; }

    /// <summary>A startup monitor: the application did not come up on the node the last time its group was acquired there.</summary>
    public bool StartFailed { get; set; }
}

/// <summary>A cluster event waiting to run: its name and arguments as hacmp.out prints them, and how it was asked for.</summary>
public sealed class QueuedEvent
{
    public string Name { get; set; } = "";

    public List<string> Args { get; init; } = [];

    /// <summary>node_up: auto or manual (Manage Resource Groups); node_down: offline, move, unmanage or failure;
    /// external_resource_state_change: move, online or offline.</summary>
    public string Mode { get; set; } = "";

    /// <summary>A user request's group (external_resource_state_change).</summary>
    public string Group { get; set; } = "";

    /// <summary>A user request's node, a network event's network, a timer's name.</summary>
    public string Target { get; set; } = "";

    /// <summary>rg_move_release / rg_move_acquire: the placement's steps, <c>release|acquire:GROUP:NODE</c>.</summary>
    public List<string> Plan { get; init; } = [];
}

/// <summary>One resource group on one node: its state as clRGinfo prints it (ONLINE, UNMANAGED, ERROR, ...).</summary>
public sealed class RgStatus
{
    public string Group { get; set; } = "";

    public string Node { get; set; } = "";

    public string State { get; set; } = "OFFLINE";
}
