using ClAdmin.Contracts;
using ClAdmin.Sim.Model;

namespace ClAdmin.Exec.Tests.Cspoc;

/// <summary>Issue 17 §2, Create a Shared Volume Group: the free major numbers offered as a list (lvlstmajor
/// on every chosen node, intersected) and "Activate volume group after it is created?" (cl_mkvg -A).</summary>
public sealed class CreateVgTests
{
    /// <summary>node1 uses major 36; node2 uses 37 and 40 (volume groups each node alone defines).</summary>
    private static CspocWorld WithMajorsInUse()
    {
        var w = new CspocWorld(nodes: 2);
        w.Sh("node1", $"mkvg -y onevg -V 36 {w.Hdisk(1, "node1")}");
        w.Sh("node2", $"mkvg -y twovg -V 37 {w.Hdisk(2, "node2")}");
        w.Sh("node2", $"mkvg -y threevg -V 40 {w.Hdisk(3, "node2")}");
        return w;
    }

    [Fact]
    public void Lvlstmajor_prints_a_gap_of_two_numbers_as_two_numbers_as_aix_does()
    {
        // lvlstmajor.c: a gap of one prints "j,", of two "j,j+1,", longer "j..k,"; the rest "n...".
        var w = WithMajorsInUse();
        Assert.Equal("35,37...\n", w.Sh("node1", "lvlstmajor"));
        Assert.Equal("35,36,38,39,41...\n", w.Sh("node2", "lvlstmajor"));
    }

    [Fact]
    public async Task Cl_lvlstmajor_lists_the_major_numbers_free_on_every_node_named()
    {
        var w = WithMajorsInUse();

        var r = await w.Run("cl_lvlstmajor 'node1,node2'");

        Assert.Equal(0, r.ExitCode);
        Assert.Equal("35\n38\n39\n41\n42\n43\n44\n45\n46\n47\n48\n49\n50\n", r.Stdout);
        Assert.Contains(w.Transport.Seen, c => c.Node == "node1" && c.Argv is ["lvlstmajor"]);
        Assert.Contains(w.Transport.Seen, c => c.Node == "node2" && c.Argv is ["lvlstmajor"]);

        var one = await w.Run("cl_lvlstmajor node1");
        Assert.Equal(0, one.ExitCode);
        Assert.StartsWith("35\n37\n38\n", one.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cl_lvlstmajor_refuses_a_node_that_is_not_in_the_cluster_and_fails_when_a_node_cannot_answer()
    {
        var w = WithMajorsInUse();

        var bad = await w.Run("cl_lvlstmajor node1,node9");
        Assert.Equal(2, bad.ExitCode);
        Assert.Equal("cl_lvlstmajor: node9 is not a cluster node.\n", bad.Stderr);

        w.Transport.Refuse = c => c.Node == "node2" && c.Argv[0] == "lvlstmajor" ? "lvlstmajor: cannot read the major numbers in use." : null;
        var down = await w.Run("cl_lvlstmajor node1,node2");
        Assert.Equal(1, down.ExitCode);
        Assert.Equal("", down.Stdout);
        Assert.Contains("node2: lvlstmajor: cannot read the major numbers in use.\n", down.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mkvg_with_A_varies_a_non_concurrent_group_on_at_the_first_node_only()
    {
        var w = new CspocWorld(nodes: 2);

        var r = await w.Run($"cl_mkvg -cspoc \"-n node1,node2\" -y datavg -V 60 -A {w.Lun(1).Pvid}");

        Assert.Equal(0, r.ExitCode);
        var on1 = w.Node("node1").FindVgByName("datavg")!;
        Assert.Equal(VaryState.Active, on1.State);
        Assert.False(on1.ConcurrentMode);
        Assert.Equal(VaryState.Off, w.Node("node2").FindVgByName("datavg")!.State);
        Assert.Contains(w.Transport.Seen, c => c.Node == "node1" && c.Argv is ["varyonvg", "datavg"]);
    }

    [Fact]
    public async Task Mkvg_with_A_varies_an_enhanced_concurrent_group_on_in_concurrent_mode()
    {
        var w = new CspocWorld(nodes: 2);

        var r = await w.Run($"cl_mkvg -cspoc \"-n node1,node2\" -y datavg -V 60 -C -A {w.Lun(1).Pvid}");

        Assert.Equal(0, r.ExitCode);
        var on1 = w.Node("node1").FindVgByName("datavg")!;
        Assert.Equal(VaryState.Active, on1.State);
        Assert.True(on1.ConcurrentMode);
        Assert.Equal(VaryState.Off, w.Node("node2").FindVgByName("datavg")!.State);
        Assert.Contains(w.Transport.Seen, c => c.Node == "node1" && c.Argv is ["varyonvg", "-c", "datavg"]);
    }

    [Fact]
    public async Task Mkvg_says_so_when_the_group_cannot_be_varied_on_after_it_is_created()
    {
        var w = new CspocWorld(nodes: 2);
        w.Transport.Refuse = c => c.Node == "node1" && c.Argv[0] == "varyonvg" ? "0516-013 varyonvg: The volume group cannot be varied on because\n\tthere are no good copies of the descriptor area." : null;

        var r = await w.Run($"cl_mkvg -cspoc \"-n node1,node2\" -y datavg -V 60 -A {w.Lun(1).Pvid}");

        Assert.Equal(1, r.ExitCode);
        Assert.Equal(NodeOutcome.Failed, CspocWorld.On(r, "node1").Outcome);
        Assert.EndsWith(
            "cl_mkvg: volume group datavg was created on node1,node2 but could not be varied on at node1.\n", r.Stderr, StringComparison.Ordinal);
        Assert.Equal(VaryState.Off, w.Node("node1").FindVgByName("datavg")!.State);
        Assert.NotNull(w.Node("node2").FindVgByName("datavg"));
    }
}
