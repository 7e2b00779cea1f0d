namespace ClAdmin.Sim.Tests;

/// <summary>What C-SPOC does to create a shared file system, at the model level: the per-node
/// AIX commands, node by node.</summary>
public sealed class CspocSequenceTests
{
    private static readonly (string Node, string Line)[] Sequence =
    [
        ("node1", "mkvg -y sharedvg -s 64 -V 70 -n -C hdisk1"),
        ("node1", "varyoffvg sharedvg"),
        ("node2", "importvg -y sharedvg -V 70 -n 00f6f42a9b1e2c33"),
        ("node2", "varyonvg sharedvg"),
        ("node2", "crfs -v jfs2 -g sharedvg -m /shared -a size=1G"),
        ("node2", "mount /shared"),
    ];

    [Fact]
    public void Create_on_node1_then_import_vary_on_create_and_mount_on_node2()
    {
        var world = TestWorld.Create();
        foreach (var (node, line) in Sequence)
        {
            world.Ok(node, line);
        }
        Assert.Contains("/dev/fslv00      /shared", world.Ok("node2", "mount"), StringComparison.Ordinal);
        Assert.Equal("sharedvg\nrootvg\n", world.Ok("node2", "lsvg -o"));
        Assert.Equal(70, world.FindNode("node2")!.FindVgByName("sharedvg")!.Major);
    }

    [Fact]
    public void Against_a_crashed_node2_only_node2_is_unreachable()
    {
        var world = TestWorld.Create();
        Faults.SimFaults.Fail(world, "node", "node2");
        foreach (var (node, line) in Sequence)
        {
            var r = world.Run(node, line);
            if (node == "node2")
            {
                Assert.False(r.Reachable);
            }
            else
            {
                Assert.True(r.Reachable);
                Assert.Equal(0, r.ExitCode);
            }
        }
        Assert.Null(world.FindNode("node2")!.FindVgByName("sharedvg"));
    }
}
