using ClAdmin.Cluster.Placement;

namespace ClAdmin.Cluster.Tests.Placement;

using static PlacementFixtures;

/// <summary>Semantics §1 (policies), one test or more per rule; the rule id starts the test name. The expected
/// placements come from the reference's words, quoted in the comments.</summary>
public class PolicyPlacementTests
{
    // R-SU-1: "The RG may be started only on the home node ... If the home node is not up, the RG stays OFFLINE
    // even if other participating nodes are up."
    [Fact]
    public void R_SU_1_OHN_stays_offline_until_the_home_node_joins()
    {
        var c = Config(3, Rg("rg1", "n1 n2 n3", "OHN FNPN FBHPN"));
        var r = RgPlacement.Compute(c, Up("n2 n3"), new NodeUp("n2"));
        Assert.Equal("rg1 OFFLINE", r.Group("rg1").ToString());
        Assert.Empty(r.Actions);

        r = RgPlacement.Compute(c, r.After, new NodeUp("n1"));
        Assert.Equal(["Acquire rg1 n1"], Plan(r));
    }

    // R-SU-2: "The first participating node that becomes available acquires the RG" (no settling time).
    [Fact]
    public void R_SU_2_OFAN_starts_on_the_first_node_that_joins()
    {
        var c = Config(3, Rg("rg1", "n1 n2 n3", "OFAN FNPN NFB"));
        var r = RgPlacement.Compute(c, Up(""), new NodeUp("n3"));
        Assert.Equal(["Acquire rg1 n3"], Plan(r));
    }

    // R-SU-2: a non-home node joins: start the settling timer; on expiry acquire on the highest-priority node up.
    [Fact]
    public void R_SU_2_OFAN_with_settling_time_waits_then_takes_the_highest_priority_node_up()
    {
        var c = Config(3, Rg("rg1", "n1 n2 n3", "OFAN FNPN NFB")) with { Cluster = new ClusterInfo("c1", 1, SettlingTime: 60) };
        var r = RgPlacement.Compute(c, Up(""), new NodeUp("n3"));
        Assert.Empty(r.Actions);
        Assert.Equal(["rg1"], r.AwaitingSettlingTime);
        Assert.True(r.SettlingTimerRunning);

        r = RgPlacement.Compute(c, r.After, new NodeUp("n2"));
        Assert.Empty(r.Actions);
        Assert.True(r.SettlingTimerRunning);

        r = RgPlacement.Compute(c, r.After, new SettlingTimeExpired());
        Assert.Equal(["Acquire rg1 n2"], Plan(r));
        Assert.False(r.SettlingTimerRunning);
    }

    // R-SU-2: "if the home node joins, acquire at once (no reason to wait)".
    [Fact]
    public void R_SU_2_OFAN_with_settling_time_starts_at_once_when_the_home_node_joins()
    {
        var c = Config(2, Rg("rg1", "n1 n2", "OFAN FNPN NFB")) with { Cluster = new ClusterInfo("c1", 1, SettlingTime: 60) };
        var r = RgPlacement.Compute(c, Up(""), new NodeUp("n2"));
        r = RgPlacement.Compute(c, r.After, new NodeUp("n1"));
        Assert.Equal(["Acquire rg1 n1"], Plan(r));
        Assert.False(r.SettlingTimerRunning);
    }

    // R-SU-2: "Settling time ... applies only to OFAN RGs".
    [Fact]
    public void R_SU_2_settling_time_does_not_delay_other_policies()
    {
        var c = Config(2, Rg("rg1", "n2 n1", "OHN FNPN FBHPN"), Rg("rg2", "n1 n2", "OFAN FNPN NFB")) with { Cluster = new ClusterInfo("c1", 1, SettlingTime: 60) };
        var r = RgPlacement.Compute(c, Up(""), new NodeUp("n2"));
        Assert.Equal(["Acquire rg1 n2"], Plan(r));
        Assert.Equal(["rg2"], r.AwaitingSettlingTime);
    }

    // R-SU-3: "during startup a node acquires at most one RG that has this policy".
    [Fact]
    public void R_SU_3_OUDP_a_joining_node_takes_one_group()
    {
        var c = Config(2, Rg("rg1", "n1 n2", "OUDP FNPN NFB"), Rg("rg2", "n1 n2", "OUDP FNPN NFB"));
        var r = RgPlacement.Compute(c, Up(""), new ServicesStart(["n1", "n2"]));
        Assert.Equal(["Acquire rg1 n1", "Acquire rg2 n2"], Plan(r));
    }

    // R-SU-3 tie-break 3: "the RG with fewer nodes in its node list is preferred".
    [Fact]
    public void R_SU_3_OUDP_prefers_the_group_with_fewer_nodes()
    {
        var c = Config(3, Rg("rg1", "n1 n2 n3", "OUDP FNPN NFB"), Rg("rg2", "n1 n2", "OUDP FNPN NFB"));
        var r = RgPlacement.Compute(c, Up(""), new NodeUp("n1"));
        Assert.Equal(["Acquire rg2 n1"], Plan(r));
        Assert.Equal("rg1 OFFLINE", r.Group("rg1").ToString());
    }

    // R-SU-3 tie-break 1: "a parent RG (one that has children) is preferred" (before fewer nodes).
    [Fact]
    public void R_SU_3_OUDP_prefers_a_parent()
    {
        var c = Config(3, Rg("rg1", "n1 n2", "OUDP FNPN NFB"), Rg("rg2", "n1 n2 n3", "OUDP FNPN NFB"), Rg("rg3", "n2 n1", "OHN FNPN FBHPN"))
            with { Dependencies = [new Dependency(DependencyKind.ParentChild, ["rg2", "rg3"])] };
        var r = RgPlacement.Compute(c, Up(""), new NodeUp("n1"));
        Assert.Equal(["Acquire rg2 n1"], Plan(r));
    }

    // R-SU-3 tie-break 2: "a Start After target RG is preferred" (before fewer nodes).
    [Fact]
    public void R_SU_3_OUDP_prefers_a_start_after_target()
    {
        var c = Config(3, Rg("rg1", "n1 n2", "OUDP FNPN NFB"), Rg("rg2", "n1 n2 n3", "OUDP FNPN NFB"), Rg("rg3", "n2 n1", "OHN FNPN FBHPN"))
            with { Dependencies = [new Dependency(DependencyKind.StartAfter, ["rg3", "rg2"])] };
        var r = RgPlacement.Compute(c, Up(""), new NodeUp("n1"));
        Assert.Equal(["Acquire rg2 n1"], Plan(r));
    }

    // R-SU-3 tie-break 4: "then by RG ID (7.2 text) — older text says alphabetical order. Make the tie-breaker an era setting."
    [Theory]
    [InlineData(DistributionTieBreak.GroupId, "Acquire rg_b n1")]
    [InlineData(DistributionTieBreak.Alphabetical, "Acquire rg_a n1")]
    public void R_SU_3_OUDP_last_tie_break_is_the_group_id_or_the_name(DistributionTieBreak tieBreak, string expected)
    {
        var c = Config(2, Rg("rg_b", "n1 n2", "OUDP FNPN NFB"), Rg("rg_a", "n1 n2", "OUDP FNPN NFB"));
        var r = RgPlacement.Compute(c, Up(""), new NodeUp("n1"), new PlacementOptions(tieBreak));
        Assert.Equal([expected], Plan(r));
    }

    // R-SU-3: "Distribution applies to startup only": a fallover may put two on one node.
    [Fact]
    public void R_SU_3_OUDP_distribution_does_not_limit_fallover()
    {
        var c = Config(2, Rg("rg1", "n1 n2", "OUDP FNPN NFB"), Rg("rg2", "n2 n1", "OUDP FNPN NFB"));
        var r = RgPlacement.Compute(c, Up("n1 n2", "rg1@n1", "rg2@n2"), new NodeDown("n1", StopMode.Failure));
        Assert.Equal(["Acquire rg1 n2"], Plan(r));
    }

    // R-SU-4: "brought online on every participating node that is up; each node that joins acquires its own instance".
    [Fact]
    public void R_SU_4_OAAN_is_online_on_every_node_that_joins()
    {
        var c = Config(3, Rg("crg", "n1 n2 n3", "OAAN BO NFB"));
        var r = RgPlacement.Compute(c, Up(""), new ServicesStart(["n1", "n2"]));
        Assert.Equal(["Acquire crg n1", "Acquire crg n2"], Plan(r));

        r = RgPlacement.Compute(c, r.After, new NodeUp("n3"));
        Assert.Equal(["Acquire crg n3"], Plan(r));
        Assert.Equal(["n1", "n2", "n3"], r.Group("crg").OnlineNodes);
    }

    // R-FO-1: "choose the highest-priority node in the node list that is up"; the crashed node releases nothing (S2).
    [Fact]
    public void R_FO_1_FNPN_falls_over_to_the_next_node_up_in_the_list()
    {
        var c = Config(3, Rg("rg1", "n1 n2 n3", "OHN FNPN FBHPN"));
        var r = RgPlacement.Compute(c, Up("n1 n2 n3", "rg1@n1"), new NodeDown("n1", StopMode.Failure));
        Assert.Equal(["Acquire rg1 n2"], Plan(r));

        r = RgPlacement.Compute(c, Up("n1 n3", "rg1@n1"), new NodeDown("n1", StopMode.Failure));
        Assert.Equal(["Acquire rg1 n3"], Plan(r));
    }

    // R-FO-1: "If none qualifies, the RG ends OFFLINE" ("Offline due to lack of node").
    [Fact]
    public void R_FO_1_FNPN_with_no_node_left_is_offline_due_to_lack_of_node()
    {
        var c = Config(2, Rg("rg1", "n1 n2", "OHN FNPN FBHPN"));
        var r = RgPlacement.Compute(c, Up("n1", "rg1@n1"), new NodeDown("n1", StopMode.Failure));
        Assert.Equal("rg1 OFFLINE DUE TO LACK OF NODE", r.Group("rg1").ToString());
        Assert.Empty(r.Actions);
    }

    // R-FO-2: cl_highest_free_mem "pick highest", cl_highest_idle_cpu "pick highest", cl_lowest_disk_busy "pick lowest",
    // from "the most recently collected values".
    [Theory]
    [InlineData("cl_highest_free_mem", "n3")]
    [InlineData("cl_highest_idle_cpu", "n2")]
    [InlineData("cl_lowest_disk_busy", "n4")]
    public void R_FO_2_FUDNP_picks_the_node_by_the_last_figures(string policy, string expected)
    {
        var c = Config(4, Rg("rg1", "n1 n2 n3 n4", "OHN FUDNP FBHPN") with { NodePriorityPolicy = policy });
        var s = Up("n1 n2 n3 n4", "rg1@n1") with
        {
            Metrics = new Dictionary<string, NodeMetrics>
            {
                ["n2"] = new(IdleCpu: 90, FreeMemory: 100, DiskBusy: 50),
                ["n3"] = new(IdleCpu: 10, FreeMemory: 900, DiskBusy: 40),
                ["n4"] = new(IdleCpu: 50, FreeMemory: 300, DiskBusy: 5),
            },
        };
        var r = RgPlacement.Compute(c, s, new NodeDown("n1", StopMode.Failure));
        Assert.Equal([$"Acquire rg1 {expected}"], Plan(r));
    }

    // R-FO-2: "If the priority calculation fails ... the default node-list order is used"; "Ties: fall back to node-list order".
    [Fact]
    public void R_FO_2_FUDNP_without_figures_or_on_a_tie_uses_the_node_list()
    {
        var c = Config(3, Rg("rg1", "n1 n2 n3", "OHN FUDNP FBHPN") with { NodePriorityPolicy = "cl_highest_free_mem" });
        var none = RgPlacement.Compute(c, Up("n1 n2 n3", "rg1@n1"), new NodeDown("n1", StopMode.Failure));
        Assert.Equal(["Acquire rg1 n2"], Plan(none));

        var tie = Up("n1 n2 n3", "rg1@n1") with
        {
            Metrics = new Dictionary<string, NodeMetrics> { ["n2"] = new(0, 500, 0), ["n3"] = new(0, 500, 0) },
        };
        Assert.Equal(["Acquire rg1 n2"], Plan(RgPlacement.Compute(c, tie, new NodeDown("n1", StopMode.Failure))));
    }

    // R-FO-3: "the RG is taken offline on the node where the error happened and is not acquired elsewhere".
    [Fact]
    public void R_FO_3_BO_goes_offline_and_is_not_acquired_elsewhere()
    {
        var c = Config(2, Rg("rg1", "n1 n2", "OHN BO NFB"));
        var r = RgPlacement.Compute(c, Up("n1 n2", "rg1@n1"), new NodeDown("n1", StopMode.Failure));
        Assert.Equal("rg1 OFFLINE DUE TO FALLOVER", r.Group("rg1").ToString());
        Assert.Empty(r.Actions);
    }

    // R-FO-3: "For a concurrent RG the other nodes' instances stay ONLINE."
    [Fact]
    public void R_FO_3_BO_on_a_concurrent_group_keeps_the_other_instances()
    {
        var c = Config(3, Rg("crg", "n1 n2 n3", "OAAN BO NFB"));
        var r = RgPlacement.Compute(c, Up("n1 n2 n3", "crg@n1", "crg@n2", "crg@n3"), new GroupFailure("crg", "n2"));
        Assert.Equal(["Release crg n2"], Plan(r));
        Assert.Equal(["n1", "n3"], r.Group("crg").OnlineNodes);
    }

    // R-FB-1: "the RG moves to the joining higher-priority node immediately as part of that node_up"; release first.
    [Fact]
    public void R_FB_1_FBHPN_falls_back_when_a_higher_priority_node_joins()
    {
        var c = Config(3, Rg("rg1", "n1 n2 n3", "OHN FNPN FBHPN"));
        var r = RgPlacement.Compute(c, Up("n2 n3", "rg1@n2"), new NodeUp("n1"));
        Assert.Equal(["Release rg1 n2", "Acquire rg1 n1"], Plan(r));
    }

    // R-FB-1 is about a *higher* priority node: a lower one joining changes nothing.
    [Fact]
    public void R_FB_1_FBHPN_ignores_a_lower_priority_node_joining()
    {
        var c = Config(3, Rg("rg1", "n1 n2 n3", "OHN FNPN FBHPN"));
        var r = RgPlacement.Compute(c, Up("n2", "rg1@n2"), new NodeUp("n3"));
        Assert.Empty(r.Actions);
        Assert.Equal("n2", r.Group("rg1").Node);
    }

    // R-FB-2: "stays where it is until moved manually or by a failure".
    [Fact]
    public void R_FB_2_NFB_stays_when_the_home_node_rejoins()
    {
        var c = Config(2, Rg("rg1", "n1 n2", "OHN FNPN NFB"));
        var r = RgPlacement.Compute(c, Up("n2", "rg1@n2"), new NodeUp("n1"));
        Assert.Empty(r.Actions);
        Assert.Equal("n2", r.Group("rg1").Node);
    }

    // R-FB-3: "with a timer it waits for the timer"; "At fire time: if the RG is ONLINE on a node other than its best node ... move it there."
    [Fact]
    public void R_FB_3_delayed_fallback_waits_for_the_timer()
    {
        var c = Config(2, Rg("rg1", "n1 n2", "OHN FNPN FBHPN") with { FallbackTimer = "nightly" })
            with { FallbackTimers = [new FallbackTimer("nightly", "daily", Hour: 2)] };
        var r = RgPlacement.Compute(c, Up("n2", "rg1@n2"), new NodeUp("n1"));
        Assert.Empty(r.Actions);
        Assert.Equal([("rg1", "nightly")], r.AwaitingFallbackTimer);

        r = RgPlacement.Compute(c, r.After, new FallbackTimerExpired("nightly"));
        Assert.Equal(["Release rg1 n2", "Acquire rg1 n1"], Plan(r));
    }

    // R-FB-3: "If the configured time is in the past/invalid: warning, and the delayed fallback policy is ignored."
    [Fact]
    public void R_FB_3_a_once_only_timer_in_the_past_is_ignored()
    {
        var c = Config(2, Rg("rg1", "n1 n2", "OHN FNPN FBHPN") with { FallbackTimer = "t1" })
            with { FallbackTimers = [new FallbackTimer("t1", "once", Year: 2020, Month: 1, DayOfMonth: 1)] };
        var s = Up("n2", "rg1@n2") with { Now = new DateTime(2024, 6, 1, 12, 0, 0, DateTimeKind.Unspecified) };
        var r = RgPlacement.Compute(c, s, new NodeUp("n1"));
        Assert.Equal(["Release rg1 n2", "Acquire rg1 n1"], Plan(r));
    }

    // R-FB-3: "Recurrence: Daily, Weekly, Monthly, Yearly, or a specific date/time. A specific date fires once."
    [Fact]
    public void R_FB_3_timer_recurrences()
    {
        var now = new DateTime(2024, 6, 5, 12, 0, 0, DateTimeKind.Unspecified); // a Wednesday
        Assert.Equal(new DateTime(2024, 6, 6, 2, 0, 0, DateTimeKind.Unspecified), FallbackTimerSchedule.NextFire(new("t", "daily", Hour: 2), now));
        Assert.Equal(new DateTime(2024, 6, 9, 2, 30, 0, DateTimeKind.Unspecified), FallbackTimerSchedule.NextFire(new("t", "weekly", DayOfWeek: 0, Hour: 2, Minute: 30), now));
        Assert.Equal(new DateTime(2024, 7, 1, 0, 0, 0, DateTimeKind.Unspecified), FallbackTimerSchedule.NextFire(new("t", "monthly", DayOfMonth: 1), now));
        Assert.Equal(new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Unspecified), FallbackTimerSchedule.NextFire(new("t", "yearly", Month: 1, DayOfMonth: 1), now));
        Assert.Equal(new DateTime(2024, 12, 24, 18, 0, 0, DateTimeKind.Unspecified), FallbackTimerSchedule.NextFire(new("t", "once", 2024, 12, 24, Hour: 18), now));
        Assert.Null(FallbackTimerSchedule.NextFire(new("t", "once", 2024, 2, 30), now));
    }
}

/// <summary>Semantics §1.5 and the seed notes: legacy cascading, rotating and concurrent groups.</summary>
public class LegacyPlacementTests
{
    private static ResourceGroup Legacy(string name, string nodes, LegacyGroupType type, bool inactiveTakeover = false, bool cwof = false)
    {
        var p = LegacyPolicies.Map(type, inactiveTakeover, cwof);
        return new ResourceGroup(name, nodes.Split(' '), p.Startup, p.Fallover, p.Fallback);
    }

    // Seed: "Upon node reintegration into the cluster, a cascading resource group falls back to its home node by default."
    [Fact]
    public void Legacy_cascading_falls_back_to_its_home_node()
    {
        var c = Config(2, Legacy("casc", "n1 n2", LegacyGroupType.Cascading));
        var r = RgPlacement.Compute(c, Up("n1 n2", "casc@n1"), new NodeDown("n1", StopMode.Failure));
        Assert.Equal(["Acquire casc n2"], Plan(r));
        r = RgPlacement.Compute(c, r.After, new NodeUp("n1"));
        Assert.Equal(["Release casc n2", "Acquire casc n1"], Plan(r));
    }

    // Seed: "If cwof flag is set to true, the resource group will not fall back to any node joining."
    [Fact]
    public void Legacy_cascading_without_fallback_stays()
    {
        var c = Config(2, Legacy("casc", "n1 n2", LegacyGroupType.Cascading, cwof: true));
        var r = RgPlacement.Compute(c, Up("n2", "casc@n2"), new NodeUp("n1"));
        Assert.Empty(r.Actions);
    }

    // §1.5: "Inactive Takeover ... if true, the first node of the chain to join acquires the RG even if it is not the
    // highest priority; if false, a joining node acquires only if it is the highest-priority node active."
    [Theory]
    [InlineData(true, "Acquire casc n2")]
    [InlineData(false, null)]
    public void Legacy_cascading_inactive_takeover(bool inactiveTakeover, string? expected)
    {
        var c = Config(2, Legacy("casc", "n1 n2", LegacyGroupType.Cascading, inactiveTakeover));
        var r = RgPlacement.Compute(c, Up(""), new NodeUp("n2"));
        Assert.Equal(expected is null ? [] : [expected], Plan(r));
    }

    // Seed: rotating "At cluster startup first available node ... will activate"; "It will never fallback".
    [Fact]
    public void Legacy_rotating_starts_on_the_first_node_and_never_falls_back()
    {
        var c = Config(2, Legacy("rot", "n1 n2", LegacyGroupType.Rotating));
        var r = RgPlacement.Compute(c, Up(""), new NodeUp("n2"));
        Assert.Equal(["Acquire rot n2"], Plan(r));
        r = RgPlacement.Compute(c, r.After, new NodeUp("n1"));
        Assert.Empty(r.Actions);
    }

    // §1.5: rotating "a node may hold at most one rotating RG per network" (5.x network-based distribution).
    [Fact]
    public void Legacy_rotating_one_group_per_node_per_network()
    {
        var groups = new[]
        {
            Legacy("rot1", "n1 n2", LegacyGroupType.Rotating) with { Resources = Res("SERVICE_LABEL", "svc1") },
            Legacy("rot2", "n1 n2", LegacyGroupType.Rotating) with { Resources = Res("SERVICE_LABEL", "svc2") },
            Legacy("rot3", "n1 n2", LegacyGroupType.Rotating) with { Resources = Res("SERVICE_LABEL", "svc3") },
        };
        var c = Config(2, groups) with
        {
            Cluster = new ClusterInfo("c1", 1, DistributionPolicy: "network"),
            Networks = [new Network("net_a", "ether"), new Network("net_b", "ether")],
            ServiceIps = [new ServiceIp("svc1", "net_a"), new ServiceIp("svc2", "net_b"), new ServiceIp("svc3", "net_a")],
        };
        var r = RgPlacement.Compute(c, Up(""), new NodeUp("n1"));
        Assert.Equal(["Acquire rot1 n1", "Acquire rot2 n1"], Plan(r));
    }

    // Seed: "A concurrent RG can be active on multiple nodes at the same time."
    [Fact]
    public void Legacy_concurrent_is_online_on_all_available_nodes()
    {
        var c = Config(3, Legacy("conc", "n1 n2 n3", LegacyGroupType.Concurrent));
        var r = RgPlacement.Compute(c, Up(""), new ServicesStart(["n1", "n2", "n3"]));
        Assert.Equal(["n1", "n2", "n3"], r.Group("conc").OnlineNodes);
    }
}
