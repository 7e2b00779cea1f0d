using System.Text.RegularExpressions;
using ClAdmin.Contracts;
using ClAdmin.Store;
using ClAdmin.Testing;

namespace ClAdmin.Tests;

/// <summary>
/// The canonical sequences of powerha-semantics.md §4.3 on the demo cluster (a fresh database),
/// driven through the runtime's dispatcher as the dialogs and `cladmin cmd` drive it, and checked
/// with what a trainee would look at: clRGinfo -s, lssrc -ls clstrmgrES, hacmp.out, ifconfig, ps.
/// Expected texts come from the reference layouts (outputs §1.1 markers, §5.1 long status, aix-commands §3).
/// </summary>
public sealed class ClusterServicesScenarioTests : DemoScenario
{
    [Fact]
    public async Task A_synchronized_cluster_with_services_stopped_is_in_ST_INIT()
    {
        await using var runtime = await Demo();
        Assert.Equal("ST_INIT", await ManagerState(runtime, "node1"));
        Assert.Equal("ST_INIT", await ManagerState(runtime, "node2"));
        // With services stopped everywhere, clRGinfo has no cluster manager to ask.
        Assert.Contains("ST_INIT or NOT_CONFIGURED", (await Run(runtime, "clRGinfo")).Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_synchronized_configuration_the_manager_is_NOT_CONFIGURED_and_services_refuse_to_start()
    {
        await using var runtime = await Demo();
        using (var repo = runtime.OpenRepository())
        {
            repo.ReplaceObjects(ConfigDirectory.Default, []);
            repo.ActivateDefault();
        }
        Assert.Equal("NOT_CONFIGURED", await ManagerState(runtime, "node1"));
        var start = await Run(runtime, StartLine);
        Assert.Equal(1, start.ExitCode);
        Assert.Contains("no cluster configuration has been synchronized", start.Stderr, StringComparison.Ordinal);
        Assert.Equal("NOT_CONFIGURED", await ManagerState(runtime, "node1"));
    }

    [Fact]
    public async Task S1_starting_both_nodes_brings_each_group_online_on_its_home_node_through_node_up_events()
    {
        await using var runtime = await Demo();
        var start = await Run(runtime, StartLine);

        Assert.True(start.ExitCode == 0, start.Stderr);
        Assert.Contains("Starting Cluster Services on node: node1", start.Stdout, StringComparison.Ordinal);
        Assert.Contains("node2: Exit status = 0", start.Stdout, StringComparison.Ordinal);
        Assert.Equal(["rg1:ONLINE:node1", "rg1:OFFLINE:node2", "rg2:ONLINE:node2", "rg2:OFFLINE:node1"], await Groups(runtime));
        Assert.Equal("ST_STABLE", await ManagerState(runtime, "node1"));
        Assert.Equal("ST_STABLE", await ManagerState(runtime, "node2"));
        InOrder(await Markers(runtime, "node1"),
            "EVENT START: node_up node1",
            "EVENT START: rg_move node1 1 ACQUIRE",
            "EVENT START: acquire_service_addr",
            "EVENT COMPLETED: acquire_service_addr 0",
            "EVENT START: get_disk_vg_fs",
            "EVENT COMPLETED: get_disk_vg_fs 0",
            "EVENT COMPLETED: rg_move node1 1 ACQUIRE 0",
            "EVENT COMPLETED: node_up node1 0",
            "EVENT START: node_up_complete node1",
            "EVENT START: start_server app1",
            "EVENT COMPLETED: start_server app1 0",
            "EVENT COMPLETED: node_up_complete node1 0",
            "EVENT START: node_up node2",
            "EVENT COMPLETED: node_up node2 0",
            "EVENT START: node_up_complete node2",
            "EVENT COMPLETED: node_up_complete node2 0");
        InOrder(await Markers(runtime, "node2"),
            "EVENT START: node_up node2",
            "EVENT START: rg_move node2 2 ACQUIRE",
            "EVENT COMPLETED: node_up node2 0",
            "EVENT START: node_up_complete node2",
            "EVENT START: start_server app2",
            "EVENT COMPLETED: node_up_complete node2 0");
        // The resources are really there, as the AIX commands of the event scripts left them.
        var hacmpOut = await Ok(runtime, "cat /tmp/hacmp.out", "node1");
        Assert.Contains("ifconfig en0 alias 203.0.113.21 netmask 255.255.255.0\n", hacmpOut, StringComparison.Ordinal);
        Assert.Contains("varyonvg datavg\n", hacmpOut, StringComparison.Ordinal);
        Assert.Contains("inet 203.0.113.21 netmask 0xffffff00", await Ok(runtime, "ifconfig en0", "node1"), StringComparison.Ordinal);
        Assert.Contains("datavg", await Ok(runtime, "lsvg -o", "node1"), StringComparison.Ordinal);
        Assert.Contains(" app1d\n", await Ok(runtime, "ps -ef", "node1"), StringComparison.Ordinal);
        Assert.DoesNotContain("app1d", await Ok(runtime, "ps -ef", "node2"), StringComparison.Ordinal);
        // The same EVENT lines in cluster.log, with the node name after the time.
        Assert.Matches(@"(?m)^[A-Z][a-z]{2} [ 1-3][0-9] \d\d:\d\d:\d\d node1 .*EVENT START: node_up node1$", await Ok(runtime, "cat /usr/es/adm/cluster.log", "node1"));
    }

    [Fact]
    public async Task S3_stop_with_move_releases_on_the_leaving_node_and_the_other_node_takes_over()
    {
        await using var runtime = await Started();
        await Ok(runtime, "cl_clstop -cspoc \"-n node1\" -y -N -gr");

        Assert.Equal(["rg1:OFFLINE:node1", "rg1:ONLINE:node2", "rg2:ONLINE:node2", "rg2:OFFLINE:node1"], await Groups(runtime));
        Assert.Equal("ST_INIT", await ManagerState(runtime, "node1"));
        Assert.Equal("ST_STABLE", await ManagerState(runtime, "node2"));
        InOrder(await Markers(runtime, "node1"),
            "EVENT START: node_down node1 graceful",
            "EVENT START: rg_move node1 1 RELEASE",
            "EVENT START: stop_server app1",
            "EVENT START: release_service_addr",
            "EVENT START: release_vg_fs",
            "EVENT COMPLETED: rg_move node1 1 RELEASE 0",
            "EVENT COMPLETED: node_down node1 graceful 0",
            "EVENT START: node_down_complete node1 graceful",
            "EVENT COMPLETED: node_down_complete node1 graceful 0");
        InOrder(await Markers(runtime, "node2"),
            "EVENT START: node_down node1 graceful",
            "EVENT START: rg_move node1 1 ACQUIRE",
            "EVENT COMPLETED: node_down node1 graceful 0",
            "EVENT START: node_down_complete node1 graceful",
            "EVENT START: start_server app1",
            "EVENT COMPLETED: node_down_complete node1 graceful 0");
        Assert.DoesNotContain("203.0.113.21", await Ok(runtime, "ifconfig -a", "node1"), StringComparison.Ordinal);
        Assert.Contains("203.0.113.21", await Ok(runtime, "ifconfig -a", "node2"), StringComparison.Ordinal);
        Assert.Matches(@"(?m)^ topsvcs +topsvcs +inoperative$", await Ok(runtime, "lssrc -s topsvcs", "node1"));
    }

    [Fact]
    public async Task R_FB_1_when_node1_rejoins_rg1_falls_back_to_its_home_node_and_rg2_never_falls_back()
    {
        // The demo: rg1 fallback FBHPN (home node1), rg2 NFB (home node2). Both end on node2 after
        // node1 leaves with takeover; node1 rejoining takes rg1 back (node2 releases it first, R-ORDER)
        // and leaves rg2 alone. Then node2 leaves and rejoins: rg2 went to node1 and stays there (NFB).
        await using var runtime = await Started();
        await Ok(runtime, "cl_clstop -cspoc \"-n node1\" -y -N -gr");
        await Ok(runtime, "clmgr online node node1");

        Assert.Equal(["rg1:ONLINE:node1", "rg1:OFFLINE:node2", "rg2:ONLINE:node2", "rg2:OFFLINE:node1"], await Groups(runtime));
        var node2 = await Markers(runtime, "node2");
        InOrder(node2, "EVENT START: node_up node1", "EVENT START: rg_move node1 1 RELEASE", "EVENT COMPLETED: node_up node1 0");
        Assert.DoesNotContain("app1d", await Ok(runtime, "ps -ef", "node2"), StringComparison.Ordinal);

        await Ok(runtime, "cl_clstop -cspoc \"-n node2\" -y -N -gr");
        await Ok(runtime, "clmgr online node node2");
        Assert.Equal(["rg1:ONLINE:node1", "rg1:OFFLINE:node2", "rg2:OFFLINE:node2", "rg2:ONLINE:node1"], await Groups(runtime));
    }

    [Fact]
    public async Task Starting_services_verifies_the_active_configuration_and_its_errors_stop_the_start_unless_ignored_or_corrected()
    {
        // Semantics §9.1: verification runs automatically at cluster-services start.
        await using var runtime = await Demo();
        await Ok(runtime, "chmod 644 /usr/local/ha/app1/start.sh", "node2");

        var refused = await Run(runtime, StartLine);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("ERROR: The start script /usr/local/ha/app1/start.sh of application server app1 is not executable on", refused.Stderr.Replace('\n', ' '), StringComparison.Ordinal);
        Assert.Contains("cluster services were not started", refused.Stderr, StringComparison.Ordinal);
        Assert.Equal("ST_INIT", await ManagerState(runtime, "node1"));

        // The dialog's "Ignore verification errors?" true adds -v: the start goes on.
        var ignored = await Run(runtime, "_SPOC_FORCE=Y /usr/es/sbin/cluster/sbin/cl_rc.cluster -cspoc \"-n node1\" '-N' '-A' '-v'");
        Assert.True(ignored.ExitCode == 0, ignored.Stdout + ignored.Stderr);
        Assert.Equal("ST_STABLE", await ManagerState(runtime, "node1"));

        // -C yes corrects the script on node2 (services run on node1 only: §9.3 corrects on an inactive
        // cluster, so this one is refused to correct and the start with errors is refused again).
        var corrected = await Run(runtime, "_SPOC_FORCE=Y /usr/es/sbin/cluster/sbin/cl_rc.cluster -cspoc \"-n node2\" '-N' '-A' -C 'yes'");
        Assert.Equal(1, corrected.ExitCode);
        Assert.Equal("ST_INIT", await ManagerState(runtime, "node2"));
    }

    [Fact]
    public async Task Clmgr_online_verifies_first_as_the_start_dialog_does()
    {
        await using var runtime = await Demo();
        await Ok(runtime, "chmod 644 /usr/local/ha/app1/start.sh", "node2");
        var refused = await Run(runtime, "clmgr online node node1");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("cluster services were not started", refused.Stderr, StringComparison.Ordinal);
        Assert.Equal("ST_INIT", await ManagerState(runtime, "node1"));

        await Ok(runtime, "chmod 755 /usr/local/ha/app1/start.sh", "node2");
        await Ok(runtime, "clmgr online node node1");
        Assert.Equal("ST_STABLE", await ManagerState(runtime, "node1"));
    }

    [Fact]
    public async Task Starting_with_auto_correct_yes_on_a_stopped_cluster_corrects_then_starts()
    {
        await using var runtime = await Demo();
        await Ok(runtime, "chmod 644 /usr/local/ha/app1/start.sh", "node2");
        var started = await Run(runtime, "_SPOC_FORCE=Y /usr/es/sbin/cluster/sbin/cl_rc.cluster '-N' '-A' -C 'yes'");
        Assert.True(started.ExitCode == 0, started.Stdout + started.Stderr);
        Assert.Contains("Made script: /usr/local/ha/app1/start.sh executable on node: node2.", started.Stdout, StringComparison.Ordinal);
        Assert.Equal(["rg1:ONLINE:node1", "rg1:OFFLINE:node2", "rg2:ONLINE:node2", "rg2:OFFLINE:node1"], await Groups(runtime));
    }

    [Fact]
    public async Task The_event_summary_dialogs_view_save_and_remove_the_compiled_summaries()
    {
        // semantics §4.4: summaries follow the events the cluster manager starts (node_up ...), and a
        // compiled copy is kept per node; the Log Viewing dialogs run clevsumm -v, -s FILE and -r.
        await using var runtime = await Started();
        var view = await Ok(runtime, "clevsumm -v", "node1");
        Assert.Contains("HACMP Event Summary\nEvent: TE_JOIN_NODE\nStart time: ", view, StringComparison.Ordinal);
        Assert.Contains("Action:                   Resource:                       Script Name:\n", view, StringComparison.Ordinal);

        await Ok(runtime, "clevsumm -s /tmp/summaries.txt", "node1");
        Assert.Equal(view, await Ok(runtime, "cat /tmp/summaries.txt", "node1"));

        await Ok(runtime, "clevsumm -r", "node1");
        Assert.Equal("", await Ok(runtime, "clevsumm -v", "node1"));
        Assert.Equal(2, (await Run(runtime, "clevsumm", "node1")).ExitCode);
    }

    [Fact]
    public async Task S4_stop_with_offline_releases_and_nobody_takes_over()
    {
        await using var runtime = await Started();
        await Ok(runtime, "cl_clstop -cspoc \"-n node1\" -y -N -g");

        Assert.Equal(["rg1:OFFLINE:node1", "rg1:OFFLINE:node2", "rg2:ONLINE:node2", "rg2:OFFLINE:node1"], await Groups(runtime));
        Assert.Equal("ST_INIT", await ManagerState(runtime, "node1"));
        var node2 = await Markers(runtime, "node2");
        InOrder(node2, "EVENT START: node_down node1 graceful", "EVENT COMPLETED: node_down node1 graceful 0",
            "EVENT START: node_down_complete node1 graceful", "EVENT COMPLETED: node_down_complete node1 graceful 0");
        Assert.DoesNotContain("EVENT START: rg_move node1 1 ACQUIRE", node2);
        Assert.DoesNotContain("app1d", await Ok(runtime, "ps -ef", "node1"), StringComparison.Ordinal);
        Assert.DoesNotContain("datavg", await Ok(runtime, "lsvg -o", "node1"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task S5_stop_with_unmanage_leaves_the_resources_running_and_the_group_UNMANAGED()
    {
        await using var runtime = await Started();
        var stop = await Ok(runtime, "cl_clstop -cspoc \"-n node1\" -y -N -f");

        Assert.Contains("\"node1\" is now unmanaged.", stop, StringComparison.Ordinal);
        Assert.Equal(["rg1:UNMANAGED:node1", "rg1:OFFLINE:node2", "rg2:ONLINE:node2", "rg2:OFFLINE:node1"], await Groups(runtime));
        // HACMP 5.4: after a forced stop the manager stays ST_STABLE (semantics §5).
        Assert.Equal("ST_STABLE", await ManagerState(runtime, "node1"));
        InOrder(await Markers(runtime, "node2"), "EVENT START: node_down node1 forced", "EVENT COMPLETED: node_down node1 forced 0");
        Assert.DoesNotContain("EVENT START: rg_move node1 1 ACQUIRE", await Markers(runtime, "node2"));
        Assert.Contains("203.0.113.21", await Ok(runtime, "ifconfig -a", "node1"), StringComparison.Ordinal);
        Assert.Contains(" app1d\n", await Ok(runtime, "ps -ef", "node1"), StringComparison.Ordinal);
        Assert.Contains("datavg", await Ok(runtime, "lsvg -o", "node1"), StringComparison.Ordinal);

        // Restarting takes the group back under management: ONLINE where it ran.
        await Ok(runtime, "clmgr online node node1");
        Assert.Equal(["rg1:ONLINE:node1", "rg1:OFFLINE:node2", "rg2:ONLINE:node2", "rg2:OFFLINE:node1"], await Groups(runtime));
    }

    [Fact]
    public async Task In_step_mode_events_wait_for_step_and_settle()
    {
        await using var runtime = await Demo();
        await runtime.ClusterServices!.SetModeAsync("step", CancellationToken.None);

        var start = await Ok(runtime, StartLine, "node1");
        Assert.Contains("cluster event(s) queued (step mode)", start, StringComparison.Ordinal);
        Assert.Equal("ST_JOINING", await ManagerState(runtime, "node1"));
        Assert.Equal(["rg1:OFFLINE:node1", "rg1:OFFLINE:node2", "rg2:OFFLINE:node2", "rg2:OFFLINE:node1"], await Groups(runtime));
        Assert.DoesNotContain("EVENT", (await Run(runtime, "cat /tmp/hacmp.out", "node1")).Stdout, StringComparison.Ordinal);

        var step = await runtime.ClusterServices.StepAsync(CancellationToken.None);
        Assert.Contains("EVENT COMPLETED: node_up node1 0", step.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("node_up_complete", step.Stdout, StringComparison.Ordinal);
        // Acquired, the application not started yet: that is node_up_complete's work.
        Assert.Equal("rg1:ACQUIRING:node1", (await Groups(runtime))[0]);
        Assert.Equal("ST_BARRIER", await ManagerState(runtime, "node1"));

        var settle = await runtime.ClusterServices.SettleAsync(CancellationToken.None);
        Assert.Contains("EVENT COMPLETED: node_up_complete node1 0", settle.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"Settled in 0:00:0[1-9] of simulated time\.\n$", settle.Stdout);
        Assert.Equal("rg1:ONLINE:node1", (await Groups(runtime))[0]);
        Assert.Equal("ST_STABLE", await ManagerState(runtime, "node1"));
    }

    [Fact]
    public async Task The_PIDs_of_the_cluster_subsystems_agree_between_lssrc_ps_and_clshowsrv()
    {
        await using var runtime = await Started();
        foreach (var subsystem in new[] { "clstrmgrES", "topsvcs", "grpsvcs", "emsvcs" })
        {
            var row = (await Ok(runtime, $"lssrc -s {subsystem}", "node1")).Split('\n')[1];
            var pid = row.Split(' ', StringSplitOptions.RemoveEmptyEntries)[2];
            Assert.Matches(@"^\d+$", pid);
            Assert.Contains($" {pid}        1   0 ", await Ok(runtime, "ps -ef", "node1"), StringComparison.Ordinal);
            Assert.Contains(row.TrimEnd(), await Ok(runtime, "clshowsrv -v"), StringComparison.Ordinal);
        }
        Assert.Contains(" clstrmgrES       cluster ", await Ok(runtime, "lssrc -g cluster", "node1"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clmgr_online_and_offline_take_start_and_stop_with_attributes_in_any_case()
    {
        await using var runtime = await Demo();
        await Ok(runtime, "clmgr start node node1 when=now Manage=auto");
        Assert.Equal("ST_STABLE", await ManagerState(runtime, "node1"));
        Assert.Equal("rg1:ONLINE:node1", (await Groups(runtime))[0]);

        var bad = await Run(runtime, "clmgr offline node node1 MANAGE=later");
        Assert.Equal(4, bad.ExitCode);
        Assert.Contains("MANAGE", bad.Stderr, StringComparison.Ordinal);
        Assert.Equal("ST_STABLE", await ManagerState(runtime, "node1"));

        await Ok(runtime, "clmgr offline cluster MANAGE=offline");
        Assert.Equal("ST_INIT", await ManagerState(runtime, "node1"));
        Assert.Equal("ST_INIT", await ManagerState(runtime, "node2"));
        Assert.DoesNotContain("app1d", await Ok(runtime, "ps -ef", "node1"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_start_dialog_runs_through_cladmin_and_sim_mode_step_holds_the_events()
    {
        var env = new Dictionary<string, string> { ["CLADMIN_DB"] = Db, ["XDG_STATE_HOME"] = Directory, ["CLADMIN_CSPOC_LOG"] = Path.Combine(Directory, "cspoc.log") };
        ProcessResult Cladmin(params string[] args) => CladminProcess.Run(args, null, env);

        Assert.Equal(0, Cladmin("sim", "mode", "step").ExitCode);
        var start = Cladmin("run", "clstart", "nodes=node1", "--yes");
        Assert.True(start.ExitCode == 0, start.Stderr);
        Assert.Contains("Current state: ST_JOINING", Cladmin("cmd", "-n", "node1", "--", "lssrc", "-ls", "clstrmgrES").Stdout, StringComparison.Ordinal);
        var settle = Cladmin("sim", "settle");
        Assert.True(settle.ExitCode == 0, settle.Stderr);
        Assert.Matches(@"Settled in \d+:\d\d:\d\d of simulated time\.", settle.Stdout);
        Assert.Contains("Current state: ST_STABLE", Cladmin("cmd", "-n", "node1", "--", "lssrc", "-ls", "clstrmgrES").Stdout, StringComparison.Ordinal);
        Assert.Equal(0, Cladmin("sim", "mode", "auto").ExitCode);
    }
}
