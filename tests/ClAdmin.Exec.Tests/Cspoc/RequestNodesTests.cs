using ClAdmin.Contracts;

namespace ClAdmin.Exec.Tests.Cspoc;

/// <summary>
/// What a C-SPOC command does with the request around its line, through the real dispatcher and
/// simulated nodes: the nodes a re-run names (COMMAND STATUS F5) and the per-node callback that
/// feeds the live node grid.
/// </summary>
public sealed class RequestNodesTests
{
    [Fact]
    public async Task A_request_naming_nodes_runs_a_cspoc_command_on_those_nodes_only()
    {
        var w = new CspocWorld(nodes: 3);

        var r = await w.Dispatcher.RunAsync(new CommandRequest("cl_mkuser -cspoc \"-n node1,node2,node3\" jdoe", Nodes: ["node2"]), CancellationToken.None);

        Assert.Equal(0, r.ExitCode);
        Assert.Equal(["node2"], r.Nodes.Select(n => n.Node));
        Assert.Contains(w.Node("node2").Users, u => u.Name == "jdoe");
        Assert.DoesNotContain(w.Node("node1").Users, u => u.Name == "jdoe");
        Assert.DoesNotContain(w.Node("node3").Users, u => u.Name == "jdoe");
    }

    [Fact]
    public async Task A_request_naming_nodes_narrows_a_command_without_cspoc_nodes_too()
    {
        var w = new CspocWorld(nodes: 3);

        var r = await w.Dispatcher.RunAsync(new CommandRequest("cl_mkuser jdoe", Nodes: ["node1", "node3"]), CancellationToken.None);

        Assert.Equal(["node1", "node3"], r.Nodes.Select(n => n.Node));
        Assert.DoesNotContain(w.Node("node2").Users, u => u.Name == "jdoe");
    }

    [Fact]
    public async Task Every_node_of_a_cspoc_command_reports_while_the_command_runs()
    {
        var w = new CspocWorld(nodes: 3);
        var seen = new List<NodeResult>();

        var r = await w.Dispatcher.RunAsync(new CommandRequest("cl_mkuser -cspoc \"-n node1,node2,node3\" jdoe")
        {
            OnNodeResult = seen.Add,
        }, CancellationToken.None);

        Assert.Equal(0, r.ExitCode);
        Assert.Equal(["node1", "node2", "node3"], seen.Select(n => n.Node).Distinct().Order());
        Assert.All(seen, n => Assert.Equal(NodeOutcome.Ok, n.Outcome));
    }

    [Fact]
    public async Task A_node_that_fails_a_cspoc_command_is_reported_failed_while_it_runs()
    {
        var w = new CspocWorld(nodes: 3);
        w.Sh("node2", "mkuser id=400 jdoe");
        var seen = new List<NodeResult>();

        var r = await w.Dispatcher.RunAsync(new CommandRequest("cl_mkuser -cspoc \"-n node1,node2,node3\" id=300 jdoe")
        {
            OnNodeResult = seen.Add,
        }, CancellationToken.None);

        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains(seen, n => n.Node == "node2" && n.Outcome == NodeOutcome.Failed);
    }
}
