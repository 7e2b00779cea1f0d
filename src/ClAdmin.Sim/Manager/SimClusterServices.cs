using System.Globalization;
using System.Text;
using ClAdmin.Cluster;
using ClAdmin.Contracts;
using ClAdmin.Sim.Model;
using ClAdmin.Store;

namespace ClAdmin.Sim.Manager;

/// <summary>
/// Cluster services on the simulated nodes: starts and stops from the active configuration (ACD),
/// the events they cause run by the <see cref="ClusterManager"/> to a stable cluster before the
/// call returns (auto mode), or left queued for <c>cladmin sim step|settle|clock advance</c> (step
/// mode). Every change is one save of the world (<see cref="SimTransport.ChangeWorldAsync"/>).
/// </summary>
public sealed partial class SimClusterServices(SimTransport transport, Func<ObjectRepository> openRepository, IPlacement placement) : IClusterServices
{
    private readonly ClusterManager _manager = new(placement);

    /// <summary>The active configuration (ACD): what cluster services run.</summary>
    public ClusterConfiguration ActiveConfiguration()
    {
        using var repo = openRepository();
        return repo.LoadConfiguration(ConfigDirectory.Active);
    }

    public Task<CommandResult> StartAsync(StartServices request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ChangeAsync("cl_rc.cluster", request.Nodes, cancellationToken, (world, config, nodes, o, e, log) =>
        {
            var flags = string.Join(' ', new[]
            {
                "-boot", When(request.When), request.ManageAutomatically ? "-A" : "-M", request.Broadcast ? "-b" : "",
                request.ClinfoDaemon ? "-i" : "", request.IgnoreVerificationErrors ? "-v" : "",
                request.AutoCorrect is { } c ? "-C " + c : "", "-P cl_rc_cluster",
            }.Where(f => f.Length > 0));
            if (request.When != ServicesWhen.Restart && nodes.Where(n => n.Software.RebootPending).ToList() is { Count: > 0 } pending)
            {
                foreach (var node in pending)
                {
                    e.Append(ManagerTexts.RebootFirst("cl_rc.cluster", node.Name, node.Software.Find(Software.SoftwareCatalog.ServerFileset)?.Level ?? "")).Append('\n');
                }
                return 1;
            }
            foreach (var node in nodes)
            {
                if (request.When != ServicesWhen.Now)
                {
                    Inittab(world, node, add: true);
                }
                if (request.When == ServicesWhen.Restart)
                {
                    o.Append(node.Name).Append(": cluster services will start at the next system restart (/etc/inittab).\n");
                    continue;
                }
                if (ClusterManager.Active(node) && !world.Cluster.ForcedDown.Contains(node.Name))
                {
                    o.Append(node.Name).Append(": cluster services are already active on this node (").Append(node.ClusterManagerState).Append(").\n");
                    continue;
                }
                foreach (var line in ManagerTexts.StartBanner(node.Name, world.Clock, flags))
                {
                    o.Append(line).Append('\n');
                }
                ClusterManager.StartDaemons(world, node, request.ClinfoDaemon, o);
                ClusterManager.Join(world, node, request.ManageAutomatically);
                foreach (var line in ManagerTexts.StartTrailer(node.Name, flags, 0))
                {
                    o.Append(line).Append('\n');
                }
            }
            return 0;
        });
    }

    public Task<CommandResult> StopAsync(StopServices request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ChangeAsync("cl_clstop", request.Nodes, cancellationToken, (world, config, nodes, o, e, log) =>
        {
            var (mode, flag) = request.Action switch
            {
                StopAction.Move => ("move", "-gr"),
                StopAction.Unmanage => ("unmanage", "-f"),
                _ => ("offline", "-g"),
            };
            foreach (var node in nodes)
            {
                if (request.When != ServicesWhen.Now)
                {
                    Inittab(world, node, add: false);
                }
                if (request.When == ServicesWhen.Restart)
                {
                    o.Append(node.Name).Append(": cluster services will not start at the next system restart (/etc/inittab).\n");
                    continue;
                }
                if (!ClusterManager.Active(node) || world.Cluster.ForcedDown.Contains(node.Name))
                {
                    o.Append(node.Name).Append(": cluster services are not active on this node (").Append(node.ClusterManagerState).Append(").\n");
                    continue;
                }
                if (request.Broadcast)
                {
                    o.Append(ManagerTexts.StopBroadcast(node.Name)).Append('\n');
                }
                o.Append(ManagerTexts.StopCalled(node.Name, world.Clock, $"{When(request.When)} {flag}")).Append('\n');
                ClusterManager.Leave(world, node, mode);
            }
            return 0;
        }, after: (world, nodes, o) =>
        {
            foreach (var node in nodes.Where(n => world.Cluster.Queue.Count == 0))
            {
                var what = request.Action == StopAction.Unmanage ? "unmanaged" : node.ClusterManagerState == "ST_INIT" ? "offline" : null;
                if (what is not null)
                {
                    o.Append(ManagerTexts.NodeNow(node.Name, what)).Append('\n');
                }
            }
        });
    }

    /// <summary>clRGmove / clmgr move|online|offline resource_group (semantics §1.6, S10): checked against
    /// the rules, then external_resource_state_change queued and, in auto mode, run to a stable cluster;
    /// prints what clRGmove prints (outputs §3.3).</summary>
    public Task<CommandResult> MoveGroupAsync(MoveGroup request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var action = request.Action switch
        {
            MoveAction.Online => "online",
            MoveAction.Offline => "offline",
            _ => "move",
        };
        ClusterConfiguration? active = null;
        return ChangeAsync(request.Command, [], cancellationToken, (world, config, nodes, o, e, log) =>
        {
            active = config;
            if (world.Cluster.FailedEvent.Length > 0 || world.Cluster.Queue.Count > 0)
            {
                e.Append(CultureInfo.InvariantCulture, $"{request.Command}: ERROR: the cluster is not stable ({(world.Cluster.FailedEvent.Length > 0 ? $"event {world.Cluster.FailedEvent} failed on {world.Cluster.FailedNode}" : "cluster events are waiting")}); try again when it is.\n");
                return 1;
            }
            var (refusals, node) = _manager.Check(world, config, request.Group, action, request.Node);
            if (refusals.Count > 0)
            {
                foreach (var r in refusals)
                {
                    e.Append(CultureInfo.InvariantCulture, $"{request.Command}: ERROR: {r}.\n");
                }
                return 1;
            }
            o.Append(ManagerTexts.MoveAttempt(action, request.Group, request.Node ?? node)).Append('\n');
            world.Cluster.Queue.Add(new QueuedEvent
            {
                Name = "external_resource_state_change",
                Args = { node },
                Mode = action,
                Group = request.Group,
                Target = request.Node ?? "",
            });
            return 0;
        }, after: (world, nodes, o) => MoveResult(world, active!, request.Group, action, o), quiet: true);
    }

    /// <summary>The lines after the events of a move (outputs §3.3 [VERBATIM, RB-72U Ex. 5-3]).</summary>
    private static void MoveResult(SimWorld world, ClusterConfiguration config, string group, string action, StringBuilder o)
    {
        if (world.Cluster.Queue.Count > 0 || world.Cluster.FailedEvent.Length > 0)
        {
            return;
        }
        var online = world.Cluster.Groups.Where(g => g.Group == group && g.State == "ONLINE").Select(g => g.Node).ToList();
        o.Append(ManagerTexts.MoveWaiting).Append('\n').Append(ManagerTexts.MoveStabilizing).Append('\n');
        var ok = action == "offline" ? online.Count == 0 : online.Count > 0;
        o.Append(ok ? ManagerTexts.MoveSuccessful : ManagerTexts.MoveFailed).Append('\n');
        o.Append(online.Count > 0 ? ManagerTexts.MoveOnline(group, online[0]) : ManagerTexts.MoveOffline(group)).Append('\n');
        o.Append(ManagerTexts.MoveStateBlock(config.Cluster?.Name ?? "", group,
            [.. (config.ResourceGroups.FirstOrDefault(r => r.Name == group)?.Nodes ?? []).Select(n => (n, ClusterManager.GroupState(world, group, n)))]));
    }

    /// <summary>clruncmd NODE (Recover From Script Failure, R-EVT §4.1): the node's manager skips the failed
    /// event and resumes; in auto mode the waiting events run to a stable cluster.</summary>
    public Task<CommandResult> RecoverAsync(string node, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(node);
        return ChangeAsync("clruncmd", [node], cancellationToken, (world, config, nodes, o, e, log) =>
        {
            if (!ClusterManager.Recover(world, node))
            {
                e.Append(CultureInfo.InvariantCulture, $"clruncmd: the cluster manager on {node} is not waiting on a failed event script ({world.FindNode(node)?.ClusterManagerState}); nothing to recover.\n");
                return 1;
            }
            o.Append(CultureInfo.InvariantCulture, $"{node}: the cluster manager skips the failed event and resumes event processing.\n");
            return 0;
        });
    }

    /// <summary><c>cladmin sim fail|repair</c>: <paramref name="apply"/> changes the machines; the cluster managers
    /// notice after the failure detection time (R-DETECT). In auto mode the clock moves on and the events
    /// run to a stable cluster before this returns, printing what happened; in step mode they wait.</summary>
    public async Task<CommandResult> FaultAsync(string verb, Func<SimWorld, (bool Ok, string Message)> apply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(apply);
        var config = ActiveConfiguration();
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        var rc = 0;
        var saved = await transport.ChangeWorldAsync(world =>
        {
            stdout.Clear();
            stderr.Clear();
            ClusterManager.Reconcile(world, [.. config.Nodes.Select(n => n.Name)]);
            var (ok, message) = apply(world);
            if (!ok)
            {
                stderr.Append(CultureInfo.InvariantCulture, $"cladmin: sim {verb}: {message}\n");
                rc = 2;
                return false;
            }
            stdout.Append(message).Append('\n');
            Heartbeats.Update(world, config); // the missed heartbeat counters start or stop with the fault (§7.4)
            var log = new EventLog(world);
            if (world.Cluster.Mode == "auto")
            {
                var took = _manager.Settle(world, config, log);
                stdout.Append(log.Transcript);
                if (log.Transcript.Length > 0)
                {
                    stdout.Append(string.Create(CultureInfo.InvariantCulture, $"Settled in {(int)took.TotalHours}:{took:mm\\:ss} of simulated time.\n"));
                }
            }
            if (world.Cluster.FailedEvent.Length > 0)
            {
                stderr.Append(CultureInfo.InvariantCulture, $"event {world.Cluster.FailedEvent} failed on {world.Cluster.FailedNode}: its cluster manager is in ST_RP_FAILED (see {ManagerTexts.HacmpOut} there).\n");
                rc = 1;
            }
            return true;
        }, cancellationToken).ConfigureAwait(false);
        return saved switch
        {
            null => CommandResult.Local(1, "", "cladmin: the simulated world kept changing underneath (another cladmin is busy); nothing was changed, try again\n"),
            _ => CommandResult.Local(rc, stdout.ToString(), stderr.ToString()),
        };
    }

    /// <summary><c>cladmin sim mode auto|step</c>: in auto mode, whatever is queued runs now.</summary>
    public Task<CommandResult> SetModeAsync(string mode, CancellationToken cancellationToken)
    {
        if (mode is not ("auto" or "step"))
        {
            return Task.FromResult(CommandResult.Local(2, "", $"cladmin: sim mode: '{mode}' is not a mode (auto or step)\n"));
        }
        return WorldAsync(cancellationToken, (world, config, o, log) =>
        {
            world.Cluster.Mode = mode;
            o.Append(CultureInfo.InvariantCulture, $"Simulator event mode: {mode}\n");
            if (mode == "auto" && world.Cluster.Queue.Count > 0)
            {
                _manager.Settle(world, config, log);
            }
        });
    }

    /// <summary><c>cladmin sim step</c>: runs the next queued event.</summary>
    public Task<CommandResult> StepAsync(CancellationToken cancellationToken) =>
        WorldAsync(cancellationToken, (world, config, o, log) =>
        {
            if (!_manager.Step(world, config, log))
            {
                o.Append(world.Cluster.FailedEvent.Length > 0
                    ? $"No event run: {world.Cluster.FailedEvent} failed on {world.Cluster.FailedNode} (ST_RP_FAILED); recover from the script failure first.\n"
                    : "No cluster event is waiting.\n");
            }
        });

    /// <summary><c>cladmin sim settle</c>: runs the queued events to a stable cluster and prints the simulated time taken.</summary>
    public Task<CommandResult> SettleAsync(CancellationToken cancellationToken) =>
        WorldAsync(cancellationToken, (world, config, o, log) =>
        {
            var took = _manager.Settle(world, config, log);
            o.Append(log.Transcript);
            log.Transcript.Clear();
            o.Append(string.Create(CultureInfo.InvariantCulture, $"Settled in {(int)took.TotalHours}:{took:mm\\:ss} of simulated time.\n"));
        });

    /// <summary><c>cladmin sim clock advance D</c>: the clock moves on, running the events that fit in that time.
    /// <paramref name="text"/> is the duration as typed, for the message when it would pass the year 9999 (exit 2).</summary>
    public async Task<CommandResult> AdvanceAsync(TimeSpan by, string text, CancellationToken cancellationToken)
    {
        var config = ActiveConfiguration();
        var stdout = new StringBuilder();
        var tooFar = false;
        var saved = await transport.ChangeWorldAsync(world =>
        {
            stdout.Clear();
            if (by > DateTime.MaxValue - world.Clock)
            {
                tooFar = true;
                return false;
            }
            ClusterManager.Reconcile(world, [.. config.Nodes.Select(n => n.Name)]);
            var log = new EventLog(world);
            _manager.Advance(world, config, by, log);
            stdout.Append(log.Transcript);
            stdout.Append(string.Create(CultureInfo.InvariantCulture, $"Simulated clock: {world.Clock:ddd MMM d HH:mm:ss yyyy}\n"));
            return true;
        }, cancellationToken).ConfigureAwait(false);
        return saved switch
        {
            true => CommandResult.Local(0, stdout.ToString()),
            false when tooFar => CommandResult.Local(2, "", $"cladmin: sim clock advance: '{text}' would move the clock past the year 9999\n"),
            _ => CommandResult.Local(1, "", "cladmin: the simulated world kept changing underneath (another cladmin is busy); nothing was changed, try again\n"),
        };
    }

    private static string When(ServicesWhen when) => when switch
    {
        ServicesWhen.Restart => "-R",
        ServicesWhen.Both => "-B",
        _ => "-N",
    };

    /// <summary>-R / -B: the inittab entry that starts cluster services at boot (menus §4.1).</summary>
    private static void Inittab(SimWorld world, SimNode node, bool add)
    {
        const string Entry = "hacmp:2:wait:/usr/es/sbin/cluster/etc/rc.cluster -boot -A  # Bring up Cluster";
        var lines = (node.Files.TryGetValue("/etc/inittab", out var f) ? f.Content : "")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith("hacmp:", StringComparison.Ordinal)).ToList();
        if (add)
        {
            lines.Add(Entry);
        }
        Shell.FileTree.Write(world, node, "/etc/inittab", string.Concat(lines.Select(l => l + "\n")), append: false);
    }

    private delegate int Change(SimWorld world, ClusterConfiguration config, IReadOnlyList<SimNode> nodes, StringBuilder stdout, StringBuilder stderr, EventLog log);

    /// <summary>Checks the nodes against the ACD, applies <paramref name="change"/> and, in auto
    /// mode, runs the events to a stable cluster; prints what happened.</summary>
    private async Task<CommandResult> ChangeAsync(string command, IReadOnlyList<string> names, CancellationToken cancellationToken, Change change,
        Action<SimWorld, IReadOnlyList<SimNode>, StringBuilder>? after = null, bool quiet = false)
    {
        var config = ActiveConfiguration();
        if (config.Cluster is null || config.Nodes.Count == 0)
        {
            return CommandResult.Local(1, "", $"{command}: cluster services cannot run: no cluster configuration has been synchronized (the active configuration is empty). Verify and synchronize the cluster first.\n");
        }
        var unknown = names.Where(n => config.Nodes.All(c => c.Name != n)).ToList();
        if (unknown.Count > 0)
        {
            return CommandResult.Local(1, "", $"{command}: {string.Join(", ", unknown)}: not a node of the active cluster configuration ({string.Join(", ", config.Nodes.Select(n => n.Name))}).\n");
        }
        var wanted = names.Count > 0 ? names : [.. config.Nodes.Select(n => n.Name)];
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        var rc = 0;
        var saved = await transport.ChangeWorldAsync(world =>
        {
            stdout.Clear();
            stderr.Clear();
            ClusterManager.Reconcile(world, [.. config.Nodes.Select(n => n.Name)]);
            var down = quiet && names.Count == 0 ? [] : wanted.Where(n => world.FindNode(n) is not { Up: true }).ToList();
            if (down.Count > 0)
            {
                stderr.Append(command).Append(": ").Append(string.Join(", ", down)).Append(": unreachable (the node is down); nothing was done.\n");
                rc = 1;
                return false;
            }
            var log = new EventLog(world);
            var nodes = wanted.Select(n => world.FindNode(n)!).ToList();
            rc = change(world, config, nodes, stdout, stderr, log);
            if (rc != 0 && quiet)
            {
                return false; // a refused request changes nothing
            }
            if (world.Cluster.Mode == "auto")
            {
                _manager.Settle(world, config, log);
            }
            if (!quiet)
            {
                stdout.Append(log.Transcript);
            }
            after?.Invoke(world, nodes, stdout);
            if (world.Cluster.FailedEvent.Length > 0)
            {
                stderr.Append(CultureInfo.InvariantCulture, $"{command}: event {world.Cluster.FailedEvent} failed on {world.Cluster.FailedNode}: its cluster manager is in ST_RP_FAILED (see {ManagerTexts.HacmpOut} there).\n");
                rc = 1;
            }
            else if (world.Cluster.Queue.Count > 0)
            {
                stdout.Append(CultureInfo.InvariantCulture, $"{world.Cluster.Queue.Count} cluster event(s) queued (step mode): cladmin sim step | sim settle | sim clock advance DURATION.\n");
            }
            return true;
        }, cancellationToken).ConfigureAwait(false);
        return saved switch
        {
            null => CommandResult.Local(1, "", $"{command}: the simulated world kept changing underneath (another cladmin is busy); nothing was changed, try again\n"),
            _ => CommandResult.Local(rc, stdout.ToString(), stderr.ToString()),
        };
    }

    private async Task<CommandResult> WorldAsync(CancellationToken cancellationToken, Action<SimWorld, ClusterConfiguration, StringBuilder, EventLog> change)
    {
        var config = ActiveConfiguration();
        var stdout = new StringBuilder();
        var saved = await transport.ChangeWorldAsync(world =>
        {
            stdout.Clear();
            ClusterManager.Reconcile(world, [.. config.Nodes.Select(n => n.Name)]);
            var log = new EventLog(world);
            change(world, config, stdout, log);
            stdout.Append(log.Transcript);
            return true;
        }, cancellationToken).ConfigureAwait(false);
        return saved is null
            ? CommandResult.Local(1, "", "cladmin: the simulated world kept changing underneath (another cladmin is busy); nothing was changed, try again\n")
            : CommandResult.Local(0, stdout.ToString());
    }
}
