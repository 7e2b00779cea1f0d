using ClAdmin.Cluster;
using ClAdmin.Sim.Model;
using ClAdmin.Sim.Shell;

namespace ClAdmin.Sim.Manager;

/// <summary>
/// Application monitors beyond the process monitors' plumbing (semantics §10, S9): custom monitors,
/// whose monitor method runs on the node holding the group at every monitor interval once the
/// stabilization interval has passed, its exit code deciding (0 = healthy); and startup monitors
/// (Monitor Mode startup or both), run when a group is acquired: an application they find running
/// is not started again, one that does not come up after its start script is an acquisition
/// failure (R-STATE: TEMPORARY ERROR, the group tried on the next node, ERROR when none is left).
/// </summary>
public sealed partial class ClusterManager
{
    private const string CheckPrefix = "check:";

    /// <summary>Monitoring of the monitor on the node was suspended (clappmon -s) and not resumed: it watches nothing.</summary>
    internal static bool Suspended(SimWorld world, string node, string monitor) =>
        world.Cluster.Monitors.Exists(r => r.Node == node && r.Monitor == monitor && r.State == SuspendedState);

    /// <summary>The MonitorRun state of a suspended monitor.</summary>
    internal const string SuspendedState = "suspended";

    private static MonitorRun RunOf(ClusterRuntime c, string node, string monitor)
    {
        var run = c.Monitors.Find(m => m.Node == node && m.Monitor == monitor);
        if (run is null)
        {
            c.Monitors.Add(run = new MonitorRun { Node = node, Monitor = monitor });
        }
        return run;
    }

    /// <summary>The long-running custom monitors (Monitor Mode longrunning or both) of <paramref name="app"/>.</summary>
    private static IEnumerable<ApplicationMonitor> CustomMonitors(ClusterConfiguration config, string app) =>
        config.ApplicationMonitors.Where(m => m.Type == MonitorType.Custom && m.Mode != "startup" && m.MonitorMethod.Length > 0 && m.Applications.Contains(app));

    /// <summary>§10: runs the monitor method of every long-running custom monitor whose check is due on the
    /// node holding its application's group ONLINE, and schedules the next one (<c>check:NODE:MONITOR</c>):
    /// the first after the stabilization interval, then every monitor interval, none before the
    /// stabilization interval after a restart. A failed check is a fact of <see cref="Facts"/>.</summary>
    private static void CheckCustomMonitors(SimWorld world, ClusterConfiguration config)
    {
        var c = world.Cluster;
        var active = new HashSet<string>(StringComparer.Ordinal);
        foreach (var g in c.Groups.Where(g => g.State == "ONLINE").ToList())
        {
            if (world.FindNode(g.Node) is not { Up: true } node || !Active(node)
                || config.ResourceGroups.FirstOrDefault(r => r.Name == g.Group) is not { } group)
            {
                continue;
            }
            foreach (var m in group.Resource(ResourceKinds.Applications).SelectMany(a => CustomMonitors(config, a)))
            {
                var key = $"{CheckPrefix}{node.Name}:{m.Name}";
                if (Suspended(world, node.Name, m.Name) || !active.Add(key))
                {
                    continue;
                }
                var run = RunOf(c, node.Name, m.Name);
                if (!c.Timers.TryGetValue(key, out var due))
                {
                    c.Timers[key] = world.Clock + TimeSpan.FromSeconds(m.Stabilization);
                    continue;
                }
                if (due > world.Clock)
                {
                    continue;
                }
                var r = SimShell.Execute(world, node.Name, m.MonitorMethod);
                run.LastCheck = world.Clock;
                run.CheckFailed = r.ExitCode != 0;
                var next = world.Clock + TimeSpan.FromSeconds(Math.Max(1, m.MonitorInterval));
                var resumes = run.LastRestart + TimeSpan.FromSeconds(m.Stabilization);
                c.Timers[key] = run.Restarts > 0 && resumes > next ? resumes : next;
            }
        }
        foreach (var key in c.Timers.Keys.Where(k => k.StartsWith(CheckPrefix, StringComparison.Ordinal) && !active.Contains(k)).ToList())
        {
            // The group left the node (or services stopped): the monitor stops there.
            c.Timers.Remove(key);
            var p = key.Split(':');
            if (c.Monitors.Find(m => m.Node == p[1] && m.Monitor == p[2]) is { } run)
            {
                run.CheckFailed = false;
            }
        }
    }

    /// <summary>The failed checks of custom monitors still watching their node, with when they ran.</summary>
    private static void CustomMonitorFacts(SimWorld world, Dictionary<string, DateTime> facts)
    {
        foreach (var run in world.Cluster.Monitors.Where(r => r.CheckFailed && world.Cluster.Timers.ContainsKey($"{CheckPrefix}{r.Node}:{r.Monitor}")))
        {
            facts[$"monitor:{run.Node}:{run.Monitor}"] = run.LastCheck;
        }
    }

    /// <summary>The next checks a settling cluster waits for: those of the custom monitors of an application
    /// killed with <c>sim fail app</c>, within a stabilization and a monitor interval of the kill (a failure
    /// waiting to be noticed; a monitor that keeps finding the application healthy is not waited for).</summary>
    private static IEnumerable<DateTime> PendingChecks(SimWorld world, ClusterConfiguration config) =>
        from t in world.Cluster.Timers
        where t.Key.StartsWith(CheckPrefix, StringComparison.Ordinal)
        let p = t.Key.Split(':')
        let m = config.ApplicationMonitors.FirstOrDefault(a => a.Name == p[2])
        where m is not null && world.Faults.Any(f => f.Kind == "app" && m.Applications.Any(a => f.Target == $"{p[1]}:{a}")
            && t.Value <= f.Since + TimeSpan.FromSeconds(m.Stabilization + m.MonitorInterval))
        select t.Value;

    private sealed partial class EventRun
    {
        /// <summary>Groups whose application a startup monitor found not running after its start script, in this event.</summary>
        private readonly HashSet<string> _startupFailed = new(StringComparer.Ordinal);

        private IEnumerable<ApplicationMonitor> StartupMonitors(string app) =>
            config.ApplicationMonitors.Where(m => m.Mode is "startup" or "both" && m.Applications.Contains(app)
                && (m.Type == MonitorType.Process || m.MonitorMethod.Length > 0));

        /// <summary>One answer of a startup monitor: the monitor method's exit code, or the processes running.</summary>
        private bool Running(SimNode node, string group, ApplicationMonitor m) =>
            m.Type == MonitorType.Process ? ProcessesRun(node, m) : Trace(node, group, "start_server", m.MonitorMethod) == 0;

        /// <summary>start_server of one application (§10): a startup monitor that finds it running spares the start
        /// script (no second instance after Unmanage); after the start script the startup monitors must find it
        /// running, else the group's acquisition failed (<see cref="StartupFailed"/> once its applications are done).</summary>
        private int StartServer(SimNode node, string group, string app)
        {
            if (config.ApplicationControllers.FirstOrDefault(a => a.Name == app) is not { } controller)
            {
                return 0;
            }
            var monitors = StartupMonitors(app).ToList();
            if (monitors.Count > 0 && monitors.All(m => Running(node, group, m)))
            {
                log.Out(node, ManagerTexts.AlreadyRunning(app, node.Name));
                StartedOn(group);
                return 0;
            }
            var rc = Trace(node, group, "start_server", controller.StartScript);
            if (rc != 0 || monitors.Count == 0)
            {
                return rc;
            }
            if (monitors.FirstOrDefault(m => !Running(node, group, m)) is { } failed)
            {
                log.Out(node, ManagerTexts.DidNotStart(failed.Name, app, node.Name));
                _startupFailed.Add(group);
                return 0;
            }
            StartedOn(group);
            return 0;
        }

        /// <summary>The application came up: the nodes where it did not are tried again next time.</summary>
        private void StartedOn(string group)
        {
            foreach (var run in world.Cluster.Monitors.Where(r => GroupStartupMonitors(group).Contains(r.Monitor)))
            {
                run.StartFailed = false;
            }
        }

        private HashSet<string> GroupStartupMonitors(string group) =>
            [.. (config.ResourceGroups.FirstOrDefault(r => r.Name == group)?.Resource(ResourceKinds.Applications) ?? [])
                .SelectMany(StartupMonitors).Select(m => m.Name)];

        /// <summary>R-STATE: an acquisition failure. The group is in TEMPORARY ERROR while a resource_state_change
        /// tries it on another available node of its list where it has not failed yet; with none left (or failing
        /// again where it failed before) it stays in ERROR on the node.</summary>
        private void StartupFailed(SimNode node, string group)
        {
            var c = world.Cluster;
            var monitors = GroupStartupMonitors(group);
            var again = c.Monitors.Any(r => r.Node == node.Name && r.StartFailed && monitors.Contains(r.Monitor));
            foreach (var m in monitors)
            {
                RunOf(c, node.Name, m).StartFailed = true;
            }
            // A node still joining counts: the resource_state_change runs after its node_up.
            var others = (config.ResourceGroups.FirstOrDefault(r => r.Name == group)?.Nodes ?? [])
                .Where(n => n != node.Name && world.FindNode(n) is { Up: true } other && Active(other) && !c.ForcedDown.Contains(n)
                    && !c.Monitors.Any(r => r.Node == n && r.StartFailed && monitors.Contains(r.Monitor)));
            if (again || !others.Any())
            {
                SetGroup(world, group, node.Name, "ERROR");
                return;
            }
            SetGroup(world, group, node.Name, "TEMPORARY ERROR");
            c.Queue.Add(new QueuedEvent { Name = "resource_state_change", Args = { node.Name }, Mode = "group_failure", Group = group });
        }

        /// <summary>A user request for the group: the nodes where its application did not start are tried again.</summary>
        private void ForgetStartFailures(string group)
        {
            var monitors = GroupStartupMonitors(group);
            foreach (var run in world.Cluster.Monitors.Where(r => monitors.Contains(r.Monitor)))
            {
                run.StartFailed = false;
            }
        }
    }
}
