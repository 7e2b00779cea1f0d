using ClAdmin.Sim.Faults;
using ClAdmin.Sim.Model;

namespace ClAdmin.Sim.Tests;

public sealed class FaultTests
{
    [Fact]
    public void A_crashed_node_is_unreachable_until_repaired_and_loses_its_varyons()
    {
        var world = TestWorld.WithDataVg();
        Assert.True(SimFaults.Fail(world, "node", "node1").Ok);
        var r = world.Run("node1", "hostname");
        Assert.False(r.Reachable);
        Assert.True(world.Run("node2", "hostname").Reachable);
        SimFaults.Repair(world, "node", "node1");
        Assert.Equal("node1\n", world.Ok("node1", "hostname"));
        Assert.Equal("rootvg\n", world.Ok("node1", "lsvg -o"));
        Assert.Empty(world.Faults);
    }

    [Fact]
    public void An_interface_down_shows_in_ifconfig_and_netstat_but_the_node_stays_reachable()
    {
        var world = TestWorld.Create();
        SimFaults.Fail(world, "interface", "node1:en0");
        Assert.StartsWith("en0: flags=1e084822,480<BROADCAST,", world.Ok("node1", "ifconfig en0"), StringComparison.Ordinal);
        Assert.Contains("en0*  1500", world.Ok("node1", "netstat -in"), StringComparison.Ordinal);
        SimFaults.Fail(world, "interface", "node1:en1");
        SimFaults.Fail(world, "interface", "node1:en2");
        Assert.False(world.Run("node1", "true").Reachable);
        SimFaults.Repair(world, "interface", "node1:en2");
        Assert.True(world.Run("node1", "true").Reachable);
    }

    [Fact]
    public void A_network_down_takes_all_its_interfaces()
    {
        var world = TestWorld.Create();
        SimFaults.Fail(world, "network", "net_ether_01");
        Assert.True(world.Run("node1", "true").Reachable);
        Assert.Contains("en1: flags=1e084822", world.Ok("node2", "ifconfig -a"), StringComparison.Ordinal);
        SimFaults.Fail(world, "network", "net_ether_02");
        Assert.False(world.Run("node1", "true").Reachable);
        Assert.False(world.Run("node2", "true").Reachable);
    }

    [Fact]
    public void A_failed_disk_gives_io_errors()
    {
        var world = TestWorld.Create();
        world.Ok("node1", "mkvg -y datavg -s 64 hdisk1");
        world.Ok("node1", "varyoffvg datavg");
        Assert.True(SimFaults.Fail(world, "disk", "node1:hdisk1").Ok);
        Assert.StartsWith("0516-052 varyonvg:", world.Run("node1", "varyonvg datavg").Stderr, StringComparison.Ordinal);
        Assert.StartsWith("0516-024 lqueryvg:", world.Run("node2", "importvg -y datavg hdisk2").Stderr, StringComparison.Ordinal);
        Assert.StartsWith("0516-024 lqueryvg:", world.Run("node1", "mkvg -y x hdisk1").Stderr, StringComparison.Ordinal);
        SimFaults.Repair(world, "disk", "lun01");
        world.Ok("node1", "varyonvg datavg");
    }

    [Fact]
    public void A_failed_disk_in_a_two_disk_vg_shows_missing_but_keeps_quorum()
    {
        var world = TestWorld.Create();
        world.Ok("node1", "mkvg -y datavg -s 64 hdisk1 hdisk2");
        world.Ok("node1", "varyoffvg datavg");
        SimFaults.Fail(world, "disk", "lun02");
        var r = world.Run("node1", "varyonvg datavg");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("PVMISSING", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("hdisk2            missing", world.Ok("node1", "lsvg -p datavg"), StringComparison.Ordinal);
    }

    [Fact]
    public void An_application_process_dies_and_its_monitor_notices()
    {
        var world = WorldBuilder.Build(new WorldOptions(Demo: true));
        world.Ok("node1", "/usr/local/ha/app1/start.sh");
        Assert.Equal(0, world.Run("node1", "/usr/local/ha/app1/monitor.sh").ExitCode);
        Assert.True(SimFaults.Fail(world, "app", "node1:app1").Ok);
        Assert.Equal(1, world.Run("node1", "/usr/local/ha/app1/monitor.sh").ExitCode);
        Assert.False(SimFaults.Fail(world, "app", "node1:app1").Ok);
    }

    [Fact]
    public void The_clock_advances_and_faults_persist_in_status()
    {
        var world = TestWorld.Create();
        SimFaults.AdvanceClock(world, SimFaults.ParseDuration("90m")!.Value);
        Assert.Equal("Tue Mar 12 10:30:00 CDT 2024\n", world.Ok("node1", "date"));
        SimFaults.Fail(world, "node", "node2");
        SimFaults.Fail(world, "disk", "lun03");
        var again = WorldJson.Deserialize(WorldJson.Serialize(world));
        var status = SimStatus.Render(again);
        Assert.Contains("node2     DOWN", status, StringComparison.Ordinal);
        Assert.Contains("lun03   00f6f42a9c00aa10  FAILED", status, StringComparison.Ordinal);
        Assert.Contains("FAULTS: node node2 (since 10:30:00), disk lun03 (since 10:30:00)", status, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("node", "node9")]
    [InlineData("interface", "node1:en7")]
    [InlineData("network", "net_x")]
    [InlineData("disk", "lun99")]
    [InlineData("meteor", "node1")]
    public void Unknown_fault_targets_are_errors_not_exceptions(string kind, string target)
    {
        var world = TestWorld.Create();
        Assert.False(SimFaults.Fail(world, kind, target).Ok);
        Assert.Empty(world.Faults);
    }
}
