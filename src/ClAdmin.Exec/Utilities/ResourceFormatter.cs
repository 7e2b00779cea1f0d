using System.Text;
using ClAdmin.Cluster;

namespace ClAdmin.Exec.Utilities;

/// <summary>The resource listings: cllsgrp, cllsres (NAME="value"), clshowres (the §4.4 labels),
/// cllsserv and cllsappmon. All but the cllsgrp/cllsres shapes of §5.3 are [U] designs.</summary>
public static class ResourceFormatter
{
    /// <summary>cllsgrp: group names, one per line.</summary>
    public static string Cllsgrp(ClusterConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var sb = new StringBuilder();
        foreach (var g in configuration.ResourceGroups)
        {
            sb.Line(g.Name);
        }
        return sb.ToString();
    }

    /// <summary>cllsres: the groups' resources as NAME="value" lines (lists space-separated), in ODM name order,
    /// so that a script can eval them.</summary>
    public static string Cllsres(IReadOnlyList<ResourceGroup> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var sb = new StringBuilder();
        foreach (var g in groups)
        {
            foreach (var (kind, values) in g.Resources.Where(r => r.Value.Count > 0).OrderBy(r => r.Key, StringComparer.Ordinal))
            {
                sb.Line($"{kind}=\"{string.Join(" ", values)}\"");
            }
        }
        return sb.ToString();
    }

    /// <summary>The §4.4 labels with the resource each shows and its default.</summary>
    private static readonly (string Label, string Kind, string Default)[] ResourceLabels =
    [
        ("Service IP Labels/Addresses", ResourceKinds.ServiceLabel, ""),
        ("Application Servers", ResourceKinds.Applications, ""),
        ("Volume Groups", ResourceKinds.VolumeGroup, ""),
        ("Use forced varyon of volume groups, if necessary", "FORCED_VARYON", "false"),
        ("Automatically Import Volume Groups", "VG_AUTO_IMPORT", "false"),
        ("Filesystems (empty is ALL for VGs specified)", ResourceKinds.FileSystem, ""),
        ("Filesystems Consistency Check", "FSCHECK_TOOL", "fsck"),
        ("Filesystems Recovery Method", "RECOVERY_METHOD", "sequential"),
        ("Filesystems mounted before IP configured", "FS_BEFORE_IPADDR", "false"),
        ("Filesystems/Directories to Export (NFSv2/3)", "EXPORT_FILESYSTEM", ""),
        ("Filesystems/Directories to Export (NFSv4)", "EXPORT_FILESYSTEM_V4", ""),
        ("Stable Storage Path (NFSv4)", "STABLE_STORAGE_PATH", ""),
        ("Filesystems/Directories to NFS Mount", "MOUNT_FILESYSTEM", ""),
        ("Network For NFS Mount", "NFS_NETWORK", ""),
        ("Tape Resources", "TAPE_RESOURCES", ""),
        ("Raw Disk PVIDs", ResourceKinds.Disk, ""),
        ("Concurrent Volume Groups", ResourceKinds.ConcurrentVolumeGroup, ""),
        ("Fast Connect Services", "FAST_CONNECT_SERVICES", ""),
        ("Communication Links", "COMMUNICATION_LINKS", ""),
        ("Primary Workload Manager Class", "WLM_PRIMARY", ""),
        ("Secondary Workload Manager Class", "WLM_SECONDARY", ""),
        ("Miscellaneous Data", "MISC_DATA", ""),
        ("SSA Disk Fencing Activated", "SSA_DISK_FENCING", "false"),
    ];

    private const int LabelWidth = 54;

    /// <summary>clshowres: per group, the Change/Show dialog's labels (§4.4) and values; a blank line after each group.</summary>
    public static string Clshowres(IReadOnlyList<ResourceGroup> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var sb = new StringBuilder();
        foreach (var g in groups)
        {
            Field(sb, "Resource Group Name", g.Name);
            Field(sb, "Participating Nodes (Default Node Priority)", string.Join(" ", g.Nodes));
            Field(sb, "Startup Policy", PolicyCodes.Label(g.Startup));
            Field(sb, "Fallover Policy", PolicyCodes.Label(g.Fallover));
            Field(sb, "Fallback Policy", PolicyCodes.Label(g.Fallback));
            if (g.Fallback == FallbackPolicy.HigherPriorityNode)
            {
                Field(sb, "Fallback Timer Policy (empty is immediate)", g.FallbackTimer);
            }
            foreach (var (label, kind, fallback) in ResourceLabels)
            {
                var values = g.Resource(kind);
                Field(sb, label, values.Count > 0 ? string.Join(" ", values) : fallback);
            }
            sb.Line();
        }
        return sb.ToString();
    }

    /// <summary>cllsserv: "name start stop" per application server; -c: name:start:stop:mode.</summary>
    public static string Cllsserv(IReadOnlyList<ApplicationController> servers, bool colon)
    {
        ArgumentNullException.ThrowIfNull(servers);
        var sb = new StringBuilder();
        foreach (var s in servers)
        {
            sb.Line(colon ? $"{s.Name}:{s.StartScript}:{s.StopScript}:{s.StartupMode}" : $"{s.Name} {s.StartScript} {s.StopScript}");
        }
        return sb.ToString();
    }

    /// <summary>cllsappmon: "name type" per monitor.</summary>
    public static string Cllsappmon(ClusterConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var sb = new StringBuilder();
        foreach (var m in configuration.ApplicationMonitors)
        {
            sb.Line($"{m.Name} {TypeName(m.Type)}");
        }
        return sb.ToString();
    }

    /// <summary>cllsappmon NAME: the monitor's attributes as name="value" lines.</summary>
    public static string Cllsappmon(ApplicationMonitor m)
    {
        ArgumentNullException.ThrowIfNull(m);
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        (string, string)[] fields =
        [
            ("name", m.Name), ("type", TypeName(m.Type)), ("applications", string.Join(" ", m.Applications)), ("mode", m.Mode),
            ("processes", m.Processes), ("owner", m.Owner), ("instancecount", m.InstanceCount.ToString(inv)),
            ("monitor_method", m.MonitorMethod), ("monitor_interval", m.MonitorInterval.ToString(inv)), ("hung_signal", m.HungSignal.ToString(inv)),
            ("stabilization", m.Stabilization.ToString(inv)), ("restart_count", m.RestartCount.ToString(inv)),
            ("restart_interval", m.RestartInterval.ToString(inv)), ("failure_action", m.FailureAction), ("notify_method", m.NotifyMethod),
            ("cleanup_method", m.CleanupMethod), ("restart_method", m.RestartMethod),
        ];
        var sb = new StringBuilder();
        foreach (var (name, value) in fields)
        {
            sb.Line($"{name}=\"{value}\"");
        }
        return sb.ToString();
    }

    private static string TypeName(MonitorType type) => type == MonitorType.Process ? "process" : "custom";

    private static void Field(StringBuilder sb, string label, string value) => sb.Line((Text.Pad(label, LabelWidth) + value).TrimEnd());
}
