using ClAdmin.Cluster.Placement;

namespace ClAdmin.Cluster.Tests.Placement;

using static PlacementFixtures;

/// <summary>Semantics §3 (states, R-STATE), §6 (stop modes, S3-S5) and §1.6 (clRGmove and the priority override location).</summary>
public class StatePlacementTests
{
    private static readonly ClusterConfiguration TwoNodes = Config(2, Rg("rg1", "n1 n2", "OHN FNPN FBHPN"));

    // S4 / §6 Bring resource groups Offline: "stop all managed resources ONLINE on the node; do not activate them elsewhere".
    [Fact]
    public void S4_graceful_stop_releases_and_nothing_takes_over()
    {
        var r = RgPlacement.Compute(TwoNodes, Up("n1 n2", "rg1@n1"), new NodeDown("n1", StopMode.Graceful));
        Assert.Equal(["Release rg1 n1"], Plan(r));
        Assert.Equal("rg1 OFFLINE", r.Group("rg1").ToString());
    }

    // S3 / §6 Move resource groups: "stop the node's managed resources, then acquire them on takeover nodes".
    [Fact]
    public void S3_stop_with_takeover_moves_the_group()
    {
        var r = RgPlacement.Compute(TwoNodes, Up("n1 n2", "rg1@n1"), new NodeDown("n1", StopMode.Takeover));
        Assert.Equal(["Release rg1 n1", "Acquire rg1 n2"], Plan(r));
    }

    // S5 / §6 Unmanage: "resources are not stopped ... RGs on the node show UNMANAGED; survivors do not take over".
    [Fact]
    public void S5_forced_stop_leaves_the_group_unmanaged()
    {
        var r = RgPlacement.Compute(TwoNodes, Up("n1 n2", "rg1@n1"), new NodeDown("n1", StopMode.Forced));
        Assert.Empty(r.Actions);
        Assert.Equal("rg1 Unmanaged@n1", r.Group("rg1").ToString());
    }

    // R-STATE: UNMANAGED, "cluster services restarted on that node" -> "prior state (usually ONLINE) after checking each
    // resource and activating inactive ones"; with manual management it stays as it is.
    [Theory]
    [InlineData(ManageMode.Automatic, "rg1 Online@n1", new[] { "Acquire rg1 n1" })]
    [InlineData(ManageMode.Manual, "rg1 Unmanaged@n1", new string[0])]
    public void R_STATE_unmanaged_group_is_managed_again_on_restart(ManageMode manage, string expected, string[] plan)
    {
        var r = RgPlacement.Compute(TwoNodes, Up("n2", "rg1@n1:Unmanaged"), new NodeUp("n1", manage));
        Assert.Equal(expected, r.Group("rg1").ToString());
        Assert.Equal(plan, Plan(r));
    }

    // Start Cluster Services, Manage Resource Groups Manually: the joining node acquires nothing.
    [Fact]
    public void Manual_management_acquires_nothing()
    {
        var r = RgPlacement.Compute(TwoNodes, Up(""), new ServicesStart(["n1", "n2"], ManageMode.Manual));
        Assert.Empty(r.Actions);
        Assert.Equal(NodeStatus.Up, r.After.Node("n1").Status);
    }

    // R-STATE: ACQUIRING, a resource fails -> "TEMPORARY ERROR -> (auto recovery: release on this node, try next
    // feasible node) -> ERROR if recovery impossible".
    [Fact]
    public void R_STATE_acquisition_failure_recovers_on_the_next_node_or_ends_in_error()
    {
        var r = RgPlacement.Compute(TwoNodes, Up("n1 n2", "rg1@n1:Acquiring"), new GroupFailure("rg1", "n1"));
        Assert.Equal(["Release rg1 n1", "Acquire rg1 n2"], Plan(r));

        // No node to recover on: ERROR where it failed, resources as they are (clRGmove -d releases them).
        r = RgPlacement.Compute(TwoNodes, Up("n1", "rg1@n1:Acquiring"), new GroupFailure("rg1", "n1"));
        Assert.Empty(r.Actions);
        Assert.Equal("rg1 Error@n1", r.Group("rg1").ToString());
    }

    // R-STATE: ERROR "admin fixes cause and runs clRGmove offline/online"; until then nothing moves it.
    [Fact]
    public void R_STATE_error_stays_until_the_administrator_acts()
    {
        var s = Up("n1", "rg1@n1:Error");
        Assert.Empty(RgPlacement.Compute(TwoNodes, s, new NodeUp("n2")).Actions);
        var r = RgPlacement.Compute(TwoNodes, s, new RgMove("rg1", RgMoveAction.Offline));
        Assert.Equal(["Release rg1 n1"], Plan(r));
        Assert.Equal("rg1 OFFLINE", r.Group("rg1").ToString());
    }

    // "the destination becomes the priority override location ... (it is where fallback/timer will return the RG to)".
    [Fact]
    public void R_1_6_move_sets_the_priority_override_location_which_later_fallback_honours()
    {
        var c = Config(3, Rg("rg1", "n1 n2 n3", "OHN FNPN FBHPN"));
        var r = RgPlacement.Compute(c, Up("n1 n2 n3", "rg1@n1"), new RgMove("rg1", RgMoveAction.Move, "n3"));
        Assert.Equal(["Release rg1 n1", "Acquire rg1 n3"], Plan(r));
        Assert.Equal("n3", r.Group("rg1").PriorityOverrideLocation);

        // The override location fails: fallover by the list; it rejoins: the group falls back to it, not to n1.
        r = RgPlacement.Compute(c, r.After, new NodeDown("n3", StopMode.Failure));
        Assert.Equal(["Acquire rg1 n1"], Plan(r));
        r = RgPlacement.Compute(c, r.After, new NodeUp("n3"));
        Assert.Equal(["Release rg1 n1", "Acquire rg1 n3"], Plan(r));
    }

    // R-1.6 / R-FB-3: "Manual clRGmove to another node: the RG stays on the destination; if that destination later
    // leaves and rejoins, the RG falls back to it at the timer time".
    [Fact]
    public void R_1_6_with_a_delayed_fallback_timer_the_group_returns_to_the_override_location_at_the_timer()
    {
        var c = Config(2, Rg("rg1", "n1 n2", "OHN FNPN FBHPN") with { FallbackTimer = "t" }) with { FallbackTimers = [new FallbackTimer("t", "daily")] };
        var s = Up("n1", "rg1@n1") with { Groups = new Dictionary<string, GroupStatus> { ["rg1"] = GroupStatus.OnlineOn("n1") with { PriorityOverrideLocation = "n2" } } };
        var r = RgPlacement.Compute(c, s, new NodeUp("n2"));
        Assert.Empty(r.Actions);
        Assert.Equal([("rg1", "t")], r.AwaitingFallbackTimer);
        r = RgPlacement.Compute(c, r.After, new FallbackTimerExpired("t"));
        Assert.Equal(["Release rg1 n1", "Acquire rg1 n2"], Plan(r));
    }

    // the override location wins over a higher-priority node joining.
    [Fact]
    public void R_1_6_override_location_is_kept_when_the_home_node_joins()
    {
        var s = Up("n2") with { Groups = new Dictionary<string, GroupStatus> { ["rg1"] = GroupStatus.OnlineOn("n2") with { PriorityOverrideLocation = "n2" } } };
        Assert.Empty(RgPlacement.Compute(TwoNodes, s, new NodeUp("n1")).Actions);
    }

    // "Using -r returns the RG to its highest-priority node" ("-r clears the POL" UNVERIFIED).
    [Fact]
    public void R_1_6_restore_returns_to_the_highest_priority_node_and_clears_the_override()
    {
        var s = Up("n1 n2") with { Groups = new Dictionary<string, GroupStatus> { ["rg1"] = GroupStatus.OnlineOn("n2") with { PriorityOverrideLocation = "n2" } } };
        var r = RgPlacement.Compute(TwoNodes, s, new RgMove("rg1", RgMoveAction.Move));
        Assert.Equal(["Release rg1 n2", "Acquire rg1 n1"], Plan(r));
        Assert.Null(r.Group("rg1").PriorityOverrideLocation);
    }

    // "With NFB, a moved RG stays on the destination until moved again".
    [Fact]
    public void R_1_6_with_never_fallback_a_moved_group_stays()
    {
        var c = Config(2, Rg("rg1", "n1 n2", "OHN FNPN NFB"));
        var r = RgPlacement.Compute(c, Up("n1 n2", "rg1@n1"), new RgMove("rg1", RgMoveAction.Move, "n2"));
        r = RgPlacement.Compute(c, r.After with { Nodes = new Dictionary<string, NodeState> { ["n2"] = NodeState.Up } }, new NodeUp("n1"));
        Assert.Empty(r.Actions);
        Assert.Equal("n2", r.Group("rg1").Node);
    }

    // clRGmove -d, then -u: the group stays offline across node events until the user brings it online.
    [Fact]
    public void R_1_6_a_group_taken_offline_by_the_user_stays_offline_until_brought_online()
    {
        var r = RgPlacement.Compute(TwoNodes, Up("n1 n2", "rg1@n1"), new RgMove("rg1", RgMoveAction.Offline));
        Assert.Equal(["Release rg1 n1"], Plan(r));
        r = RgPlacement.Compute(TwoNodes, r.After with { Nodes = new Dictionary<string, NodeState> { ["n2"] = NodeState.Up } }, new NodeUp("n1"));
        Assert.Empty(r.Actions);
        r = RgPlacement.Compute(TwoNodes, r.After, new RgMove("rg1", RgMoveAction.Online, "n2"));
        Assert.Equal(["Acquire rg1 n2"], Plan(r));
    }

    // R-1.6 / R-PLACE 1: a destination must be a participating node with cluster services up.
    [Theory]
    [InlineData("n3", "node n3 is not a participating node of resource group rg1")]
    [InlineData("n2", "cluster services are not active on node n2")]
    public void R_1_6_a_move_to_a_node_that_cannot_host_is_refused(string node, string message)
    {
        var c = Config(3, Rg("rg1", "n1 n2", "OHN FNPN FBHPN"));
        var r = RgPlacement.Compute(c, Up("n1 n3", "rg1@n1"), new RgMove("rg1", RgMoveAction.Move, node));
        Assert.Equal(message, Assert.Single(r.Refusals).Message);
        Assert.Empty(r.Actions);
    }

    // "Concurrent RG: offline on all nodes or one node, online on all nodes or one node."
    [Fact]
    public void R_1_6_concurrent_group_offline_and_online_on_one_node()
    {
        var c = Config(2, Rg("crg", "n1 n2", "OAAN BO NFB"));
        var r = RgPlacement.Compute(c, Up("n1 n2", "crg@n1", "crg@n2"), new RgMove("crg", RgMoveAction.Offline, "n2"));
        Assert.Equal(["Release crg n2"], Plan(r));
        r = RgPlacement.Compute(c, r.After, new RgMove("crg", RgMoveAction.Online, "n2"));
        Assert.Equal(["Acquire crg n2"], Plan(r));
        Assert.Equal("R-1.6", Assert.Single(RgPlacement.Compute(c, r.After, new RgMove("crg", RgMoveAction.Move, "n1")).Refusals).RuleId);
    }
}
