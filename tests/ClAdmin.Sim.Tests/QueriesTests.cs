using ClAdmin.Sim.Shell;

namespace ClAdmin.Sim.Tests;

/// <summary>Query lines are not saved by the transport, so each must really leave the world alone.</summary>
public sealed class QueriesTests
{
    [Theory]
    [InlineData("lsvg")]
    [InlineData("lsvg -o")]
    [InlineData("lsvg datavg")]
    [InlineData("lsvg -l datavg")]
    [InlineData("lsvg -p rootvg")]
    [InlineData("lspv")]
    [InlineData("lspv hdisk1")]
    [InlineData("lslv hd4")]
    [InlineData("lsfs")]
    [InlineData("df -k")]
    [InlineData("lsuser -f root")]
    [InlineData("lsgroup ALL")]
    [InlineData("lssrc -a")]
    [InlineData("lssrc -ls clstrmgrES")]
    [InlineData("netstat -in")]
    [InlineData("hostname")]
    [InlineData("uname -a")]
    [InlineData("oslevel -s")]
    [InlineData("lslpp -l cluster.es.server.rte")]
    [InlineData("lsdev -Cc disk")]
    [InlineData("lsattr -El hdisk1")]
    [InlineData("cat /etc/hosts")]
    [InlineData("ls /usr/local/ha")]
    [InlineData("echo hello")]
    [InlineData("date")]
    [InlineData("id")]
    [InlineData("ps -ef")]
    [InlineData("lsvg | grep vg | sort | uniq | wc -l")]
    [InlineData("lspv | head -2 | tail -1 | cut -c1-6 | awk '{print $1}'")]
    [InlineData("true && false || true")]
    public void Each_query_leaves_the_world_unchanged(string line)
    {
        Assert.True(Queries.IsQuery(line), line);
        var world = WorldBuilder.Build(new WorldOptions(Nodes: 2, Disks: 3, Seed: 5, Demo: true));
        var before = WorldJson.Serialize(world);
        SimShell.Execute(world, "node1", line);
        Assert.Equal(before, WorldJson.Serialize(world));
    }

    [Theory]
    [InlineData("mkvg -y x hdisk3")]
    [InlineData("lsvg > /tmp/vgs")]
    [InlineData("lsvg; varyonvg datavg")]
    [InlineData("lsvg | tee /tmp/x")]
    [InlineData("mount")]
    [InlineData("ifconfig en0")]
    [InlineData("/usr/local/ha/app1/start.sh")]
    public void Lines_that_may_change_something_are_not_queries(string line) =>
        Assert.False(Queries.IsQuery(line), line);
}
