using ClAdmin.Cluster;
using ClAdmin.Contracts;
using ClAdmin.Exec.Utilities;
using ClAdmin.Shell;
using ClAdmin.Store;

namespace ClAdmin.Exec.Tests.Utilities;

/// <summary>Flags, operands, error cases and the smaller [U] layouts.</summary>
public sealed class UtilityCommandTests : IDisposable
{
    private readonly UtilityFixture _cluster = new UtilityFixture().Configure();

    public void Dispose() => _cluster.Dispose();

    private string Ok(string line, IClusterState? state = null)
    {
        var r = _cluster.Run(line, state ?? FakeState.Running());
        Assert.True(r.ExitCode == 0, $"{line}: {r.Stderr}");
        return r.Stdout;
    }

    [Fact]
    public void ClRGinfo_with_services_stopped_everywhere_is_the_IPC_error()
    {
        var r = _cluster.Run("clRGinfo", StoppedClusterState.Instance);
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("", r.Stdout);
        Assert.Equal("Cluster IPC error: The cluster manager on node n1 is in ST_INIT or NOT_CONFIGURED state and cannot process the IPC request.\n", r.Stderr);
    }

    [Fact]
    public void ClRGinfo_asks_another_node_when_services_are_down_locally()
    {
        var state = FakeState.Running();
        state.Managers["n1"] = ClusterManagerState.Init;
        Assert.Contains("rg2                          ONLINE           n3\n", Ok("clRGinfo", state));
    }

    [Theory]
    [InlineData("clRGinfo -x", "clRGinfo: Not a recognized flag: x\n")]
    [InlineData("clRGinfo -vz rg1", "clRGinfo: Not a recognized flag: z\n")]
    [InlineData("cllsres -g", "cllsres: Flag requires a parameter: g\n")]
    [InlineData("cltopinfo -q", "cltopinfo: Not a recognized flag: q\n")]
    [InlineData("cllsif -S", "cllsif: Not a recognized flag: S\n")]
    public void Unknown_flags_print_the_getopt_message_and_the_usage_with_exit_code_1(string line, string message)
    {
        var r = _cluster.Run(line, FakeState.Running());
        Assert.Equal(UtilityHandlers.UsageExitCode, r.ExitCode);
        Assert.Equal(1, r.ExitCode);
        Assert.StartsWith(message + "Usage: ", r.Stderr, StringComparison.Ordinal);
        Assert.Equal("", r.Stdout);
    }

    [Fact]
    public void ClRGinfo_s_and_c_together_is_a_usage_error() =>
        Assert.Equal(1, _cluster.Run("clRGinfo -s -c", FakeState.Running()).ExitCode);

    [Fact]
    public void ClRGinfo_h_prints_the_usage()
    {
        Assert.Equal(RgInfoCommand.UsageText + "\n", Ok("clRGinfo -h"));
    }

    [Fact]
    public void ClRGinfo_unknown_group_fails()
    {
        var r = _cluster.Run("clRGinfo rg9", FakeState.Running());
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("ERROR: Resource group rg9 is not defined in the cluster.\n", r.Stderr);
    }

    [Fact]
    public void ClRGinfo_p_shows_the_priority_override_only_where_set()
    {
        var state = FakeState.Running();
        state.Overrides["rg2"] = "n2";
        var text = Ok("clRGinfo -p", state);
        Assert.EndsWith("                             OFFLINE          n2\nPriority Override Information:\n   Primary Instance POL: n2\n", text, StringComparison.Ordinal);
        Assert.Single(text.Split('\n'), l => l.StartsWith("Priority Override", StringComparison.Ordinal));
    }

    [Fact]
    public void ClRGinfo_t_shows_the_settling_time_for_OFAN_groups_only()
    {
        using (var repo = _cluster.Open())
        {
            repo.Update(ConfigDirectory.Default, c => (c with { Cluster = c.Cluster! with { SettlingTime = 120 } }, 0));
        }
        var lines = Ok("clRGinfo -t", FakeState.Running()).Split('\n');
        Assert.Equal("Settling Time: 120 seconds", lines[^2]);
        Assert.Single(lines, l => l.StartsWith("Settling", StringComparison.Ordinal));
    }

    [Fact]
    public void ClRGinfo_m_adds_application_rows()
    {
        var text = Ok("clRGinfo -m rg1");
        Assert.Contains("Group Name     Group State      Application state        Node\n", text, StringComparison.Ordinal);
        Assert.Contains(" app1                           ONLINE MONITORED         n1\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ClRGinfo_a_shows_a_pending_move()
    {
        var state = FakeState.Running();
        state.Moves["rg1"] = new GroupMove("n1", "n2");
        var text = Ok("clRGinfo -a", state);
        Assert.Contains("rg1                          PRIMARY=\"n1:n2\"\n", text, StringComparison.Ordinal);
        Assert.Contains("\nrg2\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ClRGinfo_reads_the_ACD_while_services_run()
    {
        using (var repo = _cluster.Open())
        {
            repo.ActivateDefault();
            repo.Update(ConfigDirectory.Default, c => (c with { ResourceGroups = [.. c.ResourceGroups, new ResourceGroup("rg3", ["n1"])] }, 0));
        }
        Assert.DoesNotContain("rg3", Ok("clRGinfo"), StringComparison.Ordinal);
        Assert.Equal("rg1\nrg2\nrg3\n", Ok("cllsgrp"));
    }

    [Fact]
    public void Cltopinfo_flags_print_their_parts()
    {
        Assert.StartsWith("Cluster Name: demo\nCluster Connection Authentication Mode: Standard\n", Ok("cltopinfo -c"), StringComparison.Ordinal);
        Assert.StartsWith("NODE n1:\n        Network net_ether_01\n                svc1    10.1.1.10\n", Ok("cltopinfo -n"), StringComparison.Ordinal);
        Assert.StartsWith("Network net_ether_01\n        NODE n1:\n                svc1    10.1.1.10\n", Ok("cltopinfo -w"), StringComparison.Ordinal);
        var i = Ok("cltopinfo -i").Split('\n');
        Assert.Equal("IP Label        Network         Type       Node      Address          If      Netmask          Prefix Length", i[0]);
        Assert.Equal("n1_boot         net_ether_01    ether      n1        192.168.1.1      en0     255.255.255.0    24", i[2]);
    }

    [Fact]
    public void Cltopinfo_without_a_cluster_warns()
    {
        using (var repo = _cluster.Open())
        {
            repo.ReplaceObjects(ConfigDirectory.Default, []);
        }
        var r = _cluster.Run("cltopinfo", FakeState.Running());
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("Warning: There is no cluster found.\n", r.Stderr);
    }

    [Fact]
    public void Cllsres_prints_name_value_pairs()
    {
        Assert.Equal("APPLICATIONS=\"app1\"\nSERVICE_LABEL=\"svc1\"\nVOLUME_GROUP=\"datavg\"\n", Ok("cllsres -g rg1"));
        Assert.Contains("VOLUME_GROUP=\"appvg\"\n", Ok("cllsres"), StringComparison.Ordinal);
        Assert.Equal(1, _cluster.Run("cllsres -g nope", FakeState.Running()).ExitCode);
    }

    [Fact]
    public void Server_monitor_network_and_cluster_listings()
    {
        Assert.Equal("app1 /ha/app1/start /ha/app1/stop\napp2 /ha/app2/start /ha/app2/stop\n", Ok("cllsserv"));
        Assert.Equal("app2:/ha/app2/start:/ha/app2/stop:background\n", Ok("cllsserv -c app2"));
        Assert.Equal("mon1 process\n", Ok("cllsappmon"));
        Assert.Contains("processes=\"app1d\"\n", Ok("cllsappmon mon1"), StringComparison.Ordinal);
        Assert.Equal(1, _cluster.Run("cllsappmon nope", FakeState.Running()).ExitCode);
        Assert.Equal("ID          Name                 Security\n4711        demo                 Standard\n", Ok("cllsclstr"));
        var nw = Ok("cllsnw").Split('\n');
        Assert.Equal("net_ether_01     public     True   n1 n1_boot svc1  n2 n2_boot svc1 svc2  n3 n3_boot svc2", nw[2]);
        Assert.Equal("net_diskhb_01    serial            n1 n1_hdisk2_01  n2 n2_hdisk2_01", nw[3]);
    }

    [Fact]
    public void Cllsnode_i_restricts_to_one_node()
    {
        Assert.StartsWith("NODE n3:\n", Ok("cllsnode -i n3"), StringComparison.Ordinal);
        Assert.DoesNotContain("NODE n1", Ok("cllsnode -i n3"), StringComparison.Ordinal);
        Assert.Equal(1, _cluster.Run("cllsnode -i n9", FakeState.Running()).ExitCode);
    }

    [Fact]
    public void Clshowsrv_a_and_named_subsystems()
    {
        var stopped = StoppedClusterState.Instance;
        Assert.Equal(
            "Subsystem         Group            PID          Status\n"
            + " clcomdES         clcomdES         180324       active\n"
            + " clstrmgrES       cluster                       inoperative\n"
            + " clinfoES         cluster                       inoperative\n",
            Ok("clshowsrv -a", stopped));
        Assert.EndsWith(" clstrmgrES       cluster                       inoperative\n", Ok("clshowsrv clstrmgrES", stopped), StringComparison.Ordinal);
        var r = _cluster.Run("clshowsrv nosuch", stopped);
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("0513-085 The nosuch Subsystem is not on file.\n", r.Stderr);
        Assert.Equal(1, _cluster.Run("clshowsrv", stopped).ExitCode);
        Assert.Equal(1, _cluster.Run("clshowsrv -a -v", stopped).ExitCode);
    }

    [Fact]
    public void Cldisp_with_services_stopped_reports_down()
    {
        var text = Ok("cldisp", StoppedClusterState.Instance);
        Assert.StartsWith("Cluster: demo\n   Cluster services: inactive\n   State of cluster: down\n      Substate: unknown\n", text, StringComparison.Ordinal);
        Assert.Contains("            No node currently provides app1.\n", text, StringComparison.Ordinal);
        Assert.Contains("                  svc1(10.1.1.10) {offline}\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_registers_every_utility_once_and_all_are_in_commands_json()
    {
        var names = UtilityHandlers.Create(_cluster.Open, StoppedClusterState.Instance).SelectMany(h => h.Names).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.Equal(
            ["clRGinfo", "cldisp", "cldump", "clfindres", "cllsappmon", "cllsclstr", "cllsgrp", "cllsif", "cllsnode", "cllsnw", "cllsres", "cllsserv", "clshowres", "clshowsrv", "clstat", "cltopinfo", "get_local_nodename"],
            names.Order(StringComparer.Ordinal));
        Assert.All(names, n => Assert.NotNull(CommandCatalog.Default.Find(n)));
    }

    [Fact]
    public void Stopped_state_is_ST_INIT_and_offline()
    {
        Assert.Equal("ST_INIT", StateNames.Name(StoppedClusterState.Instance.ManagerState("n1")));
        Assert.Equal("OFFLINE", StateNames.Name(StoppedClusterState.Instance.GroupState("rg1", "n1")));
        Assert.DoesNotContain(StoppedClusterState.Instance.Subsystems("n1"), s => s.Name == "clstrmgrES" && s.Active);
    }
}
