using ClAdmin.Sim.Model;
using ClAdmin.Sim.Shell;

namespace ClAdmin.Sim.Tests;

/// <summary>What verification reads of a shared volume group while it is varied off: its CuAt
/// attributes (lsattr -El VG) and its major number (getlvodm -d VG).</summary>
public sealed class VgAttributeTests
{
    private static SimWorld Demo() => WorldBuilder.Build(new WorldOptions(Nodes: 2, Disks: 3, Seed: 5, Demo: true));

    [Fact]
    public void Lsattr_of_a_varied_off_volume_group_gives_auto_on_and_concurrent_capable()
    {
        var world = Demo();
        var r = SimShell.Execute(world, "node2", "lsattr -El datavg -a auto_on -F value");
        Assert.Equal((0, "n\n"), (r.ExitCode, r.Stdout));
        r = SimShell.Execute(world, "node2", "lsattr -El datavg -a conc_capable -F value");
        Assert.Equal("y\n", r.Stdout);
        SimShell.Execute(world, "node2", "chvg -a y datavg");
        Assert.Equal("y\n", SimShell.Execute(world, "node2", "lsattr -El datavg -a auto_on -F value").Stdout);
    }

    [Fact]
    public void Lsattr_El_lists_the_attribute_rows()
    {
        var r = SimShell.Execute(Demo(), "node1", "lsattr -El appvg");
        Assert.Equal(0, r.ExitCode);
        var names = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ')[0]).ToList();
        Assert.Equal(["auto_on", "conc_auto_on", "conc_capable", "timestamp", "vgserial_id"], names);
    }

    [Fact]
    public void Getlvodm_d_gives_the_major_number_the_volume_group_was_imported_with()
    {
        // The demo imports datavg with -V 60 on every node (DemoWorld.Layout).
        var world = Demo();
        Assert.Equal("60\n", SimShell.Execute(world, "node1", "getlvodm -d datavg").Stdout);
        Assert.Equal("60\n", SimShell.Execute(world, "node2", "getlvodm -d datavg").Stdout);
    }

    [Fact]
    public void Getlvodm_of_an_unknown_volume_group_is_0516_306()
    {
        var r = SimShell.Execute(Demo(), "node1", "getlvodm -d foovg");
        Assert.NotEqual(0, r.ExitCode);
        Assert.Equal("0516-306 getlvodm: Unable to find volume group foovg in the Device\n\tConfiguration Database.\n", r.Stderr);
    }
}
