using System.Text;
using ClAdmin.Cluster;
using ClAdmin.Contracts;

namespace ClAdmin.Exec.Utilities;

/// <summary>What clRGinfo adds after each group's rows in its table form.</summary>
[Flags]
public enum RgInfoExtras
{
    None = 0,
    /// <summary>-v: the Startup/Fallover/Fallback/Site policy lines.</summary>
    Policies = 1,
    /// <summary>-p: the priority override location, when the group has one.</summary>
    PriorityOverride = 2,
    /// <summary>-t: the delayed fallback timer and the settling time, when they apply.</summary>
    Timers = 4,
}

/// <summary>
/// clRGinfo's outputs (reference menus §6.1). The default table, one row per participating node in
/// priority order with the group name on the first row only, is [C], its columns [VERBATIM] (outputs §3.1). The -v policy lines after each
/// group and the -s/-c colon rows are [C]; the -p, -t, -m and -a layouts are [U] designs in the
/// same style, noted at each method.
/// </summary>
public static class RgInfoFormatter
{
    private const int Width = 29;

    /// <summary>The State column: 17 wide, so that "ONLINE SECONDARY" fits [VERBATIM 7.1.3, outputs §3.1].</summary>
    private const int StateWidth = 17;
    private static readonly string Rule = new('-', 77);

    /// <summary>The default table, with the <paramref name="extras"/> after each group's rows.</summary>
    public static string Table(ClusterConfiguration configuration, IClusterState state, IReadOnlyList<ResourceGroup> groups, RgInfoExtras extras = RgInfoExtras.None)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(groups);
        var sb = new StringBuilder();
        sb.Line(Rule).Line(Text.Row([("Group Name", Width), ("State", StateWidth), ("Node", 0)])).Line(Rule);
        foreach (var g in groups)
        {
            NodeRows(sb, configuration, state, g);
            if (extras.HasFlag(RgInfoExtras.Policies))
            {
                sb.Line($"Startup Policy: {PolicyCodes.Label(g.Startup)}")
                    .Line($"Fallover Policy: {PolicyCodes.Label(g.Fallover)}")
                    .Line($"Fallback Policy: {PolicyCodes.Label(g.Fallback)}")
                    .Line($"Site Policy: {g.SitePolicy}");
                // ClAdmin's addition (issue 16 §3), where a cluster manager can say: why the group is where it is.
                if (state.Explanation(g.Name) is { } why)
                {
                    sb.Line($"Placement: {why}");
                }
            }
            // [U] -p: the override as the 5.x "Priority Override Information" lines, only when one is set.
            if (extras.HasFlag(RgInfoExtras.PriorityOverride) && state.PriorityOverrideLocation(g.Name) is { } pol)
            {
                sb.Line("Priority Override Information:").Line($"   Primary Instance POL: {pol}");
            }
            // [U] -t: only what applies: a delayed fallback timer (FBHPN groups) and the settling time (OFAN groups).
            if (extras.HasFlag(RgInfoExtras.Timers))
            {
                if (g.FallbackTimer.Length > 0 && g.Fallback == FallbackPolicy.HigherPriorityNode)
                {
                    sb.Line($"Delayed Fallback Timer: {g.FallbackTimer}");
                }
                if (g.Startup == StartupPolicy.OnlineOnFirstAvailableNode && configuration.Cluster?.SettlingTime > 0)
                {
                    sb.Line($"Settling Time: {configuration.Cluster.SettlingTime} seconds");
                }
            }
        }
        return sb.ToString();
    }

    /// <summary>-s / -c: one colon row per participating node (Checkmk sample): group, state, node,
    /// concurrent or not, the policy codes, the site policy, then the fields the sample leaves blank.</summary>
    public static string Colon(ClusterConfiguration configuration, IClusterState state, IReadOnlyList<ResourceGroup> groups)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(groups);
        var sb = new StringBuilder();
        foreach (var g in groups)
        {
            var type = g.IsConcurrent ? "concurrent" : "non-concurrent";
            foreach (var node in g.Nodes)
            {
                sb.Line($"{g.Name}:{StateNames.Name(state.GroupState(g.Name, node))}:{NodeName(configuration, node)}:{type}:"
                    + $"{PolicyCodes.Code(g.Startup)}:{PolicyCodes.Code(g.Fallover)}:{PolicyCodes.Code(g.Fallback)}:{g.SitePolicy}::: : :::");
            }
        }
        return sb.ToString();
    }

    /// <summary>[U] -m: the table with an application state column ("Group Name  Group State  Application
    /// state  Node", per a third-party parser); under each group's node rows one row per application:
    /// ONLINE MONITORED / ONLINE NOT MONITORED on the node holding the group (ONLINE MONITOR FAILED
    /// [RECONSTRUCTED] once a monitor's notify action ran, S9), else OFFLINE.</summary>
    public static string Monitors(ClusterConfiguration configuration, IClusterState state, IReadOnlyList<ResourceGroup> groups)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(groups);
        var sb = new StringBuilder();
        sb.Line(Rule).Line(Text.Row([("Group Name", 15), ("Group State", 17), ("Application state", 25), ("Node", 0)])).Line(Rule);
        foreach (var g in groups)
        {
            var first = true;
            foreach (var node in g.Nodes)
            {
                sb.Line(Text.Row([(first ? g.Name : "", 15), (StateNames.Name(state.GroupState(g.Name, node)), 17), ("", 25), (NodeName(configuration, node), 0)]));
                first = false;
            }
            var online = g.Nodes.Where(n => state.GroupState(g.Name, n) == ResourceGroupState.Online).ToList();
            foreach (var app in g.Resource(ResourceKinds.Applications))
            {
                var monitored = configuration.ApplicationMonitors.Any(m => m.Applications.Contains(app, StringComparer.Ordinal));
                var appState = online.Count == 0 ? "OFFLINE" : !monitored ? "ONLINE NOT MONITORED"
                    : online.Any(n => state.MonitorFailed(app, n)) ? "ONLINE MONITOR FAILED" : "ONLINE MONITORED";
                sb.Line(Text.Row([(" " + app, 15), ("", 17), (appState, 25), (string.Join(" ", online.Select(n => NodeName(configuration, n))), 0)]));
            }
        }
        return sb.ToString();
    }

    /// <summary>[U] -a: each group with its move during an event as PRIMARY="from:to"; a group that is
    /// not moving shows its name alone.</summary>
    public static string Movement(IClusterState state, IReadOnlyList<ResourceGroup> groups)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(groups);
        var sb = new StringBuilder();
        sb.Line(Rule).Line(Text.Row([("Group Name", Width), ("Resource Group Movement", 0)])).Line(Rule);
        foreach (var g in groups)
        {
            var move = state.PendingMove(g.Name);
            sb.Line(Text.Row([(g.Name, Width), (move is null ? "" : $"PRIMARY=\"{move.From}:{move.To}\"", 0)]));
        }
        return sb.ToString();
    }

    private static void NodeRows(StringBuilder sb, ClusterConfiguration configuration, IClusterState state, ResourceGroup g)
    {
        var first = true;
        foreach (var node in g.Nodes)
        {
            sb.Line(Text.Row([(first ? g.Name : "", Width), (StateNames.Name(state.GroupState(g.Name, node)), StateWidth), (NodeName(configuration, node), 0)]));
            first = false;
        }
    }

    /// <summary>node, or node@site when sites are defined [C, SG24-8278].</summary>
    private static string NodeName(ClusterConfiguration configuration, string node) =>
        configuration.Sites.FirstOrDefault(s => s.Nodes.Contains(node, StringComparer.Ordinal)) is { } site ? $"{node}@{site.Name}" : node;
}
