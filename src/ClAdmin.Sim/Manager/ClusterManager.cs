using System.Globalization;
using System.Text;
using ClAdmin.Cluster;
using ClAdmin.Contracts;
using ClAdmin.Sim.Model;
using ClAdmin.Sim.Shell;

namespace ClAdmin.Sim.Manager;

/// <summary>
/// The simulated clstrmgrES of every node and the event engine they share. Events wait in
/// <see cref="ClusterRuntime.Queue"/>; each is processed on every member node in lock-step
/// (R-EVT §4.1: notify start, pre-event, the event, post-event, notify complete; recovery up to
/// its counter), its resource work done by the AIX commands a real event script runs, through the
/// node's shell (ifconfig alias, varyonvg, mount, the application server's scripts). Which group
/// goes where comes from <see cref="IPlacement"/>. Manager states follow R-CM (§5).
/// </summary>
public sealed partial class ClusterManager(IPlacement placement)
{
    /// <summary>Simulated time a sub-event takes; a top-level event takes one more.</summary>
    private static readonly TimeSpan SubEventTime = TimeSpan.FromSeconds(1);

    private static readonly string[] Rsct = ["startsrc -s topsvcs", "startsrc -g grpsvcs", "startsrc -g emsvcs"];

    private static readonly string[] RsctStop = ["stopsrc -g emsvcs", "stopsrc -g grpsvcs", "stopsrc -s topsvcs"];

    /// <summary>R-CM: NOT_CONFIGURED until the node is in a synchronized (active) configuration,
    /// ST_INIT once it is and its services are stopped.</summary>
    public static void Reconcile(SimWorld world, IReadOnlyCollection<string> configuredNodes)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(configuredNodes);
        foreach (var node in world.Nodes)
        {
            node.ClusterManagerState = ConfiguredState(node.ClusterManagerState, configuredNodes.Contains(node.Name));
        }
    }

    /// <summary>R-CM: the state a stopped manager shows, <paramref name="configured"/> telling whether its node is in
    /// the synchronized configuration: ST_INIT when it is, NOT_CONFIGURED when not; a running manager keeps its state.
    /// The one rule behind lssrc -ls clstrmgrES, the status utilities and <c>cladmin sim status</c>.</summary>
    public static string ConfiguredState(string state, bool configured) => (state, configured) switch
    {
        ("NOT_CONFIGURED", true) => "ST_INIT",
        ("ST_INIT", false) => "NOT_CONFIGURED",
        _ => state,
    };

    /// <summary>True when cluster services run on <paramref name="node"/> (past ST_INIT).</summary>
    public static bool Active(SimNode node) => node.ClusterManagerState is not ("ST_INIT" or "NOT_CONFIGURED");

    /// <summary>The state of <paramref name="group"/> on <paramref name="node"/> (OFFLINE when not listed).</summary>
    public static string GroupState(SimWorld world, string group, string node) =>
        world.Cluster.Groups.Find(g => g.Group == group && g.Node == node)?.State ?? "OFFLINE";

    private static void SetGroup(SimWorld world, string group, string node, string state)
    {
        world.Cluster.Groups.RemoveAll(g => g.Group == group && g.Node == node);
        if (state != "OFFLINE")
        {
            world.Cluster.Groups.Add(new RgStatus { Group = group, Node = node, State = state });
        }
    }

    /// <summary>Queues the events of a node joining (node_up, node_up_complete) and marks it ST_JOINING.</summary>
    public static void Join(SimWorld world, SimNode node, bool manageAutomatically)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(node);
        node.ClusterManagerState = "ST_JOINING";
        var mode = manageAutomatically ? "auto" : "manual";
        world.Cluster.Queue.Add(new QueuedEvent { Name = "node_up", Args = { node.Name }, Mode = mode });
        world.Cluster.Queue.Add(new QueuedEvent { Name = "node_up_complete", Args = { node.Name }, Mode = mode });
        Vote(world);
    }

    /// <summary>Queues the events of a node leaving (node_down, node_down_complete) with a stop action or a failure.</summary>
    public static void Leave(SimWorld world, SimNode node, string mode)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(node);
        var arg = ManagerTexts.NodeDownArgument(mode);
        List<string> args = arg.Length == 0 ? [node.Name] : [node.Name, arg];
        world.Cluster.Queue.Add(new QueuedEvent { Name = "node_down", Args = [.. args], Mode = mode });
        world.Cluster.Queue.Add(new QueuedEvent { Name = "node_down_complete", Args = [.. args], Mode = mode });
        Vote(world);
    }

    /// <summary>Members facing queued events vote on the next one (ST_VOTING); a joining node stays ST_JOINING.</summary>
    private static void Vote(SimWorld world)
    {
        foreach (var n in world.Nodes.Where(n => Active(n) && n.ClusterManagerState is not ("ST_JOINING" or "ST_RP_FAILED")))
        {
            n.ClusterManagerState = "ST_VOTING";
        }
    }

    /// <summary>Runs the next queued event on every member. False when none ran (empty queue, or
    /// waiting in ST_RP_FAILED for the operator).</summary>
    public bool Step(SimWorld world, ClusterConfiguration configuration, EventLog log)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(configuration);
        var c = world.Cluster;
        if (c.FailedEvent.Length > 0)
        {
            return false;
        }
        if (c.Queue.Count == 0)
        {
            Detect(world, configuration);
            FireTimers(world, configuration);
        }
        if (c.Queue.Count == 0)
        {
            return false;
        }
        var evt = c.Queue[0];
        c.Queue.RemoveAt(0);
        new EventRun(this, world, configuration, log, evt).Run();
        if (c.FailedEvent.Length == 0)
        {
            foreach (var n in world.Nodes.Where(Active))
            {
                n.ClusterManagerState = c.Queue.Count == 0 ? "ST_STABLE"
                    : n.ClusterManagerState == "ST_JOINING" ? "ST_JOINING" : "ST_BARRIER";
            }
        }
        return true;
    }

    /// <summary>Runs events until the cluster is stable (or an event failed); the simulated time it took.
    /// The clock moves on to the failures waiting to be detected (what a user waits for before the
    /// cluster is stable), not to the settling time or a delayed fallback timer: the cluster is stable
    /// while they run, and `sim clock advance` reaches them.</summary>
    public TimeSpan Settle(SimWorld world, ClusterConfiguration configuration, EventLog log)
    {
        ArgumentNullException.ThrowIfNull(world);
        var start = world.Clock;
        while (true)
        {
            while (Step(world, configuration, log))
            {
            }
            if (world.Cluster.FailedEvent.Length > 0
                || NextDue(world, configuration, includeTimers: false) is not { } due || due <= world.Clock)
            {
                break;
            }
            world.Clock = due > world.Clock ? due : world.Clock;
        }
        return world.Clock - start;
    }

    /// <summary>Moves the clock forward by <paramref name="by"/>, running the queued events, the failure
    /// detections and the timers that fall in that time, and the config_too_long warnings of a failed event.</summary>
    public void Advance(SimWorld world, ClusterConfiguration configuration, TimeSpan by, EventLog log)
    {
        ArgumentNullException.ThrowIfNull(world);
        var until = world.Clock + by;
        while (world.Clock < until)
        {
            if (Step(world, configuration, log))
            {
                continue;
            }
            if (world.Cluster.FailedEvent.Length > 0 || NextDue(world, configuration, includeTimers: true) is not { } due || due > until || due <= world.Clock)
            {
                break;
            }
            world.Clock = due > world.Clock ? due : world.Clock;
        }
        if (world.Clock < until)
        {
            world.Clock = until;
        }
        Warn(world, configuration, log);
    }

    /// <summary>The earliest timer: a failure detection or the check of a custom monitor that should notice one,
    /// and if asked the settling time, delayed fallback timers and every custom monitor check.</summary>
    private static DateTime? NextDue(SimWorld world, ClusterConfiguration configuration, bool includeTimers)
    {
        var due = world.Cluster.Timers.Where(t => includeTimers || t.Key.StartsWith(DetectPrefix, StringComparison.Ordinal)).Select(t => t.Value)
            .Concat(includeTimers ? [] : PendingChecks(world, configuration)).ToList();
        return due.Count == 0 ? null : due.Min();
    }

    /// <summary>config_too_long: once the failed event has run longer than the Time Until Warning,
    /// a warning every 30 s on the node where it failed (§4.2, outputs §1.4).</summary>
    private static void Warn(SimWorld world, ClusterConfiguration configuration, EventLog log)
    {
        var c = world.Cluster;
        if (c.FailedEvent.Length == 0 || world.FindNode(c.FailedNode) is not { } node)
        {
            return;
        }
        var now = world.Clock;
        var threshold = ManagerTexts.TimeUntilWarning(configuration.Cluster, c.FailedEvent);
        var due = (int)Math.Floor((now - c.FailedSince - threshold) / ManagerTexts.WarningInterval) + 1;
        for (; c.Warnings < due; c.Warnings++)
        {
            world.Clock = c.FailedSince + threshold + (c.Warnings * ManagerTexts.WarningInterval);
            var seconds = ((int)(world.Clock - c.FailedSince).TotalSeconds).ToString(CultureInfo.InvariantCulture);
            log.Marker(node, "START", $"config_too_long {seconds} {c.FailedEvent}");
            log.Out(node, ManagerTexts.ConfigTooLong);
            log.Marker(node, "COMPLETED", $"config_too_long {seconds} {c.FailedEvent} 0");
        }
        world.Clock = now;
    }

    /// <summary>One event processed on every member node.</summary>
    private sealed partial class EventRun(ClusterManager manager, SimWorld world, ClusterConfiguration config, EventLog log, QueuedEvent evt)
    {
        private readonly List<(string Node, (string Action, string Resource, string Script) Row)> _summary = [];

        /// <summary>Groups whose start_server failed in this event: a rerun after the recovery command starts them again.</summary>
        private readonly HashSet<(string Group, string Node)> _retry = [];
        private string Line => string.Join(' ', [evt.Name, .. evt.Args]);
        private string Subject => evt.Args.Count > 0 ? evt.Args[0] : "";
        private SimNode? SubjectNode => world.FindNode(Subject);

        public void Run()
        {
            var start = world.Clock;
            var members = Members();
            foreach (var n in members)
            {
                n.ClusterManagerState = "ST_RP_RUNNING";
                log.Debug(n, $"HACMP: clstrmgrES: running event {Line}");
            }
            // R-EVT: the methods configured on the event in the active configuration (HACMPevent in the ACD).
            var methods = config.Events.FirstOrDefault(m => m.Name == evt.Name);
            foreach (var n in members)
            {
                Notify(n, methods, "start", null);
                foreach (var pre in methods?.Pre ?? [])
                {
                    Method(n, Script(pre));
                }
                log.Marker(n, "START", Line);
                log.Availability(n, "umteventstart", [evt.Name], AvailabilityLog.EventStarted(evt.Name));
            }
            world.Clock += SubEventTime;
            var rc = Body(members);
            for (var attempt = 0; rc.Code != 0 && methods is { RecoveryCounter: > 0, Recovery.Length: > 0 } && attempt < methods.RecoveryCounter; attempt++)
            {
                // R-EVT: the recovery command, then the event again, up to the recovery counter.
                if (Method(rc.Node!, methods.Recovery) != 0)
                {
                    break;
                }
                rc = Body(members);
            }
            foreach (var n in members)
            {
                var code = rc.Node == n ? rc.Code : 0;
                log.Marker(n, "COMPLETED", $"{Line} {code.ToString(CultureInfo.InvariantCulture)}");
                log.Availability(n, "umteventcomplete", [evt.Name], AvailabilityLog.EventCompleted(evt.Name));
                foreach (var post in methods?.Post ?? [])
                {
                    Method(n, Script(post));
                }
                Notify(n, methods, "complete", code);
                if (rc.Code == 0 && evt.Name is "node_up" or "node_up_complete" or "node_down" or "node_down_complete")
                {
                    log.Summary(n, evt.Name, start, [.. _summary.Where(r => r.Node == n.Name).Select(r => r.Row)]);
                }
            }
            world.Cluster.LastEvent = ManagerTexts.TeName(evt.Name);
            world.Cluster.LastEventNode = SubjectNode?.NodeNumber ?? 0;
            if (rc.Code != 0)
            {
                Fail(rc.Node!, rc.Code, start);
            }
        }

        /// <summary>The nodes that process the event: the members with services (a node still
        /// waiting for its own node_up is not one yet), and the node the event is about; never a crashed node.</summary>
        private List<SimNode> Members()
        {
            if (evt.Mode == "partition")
            {
                // R-DETECT: in a partition, the nodes that no longer hear the subject run its node_down.
                var side = Heartbeats.Side(world, Heartbeats.Rings(world, config), Subject);
                return [.. world.Nodes.Where(n => !side.Contains(n.Name) && Heartbeats.Listening(world, n) && n.ClusterManagerState != "ST_JOINING" && config.Nodes.Any(c => c.Name == n.Name))];
            }
            return [.. world.Nodes.Where(n => n.Up && !Heartbeats.Hung(world, n.Name) && ((Active(n) && n.ClusterManagerState != "ST_JOINING") || n.Name == Subject) && config.Nodes.Any(c => c.Name == n.Name))];
        }

        private void Notify(SimNode node, ClusterEvent? methods, string phase, int? rc)
        {
            if (methods is { Notify.Length: > 0 })
            {
                var args = rc is null ? $"{evt.Name} {phase} {string.Join(' ', evt.Args)}" : $"{evt.Name} {phase} {rc.Value.ToString(CultureInfo.InvariantCulture)} {string.Join(' ', evt.Args)}";
                Method(node, $"{methods.Notify} {args}");
            }
        }

        /// <summary>The script of the custom event a pre- or post-event command names (HACMPcustom).</summary>
        private string Script(string customEvent) => config.CustomEvents.FirstOrDefault(e => e.Name == customEvent)?.File ?? customEvent;

        private int Method(SimNode node, string command)
        {
            log.Out(node, $"+{evt.Name}[{evt.Name}] {command}");
            var r = SimShell.Execute(world, node.Name, command);
            log.Out(node, r.Stdout + r.Stderr);
            return r.ExitCode;
        }

        /// <summary>The event command: its resource work, on the nodes that do it. (node, rc) of the first failure.</summary>
        private (SimNode? Node, int Code) Body(List<SimNode> members)
        {
            switch (evt.Name)
            {
                case "node_up":
                    return NodeUp(members);
                case "node_up_complete":
                case "node_down_complete":
                case "rg_move_complete":
                    return Complete(members);
                case "node_down":
                    return NodeDown(members);
                case "external_resource_state_change":
                case "resource_state_change":
                    return StateChange();
                case "rg_move_release":
                case "rg_move_acquire":
                    return Carry(DecodePlan(evt.Plan));
                case "network_down":
                case "network_up":
                    return Network();
                case "swap_adapter":
                    return Swap();
                case "server_restart":
                case "server_down":
                    return Monitor();
                case "reconfig_resource_release":
                    return Carry(DecodePlan(evt.Plan)); // §9.4: DARE releases what is removed or changed first
                case "reconfig_resource_acquire":
                    return Carry(manager.Decide(world, config, "reconfigured", Available(world, config), Subject, "").Actions);
                case "reconfig_resource_complete":
                    return Complete(members);
                default:
                    return (null, 0);
            }
        }

        private (SimNode?, int) NodeUp(List<SimNode> members)
        {
            var joiner = SubjectNode!;
            world.Cluster.ForcedDown.Remove(joiner.Name);
            if (evt.Mode == "manual")
            {
                return (null, 0);
            }
            // §3: restarting after Unmanage, each group's resources are checked and the inactive ones activated.
            foreach (var g in world.Cluster.Groups.Where(g => g.Node == joiner.Name && g.State == "UNMANAGED").ToList())
            {
                if (Acquire(joiner, g.Group) is { } failed)
                {
                    return failed;
                }
            }
            var available = members.Select(n => n.Name).ToList();
            return Carry(manager.Decide(world, config, "node_up", available, Subject, evt.Mode).Actions);
        }

        private (SimNode?, int) NodeDown(List<SimNode> members)
        {
            var leaving = world.FindNode(Subject)!;
            if (evt.Mode == "unmanage")
            {
                // S5: nothing is released or taken over; the node's groups are UNMANAGED.
                foreach (var g in world.Cluster.Groups.Where(g => g.Node == leaving.Name && g.State == "ONLINE").ToList())
                {
                    g.State = "UNMANAGED";
                }
                if (!world.Cluster.ForcedDown.Contains(leaving.Name))
                {
                    world.Cluster.ForcedDown.Add(leaving.Name);
                }
                return (null, 0);
            }
            var available = members.Where(n => n != leaving).Select(n => n.Name).ToList();
            if (evt.Mode == "partition")
            {
                // R-DETECT: each side takes the groups of the node it lost; that node, alive on its side, keeps its own.
                return Carry(manager.Decide(world, config, "node_down", available, Subject, evt.Mode, side: available.ToHashSet(StringComparer.Ordinal)).Actions);
            }
            var plan = manager.Decide(world, config, "node_down", available, Subject, evt.Mode).Actions;
            if (evt.Mode == "failure")
            {
                // S2: the failed node released nothing; its rows read OFFLINE (R-STATE).
                world.Cluster.Groups.RemoveAll(g => g.Node == leaving.Name);
            }
            return Carry(plan);
        }

        /// <summary>external_resource_state_change (a user move, S10) and resource_state_change (selective
        /// fallover, an application failure): the placement, then rg_move_release, rg_move_fence,
        /// rg_move_acquire, rg_move_complete and the _complete event queued in front.</summary>
        private (SimNode?, int) StateChange()
        {
            IReadOnlyList<GroupAction> actions;
            if (evt.Name == "external_resource_state_change" || evt.Mode == "group_failure")
            {
                var what = evt.Mode == "group_failure" ? "group_failure" : "rg_move";
                if (what == "rg_move")
                {
                    ForgetStartFailures(evt.Group);
                }
                var plan = manager.Decide(world, config, what, Available(world, config), Subject, evt.Mode, evt.Target, evt.Group);
                foreach (var refusal in plan.Refusals)
                {
                    log.Out(SubjectNode ?? Members()[0], $"ERROR: {refusal}");
                }
                actions = plan.Actions;
                if (actions.Count == 0 && GroupState(world, evt.Group, Subject) == "TEMPORARY ERROR")
                {
                    SetGroup(world, evt.Group, Subject, "ERROR"); // R-STATE: no node to recover the acquisition on
                }
            }
            else
            {
                actions = DecodePlan(evt.Plan);
            }
            world.Cluster.Queue.InsertRange(0, [.. MoveEvents(config, Subject, actions),
                new QueuedEvent { Name = evt.Name + "_complete", Args = { Subject } }]);
            return (null, 0);
        }

        /// <summary>network_down / network_up on a node or on every node (-1): selective fallover of the
        /// groups whose service labels are on that network (S7), nothing for a global loss (S8).</summary>
        private (SimNode?, int) Network()
        {
            var plan = manager.Decide(world, config, evt.Name, Available(world, config), Subject, "", target: evt.Args[1]);
            if (plan.Actions.Count > 0)
            {
                var complete = world.Cluster.Queue.FindIndex(q => q.Name == evt.Name + "_complete" && q.Args.SequenceEqual(evt.Args));
                var node = Subject == "-1" ? plan.Actions[0].Node : Subject;
                world.Cluster.Queue.Insert(complete + 1, new QueuedEvent { Name = "resource_state_change", Args = { node }, Plan = [.. EncodePlan(plan.Actions)] });
            }
            return (null, 0);
        }

        /// <summary>S9 (§10) on the node of the monitor: server_restart runs the cleanup method (default the
        /// stop script) then the restart method (default the start script) of each monitored application;
        /// server_down runs the notify method and leaves the group where it is.</summary>
        private (SimNode?, int) Monitor()
        {
            var node = SubjectNode!;
            if (config.ApplicationMonitors.FirstOrDefault(m => m.Name == evt.Args[1]) is not { } monitor)
            {
                return (null, 0);
            }
            var group = config.ResourceGroups.FirstOrDefault(g => g.Resource(ResourceKinds.Applications).Any(monitor.Applications.Contains)
                && GroupState(world, g.Name, node.Name) == "ONLINE")?.Name ?? "";
            if (evt.Name == "server_down")
            {
                var rc = monitor.NotifyMethod.Length > 0 ? Trace(node, group, evt.Name, monitor.NotifyMethod) : 0;
                return rc == 0 ? (null, 0) : (node, rc);
            }
            foreach (var controller in config.ApplicationControllers.Where(a => monitor.Applications.Contains(a.Name)))
            {
                var cleanup = monitor.CleanupMethod.Length > 0 ? monitor.CleanupMethod : controller.StopScript;
                var restart = monitor.RestartMethod.Length > 0 ? monitor.RestartMethod : controller.StartScript;
                var rc = cleanup.Length > 0 ? Trace(node, group, evt.Name, cleanup) : 0;
                rc = rc == 0 && restart.Length > 0 ? Trace(node, group, evt.Name, restart) : rc;
                if (rc != 0)
                {
                    return (node, rc);
                }
            }
            if (world.Cluster.Monitors.Find(m => m.Node == node.Name && m.Monitor == monitor.Name) is { } run)
            {
                run.CheckFailed = false; // restarted: the next check (after the stabilization interval) decides again
            }
            return (null, 0);
        }

        /// <summary>swap_adapter (S6): the service addresses of the failed interface move to the spare one.</summary>
        private (SimNode?, int) Swap()
        {
            var node = SubjectNode!;
            var (from, to) = (evt.Plan[0], evt.Plan[1]);
            var nic = node.Interfaces.Find(i => i.Name == from);
            foreach (var service in config.ServiceIps.Where(s => nic?.Addresses.Any(a => a.Address == s.Address) == true))
            {
                var mask = service.Netmask.Length > 0 ? service.Netmask : config.Networks.FirstOrDefault(n => n.Name == service.Network)?.Netmask ?? "255.255.255.0";
                var rc = Trace(node, "", "swap_adapter", $"ifconfig {from} delete {service.Address}");
                rc = rc == 0 ? Trace(node, "", "swap_adapter", $"ifconfig {to} alias {service.Address} netmask {mask}") : rc;
                if (rc != 0)
                {
                    return (node, rc);
                }
            }
            return (null, 0);
        }

        /// <summary>R-ORDER: every release first, then every acquisition.</summary>
        private (SimNode?, int) Carry(IReadOnlyList<GroupAction> actions)
        {
            foreach (var a in actions.Where(a => a.Kind == GroupActionKind.Release))
            {
                if (Release(world.FindNode(a.Node)!, a.Group) is { } failed)
                {
                    return failed;
                }
            }
            foreach (var a in actions.Where(a => a.Kind == GroupActionKind.Acquire))
            {
                if (Acquire(world.FindNode(a.Node)!, a.Group) is { } failed)
                {
                    return failed;
                }
            }
            return (null, 0);
        }

        /// <summary>node_up_complete / node_down_complete: start the applications of the groups
        /// acquired (start_server); for a node that stopped, the daemons stop and it leaves (ST_INIT).</summary>
        private (SimNode?, int) Complete(List<SimNode> members)
        {
            var retry = _retry.ToList();
            _retry.Clear();
            foreach (var g in world.Cluster.Groups.Where(g => g.State == "ACQUIRING" || retry.Contains((g.Group, g.Node))).ToList())
            {
                var node = world.FindNode(g.Node)!;
                var group = config.ResourceGroups.First(r => r.Name == g.Group);
                foreach (var app in group.Resource(ResourceKinds.Applications))
                {
                    if (Sub(node, g.Group, "start_server", app, () => StartServer(node, g.Group, app)) is { } failed)
                    {
                        SetGroup(world, g.Group, node.Name, "ERROR");
                        _retry.Add((g.Group, node.Name));
                        return failed;
                    }
                }
                if (_startupFailed.Remove(g.Group))
                {
                    StartupFailed(node, g.Group);
                    continue;
                }
                SetGroup(world, g.Group, node.Name, "ONLINE");
                log.GroupOnline(node, g.Group, group.Resource(ResourceKinds.Applications));
                _summary.Add((node.Name, ("Resource online:", g.Group, "process_resources")));
            }
            if (evt.Name == "node_down_complete" && SubjectNode is { } leaving && members.Contains(leaving))
            {
                if (evt.Mode == "unmanage")
                {
                    // HACMP 5.4: after a forced stop the node's manager stays ST_STABLE, its groups UNMANAGED (§5).
                    return (null, 0);
                }
                foreach (var line in RsctStop)
                {
                    Trace(leaving, "", "node_down_complete", line);
                }
                leaving.ClusterManagerState = "ST_INIT";
            }
            return (null, 0);
        }

        private (SimNode?, int)? Acquire(SimNode node, string groupName)
        {
            var group = config.ResourceGroups.First(r => r.Name == groupName);
            SetGroup(world, groupName, node.Name, "ACQUIRING");
            _summary.Add((node.Name, ("Acquiring resource group:", groupName, "process_resources")));
            var index = Index(groupName);
            log.Marker(node, "START", $"rg_move {Subject} {index} ACQUIRE");
            var takeover = TakeoverLabels(node, group);
            var own = group.Resource(ResourceKinds.ServiceLabel).Except(takeover).ToList();
            var failed = (own.Count > 0 || takeover.Count == 0 ? Sub(node, groupName, "acquire_service_addr", "", () => AcquireAddresses(node, group, own, "acquire_service_addr")) : null)
                ?? (takeover.Count > 0 ? Sub(node, groupName, "acquire_takeover_addr", "", () => AcquireAddresses(node, group, takeover, "acquire_takeover_addr")) : null)
                ?? Sub(node, groupName, "get_disk_vg_fs", "", () => GetDisks(node, group));
            log.Marker(node, "COMPLETED", $"rg_move {Subject} {index} ACQUIRE {(failed?.Item2 ?? 0).ToString(CultureInfo.InvariantCulture)}");
            if (failed is not null)
            {
                SetGroup(world, groupName, node.Name, "ERROR");
            }
            return failed;
        }

        private (SimNode?, int)? Release(SimNode node, string groupName)
        {
            var group = config.ResourceGroups.First(r => r.Name == groupName);
            SetGroup(world, groupName, node.Name, "RELEASING");
            _summary.Add((node.Name, ("Releasing resource group:", groupName, "process_resources")));
            var index = Index(groupName);
            log.Marker(node, "START", $"rg_move {Subject} {index} RELEASE");
            (SimNode?, int)? failed = null;
            foreach (var app in group.Resource(ResourceKinds.Applications).Reverse())
            {
                failed ??= Sub(node, groupName, "stop_server", app, () => StopServer(node, groupName, app));
            }
            var takeover = TakeoverLabels(node, group);
            var own = group.Resource(ResourceKinds.ServiceLabel).Except(takeover).ToList();
            if (own.Count > 0 || takeover.Count == 0)
            {
                failed ??= Sub(node, groupName, "release_service_addr", "", () => ReleaseAddresses(node, group, own, "release_service_addr"));
            }
            if (takeover.Count > 0)
            {
                failed ??= Sub(node, groupName, "release_takeover_addr", "", () => ReleaseAddresses(node, group, takeover, "release_takeover_addr"));
            }
            failed ??= Sub(node, groupName, "release_vg_fs", "", () => ReleaseDisks(node, group));
            log.Marker(node, "COMPLETED", $"rg_move {Subject} {index} RELEASE {(failed?.Item2 ?? 0).ToString(CultureInfo.InvariantCulture)}");
            SetGroup(world, groupName, node.Name, failed is null ? "OFFLINE" : "ERROR");
            if (failed is null)
            {
                log.GroupOffline(node, groupName, group.Resource(ResourceKinds.Applications));
            }
            return failed;
        }

        private string Index(string group) => GroupIndex(config, group);

        /// <summary>A nested sub-event: its markers around the work; (node, rc) when it failed.</summary>
        private (SimNode?, int)? Sub(SimNode node, string group, string name, string args, Func<int> work)
        {
            var text = args.Length == 0 ? name : $"{name} {args}";
            log.Marker(node, "START", text);
            world.Clock += SubEventTime;
            var rc = work();
            log.Marker(node, "COMPLETED", ManagerTexts.SubEventCompleted(name, text, rc));
            _ = group;
            return rc == 0 ? null : (node, rc);
        }

        /// <summary>Runs one AIX command of an event script on the node, tracing it into hacmp.out as ksh -x does
        /// (<c>+RG:script[line] command</c>, outputs §1.2), its output unprefixed after it.</summary>
        private int Trace(SimNode node, string group, string script, string command)
        {
            var lineNo = node.Files.TryGetValue(ManagerTexts.HacmpOut, out var f) ? (f.Content.Count(ch => ch == '\n') % 900) + 10 : 10;
            log.Out(node, string.Create(CultureInfo.InvariantCulture, $"+{group}:{script}[{lineNo}] {command}"));
            var r = SimShell.Execute(world, node.Name, command);
            if (r.Stdout.Length + r.Stderr.Length > 0)
            {
                log.Out(node, r.Stdout + r.Stderr);
            }
            return r.ExitCode;
        }

        /// <summary>The service labels of <paramref name="group"/> that <paramref name="node"/> takes over (§4.2
        /// acquire_takeover_addr / release_takeover_addr): those on an IPAT via replacement network, on a node that is
        /// not the group's home node (the first of its list) [RECONSTRUCTED: which node counts as takeover].</summary>
        private List<string> TakeoverLabels(SimNode node, ResourceGroup group) =>
            group.Nodes.Count > 0 && group.Nodes[0] == node.Name ? []
                : [.. group.Resource(ResourceKinds.ServiceLabel).Where(l => config.ServiceIps.FirstOrDefault(s => s.Label == l) is { } service
                    && config.Networks.FirstOrDefault(n => n.Name == service.Network)?.Ipat == IpatMethod.Replacement)];

        /// <summary>IPAT via aliasing adds the service address as an alias of a boot interface on its network;
        /// IPAT via replacement puts it in place of the boot address of a boot interface that holds no other service
        /// address (on a takeover node the standby, R-IPAT, §7.2). <paramref name="script"/> names the sub-event.</summary>
        private int AcquireAddresses(SimNode node, ResourceGroup group, IReadOnlyList<string> labels, string script)
        {
            foreach (var label in labels)
            {
                if (config.ServiceIps.FirstOrDefault(s => s.Label == label) is not { Address.Length: > 0 } service)
                {
                    log.Out(node, $"ERROR: the service IP label {label} has no address in the active configuration.");
                    return 1;
                }
                if (node.Interfaces.Any(i => i.Addresses.Any(a => a.Address == service.Address)))
                {
                    continue; // already there (a group found UNMANAGED)
                }
                var network = config.Networks.FirstOrDefault(n => n.Name == service.Network);
                var mask = service.Netmask.Length > 0 ? service.Netmask : network?.Netmask ?? "255.255.255.0";
                var replacement = network?.Ipat == IpatMethod.Replacement;
                var boot = config.Interfaces
                    .Where(i => i.Node == node.Name && i.Network == service.Network)
                    .Select(i => node.Interfaces.Find(n => n.Name == i.Device && n.Up))
                    .FirstOrDefault(n => n is not null && (!replacement || !n.Addresses.Any(a => config.ServiceIps.Any(s => s.Address == a.Address))));
                if (boot is null)
                {
                    log.Out(node, $"ERROR: no boot interface of {node.Name} on network {service.Network} is up for {label}.");
                    return 1;
                }
                var rc = replacement
                    ? Trace(node, group.Name, script, $"ifconfig {boot.Name} inet {service.Address} netmask {mask} up")
                    : Trace(node, group.Name, script, $"ifconfig {boot.Name} alias {service.Address} netmask {mask}");
                if (rc != 0)
                {
                    return rc;
                }
            }
            return 0;
        }

        private int ReleaseAddresses(SimNode node, ResourceGroup group, IReadOnlyList<string> labels, string script)
        {
            foreach (var label in labels)
            {
                if (config.ServiceIps.FirstOrDefault(s => s.Label == label) is not { Address.Length: > 0 } service
                    || node.Interfaces.Find(i => i.Addresses.Any(a => a.Address == service.Address)) is not { } nic)
                {
                    continue;
                }
                var network = config.Networks.FirstOrDefault(n => n.Name == service.Network);
                var boot = config.Interfaces.FirstOrDefault(i => i.Node == node.Name && i.Device == nic.Name);
                var rc = network?.Ipat == IpatMethod.Replacement && boot is { Address.Length: > 0 }
                    ? Trace(node, group.Name, script, $"ifconfig {nic.Name} inet {boot.Address} netmask {network.Netmask} up")
                    : Trace(node, group.Name, script, $"ifconfig {nic.Name} delete {service.Address}");
                if (rc != 0)
                {
                    return rc;
                }
            }
            return 0;
        }

        private IEnumerable<string> FileSystems(ResourceGroup group)
        {
            var listed = group.Resource(ResourceKinds.FileSystem);
            return listed.Count == 0 || listed.Contains("ALL")
                ? config.FileSystems.Where(f => group.Resource(ResourceKinds.VolumeGroup).Contains(f.VolumeGroup)).Select(f => f.MountPoint)
                : listed;
        }

        private int GetDisks(SimNode node, ResourceGroup group)
        {
            foreach (var vg in group.Resource(ResourceKinds.VolumeGroup))
            {
                LazyUpdate(node, group.Name, vg);
                var rc = Trace(node, group.Name, "get_disk_vg_fs", $"varyonvg {vg}");
                if (rc != 0)
                {
                    return rc;
                }
            }
            foreach (var fs in FileSystems(group))
            {
                if (node.Mounts.Any(m => m.MountPoint == fs))
                {
                    continue;
                }
                var rc = Trace(node, group.Name, "get_disk_vg_fs", $"mount {fs}");
                if (rc != 0)
                {
                    return rc;
                }
            }
            return 0;
        }

        /// <summary>Lazy update (semantics §8): before varying a volume group on, the node's ODM timestamp is
        /// compared with the descriptor area's; when they differ (a change made on another node without C-SPOC)
        /// the node learns it with importvg -L, which also brings its /etc/filesystems up to date. Its failure
        /// is left to the varyonvg that follows to report.</summary>
        private void LazyUpdate(SimNode node, string group, string name)
        {
            if (node.FindVgByName(name) is { } known && world.FindVg(known.VgId) is { } vg && known.OdmTimestamp != vg.Timestamp
                && vg.Disks.Count > 0 && world.FindDisk(vg.Disks[0])?.NameOn(node.Name) is { } disk)
            {
                Trace(node, group, "get_disk_vg_fs", $"importvg -L {name} {disk}");
            }
        }

        private int ReleaseDisks(SimNode node, ResourceGroup group)
        {
            foreach (var fs in FileSystems(group).Reverse().Where(fs => node.Mounts.Any(m => m.MountPoint == fs)))
            {
                var rc = Trace(node, group.Name, "release_vg_fs", $"umount {fs}");
                if (rc != 0)
                {
                    return rc;
                }
            }
            foreach (var vg in group.Resource(ResourceKinds.VolumeGroup))
            {
                var rc = Trace(node, group.Name, "release_vg_fs", $"varyoffvg {vg}");
                if (rc != 0)
                {
                    return rc;
                }
            }
            return 0;
        }

        private int StopServer(SimNode node, string group, string app) =>
            config.ApplicationControllers.FirstOrDefault(a => a.Name == app) is { } controller
                ? Trace(node, group, "stop_server", controller.StopScript)
                : 0;

        /// <summary>R-EVT: the event failed after its recovery attempts: the node's manager waits in
        /// ST_RP_FAILED, event_error is run, config_too_long follows on the clock.</summary>
        private void Fail(SimNode node, int rc, DateTime start)
        {
            var c = world.Cluster;
            c.FailedEvent = Line;
            c.FailedNode = node.Name;
            c.FailedSince = start;
            c.Warnings = 0;
            node.ClusterManagerState = "ST_RP_FAILED";
            var code = rc.ToString(CultureInfo.InvariantCulture);
            log.Marker(node, "START", $"event_error {code} {Line}");
            log.Marker(node, "COMPLETED", $"event_error {code} {Line} 0");
            log.Debug(node, $"HACMP: clstrmgrES: event {Line} failed with exit status {code}; waiting for the operator (ST_RP_FAILED)");
        }
    }

    private readonly IPlacement _placement = placement ?? throw new ArgumentNullException(nameof(placement));

    /// <summary>The daemons a start brings up on the node, through its shell (SRC), with what they printed.</summary>
    internal static void StartDaemons(SimWorld world, SimNode node, bool clinfo, StringBuilder output)
    {
        foreach (var line in Rsct.Concat(clinfo ? ["startsrc -s clinfoES"] : []).Concat(node.Subsystems.Any(s => s.Name == "clstrmgrES" && s.Pid is null) ? ["startsrc -s clstrmgrES"] : []))
        {
            var r = SimShell.Execute(world, node.Name, line);
            foreach (var l in (r.Stdout + r.Stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                output.Append(node.Name).Append(": ").Append(l).Append('\n');
            }
        }
    }
}
