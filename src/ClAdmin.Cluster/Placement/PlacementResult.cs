namespace ClAdmin.Cluster.Placement;

/// <summary>Release (rg_move RELEASE, release_* sub-events) or acquire (rg_move ACQUIRE, acquire_*, get_disk_vg_fs, start_server).</summary>
public enum ActionKind
{
    Release,
    Acquire,
}

/// <summary>One step of the plan: release or acquire <paramref name="Group"/> on <paramref name="Node"/>. Actions of
/// the same <paramref name="Phase"/> run in parallel (R-ORDER); every release comes before every acquire.</summary>
public sealed record PlacementAction(ActionKind Kind, string Group, string Node, int Phase)
{
    public override string ToString() => $"{Kind} {Group} {Node}";
}

/// <summary>Where a group ends: its state on each node where it is not OFFLINE (one node for a non-concurrent
/// group, in node-list order), and why it is OFFLINE where it is nowhere online.</summary>
public sealed record GroupPlacement(string Group, IReadOnlyDictionary<string, GroupState> Nodes, OfflineReason Reason = OfflineReason.None, string? PriorityOverrideLocation = null)
{
    /// <summary>ONLINE when online on some node, else the state of its first node (UNMANAGED, ERROR), else OFFLINE.</summary>
    public GroupState State => Nodes.Values.Contains(GroupState.Online) ? GroupState.Online : Nodes.Values.FirstOrDefault(GroupState.Offline);

    /// <summary>The node of a non-concurrent group (the first node of a concurrent one), or null when OFFLINE.</summary>
    public string? Node => Nodes.Keys.FirstOrDefault();

    /// <summary>Why the placement put the group there (or left it OFFLINE), in words, with the rule id: recorded
    /// by the decision itself, so an explanation never disagrees with it. Empty when not recorded.</summary>
    public string Why { get; init; } = "";

    /// <summary>The nodes where the group is ONLINE.</summary>
    public IReadOnlyList<string> OnlineNodes => [.. Nodes.Where(n => n.Value == GroupState.Online).Select(n => n.Key)];

    public override string ToString() =>
        Nodes.Count == 0 ? $"{Group} {OfflineReasons.Text(Reason)}" : $"{Group} {string.Join(" ", Nodes.Select(n => $"{n.Value}@{n.Key}"))}";
}

/// <summary>The outcome of one placement: every group's target, the ordered release/acquire plan, the timers to
/// watch, and the user requests refused (then nothing changes).</summary>
public sealed record PlacementResult
{
    /// <summary>Every group's target, in configuration order.</summary>
    public required IReadOnlyList<GroupPlacement> Groups { get; init; }

    /// <summary>Releases (by phase), then acquires (by phase).</summary>
    public required IReadOnlyList<PlacementAction> Actions { get; init; }

    /// <summary>OFAN groups left OFFLINE until the settling time runs out (R-SU-2).</summary>
    public IReadOnlyList<string> AwaitingSettlingTime { get; init; } = [];

    /// <summary>True when the settling timer must run after this event (started now or still running).</summary>
    public bool SettlingTimerRunning { get; init; }

    /// <summary>Groups staying on a lower-priority node until their delayed fallback timer fires (R-FB-3).</summary>
    public IReadOnlyList<(string Group, string Timer)> AwaitingFallbackTimer { get; init; } = [];

    /// <summary>Why a user request (clRGmove) is refused, with the rule id; empty when accepted.</summary>
    public IReadOnlyList<RuleViolation> Refusals { get; init; } = [];

    /// <summary>The cluster once the plan has run without error: what the next event starts from.</summary>
    public required ClusterSnapshot After { get; init; }

    private Dictionary<string, GroupPlacement>? byName;

    /// <summary>The target of one group (an error when the configuration has no such group).</summary>
    public GroupPlacement Group(string name) =>
        (byName ??= Groups.DistinctBy(g => g.Group).ToDictionary(g => g.Group, StringComparer.Ordinal))[name];
}
