using ClAdmin.Exec.Nodes;

namespace ClAdmin.Exec.Tests;

public sealed class NodeSetTests
{
    private sealed class Groups(Dictionary<string, string[]> groups) : INodeGroupResolver
    {
        public IReadOnlyList<string>? Resolve(string group) => groups.GetValueOrDefault(group);
    }

    [Theory]
    [InlineData("node[01-03]", "node01 node02 node03")]
    [InlineData("node[1-4,7]", "node1 node2 node3 node4 node7")]
    [InlineData("a,b c", "a b c")]
    [InlineData("n[1-9/4]", "n1 n5 n9")]
    [InlineData("r[1-2]n[1-2]", "r1n1 r1n2 r2n1 r2n2")]
    [InlineData("node[1-10]!node[2-9]", "node1 node10")]
    [InlineData("node[1-5]&node[4-9]", "node4 node5")]
    [InlineData("node[1-3]^node[3-4]", "node1 node2 node4")]
    [InlineData("node10,node2,node2", "node2 node10")]
    public void Expands_ClusterShell_syntax_in_natural_order(string text, string expected) =>
        Assert.Equal(expected.Split(' '), NodeSet.Parse(text).ToArray());

    [Theory]
    [InlineData("node[1-")]
    [InlineData("node[3-1]")]
    [InlineData("node[a-b]")]
    [InlineData("node1]")]
    [InlineData("")]
    [InlineData("!node1")]
    [InlineData("n[1-999999999]")]
    public void Refuses_malformed_sets_with_a_message(string text)
    {
        var e = Assert.Throws<FormatException>(() => NodeSet.Parse(text));
        Assert.False(string.IsNullOrWhiteSpace(e.Message));
    }

    [Fact]
    public void Resolves_groups_through_the_resolver_and_names_unknown_ones()
    {
        var groups = new Groups(new() { ["rg1"] = ["nodeA", "nodeB"], ["all"] = ["nodeA", "nodeB", "nodeC"] });
        Assert.Equal(["nodeC"], NodeSet.Parse("@all!@rg1", groups).ToArray());
        Assert.Contains("@nope", Assert.Throws<FormatException>(() => NodeSet.Parse("@nope", groups)).Message, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => NodeSet.Parse("@rg1"));
    }

    [Theory]
    [InlineData("node01 node02 node03 node07", "node[01-03,07]")]
    [InlineData("node1 node2 node10", "node[1-2,10]")]
    [InlineData("web1 db1 db2", "db[1-2],web1")]
    [InlineData("node09 node10 node11", "node[09-11]")]
    [InlineData("alpha", "alpha")]
    [InlineData("rack1-n3 rack1-n4", "rack1-n[3-4]")]
    public void Folds_names_to_the_shortest_form(string nodes, string folded) =>
        Assert.Equal(folded, NodeSet.Fold(nodes.Split(' ')));

    [Fact]
    public void Fold_and_parse_round_trip()
    {
        var names = NodeSet.Parse("n[001-040/3],x[5-9],solo").ToList();
        Assert.Equal(names, NodeSet.Parse(NodeSet.Fold(names)).ToList());
    }
}
