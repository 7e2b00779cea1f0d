namespace ClAdmin.Cluster.Placement;

/// <summary>Whether cluster services run on a node, as the cluster manager sees it.</summary>
public enum NodeStatus
{
    /// <summary>Services stopped (ST_INIT) or the node failed.</summary>
    Down,
    /// <summary>Services starting (ST_JOINING): not yet a host until its node_up runs.</summary>
    Joining,
    /// <summary>Services running (ST_STABLE or processing an event).</summary>
    Up,
}

/// <summary>A node's state: its services and the networks it has lost (a local network_down).</summary>
public sealed record NodeState(NodeStatus Status, IReadOnlySet<string>? DownNetworks = null)
{
    /// <summary>The networks on which this node cannot communicate.</summary>
    public IReadOnlySet<string> DownNetworks { get; init; } = DownNetworks ?? new HashSet<string>(StringComparer.Ordinal);

    /// <summary>A node with services running and every network up.</summary>
    public static NodeState Up { get; } = new(NodeStatus.Up);

    /// <summary>A node with services stopped.</summary>
    public static NodeState Down { get; } = new(NodeStatus.Down);
}

/// <summary>The state of a resource group's primary instance on a node (semantics §3, R-STATE).</summary>
public enum GroupState
{
    Offline,
    Online,
    Acquiring,
    Releasing,
    Error,
    TemporaryError,
    Unmanaged,
}

/// <summary>Why a resource group is OFFLINE (semantics §3). <see cref="OfflineReasons"/> holds the texts clRGinfo prints.</summary>
public enum OfflineReason
{
    /// <summary>Plain OFFLINE: never started, stopped, or its startup policy waits for a node.</summary>
    None,
    /// <summary>Taken offline by the user (clRGmove -d): stays offline until brought online by the user.</summary>
    UserRequested,
    /// <summary>OFFLINE DUE TO PARENT OFFLINE (R-DEP-PC).</summary>
    ParentOffline,
    /// <summary>OFFLINE DUE TO TARGET OFFLINE (R-DEP-SA).</summary>
    TargetOffline,
    /// <summary>OFFLINE DUE TO FALLOVER: Bring Offline after an error on its node (R-FO-3).</summary>
    Fallover,
    /// <summary>OFFLINE DUE TO LACK OF NODE: no node can host it (R-FO-1).</summary>
    LackOfNode,
    /// <summary>OFFLINE DUE TO HIGHER PRIORITY: displaced by a higher-priority Online On Different Nodes group (R-DEP-LOC).</summary>
    HigherPriority,
}

/// <summary>The texts of the OFFLINE reasons, as data (semantics §3: the first three [DOC], the rest [UNVERIFIED]).</summary>
public static class OfflineReasons
{
    private static readonly (OfflineReason Reason, string Text)[] Texts =
    [
        (OfflineReason.None, "OFFLINE"),
        (OfflineReason.UserRequested, "OFFLINE"),
        (OfflineReason.ParentOffline, "OFFLINE DUE TO PARENT OFFLINE"),
        (OfflineReason.Fallover, "OFFLINE DUE TO FALLOVER"),
        (OfflineReason.LackOfNode, "OFFLINE DUE TO LACK OF NODE"),
        (OfflineReason.TargetOffline, "OFFLINE DUE TO TARGET OFFLINE"),
        (OfflineReason.HigherPriority, "OFFLINE DUE TO HIGHER PRIORITY"),
    ];

    /// <summary>What clRGinfo prints for a group offline for <paramref name="reason"/>.</summary>
    public static string Text(OfflineReason reason) => Texts.Single(t => t.Reason == reason).Text;
}

/// <summary>A resource group's run-time state: its state on each node where it is not OFFLINE, why it is
/// offline, and its priority override location (R-1.6, set by clRGmove -n).</summary>
public sealed record GroupStatus(IReadOnlyDictionary<string, GroupState> Nodes, OfflineReason Reason = OfflineReason.None, string? PriorityOverrideLocation = null)
{
    /// <summary>Offline everywhere, for <paramref name="reason"/>.</summary>
    public static GroupStatus Offline(OfflineReason reason = OfflineReason.None) => new(new Dictionary<string, GroupState>(), reason);

    /// <summary>In <paramref name="state"/> (ONLINE unless told) on each of <paramref name="nodes"/>.</summary>
    public static GroupStatus On(GroupState state, params string[] nodes) =>
        new(nodes.ToDictionary(n => n, _ => state, StringComparer.Ordinal));

    /// <summary>ONLINE on each of <paramref name="nodes"/> (one for a non-concurrent group).</summary>
    public static GroupStatus OnlineOn(params string[] nodes) => On(GroupState.Online, nodes);

    /// <summary>The state on one node (OFFLINE where none is recorded).</summary>
    public GroupState On(string node) => Nodes.TryGetValue(node, out var s) ? s : GroupState.Offline;
}

/// <summary>A node's dynamic node priority figures from the last RMC snapshot (R-FO-2: polled every 3 minutes;
/// fallover uses the last values collected, not the live ones).</summary>
/// <param name="IdleCpu">IBM.Host PctTotalTimeIdle (cl_highest_idle_cpu).</param>
/// <param name="FreeMemory">IBM.Host PgSpFree (cl_highest_free_mem).</param>
/// <param name="DiskBusy">IBM.PhysicalVolume PvPctBusy (cl_lowest_disk_busy).</param>
/// <param name="ScriptRc">The DNP script's return code (cl_highest_udscript_rc, cl_lowest_nonzero_udscript_rc).</param>
public sealed record NodeMetrics(double IdleCpu, double FreeMemory, double DiskBusy, int? ScriptRc = null);

/// <summary>The cluster manager's view the placement starts from. A node or group not named is down / OFFLINE.</summary>
public sealed record ClusterSnapshot
{
    public IReadOnlyDictionary<string, NodeState> Nodes { get; init; } = new Dictionary<string, NodeState>();
    public IReadOnlyDictionary<string, GroupStatus> Groups { get; init; } = new Dictionary<string, GroupStatus>();

    /// <summary>The dynamic node priority figures of the last snapshot, by node.</summary>
    public IReadOnlyDictionary<string, NodeMetrics> Metrics { get; init; } = new Dictionary<string, NodeMetrics>();

    /// <summary>True while the settling time (R-SU-2) runs: a further join does not restart it.</summary>
    public bool SettlingTimerRunning { get; init; }

    /// <summary>The (simulated) time of the event: a once-only delayed fallback timer before it is ignored (R-FB-3).</summary>
    public DateTime Now { get; init; }

    public NodeState Node(string name) => Nodes.TryGetValue(name, out var n) ? n : NodeState.Down;

    public GroupStatus Group(string name) => Groups.TryGetValue(name, out var g) ? g : GroupStatus.Offline();
}
