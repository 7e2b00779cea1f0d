using ClAdmin.Contracts;
using ClAdmin.Sim.Faults;

namespace ClAdmin.Tests;

/// <summary>
/// The eight commands of the Problem Determination, C-SPOC and Extended menus that were only usage
/// stubs (issue 17 §1): each does what its dialog means on the simulator, with the flags the
/// dialogs in menus/ send, run through the runtime's one dispatcher as the screens run them.
/// </summary>
public sealed class MenuToolScenarioTests : DemoScenario
{
    private static async Task<CommandResult> Fails(Runtime runtime, string line, int rc)
    {
        var r = await Run(runtime, line);
        Assert.True(r.ExitCode == rc, $"{line}: rc {r.ExitCode} (expected {rc})\n{r.Stdout}\n{r.Stderr}");
        return r;
    }

    [Fact]
    public async Task Cllog_shows_and_changes_the_log_parameters_and_a_log_directory()
    {
        await using var runtime = await Demo();
        // The dialogs' discovery: a comment line naming the fields, then the values (menus/cspoc.json).
        Assert.Equal("#NODE:DEBUG_LEVEL:FORMAT\nnode2:high:none\n", await Ok(runtime, "cllog -c -n node2"));
        await Ok(runtime, "cllog -n 'node2' -d 'low' -f 'html_high'");
        Assert.Equal("#NODE:DEBUG_LEVEL:FORMAT\nnode2:low:html_high\n", await Ok(runtime, "cllog -c -n node2"));
        Assert.Equal("#NODE:DEBUG_LEVEL:FORMAT\nnode1:high:none\n", await Ok(runtime, "cllog -c -n node1"));

        Assert.Equal("#CLSTRMGR_DEBUG_LEVEL\nstandard\n", await Ok(runtime, "cllog -c -m"));
        await Ok(runtime, "cllog -m -l 'high'");
        Assert.Equal("#CLSTRMGR_DEBUG_LEVEL\nhigh\n", await Ok(runtime, "cllog -c -m"));

        var before = (await Ok(runtime, "cllog -c -r hacmp.out")).Split('\n');
        Assert.Equal("#LOG:DESCRIPTION:DEFAULT_DIR:DIRECTORY:ALLOW_REMOTE", before[0]);
        Assert.EndsWith(":/tmp:/tmp:false", before[1], StringComparison.Ordinal);
        Assert.StartsWith("hacmp.out:", before[1], StringComparison.Ordinal);
        await Ok(runtime, "cllog -r 'hacmp.out' -p '/var/hacmp/log' -R 'false'");
        Assert.EndsWith(":/tmp:/var/hacmp/log:false", (await Ok(runtime, "cllog -c -r hacmp.out")).Split('\n')[1], StringComparison.Ordinal);
        // The new directory exists on every cluster node.
        foreach (var node in new[] { "node1", "node2" })
        {
            Assert.Equal(0, (await Run(runtime, "test -d /var/hacmp/log", node)).ExitCode);
        }

        Assert.Contains("node9", (await Fails(runtime, "cllog -n node9 -d low -f none", 2)).Stderr, StringComparison.Ordinal);
        Assert.Contains("nosuch.log", (await Fails(runtime, "cllog -r nosuch.log -p /tmp", 2)).Stderr, StringComparison.Ordinal);
        Assert.Contains("relative", (await Fails(runtime, "cllog -r hacmp.out -p var/log", 2)).Stderr, StringComparison.Ordinal);
        Assert.Contains("Usage:", (await Fails(runtime, "cllog", 2)).Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clappmon_suspends_application_monitoring_until_it_is_resumed()
    {
        await using var runtime = await Demo();
        await Ok(runtime, "clmgr add application_monitor app1_mon TYPE=Process APPLICATIONS=app1 PROCESSES=app1d OWNER=root MONITORINTERVAL=10 STABILIZATION=30 RESTARTCOUNT=2 RESTARTINTERVAL=600 FAILUREACTION=fallover");
        using (var repo = runtime.OpenRepository())
        {
            repo.ActivateDefault();
        }
        await Ok(runtime, StartLine);
        var suspended = await Ok(runtime, "clappmon -s -a 'app1' -m 'app1_mon' -g 'rg1'");
        Assert.Contains("app1_mon", suspended, StringComparison.Ordinal);
        Assert.Contains("node1", suspended, StringComparison.Ordinal);

        // The process dies: with monitoring suspended, nothing notices.
        await runtime.ClusterServices!.FaultAsync("fail", w => SimFaults.Fail(w, "app", "node1:app1") is var f ? (f.Ok, f.Message) : default, CancellationToken.None);
        await runtime.ClusterServices.AdvanceAsync(TimeSpan.FromSeconds(60), "60s", CancellationToken.None);
        Assert.DoesNotContain(await Markers(runtime, "node1"), m => m.Contains("server_restart", StringComparison.Ordinal));
        Assert.Equal("rg1:ONLINE:node1", (await Groups(runtime))[0]);

        // Resumed, the monitor notices within its interval and restarts the application.
        await Ok(runtime, "clappmon -r -a 'app1' -g 'rg1'");
        await runtime.ClusterServices.AdvanceAsync(TimeSpan.FromSeconds(60), "60s", CancellationToken.None);
        Assert.Contains("EVENT START: server_restart node1 app1_mon", await Markers(runtime, "node1"));

        Assert.Contains("rg2", (await Fails(runtime, "clappmon -s -a app1 -g rg2", 2)).Stderr, StringComparison.Ordinal);
        Assert.Contains("Usage:", (await Fails(runtime, "clappmon -a app1", 2)).Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cldiag_traces_daemons_and_keeps_error_notification_objects()
    {
        await using var runtime = await Demo();
        await Ok(runtime, "cldiag trace daemon on -- 'clstrmgrES'");
        await Ok(runtime, "cldiag errnotify add -n 'disk_err' -p 'Yes' -c 'Hardware' -t 'PERM' -N 'hdisk2' -m '/usr/local/bin/notify_disk'");
        Assert.Equal("disk_err\n", await Ok(runtime, "cldiag errnotify list"));
        var shown = (await Ok(runtime, "cldiag errnotify show -c disk_err")).Split('\n');
        Assert.Equal("#_rawname:PERSIST:PID:CLASS:TYPE:ALERT:LABEL:RESOURCE:RCLASS:RTYPE:METHOD", shown[0]);
        Assert.Equal("disk_err:Yes::Hardware:PERM:None::hdisk2:All:All:/usr/local/bin/notify_disk", shown[1]);
        // AIX keeps the object in the errnotify class (stanza en_name, en_method ...).
        var odm = await Ok(runtime, "cat /etc/objrepos/errnotify");
        Assert.Contains("\ten_name = \"disk_err\"\n", odm, StringComparison.Ordinal);
        Assert.Contains("\ten_method = \"/usr/local/bin/notify_disk\"\n", odm, StringComparison.Ordinal);
        await Ok(runtime, "cldiag errnotify remove -- 'disk_err'");
        Assert.Equal("", await Ok(runtime, "cldiag errnotify list"));
        Assert.Contains("disk_err", (await Fails(runtime, "cldiag errnotify remove -- disk_err", 1)).Stderr, StringComparison.Ordinal);
        Assert.Contains("nosuchd", (await Fails(runtime, "cldiag trace daemon on -- nosuchd", 2)).Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Claddclstr_defines_the_cluster_name_and_refuses_a_rename_while_services_run()
    {
        await using var runtime = await Demo();
        await Ok(runtime, "claddclstr -n 'trainee_cluster'");
        Assert.Contains("trainee_cluster", await Ok(runtime, "clmgr query cluster"), StringComparison.Ordinal);
        Assert.Contains("Usage:", (await Fails(runtime, "claddclstr", 2)).Stderr, StringComparison.Ordinal);
        await Ok(runtime, StartLine);
        var r = await Fails(runtime, "claddclstr -n other_cluster", 1);
        Assert.Contains("node1", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("trainee_cluster", await Ok(runtime, "clmgr query cluster"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cl_smit_makes_the_chosen_node_the_local_node_for_what_follows()
    {
        await using var runtime = await Demo();
        Assert.Equal("node1\n", await Ok(runtime, "hostname"));
        await Ok(runtime, "cl_smit -cspoc \"-n node2\"");
        Assert.Equal("node2", runtime.LocalNode);
        Assert.Equal("node2\n", await Ok(runtime, "hostname"));
        Assert.Contains("node9", (await Fails(runtime, "cl_smit -cspoc \"-n node9\"", 2)).Stderr, StringComparison.Ordinal);
        Assert.Equal("node2", runtime.LocalNode);
    }

    [Fact]
    public async Task Cl_emulate_prints_what_the_event_would_do_and_changes_nothing()
    {
        await using var runtime = await Started();
        var r = await Ok(runtime, "cl_emulate -e node_down -n 'node1' -f 'takeover'");
        var lines = r.Split('\n');
        Assert.StartsWith("******************START OF EMULATION FOR NODE node1", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.EndsWith("EVENT START: node_down node1 graceful with takeover", StringComparison.Ordinal) || l.Contains("EVENT START: node_down node1", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("******************END OF EMULATION FOR NODE node1", StringComparison.Ordinal));
        // Nothing happened: rg1 still on node1, node1 still a member.
        Assert.Equal(["rg1:ONLINE:node1", "rg1:OFFLINE:node2", "rg2:ONLINE:node2", "rg2:OFFLINE:node1"], await Groups(runtime));
        Assert.Equal("ST_STABLE", await ManagerState(runtime, "node1"));
        // The emulation is kept in /tmp/emuhacmp.out on the node it ran from.
        Assert.Contains("START OF EMULATION FOR NODE node1", await Ok(runtime, "cat /tmp/emuhacmp.out", "node1"), StringComparison.Ordinal);
        Assert.Contains("net_nosuch", (await Fails(runtime, "cl_emulate -e network_down -w net_nosuch", 2)).Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cl_configassist_builds_a_two_node_cluster_from_the_local_node_and_a_takeover_node()
    {
        await using var runtime = await Demo();
        await Ok(runtime, "clmgr delete cluster");
        var r = await Run(runtime, "cl_configassist -t 'node2' -a 'app1' -b '/usr/local/ha/app1/start.sh' -e '/usr/local/ha/app1/stop.sh' -s 'app1_svc'");
        Assert.True(r.ExitCode == 0, r.Stdout + r.Stderr);
        var cluster = await Ok(runtime, "clmgr query cluster");
        Assert.Contains("app1_cluster", cluster, StringComparison.Ordinal);
        Assert.Equal("node1\nnode2\n", await Ok(runtime, "clmgr query node"));
        Assert.Equal("app1\n", await Ok(runtime, "clmgr query application_controller"));
        Assert.Equal("app1_group\n", await Ok(runtime, "clmgr query resource_group"));
        var group = await Ok(runtime, "clmgr query resource_group app1_group");
        Assert.Contains("app1_svc", group, StringComparison.Ordinal);
        // A failed step leaves the configuration as it was (here: a service label not in /etc/hosts).
        await Ok(runtime, "clmgr delete cluster");
        var bad = await Run(runtime, "cl_configassist -t 'node2' -a 'app1' -b '/usr/local/ha/app1/start.sh' -e '/usr/local/ha/app1/stop.sh' -s 'no_such_label'");
        Assert.NotEqual(0, bad.ExitCode);
        Assert.Contains("no_such_label", bad.Stdout + bad.Stderr, StringComparison.Ordinal);
        Assert.Equal("", await Ok(runtime, "clmgr query node"));
    }

    [Fact]
    public async Task Cl_ezupdate_updates_an_interface_definition_from_the_operating_system_or_prints_its_usage()
    {
        await using var runtime = await Demo();
        var r = await Ok(runtime, "cl_ezupdate -n 'node1' -i 'en0'");
        Assert.Contains("en0", r, StringComparison.Ordinal);
        Assert.Contains("node1", r, StringComparison.Ordinal);
        Assert.Contains("en9", (await Fails(runtime, "cl_ezupdate -n node1 -i en9", 1)).Stderr, StringComparison.Ordinal);
        // The real command's flags (PowerHA 7.2 cl_ezupdate: software updates), in its usage.
        var usage = (await Fails(runtime, "cl_ezupdate", 2)).Stderr;
        Assert.Contains("-Q {cluster|node|nim|lpp}", usage, StringComparison.Ordinal);
        Assert.Contains("not simulated", (await Fails(runtime, "cl_ezupdate -A -s /export/lpp", 1)).Stderr, StringComparison.Ordinal);
    }
}
