using ClAdmin.Store;
using Microsoft.Data.Sqlite;

namespace ClAdmin.Store.Tests;

/// <summary>Discovery data in the repository: per node, replaced as a whole, kept across reopening.</summary>
public sealed class DiscoveryStoreTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cladmin-discovery-").FullName;

    private string Db => Path.Combine(_dir, "cladmin.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private static NodeDiscovery Node1(string vg) => new("node1",
        [new DiscoveredInterface("en0", "192.168.100.1", "255.255.255.0")],
        [new DiscoveredHost("192.168.100.1", "node1_boot1")],
        [new DiscoveredDisk("hdisk1", "00c6f1d2a1b2c3d4", vg)],
        [new DiscoveredVolumeGroup(vg, 64, 50, true, false)]);

    [Fact]
    public void A_node_discovered_again_replaces_its_previous_data_and_keeps_the_others()
    {
        using (var repo = ObjectRepository.Open(Db))
        {
            repo.ReplaceDiscovery(Node1("datavg"));
            repo.ReplaceDiscovery(new NodeDiscovery("node2", [], [new DiscoveredHost("192.168.100.2", "node2_boot1")], [], []));
            repo.ReplaceDiscovery(Node1("appvg"));
        }
        using var again = ObjectRepository.Open(Db);
        var all = again.LoadDiscovery();
        Assert.Equal(["node1", "node2"], all.Select(n => n.Node));
        Assert.Equal([new DiscoveredVolumeGroup("appvg", 64, 50, true, false)], all[0].VolumeGroups);
        Assert.Equal([new DiscoveredDisk("hdisk1", "00c6f1d2a1b2c3d4", "appvg")], all[0].Disks);
        Assert.Equal([new DiscoveredInterface("en0", "192.168.100.1", "255.255.255.0")], all[0].Interfaces);
        Assert.Equal([new DiscoveredHost("192.168.100.2", "node2_boot1")], all[1].Hosts);
    }
}
