using System.Globalization;
using ClAdmin.Cluster;
using ClAdmin.Cluster.Placement;
using ClAdmin.Contracts;
using ClAdmin.Sim.Model;

namespace ClAdmin.Sim.Manager;

/// <summary>
/// The cluster manager's side of placement, failure detection and timers: what it asks the
/// placement rules and keeps from their answer (priority override locations, offline reasons, the
/// settling and delayed fallback timers), the failures it notices on the simulated clock after the
/// network module's failure detection time (R-DETECT, §7.5, §7.7) and the events they cause.
/// </summary>
public sealed partial class ClusterManager
{
    private const string FallbackPrefix = "fallback:";
    private const string DetectPrefix = "detect:";
    private const string Settling = "settling";

    private static ResourceGroupState StateOf(string name) =>
        Enum.GetValues<ResourceGroupState>().FirstOrDefault(s => StateNames.Name(s) == name, ResourceGroupState.Unknown);

    /// <summary>The 1-based index of a group in the configuration, as rg_move events print it.</summary>
    internal static string GroupIndex(ClusterConfiguration config, string group) =>
        (config.ResourceGroups.ToList().FindIndex(r => r.Name == group) + 1).ToString(CultureInfo.InvariantCulture);

    /// <summary>The nodes that can host groups now: services running and past their own node_up,
    /// not stopped with Unmanage, the machine up.</summary>
    internal static List<string> Available(SimWorld world, ClusterConfiguration config) =>
        [.. config.Nodes.Select(n => world.FindNode(n.Name)).Where(n => n is { Up: true }
            && Active(n) && n.ClusterManagerState != "ST_JOINING" && !world.Cluster.ForcedDown.Contains(n.Name) && !Heartbeats.Hung(world, n.Name)).Select(n => n!.Name)];

    /// <summary>Asks the placement rules about <paramref name="what"/>; unless <paramref name="keep"/> is
    /// false (a request checked before it is queued), keeps the priority override locations, offline
    /// reasons and timers of the answer. In a partition (R-DETECT) <paramref name="side"/> names the nodes deciding:
    /// they see their own groups, and those of <paramref name="node"/> that none of them holds.</summary>
    internal PlacementPlan Decide(SimWorld world, ClusterConfiguration config, string what, IReadOnlyList<string> available,
        string node, string mode, string target = "", string group = "", bool keep = true, IReadOnlySet<string>? side = null)
    {
        var c = world.Cluster;
        var down = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        foreach (var fact in c.Detected.Where(f => f.StartsWith("network:", StringComparison.Ordinal)))
        {
            var parts = fact.Split(':');
            foreach (var n in parts[1] == "-1" ? config.Nodes.Select(x => x.Name) : [parts[1]])
            {
                down[n] = new HashSet<string>(down.GetValueOrDefault(n) ?? new HashSet<string>(), StringComparer.Ordinal) { parts[2] };
            }
        }
        var seen = side is null ? c.Groups
            : c.Groups.Where(g => side.Contains(g.Node) || (g.Node == node && !c.Groups.Any(o => o.Group == g.Group && side.Contains(o.Node)))).ToList();
        var request = new PlacementRequest(config, available,
            [.. seen.Select(g => new GroupLocation(g.Group, g.Node, StateOf(g.State)))], what, node, mode)
        {
            Target = target,
            Group = group,
            DownNetworks = down,
            PriorityOverride = c.PriorityOverride,
            OfflineReasons = c.OfflineReasons,
            SettlingTimerRunning = c.Timers.ContainsKey(Settling),
            Now = world.Clock,
            Metrics = DnpFigures(world),
        };
        var plan = _placement.Plan(request);
        if (!keep || plan.Refusals.Count > 0)
        {
            return plan;
        }
        c.PriorityOverride.Clear();
        foreach (var (g, n) in plan.PriorityOverride)
        {
            c.PriorityOverride[g] = n;
        }
        c.OfflineReasons.Clear();
        foreach (var (g, r) in plan.OfflineReasons)
        {
            c.OfflineReasons[g] = r;
        }
        // R-SU-2: the settling time starts with the first join that leaves an OFAN group waiting; a further join does not restart it.
        if (plan.SettlingTimerRunning && !c.Timers.ContainsKey(Settling) && config.Cluster?.SettlingTime > 0)
        {
            c.Timers[Settling] = world.Clock + TimeSpan.FromSeconds(config.Cluster.SettlingTime);
        }
        else if (!plan.SettlingTimerRunning)
        {
            c.Timers.Remove(Settling);
        }
        // R-FB-3: a group waiting for its delayed fallback timer falls back when it fires.
        foreach (var name in plan.AwaitingFallbackTimers.Where(t => !c.Timers.ContainsKey(FallbackPrefix + t)))
        {
            if (config.FallbackTimers.FirstOrDefault(t => t.Name == name) is { } timer && FallbackTimerSchedule.NextFire(timer, world.Clock) is { } due)
            {
                c.Timers[FallbackPrefix + name] = due;
            }
        }
        return plan;
    }

    /// <summary>The rg_move events that carry out <paramref name="actions"/> (S10, outputs §1.1):
    /// rg_move_release, rg_move_fence, rg_move_acquire, rg_move_complete, each with the node and group index.</summary>
    internal static List<QueuedEvent> MoveEvents(ClusterConfiguration config, string node, IReadOnlyList<GroupAction> actions)
    {
        if (actions.Count == 0)
        {
            return [];
        }
        var index = GroupIndex(config, actions[0].Group);
        var releases = actions.Where(a => a.Kind == GroupActionKind.Release).ToList();
        var acquires = actions.Where(a => a.Kind == GroupActionKind.Acquire).ToList();
        var events = new List<QueuedEvent>();
        if (releases.Count > 0)
        {
            events.Add(new QueuedEvent { Name = "rg_move_release", Args = { node, index }, Plan = [.. EncodePlan(releases)] });
        }
        events.Add(new QueuedEvent { Name = "rg_move_fence", Args = { node, index } });
        if (acquires.Count > 0)
        {
            events.Add(new QueuedEvent { Name = "rg_move_acquire", Args = { node, index }, Plan = [.. EncodePlan(acquires)] });
        }
        events.Add(new QueuedEvent { Name = "rg_move_complete", Args = { node, index } });
        return events;
    }

    internal static IEnumerable<string> EncodePlan(IEnumerable<GroupAction> actions) =>
        actions.Select(a => $"{(a.Kind == GroupActionKind.Release ? "release" : "acquire")}:{a.Group}:{a.Node}");

    internal static List<GroupAction> DecodePlan(IEnumerable<string> plan) =>
        [.. plan.Select(p => p.Split(':')).Select(p => new GroupAction(p[1], p[2], p[0] == "release" ? GroupActionKind.Release : GroupActionKind.Acquire))];

    /// <summary>A user request (clRGmove, clmgr move|online|offline resource_group) checked against the rules:
    /// the refusals, or the node the events are about (the group's node for a move or an offline, the destination for an online).</summary>
    internal (IReadOnlyList<string> Refusals, string Node) Check(SimWorld world, ClusterConfiguration config, string group, string action, string? node)
    {
        var available = Available(world, config);
        if (available.Count == 0)
        {
            return (["cluster services are not active on any node"], "");
        }
        var plan = Decide(world, config, "rg_move", available, node ?? "", action, node ?? "", group, keep: false);
        if (plan.Refusals.Count > 0)
        {
            return (plan.Refusals, "");
        }
        var current = world.Cluster.Groups.Find(g => g.Group == group && g.State is "ONLINE" or "ERROR" or "UNMANAGED")?.Node;
        var subject = action == "online" ? node ?? plan.Actions.FirstOrDefault(a => a.Kind == GroupActionKind.Acquire)?.Node : current ?? node;
        return ([], subject ?? available[0]);
    }

    /// <summary>Failure detection (R-DETECT): compares the simulated machines with what the cluster
    /// managers know; a failure is noticed once the failure detection time of its network module has
    /// passed since it happened (§7.5), a recovery at once. Queues node_down (S2), swap_adapter (S6),
    /// fail_interface and network_down (S7), network_down -1 (S8), an application failure (S9), and
    /// join_interface / network_up on repair.</summary>
    internal static void Detect(SimWorld world, ClusterConfiguration config)
    {
        var c = world.Cluster;
        Heartbeats.Update(world, config);
        var watchers = config.Nodes.Select(n => world.FindNode(n.Name)).Where(n => n is { Up: true } && Active(n) && n.ClusterManagerState != "ST_JOINING").ToList();
        if (watchers.Count == 0)
        {
            return;
        }
        CheckCustomMonitors(world, config);
        var facts = Facts(world, config);
        // Recoveries first: what the managers know that no longer holds.
        var healed = new List<string>();
        foreach (var fact in c.Detected.Where(f => !facts.ContainsKey(f)).ToList())
        {
            c.Detected.Remove(fact);
            var p = fact.Split(':');
            switch (p[0])
            {
                case "partition":
                    healed.Add(fact);
                    break;
                case "interface":
                    Queue(c, "join_interface", [p[1], BootAddress(world, config, p[1], p[2])]);
                    break;
                case "network":
                    Queue(c, "network_up", [p[1], p[2]]);
                    Queue(c, "network_up_complete", [p[1], p[2]]);
                    break;
                case "monitor" when c.Monitors.Find(m => m.Node == p[1] && m.Monitor == p[2]) is { } run:
                    run.State = "monitored";
                    break;
            }
        }
        if (healed.Count > 0)
        {
            // The halted side's silence is a new failure: detect again from the world as it now is.
            Merge(world, config, healed);
            Detect(world, config);
            return;
        }
        foreach (var key in c.Timers.Keys.Where(k => k.StartsWith(DetectPrefix, StringComparison.Ordinal) && !facts.ContainsKey(k[DetectPrefix.Length..])).ToList())
        {
            c.Timers.Remove(key);
        }
        foreach (var (fact, since) in facts.Where(f => !c.Detected.Contains(f.Key)))
        {
            var key = DetectPrefix + fact;
            if (!c.Timers.TryGetValue(key, out var due))
            {
                due = c.Timers[key] = (since > world.Clock ? world.Clock : since) + DetectionTime(config, fact);
                if (fact.StartsWith("monitor:", StringComparison.Ordinal) && MonitorResumes(world, config, fact) is { } resumes && resumes > due)
                {
                    due = c.Timers[key] = resumes; // §10: no checks during the stabilization interval after a restart
                }
            }
            if (due > world.Clock)
            {
                continue;
            }
            c.Timers.Remove(key);
            c.Detected.Add(fact);
            Noticed(world, config, fact);
        }
    }

    /// <summary>The events a newly noticed failure causes.</summary>
    private static void Noticed(SimWorld world, ClusterConfiguration config, string fact)
    {
        var c = world.Cluster;
        var p = fact.Split(':');
        switch (p[0])
        {
            case "node":
                // S2: its paths are gone; the node's own facts go with it. The dead node's manager is gone too.
                c.Detected.RemoveAll(f => f.StartsWith($"interface:{p[1]}:", StringComparison.Ordinal) || f.StartsWith($"network:{p[1]}:", StringComparison.Ordinal));
                var dead = world.FindNode(p[1])!;
                dead.ClusterManagerState = "ST_INIT";
                foreach (var s in dead.Subsystems.Where(s => s.Group is "cluster" or "topsvcs" or "grpsvcs" or "emsvcs"))
                {
                    s.Pid = null;
                }
                c.ForcedDown.Remove(p[1]);
                Queue(c, "node_down", [p[1]], "failure");
                Queue(c, "node_down_complete", [p[1]], "failure");
                break;
            case "interface":
                var node = world.FindNode(p[1])!;
                var nic = node.Interfaces.Find(i => i.Name == p[2]);
                var services = config.ServiceIps.Where(s => nic?.Addresses.Any(a => a.Address == s.Address) == true).ToList();
                var network = config.Interfaces.FirstOrDefault(i => i.Node == p[1] && i.Device == p[2])?.Network ?? "";
                var spare = config.Interfaces.Where(i => i.Node == p[1] && i.Network == network && i.Device != p[2])
                    .Select(i => node.Interfaces.Find(n => n.Name == i.Device)).FirstOrDefault(n => n is not null && Works(world, n));
                if (services.Count > 0 && spare is not null)
                {
                    // S6: a boot interface on the same network is up: the service label moves there.
                    var args = new List<string> { p[1], network, BootAddress(world, config, p[1], p[2]), BootAddress(world, config, p[1], spare.Name) };
                    c.Queue.Add(new QueuedEvent { Name = "swap_adapter", Args = [.. args], Plan = { p[2], spare.Name } });
                    Queue(c, "swap_adapter_complete", args);
                }
                else
                {
                    Queue(c, "fail_interface", [p[1], BootAddress(world, config, p[1], p[2])]);
                }
                break;
            case "network":
                Queue(c, "network_down", [p[1], p[2]]);
                Queue(c, "network_down_complete", [p[1], p[2]]);
                break;
            case "hang":
                Deadman(world, p[1]);
                break;
            case "partition":
                // R-DETECT: every path to the node is lost while it lives: the other side takes it for failed.
                Queue(c, "node_down", [p[1]], "partition");
                Queue(c, "node_down_complete", [p[1]], "partition");
                break;
            case "monitor":
                MonitorFailed(world, config, p[1], p[2]);
                break;
            case "app":
                world.Faults.RemoveAll(f => f.Kind == "app" && f.Target.StartsWith(p[1] + ":", StringComparison.Ordinal));
                c.Queue.Add(new QueuedEvent { Name = "resource_state_change", Args = { p[1] }, Mode = "group_failure", Group = p[2] });
                break;
        }
    }

    private static void Queue(ClusterRuntime c, string name, List<string> args, string mode = "") =>
        c.Queue.Add(new QueuedEvent { Name = name, Args = [.. args], Mode = mode });

    /// <summary>Every failure that holds now, with when it happened (from the recorded fault, else now).</summary>
    private static Dictionary<string, DateTime> Facts(SimWorld world, ClusterConfiguration config)
    {
        var facts = new Dictionary<string, DateTime>(StringComparer.Ordinal);
        DateTime Since(string kind, string target) =>
            world.Faults.Find(f => f.Kind == kind && f.Target == target)?.Since ?? world.Clock;
        var members = config.Nodes.Select(n => world.FindNode(n.Name)).Where(n => n is not null && (Active(n) || world.Cluster.Detected.Contains("node:" + n.Name))).ToList();
        var lostBy = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var node in members)
        {
            if (!node!.Up)
            {
                facts["node:" + node.Name] = Since("node", node.Name);
                continue;
            }
            if (Heartbeats.Hung(world, node.Name))
            {
                // A hung node beats no more: its peers miss it, and the deadman switch halts it (§7.7).
                facts["hang:" + node.Name] = Since(Heartbeats.HangKind, node.Name);
                facts["node:" + node.Name] = Since(Heartbeats.HangKind, node.Name);
                continue;
            }
            if (!Active(node))
            {
                continue;
            }
            foreach (var net in config.Networks.Where(n => NetworkTypes.IsIp(n.Type)))
            {
                var mine = config.Interfaces.Where(i => i.Node == node.Name && i.Network == net.Name && i.Device.Length > 0).ToList();
                var down = mine.Where(i => node.Interfaces.Find(n => n.Name == i.Device) is not { } nic || !Works(world, nic)).ToList();
                foreach (var i in down)
                {
                    var nic = node.Interfaces.Find(n => n.Name == i.Device);
                    var when = Since("interface", $"{node.Name}:{i.Device}");
                    if (nic is not null && world.Networks.Find(w => w.Name == nic.Network) is { Failed: true })
                    {
                        when = Since("network", nic.Network);
                    }
                    facts[$"interface:{node.Name}:{i.Device}"] = when;
                }
                if (mine.Count > 0 && down.Count == mine.Count)
                {
                    facts[$"network:{node.Name}:{net.Name}"] = down.Max(i => facts[$"interface:{node.Name}:{i.Device}"]);
                    (lostBy.TryGetValue(net.Name, out var l) ? l : lostBy[net.Name] = []).Add(node.Name);
                }
            }
        }
        // R-DETECT: every node lost the network: a global network_down -1, no interface events.
        var up = members.Where(n => n!.Up && Active(n)).Select(n => n!.Name).ToList();
        // A global loss stands while the nodes still up lack the network, even once fewer than two are left.
        foreach (var (net, nodes) in lostBy.Where(l => l.Value.Count == up.Count && (up.Count > 1 || world.Cluster.Detected.Contains($"network:-1:{l.Key}"))))
        {
            var when = nodes.Max(n => facts[$"network:{n}:{net}"]);
            foreach (var n in nodes)
            {
                facts.Remove($"network:{n}:{net}");
                foreach (var i in config.Interfaces.Where(i => i.Node == n && i.Network == net))
                {
                    facts.Remove($"interface:{n}:{i.Device}");
                }
            }
            facts[$"network:-1:{net}"] = when;
        }
        // R-DETECT: live nodes that hear each other over no IP or non-IP path: a partition. Each side takes the
        // other for failed (node_down, no network events); the sides are named by their first node.
        var parts = Heartbeats.Partitions(world, config);
        if (parts.Count > 1)
        {
            var when = world.Faults.Count > 0 ? world.Faults.Max(f => f.Since) : world.Clock;
            // Network failures known before the split stay known; new ones are the partition's.
            foreach (var key in facts.Keys.Where(k => (k.StartsWith("network:", StringComparison.Ordinal) || k.StartsWith("interface:", StringComparison.Ordinal))
                && !world.Cluster.Detected.Contains(k)).ToList())
            {
                facts.Remove(key);
            }
            var order = config.Nodes.Select(n => n.Name).ToList();
            foreach (var part in parts)
            {
                var id = part.OrderBy(order.IndexOf).First();
                foreach (var n in part)
                {
                    facts[$"partition:{n}:{id}"] = when;
                }
            }
        }
        // An application that died where its group is ONLINE, with no application monitor configured:
        // the group's resource failed (selective fallover, R-FO) [RECONSTRUCTED: without a monitor a real cluster does not notice].
        foreach (var g in world.Cluster.Groups.Where(g => g.State == "ONLINE"))
        {
            var node = world.FindNode(g.Node);
            var group = config.ResourceGroups.FirstOrDefault(r => r.Name == g.Group);
            if (node is not { Up: true } || group is null)
            {
                continue;
            }
            foreach (var app in group.Resource(ResourceKinds.Applications))
            {
                var fault = world.Faults.Find(f => f.Kind == "app" && f.Target == $"{g.Node}:{app}");
                var monitors = config.ApplicationMonitors.Where(m => m.Type == MonitorType.Process && m.Mode != "startup" && m.Applications.Contains(app)).ToList();
                foreach (var m in monitors.Where(m => !ProcessesRun(node, m) && !Suspended(world, g.Node, m.Name)))
                {
                    // S9 (§10): a long-running process monitor watches its processes on the node holding the group.
                    facts[$"monitor:{g.Node}:{m.Name}"] = fault?.Since ?? world.Clock;
                }
                if (monitors.Count == 0 && !CustomMonitors(config, app).Any() && fault is not null && !node.Processes.Any(p => p.Command == app || p.Command == app + "d"))
                {
                    facts[$"app:{g.Node}:{g.Group}"] = fault.Since;
                }
            }
        }
        CustomMonitorFacts(world, facts);
        return facts;
    }

    /// <summary>A failure's detection time: the longest of the node's networks for a node (all paths must time out), else its network's.</summary>
    private static TimeSpan DetectionTime(ClusterConfiguration config, string fact)
    {
        var p = fact.Split(':');
        if (p[0] == "hang")
        {
            return HeartbeatTexts.DeadmanTrip;
        }
        IEnumerable<Network> nets = p[0] switch
        {
            "node" or "partition" => config.Networks.Where(n => config.Interfaces.Any(i => i.Node == p[1] && i.Network == n.Name)),
            "interface" => config.Networks.Where(n => config.Interfaces.Any(i => i.Node == p[1] && i.Device == p[2] && i.Network == n.Name)),
            "network" => config.Networks.Where(n => n.Name == p[2]),
            _ => [],
        };
        var times = nets.Select(n => Heartbeats.Module(config, n.Type).DetectionTime).ToList();
        if (p[0] == "monitor")
        {
            // A process monitor notices a death within its monitor interval; a custom monitor's failed check is the notice.
            return config.ApplicationMonitors.FirstOrDefault(m => m.Name == p[2]) is { Type: MonitorType.Process } m
                ? TimeSpan.FromSeconds(m.MonitorInterval) : TimeSpan.Zero;
        }
        return p[0] == "app" ? TimeSpan.Zero : times.Count == 0 ? Heartbeats.Module(config, "ether").DetectionTime : times.Max();
    }

    /// <summary>True when every process of a process monitor runs on the node, at least its instance count of each.</summary>
    private static bool ProcessesRun(SimNode node, ApplicationMonitor monitor) =>
        monitor.Processes.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .All(p => node.Processes.Count(r => r.Command == p || r.Command.EndsWith("/" + p, StringComparison.Ordinal)) >= Math.Max(1, monitor.InstanceCount));

    /// <summary>When a monitor restarted its application last, the end of that restart's stabilization interval.</summary>
    private static DateTime? MonitorResumes(SimWorld world, ClusterConfiguration config, string fact)
    {
        var p = fact.Split(':');
        return world.Cluster.Monitors.Find(m => m.Node == p[1] && m.Monitor == p[2]) is { Restarts: > 0 } run
            && config.ApplicationMonitors.FirstOrDefault(m => m.Name == p[2]) is { } monitor
            ? run.LastRestart + TimeSpan.FromSeconds(monitor.Stabilization)
            : null;
    }

    /// <summary>The restart interval of a monitor: its own, else Restart Count x (stabilization + monitor interval) + 10 % (§10, [UNVERIFIED] formula).</summary>
    private static TimeSpan RestartInterval(ApplicationMonitor m) =>
        m.RestartInterval > 0 ? TimeSpan.FromSeconds(m.RestartInterval)
            : TimeSpan.FromSeconds(m.RestartCount * (m.Stabilization + m.MonitorInterval) * 1.1);

    /// <summary>S9 (§10): a monitor noticed its application dead on <paramref name="node"/>: a restart while the
    /// restart count lasts (the counter resets once the application stayed up for the restart interval), then
    /// the Action on Application Failure: fallover (a group failure, rg_move) or notify (server_down).</summary>
    private static void MonitorFailed(SimWorld world, ClusterConfiguration config, string node, string name)
    {
        var c = world.Cluster;
        if (config.ApplicationMonitors.FirstOrDefault(m => m.Name == name) is not { } monitor)
        {
            return;
        }
        var run = c.Monitors.Find(m => m.Node == node && m.Monitor == name);
        if (run is null)
        {
            c.Monitors.Add(run = new MonitorRun { Node = node, Monitor = name });
        }
        world.Faults.RemoveAll(f => f.Kind == "app" && monitor.Applications.Any(a => f.Target == $"{node}:{a}"));
        if (run.Restarts > 0 && world.Clock - run.LastRestart > RestartInterval(monitor))
        {
            run.Restarts = 0;
        }
        if (run.Restarts < monitor.RestartCount)
        {
            run.Restarts++;
            run.LastRestart = world.Clock;
            Queue(c, "server_restart", [node, name]);
            Queue(c, "server_restart_complete", [node, name]);
        }
        else if (monitor.FailureAction == "notify")
        {
            run.State = "failed";
            Queue(c, "server_down", [node, name]);
            Queue(c, "server_down_complete", [node, name]);
        }
        else
        {
            run.Restarts = 0;
            var group = config.ResourceGroups.FirstOrDefault(g => g.Resource(ResourceKinds.Applications).Any(monitor.Applications.Contains)
                && GroupState(world, g.Name, node) == "ONLINE");
            if (group is not null)
            {
                c.Queue.Add(new QueuedEvent { Name = "resource_state_change", Args = { node }, Mode = "group_failure", Group = group.Name });
            }
        }
    }

    private static bool Works(SimWorld world, NetInterface nic) =>
        nic.Up && world.Networks.Find(w => w.Name == nic.Network) is not { Failed: true };

    private static string BootAddress(SimWorld world, ClusterConfiguration config, string node, string device) =>
        config.Interfaces.FirstOrDefault(i => i.Node == node && i.Device == device) is { Address.Length: > 0 } i ? i.Address
            : world.FindNode(node)?.Interfaces.Find(n => n.Name == device)?.Addresses.FirstOrDefault()?.Address ?? device;

    /// <summary>The settling time (R-SU-2) and delayed fallback timers (R-FB-3) that are due: their placement, and the rg_move events it needs.</summary>
    private void FireTimers(SimWorld world, ClusterConfiguration config)
    {
        var c = world.Cluster;
        foreach (var (name, due) in c.Timers.Where(t => !t.Key.StartsWith(DetectPrefix, StringComparison.Ordinal) && !t.Key.StartsWith(CheckPrefix, StringComparison.Ordinal) && t.Value <= world.Clock).ToList())
        {
            c.Timers.Remove(name);
            var available = Available(world, config);
            if (available.Count == 0)
            {
                continue;
            }
            var plan = name == Settling
                ? Decide(world, config, "settling_time", available, "", "")
                : Decide(world, config, "fallback_timer", available, "", "", target: name[FallbackPrefix.Length..]);
            if (plan.Actions.Count > 0)
            {
                var node = plan.Actions.FirstOrDefault(a => a.Kind == GroupActionKind.Acquire)?.Node ?? plan.Actions[0].Node;
                c.Queue.AddRange(MoveEvents(config, node, plan.Actions));
            }
            _ = due;
        }
    }

    /// <summary>Recover From Script Failure (clruncmd): the manager waiting in ST_RP_FAILED on
    /// <paramref name="node"/> skips the failed event and resumes with the next one (R-EVT §4.1).
    /// False when the node is not waiting on a failed event.</summary>
    public static bool Recover(SimWorld world, string node)
    {
        ArgumentNullException.ThrowIfNull(world);
        var c = world.Cluster;
        if (c.FailedEvent.Length == 0 || c.FailedNode != node)
        {
            return false;
        }
        c.FailedEvent = "";
        c.FailedNode = "";
        c.Warnings = 0;
        foreach (var n in world.Nodes.Where(Active))
        {
            n.ClusterManagerState = c.Queue.Count == 0 ? "ST_STABLE" : "ST_BARRIER";
        }
        return true;
    }
}
