using ClAdmin.Contracts;
using ClAdmin.Tui.Screens;

namespace ClAdmin.Tui.Tests;

/// <summary>COMMAND STATUS while a fan-out command runs: nodes appear as they finish.</summary>
public sealed class StreamingStatusTests
{
    [Fact]
    public void Nodes_appear_as_they_finish_and_completion_does_not_repeat_their_output()
    {
        var status = new StatusScreen("lsvg -o", nodes: ["node1", "node2"]);
        status.NodeFinished(new NodeResult("node2", NodeOutcome.Ok, 0, "rootvg\n", "", TimeSpan.Zero));
        var running = Screens.Render(status);
        // smit.md §3.6: stdout: at column 23, stderr: at column 45.
        Assert.Equal("Command: running       stdout: yes           stderr: no", running.Line(2));
        Assert.Equal("node2: rootvg", FindLine(running, "node2: rootvg"));
        Assert.Single(status.Nodes);

        status.NodeFinished(new NodeResult("node1", NodeOutcome.Unreachable, 255, "", "cladmin: node1: unreachable\n", TimeSpan.Zero));
        var result = new CommandResult(255, "node2: rootvg\n", "node1: cladmin: node1: unreachable\n", status.Nodes);
        status.Complete(result);
        var done = Screens.Render(status);
        Assert.Equal("Command: failed        stdout: yes           stderr: yes", done.Line(2));
        Assert.Equal(1, CountLines(done, "node2: rootvg"));
        Assert.Equal(["node1"], status.FailedNodes);
    }

    [Fact]
    public void Tabs_in_the_output_show_as_spaces_to_the_next_eighth_column_not_as_control_characters()
    {
        // clverify indents its progress lines with a tab ("\tCluster Topology"); a terminal shows
        // that as spaces to column 8, never as '?'.
        var status = new StatusScreen("clmgr verify cluster");
        status.Append("Verification to be performed on the following:\n\tCluster Topology\nab\tc\n\tpartial");
        var screen = Screens.Render(status);
        var lines = Enumerable.Range(0, screen.Height).Select(screen.Line).ToList();
        Assert.Contains("        Cluster Topology", lines);
        Assert.Contains("ab      c", lines);
        Assert.Contains("        partial", lines);
        Assert.DoesNotContain(lines, l => l.Contains('?', StringComparison.Ordinal));
    }

    private static string FindLine(Rendering.ScreenBuffer buffer, string text) =>
        Enumerable.Range(0, buffer.Height).Select(buffer.Line).First(l => l.Contains(text, StringComparison.Ordinal)).Trim();

    private static int CountLines(Rendering.ScreenBuffer buffer, string text) =>
        Enumerable.Range(0, buffer.Height).Select(buffer.Line).Count(l => l.Contains(text, StringComparison.Ordinal));
}
