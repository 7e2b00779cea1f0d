using ClAdmin.Contracts;
using ClAdmin.Exec.Clmgr;
using ClAdmin.Exec.Dispatch;
using ClAdmin.Shell;
using ClAdmin.Store;
using Microsoft.Data.Sqlite;

namespace ClAdmin.Exec.Tests.Clmgr;

/// <summary>clmgr reading discovery data: the pick lists (query volume_group, query interface
/// DISCOVERED=true) and label resolution through the discovered /etc/hosts.</summary>
public sealed class ClmgrDiscoveryTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cladmin-clmgr-disc-").FullName;
    private readonly ClmgrHandler _clmgr;

    public ClmgrDiscoveryTests()
    {
        _clmgr = new ClmgrHandler(Open, new SnapshotRepository(Path.Combine(_dir, "snapshots")));
        using var repo = Open();
        foreach (var (node, n) in new[] { ("n1", 1), ("n2", 2) })
        {
            repo.ReplaceDiscovery(new NodeDiscovery(node,
                [new DiscoveredInterface("en0", $"192.168.100.{n}", "255.255.255.0")],
                [new DiscoveredHost($"192.168.100.{n}", $"{node}_boot"), new DiscoveredHost("192.168.100.50", "svc1")],
                [new DiscoveredDisk("hdisk0", $"00c0ffee0000000{n}", "rootvg"), new DiscoveredDisk($"hdisk{n}", "00c6f1d2a1b2c3d4", "datavg")],
                [new DiscoveredVolumeGroup("rootvg", 32, 10, false, true), new DiscoveredVolumeGroup("datavg", n == 1 ? 64 : 0, 0, n == 1, n == 1)]));
        }
        Ok("clmgr add cluster NODES=n1,n2 demo");
        Ok("clmgr add network TYPE=ether NETMASK=255.255.255.0 net_ether_01");
    }

    private ObjectRepository Open() => ObjectRepository.Open(Path.Combine(_dir, "cladmin.db"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private CommandResult Run(string line)
    {
        var words = ShellWords.Split(line);
        return _clmgr.RunAsync(new CommandInvocation(line, "clmgr", words.Skip(1).ToList(), "", "n1"), CancellationToken.None).Result;
    }

    private void Ok(string line)
    {
        var r = Run(line);
        Assert.True(r.ExitCode == 0, $"{line}\n{r.Stderr}");
    }

    private string Odm()
    {
        using var repo = Open();
        return ClAdmin.Cluster.Odm.OdmStanza.Format(repo.GetObjects(ConfigDirectory.Default));
    }

    [Fact]
    public void Query_volume_group_lists_the_discovered_shared_groups_with_what_discovery_read()
    {
        Assert.Equal("datavg\n", Run("clmgr query volume_group").Stdout);
        var r = Run("clmgr query volume_group datavg");
        Assert.Contains("NODES=\"n1 n2\"", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("PHYSICAL_VOLUMES=\"00c6f1d2a1b2c3d4\"", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("PPART_SIZE=\"64\"", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("CONCURRENT_ACCESS=\"yes\"", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Query_interface_discovered_lists_the_unconfigured_interfaces_by_label()
    {
        Ok("clmgr add interface NETWORK=net_ether_01 NODE=n1 INTERFACE=en0 ADDRESS=192.168.100.1 n1_boot");
        Assert.Equal("n2_boot\n", Run("clmgr query interface DISCOVERED=true").Stdout);
        Assert.Equal("n1_boot\n", Run("clmgr query interface").Stdout);
    }

    [Fact]
    public void A_label_without_address_gets_the_address_of_its_nodes_hosts_file()
    {
        Ok("clmgr add interface NETWORK=net_ether_01 NODE=n2 INTERFACE=en0 n2_boot");
        Ok("clmgr add service_ip NETWORK=net_ether_01 svc1");
        Assert.Contains("ADDRESS=\"192.168.100.2\"", Run("clmgr query interface n2_boot").Stdout, StringComparison.Ordinal);
        Assert.Contains("ADDRESS=\"192.168.100.50\"", Run("clmgr query service_ip svc1").Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_label_is_refused_naming_label_and_nodes_and_nothing_is_stored()
    {
        var before = Odm();
        var r = Run("clmgr add interface NETWORK=net_ether_01 NODE=n1 INTERFACE=en0 n2_boot");
        Assert.NotEqual(0, r.ExitCode);
        Assert.Equal("ERROR: the IP label \"n2_boot\" cannot be resolved: it is not in /etc/hosts on n1. Add it there (and discover again), or give its ADDRESS.\n", r.Stderr);
        var s = Run("clmgr add service_ip NETWORK=net_ether_01 svc9");
        Assert.Contains("\"svc9\" cannot be resolved: it is not in /etc/hosts on n1, n2.", s.Stderr, StringComparison.Ordinal);
        var p = Run("clmgr add persistent_ip NETWORK=net_ether_01 NODE=n2 n2_pers");
        Assert.Contains("\"n2_pers\" cannot be resolved: it is not in /etc/hosts on n2.", p.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, Odm());
    }

    [Fact]
    public void A_service_label_must_resolve_on_every_node_of_the_cluster_and_the_nodes_without_it_are_named()
    {
        using (var repo = Open())
        {
            var n1 = repo.LoadDiscovery().Single(d => d.Node == "n1");
            repo.ReplaceDiscovery(n1 with { Hosts = [.. n1.Hosts, new DiscoveredHost("192.168.100.60", "svc_n1only")] });
        }
        var before = Odm();

        var r = Run("clmgr add service_ip NETWORK=net_ether_01 svc_n1only");

        Assert.Equal(ClmgrRc.NotFound, r.ExitCode);
        Assert.Equal("ERROR: the IP label \"svc_n1only\" cannot be resolved: it is not in /etc/hosts on n2. Add it there (and discover again), or give its ADDRESS.\n", r.Stderr);
        Assert.Equal(before, Odm());
    }

    [Fact]
    public void A_service_label_with_different_addresses_on_two_nodes_is_refused_naming_both()
    {
        using (var repo = Open())
        {
            var n2 = repo.LoadDiscovery().Single(d => d.Node == "n2");
            repo.ReplaceDiscovery(n2 with { Hosts = [new DiscoveredHost("192.168.100.2", "n2_boot"), new DiscoveredHost("192.168.100.51", "svc1")] });
        }

        var r = Run("clmgr add service_ip NETWORK=net_ether_01 svc1");

        Assert.Equal(ClmgrRc.IncorrectInput, r.ExitCode);
        Assert.Equal("ERROR: the IP label \"svc1\" has different addresses in /etc/hosts: 192.168.100.50 on n1, 192.168.100.51 on n2.\n", r.Stderr);
    }

    [Fact]
    public void A_label_of_a_node_never_discovered_is_taken_unresolved()
    {
        Ok("clmgr add node n3");
        Ok("clmgr add interface NETWORK=net_ether_01 NODE=n3 INTERFACE=en0 n3_boot");
        Assert.Contains("ADDRESS=\"\"", Run("clmgr query interface n3_boot").Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_discovered_volume_group_chosen_for_a_resource_group_becomes_a_cluster_volume_group()
    {
        Ok("clmgr add resource_group NODES=n1,n2 rg1");
        Ok("clmgr modify resource_group rg1 VOLUME_GROUP=datavg");
        using var repo = Open();
        var vg = repo.LoadConfiguration(ConfigDirectory.Default).VolumeGroups.Single();
        Assert.Equal(("datavg", 64, true), (vg.Name, vg.PartitionSize, vg.ConcurrentCapable));
    }
}
