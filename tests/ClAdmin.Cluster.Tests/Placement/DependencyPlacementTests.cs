using ClAdmin.Cluster.Placement;

namespace ClAdmin.Cluster.Tests.Placement;

using static PlacementFixtures;

/// <summary>Semantics §2 (dependencies and processing order) and §1.7 (feasibility).</summary>
public class DependencyPlacementTests
{
    private static ClusterConfiguration ParentChild(string parentPolicies = "OHN FNPN FBHPN") =>
        Config(3, Rg("db", "n1 n2 n3", parentPolicies), Rg("app", "n2 n1 n3", "OHN FNPN FBHPN"))
            with { Dependencies = [new Dependency(DependencyKind.ParentChild, ["db", "app"])] };

    // R-DEP-PC: "a parent is acquired before its children"; R-ORDER: "acquire parents before children".
    [Fact]
    public void R_DEP_PC_parent_is_acquired_before_the_child()
    {
        var r = RgPlacement.Compute(ParentChild(), Up(""), new ServicesStart(["n2", "n1"]));
        Assert.Equal(["Acquire db n1", "Acquire app n2"], Plan(r));
        Assert.True(r.Actions[0].Phase < r.Actions[1].Phase);
    }

    // R-DEP-PC: "A child waiting for its parent shows OFFLINE DUE TO PARENT OFFLINE", and starts once the parent is online.
    [Fact]
    public void R_DEP_PC_child_waits_offline_due_to_parent_offline()
    {
        var c = ParentChild();
        var r = RgPlacement.Compute(c, Up(""), new NodeUp("n2"));
        Assert.Equal("app OFFLINE DUE TO PARENT OFFLINE", r.Group("app").ToString());
        Assert.Empty(r.Actions);

        r = RgPlacement.Compute(c, r.After, new NodeUp("n1"));
        Assert.Equal(["Acquire db n1", "Acquire app n2"], Plan(r));
    }

    // R-DEP-PC: "If the parent goes down / moves, children must be brought down and back up (on any node) after the
    // parent is back"; "children are released before the parent".
    [Fact]
    public void R_DEP_PC_child_is_cycled_when_the_parent_moves()
    {
        var r = RgPlacement.Compute(ParentChild(), Up("n1 n2 n3", "db@n1", "app@n2"), new NodeDown("n1", StopMode.Takeover));
        Assert.Equal(["Release app n2", "Release db n1", "Acquire db n2", "Acquire app n2"], Plan(r));
    }

    // R-DEP-PC: the parent gone with no node: the child is released and waits.
    [Fact]
    public void R_DEP_PC_child_goes_offline_with_its_parent()
    {
        var r = RgPlacement.Compute(ParentChild("OHN BO NFB"), Up("n1 n2", "db@n1", "app@n2"), new NodeDown("n1", StopMode.Failure));
        Assert.Equal(["Release app n2"], Plan(r));
        Assert.Equal("app OFFLINE DUE TO PARENT OFFLINE", r.Group("app").ToString());
    }

    // R-DEP-PC (manual): "moving or offlining a parent is rejected while its child is online (offline the child first)".
    [Theory]
    [InlineData(RgMoveAction.Offline, null)]
    [InlineData(RgMoveAction.Move, "n2")]
    public void R_DEP_PC_a_parent_with_an_online_child_is_not_moved_or_taken_offline(RgMoveAction action, string? node)
    {
        var r = RgPlacement.Compute(ParentChild(), Up("n1 n2", "db@n1", "app@n2"), new RgMove("db", action, node));
        Assert.Equal("R-DEP-PC", Assert.Single(r.Refusals).RuleId);
        Assert.Contains("app", r.Refusals[0].Message, StringComparison.Ordinal);
        Assert.Empty(r.Actions);
        Assert.Equal("n1", r.Group("db").Node);
    }

    // R-DEP-PC (manual): "bringing a child online is rejected while its parent was taken offline by the user (error lists the parents)".
    [Fact]
    public void R_DEP_PC_a_child_is_not_brought_online_while_the_user_took_the_parent_offline()
    {
        var c = ParentChild();
        var s = Up("n1 n2") with { Groups = new Dictionary<string, GroupStatus> { ["db"] = GroupStatus.Offline(OfflineReason.UserRequested) } };
        var r = RgPlacement.Compute(c, s, new RgMove("app", RgMoveAction.Online, "n2"));
        Assert.Equal("R-DEP-PC", Assert.Single(r.Refusals).RuleId);
        Assert.Contains("db", r.Refusals[0].Message, StringComparison.Ordinal);
    }

    private static ClusterConfiguration StartAfter() =>
        Config(2, Rg("web", "n1 n2", "OHN FNPN FBHPN"), Rg("db", "n2 n1", "OHN FNPN FBHPN"))
            with { Dependencies = [new Dependency(DependencyKind.StartAfter, ["web", "db"])] };

    // R-DEP-SA: "the target RG must be ONLINE on any node before the source RG is activated; targets are acquired before sources".
    [Fact]
    public void R_DEP_SA_source_starts_after_its_target()
    {
        var c = StartAfter();
        var r = RgPlacement.Compute(c, Up(""), new NodeUp("n1"));
        Assert.Equal("web OFFLINE DUE TO TARGET OFFLINE", r.Group("web").ToString());

        r = RgPlacement.Compute(c, r.After, new NodeUp("n2"));
        Assert.Equal(["Acquire db n2", "Acquire web n1"], Plan(r));
        Assert.True(r.Actions[0].Phase < r.Actions[1].Phase);
    }

    // R-DEP-SA: "an ordering constraint at start time only (a later target failure does not force the source down)".
    [Fact]
    public void R_DEP_SA_target_failure_leaves_the_source_online()
    {
        var c = Config(2, Rg("web", "n1 n2", "OHN FNPN FBHPN"), Rg("db", "n2", "OHN FNPN FBHPN"))
            with { Dependencies = [new Dependency(DependencyKind.StartAfter, ["web", "db"])] };
        var r = RgPlacement.Compute(c, Up("n1 n2", "web@n1", "db@n2"), new NodeDown("n2", StopMode.Failure));
        Assert.Empty(r.Actions);
        Assert.Equal("n1", r.Group("web").Node);
    }

    // R-DEP-SA / R-ORDER: "Stop After: RGs that are targets of a Stop After dependency are released before their sources".
    [Fact]
    public void R_DEP_SA_stop_after_target_is_released_first()
    {
        var c = Config(2, Rg("web", "n1 n2", "OHN FNPN FBHPN"), Rg("db", "n1 n2", "OHN FNPN FBHPN"))
            with { Dependencies = [new Dependency(DependencyKind.StopAfter, ["db", "web"])] };
        var r = RgPlacement.Compute(c, Up("n1 n2", "web@n1", "db@n1"), new NodeDown("n1", StopMode.Graceful));
        Assert.Equal(["Release web n1", "Release db n1"], Plan(r));
        Assert.True(r.Actions[0].Phase < r.Actions[1].Phase);
    }

    // R-DEP-LOC: Online On Same Node: "all RGs of a set are online on the same node; they start, fall over and fall back together".
    [Fact]
    public void R_DEP_LOC_same_node_groups_fall_over_together()
    {
        var c = Config(3, Rg("rg1", "n1 n2 n3", "OHN FNPN FBHPN"), Rg("rg2", "n1 n2 n3", "OHN FUDNP FBHPN") with { NodePriorityPolicy = "cl_highest_free_mem" })
            with { Dependencies = [new Dependency(DependencyKind.OnlineOnSameNode, ["rg1", "rg2"])] };
        var s = Up("n1 n2 n3", "rg1@n1", "rg2@n1") with
        {
            Metrics = new Dictionary<string, NodeMetrics> { ["n2"] = new(0, 1, 0), ["n3"] = new(0, 9, 0) },
        };
        var r = RgPlacement.Compute(c, s, new NodeDown("n1", StopMode.Failure));
        Assert.Equal(r.Group("rg1").Node, r.Group("rg2").Node);
        Assert.Equal("n2", r.Group("rg1").Node);
    }

    // R-DEP-LOC: a same-node set moved by the user moves as one.
    [Fact]
    public void R_DEP_LOC_same_node_groups_move_together()
    {
        var c = Config(2, Rg("rg1", "n1 n2", "OHN FNPN NFB"), Rg("rg2", "n1 n2", "OHN FNPN NFB"))
            with { Dependencies = [new Dependency(DependencyKind.OnlineOnSameNode, ["rg1", "rg2"])] };
        var r = RgPlacement.Compute(c, Up("n1 n2", "rg1@n1", "rg2@n1"), new RgMove("rg2", RgMoveAction.Move, "n2"));
        Assert.Equal(["Release rg1 n1", "Release rg2 n1", "Acquire rg1 n2", "Acquire rg2 n2"], Plan(r));
    }

    private static ClusterConfiguration DifferentNodes(string high, string low) =>
        Config(3, Rg("hi", high, "OHN FNPN FBHPN"), Rg("lo", low, "OHN FNPN FBHPN"))
            with { Dependencies = [new Dependency(DependencyKind.OnlineOnDifferentNodes, ["hi", "lo"], HighCount: 1)] };

    // R-DEP-LOC: "a higher-priority RG wins a node over a lower-priority one: the lower one is moved to another
    // feasible node, or taken OFFLINE if none".
    [Fact]
    public void R_DEP_LOC_different_nodes_higher_priority_displaces_lower()
    {
        var r = RgPlacement.Compute(DifferentNodes("n1 n2 n3", "n2 n3"), Up("n1 n2 n3", "hi@n1", "lo@n2"), new NodeDown("n1", StopMode.Failure));
        Assert.Equal(["Release lo n2", "Acquire hi n2", "Acquire lo n3"], Plan(r));

        r = RgPlacement.Compute(DifferentNodes("n1 n2", "n2 n1"), Up("n1 n2", "hi@n1", "lo@n2"), new NodeDown("n1", StopMode.Failure));
        Assert.Equal(["Release lo n2", "Acquire hi n2"], Plan(r));
        Assert.Equal("lo OFFLINE DUE TO HIGHER PRIORITY", r.Group("lo").ToString());
    }

    // R-DEP-LOC: "two RGs of the same priority never come online on the same node; the one already online stays".
    [Fact]
    public void R_DEP_LOC_different_nodes_same_priority_never_share()
    {
        var c = Config(2, Rg("a", "n1 n2", "OHN FNPN FBHPN"), Rg("b", "n2 n1", "OHN FNPN FBHPN"))
            with { Dependencies = [new Dependency(DependencyKind.OnlineOnDifferentNodes, ["a", "b"], HighCount: 2)] };
        var r = RgPlacement.Compute(c, Up("n1 n2", "a@n1", "b@n2"), new NodeDown("n1", StopMode.Failure));
        Assert.Empty(r.Actions);
        Assert.Equal("n2", r.Group("b").Node);
        Assert.Equal("a OFFLINE DUE TO LACK OF NODE", r.Group("a").ToString());
    }

    // R-DEP-LOC: Online On Same Site: "RGs of the set stay on the same site".
    [Fact]
    public void R_DEP_LOC_same_site_groups_follow_each_other_across_sites()
    {
        var c = Config(4, Rg("rg1", "n1 n3", "OHN FNPN FBHPN"), Rg("rg2", "n2 n4", "OHN FNPN FBHPN")) with
        {
            Sites = [new Site("site_a", ["n1", "n2"]), new Site("site_b", ["n3", "n4"])],
            Dependencies = [new Dependency(DependencyKind.OnlineOnSameSite, ["rg1", "rg2"])],
        };
        var r = RgPlacement.Compute(c, Up("n1 n2 n3 n4", "rg1@n1", "rg2@n2"), new NodeDown("n1", StopMode.Failure));
        Assert.Equal(["Release rg2 n2", "Acquire rg1 n3", "Acquire rg2 n4"], Plan(r));
    }

    // R-ORDER: "RGs that contain NFS mounts are acquired before RGs without NFS mounts and released after them."
    [Fact]
    public void R_ORDER_nfs_mounting_groups_are_acquired_first_and_released_last()
    {
        var c = Config(2, Rg("plain", "n1 n2", "OHN FNPN FBHPN"), Rg("nfs", "n1 n2", "OHN FNPN FBHPN") with { Resources = Res("MOUNT_FILESYSTEM", "/a;/b") });
        var up = RgPlacement.Compute(c, Up(""), new NodeUp("n1"));
        Assert.Equal(["Acquire nfs n1", "Acquire plain n1"], Plan(up));
        var down = RgPlacement.Compute(c, up.After, new NodeDown("n1", StopMode.Graceful));
        Assert.Equal(["Release plain n1", "Release nfs n1"], Plan(down));
    }

    private static ClusterConfiguration WithService(int nodes, string groupNodes, string policies = "OHN FNPN FBHPN") =>
        Config(nodes, Rg("rg1", groupNodes, policies) with { Resources = Res("SERVICE_LABEL", "svc1") }) with
        {
            ServiceIps = [new ServiceIp("svc1", "net_ether_01")],
        };

    private static ClusterSnapshot NetworkDownOn(ClusterSnapshot s, string node) =>
        s with { Nodes = new Dictionary<string, NodeState>(s.Nodes) { [node] = new NodeState(NodeStatus.Up, new HashSet<string> { "net_ether_01" }) } };

    // R-PLACE 3: "For every service IP in G: N has an interface up on that HACMP network".
    [Fact]
    public void R_PLACE_3_a_node_without_the_service_network_is_skipped()
    {
        var s = NetworkDownOn(Up("n1 n2 n3", "rg1@n1"), "n2");
        var r = RgPlacement.Compute(WithService(3, "n1 n2 n3"), s, new NodeDown("n1", StopMode.Failure));
        Assert.Equal(["Acquire rg1 n3"], Plan(r));
    }

    // S7 / selective fallover: "RGs on that node whose service IPs are on that network are moved (rg_move) to a node
    // that still has the network".
    [Fact]
    public void S7_local_network_down_moves_the_group_to_a_node_with_the_network()
    {
        var r = RgPlacement.Compute(WithService(2, "n1 n2"), Up("n1 n2", "rg1@n1"), new NetworkDown("n1", "net_ether_01"));
        Assert.Equal(["Release rg1 n1", "Acquire rg1 n2"], Plan(r));
    }

    // S8: "network_down -1 <net>: no takeover"; "nothing moves".
    [Fact]
    public void S8_global_network_down_moves_nothing()
    {
        var r = RgPlacement.Compute(WithService(2, "n1 n2"), Up("n1 n2", "rg1@n1"), new NetworkDown(null, "net_ether_01"));
        Assert.Empty(r.Actions);
        Assert.Equal("n1", r.Group("rg1").Node);
    }

    // Linear in nodes x groups: 64 nodes, 256 groups with a home node and two fallover nodes each, node1 crashes.
    [Fact]
    public void Large_cluster_node_crash_moves_exactly_the_crashed_nodes_groups()
    {
        var (c, s) = PlacementBench.Cluster(64, 256);
        var r = RgPlacement.Compute(c, s, new NodeDown("node1", StopMode.Failure));
        Assert.Equal(4, r.Actions.Count);
        Assert.All(r.Actions, a => Assert.Equal((ActionKind.Acquire, "node2"), (a.Kind, a.Node)));
    }
}
