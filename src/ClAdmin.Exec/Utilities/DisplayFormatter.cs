using System.Text;
using ClAdmin.Cluster;
using ClAdmin.Contracts;

namespace ClAdmin.Exec.Utilities;

/// <summary>
/// cldisp, the application-centric report (§6.8: structure [C], spacing [U]): cluster header,
/// an APPLICATIONS part (scripts, monitors, owning group and its policies in words, state, nodes
/// {up}/{down}, the node providing it and the takeover node, service labels {online}/{offline} and
/// shared VGs), then a TOPOLOGY part (nodes, their interfaces and networks). Indents grow by three.
/// </summary>
public static class DisplayFormatter
{
    private const string Banner = "#############";

    public static string Format(ClusterConfiguration configuration, IClusterState state)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(state);
        var name = configuration.Cluster?.Name ?? "";
        bool Up(string node) => StateNames.ServicesActive(state.ManagerState(node));
        string Mark(string node) => Up(node) ? "{up}" : "{down}";
        var upNodes = configuration.Nodes.Where(n => Up(n.Name)).ToList();
        var active = upNodes.Count > 0;
        var stable = active && upNodes.All(n => state.ManagerState(n.Name) == ClusterManagerState.Stable);

        var sb = new StringBuilder();
        sb.Line($"Cluster: {name}")
            .Line($"   Cluster services: {(active ? "active" : "inactive")}")
            .Line($"   State of cluster: {(active ? "up" : "down")}")
            .Line($"      Substate: {(!active ? "unknown" : stable ? "stable" : "unstable")}")
            .Line()
            .Line(Banner).Line("APPLICATIONS").Line(Banner);
        var apps = configuration.ApplicationControllers;
        sb.Line(apps.Count == 0
            ? $"   Cluster {name} provides no applications."
            : $"   Cluster {name} provides the following applications: {string.Join(" ", apps.Select(a => a.Name))}");
        foreach (var app in apps)
        {
            sb.Line($"      Application: {app.Name}")
                .Line($"         {app.Name} is started by {app.StartScript}")
                .Line($"         {app.Name} is stopped by {app.StopScript}");
            var monitors = configuration.ApplicationMonitors.Where(m => m.Applications.Contains(app.Name, StringComparer.Ordinal)).ToList();
            if (monitors.Count == 0)
            {
                sb.Line($"         No application monitors are configured for {app.Name}.");
            }
            foreach (var m in monitors)
            {
                sb.Line($"         Application monitor of {app.Name}: {m.Name}");
            }
            var group = configuration.ResourceGroups.FirstOrDefault(g => g.Resource(ResourceKinds.Applications).Contains(app.Name, StringComparer.Ordinal));
            if (group is null)
            {
                sb.Line("         This application is not part of any resource group.");
                continue;
            }
            var online = group.Nodes.Where(n => state.GroupState(group.Name, n) == ResourceGroupState.Online).ToList();
            sb.Line($"         This application is part of resource group '{group.Name}'.")
                .Line("            Resource group policies:")
                .Line($"               Startup: {Words(group.Startup)}")
                .Line($"               Fallover: {Words(group.Fallover)}")
                .Line($"               Fallback: {Words(group.Fallback)}")
                .Line($"            State of {app.Name}: {(online.Count > 0 ? "online" : "offline")}")
                .Line($"            Nodes configured to provide {app.Name}: {string.Join(" ", group.Nodes.Select(n => $"{n} {Mark(n)}"))}");
            if (online.Count == 0)
            {
                sb.Line($"            No node currently provides {app.Name}.");
            }
            else
            {
                var current = online[0];
                sb.Line($"            Node currently providing {app.Name}: {current} {Mark(current)}");
                var at = group.Nodes.ToList().IndexOf(current);
                var takeover = group.Nodes.Skip(at + 1).Concat(group.Nodes.Take(at)).FirstOrDefault(Up);
                if (takeover is not null && !group.IsConcurrent)
                {
                    sb.Line($"            The node that will provide {app.Name} if {current} fails is: {takeover}");
                }
            }
            sb.Line($"            Resources associated with {app.Name}:");
            var labels = group.Resource(ResourceKinds.ServiceLabel);
            if (labels.Count > 0)
            {
                sb.Line("               Service Labels");
                foreach (var label in labels)
                {
                    var address = configuration.ServiceIps.FirstOrDefault(s => s.Label == label)?.Address ?? "";
                    sb.Line($"                  {label}({address}) {(online.Count > 0 ? "{online}" : "{offline}")}");
                }
            }
            var vgs = group.Resource(ResourceKinds.VolumeGroup).Concat(group.Resource(ResourceKinds.ConcurrentVolumeGroup)).ToList();
            if (vgs.Count > 0)
            {
                sb.Line("               Shared Volume Groups:");
                foreach (var vg in vgs)
                {
                    sb.Line($"                  {vg}");
                }
            }
        }
        sb.Line().Line(Banner).Line("TOPOLOGY").Line(Banner)
            .Line($"   {name} consists of the following nodes: {string.Join(" ", configuration.Nodes.Select(n => n.Name))}");
        foreach (var node in configuration.Nodes)
        {
            sb.Line($"      {node.Name}").Line("         Network interfaces:");
            foreach (var net in configuration.Networks)
            {
                var netUp = configuration.Interfaces.Any(i => i.Network == net.Name && Up(i.Node));
                foreach (var i in configuration.Interfaces.Where(i => i.Node == node.Name && i.Network == net.Name))
                {
                    sb.Line($"            {i.Label} {Mark(node.Name)}");
                    if (net.IsIp)
                    {
                        sb.Line($"               with IP address: {i.Address}").Line($"               on interface: {i.Device}");
                    }
                    else
                    {
                        sb.Line($"               device: {i.Device}");
                    }
                    sb.Line($"               on network: {net.Name} {(netUp ? "{up}" : "{down}")}");
                }
            }
        }
        return sb.ToString();
    }

    private static string Words(StartupPolicy p) => p switch
    {
        StartupPolicy.OnlineOnHomeNode => "on home node only",
        StartupPolicy.OnlineOnFirstAvailableNode => "on first available node",
        StartupPolicy.OnlineUsingDistributionPolicy => "using distribution policy",
        _ => "on all available nodes",
    };

    private static string Words(FalloverPolicy p) => p switch
    {
        FalloverPolicy.NextPriorityNode => "to next priority node in the list",
        FalloverPolicy.DynamicNodePriority => "using dynamic node priority",
        _ => "bring offline on error node only",
    };

    private static string Words(FallbackPolicy p) => p == FallbackPolicy.NeverFallback ? "never" : "if higher priority node becomes available";
}
