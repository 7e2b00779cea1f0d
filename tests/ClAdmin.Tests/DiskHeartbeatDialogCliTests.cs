using ClAdmin.Testing;

namespace ClAdmin.Tests;

/// <summary>
/// A disk heartbeat network built from the screens (Add a Communication Device, extended topology):
/// the dialog sends the device as clmgr's INTERFACE= (powerha-menus.md §4.8, `clmgr add interface
/// LABEL network=NET node=NODE interface=...`), and a disk picked from its lsdev list (hdiskN, no
/// /dev/) is the device path /dev/hdiskN, so that topology services beat over it (semantics §7.6).
/// </summary>
public sealed class DiskHeartbeatDialogCliTests : CladminCliTest
{
    [Fact]
    public void A_diskhb_network_added_from_the_dialog_heartbeats_once_synchronized_and_started()
    {
        Assert.Equal(0, Cladmin("cmd", "--", "clmgr", "add", "network", "TYPE=diskhb", "net_diskhb_01").ExitCode);
        // datavg's disk is hdisk1 on node1 and hdisk4 on node2 in the demo (lesson 07).
        foreach (var (node, disk) in new[] { ("node1", "hdisk1"), ("node2", "hdisk4") })
        {
            var add = Cladmin("run", "cm_add_predefined_dev", "name=net_diskhb_01", $"device_name={node}_dhb", $"device_path={disk}", $"node_name={node}");
            Assert.True(add.ExitCode == 0 && !add.Stdout.Contains("ERROR", StringComparison.Ordinal), add.Stdout + add.Stderr);
        }
        Assert.Contains("INTERFACE=\"/dev/hdisk4\"\n", Cladmin("cmd", "--", "clmgr", "query", "interface", "node2_dhb").Stdout, StringComparison.Ordinal);

        Assert.Equal(0, Cladmin("run", "cm_ver_and_sync").ExitCode);
        Assert.Equal(0, Cladmin("run", "clstart", "nodes=node1 node2").ExitCode);

        var topsvcs = Cladmin("cmd", "-n", "node1", "--", "lssrc", "-ls", "topsvcs").Stdout;
        Assert.Contains("net_diskhb_01_0 [ 0]    2     2  S", topsvcs, StringComparison.Ordinal);
        Assert.Contains("net_diskhb_01_0 [ 0] rhdisk1 ", topsvcs, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_a_communication_device_to_a_network_named_by_the_dialog_field()
    {
        Assert.Equal(0, Cladmin("cmd", "--", "clmgr", "add", "network", "TYPE=diskhb", "net_diskhb_01").ExitCode);

        var show = Cladmin("run", "cm_add_predefined_dev", "network_name=net_diskhb_01", "device_name=node1_dhb",
            "device_path=/dev/hdisk1", "node_name=node1", "--show");

        Assert.True(show.ExitCode == 0, show.Stdout + show.Stderr);
        Assert.Equal("clmgr add interface TYPE='diskhb' NETWORK='net_diskhb_01' INTERFACE='/dev/hdisk1' NODE='node1' node1_dhb\n", show.Stdout);
    }
}
