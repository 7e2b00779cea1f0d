using ClAdmin.Sim.Model;

namespace ClAdmin.Tests;

/// <summary>The notify and recovery commands of a predefined event (HACMPevent), set with the
/// "Change/Show Pre-Defined HACMP Events" dialog's clmgr line and synchronized (semantics §4.1,
/// R-EVT): the notify command runs before the pre-event commands with <c>EVENT start ARGS</c> and
/// after the post-event commands with <c>EVENT complete RC ARGS</c>; when the event command fails,
/// the recovery command runs and the event command again, up to the recovery counter.</summary>
public sealed partial class ClusterEventScenarioTests
{
    private const string NotifyScript = "/usr/local/ha/notify.sh";
    private const string RecoverScript = "/usr/local/ha/recover.sh";

    /// <summary>Writes an executable file on the nodes (every node when none is named).</summary>
    private static Task Script(Runtime runtime, string path, string content, params string[] nodes) =>
        runtime.Simulation!.ChangeWorldAsync(w =>
        {
            foreach (var n in w.Nodes.Where(n => nodes.Length == 0 || nodes.Contains(n.Name)))
            {
                n.Files[path] = new SimFile { Content = content, Mode = "-rwxr-xr-x", Modified = w.Clock };
            }
            return true;
        }, CancellationToken.None);

    [Fact]
    public async Task R_EVT_the_notify_command_runs_first_and_last_with_the_event_and_its_arguments()
    {
        await using var runtime = await Demo();
        await Script(runtime, NotifyScript, "#!/usr/bin/ksh\necho $1 $2 $3 $4 >> /tmp/notify.out\n");
        await Script(runtime, "/usr/local/ha/pre_up.sh", "#!/usr/bin/ksh\necho pre-event ran\n");
        await Script(runtime, "/usr/local/ha/post_up.sh", "#!/usr/bin/ksh\necho post-event ran\n");
        await AddCustomEvents(runtime);
        await Ok(runtime, $"clmgr modify event NOTIFY_COMMAND='{NotifyScript}' PRE_EVENT_COMMAND='pre_up' POST_EVENT_COMMAND='post_up' node_up");
        await Ok(runtime, "clmgr sync cluster");
        await Ok(runtime, StartLine);

        // node1 runs node_up node1, then node_up node2 as a member.
        Assert.Equal("node_up start node1\nnode_up complete 0 node1\nnode_up start node2\nnode_up complete 0 node2\n", await Ok(runtime, "cat /tmp/notify.out", "node1"));
        var lines = (await Ok(runtime, "cat /tmp/hacmp.out", "node1")).Split('\n')
            .Select(l => l.Contains(" EVENT ", StringComparison.Ordinal) ? l[16..] : l).ToList();
        InOrder(lines,
            $"+node_up[node_up] {NotifyScript} node_up start node1",
            "+node_up[node_up] /usr/local/ha/pre_up.sh",
            "EVENT START: node_up node1",
            "EVENT COMPLETED: node_up node1 0",
            "+node_up[node_up] /usr/local/ha/post_up.sh",
            $"+node_up[node_up] {NotifyScript} node_up complete 0 node1",
            "EVENT START: node_up_complete node1");
    }

    /// <summary>app1's start script on node1 fails until /tmp/app1.ready exists; the recovery command of
    /// node_up_complete logs each run and, when <paramref name="fixes"/>, creates the file.</summary>
    private async Task<Runtime> Recovering(bool fixes, string counter)
    {
        var runtime = await Demo();
        await Script(runtime, "/usr/local/ha/app1/start.sh", "#!/usr/bin/ksh\n/usr/local/ha/app1/app1d start\ncat /tmp/app1.ready\n", "node1");
        await Script(runtime, RecoverScript, "#!/usr/bin/ksh\necho recovery ran >> /tmp/recover.out\n" + (fixes ? "echo ready > /tmp/app1.ready\n" : ""));
        await Ok(runtime, $"clmgr modify event RECOVERY_COMMAND='{RecoverScript}' RECOVERY_COUNTER='{counter}' node_up_complete");
        Assert.Contains($"RECOVERY_COUNTER=\"{counter}\"", await Ok(runtime, "clmgr query event node_up_complete"), StringComparison.Ordinal);
        await Ok(runtime, "clmgr sync cluster");
        return runtime;
    }

    [Fact]
    public async Task R_EVT_a_recovery_command_that_fixes_the_cause_reruns_the_failed_event_which_completes()
    {
        await using var runtime = await Recovering(fixes: true, counter: "2");
        await Ok(runtime, StartLine, "node1");

        Assert.Equal("recovery ran\n", await Ok(runtime, "cat /tmp/recover.out", "node1"));
        Assert.Equal("rg1:ONLINE:node1", (await Groups(runtime))[0]);
        Assert.Equal("ST_STABLE", await ManagerState(runtime, "node1"));
        var markers = await Markers(runtime, "node1");
        InOrder(markers,
            "EVENT START: node_up_complete node1",
            "EVENT START: start_server app1",
            "EVENT COMPLETED: start_server app1 2",
            "EVENT START: start_server app1",
            "EVENT COMPLETED: start_server app1 0",
            "EVENT COMPLETED: node_up_complete node1 0");
        Assert.DoesNotContain(markers, m => m.StartsWith("EVENT START: event_error", StringComparison.Ordinal));
        var hacmpOut = await Ok(runtime, "cat /tmp/hacmp.out", "node1");
        Assert.Contains($"+node_up_complete[node_up_complete] {RecoverScript}\n", hacmpOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R_EVT_the_recovery_command_runs_up_to_its_counter_then_the_event_fails()
    {
        await using var runtime = await Recovering(fixes: false, counter: "2");
        Assert.Equal(1, (await Run(runtime, StartLine, "node1")).ExitCode);

        Assert.Equal("recovery ran\nrecovery ran\n", await Ok(runtime, "cat /tmp/recover.out", "node1"));
        Assert.Equal("ST_RP_FAILED", await ManagerState(runtime, "node1"));
        var markers = await Markers(runtime, "node1");
        Assert.Equal(3, markers.Count(m => m == "EVENT COMPLETED: start_server app1 2"));
        InOrder(markers, "EVENT COMPLETED: node_up_complete node1 2", "EVENT START: event_error 2 node_up_complete node1");
    }
}
