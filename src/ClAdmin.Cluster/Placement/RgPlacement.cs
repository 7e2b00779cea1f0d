namespace ClAdmin.Cluster.Placement;

/// <summary>
/// Resource group placement as a pure function (semantics §1-§3, R-SU, R-FO, R-FB, R-PLACE, R-DEP, R-ORDER, R-STATE):
/// the configuration, the cluster manager's view and one event in; every group's target, the ordered
/// release/acquire plan and the timers to watch out. No clock, no IO: the event engine applies the plan.
/// Cost: each group is decided once, in dependency order, looking at each node of its list once with
/// constant-time checks (indexes by node and by dependency), so a placement is linear in nodes x groups.
/// </summary>
public static class RgPlacement
{
    /// <summary>Computes the placement for <paramref name="event"/> (indexing <paramref name="configuration"/> first).</summary>
    public static PlacementResult Compute(ClusterConfiguration configuration, ClusterSnapshot snapshot, PlacementEvent @event, PlacementOptions? options = null) =>
        Compute(PlacementIndex.Build(configuration, options), snapshot, @event);

    /// <summary>Computes the placement for <paramref name="event"/> on an indexed configuration.</summary>
    public static PlacementResult Compute(PlacementIndex index, ClusterSnapshot snapshot, PlacementEvent @event)
    {
        if (@event is not ServicesStart start)
        {
            return new Planner(index, snapshot, @event).Run();
        }
        // Start Cluster Services on several nodes: each joins in turn (node_up after node_up), and the plan is the
        // difference between where the groups were and where the last join leaves them.
        var current = snapshot;
        PlacementResult? last = null;
        foreach (var node in start.Nodes)
        {
            last = new Planner(index, current, new NodeUp(node, start.Manage)).Run();
            current = last.After;
        }
        return last is null ? Planner.Unchanged(index, snapshot, []) : last with
        {
            Actions = Planner.Plan(index, snapshot, last.Groups, new bool[index.Groups.Length], crashed: null),
        };
    }
}

/// <summary>One placement computation: the decisions taken so far and the per-node claims they make.</summary>
internal sealed class Planner
{
    private readonly PlacementIndex ix;
    private readonly ClusterSnapshot snap;
    private readonly PlacementEvent ev;
    private readonly Dictionary<string, NodeState> nodes;
    private readonly string? joiner;
    private readonly int requestGroup = -1;

    private readonly Dictionary<string, GroupState>[] target;
    private readonly OfflineReason[] reason;
    private readonly string?[] why;
    private readonly string?[] pol;
    private readonly bool[] decided;
    private readonly bool[] cycle;
    private readonly string?[] sameNode;
    private readonly string?[] sameSite;
    private readonly HashSet<string> distributed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> differentTarget = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Rank, int Group)> differentCurrent = new(StringComparer.Ordinal);
    private readonly List<string> awaitingSettling = [];
    private readonly List<(string, string)> awaitingTimer = [];
    private readonly List<RuleViolation> refusals = [];

    public Planner(PlacementIndex index, ClusterSnapshot snapshot, PlacementEvent @event)
    {
        ix = index;
        snap = snapshot;
        ev = @event;
        var n = ix.Groups.Length;
        target = new Dictionary<string, GroupState>[n];
        reason = new OfflineReason[n];
        why = new string?[n];
        pol = new string?[n];
        decided = new bool[n];
        cycle = new bool[n];
        sameNode = new string?[ix.SameNodeSetCount];
        sameSite = new string?[ix.SameSiteSetCount];

        nodes = new Dictionary<string, NodeState>(snapshot.Nodes, StringComparer.Ordinal);
        switch (ev)
        {
            case NodeUp up:
                nodes[up.Node] = snapshot.Node(up.Node) with { Status = NodeStatus.Up };
                joiner = up.Manage == ManageMode.Automatic ? up.Node : null;
                break;
            case NodeDown down:
                nodes[down.Node] = snapshot.Node(down.Node) with { Status = NodeStatus.Down };
                break;
            case NetworkDown nd:
                foreach (var name in nd.Node is null ? ix.Configuration.Nodes.Select(x => x.Name) : [nd.Node])
                {
                    var s = snapshot.Node(name);
                    nodes[name] = s with { DownNetworks = new HashSet<string>(s.DownNetworks, StringComparer.Ordinal) { nd.Network } };
                }
                break;
            case NetworkUp nu:
                foreach (var name in nu.Node is null ? ix.Configuration.Nodes.Select(x => x.Name) : [nu.Node])
                {
                    var s = snapshot.Node(name);
                    var down = new HashSet<string>(s.DownNetworks, StringComparer.Ordinal);
                    down.Remove(nu.Network);
                    nodes[name] = s with { DownNetworks = down };
                }
                break;
            case RgMove move:
                requestGroup = ix.Id(move.Group);
                break;
        }
    }

    public PlacementResult Run()
    {
        if (ev is RgMove move)
        {
            Validate(move);
            if (refusals.Count > 0)
            {
                return Unchanged(ix, snap, refusals);
            }
        }
        for (var g = 0; g < ix.Groups.Length; g++)
        {
            pol[g] = snap.Group(ix.Groups[g].Name).PriorityOverrideLocation;
            // R-SU-3: a node already holding a distributed group takes no other at startup.
            if (ix.Groups[g].Startup == StartupPolicy.OnlineUsingDistributionPolicy && Current(g) is { } on && Up(on))
            {
                ClaimDistribution(g, on);
            }
            if (ix.DifferentNodesRank[g] != PlacementIndex.NoRank && Current(g) is { } at && Up(at)
                && (!differentCurrent.TryGetValue(at, out var occ) || occ.Rank > ix.DifferentNodesRank[g]))
            {
                differentCurrent[at] = (ix.DifferentNodesRank[g], g);
            }
        }
        if (ev is RgMove { Action: not RgMoveAction.Offline } m && requestGroup >= 0 && m.Node is { } dest)
        {
            // The requested group's whole same-node / same-site set goes with it (R-DEP-LOC).
            Fix(requestGroup, dest);
        }
        foreach (var g in ix.Order)
        {
            if (ix.IsConcurrent(g))
            {
                DecideConcurrent(g);
            }
            else
            {
                Decide(g);
            }
            decided[g] = true;
        }
        if (refusals.Count > 0)
        {
            return Unchanged(ix, snap, refusals);
        }
        var groups = Placements();
        var crashed = ev is NodeDown { Mode: StopMode.Failure } f ? f.Node : null;
        var settling = awaitingSettling.Count > 0;
        return new PlacementResult
        {
            Groups = groups,
            Actions = Plan(ix, snap, groups, cycle, crashed),
            AwaitingSettlingTime = awaitingSettling,
            SettlingTimerRunning = settling,
            AwaitingFallbackTimer = awaitingTimer,
            After = snap with
            {
                Nodes = nodes,
                Groups = groups.ToDictionary(p => p.Group, p => new GroupStatus(p.Nodes, p.Reason, p.PriorityOverrideLocation), StringComparer.Ordinal),
                SettlingTimerRunning = settling,
            },
        };
    }

    // ---- R-1.6 and R-DEP-PC / R-DEP-SA: what clRGmove refuses.

    private void Validate(RgMove move)
    {
        var g = requestGroup;
        if (g < 0)
        {
            refusals.Add(new("R-REF", $"resource group {move.Group} does not exist"));
            return;
        }
        var rg = ix.Groups[g];
        var status = snap.Group(rg.Name);
        if (move.Node is { } node)
        {
            if (!ix.NodeRank[g].ContainsKey(node))
            {
                refusals.Add(new("R-PLACE", $"node {node} is not a participating node of resource group {rg.Name}"));
            }
            else if (move.Action != RgMoveAction.Offline && !Up(node))
            {
                refusals.Add(new("R-PLACE", $"cluster services are not active on node {node}"));
            }
        }
        if (rg.IsConcurrent && move.Action == RgMoveAction.Move)
        {
            refusals.Add(new("R-1.6", $"resource group {rg.Name} is online on all available nodes: bring it online or offline, it cannot be moved"));
        }
        var current = Current(g);
        if (!rg.IsConcurrent && move.Action == RgMoveAction.Move && (current is null || status.On(current) != GroupState.Online))
        {
            refusals.Add(new("R-1.6", $"resource group {rg.Name} is not online; bring it online instead of moving it"));
        }
        if (!rg.IsConcurrent && move.Action == RgMoveAction.Move && move.Node is not null && move.Node == current)
        {
            refusals.Add(new("R-1.6", $"resource group {rg.Name} is already online on node {current}"));
        }
        if (!rg.IsConcurrent && move.Action == RgMoveAction.Online && current is not null && status.On(current) == GroupState.Online)
        {
            refusals.Add(new("R-1.6", $"resource group {rg.Name} is already online on node {current}"));
        }
        if (move.Action is RgMoveAction.Move or RgMoveAction.Offline)
        {
            // R-DEP-PC: a parent is not moved or taken offline while a child is online.
            var online = ix.Children[g].Where(c => snap.Group(ix.Groups[c].Name).Nodes.Values.Contains(GroupState.Online)).Select(c => ix.Groups[c].Name).ToList();
            if (online.Count > 0)
            {
                refusals.Add(new("R-DEP-PC", $"resource group {rg.Name} is the parent of {string.Join(", ", online)}, which is online: take the child offline first"));
            }
        }
        if (move.Action is RgMoveAction.Move or RgMoveAction.Online)
        {
            // R-DEP-PC: no child online while a parent was taken offline by the user; R-DEP-SA: the same for a target.
            var parents = ix.Parents[g].Where(UserOffline).Select(p => ix.Groups[p].Name).ToList();
            if (parents.Count > 0)
            {
                refusals.Add(new("R-DEP-PC", $"resource group {rg.Name} cannot be brought online: its parent {string.Join(", ", parents)} was taken offline by the user"));
            }
            var targets = ix.StartAfterTargets[g].Where(UserOffline).Select(t => ix.Groups[t].Name).ToList();
            if (targets.Count > 0)
            {
                refusals.Add(new("R-DEP-SA", $"resource group {rg.Name} cannot be brought online: it starts after {string.Join(", ", targets)}, which was taken offline by the user"));
            }
        }
    }

    private bool UserOffline(int g)
    {
        var s = snap.Group(ix.Groups[g].Name);
        return s.Reason == OfflineReason.UserRequested && !s.Nodes.Values.Contains(GroupState.Online);
    }

    // ---- Non-concurrent groups.

    private void Decide(int g)
    {
        var rg = ix.Groups[g];
        var status = snap.Group(rg.Name);
        var cur = Current(g);
        var state = cur is null ? GroupState.Offline : status.On(cur);

        if (g == requestGroup && ev is RgMove move)
        {
            Request(g, move, cur);
            return;
        }
        switch (state)
        {
            case GroupState.Unmanaged:
                // R-STATE: a node restarted with automatic management takes its UNMANAGED groups back
                // (resources checked, inactive ones activated); otherwise they stay UNMANAGED.
                Keep(g, cur!, joiner == cur ? GroupState.Online : GroupState.Unmanaged);
                Because(g, joiner == cur ? $"{cur} restarted its cluster services managing resource groups and took back the group it had left unmanaged (R-STATE)"
                    : $"cluster services on {cur} were stopped with Unmanage Resource Groups, which leaves its resources running unmanaged (R-STATE)");
                return;
            case GroupState.Error or GroupState.TemporaryError when !(ev is GroupFailure gf && gf.Group == rg.Name && gf.Node == cur):
                // R-STATE: ERROR stays until the administrator fixes the cause and runs clRGmove.
                Keep(g, cur!, GroupState.Error);
                Because(g, $"acquiring or releasing it on {cur} failed; it stays in ERROR until the administrator fixes the cause and moves or brings it online (R-STATE)");
                return;
            case GroupState.Offline or GroupState.Releasing:
                Startup(g, status.Reason);
                return;
        }

        // ONLINE or ACQUIRING on cur.
        if (ev is NodeDown down && down.Node == cur)
        {
            switch (down.Mode)
            {
                case StopMode.Forced:
                    Keep(g, cur, GroupState.Unmanaged); // R-STATE / S5: forced stop leaves the group UNMANAGED.
                    Because(g, $"cluster services on {cur} were stopped with Unmanage Resource Groups, which leaves its resources running unmanaged (R-STATE)");
                    return;
                case StopMode.Graceful:
                    Offline(g, OfflineReason.None); // S4: released, not taken over.
                    Because(g, $"cluster services on {cur} were stopped with Bring Resource Groups Offline, and no other node takes it over (S4)");
                    return;
            }
            Fallover(g, cur, failure: false); // S2, S3: per fallover policy.
            return;
        }
        if (!Up(cur!) || (ev is GroupFailure f && f.Group == rg.Name && f.Node == cur))
        {
            Fallover(g, cur!, failure: ev is GroupFailure);
            return;
        }
        if (!ParentsOnline(g))
        {
            Offline(g, OfflineReason.ParentOffline); // R-DEP-PC: children are released when a parent goes offline.
            Because(g, ParentsText(g));
            return;
        }
        // R-DEP-PC: when a parent moves, its children are brought down and back up after it.
        var mustCycle = ix.Parents[g].Any(p => Moved(p));
        if (!Feasible(g, cur!, startup: false))
        {
            Displaced(g, cur!, mustCycle);
            return;
        }
        if (FallbackTarget(g, cur!) is { } back)
        {
            Place(g, back);
            Because(g, $"{back} joined the cluster and ranks higher in its node list than {cur}, so it fell back there (R-FB-1)");
            return;
        }
        // Why it stays, asked before the group claims its node (a different-nodes claim would hide the node from itself).
        var stays = Stays(g, cur!);
        Place(g, cur!);
        Because(g, stays);
        cycle[g] = mustCycle;
    }

    /// <summary>Why an ONLINE group stays on <paramref name="cur"/>: the same checks <see cref="FallbackTarget"/> makes.</summary>
    private string Stays(int g, string cur)
    {
        var rg = ix.Groups[g];
        var best = Choose(g, exclude: null, startup: false, dynamic: false);
        if (pol[g] == cur)
        {
            return $"the user moved it there, which made {cur} its priority override location (R-1.6)";
        }
        if (best is null || best == cur)
        {
            var higher = rg.Nodes.TakeWhile(n => n != cur).ToList();
            return higher.Count == 0 ? $"{cur} is its home node (first in its node list) and is up ({(rg.Startup == StartupPolicy.OnlineOnHomeNode ? "R-SU-1" : "R-PLACE")})"
                : $"{cur} is the highest-priority node of its list that can host it: {NotHosting(g, higher)} (R-PLACE)";
        }
        if (rg.Fallback != FallbackPolicy.HigherPriorityNode)
        {
            return $"it never falls back (Never Fallback, R-FB-2), although {best} ranks higher in its node list";
        }
        if (TimerActive(rg.FallbackTimer))
        {
            return $"it waits for its delayed fallback timer {rg.FallbackTimer} to fall back to {best} (R-FB-3)";
        }
        var came = rg.Fallover == FalloverPolicy.DynamicNodePriority
            ? $"it fell over to {cur} by its dynamic node priority policy {rg.NodePriorityPolicy} (R-FO-2); "
            : $"{best} was not available when it moved to {cur}; ";
        return came + $"it falls back to {best}, which ranks higher, only when a node joins the cluster (R-FB-1)";
    }

    /// <summary>Why each of <paramref name="candidates"/> cannot host the group, in a few words: the checks of <see cref="Feasible"/>, in its order.</summary>
    private string NotHosting(int g, IEnumerable<string> candidates, bool startup = false) =>
        string.Join(", ", candidates.Select(n => !nodes.ContainsKey(n) ? $"{n} is unknown"
            : !Up(n) ? $"cluster services are not running on {n}"
            : ix.Networks[g].FirstOrDefault(net => NetworkDown(n, net)) is { } lost ? $"{n} lost network {lost}"
            : ix.SameNodeSet[g] is var sn and >= 0 && sameNode[sn] is { } with && with != n ? $"its Online On The Same Node dependency keeps it with its set on {with}"
            : ix.SameSiteSet[g] is var ss and >= 0 && sameSite[ss] is { } site && site != ix.SiteOfNode.GetValueOrDefault(n) ? $"its Online On The Same Site dependency keeps it on site {site}"
            : ix.DifferentNodesRank[g] != PlacementIndex.NoRank && DifferentHolder(g, n) is { } holder ? $"{n} holds {holder}, which ranks as high or higher in their Online On Different Nodes dependency"
            : startup && ix.Groups[g].Startup == StartupPolicy.OnlineUsingDistributionPolicy && Distributed(g, n) ? $"{n} already holds another group started by the distribution policy"
            : $"{n} could host it, but it is acquired there only when a node joins the cluster or the user brings it online"));

    /// <summary>The other different-nodes group that holds (or keeps) <paramref name="n"/>; built for explanations only.</summary>
    private string? DifferentHolder(int g, string n)
    {
        for (var o = 0; o < ix.Groups.Length; o++)
        {
            if (o != g && ix.DifferentNodesRank[o] != PlacementIndex.NoRank
                && ((decided[o] && target[o] is { } t && t.ContainsKey(n)) || (differentCurrent.TryGetValue(n, out var occ) && occ.Group == o)))
            {
                return ix.Groups[o].Name;
            }
        }
        return null;
    }

    private string ParentsText(int g) =>
        $"its parent {string.Join(", ", ix.Parents[g].Where(p => !OnlineTarget(p)).Select(p => ix.Groups[p].Name))} is not online (R-DEP-PC)";

    private string TargetsText(int g) =>
        $"it starts after {string.Join(", ", ix.StartAfterTargets[g].Where(t => !OnlineTarget(t)).Select(t => ix.Groups[t].Name))}, which is not online (R-DEP-SA)";

    /// <summary>Records why group <paramref name="g"/> ends where it does (the explanation of clRGinfo -v and cladmin explain).</summary>
    private void Because(int g, string text) => why[g] = text;

    /// <summary>clRGmove on the requested group (R-1.6): -d offline by the user, -u online, -m move with the
    /// destination becoming the priority override location, -r (a move without a node) back to the
    /// highest-priority available node, clearing it.</summary>
    private void Request(int g, RgMove move, string? cur)
    {
        var rg = ix.Groups[g];
        if (move.Action == RgMoveAction.Offline)
        {
            Offline(g, OfflineReason.UserRequested);
            Because(g, "the user brought it offline; it stays offline until brought online (R-1.6)");
            return;
        }
        if (move.Action == RgMoveAction.Move)
        {
            pol[g] = move.Node;
        }
        var dest = move.Node ?? Choose(g, exclude: null, startup: false, dynamic: false);
        if (move.Action == RgMoveAction.Move && dest is not null && dest == cur)
        {
            refusals.Add(new("R-1.6", $"resource group {rg.Name} is already online on its highest priority available node {cur}"));
            return;
        }
        if (dest is null || !Feasible(g, dest, startup: false) || !ParentsOnline(g) || !TargetsOnline(g))
        {
            refusals.Add(new("R-PLACE", $"resource group {rg.Name} cannot be brought online on {dest ?? "any node"}: no available node can host it"));
            return;
        }
        Place(g, dest);
        Because(g, move.Action == RgMoveAction.Move && move.Node is not null
            ? $"the user moved it there, which made {dest} its priority override location (R-1.6)"
            : $"the user brought it online on {dest} (R-1.6)");
    }

    /// <summary>The group lost its node: R-FO-1 next priority node, R-FO-2 dynamic node priority, R-FO-3 bring offline.</summary>
    private void Fallover(int g, string from, bool failure)
    {
        var rg = ix.Groups[g];
        if (rg.Fallover == FalloverPolicy.BringOffline)
        {
            Offline(g, OfflineReason.Fallover); // R-FO-3: offline on the error node, not acquired elsewhere.
            Because(g, $"it lost {from} and its fallover policy is Bring Offline (On Error Node Only) (R-FO-3)");
            return;
        }
        if (!ParentsOnline(g))
        {
            Offline(g, OfflineReason.ParentOffline);
            Because(g, ParentsText(g));
            return;
        }
        if (!TargetsOnline(g))
        {
            Offline(g, OfflineReason.TargetOffline);
            Because(g, TargetsText(g));
            return;
        }
        var lostWhy = failure ? $"a resource failed on {from}" : Up(from) ? $"it left {from}" : $"{from} went down";
        if (Choose(g, exclude: from, startup: false, dynamic: rg.Fallover == FalloverPolicy.DynamicNodePriority) is { } to)
        {
            Place(g, to);
            var skipped = rg.Nodes.TakeWhile(n => n != to).Where(n => n != from).ToList();
            Because(g, to == pol[g] ? $"{lostWhy} and {to} is its priority override location (R-1.6)"
                : rg.Fallover == FalloverPolicy.DynamicNodePriority ? $"{lostWhy} and {to} is the best node by its dynamic node priority policy {rg.NodePriorityPolicy} (R-FO-2)"
                : $"{lostWhy} and {to} is the next node of its list that can host it{(skipped.Count > 0 ? $" ({NotHosting(g, skipped)})" : "")} (R-FO-1)");
        }
        else if (failure)
        {
            Keep(g, from, GroupState.Error); // R-STATE: TEMPORARY ERROR, no node to recover on: ERROR.
            Because(g, $"{lostWhy} and no other node of its list can host it (R-STATE)");
        }
        else
        {
            Offline(g, OfflineReason.LackOfNode); // R-FO-1: no node qualifies.
            Because(g, $"{lostWhy} and no other node of its list can host it (R-FO-1)");
        }
    }

    /// <summary>The group's node is up but can no longer host it: its service network is down there (selective
    /// fallover), a higher-priority different-nodes group takes the node, or its same-node set went elsewhere.</summary>
    private void Displaced(int g, string cur, bool mustCycle)
    {
        var rg = ix.Groups[g];
        var networkLost = ix.Networks[g].Any(net => NetworkDown(cur, net));
        if (networkLost && rg.Fallover == FalloverPolicy.BringOffline)
        {
            Offline(g, OfflineReason.Fallover); // R-FO-3.
            Because(g, $"its service network is down on {cur} and its fallover policy is Bring Offline (On Error Node Only) (R-FO-3)");
            return;
        }
        var to = TargetsOnline(g) ? Choose(g, exclude: cur, startup: false, dynamic: rg.Fallover == FalloverPolicy.DynamicNodePriority) : null;
        if (to is not null)
        {
            Place(g, to);
            Because(g, networkLost ? $"its service network is down on {cur}, and {to} is the next node of its list that has it (selective fallover, R-FO-1)"
                : $"{cur} can no longer host it (a location dependency), and {to} is the next node of its list that can (R-DEP-LOC)");
        }
        else if (networkLost && !OtherClaim(g, cur))
        {
            // S8 / R-PLACE 3: with no node still on the network (a global network_down) nothing moves.
            // [UNVERIFIED: the same when a local loss leaves no other node.]
            Place(g, cur);
            Because(g, $"its service network is down on {cur} but no other node of its list has it, so it stays (S8)");
            cycle[g] = mustCycle;
        }
        else
        {
            Offline(g, ix.DifferentNodesRank[g] != PlacementIndex.NoRank && differentTarget.ContainsKey(cur) ? OfflineReason.HigherPriority : OfflineReason.LackOfNode);
            Because(g, reason[g] == OfflineReason.HigherPriority ? $"a higher-priority group of its different-nodes dependency took {cur} (R-DEP-LOC)"
                : $"{cur} can no longer host it and no other node of its list can (R-PLACE)");
        }
    }

    /// <summary>R-FB-1/R-FB-2/R-FB-3: the node an ONLINE group falls back to now, or null to stay.</summary>
    private string? FallbackTarget(int g, string cur)
    {
        var rg = ix.Groups[g];
        if (rg.Fallback != FallbackPolicy.HigherPriorityNode)
        {
            return null; // R-FB-2 Never Fallback (and legacy CWOF).
        }
        var timerFired = ev is FallbackTimerExpired fired && fired.Timer == rg.FallbackTimer;
        if (joiner is null && !timerFired)
        {
            return null; // evaluated when a node joins, or when the group's timer fires
        }
        var best = Choose(g, exclude: null, startup: false, dynamic: false);
        if (best is null || best == cur)
        {
            return null;
        }
        var higher = best == pol[g] || ix.NodeRank[g][best] < ix.NodeRank[g][cur];
        if (!higher || (!timerFired && best != joiner))
        {
            return null;
        }
        if (!timerFired && TimerActive(rg.FallbackTimer))
        {
            awaitingTimer.Add((rg.Name, rg.FallbackTimer)); // R-FB-3: wait for the delayed fallback timer.
            return null;
        }
        return best;
    }

    private bool TimerActive(string name) =>
        name.Length > 0 && ix.Timers.TryGetValue(name, out var t) && FallbackTimerSchedule.NextFire(t, snap.Now) is not null;

    /// <summary>An OFFLINE group: R-SU-1..3 (R-SU-4 is <see cref="DecideConcurrent"/>).</summary>
    private void Startup(int g, OfflineReason was)
    {
        var rg = ix.Groups[g];
        if (was == OfflineReason.UserRequested)
        {
            Offline(g, was); // stays offline until the user brings it online (R-1.6)
            Because(g, "the user brought it offline; it stays offline until brought online (R-1.6)");
            return;
        }
        if (!ParentsOnline(g))
        {
            Offline(g, OfflineReason.ParentOffline); // R-DEP-PC
            Because(g, ParentsText(g));
            return;
        }
        if (!TargetsOnline(g))
        {
            Offline(g, OfflineReason.TargetOffline); // R-DEP-SA
            Because(g, TargetsText(g));
            return;
        }
        // A group that waited for a parent, a target or a node tries again on every event.
        var retry = was is OfflineReason.ParentOffline or OfflineReason.TargetOffline or OfflineReason.LackOfNode or OfflineReason.HigherPriority
            || ev is ResourcesReconfigured; // §9.4: DARE acquires the groups added or changed where their policies put them
        var home = rg.Nodes.Count > 0 ? rg.Nodes[0] : null;
        var joins = joiner is not null && ix.NodeRank[g].ContainsKey(joiner);
        string? to = null;
        switch (rg.Startup)
        {
            case StartupPolicy.OnlineOnHomeNode:
                // R-SU-1: only on the home node; offline while it is down.
                if (home is not null && (joiner == home || retry) && Feasible(g, home, startup: true))
                {
                    to = home;
                }
                break;
            case StartupPolicy.OnlineOnFirstAvailableNode:
                var settling = ix.Configuration.Cluster?.SettlingTime ?? 0;
                if (ev is SettlingTimeExpired || retry)
                {
                    // R-SU-2: when the settling time runs out, the highest-priority node up at that moment.
                    to = Choose(g, exclude: null, startup: true, dynamic: false);
                }
                else if (joins && settling > 0 && joiner != home)
                {
                    // R-SU-2: a node other than the home node joined: wait the settling time for a higher one.
                    awaitingSettling.Add(rg.Name);
                }
                else if (joins && Feasible(g, joiner!, startup: true))
                {
                    to = joiner; // R-SU-2: the first available node; the home node at once.
                }
                break;
            case StartupPolicy.OnlineUsingDistributionPolicy:
                // R-SU-3: the joining node takes at most one distributed group, in the tie-break order of PlacementIndex.Order.
                if (joins && Feasible(g, joiner!, startup: true))
                {
                    to = joiner;
                }
                else if (retry)
                {
                    to = Choose(g, exclude: null, startup: true, dynamic: false);
                }
                break;
        }
        if (to is not null)
        {
            Place(g, to);
            Because(g, rg.Startup switch
            {
                StartupPolicy.OnlineOnHomeNode => $"{to} is its home node and is up (Online On Home Node Only, R-SU-1)",
                StartupPolicy.OnlineOnFirstAvailableNode when ev is SettlingTimeExpired => $"the settling time ran out and {to} was the highest-priority node up (R-SU-2)",
                StartupPolicy.OnlineOnFirstAvailableNode => $"{to} was the first node of its list available (Online On First Available Node, R-SU-2)",
                _ => $"{to} had no other distributed group (Online Using Distribution Policy, R-SU-3)",
            });
        }
        else
        {
            Offline(g, retry ? was : OfflineReason.None);
            var up = rg.Nodes.Where(Up).ToList();
            Because(g, awaitingSettling.Contains(rg.Name) || (snap.SettlingTimerRunning && rg.Startup == StartupPolicy.OnlineOnFirstAvailableNode)
                ? $"its settling time is running: it waits for a higher-priority node to join before it starts (R-SU-2)"
                : was == OfflineReason.Fallover ? "a resource failed on its node and its fallover policy is Bring Offline (On Error Node Only): it stays offline until brought online (R-FO-3)"
                : up.Count == 0 ? "cluster services are not running on any node of its list"
                : rg.Startup == StartupPolicy.OnlineOnHomeNode ? $"its startup policy is Online On Home Node Only and its home node {home} cannot host it: {NotHosting(g, [home!], startup: true)} (R-SU-1)"
                : $"no node of its list can host it: {NotHosting(g, rg.Nodes, startup: true)} ({(rg.Startup == StartupPolicy.OnlineUsingDistributionPolicy ? "R-SU-3" : "R-PLACE")})");
        }
    }

    // ---- Concurrent groups (R-SU-4, R-FO-3).

    private void DecideConcurrent(int g)
    {
        var rg = ix.Groups[g];
        var status = snap.Group(rg.Name);
        var request = g == requestGroup ? ev as RgMove : null;
        var userOffline = status.Reason == OfflineReason.UserRequested && request?.Action != RgMoveAction.Online;
        var parents = ParentsOnline(g);
        var targets = TargetsOnline(g);
        var mustCycle = ix.Parents[g].Any(p => Moved(p));
        var retry = status.Reason is OfflineReason.ParentOffline or OfflineReason.TargetOffline or OfflineReason.LackOfNode || ev is ResourcesReconfigured;
        var states = new Dictionary<string, GroupState>(StringComparer.Ordinal);
        var why = OfflineReason.None;
        foreach (var n in rg.Nodes)
        {
            var s = status.On(n);
            var requested = request is not null && (request.Node is null || request.Node == n);
            GroupState? to = null;
            if (s == GroupState.Unmanaged)
            {
                to = joiner == n ? GroupState.Online : GroupState.Unmanaged;
            }
            else if (s is GroupState.Error or GroupState.TemporaryError && !requested)
            {
                to = GroupState.Error;
            }
            else if (ev is NodeDown { Mode: StopMode.Forced } d && d.Node == n && s is GroupState.Online or GroupState.Acquiring)
            {
                to = GroupState.Unmanaged;
            }
            else if (!Up(n) || (requested && request!.Action == RgMoveAction.Offline))
            {
                why = requested ? OfflineReason.UserRequested : why;
            }
            else if (ev is GroupFailure f && f.Group == rg.Name && f.Node == n)
            {
                why = OfflineReason.Fallover; // R-FO-3: only the instance on the error node goes offline.
            }
            else if (!parents)
            {
                why = OfflineReason.ParentOffline;
            }
            else if (s is GroupState.Online or GroupState.Acquiring)
            {
                to = GroupState.Online;
            }
            else if (!targets)
            {
                why = OfflineReason.TargetOffline;
            }
            else if ((requested || (!userOffline && (joiner == n || retry))) && ix.Networks[g].All(net => !NetworkDown(n, net)))
            {
                to = GroupState.Online; // R-SU-4: each node that joins acquires its own instance.
            }
            if (to is { } t)
            {
                states[n] = t;
            }
        }
        target[g] = states;
        reason[g] = states.Count > 0 ? OfflineReason.None : userOffline && why == OfflineReason.None ? OfflineReason.UserRequested : why;
        cycle[g] = mustCycle;
        var down = rg.Nodes.Where(n => !Up(n)).ToList();
        Because(g, states.Count > 0
            ? $"it is online on every node of its list that is up (Online On All Available Nodes, R-SU-4){(down.Count > 0 ? $"; cluster services are not running on {string.Join(", ", down)}" : "")}"
            : reason[g] switch
            {
                OfflineReason.UserRequested => "the user brought it offline; it stays offline until brought online (R-1.6)",
                OfflineReason.ParentOffline => ParentsText(g),
                OfflineReason.TargetOffline => TargetsText(g),
                _ => "cluster services are not running on any node of its list that can host it",
            });
    }

    // ---- Node choice and feasibility (R-PLACE).

    /// <summary>The node a group goes to: its priority override location if it can host it (R-PLACE 6), else the
    /// first feasible node of its list, or with dynamic node priority the best by the last figures (R-FO-2).</summary>
    private string? Choose(int g, string? exclude, bool startup, bool dynamic)
    {
        var rg = ix.Groups[g];
        if (pol[g] is { } p && p != exclude && ix.NodeRank[g].ContainsKey(p) && Feasible(g, p, startup))
        {
            return p;
        }
        string? first = null;
        string? best = null;
        double bestValue = 0;
        var metric = dynamic ? DynamicNodePriority.Of(rg.NodePriorityPolicy) : null;
        var complete = metric is not null;
        foreach (var n in rg.Nodes)
        {
            if (n == exclude || !Feasible(g, n, startup))
            {
                continue;
            }
            first ??= n;
            if (metric is null)
            {
                break;
            }
            if (!snap.Metrics.TryGetValue(n, out var m))
            {
                complete = false; // R-FO-2: the figures cannot be computed: node-list order.
                break;
            }
            if (metric.Value(m) is not { } v)
            {
                continue; // no figure under this policy (a zero return code for cl_lowest_nonzero_udscript_rc)
            }
            if (best is null || metric.Better(v, bestValue))
            {
                (best, bestValue) = (n, v); // ties keep the node-list order
            }
        }
        return complete && best is not null ? best : first;
    }

    /// <summary>R-PLACE 1, 3, 4 and 5: the node is up, has the group's service networks, and the location and
    /// distribution rules let the group on it.</summary>
    private bool Feasible(int g, string n, bool startup)
    {
        if (!Up(n))
        {
            return false;
        }
        foreach (var net in ix.Networks[g])
        {
            if (NetworkDown(n, net))
            {
                return false;
            }
        }
        if (ix.SameNodeSet[g] is var sn and >= 0 && sameNode[sn] is { } node && node != n)
        {
            return false;
        }
        if (ix.SameSiteSet[g] is var ss and >= 0 && sameSite[ss] is { } site && site != ix.SiteOfNode.GetValueOrDefault(n))
        {
            return false;
        }
        var rank = ix.DifferentNodesRank[g];
        if (rank != PlacementIndex.NoRank)
        {
            // R-DEP-LOC: one different-nodes group per node; a higher priority displaces a lower one, equal
            // priorities never share and the one already online stays.
            if (differentTarget.ContainsKey(n))
            {
                return false;
            }
            if (differentCurrent.TryGetValue(n, out var occ) && occ.Group != g && !decided[occ.Group] && occ.Rank <= rank)
            {
                return false;
            }
        }
        return !startup || ix.Groups[g].Startup != StartupPolicy.OnlineUsingDistributionPolicy || !Distributed(g, n);
    }

    private bool Up(string node) => nodes.TryGetValue(node, out var s) && s.Status == NodeStatus.Up;

    private bool NetworkDown(string node, string network) => nodes.TryGetValue(node, out var s) && s.DownNetworks.Contains(network);

    /// <summary>R-SU-3: node-based distribution, one group per node; network-based (5.x, legacy rotating), one per node per network.</summary>
    private bool Distributed(int g, string n) =>
        ix.Configuration.Cluster?.DistributionPolicy == "network" && ix.Networks[g].Length > 0
            ? ix.Networks[g].Any(net => distributed.Contains(n + "\n" + net))
            : distributed.Contains(n);

    private void ClaimDistribution(int g, string n)
    {
        if (ix.Configuration.Cluster?.DistributionPolicy == "network" && ix.Networks[g].Length > 0)
        {
            foreach (var net in ix.Networks[g])
            {
                distributed.Add(n + "\n" + net);
            }
        }
        else
        {
            distributed.Add(n);
        }
    }

    private bool OtherClaim(int g, string n) =>
        ix.SameNodeSet[g] is var sn and >= 0 && sameNode[sn] is { } node && node != n;

    private void Fix(int g, string node)
    {
        if (ix.SameNodeSet[g] >= 0)
        {
            sameNode[ix.SameNodeSet[g]] = node;
        }
        if (ix.SameSiteSet[g] >= 0 && ix.SiteOfNode.TryGetValue(node, out var site))
        {
            sameSite[ix.SameSiteSet[g]] = site;
        }
    }

    // ---- Dependencies (R-DEP-PC, R-DEP-SA): parents and targets are decided first (PlacementIndex.Order).

    private bool ParentsOnline(int g) => ix.Parents[g].All(OnlineTarget);

    private bool TargetsOnline(int g) => ix.StartAfterTargets[g].All(OnlineTarget);

    private bool OnlineTarget(int g) => target[g] is { } t && t.Values.Any(s => s is GroupState.Online or GroupState.Unmanaged);

    /// <summary>The group is released and acquired again (moved, cycled, or taken over).</summary>
    private bool Moved(int g)
    {
        if (cycle[g])
        {
            return true;
        }
        var before = snap.Group(ix.Groups[g].Name).Nodes;
        return target[g] is { } t && t.Any(x => x.Value == GroupState.Online && (!before.TryGetValue(x.Key, out var s) || s is not (GroupState.Online or GroupState.Acquiring)));
    }

    // ---- Decisions.

    private void Place(int g, string node)
    {
        target[g] = new Dictionary<string, GroupState>(StringComparer.Ordinal) { [node] = GroupState.Online };
        reason[g] = OfflineReason.None;
        Fix(g, node);
        if (ix.DifferentNodesRank[g] != PlacementIndex.NoRank)
        {
            differentTarget[node] = ix.DifferentNodesRank[g];
        }
        if (ix.Groups[g].Startup == StartupPolicy.OnlineUsingDistributionPolicy)
        {
            ClaimDistribution(g, node);
        }
    }

    private void Keep(int g, string node, GroupState state)
    {
        if (state == GroupState.Online)
        {
            Place(g, node);
            return;
        }
        target[g] = new Dictionary<string, GroupState>(StringComparer.Ordinal) { [node] = state };
        reason[g] = OfflineReason.None;
        Fix(g, node);
    }

    private void Offline(int g, OfflineReason why)
    {
        target[g] = new Dictionary<string, GroupState>(StringComparer.Ordinal);
        reason[g] = why;
    }

    /// <summary>The node a non-concurrent group is on in any state but OFFLINE, or null.</summary>
    private string? Current(int g)
    {
        foreach (var (node, state) in snap.Group(ix.Groups[g].Name).Nodes)
        {
            if (state != GroupState.Offline)
            {
                return node;
            }
        }
        return null;
    }

    private List<GroupPlacement> Placements() =>
        [.. ix.Groups.Select((rg, g) => new GroupPlacement(rg.Name, target[g] ?? new Dictionary<string, GroupState>(), reason[g], pol[g]) { Why = why[g] ?? "" })];

    // ---- The plan (R-ORDER, R-STATE).

    /// <summary>Releases then acquires, each by phase: children and Stop After targets released first, parents and
    /// Start After targets acquired first (<see cref="PlacementIndex.AcquirePhase"/>). A crashed node releases nothing.</summary>
    internal static List<PlacementAction> Plan(PlacementIndex ix, ClusterSnapshot before, IReadOnlyList<GroupPlacement> after, bool[] cycle, string? crashed)
    {
        var releases = new List<(int Order, PlacementAction A)>();
        var acquires = new List<(int Order, PlacementAction A)>();
        for (var g = 0; g < ix.Groups.Length; g++)
        {
            var name = ix.Groups[g].Name;
            var was = before.Group(name);
            var will = after[g].Nodes;
            foreach (var (node, s) in was.Nodes)
            {
                var active = s is GroupState.Online or GroupState.Acquiring or GroupState.TemporaryError
                    || (s == GroupState.Error && after[g].Reason == OfflineReason.UserRequested);
                var stays = will.TryGetValue(node, out var w) && (w is GroupState.Unmanaged or GroupState.Error || (w == GroupState.Online && !cycle[g] && s != GroupState.TemporaryError));
                if (active && !stays && node != crashed)
                {
                    releases.Add((ix.OrderPosition[g], new PlacementAction(ActionKind.Release, name, node, ix.ReleasePhase[g])));
                }
            }
            foreach (var (node, s) in will)
            {
                var had = was.On(node);
                if (s == GroupState.Online && (cycle[g] || had is not (GroupState.Online or GroupState.Acquiring)))
                {
                    acquires.Add((ix.OrderPosition[g], new PlacementAction(ActionKind.Acquire, name, node, ix.AcquirePhase[g])));
                }
            }
        }
        return
        [
            .. releases.OrderBy(r => r.A.Phase).ThenBy(r => r.Order).Select(r => r.A),
            .. acquires.OrderBy(a => a.A.Phase).ThenBy(a => a.Order).Select(a => a.A),
        ];
    }

    internal static PlacementResult Unchanged(PlacementIndex ix, ClusterSnapshot snap, IReadOnlyList<RuleViolation> refusals) => new()
    {
        Groups = [.. ix.Groups.Select(rg => snap.Group(rg.Name) is var s ? new GroupPlacement(rg.Name, s.Nodes, s.Reason, s.PriorityOverrideLocation) : null!)],
        Actions = [],
        Refusals = refusals,
        SettlingTimerRunning = snap.SettlingTimerRunning,
        After = snap,
    };
}
