using ClAdmin.Testing;

namespace ClAdmin.Tests;

/// <summary>The standard path on a bare simulated world (no demo cluster): clmgr add cluster
/// discovers the nodes and defines the IP networks and boot interfaces from what it found. The
/// expected addresses are the world's (WorldBuilder: en0 192.0.2.10+N/24, en1 198.51.100.10+N/25,
/// en2 203.0.113.138+N/25, labelled nodeN_boot1, nodeN_boot2, nodeN_hb in /etc/hosts).</summary>
public sealed class StandardPathCliTests : CladminCliTest
{

    public StandardPathCliTests()
    {
        var init = Cladmin("sim", "init", "--nodes", "2", "--disks", "4");
        Assert.True(init.ExitCode == 0, init.Stderr);
    }

    [Fact]
    public void Adding_the_cluster_defines_a_network_per_subnet_and_the_boot_interfaces_with_their_addresses()
    {
        var add = Cladmin("cmd", "--", "clmgr", "add", "cluster", "NODES=node1,node2", "c1");

        Assert.True(add.ExitCode == 0, add.Stdout + add.Stderr);
        var rows = Cladmin("cmd", "--", "cllsif", "-c").Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => string.Join(':', l.Split(':').Take(11))).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
        [
            "node1_boot1:boot:net_ether_01:ether:public:node1:192.0.2.11::en0::255.255.255.0",
            "node1_boot2:boot:net_ether_02:ether:public:node1:198.51.100.11::en1::255.255.255.128",
            "node1_hb:boot:net_ether_03:ether:public:node1:203.0.113.139::en2::255.255.255.128",
            "node2_boot1:boot:net_ether_01:ether:public:node2:192.0.2.12::en0::255.255.255.0",
            "node2_boot2:boot:net_ether_02:ether:public:node2:198.51.100.12::en1::255.255.255.128",
            "node2_hb:boot:net_ether_03:ether:public:node2:203.0.113.140::en2::255.255.255.128",
        ], rows);
        var top = Cladmin("cmd", "--", "cltopinfo").Stdout;
        Assert.Contains("There are 2 node(s) and 3 network(s) defined", top, StringComparison.Ordinal);
        Assert.Contains("NODE node2:\n        Network net_ether_01\n                node2_boot1 192.0.2.12\n", top, StringComparison.Ordinal);
    }

    [Fact]
    public void Once_the_nodes_are_discovered_an_unknown_label_is_refused_naming_the_label_and_the_node()
    {
        Assert.Equal(0, Cladmin("cmd", "--", "clmgr", "add", "cluster", "NODES=node1,node2", "c1").ExitCode);

        var svc = Cladmin("cmd", "--", "clmgr", "add", "service_ip", "NETWORK=net_ether_01", "nosuch_svc");
        var boot = Cladmin("cmd", "--", "clmgr", "add", "interface", "NETWORK=net_ether_01", "NODE=node2", "INTERFACE=en3", "node1_boot1x");

        Assert.NotEqual(0, svc.ExitCode);
        Assert.Contains("\"nosuch_svc\" cannot be resolved: it is not in /etc/hosts on node1, node2.", svc.Stderr, StringComparison.Ordinal);
        Assert.NotEqual(0, boot.ExitCode);
        Assert.Contains("\"node1_boot1x\" cannot be resolved: it is not in /etc/hosts on node2.", boot.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("nosuch_svc", Cladmin("cmd", "--", "cllsif").Stdout, StringComparison.Ordinal);
    }
}
