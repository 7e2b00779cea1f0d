using ClAdmin.Contracts;
namespace ClAdmin.Exec.Utilities;

/// <summary>
/// Cluster services stopped on every node: every group OFFLINE, clstrmgrES inoperative in ST_INIT,
/// the RSCT daemons HACMP starts (topsvcs, grpsvcs, emsvcs) down; ctrmc and clcomdES, which AIX
/// starts at boot, active. The state to use until the cluster manager exists.
/// </summary>
public sealed class StoppedClusterState : IClusterState
{
    public static StoppedClusterState Instance { get; } = new();

    public ClusterManagerState ManagerState(string node) => ClusterManagerState.Init;

    public ResourceGroupState GroupState(string group, string node) => ResourceGroupState.Offline;

    public string? PriorityOverrideLocation(string group) => null;

    public GroupMove? PendingMove(string group) => null;

    public IReadOnlyList<SubsystemStatus> Subsystems(string node) =>
    [
        new("topsvcs", "topsvcs", null),
        new("grpsvcs", "grpsvcs", null),
        new("grpglsm", "grpsvcs", null),
        new("emsvcs", "emsvcs", null),
        new("emaixos", "emsvcs", null),
        new("ctrmc", "rsct", 196744),
        new("clcomdES", "clcomdES", 180324),
        new("clstrmgrES", "cluster", null),
        new("clinfoES", "cluster", null),
    ];
}
