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
    [InlineData("n[1-6]!n[2-3]&n[1-5]^n[5-8],a", "a n1 n4 n6 n7 n8")] // (((1-6 - 2,3) & 1-5) ^ 5-8), a
    [InlineData("n[3,1,2,1]&n[2-9],n1", "n1 n2 n3")]
    [InlineData("n[1-3]^n[1-3]", "")]
    [InlineData("n[1-4]!n[1-4],n9,n[10-11]", "n9 n10 n11")]
    [InlineData("n[1-3]^n[2,2,5]", "n1 n3 n5")]
    public void Operators_apply_left_to_right_without_duplicates_in_natural_order(string text, string expected) =>
        Assert.Equal(expected.Split(' ', StringSplitOptions.RemoveEmptyEntries), NodeSet.Parse(text).ToArray());

    [Fact]
    public void Sets_at_the_limit_combine_and_answer_membership()
    {
        var both = NodeSet.Parse($"n[1-{NodeSet.MaxNodes}]&n[1-{NodeSet.MaxNodes}]");
        Assert.Equal(NodeSet.MaxNodes, both.Count);
        Assert.True(both.Contains($"n{NodeSet.MaxNodes}"));
        Assert.Equal(["n1", "n2"], both.Except(NodeSet.Parse($"n[3-{NodeSet.MaxNodes}]")).ToArray());
        Assert.Equal(NodeSet.MaxNodes + 1, both.Union(NodeSet.Of(["m1", "n1"])).Count);
    }

    [Theory]
    [InlineData("n[1-100000]^m[1-100000]")]
    [InlineData("n[1-100000],m[1-100000]&n[1-5]")]
    [InlineData("n[1-100000]&n[1-999999999999]")]
    [InlineData("a[1-1000]b[1-1000]&a1b1")]
    public void An_expression_over_the_limit_is_refused_naming_the_limit(string text)
    {
        var e = Assert.Throws<FormatException>(() => NodeSet.Parse(text));
        Assert.Contains($"more than {NodeSet.MaxNodes} nodes", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_group_over_the_limit_is_refused_before_it_is_combined()
    {
        var huge = Enumerable.Range(1, NodeSet.MaxNodes + 1).Select(i => $"h{i}").ToArray();
        var groups = new Groups(new() { ["huge"] = huge });

        var e = Assert.Throws<FormatException>(() => NodeSet.Parse("h1&@huge", groups));

        Assert.Equal($"'@huge' names more than {NodeSet.MaxNodes} nodes", e.Message);
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
