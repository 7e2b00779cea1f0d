using ClAdmin.Sim.Faults;
using ClAdmin.Testing;

namespace ClAdmin.Tests;

/// <summary>
/// Split brain (issue 16 §1; semantics §7.7, R-DETECT): a true partition in which each side keeps a working
/// interface on the service network. The heartbeat rings are per boot interface (§7.4: en0 with en0, en1 with
/// en1), so when node1 loses en1 and node2 loses en0 they no longer hear each other on net_ether_01 although each
/// still has an interface there; losing the heartbeat network (en2) too cuts every path. Each side then takes the
/// other for failed and, as HACMP 5.x does, acquires the other's groups: both service addresses are on both
/// nodes. When the sides hear each other again, one is halted: the smaller side, on a tie the side without the
/// cluster's first node [RECONSTRUCTED, semantics open question 8].
/// </summary>
public sealed class SplitBrainScenarioTests : DemoScenario
{
    private static async Task Fault(Runtime runtime, string verb, string kind, string target)
    {
        var r = await runtime.ClusterServices!.FaultAsync(verb, w => (verb == "fail" ? SimFaults.Fail(w, kind, target) : SimFaults.Repair(w, kind, target)) is var f ? (f.Ok, f.Message) : default, CancellationToken.None);
        Assert.True(r.ExitCode == 0, $"sim {verb} {kind} {target}: rc {r.ExitCode}\n{r.Stdout}\n{r.Stderr}");
    }

    private static List<string> Placement(Runtime runtime) =>
        [.. runtime.Simulation!.World.Cluster.Groups.Select(g => $"{g.Group}:{g.Node}:{g.State}").Order(StringComparer.Ordinal)];

    private static List<string> Addresses(Runtime runtime, string node) =>
        [.. runtime.Simulation!.World.FindNode(node)!.Interfaces.Where(n => n.Up).SelectMany(n => n.Addresses).Select(a => a.Address)];

    private static List<string> WorldMarkers(Runtime runtime, string node) =>
        [.. runtime.Simulation!.World.FindNode(node)!.Files["/tmp/hacmp.out"].Content.Split('\n')
            .Where(l => l.Contains(" EVENT ", StringComparison.Ordinal)).Select(l => l[16..])];

    [Fact]
    public async Task R_DETECT_each_side_of_a_partition_with_a_service_path_acquires_the_others_groups_and_the_merge_halts_one()
    {
        await using var runtime = await Started();
        await Fault(runtime, "fail", "interface", "node1:en1");
        await Fault(runtime, "fail", "interface", "node2:en0");
        // Still one cluster: the nodes hear each other on net_ether_03 (en2).
        Assert.Equal(["rg1:node1:ONLINE", "rg2:node2:ONLINE"], Placement(runtime));
        await Fault(runtime, "fail", "network", "net_ether_02");

        InOrder(WorldMarkers(runtime, "node1"), "EVENT START: node_down node2", "EVENT COMPLETED: node_down_complete node2 0");
        InOrder(WorldMarkers(runtime, "node2"), "EVENT START: node_down node1", "EVENT COMPLETED: node_down_complete node1 0");
        var world = runtime.Simulation!.World;
        Assert.True(world.FindNode("node1")!.Up && world.FindNode("node2")!.Up);
        // Each side took the other's group over (FNPN: it is the next node of the list it sees up).
        Assert.Equal(["rg1:node1:ONLINE", "rg1:node2:ONLINE", "rg2:node1:ONLINE", "rg2:node2:ONLINE"], Placement(runtime));
        // Duplicate addresses: both service labels (app1_svc 203.0.113.21, app2_svc 203.0.113.22) on both nodes.
        Assert.Contains("203.0.113.21", Addresses(runtime, "node1"));
        Assert.Contains("203.0.113.22", Addresses(runtime, "node1"));
        Assert.Contains("203.0.113.21", Addresses(runtime, "node2"));
        Assert.Contains("203.0.113.22", Addresses(runtime, "node2"));
        // Both applications run on both sides.
        Assert.All(new[] { "node1", "node2" }, n => Assert.Equal(2, world.FindNode(n)!.Processes.Count(p => p.Command is "app1d" or "app2d")));

        // The heartbeat network comes back: a tie, node1's side stays, node2 is halted, and node1 notices it down.
        await Fault(runtime, "repair", "network", "net_ether_02");
        world = runtime.Simulation!.World;
        Assert.False(world.FindNode("node2")!.Up);
        Assert.True(world.FindNode("node1")!.Up);
        Assert.Equal(["rg1:node1:ONLINE", "rg2:node1:ONLINE"], Placement(runtime));
    }

    [Fact]
    public async Task R_DETECT_when_a_three_node_partition_heals_the_smaller_side_is_halted()
    {
        var init = CladminProcess.Run(["--db", Db, "sim", "init", "--nodes", "3", "--demo"], null, null);
        Assert.True(init.ExitCode == 0, init.Stdout + init.Stderr);
        await using var runtime = await Demo();
        await Ok(runtime, StartLine);
        Assert.Equal(["rg1:node1:ONLINE", "rg2:node2:ONLINE"], Placement(runtime));

        // node3 keeps en1 on the service network, but no peer beats on en1 (node1, node2 lost it) and node3 lost en0:
        // alone on every ring once its en2 goes too.
        await Fault(runtime, "fail", "interface", "node1:en1");
        await Fault(runtime, "fail", "interface", "node2:en1");
        await Fault(runtime, "fail", "interface", "node3:en0");
        await Fault(runtime, "fail", "interface", "node3:en2");

        Assert.Contains("EVENT COMPLETED: node_down_complete node1 0", WorldMarkers(runtime, "node3"));
        Assert.Contains("EVENT COMPLETED: node_down_complete node2 0", WorldMarkers(runtime, "node3"));
        InOrder(WorldMarkers(runtime, "node1"), "EVENT START: node_down node3", "EVENT COMPLETED: node_down_complete node3 0");
        Assert.Equal(["rg1:node1:ONLINE", "rg1:node3:ONLINE", "rg2:node2:ONLINE", "rg2:node3:ONLINE"], Placement(runtime));

        // node3 hears the others again: the smaller side (node3 alone) is halted, whoever holds the first node.
        await Fault(runtime, "repair", "interface", "node3:en2");
        var world = runtime.Simulation!.World;
        Assert.False(world.FindNode("node3")!.Up);
        Assert.True(world.FindNode("node1")!.Up && world.FindNode("node2")!.Up);
        Assert.Contains("GS_DOM_MERGE_ER: node3: ", world.FindNode("node3")!.Files["/tmp/hacmp.out"].Content, StringComparison.Ordinal);
        Assert.Equal(["rg1:node1:ONLINE", "rg2:node2:ONLINE"], Placement(runtime));
    }
}
