using ClAdmin.Contracts;

namespace ClAdmin.Exec.Tests.Cspoc;

public sealed class UserGroupTests
{
    [Fact]
    public async Task Mkuser_creates_the_user_with_the_same_id_on_every_node()
    {
        var w = new CspocWorld(nodes: 3);
        var r = await w.Run("cl_mkuser -cspoc \"-n node1,node2,node3\" id='300' jdoe");

        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", r.Stderr);
        Assert.All(r.Nodes, n => Assert.Equal(NodeOutcome.Ok, n.Outcome));
        foreach (var node in w.World.Nodes)
        {
            Assert.Equal(300, node.Users.Single(u => u.Name == "jdoe").Id);
        }
        // Then listing it shows one line per node, as lsuser -a prints it.
        var ls = await w.Run("cl_lsuser -cspoc \"-n node1,node2,node3\" -a id home jdoe");
        Assert.Equal("node1: jdoe id=300 home=/home/jdoe\nnode2: jdoe id=300 home=/home/jdoe\nnode3: jdoe id=300 home=/home/jdoe\n", ls.Stdout);
    }

    [Fact]
    public async Task Mkuser_without_cspoc_nodes_runs_on_every_cluster_node()
    {
        var w = new CspocWorld(nodes: 3);
        var r = await w.Run("cl_mkuser jdoe");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(["node1", "node2", "node3"], r.Nodes.Select(n => n.Node));
        Assert.All(w.World.Nodes, n => Assert.Contains(n.Users, u => u.Name == "jdoe"));
    }

    [Fact]
    public async Task Mkuser_refuses_an_id_taken_on_one_node_and_changes_no_node()
    {
        var w = new CspocWorld(nodes: 3);
        w.Sh("node2", "mkuser id=300 alice");

        var r = await w.Run("cl_mkuser -cspoc \"-n node1,node2,node3\" id=300 jdoe");

        Assert.NotEqual(0, r.ExitCode);
        Assert.Equal("node2: cl_mkuser: user id 300 is already used by alice on node2.\ncl_mkuser: user jdoe was not created on any node.\n", r.Stderr);
        Assert.Equal(NodeOutcome.Failed, CspocWorld.On(r, "node2").Outcome);
        Assert.Equal(NodeOutcome.Ok, CspocWorld.On(r, "node1").Outcome);
        Assert.All(w.World.Nodes, n => Assert.DoesNotContain(n.Users, u => u.Name == "jdoe"));
        Assert.DoesNotContain(w.Transport.Seen, c => c.Argv[0] == "mkuser");
    }

    [Theory]
    [InlineData("cl_mkuser ALL", "ALL")]
    [InlineData("cl_mkuser -- -g", "-g")]
    [InlineData("cl_mkuser gecos=-- --", "--")]
    [InlineData("cl_mkgroup default", "default")]
    public async Task Mkuser_and_mkgroup_refuse_an_invalid_name_before_reaching_any_node(string line, string name)
    {
        var w = new CspocWorld(nodes: 2);

        var r = await w.Run(line);

        Assert.Equal(2, r.ExitCode);
        Assert.Equal($"3004-694 Error adding \"{name}\" : Name is invalid.\n", r.Stderr);
        Assert.Empty(w.Transport.Seen);
    }

    [Fact]
    public async Task Mkuser_refuses_a_name_already_used_on_one_node()
    {
        var w = new CspocWorld(nodes: 2);
        w.Sh("node2", "mkuser id=400 jdoe");

        var r = await w.Run("cl_mkuser -cspoc \"-n node1,node2\" id=300 jdoe");

        Assert.Equal(17, r.ExitCode);
        Assert.StartsWith("node2: 3004-689 User \"jdoe\" exists.\n", r.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(w.Node("node1").Users, u => u.Name == "jdoe");
        Assert.Equal(400, w.Node("node2").Users.Single(u => u.Name == "jdoe").Id);
    }

    [Fact]
    public async Task Mkuser_refuses_when_a_node_is_unreachable_unless_forced()
    {
        var w = new CspocWorld(nodes: 3);
        w.Node("node2").Up = false;

        var refused = await w.Run("cl_mkuser -cspoc \"-n node1,node2,node3\" jdoe");
        Assert.Equal(1, refused.ExitCode);
        Assert.Equal(NodeOutcome.Unreachable, CspocWorld.On(refused, "node2").Outcome);
        Assert.Contains("node2: cl_mkuser: unable to reach node node2; nothing was run there.\n", refused.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(w.Node("node1").Users, u => u.Name == "jdoe");

        var forced = await w.Run("cl_mkuser -cspoc \"-f -n node1,node2,node3\" jdoe");
        Assert.Equal(1, forced.ExitCode);
        Assert.Equal(NodeOutcome.Unreachable, CspocWorld.On(forced, "node2").Outcome);
        Assert.Equal(NodeOutcome.Ok, CspocWorld.On(forced, "node1").Outcome);
        Assert.Equal(NodeOutcome.Ok, CspocWorld.On(forced, "node3").Outcome);
        Assert.Contains(w.Node("node1").Users, u => u.Name == "jdoe");
        Assert.Contains(w.Node("node3").Users, u => u.Name == "jdoe");
        Assert.DoesNotContain(w.Node("node2").Users, u => u.Name == "jdoe");
    }

    [Fact]
    public async Task An_unreachable_node_is_reported_for_that_node_only()
    {
        var w = new CspocWorld(nodes: 3);
        w.Sh("node1", "mkuser jdoe");
        w.Sh("node3", "mkuser jdoe");
        w.Node("node2").Up = false;

        var r = await w.Run("cl_chuser -cspoc \"-n node1,node2,node3\" shell=/usr/bin/ksh93 jdoe");

        Assert.Equal(1, r.ExitCode);
        Assert.Equal([NodeOutcome.Ok, NodeOutcome.Unreachable, NodeOutcome.Ok], r.Nodes.Select(n => n.Outcome));
        Assert.Equal("node2: cl_chuser: unable to reach node node2; nothing was run there.\n", r.Stderr);
        Assert.Equal("/usr/bin/ksh93", w.Node("node1").Users.Single(u => u.Name == "jdoe").Shell);
        Assert.Equal("/usr/bin/ksh93", w.Node("node3").Users.Single(u => u.Name == "jdoe").Shell);
    }

    [Fact]
    public async Task Rmuser_failing_on_one_node_reports_aix_message_with_the_node()
    {
        var w = new CspocWorld(nodes: 2);
        w.Sh("node1", "mkuser jdoe");

        var r = await w.Run("cl_rmuser -cspoc \"-n node1,node2\" '-p' jdoe");

        Assert.Equal(2, r.ExitCode);
        Assert.Equal("node2: 3004-687 User \"jdoe\" does not exist.\n", r.Stderr);
        Assert.DoesNotContain(w.Node("node1").Users, u => u.Name == "jdoe");
    }

    [Fact]
    public async Task Groups_are_made_changed_listed_and_removed_on_every_node()
    {
        var w = new CspocWorld(nodes: 2);
        Assert.Equal(0, (await w.Run("cl_mkgroup -cspoc \"-n node1,node2\" '-a' id='400' dba")).ExitCode);
        Assert.All(w.World.Nodes, n => Assert.Equal(400, n.Groups.Single(g => g.Name == "dba").Id));

        var taken = await w.Run("cl_mkgroup -cspoc \"-n node1,node2\" id=400 ops");
        Assert.Equal("node1: cl_mkgroup: group id 400 is already used by dba on node1.\nnode2: cl_mkgroup: group id 400 is already used by dba on node2.\ncl_mkgroup: group ops was not created on any node.\n", taken.Stderr);

        Assert.Equal(0, (await w.Run("cl_chgroup -cspoc \"-n node1,node2\" users=guest dba")).ExitCode);
        var ls = await w.Run("cl_lsgroup -cspoc \"-n node1,node2\" -a id users dba");
        Assert.Equal("node1: dba id=400 users=guest\nnode2: dba id=400 users=guest\n", ls.Stdout);

        Assert.Equal(0, (await w.Run("cl_rmgroup -cspoc \"-n node1,node2\" dba")).ExitCode);
        Assert.All(w.World.Nodes, n => Assert.DoesNotContain(n.Groups, g => g.Name == "dba"));
    }

    [Fact]
    public async Task A_missing_user_name_is_a_usage_error()
    {
        var w = new CspocWorld();
        var r = await w.Run("cl_mkuser -cspoc \"-n node1\"");
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("Usage: cl_mkuser", r.Stderr, StringComparison.Ordinal);
        Assert.Empty(w.Transport.Seen);
    }
}
