using ClAdmin.Sim.Faults;

namespace ClAdmin.Tests;

/// <summary>The users' and problem-determination commands of issue 17 §1 on the demo cluster, through
/// the runtime's dispatcher as the dialogs run them: clpasswd, cltestool, clrgdependency.</summary>
public sealed class ToolCommandScenarioTests : DemoScenario
{
    private static async Task<string> SecurityStanza(Runtime runtime, string node, string user)
    {
        var file = await Ok(runtime, "cat /etc/security/passwd", node);
        var at = file.IndexOf(user + ":\n", StringComparison.Ordinal);
        Assert.True(at >= 0, $"no stanza for {user} on {node}:\n{file}");
        var end = file.IndexOf("\n\n", at, StringComparison.Ordinal);
        return file[at..(end + 1)];
    }

    [Fact]
    public async Task Clpasswd_reads_the_password_as_passwd_does_and_sets_it_on_every_node()
    {
        await using var runtime = await Demo();
        await Ok(runtime, "cl_mkuser jdoe");
        var r = await runtime.Dispatcher.RunAsync(new Contracts.CommandRequest("clpasswd jdoe", "Secret123\nSecret123\n"), CancellationToken.None);
        Assert.True(r.ExitCode == 0, r.Stdout + r.Stderr);
        Assert.Contains("Changing password for \"jdoe\"", r.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret123", r.Stdout + r.Stderr, StringComparison.Ordinal);
        foreach (var node in new[] { "node1", "node2" })
        {
            // The user changed his own password: set, and no change forced at the next login.
            var stanza = await SecurityStanza(runtime, node, "jdoe");
            Assert.Matches("^jdoe:\n\tpassword = \\{ssha256\\}[^\n]+\n\tlastupdate = [0-9]+\n$", stanza);
        }
    }

    [Fact]
    public async Task Clpasswd_changes_nothing_when_the_entries_differ_or_a_node_is_down()
    {
        await using var runtime = await Demo();
        await Ok(runtime, "cl_mkuser jdoe");
        var differ = await runtime.Dispatcher.RunAsync(new Contracts.CommandRequest("clpasswd jdoe", "Secret123\nSecret124\n"), CancellationToken.None);
        Assert.Equal(1, differ.ExitCode);
        Assert.Contains("do not match", differ.Stderr, StringComparison.Ordinal);
        var down = await runtime.ClusterServices!.FaultAsync("fail", w => SimFaults.Fail(w, "node", "node2") is var f ? (f.Ok, f.Message) : default, CancellationToken.None);
        Assert.Equal(0, down.ExitCode);
        var r = await runtime.Dispatcher.RunAsync(new Contracts.CommandRequest("clpasswd jdoe", "Secret123\nSecret123\n"), CancellationToken.None);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("node2", r.Stdout + r.Stderr, StringComparison.Ordinal);
        Assert.Contains("was not changed on any node", r.Stdout + r.Stderr, StringComparison.Ordinal);
        Assert.Equal("jdoe:\n\tpassword = *\n", await SecurityStanza(runtime, "node1", "jdoe"));
        Assert.Equal(2, (await Run(runtime, "clpasswd -x")).ExitCode);
    }

    [Fact]
    public async Task Cltestool_runs_the_automated_test_plan_against_the_cluster_manager()
    {
        await using var runtime = await Demo();
        var r = await Run(runtime, "cltestool -a -v no -c no -e no");
        Assert.True(r.ExitCode == 0, r.Stdout + r.Stderr);
        var lines = r.Stdout.Split('\n');
        var tests = lines.Where(l => l.StartsWith("|  Test ", StringComparison.Ordinal)).ToList();
        Assert.Equal("|  Test 1: NODE_UP,ALL,Start cluster services on all available nodes", tests[0]);
        Assert.Contains("|  Test 2: NODE_DOWN_GRACEFUL,node1,Stop cluster services gracefully on a node", tests);
        Assert.Contains(tests, t => t.Contains("RG_MOVE,rg1,", StringComparison.Ordinal));
        Assert.Equal(tests.Count, lines.Count(l => l == "|  Completion Status: PASSED"));
        Assert.Contains("##  Cluster Testing Complete: Exit Code 0", r.Stdout, StringComparison.Ordinal);
        // The cluster is left running and stable.
        Assert.Equal("ST_STABLE", await ManagerState(runtime, "node1"));
        Assert.Equal(2, (await Run(runtime, "cltestool")).ExitCode);
    }

    [Fact]
    public async Task Clrgdependency_lists_the_dependencies_of_one_kind()
    {
        await using var runtime = await Demo();
        Assert.Equal("#Parent Child\n", await Ok(runtime, "clrgdependency -t PARENT_CHILD -sl"));
        await Ok(runtime, "clmgr add dependency PARENT=rg1 CHILD=rg2");
        Assert.Equal("#Parent Child\nrg1 rg2\n", await Ok(runtime, "clrgdependency -t PARENT_CHILD -sl"));
        Assert.Contains("Usage: clrgdependency", (await Run(runtime, "clrgdependency")).Stderr, StringComparison.Ordinal);
    }
}
