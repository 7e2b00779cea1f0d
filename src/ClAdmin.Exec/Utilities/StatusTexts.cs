namespace ClAdmin.Exec.Utilities;

/// <summary>
/// Titles and messages of clstat, cldump and cltopinfo -m, kept as data so that a wording checked on
/// a real 5.x node is corrected here. Tags as in powerha-outputs.md: [DOC] IBM documentation,
/// [P] key names confirmed by scripts written against real clusters, [RECONSTRUCTED] to be checked.
/// </summary>
public static class StatusTexts
{
    /// <summary>The clstat title of the 5.x release ("clstat - PowerHA SystemMirror Cluster Status Monitor" in 7.2 [DOC]) [RECONSTRUCTED, menus §6.5].</summary>
    public const string ClstatTitle = "clstat - HACMP Cluster Status Monitor";

    /// <summary>The rule under the title [DOC, outputs §2.1].</summary>
    public const string ClstatRule = "-------------------------------------";

    /// <summary>The last line of the interactive screen [DOC, outputs §2.1; width from menus §6.5].</summary>
    public const string ClstatFooter = "************************ f/forward, b/back, r/refresh, q/quit ******************";

    /// <summary>clstat's usage [DOC syntax, menus §5.4].</summary>
    public const string ClstatUsage = "usage: clstat [-c cluster ID] [-n cluster name] [-i] [-r seconds] [-a] [-o] [-s]";

    /// <summary>What clstat and cldump print when no cluster information can be had (clinfoES, or the
    /// cluster manager's SNMP peer, not running) [RECONSTRUCTED from memory of 5.5].</summary>
    public static string NoInformation(string tool) =>
        $"{tool}: Failed retrieving cluster information.\n\n"
        + "There are a number of possible causes:\n"
        + "clinfoES or snmpd subsystems are not active.\n"
        + "snmp is unresponsive.\n"
        + "snmp is not configured correctly.\n"
        + "Cluster services are not active on any nodes.\n\n"
        + "Refer to the HACMP Administration Guide for more information.";

    /// <summary>cldump's first line [P, menus §6.6].</summary>
    public static string CldumpHeader(string node) => $"Obtaining information via SNMP from Node: {node}...";

    /// <summary>cldump's rule [P, menus §6.6].</summary>
    public static readonly string CldumpRule = new('_', 77);

    /// <summary>cltopinfo -m: the heartbeat statistics header [RECONSTRUCTED from memory of 5.x].</summary>
    public static readonly string[] HeartbeatHeader =
    [
        "Interface Name    Adapter          Total Missed    Current Missed",
        "                  Address          Heartbeats      Heartbeats",
        new('-', 80),
    ];

    /// <summary>cltopinfo -m: the last line [RECONSTRUCTED].</summary>
    public const string TopologyStartTime = "Cluster Topology Start Time: ";

    /// <summary>cltopinfo -m when topology services do not run on the node [RECONSTRUCTED].</summary>
    public static string NoTopologyServices(string node) =>
        $"cltopinfo: Topology Services (topsvcs) is not active on node {node}; no heartbeat statistics are available.";
}
