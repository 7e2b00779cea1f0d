namespace ClAdmin.Tests;

/// <summary>
/// The EVENT START / EVENT COMPLETED lines we write, against the VERBATIM captures of outputs §1.1 (RB-72U Ex. 3-27
/// on the node that releases the group after losing its service network, Ex. 3-28 on the node that acquires it,
/// over IPAT via replacement). The expectations are the published lines, copied with their time stamps, the
/// names mapped to the demo's (clnode_1 is node1, app_IHS is app1): spacing included, so stop_server's COMPLETED
/// line has two blanks before its exit status.
/// </summary>
public sealed partial class ClusterEventScenarioTests
{
    /// <summary>outputs §1.1, RB-72U Ex. 3-27, up to the first rg_move_fence [VERBATIM].</summary>
    private const string Ex327 = """
        Nov 13 14:42:13 EVENT START: network_down clnode_1 net_ether_01
        Nov 13 14:42:13 EVENT COMPLETED: network_down clnode_1 net_ether_01 0
        Nov 13 14:42:13 EVENT START: network_down_complete clnode_1 net_ether_01
        Nov 13 14:42:13 EVENT COMPLETED: network_down_complete clnode_1 net_ether_01 0
        Nov 13 14:42:20 EVENT START: resource_state_change clnode_1
        Nov 13 14:42:20 EVENT COMPLETED: resource_state_change clnode_1 0
        Nov 13 14:42:20 EVENT START: rg_move_release clnode_1 1
        Nov 13 14:42:20 EVENT START: rg_move clnode_1 1 RELEASE
        Nov 13 14:42:20 EVENT START: stop_server app_IHS
        Nov 13 14:42:20 EVENT COMPLETED: stop_server app_IHS  0
        Nov 13 14:42:21 EVENT START: release_service_addr
        Nov 13 14:42:22 EVENT COMPLETED: release_service_addr 0
        Nov 13 14:42:25 EVENT COMPLETED: rg_move clnode_1 1 RELEASE 0
        Nov 13 14:42:25 EVENT COMPLETED: rg_move_release clnode_1 1 0
        Nov 13 14:42:27 EVENT START: rg_move_fence clnode_1 1
        Nov 13 14:42:27 EVENT COMPLETED: rg_move_fence clnode_1 1 0
        """;

    /// <summary>outputs §1.1, RB-72U Ex. 3-28 [VERBATIM].</summary>
    private const string Ex328 = """
        Nov 13 14:42:47 EVENT START: rg_move_acquire clnode_1 1
        Nov 13 14:42:47 EVENT START: rg_move clnode_1 1 ACQUIRE
        Nov 13 14:42:49 EVENT START: acquire_takeover_addr
        Nov 13 14:42:50 EVENT COMPLETED: acquire_takeover_addr 0
        Nov 13 14:42:50 EVENT COMPLETED: rg_move clnode_1 1 ACQUIRE 0
        Nov 13 14:42:50 EVENT COMPLETED: rg_move_acquire clnode_1 1 0
        Nov 13 14:42:50 EVENT START: rg_move_complete clnode_1 1
        Nov 13 14:42:50 EVENT START: start_server app_IHS
        Nov 13 14:42:51 EVENT COMPLETED: start_server app_IHS 0
        Nov 13 14:42:52 EVENT COMPLETED: rg_move_complete clnode_1 1 0
        Nov 13 14:42:55 EVENT START: resource_state_change_complete clnode_1
        Nov 13 14:42:55 EVENT COMPLETED: resource_state_change_complete clnode_1 0
        """;

    /// <summary>The marker lines of a capture without their time stamps (16 characters), the names mapped to the demo's.</summary>
    private static string[] Published(string capture) =>
        [.. capture.ReplaceLineEndings("\n").Split('\n').Select(l => l[16..].Replace("clnode_1", "node1", StringComparison.Ordinal).Replace("app_IHS", "app1", StringComparison.Ordinal))];

    [Fact]
    public async Task S7_the_marker_lines_of_a_selective_fallover_are_the_published_ones_spacing_included()
    {
        await using var runtime = await Replacement();
        await Fail(runtime, "interface", "node1:en1");
        await Fail(runtime, "interface", "node1:en0");
        Assert.Equal(["rg1:OFFLINE:node1", "rg1:ONLINE:node2", "rg2:ONLINE:node2", "rg2:OFFLINE:node1"], await Groups(runtime));

        InOrder(await Markers(runtime, "node1"), Published(Ex327));
        InOrder(await Markers(runtime, "node2"), Published(Ex328));
    }
}
