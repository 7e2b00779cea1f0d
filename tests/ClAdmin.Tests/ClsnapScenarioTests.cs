namespace ClAdmin.Tests;

/// <summary>
/// cl_clsnap, "Collect Cluster log files for Problem Reporting" (Problem Determination Tools > HACMP Log
/// Viewing and Management), with the flags its dialog in menus/cspoc.json sends: pass 1 measures,
/// pass 2 copies each node's cluster logs into the destination directory on that node.
/// </summary>
public sealed class ClsnapScenarioTests : DemoScenario
{
    [Fact]
    public async Task Pass_1_measures_and_pass_2_collects_the_named_nodes_logs()
    {
        await using var runtime = await Demo();
        await Ok(runtime, "clmgr online node node1,node2");

        var measured = await Ok(runtime, "cl_clsnap -d /tmp/ibmsupt/hacmp -p 1");
        Assert.Contains("node1:", measured, StringComparison.Ordinal);
        Assert.Contains("KB needed in /tmp/ibmsupt/hacmp", measured, StringComparison.Ordinal);
        Assert.NotEqual(0, (await Run(runtime, "test -d /tmp/ibmsupt/hacmp", "node1")).ExitCode);

        var collected = await Ok(runtime, "cl_clsnap -d /tmp/ibmsupt/hacmp -p 2 -n node2");
        Assert.Contains("node2.hacmp.out", collected, StringComparison.Ordinal);
        var original = await Ok(runtime, "cat /tmp/hacmp.out", "node2");
        Assert.Contains("EVENT START: node_up node2", original, StringComparison.Ordinal);
        Assert.Equal(original, await Ok(runtime, "cat /tmp/ibmsupt/hacmp/node2.hacmp.out", "node2"));
        Assert.Equal(
            await Ok(runtime, "cat /usr/es/adm/cluster.log", "node2"),
            await Ok(runtime, "cat /tmp/ibmsupt/hacmp/node2.cluster.log", "node2"));
        // Only the node named was collected.
        Assert.NotEqual(0, (await Run(runtime, "test -d /tmp/ibmsupt/hacmp", "node1")).ExitCode);
    }

    [Theory]
    [InlineData("cl_clsnap -d tmp/ibmsupt -p 2", "-d")]
    [InlineData("cl_clsnap -d /tmp/ibmsupt -p 3", "-p")]
    [InlineData("cl_clsnap -d /tmp/ibmsupt -p 2 -n node9", "node9")]
    [InlineData("cl_clsnap -d /tmp/ibmsupt -x", "-- x")]
    public async Task Bad_input_is_refused_naming_the_argument(string line, string named)
    {
        await using var runtime = await Demo();
        var r = await Run(runtime, line);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(named, r.Stderr, StringComparison.Ordinal);
        Assert.Contains("Usage: cl_clsnap", r.Stderr, StringComparison.Ordinal);
    }
}
