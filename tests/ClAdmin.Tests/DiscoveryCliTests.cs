using ClAdmin.Testing;

namespace ClAdmin.Tests;

/// <summary>Discovery end to end on the demo cluster: cladmin cmd, the runtime's dispatcher, the
/// fan-out over the simulated nodes, the repository, then the pick list reading what was found.</summary>
public sealed class DiscoveryCliTests : CladminCliTest
{

    [Fact]
    public void A_volume_group_made_with_cspoc_is_discovered_and_offered_with_its_pp_size()
    {
        var lspv = Cladmin("cmd", "-n", "node1", "--", "lspv");
        Assert.Equal(0, lspv.ExitCode);
        var pvid = lspv.Stdout.Split('\n').Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .First(w => w.Length >= 3 && w[0].StartsWith("hdisk", StringComparison.Ordinal) && w[2] == "None")[1];
        var mkvg = Cladmin("cmd", "--", "cl_mkvg", "-cspoc", "-n node1,node2", "-y", "e2evg", "-s", "32", pvid);
        Assert.True(mkvg.ExitCode == 0, mkvg.Stdout + mkvg.Stderr);
        Assert.DoesNotContain("e2evg", Cladmin("cmd", "--", "clmgr", "query", "volume_group").Stdout, StringComparison.Ordinal);

        // C-SPOC leaves the group varied off everywhere; lsvg describes it where it is varied on.
        Assert.Equal(0, Cladmin("cmd", "-n", "node1", "--", "varyonvg", "e2evg").ExitCode);

        var discover = Cladmin("cmd", "--", "clrsh_discover");

        Assert.True(discover.ExitCode == 0, discover.Stdout + discover.Stderr);
        Assert.Contains("Discovery completed normally", discover.Stdout, StringComparison.Ordinal);
        Assert.Contains($"PVID:           {pvid}\n        VGname:         e2evg\n", discover.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"VGname:         e2evg\n        VGmajor:        [1-9][0-9]*\n        Conc-capable:   No\n        VGactive:       Yes\n", discover.Stdout);
        var list = Cladmin("cmd", "--", "clmgr", "query", "volume_group");
        Assert.Contains("e2evg\n", list.Stdout, StringComparison.Ordinal);
        var vg = Cladmin("cmd", "--", "clmgr", "query", "volume_group", "e2evg");
        Assert.Contains("NODES=\"node1 node2\"", vg.Stdout, StringComparison.Ordinal);
        Assert.Contains($"PHYSICAL_VOLUMES=\"{pvid}\"", vg.Stdout, StringComparison.Ordinal);
        Assert.Contains("PPART_SIZE=\"32\"", vg.Stdout, StringComparison.Ordinal);
        Assert.Matches("MAJOR_NUMBER=\"[1-9][0-9]*\"", vg.Stdout);
    }

    [Fact]
    public void The_discover_dialog_runs_discovery_on_every_node_with_a_node_down_named()
    {
        Assert.Equal(0, Cladmin("sim", "fail", "node", "node2").ExitCode);

        var r = Cladmin("run", "cm_discover_nw_interfaces_and_disks");

        Assert.Equal(1, r.ExitCode);
        Assert.Contains("Command: failed", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("unable to reach node node2", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("Discovery completed with errors on node2", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("node1:\n        Hdisk:", r.Stdout, StringComparison.Ordinal);
    }
}
