using ClAdmin.Contracts;

namespace ClAdmin.Tests;

/// <summary>
/// Dynamic reconfiguration (issue 16 §2, semantics §9.4): `clmgr sync cluster` (and `cldare -rt`, the same
/// ClusterSync) while cluster services run applies the change to the running cluster in the reference's
/// order: reconfig_resource_release (what is removed or changed, under the configuration that was active),
/// then the new configuration made active, then reconfig_resource_acquire and reconfig_resource_complete
/// (what is added or changed). A DARE that fails leaves its lock (the staging copy on every node), later
/// synchronizations refuse while it is held, and clrelease_locks (Problem Determination Tools > Release
/// Locks Set By Dynamic Reconfiguration, menus/problem.json cm_release_locks) clears it.
/// </summary>
public sealed class DareScenarioTests : DemoScenario
{
    private const string Stage = "/usr/es/sbin/cluster/etc/objrepos/active/cluster.odm.stage";

    private static readonly string[] DareEvents =
    [
        "EVENT START: reconfig_resource_release node1",
        "EVENT COMPLETED: reconfig_resource_release node1 0",
        "EVENT START: reconfig_resource_acquire node1",
        "EVENT COMPLETED: reconfig_resource_acquire node1 0",
        "EVENT START: reconfig_resource_complete node1",
        "EVENT COMPLETED: reconfig_resource_complete node1 0",
    ];

    [Fact]
    public async Task A_group_added_changed_and_removed_while_services_run_is_released_then_acquired_in_order()
    {
        await using var runtime = await Started();

        // Added: rg3 comes online on its home node, acquired after the (empty) release.
        await Ok(runtime, "clmgr add resource_group NODES='node2,node1' STARTUP='OHN' FALLOVER='FNPN' FALLBACK='NFB' rg3");
        var added = await Ok(runtime, "clmgr sync cluster");
        Assert.Contains("Verifying additional pre-requisites for Dynamic Reconfiguration...", added, StringComparison.Ordinal);
        Assert.Equal(["rg3:ONLINE:node2", "rg3:OFFLINE:node1"], (await Groups(runtime)).Skip(4));
        var node2 = await Markers(runtime, "node2");
        InOrder(node2, [.. DareEvents.Take(3), "EVENT START: rg_move node1 3 ACQUIRE", "EVENT COMPLETED: rg_move node1 3 ACQUIRE 0", .. DareEvents.Skip(3)]);
        Assert.Equal(["rg1:ONLINE:node1", "rg1:OFFLINE:node2", "rg2:ONLINE:node2", "rg2:OFFLINE:node1"], (await Groups(runtime)).Take(4));

        // Changed: rg1's node list now puts node2 first: released on node1 under the old configuration,
        // then acquired on node2 under the new one, its application stopped before it is started.
        await Ok(runtime, "clmgr modify resource_group rg1 NODES='node2,node1'");
        await Ok(runtime, "cldare -rt");
        Assert.Equal(["rg1:ONLINE:node2", "rg1:OFFLINE:node1"], (await Groups(runtime)).Take(2));
        var node1 = (await Markers(runtime, "node1")).SkipWhile(m => m != "EVENT COMPLETED: reconfig_resource_complete node1 0").Skip(1).ToList();
        InOrder(node1,
            "EVENT START: reconfig_resource_release node1",
            "EVENT START: rg_move node1 1 RELEASE",
            "EVENT START: stop_server app1",
            "EVENT COMPLETED: rg_move node1 1 RELEASE 0",
            "EVENT COMPLETED: reconfig_resource_release node1 0",
            "EVENT START: reconfig_resource_acquire node1",
            "EVENT COMPLETED: reconfig_resource_acquire node1 0",
            "EVENT START: reconfig_resource_complete node1",
            "EVENT COMPLETED: reconfig_resource_complete node1 0");
        node2 = (await Markers(runtime, "node2")).SkipWhile(m => m != "EVENT COMPLETED: reconfig_resource_complete node1 0").Skip(1).ToList();
        InOrder(node2,
            "EVENT COMPLETED: reconfig_resource_release node1 0",
            "EVENT START: reconfig_resource_acquire node1",
            "EVENT START: rg_move node1 1 ACQUIRE",
            "EVENT COMPLETED: reconfig_resource_acquire node1 0",
            "EVENT START: reconfig_resource_complete node1",
            "EVENT START: start_server app1",
            "EVENT COMPLETED: reconfig_resource_complete node1 0");
        Assert.Contains(" app1d\n", await Ok(runtime, "ps -ef", "node2"), StringComparison.Ordinal);
        Assert.DoesNotContain(" app1d\n", await Ok(runtime, "ps -ef", "node1"), StringComparison.Ordinal);

        // Removed: rg3 is released where it runs and not acquired anywhere.
        await Ok(runtime, "clmgr delete resource_group rg3");
        await Ok(runtime, "clmgr sync cluster");
        Assert.DoesNotContain(await Groups(runtime), g => g.StartsWith("rg3:", StringComparison.Ordinal));
        node2 = (await Markers(runtime, "node2")).SkipWhile(m => m != "EVENT COMPLETED: reconfig_resource_complete node1 0").Skip(1)
            .SkipWhile(m => m != "EVENT COMPLETED: reconfig_resource_complete node1 0").Skip(1).ToList();
        InOrder(node2, "EVENT START: reconfig_resource_release node1", "EVENT START: rg_move node1 3 RELEASE", "EVENT COMPLETED: reconfig_resource_release node1 0",
            "EVENT START: reconfig_resource_acquire node1");
        Assert.DoesNotContain(node2, m => m.StartsWith("EVENT START: rg_move node1 3 ACQUIRE", StringComparison.Ordinal));
        // The lock is gone once a DARE completes.
        Assert.Equal(1, (await Run(runtime, $"test -f {Stage}", "node1")).ExitCode);
    }

    [Fact]
    public async Task A_DARE_that_fails_leaves_the_lock_later_syncs_refuse_and_clrelease_locks_clears_it()
    {
        await using var runtime = await Started();
        // app1's stop script fails on node1: the release of rg1 fails midway through the DARE.
        await runtime.Simulation!.ChangeWorldAsync(w =>
        {
            w.FindNode("node1")!.Files["/usr/local/ha/app1/stop.sh"].Content = "#!/usr/bin/ksh\nexit 1\n";
            return true;
        }, CancellationToken.None);
        await Ok(runtime, "clmgr modify resource_group rg1 NODES='node2,node1'");
        var failed = await Run(runtime, "clmgr sync cluster");
        Assert.Equal(1, failed.ExitCode);
        Assert.Contains("cldare: Error detected during synchronization.", failed.Stderr, StringComparison.Ordinal);
        Assert.Contains("reconfig_resource_release", failed.Stderr, StringComparison.Ordinal);
        Assert.Equal("ST_RP_FAILED", await ManagerState(runtime, "node1"));
        // The new configuration was not made active; the lock (the staging copy) is on both nodes.
        using (var repo = runtime.OpenRepository())
        {
            Assert.Equal(["node1", "node2"], repo.LoadConfiguration(ClAdmin.Store.ConfigDirectory.Active).ResourceGroups.Single(g => g.Name == "rg1").Nodes);
        }
        await Ok(runtime, $"test -f {Stage}", "node1", "node2");

        // A later synchronization refuses while the lock is held, naming the nodes and the way out.
        var refused = await Run(runtime, "cldare -rt");
        Assert.Equal(1, refused.ExitCode);
        var message = refused.Stderr.ReplaceLineEndings(" ").Replace("  ", " ", StringComparison.Ordinal);
        Assert.Contains("node(s) node1, node2", message, StringComparison.Ordinal);
        Assert.Contains("Release Locks Set By Dynamic Reconfiguration", message, StringComparison.Ordinal);
        Assert.DoesNotContain("reconfig_resource", refused.Stdout, StringComparison.Ordinal);

        // Release Locks Set By Dynamic Reconfiguration (the dialog's command line).
        var released = await Ok(runtime, "clrelease_locks");
        Assert.Contains("released the lock set by dynamic reconfiguration on node node1.", released, StringComparison.Ordinal);
        Assert.Contains("released the lock set by dynamic reconfiguration on node node2.", released, StringComparison.Ordinal);
        Assert.Equal(1, (await Run(runtime, $"test -f {Stage}", "node1")).ExitCode);
        Assert.Equal(2, (await Run(runtime, "clrelease_locks now")).ExitCode);

        // With the script fixed and the failed event skipped, the synchronization runs the DARE to the end.
        await runtime.Simulation.ChangeWorldAsync(w =>
        {
            w.FindNode("node1")!.Files["/usr/local/ha/app1/stop.sh"].Content = w.FindNode("node2")!.Files["/usr/local/ha/app1/stop.sh"].Content;
            return true;
        }, CancellationToken.None);
        await Ok(runtime, "clruncmd node1");
        await Ok(runtime, "clmgr sync cluster");
        Assert.Equal("rg1:ONLINE:node2", (await Groups(runtime)).Single(g => g.StartsWith("rg1:ONLINE", StringComparison.Ordinal)));
    }
}
