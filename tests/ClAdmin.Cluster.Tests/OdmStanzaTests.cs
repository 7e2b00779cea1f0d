using ClAdmin.Cluster;
using ClAdmin.Cluster.Odm;

namespace ClAdmin.Cluster.Tests;

public class OdmStanzaTests
{
    // Written by hand in odmget's layout: an empty line, "Class:", tab-indented "attr = value", strings quoted.
    private const string TwoNodeStanzas = "\nHACMPnode:\n\tname = \"n1\"\n\tobject = \"COMMUNICATION_PATH\"\n\tvalue = \"n1.example.com\"\n\tnode_id = 1\n\tnode_handle = 1\n\tversion = 10\n"
        + "\nHACMPnode:\n\tname = \"n2\"\n\tobject = \"COMMUNICATION_PATH\"\n\tvalue = \"n2\"\n\tnode_id = 2\n\tnode_handle = 2\n\tversion = 10\n";

    [Fact]
    public void Nodes_print_as_odmget_stanzas()
    {
        var c = new ClusterConfiguration { Nodes = [new Node("n1", "n1.example.com"), new Node("n2", "n2")] };
        Assert.Equal(TwoNodeStanzas, OdmStanza.Format(OdmMapping.ToObjects(c)));
    }

    [Fact]
    public void Parse_reads_what_format_writes_and_odmadd_comments()
    {
        var (objects, errors) = OdmStanza.Parse("* comment\n" + TwoNodeStanzas);
        Assert.Empty(errors);
        Assert.Equal(2, objects.Count);
        Assert.Equal("n1.example.com", objects[0]["value"]);
        Assert.True(objects[0].Attributes.Single(a => a.Name == "node_id").IsNumber);
    }

    [Fact]
    public void Parse_reports_line_numbers()
    {
        var (_, errors) = OdmStanza.Parse("HACMPnode:\n\tname \"n1\"\n");
        Assert.Equal(2, Assert.Single(errors).Line);
    }

    [Fact]
    public void Criteria_match_like_odmget_q()
    {
        var o = new OdmObject("HACMPresource", [new("group", "rg1"), new("name", "SERVICE_LABEL"), new("value", "svc1")]);
        Assert.True(OdmCriteria.Parse("group=rg1 and name='SERVICE_LABEL'", out _)!.Matches(o));
        Assert.False(OdmCriteria.Parse("group = rg2", out _)!.Matches(o));
        Assert.True(OdmCriteria.Parse("value like 'svc%'", out _)!.Matches(o));
        Assert.Null(OdmCriteria.Parse("garbage", out var err));
        Assert.NotNull(err);
    }

    [Fact]
    public void Mapping_round_trips_a_rich_configuration()
    {
        var c = new ClusterConfiguration
        {
            Cluster = new ClusterInfo("c1", 7, 30),
            Nodes = [new Node("n1", "n1"), new Node("n2", "n2")],
            Networks = [new Network("net_ether_01", "ether", Ipat: IpatMethod.Replacement), new Network("net_diskhb_01", "diskhb", "")],
            Interfaces = [new Interface("n1_boot", "net_ether_01", "n1", "en0", "10.0.0.1"), new Interface("n1_hb", "net_diskhb_01", "n1", "/dev/hdisk2")],
            ServiceIps = [new ServiceIp("svc1", "net_ether_01", "255.255.255.0")],
            ApplicationControllers = [new ApplicationController("app1", "/s", "/t", Monitors: ["mon1"])],
            ApplicationMonitors = [new ApplicationMonitor("mon1", MonitorType.Process, ["app1"], Processes: "db", Owner: "root")],
            ResourceGroups = [new ResourceGroup("rg1", ["n1", "n2"], Resources: new Dictionary<string, IReadOnlyList<string>> { ["SERVICE_LABEL"] = ["svc1"] })],
            Dependencies = [new Dependency(DependencyKind.OnlineOnDifferentNodes, ["rg1", "rg2", "rg3"], 1, 1)],
            FileCollections = [new FileCollection("fc1", "d", true, false, ["/etc/hosts"])],
        };
        var objects = OdmMapping.ToObjects(c);
        var (back, errors) = OdmMapping.FromObjects(OdmStanza.Parse(OdmStanza.Format(objects)).Objects);
        Assert.Empty(errors);
        Assert.Equal(OdmStanza.Format(objects), OdmStanza.Format(OdmMapping.ToObjects(back!)));
        Assert.Equal(IpatMethod.Replacement, back!.Networks[0].Ipat);
        Assert.Equal(1, back.Dependencies[0].HighCount);
    }

    [Fact]
    public void Unknown_classes_are_errors() =>
        Assert.Contains("HACMPbogus", Assert.Single(OdmMapping.FromObjects([new OdmObject("HACMPbogus", [])]).Errors));
}

public class OdmEventTests
{
    [Fact]
    public void Event_methods_custom_events_and_the_time_until_warning_go_to_the_odm_and_back()
    {
        var c = new ClusterConfiguration
        {
            Cluster = new ClusterInfo("c1", 1, MaxEventTime: 60, MaxRgProcessingTime: 40),
            CustomEvents = [new CustomEvent("pre_up", "before node_up", "/usr/local/ha/pre_up.sh")],
            Events = [new ClusterEvent("node_up", "/usr/local/ha/notify.sh", ["pre_up"], [], "/usr/local/ha/recover.sh", 2)],
        };
        var objects = OdmMapping.ToObjects(c);
        var text = OdmStanza.Format(objects);
        Assert.Contains("\nHACMPevent:\n\tname = \"node_up\"\n\tdesc = \"Script run when a node is attempting to join the cluster.\"\n\tcmd = \"/usr/es/sbin/cluster/events/node_up\"\n"
            + "\tnotify = \"/usr/local/ha/notify.sh\"\n\tpre = \"pre_up\"\n\tpost = \"\"\n\trecv = \"/usr/local/ha/recover.sh\"\n\tcount = 2\n", text, StringComparison.Ordinal);
        Assert.Contains("\tmax_event_time = 60\n\tmax_rg_processing_time = 40\n", text, StringComparison.Ordinal);
        var (back, errors) = OdmMapping.FromObjects(OdmStanza.Parse(text).Objects);
        Assert.Empty(errors);
        Assert.Equal(text, OdmStanza.Format(OdmMapping.ToObjects(back!)));
        Assert.Equal(["pre_up"], back!.Events[0].Pre);
        Assert.Equal(100, back.Cluster!.TotalEventTime);
    }

    [Fact]
    public void A_cluster_stanza_without_the_durations_takes_the_default_360_seconds()
    {
        var (back, errors) = OdmMapping.FromObjects(OdmStanza.Parse("\nHACMPcluster:\n\tid = 1\n\tname = \"c1\"\n").Objects);
        Assert.Empty(errors);
        Assert.Equal(360, back!.Cluster!.TotalEventTime);
    }
}
