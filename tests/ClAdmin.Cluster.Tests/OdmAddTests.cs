using ClAdmin.Cluster.Odm;

namespace ClAdmin.Cluster.Tests;

/// <summary>What odm add refuses, as odmadd does: descriptors the class does not have, a value that
/// does not fit its descriptor, and more objects than a cluster can hold. Each error names the
/// line, the stanza's class and the line where that stanza starts.</summary>
public class OdmAddTests
{
    private static string Node(string name, string nodeId = "1") =>
        $"\nHACMPnode:\n\tname = \"{name}\"\n\tobject = \"COMMUNICATION_PATH\"\n\tvalue = \"{name}\"\n\tnode_id = {nodeId}\n\tnode_handle = 1\n\tversion = 10\n";

    private static IReadOnlyList<string> Errors(string text) => [.. OdmStanza.ParseForAdd(text).Errors.Select(e => e.ToString())];

    [Fact]
    public void Well_formed_stanzas_of_every_class_load()
    {
        var c = new ClusterConfiguration
        {
            Cluster = new ClusterInfo("c1", 7),
            Nodes = [new Node("n1", "n1"), new Node("n2", "n2")],
            ResourceGroups = [new ResourceGroup("rg1", ["n1", "n2"], StartupPolicy.OnlineOnHomeNode, FalloverPolicy.NextPriorityNode, FallbackPolicy.NeverFallback, "", "", "ignore",
                new Dictionary<string, IReadOnlyList<string>> { ["SERVICE_LABEL"] = ["svc1"] })],
        };
        var (objects, errors) = OdmStanza.ParseForAdd(OdmStanza.Format(OdmMapping.ToObjects(c)));
        Assert.Empty(errors);
        Assert.Equal(5, objects.Count);
    }

    [Fact]
    public void A_snapshots_cluster_stanza_with_ibms_descriptors_loads()
    {
        // IBM's sample snapshot (reference: powerha-verify-install-outputs.md §3.1).
        const string text = "HACMPcluster:\n\tid = 97531\n\tname = \"Breeze1\"\n\tnodename = \"mynode\"\n\tsec_level = \"Standard\"\n\tlast_node_ids = \"2,3\"\n" +
            "\thighest_node_id = 3\n\tlast_network_ids = \"3,6\"\n\thighest_network_id = 6\n\tlast_site_ides = \" \"\n\thighest_site_id = 0\n\thandle = 3\n" +
            "\tcluster_version = 5\n\treserved1 = 0\n\treserved2 = 0\n\twlm_subdir = \" \"\n";
        Assert.Empty(Errors(text));
    }

    [Fact]
    public void An_unknown_descriptor_is_refused_naming_line_and_stanza() =>
        Assert.Equal(["line 4: HACMPnode stanza at line 2: \"colour\" is not a descriptor of HACMPnode"],
            Errors("\nHACMPnode:\n\tname = \"n1\"\n\tcolour = \"red\"\n"));

    [Fact]
    public void A_non_number_in_a_numeric_descriptor_is_refused() =>
        Assert.Equal(["line 6: HACMPnode stanza at line 2: node_id = \"one\" is not a number"],
            Errors(Node("n1", "\"one\"")));

    [Fact]
    public void A_bare_word_in_a_numeric_descriptor_is_refused() =>
        Assert.Equal(["line 6: HACMPnode stanza at line 2: node_id = \"x1\" is not a number"],
            Errors(Node("n1", "x1")));

    [Fact]
    public void A_nul_in_a_value_is_refused() =>
        Assert.Equal(["line 3: HACMPnode stanza at line 2: name holds a control character (\\0); values are printable text on one line"],
            Errors("\nHACMPnode:\n\tname = \"n\0x\"\n"));

    [Fact]
    public void A_newline_inside_a_name_is_refused() =>
        Assert.Equal(["line 3: HACMPnode stanza at line 2: name holds a control character (\\n); values are printable text on one line"],
            Errors("\nHACMPnode:\n\tname = \"n1\\nn2\"\n"));

    [Fact]
    public void A_name_longer_than_the_limit_is_refused() =>
        Assert.Equal([$"line 3: HACMPnode stanza at line 2: name is {Limits.MaxNameLength + 1} characters long; at most {Limits.MaxNameLength}"],
            Errors($"\nHACMPnode:\n\tname = \"{new string('n', Limits.MaxNameLength + 1)}\"\n"));

    [Fact]
    public void A_descriptor_given_twice_is_refused() =>
        Assert.Equal(["line 4: HACMPnode stanza at line 2: name is given twice"],
            Errors("\nHACMPnode:\n\tname = \"n1\"\n\tname = \"n2\"\n"));

    [Fact]
    public void An_unknown_class_is_refused_at_its_stanza() =>
        Assert.Equal(["line 2: HACMPbogus is not an object class (classes: " + string.Join(", ", OdmMapping.Classes) + ")"],
            Errors("\nHACMPbogus:\n\tname = \"n1\"\n"));

    [Fact]
    public void Two_hundred_thousand_attributes_give_a_bounded_list_of_errors()
    {
        var text = "\nHACMPnode:\n" + string.Concat(Enumerable.Range(0, 200_000).Select(i => $"\ta{i} = \"v\"\n"));
        var errors = Errors(text);
        Assert.Equal(OdmStanza.MaxErrors + 1, errors.Count);
        Assert.Equal("line 3: HACMPnode stanza at line 2: \"a0\" is not a descriptor of HACMPnode", errors[0]);
        Assert.Equal($"{200_000 - OdmStanza.MaxErrors} more errors not shown", errors[^1]);
    }

    [Fact]
    public void More_nodes_than_a_cluster_can_have_are_refused_at_the_first_one_too_many()
    {
        var text = string.Concat(Enumerable.Range(1, 2000).Select(i => Node($"node{i}")));
        // Each stanza is 8 lines long, the first starting on line 2.
        Assert.Equal([$"line {2 + 32 * 8}: HACMPnode stanza \"node33\": a cluster has at most {Limits.MaxNodes} nodes"], Errors(text));
    }

    [Fact]
    public void Nodes_added_to_those_stored_are_counted_together()
    {
        var stored = Enumerable.Range(1, 30).Select(i => OdmStanza.Parse(Node($"s{i}")).Objects[0]);
        var added = Enumerable.Range(1, 3).Select(i => OdmStanza.Parse(Node($"a{i}")).Objects[0]);
        var (config, errors) = OdmMapping.CheckAdd([.. stored, .. added]);
        Assert.Null(config);
        Assert.Equal([$"HACMPnode: 33 nodes with those already stored; a cluster has at most {Limits.MaxNodes}"], errors);
    }
}
