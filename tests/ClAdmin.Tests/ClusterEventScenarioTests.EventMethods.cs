namespace ClAdmin.Tests;

/// <summary>Pre- and post-event commands configured on a predefined event (HACMPevent) through the
/// "Change/Show Pre-Defined HACMP Events" dialog's command, synchronized, then run by the cluster
/// manager from the active configuration in the order of semantics §4.1 (R-EVT): notify(start),
/// pre-event, event, post-event, notify(complete).</summary>
public sealed partial class ClusterEventScenarioTests
{
    /// <summary>The dialog cm_chg_predefined_event_dlg's line for node_up (as `cladmin run cm_chg_predefined_event --show` builds it), naming
    /// custom events the "Add a Custom Cluster Event" dialog (cm_add_custom_event) defined.</summary>
    private const string ChangeNodeUp = "clmgr modify event PRE_EVENT_COMMAND='pre_up' POST_EVENT_COMMAND='post_up' node_up";

    private static async Task AddCustomEvents(Runtime runtime)
    {
        await Ok(runtime, "clmgr add event TYPE=CUSTOM DESCRIPTION='before node_up' FILE='/usr/local/ha/pre_up.sh' pre_up");
        await Ok(runtime, "clmgr add event TYPE=CUSTOM DESCRIPTION='after node_up' FILE='/usr/local/ha/post_up.sh' post_up");
    }

    [Fact]
    public async Task R_EVT_pre_and_post_event_commands_of_node_up_run_around_the_event_once_synchronized()
    {
        await using var runtime = await Demo();
        foreach (var node in new[] { "node1", "node2" })
        {
            await Ok(runtime, "sh -c \"echo 'echo pre-event ran >> /tmp/pre_up.out' > /usr/local/ha/pre_up.sh\"", node);
            await Ok(runtime, "sh -c \"echo 'echo post-event ran' > /usr/local/ha/post_up.sh\"", node);
            await Ok(runtime, "chmod 755 /usr/local/ha/pre_up.sh /usr/local/ha/post_up.sh", node);
        }
        await AddCustomEvents(runtime);
        Assert.Equal("pre_up\npost_up\n", await Ok(runtime, "clmgr query event TYPE=CUSTOM"));
        await Ok(runtime, ChangeNodeUp);
        Assert.Contains("PRE_EVENT_COMMAND=\"pre_up\"", await Ok(runtime, "clmgr query event node_up"), StringComparison.Ordinal);
        await Ok(runtime, "clmgr sync cluster");
        await Ok(runtime, StartLine);

        // node1 runs node_up node1 (its own), then node_up node2 as a member: the pre-event command each time.
        Assert.Equal("pre-event ran\npre-event ran\n", await Ok(runtime, "cat /tmp/pre_up.out", "node1"));
        var lines = (await Ok(runtime, "cat /tmp/hacmp.out", "node1")).Split('\n')
            .Select(l => l.Contains(" EVENT ", StringComparison.Ordinal) ? l[16..] : l).ToList();
        InOrder(lines,
            "+node_up[node_up] /usr/local/ha/pre_up.sh",
            "EVENT START: node_up node1",
            "EVENT COMPLETED: node_up node1 0",
            "+node_up[node_up] /usr/local/ha/post_up.sh",
            "post-event ran",
            "EVENT START: node_up_complete node1");
    }

    [Fact]
    public async Task R_EVT_event_methods_changed_but_not_synchronized_do_not_run()
    {
        await using var runtime = await Demo();
        await Ok(runtime, "sh -c \"echo 'echo pre-event ran >> /tmp/pre_up.out' > /usr/local/ha/pre_up.sh\"", "node1");
        await Ok(runtime, "sh -c \"echo 'echo post-event ran' > /usr/local/ha/post_up.sh\"", "node1");
        await AddCustomEvents(runtime);
        await Ok(runtime, ChangeNodeUp);
        await Ok(runtime, StartLine);
        Assert.DoesNotContain("pre_up.sh", await Ok(runtime, "cat /tmp/hacmp.out", "node1"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changing_an_event_that_is_not_predefined_is_refused_naming_it()
    {
        await using var runtime = await Demo();
        var r = await Run(runtime, "clmgr modify event node_sideways RECOVERY_COUNTER=1");
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("\"node_sideways\" does not appear to exist!", r.Stderr, StringComparison.Ordinal);
        var unknown = await Run(runtime, "clmgr modify event node_up PRE_EVENT_COMMAND=no_such_event");
        Assert.NotEqual(0, unknown.ExitCode);
        Assert.Contains("\"no_such_event\" is not a valid value for \"PRE_EVENT_COMMAND\"", unknown.Stderr, StringComparison.Ordinal);
        var bad = await Run(runtime, "clmgr modify event node_up RECOVERY_COUNTER=many");
        Assert.NotEqual(0, bad.ExitCode);
        Assert.Contains("RECOVERY_COUNTER", bad.Stderr, StringComparison.Ordinal);
    }
}
