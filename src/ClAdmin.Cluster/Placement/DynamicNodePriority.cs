namespace ClAdmin.Cluster.Placement;

/// <summary>A dynamic node priority policy (R-FO-2): the figure it reads from a node's last RMC snapshot and which
/// end of it wins.</summary>
public sealed record DynamicNodePriority(string Policy, Func<NodeMetrics, double?> Value, bool Highest)
{
    /// <summary>The predefined and user-defined policies, as data (R-FO-2; names as in <see cref="Rules.DnpPolicies"/>).</summary>
    public static IReadOnlyList<DynamicNodePriority> Policies { get; } =
    [
        new("cl_highest_free_mem", m => m.FreeMemory, Highest: true),       // IBM.Host PgSpFree
        new("cl_highest_idle_cpu", m => m.IdleCpu, Highest: true),          // IBM.Host PctTotalTimeIdle
        new("cl_lowest_disk_busy", m => m.DiskBusy, Highest: false),        // IBM.PhysicalVolume PvPctBusy
        new("cl_highest_udscript_rc", m => m.ScriptRc, Highest: true),
        new("cl_lowest_nonzero_udscript_rc", m => m.ScriptRc is null or 0 ? null : m.ScriptRc, Highest: false),
    ];

    /// <summary>The policy named <paramref name="policy"/>, or null (the node list order is then used).</summary>
    public static DynamicNodePriority? Of(string policy) => Policies.FirstOrDefault(p => p.Policy == policy);

    /// <summary>True when <paramref name="value"/> beats <paramref name="best"/> strictly (a tie keeps the node list order).</summary>
    public bool Better(double value, double best) => Highest ? value > best : value < best;
}
