using ClAdmin.Testing;

namespace ClAdmin.EndToEnd.Tests.Tui;

/// <summary>
/// A newcomer's first real action on the demo cluster, in the real cladmin under tmux: smitty
/// cl_admin, Manage HACMP Services, Start Cluster Services, whose node field offers the local node as
/// SMIT does (powerha-menus.md §4.1), widened to both nodes; Enter; then clRGinfo shows each group ONLINE on its home node (rg1 on node1, rg2 on node2).
/// </summary>
public sealed class ClusterServicesTmuxTests
{
    [Fact]
    public void Start_cluster_services_from_the_screens_then_clRGinfo_shows_the_groups_home()
    {
        using var t = new TmuxTerminal("cl_admin");
        t.WaitFor("System Management (C-SPOC)");
        t.WaitFor("Manage HACMP Services");
        t.Keys("Enter");
        t.WaitFor("Start Cluster Services");
        t.Keys("Enter");
        var dialog = t.WaitFor("Type or select values in entry fields.");
        Assert.Contains("Start now, on system restart or both", dialog);
        Assert.Contains("[node1]", dialog);
        // The cursor is on the first field; the nodes are the second.
        t.Keys("Down", "Home", "C-k");
        t.Type("node1,node2");
        t.WaitFor("[node1,node2]");
        t.Keys("Enter");
        var status = t.WaitUntil(s => s.Contains("COMMAND STATUS", StringComparison.Ordinal) && s.Contains("Command: ", StringComparison.Ordinal)
            && !s.Contains("Command: running", StringComparison.Ordinal), "the command status with its result", 60_000);
        Assert.Contains("Command: OK", status);
        t.Keys("F10");
        t.WaitFor("CLADMIN-EXIT=0");

        var db = Path.Combine(t.LogDirectory, "cladmin.db");
        var rginfo = CladminProcess.Run("--db", db, "cmd", "--", "clRGinfo");
        Assert.True(rginfo.ExitCode == 0, rginfo.Stderr);
        Assert.Equal(
            "-----------------------------------------------------------------------------\n" +
            "Group Name                   State            Node\n" +
            "-----------------------------------------------------------------------------\n" +
            "rg1                          ONLINE           node1\n" +
            "                             OFFLINE          node2\n" +
            "rg2                          ONLINE           node2\n" +
            "                             OFFLINE          node1\n",
            rginfo.Stdout);
        foreach (var node in new[] { "node1", "node2" })
        {
            var manager = CladminProcess.Run("--db", db, "cmd", "-n", node, "--", "lssrc", "-ls", "clstrmgrES");
            // cmd's banner (dshbak style), then the long status, whose first line is the state.
            Assert.StartsWith($"---------------\n{node} (1)\n---------------\nCurrent state: ST_STABLE\n", manager.Stdout, StringComparison.Ordinal);
        }
    }
}
