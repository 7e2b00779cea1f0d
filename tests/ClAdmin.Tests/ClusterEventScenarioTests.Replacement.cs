using ClAdmin.Store;

namespace ClAdmin.Tests;

/// <summary>
/// IPAT via IP replacement (R-IPAT, semantics §7.2; sub-events §4.2): on its home node a service
/// address replaces the boot address of a boot interface (acquire_service_addr); on a takeover node
/// it replaces the boot address of an interface that holds no service address, the standby
/// (acquire_takeover_addr), and release_takeover_addr gives that interface its boot address back.
/// The sub-events start with no arguments (outputs §1.1 [VERBATIM, RB-72U Ex. 3-28]).
/// </summary>
public sealed partial class ClusterEventScenarioTests
{
    /// <summary>The demo with net_ether_01 changed to IPAT via replacement, services started on both nodes.</summary>
    private async Task<Runtime> Replacement()
    {
        var runtime = await Demo();
        await Ok(runtime, "clmgr modify network net_ether_01 IPALIASING=no");
        Assert.Contains("IPALIASING=\"no\"", await Ok(runtime, "clmgr query network net_ether_01"), StringComparison.Ordinal);
        using (var repo = runtime.OpenRepository())
        {
            repo.ActivateDefault();
        }
        await Ok(runtime, StartLine);
        return runtime;
    }

    /// <summary>The IPv4 addresses of one interface as `ifconfig enX` prints them.</summary>
    private static async Task<List<string>> Inet(Runtime runtime, string node, string nic) =>
        [.. (await Ok(runtime, "ifconfig " + nic, node)).Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("inet ", StringComparison.Ordinal)).Select(l => l.Split(' ')[1])];

    [Fact]
    public async Task R_IPAT_replacement_a_takeover_node_swaps_the_standby_boot_address_with_acquire_takeover_addr()
    {
        await using var runtime = await Replacement();
        Assert.Equal(["203.0.113.21"], await Inet(runtime, "node1", "en0"));
        Assert.Equal(["203.0.113.22"], await Inet(runtime, "node2", "en0"));
        Assert.Equal(["198.51.100.12"], await Inet(runtime, "node2", "en1"));

        // S3: node1 stops with Move Resource Groups; node2 takes rg1 over.
        await Ok(runtime, "clmgr offline node node1 MANAGE=move");
        Assert.Equal(["rg1:OFFLINE:node1", "rg1:ONLINE:node2", "rg2:ONLINE:node2", "rg2:OFFLINE:node1"], await Groups(runtime));
        Assert.Equal(["192.0.2.11"], await Inet(runtime, "node1", "en0"));
        // node2's own service address stays on en0; rg1's replaces the boot address of en1.
        Assert.Equal(["203.0.113.22"], await Inet(runtime, "node2", "en0"));
        Assert.Equal(["203.0.113.21"], await Inet(runtime, "node2", "en1"));
        var markers = await Markers(runtime, "node2");
        var takeover = markers.FindLastIndex(m => m.StartsWith("EVENT START: node_down node1", StringComparison.Ordinal));
        Assert.True(takeover >= 0, string.Join('\n', markers));
        InOrder(markers[takeover..],
            "EVENT START: rg_move node1 1 ACQUIRE",
            "EVENT START: acquire_takeover_addr",
            "EVENT COMPLETED: acquire_takeover_addr 0",
            "EVENT START: get_disk_vg_fs",
            "EVENT COMPLETED: rg_move node1 1 ACQUIRE 0");
        Assert.DoesNotContain(markers[takeover..], m => m.StartsWith("EVENT START: acquire_service_addr", StringComparison.Ordinal));
        Assert.Contains("+rg1:acquire_takeover_addr[", await Ok(runtime, "cat /tmp/hacmp.out", "node2"), StringComparison.Ordinal);

        // node1 rejoins: rg1 falls back (FBHPN); node2 gives the address back with release_takeover_addr.
        // The Start Cluster Services dialog with "Ignore verification errors?" true: verification reads the boot
        // addresses that replacement swapped out on node2 as missing.
        await Ok(runtime, "_SPOC_FORCE=Y /usr/es/sbin/cluster/sbin/cl_rc.cluster -cspoc \"-n node1\" '-N' '-A' '-b' '-v' -C 'interactive'");
        Assert.Equal(["rg1:ONLINE:node1", "rg1:OFFLINE:node2", "rg2:ONLINE:node2", "rg2:OFFLINE:node1"], await Groups(runtime));
        Assert.Equal(["198.51.100.12"], await Inet(runtime, "node2", "en1"));
        Assert.Equal(["203.0.113.22"], await Inet(runtime, "node2", "en0"));
        Assert.Equal(["203.0.113.21"], await Inet(runtime, "node1", "en0"));
        markers = await Markers(runtime, "node2");
        var back = markers.FindLastIndex(m => m.StartsWith("EVENT START: node_up node1", StringComparison.Ordinal));
        InOrder(markers[back..],
            "EVENT START: rg_move node1 1 RELEASE",
            "EVENT START: stop_server app1",
            "EVENT START: release_takeover_addr",
            "EVENT COMPLETED: release_takeover_addr 0",
            "EVENT START: release_vg_fs",
            "EVENT COMPLETED: rg_move node1 1 RELEASE 0");
        Assert.DoesNotContain(markers[back..], m => m.StartsWith("EVENT START: release_service_addr", StringComparison.Ordinal));
        var own = await Markers(runtime, "node1");
        InOrder(own[own.FindLastIndex(m => m == "EVENT START: node_up node1")..], "EVENT START: acquire_service_addr", "EVENT COMPLETED: acquire_service_addr 0");
    }
}
