using ClAdmin.Store;

namespace ClAdmin.Tests;

/// <summary>
/// Custom application monitors (semantics §10, S9), configured with the line the "Add a Custom
/// Application Monitor" dialog (cm_add_custom_appmon) builds: the monitor method is run on the node
/// holding the group at every monitor interval after the stabilization interval, and its exit code
/// alone decides (0 = healthy); a failure restarts the application (cleanup method, restart method)
/// up to the Restart Count, then the Action on Application Failure. Startup monitors (Monitor Mode
/// startup or both) are run when the group is acquired: an application already running is not
/// started again; one that does not come up is an acquisition failure (R-STATE: TEMPORARY ERROR,
/// the group tried on the next node, ERROR when no node is left).
/// </summary>
public sealed partial class ClusterEventScenarioTests
{
    private const string Health = "/usr/local/ha/app1/health.sh";
    private const string Fix = "/usr/local/ha/app1/fix.sh";

    /// <summary>The dialog's line (as `cladmin run cm_add_custom_appmon ... --show` prints it).</summary>
    private static string AddCustomMonitor(string name, string mode, string method, string more) =>
        $"clmgr add application_monitor TYPE=Custom APPLICATIONS='app1' MODE='{mode}' MONITORMETHOD='{method}' MONITORINTERVAL='20' HUNGSIGNAL='9' STABILIZATION='30' {more} {name}";

    private static void Activate(Runtime runtime)
    {
        using var repo = runtime.OpenRepository();
        repo.ActivateDefault();
    }

    private static int Count(string text, string what) =>
        text.Split('\n').Count(l => l.EndsWith(what, StringComparison.Ordinal));

    [Fact]
    public async Task S9_a_custom_monitor_method_decides_by_its_exit_code_restarts_then_falls_over()
    {
        await using var runtime = await Demo();
        // The application's health is a file the monitor method reads: app1d keeps running when it is
        // removed, so only the method's exit code can tell (a process monitor would see nothing).
        await Script(runtime, Health, "#!/usr/bin/ksh\ncat /tmp/app1.healthy\n");
        await Script(runtime, Fix, "#!/usr/bin/ksh\necho ok > /tmp/app1.healthy\n/usr/local/ha/app1/app1d start\n");
        await Script(runtime, "/tmp/app1.healthy", "ok\n");
        await Ok(runtime, AddCustomMonitor("app1_cmon", "longrunning", Health,
            $"RESTARTCOUNT='1' RESTARTINTERVAL='600' FAILUREACTION='fallover' RESTARTMETHOD='{Fix}'"));
        Assert.Contains("MONITORMETHOD=\"/usr/local/ha/app1/health.sh\"", await Ok(runtime, "clmgr query application_monitor app1_cmon"), StringComparison.Ordinal);
        Activate(runtime);
        await Ok(runtime, StartLine);

        // Healthy: a minute of checks and nothing happens.
        await runtime.ClusterServices!.AdvanceAsync(TimeSpan.FromSeconds(60), "60s", CancellationToken.None);
        Assert.DoesNotContain(await Markers(runtime, "node1"), m => m.Contains("server_restart", StringComparison.Ordinal));

        // The method now exits 2: the next check (within one monitor interval, 20 s) notices it.
        await Ok(runtime, "rm /tmp/app1.healthy", "node1");
        await runtime.ClusterServices.AdvanceAsync(TimeSpan.FromSeconds(20), "20s", CancellationToken.None);
        Assert.Equal(["rg1:ONLINE:node1", "rg1:OFFLINE:node2", "rg2:ONLINE:node2", "rg2:OFFLINE:node1"], await Groups(runtime));
        InOrder(await Markers(runtime, "node1"),
            "EVENT START: server_restart node1 app1_cmon",
            "EVENT COMPLETED: server_restart node1 app1_cmon 0",
            "EVENT START: server_restart_complete node1 app1_cmon",
            "EVENT COMPLETED: server_restart_complete node1 app1_cmon 0");
        // §10: the cleanup method (default: the stop script), then the configured restart method.
        var hacmpOut = (await Ok(runtime, "cat /tmp/hacmp.out", "node1")).Split('\n').ToList();
        var restart = hacmpOut.FindIndex(l => l.EndsWith("EVENT START: server_restart node1 app1_cmon", StringComparison.Ordinal));
        var cleanup = hacmpOut.FindIndex(restart, l => l.Contains("server_restart[", StringComparison.Ordinal) && l.EndsWith("/usr/local/ha/app1/stop.sh", StringComparison.Ordinal));
        var fix = hacmpOut.FindIndex(restart, l => l.Contains("server_restart[", StringComparison.Ordinal) && l.EndsWith(Fix, StringComparison.Ordinal));
        Assert.True(restart >= 0 && cleanup > restart && fix > cleanup, string.Join('\n', hacmpOut));
        Assert.Equal("ok\n", await Ok(runtime, "cat /tmp/app1.healthy", "node1"));

        // Failing again within the restart interval, with the one restart used: fallover (rg_move to node2).
        await Ok(runtime, "rm /tmp/app1.healthy", "node1");
        await runtime.ClusterServices.AdvanceAsync(TimeSpan.FromSeconds(60), "60s", CancellationToken.None);
        Assert.Equal(["rg1:OFFLINE:node1", "rg1:ONLINE:node2", "rg2:ONLINE:node2", "rg2:OFFLINE:node1"], await Groups(runtime));
        var markers = await Markers(runtime, "node1");
        Assert.Single(markers, m => m == "EVENT START: server_restart node1 app1_cmon");
        InOrder(markers,
            "EVENT START: server_restart node1 app1_cmon",
            "EVENT START: resource_state_change node1",
            "EVENT START: rg_move_release node1 1",
            "EVENT START: stop_server app1",
            "EVENT START: rg_move_acquire node1 1",
            "EVENT COMPLETED: resource_state_change_complete node1 0");
        // On node2 the file is there: its checks pass and rg1 stays.
        await runtime.ClusterServices.AdvanceAsync(TimeSpan.FromSeconds(90), "90s", CancellationToken.None);
        Assert.Equal("rg1:ONLINE:node2", (await Groups(runtime))[1]);
        Assert.DoesNotContain(await Markers(runtime, "node2"), m => m.StartsWith("EVENT START: server_restart node2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task S9_an_application_killed_under_a_custom_monitor_is_noticed_when_the_cluster_settles()
    {
        await using var runtime = await Demo();
        // The demo's monitor script: `app1d status`, 0 while app1d runs.
        await Ok(runtime, AddCustomMonitor("app1_cmon", "both", "/usr/local/ha/app1/monitor.sh", "RESTARTCOUNT='3' FAILUREACTION='fallover'"));
        Activate(runtime);
        await Ok(runtime, StartLine);
        var r = await Fail(runtime, "app", "node1:app1");

        Assert.Contains("EVENT START: server_restart node1 app1_cmon", r.Stdout, StringComparison.Ordinal);
        Assert.Equal("rg1:ONLINE:node1", (await Groups(runtime))[0]);
        Assert.Contains(" app1d\n", await Ok(runtime, "ps -ef", "node1"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_startup_monitor_that_finds_the_application_running_skips_the_start_script_after_unmanage()
    {
        await using var runtime = await Demo();
        await Ok(runtime, AddCustomMonitor("app1_smon", "startup", "/usr/local/ha/app1/monitor.sh", "RESTARTCOUNT='3' FAILUREACTION='fallover'"));
        Activate(runtime);
        await Ok(runtime, StartLine);
        Assert.Equal(1, Count(await Ok(runtime, "cat /tmp/hacmp.out", "node1"), "] /usr/local/ha/app1/start.sh"));
        var pid = await Pid(runtime, "node1", "app1d");

        // Stop with Unmanage (S5): app1d keeps running; restarting services checks it with the startup monitor.
        await Ok(runtime, "clmgr offline node node1 MANAGE=unmanage");
        Assert.Equal("rg1:UNMANAGED:node1", (await Groups(runtime))[0]);
        await Ok(runtime, "clmgr online node node1");

        Assert.Equal("rg1:ONLINE:node1", (await Groups(runtime))[0]);
        var hacmpOut = await Ok(runtime, "cat /tmp/hacmp.out", "node1");
        Assert.Equal(1, Count(hacmpOut, "] /usr/local/ha/app1/start.sh"));
        Assert.Equal(2, Count(hacmpOut, "EVENT COMPLETED: start_server app1 0"));
        Assert.Equal(pid, await Pid(runtime, "node1", "app1d"));
    }

    [Fact]
    public async Task A_startup_monitor_failing_after_the_start_script_tries_the_next_node()
    {
        await using var runtime = await Demo();
        // On node1 the start script "succeeds" without starting app1d.
        await Script(runtime, "/usr/local/ha/app1/start.sh", "#!/usr/bin/ksh\nexit 0\n", "node1");
        await Ok(runtime, AddCustomMonitor("app1_smon", "startup", "/usr/local/ha/app1/monitor.sh", "RESTARTCOUNT='3' FAILUREACTION='fallover'"));
        Activate(runtime);
        await Ok(runtime, StartLine);

        Assert.Equal(["rg1:OFFLINE:node1", "rg1:ONLINE:node2", "rg2:ONLINE:node2", "rg2:OFFLINE:node1"], await Groups(runtime));
        InOrder(await Markers(runtime, "node1"),
            "EVENT START: start_server app1",
            "EVENT COMPLETED: start_server app1 0",
            "EVENT START: resource_state_change node1",
            "EVENT START: rg_move_release node1 1",
            "EVENT START: rg_move node1 1 RELEASE",
            "EVENT COMPLETED: resource_state_change_complete node1 0");
        InOrder(await Markers(runtime, "node2"),
            "EVENT START: rg_move_acquire node1 1",
            "EVENT START: rg_move_complete node1 1",
            "EVENT START: start_server app1",
            "EVENT COMPLETED: start_server app1 0");
        Assert.Contains(" app1d\n", await Ok(runtime, "ps -ef", "node2"), StringComparison.Ordinal);
        Assert.Equal("ST_STABLE", await ManagerState(runtime, "node1"));
    }

    [Fact]
    public async Task A_startup_monitor_failing_with_no_other_node_leaves_the_group_in_ERROR()
    {
        await using var runtime = await Demo();
        await Script(runtime, "/usr/local/ha/app1/start.sh", "#!/usr/bin/ksh\nexit 0\n", "node1");
        await Ok(runtime, AddCustomMonitor("app1_smon", "startup", "/usr/local/ha/app1/monitor.sh", "RESTARTCOUNT='3' FAILUREACTION='fallover'"));
        Activate(runtime);
        await Ok(runtime, StartLine, "node1");

        Assert.Equal("rg1:ERROR:node1", (await Groups(runtime))[0]);
        Assert.Equal("ST_STABLE", await ManagerState(runtime, "node1"));
    }
}
