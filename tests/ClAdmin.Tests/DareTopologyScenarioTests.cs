namespace ClAdmin.Tests;

/// <summary>
/// Dynamic reconfiguration of the topology (issue 16 §2, semantics §9.4): when a synchronization while
/// services run changes nodes, networks, interfaces or network modules, the running cluster is reconfigured
/// between the release and the acquire: reconfig_resource_release, reconfig_topology_start,
/// reconfig_topology_complete, reconfig_resource_acquire, reconfig_resource_complete. Removing a node whose
/// cluster services are active (§9.4: some changes need services stopped) is refused by verification
/// (R-VER-SERVICES-NODE), naming the node, before any event runs: nothing made active, no lock left.
/// </summary>
public sealed class DareTopologyScenarioTests : DemoScenario
{
    private const string Stage = "/usr/es/sbin/cluster/etc/objrepos/active/cluster.odm.stage";

    [Fact]
    public async Task A_network_added_while_services_run_reconfigures_the_topology_between_release_and_acquire()
    {
        await using var runtime = await Started();
        var world = runtime.Simulation!.World;
        var disk1 = world.FindDisk(world.VolumeGroups.Single(v => v.Name == "datavg").Disks[0])!;
        await Ok(runtime, "clmgr add network TYPE=diskhb net_diskhb_01");
        foreach (var node in new[] { "node1", "node2" })
        {
            await Ok(runtime, $"clmgr add interface NETWORK=net_diskhb_01 NODE={node} INTERFACE=/dev/{disk1.NameOn(node)} {node}_dhb");
        }
        await Ok(runtime, "clmgr sync cluster");

        foreach (var node in new[] { "node1", "node2" })
        {
            InOrder(await Markers(runtime, node),
                "EVENT START: reconfig_resource_release node1",
                "EVENT COMPLETED: reconfig_resource_release node1 0",
                "EVENT START: reconfig_topology_start node1",
                "EVENT COMPLETED: reconfig_topology_start node1 0",
                "EVENT START: reconfig_topology_complete node1",
                "EVENT COMPLETED: reconfig_topology_complete node1 0",
                "EVENT START: reconfig_resource_acquire node1",
                "EVENT COMPLETED: reconfig_resource_complete node1 0");
        }
        // The new ring heartbeats at once; the groups stay where they were.
        Assert.Contains("\nnet_diskhb_01_0 ", await Ok(runtime, "lssrc -ls topsvcs", "node2"), StringComparison.Ordinal);
        Assert.Equal(["rg1:ONLINE:node1", "rg1:OFFLINE:node2", "rg2:ONLINE:node2", "rg2:OFFLINE:node1"], await Groups(runtime));
        Assert.Equal(1, (await Run(runtime, $"test -f {Stage}", "node1")).ExitCode);
    }

    [Fact]
    public async Task A_group_change_alone_runs_no_topology_event()
    {
        await using var runtime = await Started();
        await Ok(runtime, "clmgr modify resource_group rg2 FALLBACK=FBHPN");
        await Ok(runtime, "clmgr sync cluster");
        Assert.DoesNotContain(await Markers(runtime, "node1"), m => m.Contains("reconfig_topology", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Removing_a_node_whose_services_are_active_is_refused_naming_it_and_nothing_is_made_active()
    {
        await using var runtime = await Started();
        await Ok(runtime, "clmgr modify resource_group rg1 NODES=node1");
        await Ok(runtime, "clmgr modify resource_group rg2 NODES=node1");
        await Ok(runtime, "clmgr modify volume_group NODES=node1 datavg");
        await Ok(runtime, "clmgr modify volume_group NODES=node1 appvg");
        foreach (var label in new[] { "node2_boot1", "node2_boot2", "node2_hb" })
        {
            await Ok(runtime, $"clmgr delete interface {label}");
        }
        await Ok(runtime, "clmgr delete node node2");
        var acd = await Ok(runtime, "ODMDIR=/usr/es/sbin/cluster/etc/objrepos/active odmget HACMPnode");

        var r = await Run(runtime, "clmgr sync cluster");
        Assert.NotEqual(0, r.ExitCode);
        var words = System.Text.RegularExpressions.Regex.Replace(r.Stderr, @"\s+", " "); // clverify wraps its messages
        Assert.Contains("Cluster services are active on node node2", words, StringComparison.Ordinal);
        Assert.Contains("the node cannot be removed from the cluster while they run", words, StringComparison.Ordinal);
        Assert.Equal(acd, await Ok(runtime, "ODMDIR=/usr/es/sbin/cluster/etc/objrepos/active odmget HACMPnode"));
        Assert.DoesNotContain(await Markers(runtime, "node1"), m => m.Contains("reconfig_", StringComparison.Ordinal));
        Assert.Equal(1, (await Run(runtime, $"test -f {Stage}", "node1")).ExitCode);
        Assert.Equal(["rg1:ONLINE:node1", "rg1:OFFLINE:node2", "rg2:ONLINE:node2", "rg2:OFFLINE:node1"], await Groups(runtime));
    }
}
