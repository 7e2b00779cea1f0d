using ClAdmin.Cluster.Verification;

namespace ClAdmin.Cluster.Tests.Verification;

/// <summary>The output layout, written from powerha-verify-install-outputs.md §1.2-§1.5.</summary>
public class ClverifyReportTests
{
    private static readonly Check Topo = new("R-VER-REACH", "§9.2 item 3", "Checking that every cluster node can be reached", _ => []);
    private static readonly Check Res = new("R-APP-EXEC", "§9.2 item 9", "Checking scripts", _ => []);

    private static readonly Dictionary<string, NodeFacts?> Both = new() { ["nodeA"] = new NodeFacts("nodeA"), ["nodeB"] = new NodeFacts("nodeB") };

    private static string Join(IEnumerable<ReportLine> lines) => string.Concat(lines.Select(l => l.Text + "\n"));

    [Fact]
    public void A_clean_run_follows_the_HACMP_5_layout()
    {
        var text = Join(ClverifyReport.Console(["nodeA", "nodeB"], Both, [new(Topo, []), new(Res, [])]));
        // §1.3, with the TAB indents of §1.2's note.
        Assert.Equal(
            "Verification to be performed on the following:\n" +
            "\tCluster Topology\n" +
            "\tCluster Resources\n" +
            "\n" +
            "Retrieving data from available cluster nodes.  This could take a few minutes.\n" +
            "\n" +
            "\tStart data collection on node nodeA\n" +
            "\tStart data collection on node nodeB\n" +
            "\tCollector on node nodeA completed\n" +
            "\tCollector on node nodeB completed\n" +
            "\tData collection complete\n" +
            "\n" +
            "Verifying Cluster Topology...\n" +
            "\n" +
            "\tCompleted 50 percent of the verification checks\n" +
            "\n" +
            "Verifying Cluster Resources...\n" +
            "\n" +
            "\tCompleted 100 percent of the verification checks\n" +
            "\n" +
            "Remember to redo automatic error notification if configuration has changed.\n" +
            "\n" +
            "Verification has completed normally.\n",
            text);
    }

    [Fact]
    public void Errors_and_warnings_start_at_column_0_and_wrap_without_indent()
    {
        var warning = new Finding(Severity.Warning, "R-MON-2", null, "app1", "Application monitors are required for detecting application failures in order for HACMP to recover from them.");
        var error = new Finding(Severity.Error, "R-APP-EXEC", "nodeB", "/s", "The start script /s is not executable on node nodeB.");
        var lines = ClverifyReport.Console(["nodeA", "nodeB"], Both, [new(Topo, [warning]), new(Res, [error])]);
        var text = Join(lines);
        Assert.Contains(
            "\nWARNING: Application monitors are required for detecting application failures in\n" +
            "order for HACMP to recover from them.\n\tCompleted 50 percent", text, StringComparison.Ordinal);
        Assert.Contains("\nERROR: The start script /s is not executable on node nodeB.\n", text, StringComparison.Ordinal);
        Assert.EndsWith("\nVerification exiting with error count: 1\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Verification has completed normally.", text, StringComparison.Ordinal);
        Assert.All(lines.Where(l => l.Text.StartsWith("ERROR: ", StringComparison.Ordinal)), l => Assert.True(l.IsError));
        Assert.All(lines.Where(l => l.Text.StartsWith("WARNING: ", StringComparison.Ordinal)), l => Assert.False(l.IsError));
    }

    [Fact]
    public void An_unreachable_node_shows_in_data_collection()
    {
        var facts = new Dictionary<string, NodeFacts?> { ["nodeA"] = new NodeFacts("nodeA"), ["nodeB"] = null };
        var text = Join(ClverifyReport.Console(["nodeA", "nodeB"], facts, [new(Topo, [])]));
        Assert.Contains("\tCollector on node nodeA completed\n\tCollector on node nodeB failed", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_log_has_a_header_check_lines_and_a_result_per_node()
    {
        var error = new Finding(Severity.Error, "R-APP-EXEC", "nodeB", "/s", "bad");
        var log = ClverifyReport.Log("nodeA", new DateTime(2026, 12, 6, 9, 5, 3), ["nodeA", "nodeB"], Both, [new(Topo, []), new(Res, [error])]);
        Assert.StartsWith("clverify started on node nodeA at Sun Dec 06 09:05:03 2026\n\n", log, StringComparison.Ordinal);
        // §1.5: a description line, then Check: PASSED|FAILED.
        Assert.Contains("Checking that every cluster node can be reached (R-VER-REACH)\nCheck: PASSED\n", log, StringComparison.Ordinal);
        Assert.Contains("Checking scripts (R-APP-EXEC)\nERROR: bad\nCheck: FAILED\n", log, StringComparison.Ordinal);
        Assert.Contains("Verification on node nodeA: PASSED\nVerification on node nodeB: FAILED\n", log, StringComparison.Ordinal);
    }
}
