using ClAdmin.Cluster;

namespace ClAdmin.Cluster.Tests;

public class RulesTests
{
    private static ClusterConfiguration TwoNodes(params ResourceGroup[] groups) => new()
    {
        Cluster = new ClusterInfo("c1", 1),
        Nodes = [new Node("n1", "n1"), new Node("n2", "n2")],
        Networks = [new Network("net_ether_01", "ether")],
        ResourceGroups = groups,
    };

    private static IEnumerable<string> Errors(ClusterConfiguration c) => Rules.Validate(c).Where(v => !v.IsWarning).Select(v => v.RuleId);

    // Semantics §1.4: the allowed-combination table, row by row.
    [Theory]
    [InlineData("OHN", "FNPN", "FBHPN", true)]
    [InlineData("OHN", "BO", "NFB", true)]
    [InlineData("OFAN", "FUDNP", "FBHPN", true)]
    [InlineData("OUDP", "FNPN", "NFB", true)]
    [InlineData("OUDP", "FUDNP", "NFB", true)]
    [InlineData("OUDP", "BO", "NFB", false)]
    [InlineData("OUDP", "FNPN", "FBHPN", false)]
    [InlineData("OAAN", "BO", "NFB", true)]
    [InlineData("OAAN", "FNPN", "NFB", false)]
    [InlineData("OAAN", "BO", "FBHPN", false)]
    public void Policy_combinations_follow_the_table(string startup, string fallover, string fallback, bool allowed)
    {
        var found = Rules.CheckPolicies("rg1", PolicyCodes.ParseStartup(startup)!.Value, PolicyCodes.ParseFallover(fallover)!.Value, PolicyCodes.ParseFallback(fallback)!.Value).ToList();
        Assert.Equal(allowed, found.Count == 0);
        Assert.All(found, f => Assert.Equal("R-POL-1", f.RuleId));
    }

    [Fact]
    public void Dynamic_node_priority_is_refused_with_sites()
    {
        var found = Rules.CheckPolicies("rg1", StartupPolicy.OnlineOnHomeNode, FalloverPolicy.DynamicNodePriority, FallbackPolicy.NeverFallback, sitesConfigured: true);
        Assert.Equal("R-POL-2", Assert.Single(found).RuleId);
    }

    [Fact]
    public void Bring_offline_message_names_group_and_policies()
    {
        var m = Rules.CheckPolicies("rg7", StartupPolicy.OnlineUsingDistributionPolicy, FalloverPolicy.BringOffline, FallbackPolicy.NeverFallback).Single().Message;
        Assert.Equal("resource group rg7: startup policy \"Online Using Distribution Policy\" cannot be combined with fallover policy \"Bring Offline (On Error Node Only)\"", m);
    }

    // Semantics §1.5.
    [Theory]
    [InlineData(LegacyGroupType.Cascading, false, false, "OHN", "FNPN", "FBHPN")]
    [InlineData(LegacyGroupType.Cascading, true, false, "OFAN", "FNPN", "FBHPN")]
    [InlineData(LegacyGroupType.Cascading, true, true, "OFAN", "FNPN", "NFB")]
    [InlineData(LegacyGroupType.Cascading, false, true, "OHN", "FNPN", "NFB")]
    [InlineData(LegacyGroupType.Rotating, false, false, "OUDP", "FNPN", "NFB")]
    [InlineData(LegacyGroupType.Concurrent, false, false, "OAAN", "BO", "NFB")]
    public void Legacy_types_map_to_custom_policies(LegacyGroupType type, bool it, bool cwof, string s, string fo, string fb)
    {
        var p = LegacyPolicies.Map(type, it, cwof);
        Assert.Equal((s, fo, fb), (PolicyCodes.Code(p.Startup), PolicyCodes.Code(p.Fallover), PolicyCodes.Code(p.Fallback)));
    }

    [Theory]
    [InlineData("rg1", true)]
    [InlineData("_x", true)]
    [InlineData("1rg", false)]
    [InlineData("rg-1", false)]
    [InlineData("", false)]
    [InlineData("ALL", false)]
    [InlineData("rg1\n", false)]
    public void Object_names(string name, bool ok) => Assert.Equal(ok, Rules.CheckName("resource group", name) is null);

    [Theory]
    [InlineData("svc1", true)]
    [InlineData("svc-1.example.com", true)]
    [InlineData("svc1\n", false)]
    [InlineData("svc 1", false)]
    public void Labels(string label, bool ok) => Assert.Equal(ok, Rules.CheckLabel("service IP label", label) is null);

    [Fact]
    public void A_refused_name_is_shown_escaped() =>
        Assert.Equal("the node name \"n\\x1b[2J\\n\" may contain only letters, digits and underscores, and may not start with a digit",
            Rules.CheckName("node", "n\u001b[2J\n")!.Message);

    [Theory]
    [InlineData("/ha/start.sh", true)]
    [InlineData("/usr/local/ha/app-1/start_v2.ksh", true)]
    [InlineData("ha/start.sh", false)]
    [InlineData("/ha/start app", false)]
    [InlineData("/ha/start\napp", false)]
    [InlineData("/ha/start;reboot", false)]
    [InlineData("/ha/$(id)", false)]
    [InlineData("/ha/`id`", false)]
    [InlineData("/ha/a\u001b", false)]
    public void Application_scripts_are_absolute_paths_a_shell_reads_as_is(string script, bool ok)
    {
        var c = TwoNodes(new ResourceGroup("rg1", ["n1", "n2"])) with { ApplicationControllers = [new ApplicationController("app1", script, "/ha/stop.sh")] };
        Assert.Equal(ok, !Errors(c).Contains("R-APP-1"));
    }

    [Theory]
    [InlineData("192.168.1.10", true)]
    [InlineData("2001:db8::10", true)]
    [InlineData("::1", true)]
    [InlineData("192.168.1.256", false)]
    [InlineData("192.168.1", false)]
    [InlineData("1", false)]
    [InlineData("fe80::1%en0", false)]
    [InlineData("10.0.0.1\n", false)]
    public void Addresses(string value, bool ok) => Assert.Equal(ok, Rules.IsAddress(value));

    [Theory]
    [InlineData("255.255.255.0", true)]
    [InlineData("255.255.252.0", true)]
    [InlineData("64", true)]
    [InlineData("255.0.255.0", false)]
    [InlineData("129", false)]
    [InlineData("255.255.255.0 ", false)]
    public void Netmasks(string value, bool ok) => Assert.Equal(ok, Rules.IsNetmask(value));

    [Fact]
    public void Name_longer_than_64_is_refused() => Assert.NotNull(Rules.CheckName("node", new string('a', 65)));

    [Fact]
    public void A_valid_two_node_cluster_has_no_errors() =>
        Assert.Empty(Errors(TwoNodes(new ResourceGroup("rg1", ["n1", "n2"]))));

    [Fact]
    public void Limits_are_enforced()
    {
        var nodes = Enumerable.Range(1, Limits.MaxNodes + 1).Select(i => new Node($"n{i}", $"n{i}")).ToList();
        var c = new ClusterConfiguration
        {
            Cluster = new ClusterInfo("c1", 1),
            Nodes = nodes,
            Networks = [.. Enumerable.Range(1, 49).Select(i => new Network($"net{i}", "ether"))],
            ResourceGroups = [.. Enumerable.Range(1, 65).Select(i => new ResourceGroup($"rg{i}", ["n1"]))],
            ApplicationControllers = [.. Enumerable.Range(1, 129).Select(i => new ApplicationController($"app{i}", "/s", "/t"))],
        };
        var ids = Errors(c).ToHashSet();
        Assert.Contains("R-LIMIT-NODES", ids);
        Assert.Contains("R-LIMIT-NETWORKS", ids);
        Assert.Contains("R-LIMIT-RGS", ids);
        Assert.Contains("R-LIMIT-RESOURCES", ids);
    }

    [Fact]
    public void Exactly_at_the_limits_is_allowed()
    {
        var c = new ClusterConfiguration
        {
            Cluster = new ClusterInfo("c1", 1),
            Nodes = [.. Enumerable.Range(1, 32).Select(i => new Node($"n{i}", $"n{i}"))],
            Networks = [.. Enumerable.Range(1, 48).Select(i => new Network($"net{i}", "ether"))],
            ResourceGroups = [.. Enumerable.Range(1, 64).Select(i => new ResourceGroup($"rg{i}", ["n1"]))],
            ApplicationControllers = [.. Enumerable.Range(1, 128).Select(i => new ApplicationController($"app{i}", "/s", "/t"))],
        };
        Assert.Empty(Errors(c));
    }

    [Fact]
    public void References_must_exist()
    {
        var g = new ResourceGroup("rg1", ["n1", "n9"], Resources: new Dictionary<string, IReadOnlyList<string>> { ["SERVICE_LABEL"] = ["svc9"], ["APPLICATIONS"] = ["app9"] });
        var msgs = Rules.Validate(TwoNodes(g)).Select(v => v.Message).ToList();
        Assert.Contains("resource group rg1: node \"n9\" does not exist", msgs);
        Assert.Contains("resource group rg1: service IP label \"svc9\" does not exist", msgs);
        Assert.Contains("resource group rg1: application controller \"app9\" does not exist", msgs);
    }

    [Fact]
    public void Concurrent_group_cannot_hold_file_systems()
    {
        var c = TwoNodes(new ResourceGroup("rg1", ["n1", "n2"], StartupPolicy.OnlineOnAllAvailableNodes, FalloverPolicy.BringOffline, FallbackPolicy.NeverFallback,
            Resources: new Dictionary<string, IReadOnlyList<string>> { ["FILESYSTEM"] = ["/data"] })) with
        {
            VolumeGroups = [new VolumeGroup("datavg", ["n1", "n2"], ["hdisk2"])],
            FileSystems = [new FileSystem("/data", "datavg")],
        };
        Assert.Contains("R-CONC-1", Errors(c));
    }

    [Fact]
    public void Non_ip_networks_are_point_to_point()
    {
        var c = TwoNodes() with
        {
            Nodes = [new Node("n1", "n1"), new Node("n2", "n2"), new Node("n3", "n3")],
            Networks = [new Network("net_rs232_01", "rs232", "")],
            Interfaces = [new Interface("n1_tty", "net_rs232_01", "n1", "/dev/tty0"), new Interface("n2_tty", "net_rs232_01", "n2", "/dev/tty0"), new Interface("n3_tty", "net_rs232_01", "n3", "/dev/tty0")],
        };
        Assert.Contains("R-NET-3", Errors(c));
    }

    [Fact]
    public void Persistent_label_is_never_in_a_group()
    {
        var c = TwoNodes(new ResourceGroup("rg1", ["n1"], Resources: new Dictionary<string, IReadOnlyList<string>> { ["SERVICE_LABEL"] = ["n1_pers"] })) with
        {
            PersistentIps = [new PersistentIp("n1_pers", "net_ether_01", "n1")],
        };
        Assert.Contains("R-IP-5", Errors(c));
    }

    [Fact]
    public void Duplicate_labels_across_functions_are_refused()
    {
        var c = TwoNodes() with
        {
            Interfaces = [new Interface("x", "net_ether_01", "n1", "en0")],
            ServiceIps = [new ServiceIp("x", "net_ether_01")],
        };
        Assert.Contains("R-IP-1", Errors(c));
    }

    [Fact]
    public void Parent_child_cycles_and_depth_are_refused()
    {
        var groups = Enumerable.Range(1, 5).Select(i => new ResourceGroup($"rg{i}", ["n1"])).ToArray();
        var cycle = TwoNodes(groups) with { Dependencies = [new Dependency(DependencyKind.ParentChild, ["rg1", "rg2"]), new Dependency(DependencyKind.ParentChild, ["rg2", "rg1"])] };
        Assert.Contains("R-DEP-PC-1", Errors(cycle));
        var deep = TwoNodes(groups) with
        {
            Dependencies = [.. Enumerable.Range(1, 4).Select(i => new Dependency(DependencyKind.ParentChild, [$"rg{i}", $"rg{i + 1}"]))],
        };
        Assert.Contains("R-DEP-PC-2", Errors(deep));
        var three = TwoNodes(groups) with
        {
            Dependencies = [.. Enumerable.Range(1, 2).Select(i => new Dependency(DependencyKind.ParentChild, [$"rg{i}", $"rg{i + 1}"]))],
        };
        Assert.Empty(Errors(three));
    }

    [Fact]
    public void Timer_needs_fallback_to_higher_priority()
    {
        var c = TwoNodes(new ResourceGroup("rg1", ["n1"], Fallback: FallbackPolicy.NeverFallback, FallbackTimer: "t1")) with { FallbackTimers = [new FallbackTimer("t1", "daily")] };
        Assert.Contains("R-FB-3", Errors(c));
    }

    [Fact]
    public void Monitor_fields_are_checked()
    {
        var m = new ApplicationMonitor("mon1", MonitorType.Process, ["app1"], Processes: "", Owner: "root");
        Assert.Contains(Rules.CheckMonitor(m), v => v.RuleId == "R-MON-4");
        var custom = new ApplicationMonitor("mon2", MonitorType.Custom, ["app1"], MonitorMethod: "/m", MonitorInterval: 0);
        Assert.Contains(Rules.CheckMonitor(custom), v => v.RuleId == "R-MON-5");
    }

    [Fact]
    public void More_distribution_groups_than_nodes_is_a_warning()
    {
        var p = (StartupPolicy.OnlineUsingDistributionPolicy, FalloverPolicy.NextPriorityNode, FallbackPolicy.NeverFallback);
        var c = TwoNodes([.. Enumerable.Range(1, 3).Select(i => new ResourceGroup($"rg{i}", ["n1", "n2"], p.Item1, p.Item2, p.Item3))]);
        Assert.Empty(Errors(c));
        Assert.Contains(Rules.Validate(c), v => v.IsWarning && v.RuleId == "R-SU-3");
    }
}
