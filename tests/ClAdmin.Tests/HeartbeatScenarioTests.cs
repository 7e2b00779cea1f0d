using System.Text.RegularExpressions;
using ClAdmin.Contracts;
using ClAdmin.Sim.Faults;

namespace ClAdmin.Tests;

/// <summary>
/// Heartbeats and failure detection (issue 16 §1; semantics §7.4–§7.7, R-DETECT) on the demo cluster,
/// through the runtime's dispatcher and `sim fail|repair` as the command runs them: a node crash vs the loss
/// of every IP network with a disk heartbeat left (network_down, no node_down) vs a true partition (each side
/// runs node_down for the other; when the sides hear each other again one is halted); the missed heartbeat
/// counters of lssrc -ls topsvcs; dhb_read between two nodes; the deadman switch of a hung node.
/// A node cut off from every network cannot be reached from the workstation, so its logs are read from the world.
/// </summary>
public sealed partial class HeartbeatScenarioTests : DemoScenario
{
    private static async Task<CommandResult> Fault(Runtime runtime, string verb, string kind, string target)
    {
        var r = await runtime.ClusterServices!.FaultAsync(verb, w => (verb == "fail" ? SimFaults.Fail(w, kind, target) : SimFaults.Repair(w, kind, target)) is var f ? (f.Ok, f.Message) : default, CancellationToken.None);
        Assert.True(r.ExitCode == 0, $"sim {verb} {kind} {target}: rc {r.ExitCode}\n{r.Stdout}\n{r.Stderr}");
        return r;
    }

    /// <summary>The EVENT lines of a node's hacmp.out, read from the world, without their time stamps.</summary>
    private static List<string> WorldMarkers(Runtime runtime, string node) =>
        [.. runtime.Simulation!.World.FindNode(node)!.Files["/tmp/hacmp.out"].Content.Split('\n')
            .Where(l => l.Contains(" EVENT ", StringComparison.Ordinal)).Select(l => l[16..])];

    /// <summary>The time of day of the first hacmp.out line of <paramref name="node"/> ending with <paramref name="text"/>.</summary>
    private static TimeSpan MarkerTime(Runtime runtime, string node, string text) =>
        TimeSpan.Parse(FileOf(runtime, node, "/tmp/hacmp.out")!.Split('\n').First(l => l.EndsWith(text, StringComparison.Ordinal))[7..15], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>When the fault of <paramref name="kind"/> on <paramref name="target"/> in force began (time of day).</summary>
    private static TimeSpan FaultTime(Runtime runtime, string kind, string target) =>
        runtime.Simulation!.World.Faults.Single(f => f.Kind == kind && f.Target == target).Since.TimeOfDay;

    private static string? FileOf(Runtime runtime, string node, string path) =>
        runtime.Simulation!.World.FindNode(node)!.Files.TryGetValue(path, out var f) ? f.Content : null;

    /// <summary>The hdisk name on <paramref name="node"/> of the disk that holds datavg (an enhanced concurrent VG of the demo).</summary>
    private static string DatavgDisk(Runtime runtime, string node)
    {
        var world = runtime.Simulation!.World;
        var vg = world.VolumeGroups.Single(v => v.Name == "datavg");
        return world.FindDisk(vg.Disks[0])!.NameOn(node)!;
    }

    /// <summary>The demo with a disk heartbeat network on datavg's disk (semantics §7.6), synchronized, services started.</summary>
    private async Task<Runtime> StartedWithDiskHeartbeat()
    {
        var runtime = await Demo();
        await Ok(runtime, "clmgr add network TYPE=diskhb net_diskhb_01");
        foreach (var node in new[] { "node1", "node2" })
        {
            await Ok(runtime, $"clmgr add interface NETWORK=net_diskhb_01 NODE={node} INTERFACE=/dev/{DatavgDisk(runtime, node)} {node}_dhb");
        }
        await Ok(runtime, "clmgr sync cluster");
        await Ok(runtime, StartLine);
        return runtime;
    }

    [Fact]
    public async Task R_DETECT_losing_every_IP_network_with_a_disk_heartbeat_left_is_network_down_and_no_node_down()
    {
        await using var runtime = await StartedWithDiskHeartbeat();
        await Fault(runtime, "fail", "network", "net_ether_01");
        await Fault(runtime, "fail", "network", "net_ether_02");

        foreach (var node in new[] { "node1", "node2" })
        {
            var markers = WorldMarkers(runtime, node);
            InOrder(markers,
                "EVENT START: network_down -1 net_ether_01",
                "EVENT COMPLETED: network_down -1 net_ether_01 0",
                "EVENT START: network_down -1 net_ether_03",
                "EVENT COMPLETED: network_down -1 net_ether_03 0");
            Assert.DoesNotContain(markers, m => m.StartsWith("EVENT START: node_down", StringComparison.Ordinal));
        }
        var world = runtime.Simulation!.World;
        Assert.True(world.FindNode("node1")!.Up && world.FindNode("node2")!.Up);
        Assert.Equal(["rg1:node1:ONLINE", "rg2:node2:ONLINE"], world.Cluster.Groups.Select(g => $"{g.Group}:{g.Node}:{g.State}").Order().ToList());
    }

    [Fact]
    public async Task R_DETECT_a_node_crash_with_a_disk_heartbeat_is_still_a_node_down_after_every_path_times_out()
    {
        await using var runtime = await StartedWithDiskHeartbeat();
        await Fault(runtime, "fail", "node", "node1");
        InOrder(await Markers(runtime, "node2"), "EVENT START: node_down node1", "EVENT COMPLETED: node_down_complete node1 0");
        // Every path must time out: ether's 20 s, the longest of node1's networks (diskhb 16 s), §7.5.
        Assert.Equal(FaultTime(runtime, "node", "node1") + TimeSpan.FromSeconds(20), MarkerTime(runtime, "node2", "EVENT START: node_down node1"));
        Assert.Equal("rg1:ONLINE:node2", (await Groups(runtime))[1]);
    }

    [Fact]
    public async Task R_DETECT_a_true_partition_makes_each_side_take_the_other_for_failed_and_the_merge_halts_one()
    {
        await using var runtime = await Started();
        await Fault(runtime, "fail", "network", "net_ether_01");
        // No disk heartbeat: losing the last IP network cuts every path between live nodes.
        await Fault(runtime, "fail", "network", "net_ether_02");

        var one = WorldMarkers(runtime, "node1");
        var two = WorldMarkers(runtime, "node2");
        InOrder(one, "EVENT START: network_down -1 net_ether_01", "EVENT START: node_down node2", "EVENT COMPLETED: node_down_complete node2 0");
        InOrder(two, "EVENT START: network_down -1 net_ether_01", "EVENT START: node_down node1", "EVENT COMPLETED: node_down_complete node1 0");
        // Each side runs the node_down of the other alone; a total loss is no network event (R-DETECT).
        Assert.DoesNotContain(one, m => m.Contains("node_down node1", StringComparison.Ordinal) || m.Contains("net_ether_03", StringComparison.Ordinal));
        Assert.DoesNotContain(two, m => m.Contains("node_down node2", StringComparison.Ordinal) || m.Contains("net_ether_03", StringComparison.Ordinal));
        // Noticed once every path timed out (ether, 20 s): the first of the two node_down events starts then.
        Assert.Equal(FaultTime(runtime, "network", "net_ether_02") + TimeSpan.FromSeconds(20), MarkerTime(runtime, "node2", "EVENT START: node_down node1"));
        var world = runtime.Simulation!.World;
        // Both nodes live on; the service network is down everywhere, so neither side can take the other's group (R-PLACE).
        Assert.True(world.FindNode("node1")!.Up && world.FindNode("node2")!.Up);
        Assert.Equal(["rg1:node1:ONLINE", "rg2:node2:ONLINE"], world.Cluster.Groups.Select(g => $"{g.Group}:{g.Node}:{g.State}").Order().ToList());

        // The partition heals: node1's side stays (a tie: the side of the first node), node2 is halted, and node1 notices it down.
        await Fault(runtime, "repair", "network", "net_ether_02");
        world = runtime.Simulation!.World;
        Assert.False(world.FindNode("node2")!.Up);
        Assert.Contains("GS_DOM_MERGE_ER: node2: ", FileOf(runtime, "node2", "/tmp/hacmp.out"), StringComparison.Ordinal);
        Assert.Equal(["rg1:node1:ONLINE"], world.Cluster.Groups.Select(g => $"{g.Group}:{g.Node}:{g.State}").Order().ToList());
        Assert.Equal(2, WorldMarkers(runtime, "node1").Count(m => m == "EVENT START: node_down node2"));
    }

    /// <summary>The block of one ring in lssrc -ls topsvcs: its two ring lines, tuning, missed counters.</summary>
    private static async Task<(string Ring, string Adapter, long Total, long Current)> Ring(Runtime runtime, string node, string ring)
    {
        var lines = (await Ok(runtime, "lssrc -ls topsvcs", node)).Split('\n');
        Assert.Equal("Subsystem         Group            PID          Status ", lines[0]);
        Assert.StartsWith(" topsvcs          topsvcs          ", lines[1], StringComparison.Ordinal);
        Assert.Equal("Network Name   Indx Defd  Mbrs  St   Adapter ID      Group ID", lines[2]);
        var at = Array.FindIndex(lines, l => l.StartsWith(ring + " ", StringComparison.Ordinal));
        Assert.True(at > 0, $"no ring {ring} in:\n{string.Join('\n', lines)}");
        Assert.Equal("HB Interval = 1.000 secs. Sensitivity = 10 missed beats", lines[at + 2]);
        var m = MissedLine().Match(lines[at + 3]);
        Assert.True(m.Success, lines[at + 3]);
        return (lines[at], lines[at + 1], long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), long.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"^Missed HBs: Total: (\d+) Current group: (\d+)$")]
    private static partial Regex MissedLine();

    [Fact]
    public async Task Missed_heartbeat_counters_grow_while_a_fault_lasts_and_stop_after_repair()
    {
        await using var runtime = await Started();
        var before = await Ring(runtime, "node2", "net_ether_03_0");
        Assert.Matches(@"^net_ether_03_0 \[ 2\]    2     2  S    203\.0\.113\.140 +203\.0\.113\.140$", before.Ring);
        Assert.StartsWith("net_ether_03_0 [ 2] en2              0x", before.Adapter, StringComparison.Ordinal);
        Assert.Equal((0L, 0L), (before.Total, before.Current));

        await Fault(runtime, "fail", "interface", "node1:en2");
        var during = await Ring(runtime, "node2", "net_ether_03_0");
        Assert.Matches(@"^net_ether_03_0 \[ 2\]    2     1  S    203\.0\.113\.140 +203\.0\.113\.140$", during.Ring);
        Assert.True(during.Total >= 20 && during.Current == during.Total, $"{during.Total} {during.Current}");
        await runtime.ClusterServices!.AdvanceAsync(TimeSpan.FromSeconds(30), "30s", CancellationToken.None);
        var later = await Ring(runtime, "node2", "net_ether_03_0");
        Assert.Equal(during.Total + 30, later.Total); // one a second (ether, Normal rate)

        await Fault(runtime, "repair", "interface", "node1:en2");
        var repaired = await Ring(runtime, "node2", "net_ether_03_0");
        Assert.Equal(0, repaired.Current);
        await runtime.ClusterServices.AdvanceAsync(TimeSpan.FromSeconds(60), "60s", CancellationToken.None);
        var after = await Ring(runtime, "node2", "net_ether_03_0");
        Assert.Equal((repaired.Total, 0L), (after.Total, after.Current));
        Assert.True(after.Total >= later.Total);
        Assert.Matches(@"^net_ether_03_0 \[ 2\]    2     2  S ", after.Ring);
    }

    [Fact]
    public async Task Lssrc_grpsvcs_shows_the_domain_and_its_providers()
    {
        await using var runtime = await Started();
        var lines = (await Ok(runtime, "lssrc -ls grpsvcs", "node2")).Split('\n');
        Assert.StartsWith(" grpsvcs          grpsvcs          ", lines[1], StringComparison.Ordinal);
        Assert.Contains("HA Group Services domain information:", lines);
        Assert.Contains("Domain established by node 1", lines);
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^CLSTRMGR_\d+ +2 +1 +0$"));
        Assert.Contains("Dead Man Switch Enabled", lines);
        await Ok(runtime, "lssrc -ls topsvcs", "node1");
        await Ok(runtime, "clmgr offline node node1");
        var inactive = await Run(runtime, "lssrc -ls topsvcs", "node1");
        Assert.Equal(1, inactive.ExitCode);
        Assert.Contains("0513-036", inactive.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dhb_read_tests_the_disk_heartbeat_between_two_nodes_on_a_shared_disk_only()
    {
        await using var runtime = await Demo();
        var receive = await Ok(runtime, $"/usr/sbin/rsct/bin/dhb_read -p {DatavgDisk(runtime, "node1")} -r", "node1");
        Assert.Contains("Receive Mode:\nWaiting for response . . .\n", receive, StringComparison.Ordinal);
        Assert.DoesNotContain("Link operating normally", receive, StringComparison.Ordinal);
        Assert.Contains("dhb_read -p ", await Ok(runtime, "ps -ef", "node1"), StringComparison.Ordinal);
        var transmit = await Ok(runtime, $"/usr/sbin/rsct/bin/dhb_read -p {DatavgDisk(runtime, "node2")} -t", "node2");
        Assert.Contains("Transmit Mode:\nDetected remote utility in receive mode.  Waiting for response . . .\n", transmit, StringComparison.Ordinal);
        Assert.EndsWith("Link operating normally\n", transmit, StringComparison.Ordinal);
        Assert.DoesNotContain("dhb_read", await Ok(runtime, "ps -ef", "node1"), StringComparison.Ordinal);

        // hdisk0 is each node's own rootvg disk: no partner shares it, so no link, on either side.
        Assert.DoesNotContain("Link operating normally", await Ok(runtime, "/usr/sbin/rsct/bin/dhb_read -p hdisk0 -r", "node1"), StringComparison.Ordinal);
        Assert.DoesNotContain("Link operating normally", await Ok(runtime, "/usr/sbin/rsct/bin/dhb_read -p hdisk0 -t", "node2"), StringComparison.Ordinal);
        var missing = await Run(runtime, "/usr/sbin/rsct/bin/dhb_read -p hdisk99 -r", "node1");
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("/dev/rhdisk99", missing.Stderr, StringComparison.Ordinal);
        var usage = await Run(runtime, "/usr/sbin/rsct/bin/dhb_read -p hdisk2", "node1");
        Assert.Equal(2, usage.ExitCode);
        Assert.Contains("Usage: dhb_read -p devicename -r | -t", usage.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_deadman_switch_halts_a_hung_node_and_logs_it_then_its_peer_takes_over()
    {
        await using var runtime = await Started();
        await Fault(runtime, "fail", "hang", "node1");

        var world = runtime.Simulation!.World;
        Assert.False(world.FindNode("node1")!.Up);
        var log = FileOf(runtime, "node1", "/tmp/dms_loads.out");
        Assert.NotNull(log);
        Assert.Contains("node1: deadman switch not reset for 20 seconds", log, StringComparison.Ordinal);
        InOrder(await Markers(runtime, "node2"), "EVENT START: node_down node1", "EVENT COMPLETED: node_down_complete node1 0");
        Assert.Equal("rg1:ONLINE:node2", (await Groups(runtime))[1]);
        // The switch trips 20 s after the hang (outputs §5.3); node2 missed node1's heartbeats since the hang (ether: 20 s).
        Assert.Equal(FaultTime(runtime, "node", "node1") + TimeSpan.FromSeconds(20), MarkerTime(runtime, "node2", "EVENT START: node_down node1"));
        await Fault(runtime, "repair", "node", "node1");
        Assert.True(runtime.Simulation!.World.FindNode("node1")!.Up);
    }
}
