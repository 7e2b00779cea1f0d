using ClAdmin.Cluster;
using ClAdmin.Cluster.Verification;
using ClAdmin.Exec.FanOut;
using ClAdmin.Exec.Tests.Cspoc;
using ClAdmin.Exec.Verification;
using ClAdmin.Sim;
using ClAdmin.Sim.Shell;

namespace ClAdmin.Exec.Tests.Verification;

/// <summary>Facts gathered from simulated demo nodes (DemoWorld: datavg major 60 and appvg 61 imported
/// everywhere with auto-varyon off, scripts under /usr/local/ha, boot labels in /etc/hosts).</summary>
public sealed class FactsCollectorTests
{
    private readonly Sim.Model.SimWorld _world = WorldBuilder.Build(new WorldOptions(Nodes: 2, Disks: 3, Seed: 5, Demo: true));

    private static readonly ClusterConfiguration Config = new()
    {
        Cluster = new ClusterInfo("c1", 1),
        Nodes = [new Node("node1", "node1"), new Node("node2", "node2")],
        VolumeGroups = [new("datavg", ["node1", "node2"], ["hdisk2"], MajorNumber: 60)],
        ApplicationControllers = [new("app1", "/usr/local/ha/app1/start.sh", "/usr/local/ha/app1/stop.sh")],
        ResourceGroups =
        [
            new("rg1", ["node1", "node2"], Resources: new Dictionary<string, IReadOnlyList<string>>
            {
                [ResourceKinds.Applications] = ["app1"],
                [ResourceKinds.VolumeGroup] = ["datavg"],
            }),
        ],
    };

    private Task<IReadOnlyDictionary<string, NodeFacts?>> Collect() =>
        new FactsCollector(new FanOutEngine(new SimWorldTransport(_world), new MemoryCommandLog())).CollectAsync(Config, CancellationToken.None);

    private void Sh(string node, string line) => Assert.Equal(0, SimShell.Execute(_world, node, line).ExitCode);

    [Fact]
    public async Task The_demo_nodes_give_hosts_interfaces_volume_groups_scripts_and_level()
    {
        var facts = await Collect();
        var n2 = facts["node2"]!;
        Assert.Contains(new HostsEntry("192.0.2.11", "node1_boot1"), n2.Hosts);
        Assert.Contains(new HostsEntry("203.0.113.21", "app1_svc"), n2.Hosts);
        Assert.Contains(new InterfaceFact("en1", "198.51.100.12", "255.255.255.128"), n2.Interfaces);
        Assert.Equal(new VolumeGroupFact("datavg", 60, AutoVaryon: false, EnhancedConcurrent: true), n2.VolumeGroup("datavg"));
        Assert.Equal(new FileFact("/usr/local/ha/app1/start.sh", true, true), n2.File("/usr/local/ha/app1/start.sh"));
        Assert.Equal("5.5.0.10", n2.FilesetLevel);
        Assert.Equal(new FileSystemFact("/data", AutoMount: false), n2.FileSystem("/data"));
        Assert.Equal(new FileSystemFact("/", AutoMount: true), n2.FileSystem("/"));
    }

    [Fact]
    public async Task A_script_made_not_executable_and_auto_varyon_turned_on_show_in_the_facts()
    {
        Sh("node2", "chmod 644 /usr/local/ha/app1/start.sh");
        Sh("node2", "chvg -a y datavg");
        var n2 = (await Collect())["node2"]!;
        Assert.Equal(new FileFact("/usr/local/ha/app1/start.sh", true, false), n2.File("/usr/local/ha/app1/start.sh"));
        Assert.True(n2.VolumeGroup("datavg")!.AutoVaryon);
        Assert.False((await Collect())["node1"]!.VolumeGroup("datavg")!.AutoVaryon);
    }

    [Fact]
    public async Task An_exported_volume_group_is_missing_from_that_node()
    {
        Sh("node2", "exportvg datavg");
        var facts = await Collect();
        Assert.Null(facts["node2"]!.VolumeGroup("datavg"));
        Assert.NotNull(facts["node1"]!.VolumeGroup("datavg"));
    }

    [Fact]
    public async Task An_unreachable_node_has_no_facts_and_verification_names_it()
    {
        _world.FindNode("node2")!.Up = false;
        var facts = await Collect();
        Assert.Null(facts["node2"]);
        Assert.NotNull(facts["node1"]);
        var findings = Verifier.Run(new VerificationInput(Config, facts)).SelectMany(r => r.Findings).Where(f => f.IsError).ToList();
        var f = Assert.Single(findings);
        Assert.Equal(("R-VER-REACH", "node2"), (f.RuleId, f.Node));
    }

    [Theory]
    [InlineData("0xffffff00", "255.255.255.0")]
    [InlineData("0xffffff80", "255.255.255.128")]
    [InlineData("255.255.0.0", "255.255.0.0")]
    public void Ifconfig_hex_netmasks_are_read_as_dotted(string hex, string dotted) =>
        Assert.Equal(dotted, FactsCollector.DottedMask(hex));

    [Fact]
    public void Hosts_comments_and_aliases()
    {
        var entries = FactsCollector.ParseHosts("# c\n127.0.0.1 loopback localhost # lo0\n#10.0.0.1 gone\n10.0.0.2\tb1 b1alias\n");
        Assert.Equal([new("127.0.0.1", "loopback"), new("127.0.0.1", "localhost"), new("10.0.0.2", "b1"), new HostsEntry("10.0.0.2", "b1alias")], entries);
    }
}
