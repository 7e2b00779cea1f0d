using ClAdmin.Testing;

namespace ClAdmin.Tests;

/// <summary>The automatic cluster verification (clautover) of the demo cluster, run by the real
/// program when the simulated clock passes its hour (outputs reference §1.1: one node, by default
/// the first in alphabetical order, at midnight; clverify.log there, clutils.log on every node).</summary>
public sealed class ClautoverCliTests : CladminCliTest
{

    private string Cat(string node, string path)
    {
        var r = Cladmin("cmd", "-n", node, "--", "cat", path);
        Assert.True(r.ExitCode == 0, r.Stderr);
        // cladmin cmd heads a node's output with its name, as clush -b does: "---\nnode1 (1)\n---\n".
        var header = $"---------------\n{node} (1)\n---------------\n";
        Assert.StartsWith(header, r.Stdout, StringComparison.Ordinal);
        return r.Stdout[header.Length..];
    }

    [Fact]
    public void After_a_simulated_day_the_first_node_verifies_at_midnight_and_logs_it()
    {
        Assert.Equal("#ENABLED:NODE:HOUR\nEnabled:Default:00\n", Cladmin("cmd", "--", "clautover", "-c").Stdout);
        // The demo's clock starts at Tue Mar 12 09:00 2024: an hour passes no midnight.
        var hour = Cladmin("sim", "clock", "advance", "1h");
        Assert.Equal(0, hour.ExitCode);
        Assert.DoesNotContain("clautover", hour.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, Cladmin("cmd", "-n", "node1", "--", "ls", "/var/hacmp/clverify/clverify.log").ExitCode);

        var day = Cladmin("sim", "clock", "advance", "24h");
        Assert.True(day.ExitCode == 0, day.Stderr);
        const string Started = "Wed Mar 13 00:00:00 2024: clautover: Automatic cluster configuration verification started on node node1.\n";
        const string Passed = "Wed Mar 13 00:00:00 2024: clautover: Automatic cluster configuration verification completed on node node1: no errors were found.\n";
        Assert.Equal(Started + Passed + "Simulated clock: Wed Mar 13 10:00:00 2024\n", day.Stdout);
        Assert.EndsWith(Started + Passed, Cat("node1", "/var/hacmp/log/clutils.log"), StringComparison.Ordinal);
        Assert.EndsWith(Started + Passed, Cat("node2", "/var/hacmp/log/clutils.log"), StringComparison.Ordinal);
        var log = Cat("node1", "/var/hacmp/clverify/clverify.log");
        Assert.StartsWith("clverify started on node node1 at Wed Mar 13 00:00:00 2024\n", log, StringComparison.Ordinal);
        Assert.Contains("Check: PASSED", log, StringComparison.Ordinal);
        Assert.Equal(1, Cladmin("cmd", "-n", "node2", "--", "ls", "/var/hacmp/clverify/clverify.log").ExitCode);
    }

    [Fact]
    public void The_dialog_settings_choose_the_node_and_hour_and_an_error_is_logged_on_every_node()
    {
        var set = Cladmin("run", "clautover.dialog", "enabled=Enabled", "node=node2", "hour=06");
        Assert.True(set.ExitCode == 0, set.Stdout + set.Stderr);
        Assert.Equal("#ENABLED:NODE:HOUR\nEnabled:node2:06\n", Cladmin("cmd", "--", "clautover", "-c").Stdout);
        Assert.Equal(0, Cladmin("cmd", "-n", "node1", "--", "chvg", "-a", "y", "appvg").ExitCode);

        var day = Cladmin("sim", "clock", "advance", "1d");
        Assert.Equal(0, day.ExitCode);
        var failed = "Wed Mar 13 06:00:00 2024: clautover: Automatic cluster configuration verification completed on node node2: 1 error(s) were found; see /var/hacmp/clverify/clverify.log on node node2.\n";
        Assert.Contains(failed, day.Stdout, StringComparison.Ordinal);
        Assert.EndsWith(failed, Cat("node1", "/var/hacmp/log/clutils.log"), StringComparison.Ordinal);
        Assert.Contains("Check: FAILED", Cat("node2", "/var/hacmp/clverify/clverify.log"), StringComparison.Ordinal);

        var badNode = Cladmin("cmd", "--", "clautover", "-n", "node9");
        Assert.NotEqual(0, badNode.ExitCode);
        Assert.Contains("clautover: -n: \"node9\" is not a cluster node (nor Default)", badNode.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, Cladmin("cmd", "--", "clautover", "-e", "Disabled").ExitCode);
        Assert.DoesNotContain("clautover", Cladmin("sim", "clock", "advance", "2d").Stdout, StringComparison.Ordinal);
    }
}
