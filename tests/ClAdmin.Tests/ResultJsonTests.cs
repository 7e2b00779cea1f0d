using System.Text.Json;
using ClAdmin.Contracts;

namespace ClAdmin.Tests;

public sealed class ResultJsonTests
{
    private static JsonElement Render(string line, CommandResult result)
    {
        var writer = new StringWriter();
        ResultJson.Write(writer, line, result);
        return JsonDocument.Parse(writer.ToString()).RootElement;
    }

    [Fact]
    public void Per_node_outcomes_are_kept_apart_and_any_failure_fails_the_whole()
    {
        var result = new CommandResult(255, "", "", [
            new NodeResult("node1", NodeOutcome.Ok, 0, "node1\n", "", TimeSpan.FromMilliseconds(12)),
            new NodeResult("node2", NodeOutcome.Unreachable, 255, "", "ssh: connect to host node2 port 22: Connection refused\n", TimeSpan.FromSeconds(1)),
            new NodeResult("node3", NodeOutcome.TimedOut, 124, "", "", TimeSpan.FromSeconds(5)),
        ]);
        var json = Render("hostname", result);
        Assert.Equal("hostname", json.GetProperty("command").GetString());
        Assert.Equal("failed", json.GetProperty("status").GetString());
        Assert.Equal(255, json.GetProperty("exitCode").GetInt32());
        var nodes = json.GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(["node1", "node2", "node3"], nodes.Select(n => n.GetProperty("node").GetString()));
        Assert.Equal(["ok", "unreachable", "timed_out"], nodes.Select(n => n.GetProperty("outcome").GetString()));
        Assert.Equal("node1\n", nodes[0].GetProperty("stdout").GetString());
        Assert.Equal(12, nodes[0].GetProperty("durationMs").GetInt64());
        Assert.Equal(ExitCodes.Failed, ExitCodes.Of(result));
    }

    [Fact]
    public void A_stopped_node_says_whether_its_stop_was_confirmed()
    {
        var result = new CommandResult(130, "", "", [
            new NodeResult("node1", NodeOutcome.Cancelled, 130, "", "", TimeSpan.Zero) { Stop = RemoteStop.Confirmed },
            new NodeResult("node2", NodeOutcome.Cancelled, 130, "", "", TimeSpan.Zero) { Stop = RemoteStop.Unconfirmed },
            new NodeResult("node3", NodeOutcome.Cancelled, 130, "", "", TimeSpan.Zero),
        ]);
        var nodes = Render("sleep 60", result).GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal("confirmed", nodes[0].GetProperty("stop").GetString());
        Assert.Equal("unconfirmed", nodes[1].GetProperty("stop").GetString());
        Assert.False(nodes[2].TryGetProperty("stop", out _)); // never started: nothing to stop
    }

    [Fact]
    public void A_local_success_is_ok_with_no_nodes()
    {
        var json = Render("clRGinfo", CommandResult.Local(0, "rg1 ONLINE node1\n"));
        Assert.Equal("ok", json.GetProperty("status").GetString());
        Assert.Empty(json.GetProperty("nodes").EnumerateArray());
        Assert.Equal(ExitCodes.Ok, ExitCodes.Of(CommandResult.Local(0, "")));
    }

    [Fact]
    public void A_node_that_failed_makes_exit_code_1_even_when_the_command_said_0() =>
        Assert.Equal(ExitCodes.Failed, ExitCodes.Of(new CommandResult(0, "", "", [new NodeResult("n", NodeOutcome.Cancelled, 0, "", "", TimeSpan.Zero)])));

    [Theory]
    [InlineData(NodeOutcome.Ok, "ok")]
    [InlineData(NodeOutcome.Failed, "failed")]
    [InlineData(NodeOutcome.TimedOut, "timed_out")]
    [InlineData(NodeOutcome.Unreachable, "unreachable")]
    [InlineData(NodeOutcome.Cancelled, "cancelled")]
    public void Outcome_names_are_stable(NodeOutcome outcome, string name) =>
        Assert.Equal(name, ResultJson.OutcomeName(outcome));
}
