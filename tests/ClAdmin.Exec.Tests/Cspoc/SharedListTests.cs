using ClAdmin.Sim.Model;

namespace ClAdmin.Exec.Tests.Cspoc;

/// <summary>
/// The shared-LVM pick lists of the C-SPOC screens (issue 17 §2): only shared objects are offered
/// (no rootvg), and the logical volumes of a volume group varied off on every node can be listed.
/// </summary>
public sealed class SharedListTests
{
    [Fact]
    public async Task The_shared_volume_group_list_offers_the_groups_on_shared_disks_with_their_nodes_and_no_rootvg()
    {
        var w = new CspocWorld(nodes: 3);
        Assert.Equal(0, (await w.Run($"cl_mkvg -cspoc \"-n node1,node2\" -y datavg -s 64 -V 60 -C {w.Lun(1).Pvid}")).ExitCode);

        var r = await w.Run("cl_lsvg -cspoc \"-n node1,node2,node3\" -S");

        Assert.Equal(0, r.ExitCode);
        // datavg is defined on node1 and node2; node3 sees its disk but has not imported it.
        Assert.Equal("#Volume Group    Node List\ndatavg           node1,node2\n", r.Stdout);
        Assert.Equal("", r.Stderr);
    }

    [Fact]
    public async Task The_logical_volumes_of_a_volume_group_varied_off_everywhere_are_read_on_one_node_which_is_left_as_it_was()
    {
        var w = new CspocWorld(nodes: 2);
        Assert.Equal(0, (await w.Run($"cl_mkvg -cspoc \"-n node1,node2\" -y datavg -s 64 -V 60 -C {w.Lun(1).Pvid}")).ExitCode);
        Assert.Equal(0, (await w.Run("cl_mklv -cspoc \"-n node1,node2\" -y datalv -t jfs2 datavg 10")).ExitCode);
        Assert.Equal(VaryState.Off, w.Node("node1").FindVgByName("datavg")!.State);

        var r = await w.Run("cl_lsvg -cspoc \"-n node1,node2\" -l datavg");

        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.DoesNotContain("0516-010", r.Stderr + r.Stdout, StringComparison.Ordinal);
        var lines = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("node1: datavg:", lines[0]);
        Assert.Single(lines, l => l.StartsWith("node1: datalv ", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("node2: ", StringComparison.Ordinal)); // read once, on one node
        Assert.Equal(VaryState.Off, w.Node("node1").FindVgByName("datavg")!.State);
        Assert.Equal(VaryState.Off, w.Node("node2").FindVgByName("datavg")!.State);
    }

    [Fact]
    public async Task The_logical_volumes_are_read_on_the_node_that_has_the_group_varied_on()
    {
        var w = new CspocWorld(nodes: 2);
        Assert.Equal(0, (await w.Run($"cl_mkvg -cspoc \"-n node1,node2\" -y datavg -s 64 -V 60 -C {w.Lun(1).Pvid}")).ExitCode);
        Assert.Equal(0, (await w.Run("cl_mklv -cspoc \"-n node1,node2\" -y datalv -t jfs2 datavg 10")).ExitCode);
        w.Sh("node2", "varyonvg datavg");
        var before = w.Transport.Seen.Count;

        var r = await w.Run("cl_lsvg -cspoc \"-n node1,node2\" -l datavg");

        Assert.Equal(0, r.ExitCode);
        Assert.StartsWith("node2: datavg:\n", r.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(w.Transport.Seen.Skip(before), c => c.Node == "node1" && c.Argv is ["varyonvg", ..]);
        Assert.Equal(VaryState.Active, w.Node("node2").FindVgByName("datavg")!.State);
    }
}
