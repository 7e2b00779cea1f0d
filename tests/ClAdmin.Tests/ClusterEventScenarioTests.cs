using System.Text.RegularExpressions;
using ClAdmin.Contracts;
using ClAdmin.Sim.Faults;
using ClAdmin.Store;

namespace ClAdmin.Tests;

/// <summary>
/// The canonical sequences S2, S6, S7, S8 and S10 of powerha-semantics.md §4.3, an application's death,
/// the settling time and Recover From Script Failure, on the demo cluster (a fresh database, services
/// started on both nodes: rg1 on node1, rg2 on node2), driven through the runtime's dispatcher and
/// `sim fail` (SimClusterServices.FaultAsync, which the command runs). Checked with clRGinfo -s and
/// the EVENT lines of hacmp.out; the expected event names and arguments come from outputs §1.1
/// (RB-72U Ex. 3-27/3-28, VERBATIM) and semantics §4.2/§4.3, the move output from outputs §3.3.
/// </summary>
public sealed partial class ClusterEventScenarioTests : DemoScenario
{
    /// <summary>`cladmin sim fail KIND TARGET` as the command runs it.</summary>
    private static async Task<CommandResult> Fail(Runtime runtime, string kind, string target)
    {
        var r = await runtime.ClusterServices!.FaultAsync("fail", w => SimFaults.Fail(w, kind, target) is var f ? (f.Ok, f.Message) : default, CancellationToken.None);
        Assert.True(r.ExitCode == 0, $"sim fail {kind} {target}: rc {r.ExitCode}\n{r.Stdout}\n{r.Stderr}");
        return r;
    }

    private static async Task<CommandResult> Repair(Runtime runtime, string kind, string target)
    {
        var r = await runtime.ClusterServices!.FaultAsync("repair", w => SimFaults.Repair(w, kind, target) is var f ? (f.Ok, f.Message) : default, CancellationToken.None);
        Assert.True(r.ExitCode == 0, $"sim repair {kind} {target}: rc {r.ExitCode}\n{r.Stdout}\n{r.Stderr}");
        return r;
    }

    /// <summary>The time stamp (hh:mm:ss) of the first marker line with <paramref name="text"/>.</summary>
    private static async Task<TimeSpan> TimeOf(Runtime runtime, string node, string text) =>
        TimeSpan.Parse((await Ok(runtime, "cat /tmp/hacmp.out", node)).Split('\n').First(l => l.EndsWith(text, StringComparison.Ordinal))[7..15], System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task S10_clRGmove_moves_the_group_through_rg_move_events_and_sets_the_priority_override_location()
    {
        await using var runtime = await Started();
        // The Move Resource Groups to Another Node dialog's line (menus/cspoc.json cl_rg_move_node_dlg).
        var move = await Ok(runtime, "clRGmove -s false -m -i -g 'rg1' -n 'node2'");

        // outputs §3.3 [VERBATIM, RB-72U Ex. 5-3].
        Assert.Contains("""
            Attempting to move resource group rg1 to node node2.
            Waiting for the cluster to process the resource group movement request....
            Waiting for the cluster to stabilize.....
            Resource group movement successful.
            Resource group rg1 is online on node node2.
            Cluster Name: demo_cluster
            Resource Group Name: rg1
            Node                         Group State
            ---------------------------- ---------------
            node1                        OFFLINE
            node2                        ONLINE

            """.ReplaceLineEndings("\n"), move, StringComparison.Ordinal);
        Assert.Equal(["rg1:OFFLINE:node1", "rg1:ONLINE:node2", "rg2:ONLINE:node2", "rg2:OFFLINE:node1"], await Groups(runtime));
        // S10: external_resource_state_change -> rg_move_release -> rg_move_fence -> rg_move_acquire -> rg_move_complete
        // -> external_resource_state_change_complete, the sub-events nested as in outputs §1.1.
        InOrder(await Markers(runtime, "node1"),
            "EVENT START: external_resource_state_change node1",
            "EVENT COMPLETED: external_resource_state_change node1 0",
            "EVENT START: rg_move_release node1 1",
            "EVENT START: rg_move node1 1 RELEASE",
            "EVENT START: stop_server app1",
            "EVENT START: release_service_addr",
            "EVENT COMPLETED: rg_move node1 1 RELEASE 0",
            "EVENT COMPLETED: rg_move_release node1 1 0",
            "EVENT START: rg_move_fence node1 1",
            "EVENT COMPLETED: rg_move_fence node1 1 0",
            "EVENT START: rg_move_acquire node1 1",
            "EVENT COMPLETED: rg_move_acquire node1 1 0",
            "EVENT START: rg_move_complete node1 1",
            "EVENT COMPLETED: rg_move_complete node1 1 0",
            "EVENT START: external_resource_state_change_complete node1",
            "EVENT COMPLETED: external_resource_state_change_complete node1 0");
        InOrder(await Markers(runtime, "node2"),
            "EVENT START: rg_move_acquire node1 1",
            "EVENT START: rg_move node1 1 ACQUIRE",
            "EVENT COMPLETED: rg_move node1 1 ACQUIRE 0",
            "EVENT COMPLETED: rg_move_acquire node1 1 0",
            "EVENT START: rg_move_complete node1 1",
            "EVENT START: start_server app1",
            "EVENT COMPLETED: start_server app1 0",
            "EVENT COMPLETED: rg_move_complete node1 1 0");
        Assert.Contains(" app1d\n", await Ok(runtime, "ps -ef", "node2"), StringComparison.Ordinal);

        // the destination is the priority override location; node1 rejoining does not take rg1 back (FBHPN).
        Assert.Contains("Primary Instance POL: node2", await Ok(runtime, "clRGinfo -p"), StringComparison.Ordinal);
        await Ok(runtime, "clmgr offline node node1");
        await Ok(runtime, "clmgr online node node1");
        Assert.Equal(["rg1:OFFLINE:node1", "rg1:ONLINE:node2", "rg2:ONLINE:node2", "rg2:OFFLINE:node1"], await Groups(runtime));

        // -r (restore): back to the highest-priority node.
        await Ok(runtime, "clRGmove -s false -m -i -g rg1 -r");
        Assert.Equal("rg1:ONLINE:node1", (await Groups(runtime))[0]);
    }

    [Fact]
    public async Task S10_clmgr_offline_and_online_resource_group_and_clear_refusals()
    {
        await using var runtime = await Started();
        var off = await Ok(runtime, "clmgr offline resource_group rg2");
        Assert.Contains("Resource group movement successful.", off, StringComparison.Ordinal);
        Assert.Equal(["rg1:ONLINE:node1", "rg1:OFFLINE:node2", "rg2:OFFLINE:node2", "rg2:OFFLINE:node1"], await Groups(runtime));
        // Taken offline by the user: node2 rejoining leaves it offline.
        await Ok(runtime, "clmgr offline node node2");
        await Ok(runtime, "clmgr online node node2");
        Assert.Equal("rg2:OFFLINE:node2", (await Groups(runtime))[2]);
        await Ok(runtime, "clmgr online resource_group rg2 node=node2");
        Assert.Equal("rg2:ONLINE:node2", (await Groups(runtime))[2]);

        var unknown = await Run(runtime, "clRGmove -g rg9 -n node2 -m");
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("resource group rg9 does not exist", unknown.Stderr, StringComparison.Ordinal);
        var stranger = await Run(runtime, "clRGmove -g rg1 -n node3 -m");
        Assert.Equal(1, stranger.ExitCode);
        Assert.Contains("node node3 is not a participating node of resource group rg1", stranger.Stderr, StringComparison.Ordinal);
        await Ok(runtime, "clmgr offline node node2 MANAGE=offline");
        var down = await Run(runtime, "clmgr move resource_group rg1 NODE=node2");
        Assert.Equal(1, down.ExitCode);
        Assert.Contains("cluster services are not active on node node2", down.Stderr, StringComparison.Ordinal);
        Assert.Equal("rg1:ONLINE:node1", (await Groups(runtime))[0]);
        Assert.Equal(2, (await Run(runtime, "clRGmove -g rg1 -m")).ExitCode);
    }

    [Fact]
    public async Task S2_a_node_crash_is_noticed_after_the_detection_time_and_the_survivor_takes_over()
    {
        await using var runtime = await Started();
        var before = await TimeOf(runtime, "node2", "EVENT COMPLETED: node_up_complete node2 0");
        var r = await Fail(runtime, "node", "node1");

        Assert.Contains("node2: ", r.Stdout, StringComparison.Ordinal);
        Assert.Equal(["rg1:OFFLINE:node1", "rg1:ONLINE:node2", "rg2:ONLINE:node2", "rg2:OFFLINE:node1"], await Groups(runtime));
        // A failure carries no second argument (outputs §1.1, Ex. 3-37); the takeover as in semantics §4.4.
        InOrder(await Markers(runtime, "node2"),
            "EVENT START: node_down node1",
            "EVENT START: rg_move node1 1 ACQUIRE",
            "EVENT START: acquire_service_addr",
            "EVENT START: get_disk_vg_fs",
            "EVENT COMPLETED: rg_move node1 1 ACQUIRE 0",
            "EVENT COMPLETED: node_down node1 0",
            "EVENT START: node_down_complete node1",
            "EVENT START: start_server app1",
            "EVENT COMPLETED: node_down_complete node1 0");
        // Noticed after the ether module's failure detection time (20 s at the normal rate, semantics §7.5).
        var noticed = await TimeOf(runtime, "node2", "EVENT START: node_down node1");
        Assert.True(noticed - before >= TimeSpan.FromSeconds(20), $"node_down at {noticed}, the cluster was stable at {before}");
        Assert.Equal("ST_STABLE", await ManagerState(runtime, "node2"));
        Assert.Contains("203.0.113.21", await Ok(runtime, "ifconfig -a", "node2"), StringComparison.Ordinal);
        Assert.Contains(" app1d\n", await Ok(runtime, "ps -ef", "node2"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task S2_in_step_mode_the_node_down_waits_for_the_clock()
    {
        await using var runtime = await Started();
        await runtime.ClusterServices!.SetModeAsync("step", CancellationToken.None);
        var r = await Fail(runtime, "node", "node1");
        Assert.DoesNotContain("EVENT", r.Stdout, StringComparison.Ordinal);

        var early = await runtime.ClusterServices.AdvanceAsync(TimeSpan.FromSeconds(10), "10s", CancellationToken.None);
        Assert.DoesNotContain("node_down", early.Stdout, StringComparison.Ordinal);
        Assert.Equal("rg1:ONLINE:node1", (await Groups(runtime))[0]);

        var settle = await runtime.ClusterServices.SettleAsync(CancellationToken.None);
        Assert.Contains("EVENT COMPLETED: node_down_complete node1 0", settle.Stdout, StringComparison.Ordinal);
        Assert.Equal("rg1:ONLINE:node2", (await Groups(runtime))[1]);
    }

    [Fact]
    public async Task S6_an_interface_failure_with_a_spare_boot_interface_swaps_the_service_address()
    {
        await using var runtime = await Started();
        await Fail(runtime, "interface", "node1:en0");

        Assert.Equal(["rg1:ONLINE:node1", "rg1:OFFLINE:node2", "rg2:ONLINE:node2", "rg2:OFFLINE:node1"], await Groups(runtime));
        var markers = await Markers(runtime, "node1");
        Assert.Contains(markers, m => m.StartsWith("EVENT START: swap_adapter node1 net_ether_01 ", StringComparison.Ordinal));
        Assert.Contains(markers, m => m.StartsWith("EVENT START: swap_adapter_complete node1 net_ether_01 ", StringComparison.Ordinal));
        Assert.DoesNotContain(markers, m => m.Contains("rg_move", StringComparison.Ordinal) && m.Contains("RELEASE", StringComparison.Ordinal));
        Assert.Contains("inet 203.0.113.21 ", await Ok(runtime, "ifconfig en1", "node1"), StringComparison.Ordinal);
        Assert.DoesNotContain("203.0.113.21", await Ok(runtime, "ifconfig en0", "node1"), StringComparison.Ordinal);

        await Repair(runtime, "interface", "node1:en0");
        Assert.Contains(await Markers(runtime, "node1"), m => m.StartsWith("EVENT START: join_interface node1 ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task S7_losing_the_network_on_one_node_moves_its_group_by_selective_fallover()
    {
        await using var runtime = await Started();
        await Fail(runtime, "interface", "node1:en1");
        Assert.Contains(await Markers(runtime, "node1"), m => m.StartsWith("EVENT START: fail_interface node1 ", StringComparison.Ordinal));
        Assert.Equal("rg1:ONLINE:node1", (await Groups(runtime))[0]);

        await Fail(runtime, "interface", "node1:en0");
        Assert.Equal(["rg1:OFFLINE:node1", "rg1:ONLINE:node2", "rg2:ONLINE:node2", "rg2:OFFLINE:node1"], await Groups(runtime));
        // outputs §1.1 [VERBATIM, RB-72U Ex. 3-27] on the releasing node, Ex. 3-28 on the acquiring one.
        InOrder(await Markers(runtime, "node1"),
            "EVENT START: network_down node1 net_ether_01",
            "EVENT COMPLETED: network_down node1 net_ether_01 0",
            "EVENT START: network_down_complete node1 net_ether_01",
            "EVENT COMPLETED: network_down_complete node1 net_ether_01 0",
            "EVENT START: resource_state_change node1",
            "EVENT COMPLETED: resource_state_change node1 0",
            "EVENT START: rg_move_release node1 1",
            "EVENT START: rg_move node1 1 RELEASE",
            "EVENT START: stop_server app1",
            "EVENT START: release_service_addr",
            "EVENT COMPLETED: rg_move node1 1 RELEASE 0",
            "EVENT COMPLETED: rg_move_release node1 1 0",
            "EVENT START: rg_move_fence node1 1",
            "EVENT COMPLETED: rg_move_fence node1 1 0",
            "EVENT START: rg_move_acquire node1 1",
            "EVENT COMPLETED: rg_move_acquire node1 1 0",
            "EVENT START: rg_move_complete node1 1",
            "EVENT COMPLETED: rg_move_complete node1 1 0",
            "EVENT START: resource_state_change_complete node1",
            "EVENT COMPLETED: resource_state_change_complete node1 0");
        InOrder(await Markers(runtime, "node2"),
            "EVENT START: rg_move_acquire node1 1",
            "EVENT START: rg_move node1 1 ACQUIRE",
            "EVENT COMPLETED: rg_move node1 1 ACQUIRE 0",
            "EVENT COMPLETED: rg_move_acquire node1 1 0",
            "EVENT START: rg_move_complete node1 1",
            "EVENT START: start_server app1",
            "EVENT COMPLETED: start_server app1 0",
            "EVENT COMPLETED: rg_move_complete node1 1 0",
            "EVENT START: resource_state_change_complete node1",
            "EVENT COMPLETED: resource_state_change_complete node1 0");

        await Repair(runtime, "interface", "node1:en0");
        InOrder(await Markers(runtime, "node1"), "EVENT START: network_up node1 net_ether_01", "EVENT START: network_up_complete node1 net_ether_01");
    }

    [Fact]
    public async Task S8_a_global_network_loss_is_network_down_minus_1_and_nothing_moves()
    {
        await using var runtime = await Started();
        await Fail(runtime, "network", "net_ether_01");

        Assert.Equal(["rg1:ONLINE:node1", "rg1:OFFLINE:node2", "rg2:ONLINE:node2", "rg2:OFFLINE:node1"], await Groups(runtime));
        foreach (var node in new[] { "node1", "node2" })
        {
            var markers = await Markers(runtime, node);
            InOrder(markers,
                "EVENT START: network_down -1 net_ether_01",
                "EVENT COMPLETED: network_down -1 net_ether_01 0",
                "EVENT START: network_down_complete -1 net_ether_01",
                "EVENT COMPLETED: network_down_complete -1 net_ether_01 0");
            Assert.DoesNotContain(markers, m => m.StartsWith("EVENT START: network_down node", StringComparison.Ordinal) || m.Contains("rg_move_", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task An_application_dying_with_no_monitor_configured_is_a_group_failure_and_the_group_falls_over()
    {
        await using var runtime = await Started();
        await Fail(runtime, "app", "node1:app1");

        Assert.Equal(["rg1:OFFLINE:node1", "rg1:ONLINE:node2", "rg2:ONLINE:node2", "rg2:OFFLINE:node1"], await Groups(runtime));
        InOrder(await Markers(runtime, "node2"),
            "EVENT START: resource_state_change node1",
            "EVENT START: rg_move_acquire node1 1",
            "EVENT START: rg_move_complete node1 1",
            "EVENT START: start_server app1",
            "EVENT COMPLETED: resource_state_change_complete node1 0");
    }

    [Fact]
    public async Task An_event_that_fails_waits_in_ST_RP_FAILED_warns_config_too_long_and_clruncmd_resumes()
    {
        await using var runtime = await Demo();
        // The start script of app1 exits 1 on node2: rg1's takeover there fails in start_server.
        await runtime.Simulation!.ChangeWorldAsync(w =>
        {
            w.FindNode("node2")!.Files["/usr/local/ha/app1/start.sh"].Content = "#!/usr/bin/ksh\nexit 1\n";
            return true;
        }, CancellationToken.None);
        await Ok(runtime, StartLine);
        var stop = await Run(runtime, "cl_clstop -cspoc \"-n node1\" -y -N -gr");
        Assert.Equal(1, stop.ExitCode);
        Assert.Equal("ST_RP_FAILED", await ManagerState(runtime, "node2"));
        var markers = await Markers(runtime, "node2");
        InOrder(markers, "EVENT START: start_server app1");
        Assert.Contains(markers, m => m.StartsWith("EVENT COMPLETED: start_server app1 ", StringComparison.Ordinal) && !m.EndsWith(" 0", StringComparison.Ordinal));
        Assert.Contains(markers, m => m.StartsWith("EVENT START: event_error ", StringComparison.Ordinal));

        // Past the Time Until Warning (360 s, outputs §1.4) on the simulated clock: config_too_long.
        await runtime.ClusterServices!.AdvanceAsync(TimeSpan.FromMinutes(7), "7m", CancellationToken.None);
        var hacmpOut = await Ok(runtime, "cat /tmp/hacmp.out", "node2");
        Assert.Contains("The cluster has been in reconfiguration too long;Something may be wrong.", hacmpOut, StringComparison.Ordinal);
        Assert.Contains(await Markers(runtime, "node2"), m => m.StartsWith("EVENT START: config_too_long ", StringComparison.Ordinal));

        Assert.Equal(1, (await Run(runtime, "clruncmd node1")).ExitCode);
        await Ok(runtime, "clruncmd node2");
        Assert.Equal("ST_STABLE", await ManagerState(runtime, "node2"));
    }

    [Fact]
    public async Task R_SU_2_an_OFAN_group_started_on_a_lower_node_waits_for_the_settling_time()
    {
        await using var runtime = await Demo();
        await Ok(runtime, "clmgr modify cluster RG_SETTLING_TIME=120");
        await Ok(runtime, "clmgr modify resource_group STARTUP=OFAN rg1");
        using (var repo = runtime.OpenRepository())
        {
            repo.ActivateDefault();
        }
        await Ok(runtime, StartLine, "node2");
        // node2 is not rg1's home node: rg1 waits the settling time (120 s) before going to the best node up.
        Assert.Equal("rg1:OFFLINE:node1", (await Groups(runtime))[0]);
        Assert.Equal("rg1:OFFLINE:node2", (await Groups(runtime))[1]);
        await runtime.ClusterServices!.AdvanceAsync(TimeSpan.FromSeconds(60), "60s", CancellationToken.None);
        Assert.Equal("rg1:OFFLINE:node2", (await Groups(runtime))[1]);
        await runtime.ClusterServices.AdvanceAsync(TimeSpan.FromSeconds(70), "70s", CancellationToken.None);
        Assert.Equal("rg1:ONLINE:node2", (await Groups(runtime))[1]);
    }
}
