using ClAdmin.Sim.Faults;

namespace ClAdmin.Tests;

/// <summary>The "Change/Show Time Until Warning" dialog (cm_time_until_warning): clmgr modify cluster
/// MAX_EVENT_TIME= MAX_RG_PROCESSING_TIME=, stored in the configuration and, once synchronized, the
/// threshold of config_too_long: an event that acquires or releases resource groups warns after the
/// sum of the two (semantics §4.2, config_too_long; 180 + 180 = the 360 s of HACMP 4.x by default).</summary>
public sealed partial class ClusterEventScenarioTests
{
    [Fact]
    public async Task Config_too_long_warns_after_the_synchronized_Time_Until_Warning()
    {
        await using var runtime = await Demo();
        Assert.Contains("MAX_EVENT_TIME=\"180\"", await Ok(runtime, "clmgr -v query cluster"), StringComparison.Ordinal);
        await Ok(runtime, "clmgr modify cluster MAX_EVENT_TIME=60 MAX_RG_PROCESSING_TIME=40");
        var cluster = await Ok(runtime, "clmgr -v query cluster");
        Assert.Contains("MAX_EVENT_TIME=\"60\"", cluster, StringComparison.Ordinal);
        Assert.Contains("MAX_RG_PROCESSING_TIME=\"40\"", cluster, StringComparison.Ordinal);
        Assert.Contains("TOTAL_EVENT_TIME=\"100\"", cluster, StringComparison.Ordinal);
        await Ok(runtime, "clmgr sync cluster");

        // The start script of app1 exits 1 on node2: rg1's takeover there fails in start_server.
        await runtime.Simulation!.ChangeWorldAsync(w =>
        {
            w.FindNode("node2")!.Files["/usr/local/ha/app1/start.sh"].Content = "#!/usr/bin/ksh\nexit 1\n";
            return true;
        }, CancellationToken.None);
        await Ok(runtime, StartLine);
        Assert.Equal(1, (await Run(runtime, "cl_clstop -cspoc \"-n node1\" -y -N -gr")).ExitCode);
        Assert.Equal("ST_RP_FAILED", await ManagerState(runtime, "node2"));

        // 130 s later: warnings at 100 s and 130 s (every 30 s), long before the default 360 s.
        await runtime.ClusterServices!.AdvanceAsync(TimeSpan.FromSeconds(130), "130s", CancellationToken.None);
        var warnings = (await Markers(runtime, "node2")).Where(m => m.StartsWith("EVENT START: config_too_long ", StringComparison.Ordinal)).Select(m => m.Split(' ')[3]).ToList();
        Assert.Equal(["100", "130"], warnings);
    }

    [Fact]
    public async Task Config_too_long_warns_after_the_event_only_duration_for_an_event_that_moves_no_group()
    {
        await using var runtime = await Demo();
        await Ok(runtime, "clmgr modify cluster MAX_EVENT_TIME=60 MAX_RG_PROCESSING_TIME=40");
        // A process monitor whose action is notify, with a notify method that exits 1: server_down fails.
        await Script(runtime, "/usr/local/ha/app1/notify.sh", "#!/usr/bin/ksh\nexit 1\n");
        await Ok(runtime, "clmgr add application_monitor app1_mon TYPE=Process APPLICATIONS=app1 PROCESSES=app1d OWNER=root MONITORINTERVAL=10 STABILIZATION=30 RESTARTCOUNT=0 FAILUREACTION=notify NOTIFYMETHOD=/usr/local/ha/app1/notify.sh");
        Activate(runtime);
        await Ok(runtime, StartLine);
        await runtime.ClusterServices!.FaultAsync("fail", w => SimFaults.Fail(w, "app", "node1:app1") is var f ? (f.Ok, f.Message) : default, CancellationToken.None);
        Assert.Equal("ST_RP_FAILED", await ManagerState(runtime, "node1"));
        Assert.Contains(await Markers(runtime, "node1"), m => m == "EVENT COMPLETED: server_down node1 app1_mon 1");

        // server_down acquires and releases nothing: the warning comes after MAX_EVENT_TIME alone (60 s), not 60 + 40.
        await runtime.ClusterServices.AdvanceAsync(TimeSpan.FromSeconds(70), "70s", CancellationToken.None);
        var warnings = (await Markers(runtime, "node1")).Where(m => m.StartsWith("EVENT START: config_too_long ", StringComparison.Ordinal)).ToList();
        Assert.Equal(["EVENT START: config_too_long 60 server_down node1 app1_mon"], warnings);
    }

    [Theory]
    [InlineData("network_down node1 net_ether_01", 60)]
    [InlineData("fail_interface node1 192.0.2.11", 60)]
    [InlineData("server_down node1 app1_mon", 60)]
    [InlineData("node_up node1", 100)]
    [InlineData("rg_move_acquire node1 1", 100)]
    [InlineData("server_restart node1 app1_mon", 100)]
    public void Time_Until_Warning_is_the_event_only_duration_for_an_event_without_resource_group_work(string evt, int seconds)
    {
        var cluster = new ClAdmin.Cluster.ClusterInfo("c", 1, MaxEventTime: 60, MaxRgProcessingTime: 40);
        Assert.Equal(TimeSpan.FromSeconds(seconds), ClAdmin.Sim.Manager.ManagerTexts.TimeUntilWarning(cluster, evt));
    }

    [Fact]
    public async Task Time_Until_Warning_refuses_a_value_that_is_not_a_positive_number()
    {
        await using var runtime = await Demo();
        var r = await Run(runtime, "clmgr modify cluster MAX_EVENT_TIME=0");
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("MAX_EVENT_TIME", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("MAX_EVENT_TIME=\"180\"", await Ok(runtime, "clmgr -v query cluster"), StringComparison.Ordinal);
    }
}
