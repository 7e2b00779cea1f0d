using ClAdmin.Contracts;
using ClAdmin.Exec.Utilities;

namespace ClAdmin.Exec.Tests.Utilities;

/// <summary>Each formatter against a golden file written by hand from the reference layouts (§6).</summary>
public sealed class UtilityGoldenTests : IDisposable
{
    private readonly UtilityFixture _cluster = new UtilityFixture().Configure();

    public void Dispose() => _cluster.Dispose();

    private void Golden(string file, string line, IClusterState? state = null)
    {
        var r = _cluster.Run(line, state ?? FakeState.Running());
        Assert.True(r.ExitCode == 0, $"{line}: {r.Stderr}");
        Assert.Equal("", r.Stderr);
        Assert.Equal(UtilityFixture.Golden(file), r.Stdout);
    }

    [Fact] public void ClRGinfo_default() => Golden("clRGinfo.txt", "clRGinfo");
    [Fact] public void ClRGinfo_verbose_one_group() => Golden("clRGinfo-v-rg1.txt", "clRGinfo -v rg1");
    [Fact] public void ClRGinfo_colon() => Golden("clRGinfo-s.txt", "clRGinfo -s");
    [Fact] public void ClRGinfo_c_is_the_colon_form_too() => Golden("clRGinfo-s.txt", "clRGinfo -c");
    [Fact] public void Cltopinfo_default() => Golden("cltopinfo.txt", "cltopinfo");
    [Fact] public void Cllsif_default() => Golden("cllsif.txt", "cllsif");
    [Fact] public void Cllsif_colon() => Golden("cllsif-c.txt", "cllsif -c");
    [Fact] public void Cllsnode() => Golden("cllsnode.txt", "cllsnode");
    [Fact] public void Clshowsrv_verbose_when_stopped() => Golden("clshowsrv-v.txt", "clshowsrv -v", StoppedClusterState.Instance);
    [Fact] public void Cldisp_running() => Golden("cldisp.txt", "cldisp");
    [Fact] public void Clshowres_one_group() => Golden("clshowres-g-rg2.txt", "clshowres -g rg2");
    [Fact] public void Clfindres_is_clRGinfo() => Golden("clRGinfo.txt", "clfindres");
    [Fact] public void Clstat_one_screen() => Golden("clstat.txt", "clstat", WithClinfo());
    [Fact] public void Cldump() => Golden("cldump.txt", "cldump");

    [Fact]
    public void Clstat_o_is_the_screen_without_its_key_line()
    {
        var expected = UtilityFixture.Golden("clstat.txt");
        expected = expected[..expected.IndexOf("*****", StringComparison.Ordinal)];
        var r = _cluster.Run("clstat -o", WithClinfo());
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(expected, r.Stdout);
    }

    [Fact]
    public void Clstat_without_clinfo_and_cldump_without_services_fail_retrieving()
    {
        var clstat = _cluster.Run("clstat -o", FakeState.Running());
        Assert.Equal(1, clstat.ExitCode);
        Assert.StartsWith("clstat: Failed retrieving cluster information.", clstat.Stderr, StringComparison.Ordinal);
        Assert.Contains("clinfoES or snmpd subsystems are not active.", clstat.Stderr, StringComparison.Ordinal);
        var cldump = _cluster.Run("cldump", new FakeState());
        Assert.Equal(1, cldump.ExitCode);
        Assert.Equal("Obtaining information via SNMP from Node: n1...\n", cldump.Stdout);
        Assert.StartsWith("cldump: Failed retrieving cluster information.", cldump.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Clstat_and_cldump_show_a_stopped_node_down_with_its_interfaces()
    {
        var state = WithClinfo();
        state.Managers["n3"] = ClusterManagerState.Init;
        state.Groups.Remove(("rg2", "n3"));
        state.Groups[("rg2", "n2")] = ResourceGroupState.Online;
        var screen = _cluster.Run("clstat -o", state).Stdout;
        Assert.Contains("        Node: n3                State: DOWN\n           Interface: n3_boot (0)          Address: 192.168.1.3\n                                           State:   DOWN\n", screen, StringComparison.Ordinal);
        Assert.Contains("           Interface: svc2 (0)             Address: 10.1.1.20\n", screen[screen.IndexOf("Node: n2", StringComparison.Ordinal)..screen.IndexOf("Node: n3", StringComparison.Ordinal)], StringComparison.Ordinal);
        var dump = _cluster.Run("cldump", state).Stdout;
        Assert.Contains("Node Name: n3                   State: DOWN\n\n  Network Name: net_ether_01       State: DOWN\n", dump, StringComparison.Ordinal);
        Assert.EndsWith("n3                           OFFLINE\nn2                           ONLINE\n", dump, StringComparison.Ordinal);
    }

    private static FakeState WithClinfo()
    {
        var s = FakeState.Running();
        s.Subsystemlist.Add(new SubsystemStatus("clinfoES", "cluster", 286934));
        return s;
    }
}
