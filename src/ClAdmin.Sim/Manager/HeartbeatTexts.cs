using System.Globalization;

namespace ClAdmin.Sim.Manager;

/// <summary>
/// Topology services data and texts, kept as data so that a value checked on a real 5.x node is
/// corrected here. Tags as in powerha-outputs.md.
/// </summary>
public static class HeartbeatTexts
{
    /// <summary>The deadman switch of topsvcs: reset every second, the node halted after 20 s without a reset
    /// [RECONSTRUCTED, outputs §5.3 and §7.1: the 5.x values are unverified].</summary>
    public static readonly TimeSpan DeadmanReset = TimeSpan.FromSeconds(1);

    /// <inheritdoc cref="DeadmanReset"/>
    public static readonly TimeSpan DeadmanTrip = TimeSpan.FromSeconds(20);

    /// <summary>Where HACMP logs each trip of the deadman switch (seed notes: "/tmp/dms_loads.out: stores log messages every
    /// time hacmp triggers the deadman switch" [2ND]).</summary>
    public const string DeadmanLog = "/tmp/dms_loads.out";

    /// <summary>The deadman log's line [RECONSTRUCTED: only the file is attested; the panic function is DOC, outputs §7.1].</summary>
    public static string DeadmanLine(DateTime t, string node, TimeSpan silent) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{ManagerTexts.CTime(t)}: {node}: deadman switch not reset for {(int)silent.TotalSeconds} seconds (trip interval {(int)DeadmanTrip.TotalSeconds} s): the cluster manager stopped answering; panic in haDMS_kex:dead_man_sw_handler, system halted with a dump");

    /// <summary>The line a node halted at the end of a partition leaves in hacmp.out [RECONSTRUCTED: the errpt label
    /// GS_DOM_MERGE_ER is recalled, not in the references; which side is halted is open question 8].</summary>
    public static string MergeHalt(string node, IEnumerable<string> survivors) =>
        $"GS_DOM_MERGE_ER: {node}: the cluster partition has healed; the node is halted to end disk contention and duplicate IP addresses (the partition of {string.Join(", ", survivors)} stays up).";

    /// <summary>dhb_read's header and messages [RECONSTRUCTED from memory, outputs §6: only "Link operating normally" is attested].</summary>
    public static IEnumerable<string> DhbHeader() =>
    [
        "DHB CLASSIC MODE",
        " First node byte offset: 61440",
        "Second node byte offset: 62976",
        "Handshaking byte offset: 65024",
        "       Test byte offset: 64512",
        "",
    ];

    /// <summary>[RECONSTRUCTED, outputs §6].</summary>
    public const string DhbWaiting = "Waiting for response . . .";

    /// <summary>[RECONSTRUCTED, outputs §6].</summary>
    public const string DhbDetected = "Detected remote utility in receive mode.  Waiting for response . . .";

    /// <summary>[RECONSTRUCTED, outputs §6].</summary>
    public const string DhbMagic = "Magic number = 0x87654321";

    /// <summary>[2ND, attested by the brief of outputs §6].</summary>
    public const string DhbNormal = "Link operating normally";
}
