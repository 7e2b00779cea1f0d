using System.Globalization;

namespace ClAdmin.Sim.Manager;

/// <summary>
/// Log paths, line layouts and messages of the simulated cluster manager, kept as data so that a
/// wording checked on a real 5.x node is corrected here. Tags as in powerha-outputs.md:
/// [VERBATIM] copied from real output (7.x captures unless said), [DOC] IBM documentation,
/// [RECONSTRUCTED] assembled from partial evidence, to be checked.
/// </summary>
public static class ManagerTexts
{
    /// <summary>A DARE refused while the cluster is not stable (ClAdmin's wording; HACMP refuses a DARE then too, text unknown).</summary>
    public static string DareUnstable(string why) => $"cldare: the cluster is not stable ({why}); a dynamic reconfiguration cannot run now.";

    /// <summary>The first line of a what-if forecast (ClAdmin's own wording: HACMP has no such tool).</summary>
    public static string WhatIfHeader(string fault) => $"What if: {fault} (forecast on a copy of the simulated world; nothing was changed)";

    /// <summary>A forecast in which the cluster managers would notice nothing.</summary>
    public const string WhatIfNoEvents = "No cluster event would run.";

    /// <summary>The line before the placement table of a forecast.</summary>
    public const string WhatIfPlacement = "Resource group placement afterwards (clRGinfo):";

    /// <summary>Cluster services refused on a node where installp applied a new cluster.es.server.rte and
    /// the node was not rebooted since (seeds 000: "After installation rebooting ... is required because to
    /// activate the new cluster manager"; the install guide's "reboot each node") [RECONSTRUCTED wording].</summary>
    public static string RebootFirst(string command, string node, string level) =>
        $"{command}: {node}: cluster.es.server.rte {level} was installed and the node has not been rebooted since: the new cluster manager is not active yet.\n" +
        $"\tReboot the node (shutdown -Fr), then start cluster services; nothing was started.";

    /// <summary>hacmp.out, HACMP 5.x default (semantics §4.4; menus §6.9) [DOC].</summary>
    public const string HacmpOut = "/tmp/hacmp.out";

    /// <summary>The compiled copy of the event summaries, which grows without truncation and which
    /// clevsumm views, saves and removes (semantics §4.4 [DOC], 7.2 path; the 5.x path is not confirmed).</summary>
    public const string EventSummaryFile = "/usr/es/sbin/cluster/cl_event_summary.txt";

    /// <summary>cluster.log, HACMP 5.x path (menus §6.9) [DOC].</summary>
    public const string ClusterLog = "/usr/es/adm/cluster.log";

    /// <summary>clstrmgr.debug, HACMP 5.x location [RECONSTRUCTED: 7.x keeps it in /var/hacmp/log].</summary>
    public const string ClstrmgrDebug = "/tmp/clstrmgr.debug";

    /// <summary>The cluster history directory; files are cluster.mmddyyyy [RECONSTRUCTED path].</summary>
    public const string HistoryDirectory = "/usr/es/sbin/cluster/history";

    /// <summary>Time Until Warning of the event line <paramref name="evt"/> ("rg_move node1 1"): config_too_long
    /// after the Max. Event-only Duration for an event without resource group work, after that plus the Max.
    /// Resource Group Processing Time for one with it (semantics §4.2 [DOC 7.2]; 180 + 180 = the 360 s of
    /// HACMP 4.x [DOC, SG24-5131 p.145]). Which events do resource group work is [RECONSTRUCTED].</summary>
    public static TimeSpan TimeUntilWarning(ClAdmin.Cluster.ClusterInfo? cluster, string evt)
    {
        var eventTime = cluster?.MaxEventTime ?? ClAdmin.Cluster.ClusterInfo.DefaultEventTime;
        var rgTime = cluster?.MaxRgProcessingTime ?? ClAdmin.Cluster.ClusterInfo.DefaultEventTime;
        var name = evt.Split(' ')[0];
        return TimeSpan.FromSeconds(EventOnly.Contains(name) ? eventTime : eventTime + rgTime);
    }

    /// <summary>The events that neither acquire nor release resource groups nor run start/stop scripts (the
    /// "fast" events of semantics §4.2); every other event (node_up, node_down, rg_move*, their _complete events
    /// that start and stop applications, server_restart with its cleanup and restart methods, ...) does.
    /// server_down only runs the notify method and leaves the group where it is (§10).</summary>
    private static readonly HashSet<string> EventOnly = new(StringComparer.Ordinal)
    {
        "network_up", "network_up_complete", "network_down", "network_down_complete", "fail_interface", "join_interface",
        "swap_adapter_complete", "config_too_long", "event_error", "server_down", "server_down_complete",
    };

    /// <summary>config_too_long repeats every 30 s once started [2ND, HAR quoting IBM].</summary>
    public static readonly TimeSpan WarningInterval = TimeSpan.FromSeconds(30);

    /// <summary>How long after a failure the network module of <paramref name="networkType"/> notices it at the
    /// Normal rate (the rates are data in <see cref="ClAdmin.Cluster.NetworkModules"/>, semantics §7.5).</summary>
    public static TimeSpan FailureDetectionTime(string networkType) => ClAdmin.Cluster.NetworkModules.Predefined(networkType).DetectionTime;

    /// <summary>The config_too_long message [DOC, HACMP 4.3, SG24-5131 p.145].</summary>
    public const string ConfigTooLong = "The cluster has been in reconfiguration too long;Something may be wrong.";

    /// <summary>The middle field of a cluster.log line [RECONSTRUCTED: 5.x wording unconfirmed].</summary>
    public const string ClusterLogTag = "HACMP for AIX:";

    /// <summary>The second argument of node_down per stop action [RECONSTRUCTED: semantics open question 1];
    /// a node failure carries none [VERBATIM, RB-72U Ex. 3-37].</summary>
    public static string NodeDownArgument(string mode) => mode switch
    {
        "offline" or "move" => "graceful",
        "unmanage" => "forced",
        _ => "",
    };

    /// <summary>The TE_ names of event summaries [2ND, HAR's list; JOIN_NODE_CO is VERBATIM in lssrc -ls].</summary>
    public static string TeName(string evt) => evt switch
    {
        "node_up" => "TE_JOIN_NODE",
        "node_up_complete" => "TE_JOIN_NODE_COMPLETE",
        "node_down" => "TE_FAIL_NODE",
        "node_down_complete" => "TE_FAIL_NODE_COMPLETE",
        _ => "TE_" + evt.ToUpperInvariant(),
    };

    /// <summary>start_server, when a startup monitor finds the application already running and its start script is
    /// not run (semantics §10 [DOC]; the wording is [RECONSTRUCTED]).</summary>
    public static string AlreadyRunning(string app, string node) =>
        $"start_server: application {app} is already running on node {node}; its start script is not run.";

    /// <summary>start_server, when a startup monitor does not find the application running after its start script
    /// (an acquisition failure, semantics §3 R-STATE; the wording is [RECONSTRUCTED]).</summary>
    public static string DidNotStart(string monitor, string app, string node) =>
        $"start_server: application monitor {monitor} reports that application {app} did not start on node {node}.";

    /// <summary>The COMPLETED marker text of a sub-event started as <paramref name="started"/> ("stop_server app1"):
    /// stop_server echoes an empty trailing argument, so two blanks come before its exit status
    /// (<c>EVENT COMPLETED: stop_server app_IHS  0</c>); start_server and the others have one
    /// [VERBATIM, RB-72U Ex. 3-27/3-28, outputs §1.1].</summary>
    public static string SubEventCompleted(string name, string started, int rc) =>
        (name == "stop_server" ? started + " " : started) + " " + rc.ToString(CultureInfo.InvariantCulture);

    /// <summary>The event summary title line [RECONSTRUCTED].</summary>
    public const string SummaryTitle = "HACMP Event Summary";

    /// <summary>hacmp.out / cluster.mmddyyyy marker time: <c>Mmm DD hh:mm:ss</c>, no year, day in two columns [VERBATIM].</summary>
    public static string MarkerTime(DateTime t) =>
        string.Create(CultureInfo.InvariantCulture, $"{t:MMM} {t.Day,2} {t:HH:mm:ss}");

    /// <summary>rc.cluster and clstop time stamps: <c>Mmm DD YYYY hh:mm:ss</c> [VERBATIM, RB-72U Ex. 8-7/8-10].</summary>
    public static string CommandTime(DateTime t) =>
        string.Create(CultureInfo.InvariantCulture, $"{t:MMM} {t.Day,2} {t:yyyy HH:mm:ss}");

    /// <summary>clstrmgr.debug time stamp: <c>YYYY-MM-DDThh:mm:ss|</c> [VERBATIM 7.x].</summary>
    public static string DebugTime(DateTime t) =>
        string.Create(CultureInfo.InvariantCulture, $"{t:yyyy-MM-dd'T'HH:mm:ss}|");

    /// <summary>ctime form of the summary's Start/End time lines (<c>Sun Sep  4 10:15:02 2016</c>) [2ND].</summary>
    public static string CTime(DateTime t) =>
        string.Create(CultureInfo.InvariantCulture, $"{t:ddd MMM} {t.Day,2} {t:HH:mm:ss yyyy}");

    /// <summary>The lines cl_rc.cluster prints for one node [VERBATIM 7.x, RB-72U Ex. 8-10/3-33; "HACMP" for 5.x].</summary>
    public static IEnumerable<string> StartBanner(string node, DateTime t, string flags) =>
    [
        $"Starting Cluster Services on node: {node}",
        "This may take a few minutes.  Please wait...",
        $"{node}: start_cluster: Starting HACMP",
        $"{node}: {CommandTime(t)} Starting execution of /usr/es/sbin/cluster/etc/rc.cluster",
        $"{node}: with parameters: {flags}",
        $"{node}: {CommandTime(t)} Checking for srcmstr active...",
        $"{node}: {CommandTime(t)} complete.",
    ];

    public static IEnumerable<string> StartTrailer(string node, string flags, int rc) =>
    [
        $"{node}: Completed execution of /usr/es/sbin/cluster/etc/rc.cluster",
        $"{node}: with parameters: {flags}.",
        $"{node}: Exit status = {rc.ToString(CultureInfo.InvariantCulture)}",
    ];

    /// <summary>clstop's broadcast [VERBATIM 7.x, RB-72U Ex. 8-7; HACMP for 5.x].</summary>
    public static string StopBroadcast(string node) => $"HACMP on {node} shutting down. Please exit any cluster applications...";

    /// <summary>clstop's log line [VERBATIM 7.x, RB-72U Ex. 8-7].</summary>
    public static string StopCalled(string node, DateTime t, string flags) =>
        $"{node}: {CommandTime(t)} /usr/es/sbin/cluster/utilities/clstop: called with flags {flags}";

    /// <summary>After a stop with Unmanage and after a start (<c>"node" is now unmanaged.</c>, <c>"node" is now online.</c>:
    /// [VERBATIM 7.x, RB-72U Ex. 8-7, 8-10]); "offline" is [RECONSTRUCTED] on their model.</summary>
    public static string NodeNow(string node, string what) => $"\"{node}\" is now {what}.";

    /// <summary>clRGmove's first line [VERBATIM for a move, RB-72U Ex. 5-3; online/offline RECONSTRUCTED on its model].</summary>
    public static string MoveAttempt(string action, string group, string node) => action switch
    {
        "online" => $"Attempting to bring group {group} online on node {node}.",
        "offline" => $"Attempting to bring group {group} offline on node {node}.",
        _ => $"Attempting to move resource group {group} to node {node}.",
    };

    /// <summary>[VERBATIM, RB-72U Ex. 5-3].</summary>
    public const string MoveWaiting = "Waiting for the cluster to process the resource group movement request....";

    /// <summary>[VERBATIM, RB-72U Ex. 5-3].</summary>
    public const string MoveStabilizing = "Waiting for the cluster to stabilize.....";

    /// <summary>[VERBATIM, RB-72U Ex. 5-3].</summary>
    public const string MoveSuccessful = "Resource group movement successful.";

    /// <summary>[RECONSTRUCTED].</summary>
    public const string MoveFailed = "Resource group movement unsuccessful.";

    /// <summary>[VERBATIM, RB-72U Ex. 5-3].</summary>
    public static string MoveOnline(string group, string node) => $"Resource group {group} is online on node {node}.";

    /// <summary>[RECONSTRUCTED on the online line].</summary>
    public static string MoveOffline(string group) => $"Resource group {group} is offline.";

    /// <summary>The group's block after a move [VERBATIM layout, RB-72U Ex. 5-3]: cluster, group, then
    /// Node (28 columns and a blank) and Group State under dashes, one row per node.</summary>
    public static string MoveStateBlock(string cluster, string group, IEnumerable<(string Node, string State)> rows)
    {
        var sb = new System.Text.StringBuilder();
        sb.Append("Cluster Name: ").Append(cluster).Append('\n');
        sb.Append("Resource Group Name: ").Append(group).Append('\n');
        sb.Append(CultureInfo.InvariantCulture, $"{"Node",-28} Group State\n");
        sb.Append(new string('-', 28)).Append(' ').Append(new string('-', 15)).Append('\n');
        foreach (var (node, state) in rows)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{node,-28} {state}\n");
        }
        return sb.ToString();
    }

    /// <summary>clappmon -s|-r, one line per monitor and node [RECONSTRUCTED].</summary>
    public static string Monitoring(bool suspend, string monitor, string application, string group, string node) =>
        $"{(suspend ? "Suspended" : "Resumed")} monitoring of application server {application} by monitor {monitor} in resource group {group} on node {node}.";

    /// <summary>cl_emulate's banners around the emulated events, as /tmp/emuhacmp.out holds them [RECONSTRUCTED from memory of HACMP 5.x emuhacmp.out].</summary>
    public static string EmulationStart(string node) => $"******************START OF EMULATION FOR NODE {node}***************";

    /// <summary>The closing banner of <see cref="EmulationStart"/> [RECONSTRUCTED].</summary>
    public static string EmulationEnd(string node) => $"******************END OF EMULATION FOR NODE {node}*****************";
}
