using ClAdmin.Cluster.Verification;

namespace ClAdmin.Cluster.Tests.Verification;

/// <summary>One clean two-node cluster, then one broken configuration or node per check, each
/// named by its rule id (powerha-semantics.md §9.2, §7, §8, §1-2).</summary>
public class VerifierTests
{
    private static readonly Network Ether = new("net_ether_01", "ether", "255.255.255.0");

    private static ClusterConfiguration Clean() => new()
    {
        Cluster = new ClusterInfo("c1", 1),
        Nodes = [new Node("n1", "n1"), new Node("n2", "n2")],
        Networks = [Ether, new Network("net_diskhb_01", "diskhb")],
        Interfaces =
        [
            new("n1_boot1", "net_ether_01", "n1", Address: "192.0.2.1"), new("n1_boot2", "net_ether_01", "n1", Address: "198.51.100.1"),
            new("n2_boot1", "net_ether_01", "n2", Address: "192.0.2.2"), new("n2_boot2", "net_ether_01", "n2", Address: "198.51.100.2"),
            new("n1_hdisk3_01", "net_diskhb_01", "n1", Device: "/dev/hdisk3"), new("n2_hdisk3_01", "net_diskhb_01", "n2", Device: "/dev/hdisk3"),
        ],
        ServiceIps = [new("app1_svc", "net_ether_01", Address: "203.0.113.21")],
        ApplicationControllers = [new("app1", "/ha/start.sh", "/ha/stop.sh")],
        ApplicationMonitors = [new("app1_mon", MonitorType.Custom, ["app1"], MonitorMethod: "/ha/mon.sh", MonitorInterval: 60)],
        VolumeGroups = [new("datavg", ["n1", "n2"], ["hdisk3"], MajorNumber: 60, ConcurrentCapable: true)],
        ResourceGroups =
        [
            new("rg1", ["n1", "n2"], Resources: new Dictionary<string, IReadOnlyList<string>>
            {
                [ResourceKinds.ServiceLabel] = ["app1_svc"],
                [ResourceKinds.Applications] = ["app1"],
                [ResourceKinds.VolumeGroup] = ["datavg"],
                [ResourceKinds.FileSystem] = ["/data"],
            }),
        ],
        FileSystems = [new("/data", "datavg")],
    };

    private static NodeFacts Facts(string node, int i) => new(node)
    {
        Hosts =
        [
            new("192.0.2.1", "n1_boot1"), new("198.51.100.1", "n1_boot2"), new("192.0.2.2", "n2_boot1"),
            new("198.51.100.2", "n2_boot2"), new("203.0.113.21", "app1_svc"), new("192.0.2.1", "n1"), new("192.0.2.2", "n2"),
        ],
        Interfaces = [new("en0", $"192.0.2.{i}", "255.255.255.0"), new("en1", $"198.51.100.{i}", "255.255.255.0")],
        VolumeGroups = [new("rootvg", 10, true, false), new("datavg", 60, false, true)],
        Files = [new("/ha/start.sh", true, true), new("/ha/stop.sh", true, true), new("/ha/mon.sh", true, true)],
        FilesetLevel = "5.5.0.10",
        FileSystems = [new("/", true), new("/data", false)],
    };

    private static Dictionary<string, NodeFacts?> CleanFacts() => new() { ["n1"] = Facts("n1", 1), ["n2"] = Facts("n2", 2) };

    private static List<Finding> Verify(ClusterConfiguration c, Dictionary<string, NodeFacts?> facts) =>
        Verifier.Run(new VerificationInput(c, facts)).SelectMany(r => r.Findings).ToList();

    private static Finding Only(ClusterConfiguration c, Dictionary<string, NodeFacts?> facts, string rule)
    {
        var found = Verify(c, facts);
        return Assert.Single(found, f => f.IsError || f.RuleId == rule);
    }

    [Fact]
    public void The_clean_cluster_has_no_finding()
    {
        Assert.Empty(Verify(Clean(), CleanFacts()));
    }

    [Fact]
    public void There_are_at_least_thirty_checks_each_citing_the_reference()
    {
        Assert.True(Verifier.Checks.Count >= 30, $"{Verifier.Checks.Count} checks");
        Assert.All(Verifier.Checks, c => Assert.StartsWith("§", c.Cites, StringComparison.Ordinal));
        Assert.Equal(Verifier.Checks.Count, Verifier.Checks.Select(c => c.Id).Distinct().Count());
    }

    [Fact]
    public void R_VER_REACH_an_unreachable_node_is_an_error_naming_it()
    {
        var facts = CleanFacts();
        facts["n2"] = null;
        var f = Only(Clean(), facts, "R-VER-REACH");
        Assert.Equal(("R-VER-REACH", "n2", Severity.Error), (f.RuleId, f.Node, f.Severity));
        Assert.Contains("n2", f.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void R_VER_HOSTS_1_a_label_missing_from_etc_hosts_on_a_node()
    {
        var facts = CleanFacts();
        facts["n2"] = facts["n2"]! with { Hosts = [.. facts["n2"]!.Hosts.Where(h => h.Label != "app1_svc")] };
        var f = Only(Clean(), facts, "R-VER-HOSTS-1");
        Assert.Equal(("R-VER-HOSTS-1", "n2", "app1_svc"), (f.RuleId, f.Node, f.Object));
        Assert.Equal("IP label app1_svc is not in /etc/hosts on node n2.", f.Message);
    }

    [Fact]
    public void R_VER_HOSTS_2_a_label_with_another_address_on_a_node()
    {
        var facts = CleanFacts();
        facts["n1"] = facts["n1"]! with { Hosts = [.. facts["n1"]!.Hosts.Select(h => h.Label == "app1_svc" ? h with { Address = "203.0.113.99" } : h)] };
        var f = Only(Clean(), facts, "R-VER-HOSTS-2");
        Assert.Equal(("R-VER-HOSTS-2", "n1", "app1_svc"), (f.RuleId, f.Node, f.Object));
        Assert.Contains("203.0.113.99", f.Message, StringComparison.Ordinal);
        Assert.Contains("203.0.113.21", f.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void R_VER_IF_1_a_boot_address_not_configured_on_its_node()
    {
        var facts = CleanFacts();
        facts["n2"] = facts["n2"]! with { Interfaces = [new("en0", "192.0.2.2", "255.255.255.0")] };
        var f = Only(Clean(), facts, "R-VER-IF-1");
        Assert.Equal(("n2", "n2_boot2"), (f.Node, f.Object));
    }

    [Fact]
    public void R_VER_NETMASK_1_one_node_with_another_netmask_on_the_subnet()
    {
        var facts = CleanFacts();
        facts["n2"] = facts["n2"]! with { Interfaces = [new("en0", "192.0.2.2", "255.255.0.0"), new("en1", "198.51.100.2", "255.255.255.0")] };
        var c = Clean() with { Nodes = [new("n1", "n1"), new("n2", "n2"), new("n3", "192.0.2.3")] };
        c = c with { Interfaces = [.. c.Interfaces, new("n3_boot1", "net_ether_01", "n3", Address: "192.0.2.3"), new("n3_boot2", "net_ether_01", "n3", Address: "198.51.100.3")] };
        facts["n3"] = Facts("n3", 3) with { Hosts = [.. Facts("n3", 3).Hosts, new("192.0.2.3", "n3_boot1"), new("198.51.100.3", "n3_boot2")] };
        facts["n1"] = facts["n1"]! with { Hosts = facts["n3"]!.Hosts };
        facts["n2"] = facts["n2"]! with { Hosts = facts["n3"]!.Hosts };
        var found = Verify(c, facts).Where(x => x.IsError).ToList();
        var f = Assert.Single(found);
        Assert.Equal(("R-VER-NETMASK-1", "n2", "n2_boot1"), (f.RuleId, f.Node, f.Object));
    }

    [Fact]
    public void R_IPAT_1_two_boot_interfaces_of_a_node_on_one_subnet_with_aliasing()
    {
        var c = Clean();
        c = c with { Interfaces = [.. c.Interfaces.Select(i => i.Label == "n1_boot2" ? i with { Address = "192.0.2.101" } : i)] };
        var facts = CleanFacts();
        facts = facts.ToDictionary(kv => kv.Key, kv => (NodeFacts?)(kv.Value! with { Hosts = [.. kv.Value!.Hosts.Select(h => h.Label == "n1_boot2" ? h with { Address = "192.0.2.101" } : h)] }));
        facts["n1"] = facts["n1"]! with { Interfaces = [new("en0", "192.0.2.1", "255.255.255.0"), new("en1", "192.0.2.101", "255.255.255.0")] };
        var f = Only(c, facts, "R-IPAT-1");
        Assert.Equal(("R-IPAT-1", "n1", "net_ether_01"), (f.RuleId, f.Node, f.Object));
    }

    [Fact]
    public void R_IPAT_2_a_service_label_on_a_boot_subnet_with_aliasing()
    {
        var c = Clean();
        c = c with { ServiceIps = [c.ServiceIps[0] with { Address = "192.0.2.50" }] };
        var facts = CleanFacts().ToDictionary(kv => kv.Key, kv => (NodeFacts?)(kv.Value! with { Hosts = [.. kv.Value!.Hosts.Select(h => h.Label == "app1_svc" ? h with { Address = "192.0.2.50" } : h)] }));
        var f = Only(c, facts, "R-IPAT-2");
        Assert.Equal(("R-IPAT-2", "app1_svc"), (f.RuleId, f.Object));
        Assert.Contains("n1_boot1", f.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void R_IPAT_3_more_service_labels_than_boot_interfaces_with_replacement()
    {
        var c = Clean();
        c = c with
        {
            Networks = [Ether with { Ipat = IpatMethod.Replacement }, c.Networks[1]],
            Interfaces = [.. c.Interfaces.Where(i => i.Label is not "n2_boot2")],
            ServiceIps = [.. c.ServiceIps, new("app2_svc", "net_ether_01", Address: "203.0.113.22")],
            ResourceGroups = [c.ResourceGroups[0] with { Resources = new Dictionary<string, IReadOnlyList<string>>(c.ResourceGroups[0].Resources) { [ResourceKinds.ServiceLabel] = ["app1_svc", "app2_svc"] } }],
        };
        var facts = CleanFacts().ToDictionary(kv => kv.Key, kv => (NodeFacts?)(kv.Value! with { Hosts = [.. kv.Value!.Hosts, new("203.0.113.22", "app2_svc")] }));
        var f = Only(c, facts, "R-IPAT-3");
        Assert.Equal(("R-IPAT-3", "n2", "net_ether_01"), (f.RuleId, f.Node, f.Object));
    }

    [Fact]
    public void R_IPAT_4_a_single_interface_on_an_aliasing_network_is_a_warning()
    {
        var c = Clean();
        c = c with { Interfaces = [.. c.Interfaces.Where(i => i.Label is not "n2_boot2")] };
        var found = Verify(c, CleanFacts());
        Assert.DoesNotContain(found, f => f.IsError);
        var f = Assert.Single(found);
        Assert.Equal(("R-IPAT-4", "n2", "net_ether_01", Severity.Warning), (f.RuleId, f.Node, f.Object, f.Severity));
        Assert.StartsWith("Multiple communication interfaces are recommended for networks that use IP aliasing", f.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void R_VG_IMPORT_a_shared_volume_group_missing_on_a_node()
    {
        var facts = CleanFacts();
        facts["n2"] = facts["n2"]! with { VolumeGroups = [new("rootvg", 10, true, false)] };
        var f = Only(Clean(), facts, "R-VG-IMPORT");
        Assert.Equal(("R-VG-IMPORT", "n2", "datavg"), (f.RuleId, f.Node, f.Object));
        Assert.Contains("rg1", f.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void R_VG_MAJOR_another_major_number_on_a_node()
    {
        var facts = CleanFacts();
        facts["n2"] = facts["n2"]! with { VolumeGroups = [new("datavg", 61, false, true)] };
        var f = Only(Clean(), facts, "R-VG-MAJOR");
        Assert.Equal(("R-VG-MAJOR", "n2", "datavg"), (f.RuleId, f.Node, f.Object));
        Assert.Equal("Volume group datavg has major number 61 on node n2, but 60 is expected.", f.Message);
    }

    [Fact]
    public void R_VG_AUTO_auto_varyon_on_a_node()
    {
        var facts = CleanFacts();
        facts["n1"] = facts["n1"]! with { VolumeGroups = [new("datavg", 60, true, true)] };
        var f = Only(Clean(), facts, "R-VG-AUTO");
        Assert.Equal(("R-VG-AUTO", "n1", "datavg"), (f.RuleId, f.Node, f.Object));
    }

    [Fact]
    public void R_VG_ECM_a_disk_heartbeat_on_a_volume_group_not_enhanced_concurrent()
    {
        var facts = CleanFacts();
        facts["n2"] = facts["n2"]! with { VolumeGroups = [new("datavg", 60, false, false)] };
        var f = Only(Clean(), facts, "R-VG-ECM");
        Assert.Equal(("R-VG-ECM", "n2", "datavg"), (f.RuleId, f.Node, f.Object));
        Assert.Contains("net_diskhb_01", f.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void R_APP_SCRIPT_a_stop_script_missing_on_a_node()
    {
        var facts = CleanFacts();
        facts["n2"] = facts["n2"]! with { Files = [new("/ha/start.sh", true, true), new("/ha/stop.sh", false, false), new("/ha/mon.sh", true, true)] };
        var f = Only(Clean(), facts, "R-APP-SCRIPT");
        Assert.Equal(("R-APP-SCRIPT", "n2", "/ha/stop.sh"), (f.RuleId, f.Node, f.Object));
        Assert.Equal("The stop script /ha/stop.sh of application server app1 does not exist on node n2.", f.Message);
    }

    [Fact]
    public void R_APP_EXEC_a_start_script_not_executable_on_a_node()
    {
        var facts = CleanFacts();
        facts["n2"] = facts["n2"]! with { Files = [new("/ha/start.sh", true, false), new("/ha/stop.sh", true, true), new("/ha/mon.sh", true, true)] };
        var f = Only(Clean(), facts, "R-APP-EXEC");
        Assert.Equal(("R-APP-EXEC", "n2", "/ha/start.sh"), (f.RuleId, f.Node, f.Object));
    }

    [Fact]
    public void R_MON_2_an_application_server_without_monitor_is_a_warning()
    {
        var found = Verify(Clean() with { ApplicationMonitors = [] }, CleanFacts());
        var f = Assert.Single(found);
        Assert.Equal(("R-MON-2", Severity.Warning, "app1"), (f.RuleId, f.Severity, f.Object));
    }

    [Fact]
    public void R_REF_an_application_monitor_naming_no_server()
    {
        var c = Clean();
        c = c with { ApplicationMonitors = [.. c.ApplicationMonitors, new("ghost_mon", MonitorType.Custom, ["ghost"], MonitorMethod: "/ha/mon.sh", MonitorInterval: 60)] };
        var f = Only(c, CleanFacts(), "R-REF");
        Assert.Equal("R-REF", f.RuleId);
        Assert.Contains("ghost_mon", f.Message, StringComparison.Ordinal);
        Assert.Contains("ghost", f.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void R_HB_NONIP_no_non_ip_network_between_two_nodes_is_a_warning()
    {
        var c = Clean();
        c = c with { Interfaces = [.. c.Interfaces.Where(i => i.Network != "net_diskhb_01")] };
        var found = Verify(c, CleanFacts());
        var f = Assert.Single(found);
        Assert.Equal(("R-HB-NONIP", Severity.Warning, "n1", "n1,n2"), (f.RuleId, f.Severity, f.Node, f.Object));
    }

    [Fact]
    public void R_LEVEL_1_hacmp_not_installed_on_a_node()
    {
        var facts = CleanFacts();
        facts["n2"] = facts["n2"]! with { FilesetLevel = null };
        var f = Only(Clean(), facts, "R-LEVEL-1");
        Assert.Equal(("R-LEVEL-1", "n2"), (f.RuleId, f.Node));
    }

    [Fact]
    public void R_LEVEL_2_another_hacmp_level_on_a_node()
    {
        var c = Clean() with { Nodes = [new("n1", "n1"), new("n2", "n2"), new("n3", "n3")] };
        var facts = CleanFacts();
        facts["n3"] = Facts("n3", 3) with { FilesetLevel = "5.4.1.0" };
        var found = Verify(c, facts).Where(f => f.RuleId == "R-LEVEL-2").ToList();
        var f = Assert.Single(found);
        Assert.Equal("n3", f.Node);
        Assert.Contains("5.4.1.0", f.Message, StringComparison.Ordinal);
        Assert.Contains("5.5.0.10", f.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void R_POL_1_an_illegal_policy_combination()
    {
        var c = Clean();
        c = c with { ResourceGroups = [c.ResourceGroups[0] with { Startup = StartupPolicy.OnlineUsingDistributionPolicy, Fallover = FalloverPolicy.BringOffline, Fallback = FallbackPolicy.NeverFallback }] };
        var found = Verifier.Run(new VerificationInput(c, CleanFacts()));
        Assert.False(found.Single(r => r.Check.Id == "R-POL-1").Passed);
        Assert.Contains(found.SelectMany(r => r.Findings), f => f.RuleId == "R-POL-1" && f.Message.Contains("rg1", StringComparison.Ordinal));
    }

    [Fact]
    public void R_DEP_PC_a_parent_child_cycle()
    {
        var c = Clean();
        c = c with
        {
            ResourceGroups = [.. c.ResourceGroups, new ResourceGroup("rg2", ["n1", "n2"])],
            Dependencies = [new(DependencyKind.ParentChild, ["rg1", "rg2"]), new(DependencyKind.ParentChild, ["rg2", "rg1"])],
        };
        var found = Verifier.Run(new VerificationInput(c, CleanFacts()));
        var dep = found.Single(r => r.Check.Id == "R-DEP");
        Assert.False(dep.Passed);
        Assert.All(dep.Findings, f => Assert.StartsWith("R-DEP", f.RuleId, StringComparison.Ordinal));
    }

    [Fact]
    public void R_LIMIT_more_nodes_than_supported()
    {
        var nodes = Enumerable.Range(1, Limits.MaxNodes + 1).Select(i => new Node($"n{i}", $"n{i}")).ToList();
        var found = Verifier.Run(new VerificationInput(Clean() with { Nodes = nodes }, CleanFacts()));
        var limit = found.Single(r => r.Check.Id == "R-LIMIT");
        Assert.Equal("R-LIMIT-NODES", Assert.Single(limit.Findings).RuleId);
    }

    [Fact]
    public void R_VER_COMM_PATH_a_communication_path_not_in_etc_hosts_on_a_node()
    {
        var facts = CleanFacts();
        facts["n1"] = facts["n1"]! with { Hosts = [.. facts["n1"]!.Hosts.Where(h => h.Label != "n2")] };
        var f = Only(Clean(), facts, "R-VER-COMM-PATH");
        Assert.Equal(("R-VER-COMM-PATH", "n1", "n2"), (f.RuleId, f.Node, f.Object));
        Assert.Equal("The communication path n2 of node n2 is not in /etc/hosts on node n1.", f.Message);
    }

    [Fact]
    public void R_VER_NET_MEMBERS_an_ip_network_on_one_node_only_is_a_warning()
    {
        var c = Clean();
        c = c with { Networks = [.. c.Networks, new Network("net_ether_02", "ether")], Interfaces = [.. c.Interfaces, new("n1_hb", "net_ether_02", "n1", Address: "10.1.1.1")] };
        var facts = CleanFacts().ToDictionary(kv => kv.Key, kv => (NodeFacts?)(kv.Value! with { Hosts = [.. kv.Value!.Hosts, new("10.1.1.1", "n1_hb")] }));
        facts["n1"] = facts["n1"]! with { Interfaces = [.. facts["n1"]!.Interfaces, new("en2", "10.1.1.1", "255.255.255.0")] };
        var found = Verify(c, facts).Where(f => f.RuleId == "R-VER-NET-MEMBERS").ToList();
        var f = Assert.Single(found);
        Assert.Equal((Severity.Warning, "n1", "net_ether_02"), (f.Severity, f.Node, f.Object));
    }

    [Fact]
    public void R_VER_SVC_ACTIVE_a_service_address_already_on_a_node_is_a_warning()
    {
        var facts = CleanFacts();
        facts["n2"] = facts["n2"]! with { Interfaces = [.. facts["n2"]!.Interfaces, new("en0", "203.0.113.21", "255.255.255.0")] };
        var found = Verify(Clean(), facts);
        var f = Assert.Single(found);
        Assert.Equal(("R-VER-SVC-ACTIVE", Severity.Warning, "n2", "app1_svc"), (f.RuleId, f.Severity, f.Node, f.Object));
    }

    [Fact]
    public void R_IPAT_5_a_persistent_label_on_a_boot_subnet_of_its_node()
    {
        var c = Clean() with { PersistentIps = [new("n1_pers", "net_ether_01", "n1", "192.0.2.201")] };
        var facts = CleanFacts().ToDictionary(kv => kv.Key, kv => (NodeFacts?)(kv.Value! with { Hosts = [.. kv.Value!.Hosts, new("192.0.2.201", "n1_pers")] }));
        var f = Only(c, facts, "R-IPAT-5");
        Assert.Equal(("R-IPAT-5", "n1", "n1_pers"), (f.RuleId, f.Node, f.Object));
        Assert.Contains("n1_boot1", f.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void R_MON_SCRIPT_a_monitor_method_missing_on_a_node()
    {
        var facts = CleanFacts();
        facts["n2"] = facts["n2"]! with { Files = [new("/ha/start.sh", true, true), new("/ha/stop.sh", true, true), new("/ha/mon.sh", false, false)] };
        var f = Only(Clean(), facts, "R-MON-SCRIPT");
        Assert.Equal(("R-MON-SCRIPT", "n2", "/ha/mon.sh"), (f.RuleId, f.Node, f.Object));
        Assert.Equal("The monitor method /ha/mon.sh of application monitor app1_mon does not exist on node n2.", f.Message);
    }

    [Fact]
    public void R_EVT_SCRIPT_a_pre_event_script_not_executable_on_a_node()
    {
        // semantics §9.2 item 9: event, pre-, post- and notify scripts must exist on every node, as the
        // application scripts do; a pre-event command names a custom event, whose script is checked.
        var c = Clean() with
        {
            CustomEvents = [new("pre_up", "before node_up", "/ha/pre_up.sh")],
            Events = [new("node_up", Notify: "/ha/notify.sh node_up", Pre: ["pre_up"])],
        };
        var facts = CleanFacts();
        foreach (var n in new[] { "n1", "n2" })
        {
            facts[n] = facts[n]! with { Files = [.. facts[n]!.Files, new("/ha/notify.sh", true, true), new("/ha/pre_up.sh", true, n == "n1")] };
        }
        Assert.Contains("/ha/pre_up.sh", Verifier.ScriptPaths(c));
        Assert.Contains("/ha/notify.sh", Verifier.ScriptPaths(c));
        var f = Only(c, facts, "R-EVT-SCRIPT");
        Assert.Equal(("R-EVT-SCRIPT", "n2", "/ha/pre_up.sh"), (f.RuleId, f.Node, f.Object));
        Assert.Equal("The pre-event command /ha/pre_up.sh of cluster event node_up is not executable on node n2.", f.Message);
    }

    [Fact]
    public void Script_paths_include_the_monitor_methods()
    {
        Assert.Equal(["/ha/start.sh", "/ha/stop.sh", "/ha/mon.sh"], Verifier.ScriptPaths(Clean()));
    }

    [Fact]
    public void R_VER_FS_a_shared_file_system_not_defined_on_a_node()
    {
        var facts = CleanFacts();
        facts["n2"] = facts["n2"]! with { FileSystems = [new("/", true)] };
        var f = Only(Clean(), facts, "R-VER-FS");
        Assert.Equal(("R-VER-FS", "n2", "/data"), (f.RuleId, f.Node, f.Object));
        Assert.Equal("File system /data of resource group rg1 is not defined on node n2.", f.Message);
    }

    [Fact]
    public void R_VER_FS_ALL_means_every_file_system_of_the_groups_volume_groups()
    {
        var c = Clean();
        c = c with { ResourceGroups = [c.ResourceGroups[0] with { Resources = new Dictionary<string, IReadOnlyList<string>>(c.ResourceGroups[0].Resources) { [ResourceKinds.FileSystem] = ["ALL"] } }] };
        var facts = CleanFacts();
        facts["n1"] = facts["n1"]! with { FileSystems = [] };
        var f = Only(c, facts, "R-VER-FS");
        Assert.Equal(("n1", "/data"), (f.Node, f.Object));
    }

    [Fact]
    public void R_VER_FS_AUTO_a_shared_file_system_mounted_at_boot_on_a_node()
    {
        var facts = CleanFacts();
        facts["n1"] = facts["n1"]! with { FileSystems = [new("/data", true)] };
        var f = Only(Clean(), facts, "R-VER-FS-AUTO");
        Assert.Equal(("R-VER-FS-AUTO", "n1", "/data"), (f.RuleId, f.Node, f.Object));
    }

    private static Dictionary<string, NodeFacts?> WithDisks(Dictionary<string, NodeFacts?> facts, string node, params DiskFact[] disks)
    {
        facts[node] = facts[node]! with { Disks = disks };
        return facts;
    }

    [Fact]
    public void R_VG_PVID_a_shared_group_on_other_disks_on_one_node()
    {
        var facts = WithDisks(CleanFacts(), "n1", new DiskFact("hdisk0", "00c1d2e3f4a5b600", "rootvg"), new DiskFact("hdisk3", "00c1d2e3f4a5b633", "datavg"));
        facts = WithDisks(facts, "n2", new DiskFact("hdisk0", "00c1d2e3f4a5b601", "rootvg"), new DiskFact("hdisk3", "00c1d2e3f4a5b633", "None"), new DiskFact("hdisk5", "00c1d2e3f4a5b655", "datavg"));
        var f = Only(Clean(), facts, "R-VG-PVID");
        Assert.Equal(("R-VG-PVID", "n2", "datavg"), (f.RuleId, f.Node, f.Object));
        Assert.Equal("The physical volumes of volume group datavg on node n2 have PVIDs 00c1d2e3f4a5b655, but on node n1 they have PVIDs 00c1d2e3f4a5b633.", f.Message);
    }

    [Fact]
    public void R_VG_PVID_a_node_that_does_not_see_the_disk_of_a_group_it_has_not_imported()
    {
        var facts = WithDisks(CleanFacts(), "n1", new DiskFact("hdisk0", "00c1d2e3f4a5b600", "rootvg"), new DiskFact("hdisk3", "00c1d2e3f4a5b633", "datavg"));
        facts = WithDisks(facts, "n2", new DiskFact("hdisk0", "00c1d2e3f4a5b601", "rootvg"));
        facts["n2"] = facts["n2"]! with { VolumeGroups = [new("rootvg", 10, true, false)] };
        var found = Verify(Clean(), facts).Where(f => f.IsError).ToList();
        var pvid = Assert.Single(found, f => f.RuleId == "R-VG-PVID");
        Assert.Equal(("n2", "datavg"), (pvid.Node, pvid.Object));
        Assert.Equal("Volume group datavg is not imported on node n2, and its physical volume with PVID 00c1d2e3f4a5b633 is not available there.", pvid.Message);
        Assert.Contains(found, f => f.RuleId == "R-VG-IMPORT" && f.Node == "n2");
    }

    [Fact]
    public void R_VER_SERVICES_the_cluster_name_cannot_change_while_services_run_on_a_node()
    {
        var facts = CleanFacts();
        facts["n1"] = facts["n1"]! with { ManagerState = "ST_STABLE" };
        facts["n2"] = facts["n2"]! with { ManagerState = "ST_INIT" };
        var changed = Clean() with { Cluster = new ClusterInfo("c2", 1) };
        var found = Verifier.Run(new VerificationInput(changed, facts) { Active = Clean() }).SelectMany(r => r.Findings).Where(f => f.IsError).ToList();
        var f = Assert.Single(found);
        Assert.Equal(("R-VER-SERVICES", "n1", "c2"), (f.RuleId, f.Node, f.Object));
        Assert.Equal("Cluster services are active on node n1 (ST_STABLE): the cluster name cannot be changed from c1 to c2 while they run. Stop cluster services on all nodes first.", f.Message);
        // With services stopped everywhere the same change is fine.
        facts["n1"] = facts["n1"]! with { ManagerState = "ST_INIT" };
        Assert.DoesNotContain(Verifier.Run(new VerificationInput(changed, facts) { Active = Clean() }).SelectMany(r => r.Findings), x => x.IsError);
    }

    [Fact]
    public void R_VER_SERVICES_a_node_cannot_be_removed_while_services_run_on_it()
    {
        var facts = CleanFacts();
        facts["n3"] = new NodeFacts("n3") { ManagerState = "ST_STABLE" };
        var active = Clean() with { Nodes = [.. Clean().Nodes, new Node("n3", "n3")] };
        var found = Verifier.Run(new VerificationInput(Clean(), facts) { Active = active }).SelectMany(r => r.Findings).Where(f => f.IsError).ToList();
        var f = Assert.Single(found);
        Assert.Equal(("R-VER-SERVICES", "n3", "n3"), (f.RuleId, f.Node, f.Object));
        Assert.Equal("Cluster services are active on node n3 (ST_STABLE): the node cannot be removed from the cluster while they run. Stop cluster services on node n3 first.", f.Message);
    }
}
