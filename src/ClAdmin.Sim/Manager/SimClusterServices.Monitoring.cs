using ClAdmin.Cluster;
using ClAdmin.Contracts;
using ClAdmin.Sim.Model;

namespace ClAdmin.Sim.Manager;

public sealed partial class SimClusterServices
{
    /// <summary>
    /// clappmon -s|-r (C-SPOC "Suspend/Resume Application Monitoring"): the long-running monitors of
    /// <paramref name="application"/> (or the one named) stop or start watching it on the node where
    /// <paramref name="group"/> is online. A suspended monitor notices nothing; resumed, it watches
    /// again from its next interval. The messages are reconstructed [U] (<see cref="ManagerTexts"/>).
    /// </summary>
    public Task<CommandResult> SuspendMonitoringAsync(string application, string? monitor, string group, bool suspend, CancellationToken cancellationToken)
    {
        const string command = "clappmon";
        var config = ActiveConfiguration();
        var problem = config.ApplicationControllers.All(a => a.Name != application) ? $"{application} is not an application server of the cluster"
            : config.ResourceGroups.FirstOrDefault(g => g.Name == group) is not { } rg ? $"{group} is not a resource group of the cluster"
            : !rg.Resource(ResourceKinds.Applications).Contains(application) ? $"application server {application} is not in resource group {group}"
            : null;
        var monitors = config.ApplicationMonitors.Where(m => m.Applications.Contains(application) && m.Mode != "startup" && (monitor is null || m.Name == monitor)).Select(m => m.Name).ToList();
        if (problem is null && monitors.Count == 0)
        {
            problem = monitor is null ? $"application server {application} has no long-running application monitor" : $"{monitor} is not a monitor of application server {application}";
        }
        if (problem is not null)
        {
            return Task.FromResult(CommandResult.Local(2, "", $"{command}: {problem}.\n"));
        }
        return ChangeAsync(command, [], cancellationToken, (world, cfg, nodes, o, e, log) =>
        {
            var online = world.Cluster.Groups.Where(g => g.Group == group && g.State == "ONLINE").Select(g => g.Node).ToList();
            if (online.Count == 0)
            {
                e.Append(command).Append(": resource group ").Append(group).Append(" is not online on any node: there is no monitoring to ")
                    .Append(suspend ? "suspend" : "resume").Append(".\n");
                return 1;
            }
            foreach (var node in online)
            {
                foreach (var name in monitors)
                {
                    var run = world.Cluster.Monitors.Find(m => m.Node == node && m.Monitor == name);
                    if (run is null)
                    {
                        world.Cluster.Monitors.Add(run = new MonitorRun { Node = node, Monitor = name });
                    }
                    run.State = suspend ? ClusterManager.SuspendedState : "monitored";
                    o.Append(ManagerTexts.Monitoring(suspend, name, application, group, node)).Append('\n');
                }
            }
            return 0;
        }, quiet: true);
    }
}
