using ClAdmin.Sim.Model;
using ClAdmin.Store;

namespace ClAdmin.Tests;

/// <summary>
/// S9 (semantics §4.3, §10): a process monitor on app1 (process app1d) watches the node holding rg1.
/// When the process dies (`sim fail app`, or `kill` on the node) the monitor notices after its
/// monitor interval: server_restart runs the cleanup method then the restart method, up to the
/// Restart Count within the Restart Interval; then the Action on Application Failure: fallover
/// (rg_move through resource_state_change, the group failure of the placement) or notify
/// (server_down, the group stays). Event names from semantics §4.2 (server_restart,
/// server_restart_complete, server_down); their arguments (node, monitor) are [RECONSTRUCTED].
/// </summary>
public sealed partial class ClusterEventScenarioTests
{
    private async Task<Runtime> Monitored(string attributes, Action<SimWorld>? prepare = null)
    {
        var runtime = await Demo();
        await Ok(runtime, $"clmgr add application_monitor app1_mon TYPE=Process APPLICATIONS=app1 PROCESSES=app1d OWNER=root MONITORINTERVAL=10 STABILIZATION=30 {attributes}");
        if (prepare is not null)
        {
            await runtime.Simulation!.ChangeWorldAsync(w =>
            {
                prepare(w);
                return true;
            }, CancellationToken.None);
        }
        using (var repo = runtime.OpenRepository())
        {
            repo.ActivateDefault();
        }
        await Ok(runtime, StartLine);
        return runtime;
    }

    /// <summary>The PID of <paramref name="command"/> in `ps -ef` on the node (column 2).</summary>
    private static async Task<string> Pid(Runtime runtime, string node, string command) =>
        (await Ok(runtime, "ps -ef", node)).Split('\n').Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Single(f => f.Length > 7 && f[^1] == command)[1];

    private static async Task<string> AppState(Runtime runtime, string app) =>
        (await Ok(runtime, "clRGinfo -m")).Split('\n').Single(l => l.StartsWith(" " + app + " ", StringComparison.Ordinal));

    [Fact]
    public async Task S9_a_process_monitor_restarts_the_application_with_its_cleanup_and_restart_methods_and_the_group_stays()
    {
        await using var runtime = await Monitored("RESTARTCOUNT=2 RESTARTINTERVAL=600 FAILUREACTION=fallover");
        await Fail(runtime, "app", "node1:app1");

        Assert.Equal(["rg1:ONLINE:node1", "rg1:OFFLINE:node2", "rg2:ONLINE:node2", "rg2:OFFLINE:node1"], await Groups(runtime));
        var markers = await Markers(runtime, "node1");
        InOrder(markers,
            "EVENT START: server_restart node1 app1_mon",
            "EVENT COMPLETED: server_restart node1 app1_mon 0",
            "EVENT START: server_restart_complete node1 app1_mon",
            "EVENT COMPLETED: server_restart_complete node1 app1_mon 0");
        Assert.DoesNotContain(markers, m => m.Contains("resource_state_change", StringComparison.Ordinal) || m.Contains("server_down", StringComparison.Ordinal));
        // §10: the cleanup method (default: the stop script), then the restart method (default: the start script).
        var hacmpOut = (await Ok(runtime, "cat /tmp/hacmp.out", "node1")).Split('\n').ToList();
        var restart = hacmpOut.FindLastIndex(l => l.EndsWith("EVENT START: server_restart node1 app1_mon", StringComparison.Ordinal));
        var cleanup = hacmpOut.FindIndex(restart, l => l.Contains("server_restart[", StringComparison.Ordinal) && l.EndsWith("/usr/local/ha/app1/stop.sh", StringComparison.Ordinal));
        var start = hacmpOut.FindIndex(restart, l => l.Contains("server_restart[", StringComparison.Ordinal) && l.EndsWith("/usr/local/ha/app1/start.sh", StringComparison.Ordinal));
        Assert.True(restart >= 0 && cleanup > restart && start > cleanup, string.Join('\n', hacmpOut));
        Assert.Contains(" app1d\n", await Ok(runtime, "ps -ef", "node1"), StringComparison.Ordinal);
        // The monitor noticed after its monitor interval (10 s) on the simulated clock.
        Assert.True(await TimeOf(runtime, "node1", "EVENT START: server_restart node1 app1_mon") - await TimeOf(runtime, "node1", "EVENT COMPLETED: node_up_complete node2 0") >= TimeSpan.FromSeconds(10));
        Assert.Contains("ONLINE MONITORED", await AppState(runtime, "app1"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task S9_once_the_restart_count_is_used_up_a_further_death_falls_the_group_over()
    {
        await using var runtime = await Monitored("RESTARTCOUNT=1 RESTARTINTERVAL=600 FAILUREACTION=fallover");
        await Fail(runtime, "app", "node1:app1");
        Assert.Equal("rg1:ONLINE:node1", (await Groups(runtime))[0]);

        // The restarted process is killed on the node, within the restart interval.
        await Ok(runtime, "kill -9 " + await Pid(runtime, "node1", "app1d"), "node1");
        Assert.DoesNotContain(" app1d\n", await Ok(runtime, "ps -ef", "node1"), StringComparison.Ordinal);
        await runtime.ClusterServices!.SettleAsync(CancellationToken.None);

        Assert.Equal(["rg1:OFFLINE:node1", "rg1:ONLINE:node2", "rg2:ONLINE:node2", "rg2:OFFLINE:node1"], await Groups(runtime));
        var markers = await Markers(runtime, "node1");
        Assert.Single(markers, m => m == "EVENT START: server_restart node1 app1_mon");
        InOrder(markers,
            "EVENT START: server_restart node1 app1_mon",
            "EVENT START: resource_state_change node1",
            "EVENT START: rg_move_release node1 1",
            "EVENT START: stop_server app1",
            "EVENT START: rg_move_acquire node1 1",
            "EVENT COMPLETED: resource_state_change_complete node1 0");
        Assert.Contains(" app1d\n", await Ok(runtime, "ps -ef", "node2"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task S9_with_notify_as_the_action_server_down_runs_the_notify_method_and_the_group_stays()
    {
        const string notify = "/usr/local/ha/app1/notify.sh";
        await using var runtime = await Monitored($"RESTARTCOUNT=0 FAILUREACTION=notify NOTIFYMETHOD={notify}", w =>
        {
            foreach (var n in w.Nodes)
            {
                n.Files[notify] = new SimFile { Content = "#!/usr/bin/ksh\necho app1 failed > /tmp/app1.down\n", Mode = "-rwxr-xr-x" };
            }
        });
        await Fail(runtime, "app", "node1:app1");

        Assert.Equal(["rg1:ONLINE:node1", "rg1:OFFLINE:node2", "rg2:ONLINE:node2", "rg2:OFFLINE:node1"], await Groups(runtime));
        var markers = await Markers(runtime, "node1");
        InOrder(markers,
            "EVENT START: server_down node1 app1_mon",
            "EVENT COMPLETED: server_down node1 app1_mon 0",
            "EVENT START: server_down_complete node1 app1_mon",
            "EVENT COMPLETED: server_down_complete node1 app1_mon 0");
        Assert.DoesNotContain(markers, m => m.Contains("server_restart", StringComparison.Ordinal) || m.Contains("resource_state_change", StringComparison.Ordinal));
        Assert.Equal("app1 failed\n", await Ok(runtime, "cat /tmp/app1.down", "node1"));
        Assert.DoesNotContain(" app1d\n", await Ok(runtime, "ps -ef", "node1"), StringComparison.Ordinal);
        Assert.Contains("ONLINE MONITOR FAILED", await AppState(runtime, "app1"), StringComparison.Ordinal);
    }
}
