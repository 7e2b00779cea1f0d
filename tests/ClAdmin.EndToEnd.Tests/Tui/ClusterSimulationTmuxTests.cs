using ClAdmin.Testing;

namespace ClAdmin.EndToEnd.Tests.Tui;

/// <summary>
/// Issue 19 §4, "Done when": in the real cladmin under tmux, on the demo cluster with services
/// started (rg1 on node1, rg2 on node2), the Cluster Simulation menu's Inject a Fault dialog crashes
/// node1, and the Live Cluster Status screen shows rg1 moved to node2 (fallover to the next priority
/// node, semantics R-FO); then, while that screen is up, another cladmin repairs node1 and the
/// screen shows it without a key being pressed (it refreshes every second).
/// </summary>
public sealed class ClusterSimulationTmuxTests
{
    private static bool GroupOn(string screen, string group, string node) =>
        screen.Split('\n').Any(l => l.StartsWith(group + " ", StringComparison.Ordinal)
            && l.Contains("ONLINE", StringComparison.Ordinal) && l.TrimEnd().EndsWith(" " + node, StringComparison.Ordinal));

    [Fact]
    public void A_node_failure_injected_from_the_menu_moves_rg1_on_the_live_status_screen()
    {
        using var t = new TmuxTerminal("hacmp", height: 40, prepare: db =>
        {
            var start = CladminProcess.Run("--db", db, "run", "clstart", "nodes=node1,node2", "--yes");
            Assert.True(start.ExitCode == 0, start.Stdout + start.Stderr);
        });
        var top = t.WaitFor("Cluster Simulation");
        Assert.Contains("Problem Determination Tools", top);
        // The fifth item of smitty hacmp.
        t.Keys("Down", "Down", "Down", "Down", "Enter");
        t.WaitFor("Live Cluster Status");
        t.Keys("Enter");
        t.WaitUntil(s => GroupOn(s, "rg1", "node1") && GroupOn(s, "rg2", "node2"), "rg1 ONLINE on node1 on the live status", 30_000);
        t.Keys("F3");

        t.WaitFor("Inject a Fault");
        t.Keys("Down", "Enter");
        var dialog = t.WaitFor("Type or select values in entry fields.");
        Assert.Contains("node (crash)", dialog);
        t.Keys("Down");
        t.Type("node1");
        t.WaitFor("[node1]");
        t.Keys("Enter");
        var status = t.WaitUntil(s => s.Contains("COMMAND STATUS", StringComparison.Ordinal) && s.Contains("Command: ", StringComparison.Ordinal)
            && !s.Contains("Command: running", StringComparison.Ordinal), "the fault's command status", 60_000);
        Assert.Contains("Command: OK", status);
        t.Keys("F3", "F3");

        t.WaitFor("Inject a Fault");
        t.Keys("Up", "Enter");
        var live = t.WaitUntil(s => GroupOn(s, "rg1", "node2"), "rg1 ONLINE on node2 on the live status", 30_000);
        Assert.Contains("Faults: node node1", live);
        Assert.Contains("(crashed)", live);

        // Another cladmin repairs node1: the screen follows without a key.
        var repair = CladminProcess.Run("--db", t.DatabasePath, "sim", "repair", "node", "node1");
        Assert.True(repair.ExitCode == 0, repair.Stdout + repair.Stderr);
        t.WaitFor("Faults: none", 30_000);
        t.Keys("F10");
        t.WaitFor("CLADMIN-EXIT=0");
    }
}
