using ClAdmin.Contracts;
using ClAdmin.Exec.Clmgr;
using ClAdmin.Exec.Cspoc;
using ClAdmin.Exec.Discovery;
using ClAdmin.Exec.Dispatch;
using ClAdmin.Exec.FanOut;
using ClAdmin.Exec.Tests.Cspoc;
using ClAdmin.Exec.Utilities;
using ClAdmin.Sim;
using ClAdmin.Sim.Faults;
using ClAdmin.Sim.Model;
using ClAdmin.Sim.Shell;
using ClAdmin.Store;
using Microsoft.Data.Sqlite;

namespace ClAdmin.Exec.Tests.Discovery;

/// <summary>clrsh_discover through the real dispatcher and fan-out engine, on simulated nodes
/// (WorldBuilder: node1..node3, en0 192.168.100.N boot1 etc.), into a real SQLite repository.</summary>
public sealed class DiscoveryTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cladmin-discover-").FullName;
    private readonly SimWorld _world = WorldBuilder.Build(new WorldOptions(3, 4, Seed: 7));
    private readonly Dispatcher _dispatcher;

    public DiscoveryTests()
    {
        var engine = new FanOutEngine(new SimWorldTransport(_world), new MemoryCommandLog());
        var nodes = new FixedClusterNodes("node1", "node2", "node3");
        var discovery = new DiscoveryHandler(engine, nodes, Open);
        _dispatcher = new Dispatcher([.. CspocHandlers.Create(engine, nodes), discovery,
            new ClmgrHandler(Open, new SnapshotRepository(Path.Combine(_dir, "snapshots")), discovery.DiscoverAsync),
            .. UtilityHandlers.Create(Open, StoppedClusterState.Instance)], engine,
            new DispatcherOptions { LocalNode = "node1" });
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private ObjectRepository Open() => ObjectRepository.Open(Path.Combine(_dir, "cladmin.db"));

    private Task<CommandResult> Run(string line) => _dispatcher.RunAsync(new CommandRequest(line, ""), CancellationToken.None);

    private NodeDiscovery Stored(string node)
    {
        using var repo = Open();
        return repo.LoadDiscovery().Single(n => n.Node == node);
    }

    [Fact]
    public async Task Every_node_is_discovered_and_stored()
    {
        var pvid = _world.FindDisk("lun01")!.Pvid;
        Assert.Equal(0, (await Run($"cl_mkvg -cspoc \"-n node1,node2,node3\" -y datavg -s 64 -V 60 -C {pvid}")).ExitCode);

        // Enhanced concurrent: C-SPOC leaves it varied off everywhere; its details are read where it is on.
        Assert.Equal(0, SimShell.Execute(_world, "node1", "varyonvg datavg").ExitCode);

        var r = await Run("clrsh_discover");

        Assert.True(r.ExitCode == 0, r.Stdout + r.Stderr);
        Assert.Contains("Discovering IP Network Connectivity\n", r.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("Discovery completed normally\n", r.Stdout, StringComparison.Ordinal);
        var node2 = Stored("node2");
        var en0 = _world.FindNode("node2")!.Interfaces[0];
        Assert.Contains(new DiscoveredInterface(en0.Name, en0.Addresses[0].Address, en0.Addresses[0].Netmask), node2.Interfaces);
        Assert.Contains(new DiscoveredHost(en0.Addresses[0].Address, "node2_boot1"), node2.Hosts);
        Assert.DoesNotContain(node2.Hosts, h => h.Label == "loopback");
        var hdisk = _world.FindDisk("lun01")!.NameOn("node2")!;
        Assert.Contains(new DiscoveredDisk(hdisk, pvid!, "datavg"), node2.Disks);
        Assert.Equal(new DiscoveredVolumeGroup("datavg", 64, 60, true, true), Stored("node1").VolumeGroups.Single(v => v.Name == "datavg"));
        // lsvg cannot describe a group varied off: node2 knows its name and (getlvodm -d) its major number only.
        Assert.Equal(new DiscoveredVolumeGroup("datavg", 0, 60, false, false), node2.VolumeGroups.Single(v => v.Name == "datavg"));
        Assert.Contains($"        Hdisk:          {hdisk}\n        PVID:           {pvid}\n        VGname:         datavg\n        VGmajor:        60\n", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_node_down_is_named_keeps_its_old_data_and_the_others_are_stored()
    {
        Assert.Equal(0, (await Run("clrsh_discover")).ExitCode);
        var before = Stored("node2");
        _world.FindNode("node1")!.Interfaces[0].Addresses.Add(new IpAddress { Address = "10.10.10.1", Netmask = "255.255.255.0" });
        Assert.True(SimFaults.Fail(_world, "node", "node2").Ok);

        var r = await Run("clrsh_discover");

        Assert.Equal(1, r.ExitCode);
        Assert.Contains("clrsh_discover: unable to reach node node2; its previous discovery data was kept.\n", r.Stderr, StringComparison.Ordinal);
        Assert.EndsWith("Discovery completed with errors on node2\n", r.Stdout, StringComparison.Ordinal);
        Assert.Equal(NodeOutcome.Unreachable, r.Nodes.Single(n => n.Node == "node2").Outcome);
        Assert.Equal(before.Interfaces, Stored("node2").Interfaces);
        Assert.Contains(Stored("node1").Interfaces, i => i.Address == "10.10.10.1");
    }

    [Fact]
    public async Task With_no_cluster_nodes_it_is_a_usage_error()
    {
        var engine = new FanOutEngine(new SimWorldTransport(_world), new MemoryCommandLog());
        var d = new Dispatcher([new DiscoveryHandler(engine, new FixedClusterNodes(), Open)], engine, new DispatcherOptions { LocalNode = "node1" });
        var r = await d.RunAsync(new CommandRequest("clrsh_discover", ""), CancellationToken.None);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("no cluster nodes are defined", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Adding_the_cluster_discovers_its_nodes_and_labels_then_resolve_for_cllsif()
    {
        Assert.True(SimFaults.Fail(_world, "node", "node3").Ok);

        var add = await Run("clmgr add cluster NODES=node1,node2,node3 c1");

        // node3 cannot be reached: a warning, the cluster is defined all the same.
        Assert.True(add.ExitCode == 0, add.Stderr);
        Assert.Contains("clrsh_discover: unable to reach node node3", add.Stderr, StringComparison.Ordinal);
        Assert.Contains("WARNING: discovery did not complete on every node", add.Stderr, StringComparison.Ordinal);
        using (var repo = Open())
        {
            Assert.Equal(["node1", "node2"], repo.LoadDiscovery().Select(n => n.Node));
        }
        // The standard path defined the networks and boot interfaces of the nodes discovered (node2_boot1 among them).
        var refused = await Run("clmgr add interface NETWORK=net_ether_01 NODE=node2 INTERFACE=en1 nosuch_boot");
        Assert.Contains("\"nosuch_boot\" cannot be resolved: it is not in /etc/hosts on node2.", refused.Stderr, StringComparison.Ordinal);

        var cllsif = await Run("cllsif -c");

        var address = _world.FindNode("node2")!.Interfaces[0].Addresses[0].Address;
        Assert.Contains($"node2_boot1:boot:net_ether_01:ether:public:node2:{address}:", cllsif.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("nosuch_boot", cllsif.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(":node3:", cllsif.Stdout, StringComparison.Ordinal);
    }
}
