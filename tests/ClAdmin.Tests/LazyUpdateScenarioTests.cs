namespace ClAdmin.Tests;

/// <summary>
/// Lazy update (semantics §8): a change to a shared volume group made on its owner with plain AIX
/// commands leaves the other node's ODM and /etc/filesystems as they were (its ODM timestamp
/// behind the descriptor area's) until importvg -L, or until the group's varyon there, which
/// compares the timestamps and learns the change first; a C-SPOC change is propagated at once.
/// </summary>
public sealed class LazyUpdateScenarioTests : DemoScenario
{
    private static async Task<string> Timestamp(Runtime runtime, string node) =>
        (await Ok(runtime, "lsattr -El datavg -a timestamp", node)).Split(' ')[1];

    [Fact]
    public async Task A_file_system_made_directly_on_the_owner_is_learned_by_the_other_node_when_the_group_moves_there()
    {
        await using var runtime = await Started();
        await Ok(runtime, "mklv -y lazylv -t jfs2 datavg 2", "node1");
        await Ok(runtime, "crfs -v jfs2 -d lazylv -m /lazy -A no", "node1");

        Assert.NotEqual(await Timestamp(runtime, "node1"), await Timestamp(runtime, "node2"));
        var before = await Run(runtime, "lsfs /lazy", "node2");
        Assert.Equal(1, before.ExitCode);
        Assert.Contains("No record matching '/lazy' was found in /etc/filesystems.", before.Stdout + before.Stderr, StringComparison.Ordinal);

        await Ok(runtime, "clRGmove -g rg1 -n node2 -m");

        Assert.Contains("rg1:ONLINE:node2", await Groups(runtime));
        Assert.Equal(await Timestamp(runtime, "node1"), await Timestamp(runtime, "node2"));
        Assert.Contains("/dev/lazylv", await Ok(runtime, "lsfs /lazy", "node2"), StringComparison.Ordinal);
        Assert.Contains(":get_disk_vg_fs[", await Ok(runtime, "grep importvg /tmp/hacmp.out", "node2"), StringComparison.Ordinal);
        Assert.Contains("importvg -L datavg ", await Ok(runtime, "grep importvg /tmp/hacmp.out", "node2"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Importvg_L_learns_the_change_without_a_move()
    {
        await using var runtime = await Started();
        await Ok(runtime, "mklv -y lazylv -t jfs2 datavg 2", "node1");
        await Ok(runtime, "crfs -v jfs2 -d lazylv -m /lazy -A no", "node1");
        var disk = (await Ok(runtime, "lspv", "node2")).Split('\n').First(l => l.Contains(" datavg", StringComparison.Ordinal)).Split(' ')[0];

        Assert.Equal("datavg\n", await Ok(runtime, $"importvg -L datavg {disk}", "node2"));

        Assert.Equal(await Timestamp(runtime, "node1"), await Timestamp(runtime, "node2"));
        Assert.Contains("/dev/lazylv", await Ok(runtime, "lsfs /lazy", "node2"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cspoc_change_reaches_the_other_node_at_once()
    {
        await using var runtime = await Started();
        await Ok(runtime, "cl_mklv -cspoc \"-g rg1\" -y cspoclv -t jfs2 datavg 2");

        Assert.Equal(await Timestamp(runtime, "node1"), await Timestamp(runtime, "node2"));
    }
}
