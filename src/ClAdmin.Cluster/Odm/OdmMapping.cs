using System.Globalization;

namespace ClAdmin.Cluster.Odm;

/// <summary>The configuration as HACMP's ODM object classes and back. Class and attribute names follow
/// HACMP 5.x (HACMPcluster, HACMPnode, HACMPnetwork, HACMPadapter, HACMPgroup, HACMPresource, HACMPserver,
/// HACMPmonitor, ...). Volume groups and file systems live in AIX's own LVM ODM on a real node; here they
/// are the ClAdmin classes CLvolgrp and CLfilesys.</summary>
public static class OdmMapping
{
    /// <summary>Every class, in the order odm export and snapshots write them.</summary>
    public static readonly IReadOnlyList<string> Classes =
    [
        "HACMPcluster", "HACMPsite", "HACMPnode", "HACMPnetwork", "HACMPnim", "HACMPadapter", "HACMPserver", "HACMPmonitor",
        "CLvolgrp", "CLfilesys", "HACMPtimer", "HACMPgroup", "HACMPresource", "HACMPrgdependency",
        "HACMPrg_loc_dependency", "HACMPfilecollection", "HACMPfcfile", "HACMPcustom", "HACMPevent",
    ];

    /// <summary>The cluster_version HACMP 5.5 writes.</summary>
    public const int ClusterVersion = 10;

    private static OdmAttribute S(string name, string value) => new(name, value);
    private static OdmAttribute N(string name, int value) => new(name, value.ToString(CultureInfo.InvariantCulture), IsNumber: true);
    private static string Words(IEnumerable<string> values) => string.Join(' ', values);
    private static string[] Split(string value) => value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    private static string[] SplitCommands(string value) => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    private static string YesNo(bool b) => b ? "yes" : "no";

    public static IReadOnlyList<OdmObject> ToObjects(ClusterConfiguration c)
    {
        var o = new List<OdmObject>();
        void Add(string cls, params OdmAttribute[] a) => o.Add(new OdmObject(cls, a));
        if (c.Cluster is { } cl)
        {
            Add("HACMPcluster", N("id", cl.Id), S("name", cl.Name), S("nodename", ""), S("sec_level", "Standard"),
                N("cluster_version", ClusterVersion), N("settling_time", cl.SettlingTime), S("rg_distribution_policy", cl.DistributionPolicy),
                N("max_event_time", cl.MaxEventTime), N("max_rg_processing_time", cl.MaxRgProcessingTime));
        }
        foreach (var s in c.Sites)
        {
            Add("HACMPsite", S("name", s.Name), S("nodelist", Words(s.Nodes)), S("dominance", YesNo(s.Dominance)), S("backup", s.BackupCommunications));
        }
        var id = 0;
        foreach (var n in c.Nodes)
        {
            id++;
            Add("HACMPnode", S("name", n.Name), S("object", "COMMUNICATION_PATH"), S("value", n.CommunicationPath), N("node_id", id), N("node_handle", id), N("version", ClusterVersion));
        }
        id = 0;
        foreach (var n in c.Networks)
        {
            id++;
            Add("HACMPnetwork", S("name", n.Name), S("attr", n.IsIp ? (n.Public ? "public" : "private") : "serial"), S("netmask", n.Netmask),
                N("network_id", id), N("alias", n.Ipat == IpatMethod.Aliasing ? 1 : 0), S("nimname", n.Type), S("hb_offset", n.HeartbeatOffset));
        }
        foreach (var m in c.NetworkModules)
        {
            Add("HACMPnim", S("name", m.Type), N("hbrate", (int)Math.Round(m.Interval * 1_000_000)), N("cycle", m.FailureCycle), N("grace", m.GracePeriod));
        }
        var netType = c.Networks.GroupBy(n => n.Name).ToDictionary(g => g.Key, g => g.First());
        OdmAttribute[] Adapter(string label, string network, string function, string identifier, string haddr, string node, string netmask, string device)
        {
            var net = netType.GetValueOrDefault(network);
            return [S("type", net?.Type ?? ""), S("network", network), S("nettype", net is null ? "" : net.IsIp ? "public" : "serial"),
                S("attr", net is null ? "" : net.IsIp ? (net.Public ? "public" : "private") : "serial"), S("ip_label", label), S("function", function),
                S("identifier", identifier), S("haddr", haddr), S("node", node), S("netmask", netmask), S("interfacename", device)];
        }
        foreach (var i in c.Interfaces)
        {
            Add("HACMPadapter", Adapter(i.Label, i.Network, "boot", i.Address, "", i.Node, netType.GetValueOrDefault(i.Network)?.Netmask ?? "", i.Device));
        }
        foreach (var s in c.ServiceIps)
        {
            Add("HACMPadapter", Adapter(s.Label, s.Network, "service", s.Address, s.HardwareAddress, s.Node, s.Netmask, ""));
        }
        foreach (var p in c.PersistentIps)
        {
            Add("HACMPadapter", Adapter(p.Label, p.Network, "persistent", p.Address, "", p.Node, netType.GetValueOrDefault(p.Network)?.Netmask ?? "", ""));
        }
        foreach (var a in c.ApplicationControllers)
        {
            Add("HACMPserver", S("name", a.Name), S("start", a.StartScript), S("stop", a.StopScript), S("startup_mode", a.StartupMode), S("monitors", Words(a.Monitors)));
        }
        foreach (var m in c.ApplicationMonitors)
        {
            void M(string name, string value) => Add("HACMPmonitor", S("monitor", m.Name), S("name", name), S("value", value));
            string I(int v) => v.ToString(CultureInfo.InvariantCulture);
            M("MONITOR_TYPE", m.Type == MonitorType.Process ? "process" : "user");
            M("RESOURCE_TO_MONITOR", Words(m.Applications));
            M("INVOCATION", m.Mode);
            M("PROCESSES", m.Processes);
            M("PROCESS_OWNER", m.Owner);
            M("INSTANCE_COUNT", I(m.InstanceCount));
            M("MONITOR_METHOD", m.MonitorMethod);
            M("MONITOR_INTERVAL", I(m.MonitorInterval));
            M("HUNG_MONITOR_SIGNAL", I(m.HungSignal));
            M("STABILIZATION_INTERVAL", I(m.Stabilization));
            M("RESTART_COUNT", I(m.RestartCount));
            M("RESTART_INTERVAL", I(m.RestartInterval));
            M("FAILURE_ACTION", m.FailureAction);
            M("NOTIFY_METHOD", m.NotifyMethod);
            M("CLEANUP_METHOD", m.CleanupMethod);
            M("RESTART_METHOD", m.RestartMethod);
        }
        foreach (var g in c.VolumeGroups)
        {
            Add("CLvolgrp", S("name", g.Name), S("nodes", Words(g.Nodes)), S("pvs", Words(g.PhysicalVolumes)), S("type", g.Type),
                N("pp_size", g.PartitionSize), N("major_number", g.MajorNumber), S("concurrent", YesNo(g.ConcurrentCapable)));
        }
        foreach (var f in c.FileSystems)
        {
            Add("CLfilesys", S("mount_point", f.MountPoint), S("volume_group", f.VolumeGroup), S("type", f.Type), N("size", f.Size), S("units", f.Units), S("log", f.LogVolume));
        }
        foreach (var t in c.FallbackTimers)
        {
            Add("HACMPtimer", S("name", t.Name), S("repeats", t.Repeats), N("year", t.Year), N("month", t.Month), N("day_of_month", t.DayOfMonth),
                N("day_of_week", t.DayOfWeek), N("hour", t.Hour), N("minute", t.Minute));
        }
        id = 0;
        foreach (var g in c.ResourceGroups)
        {
            id++;
            Add("HACMPgroup", S("group", g.Name), N("id", id), S("nodes", Words(g.Nodes)), S("startup_pref", PolicyCodes.Code(g.Startup)),
                S("fallover_pref", PolicyCodes.Code(g.Fallover)), S("fallback_pref", PolicyCodes.Code(g.Fallback)), S("fallback_timer", g.FallbackTimer),
                S("node_priority_policy", g.NodePriorityPolicy), S("site_policy", g.SitePolicy));
        }
        id = 0;
        foreach (var g in c.ResourceGroups)
        {
            foreach (var (kind, values) in g.Resources)
            {
                foreach (var v in values)
                {
                    id++;
                    Add("HACMPresource", S("group", g.Name), S("name", kind), S("value", v), N("id", id));
                }
            }
        }
        id = 0;
        foreach (var d in c.Dependencies)
        {
            id++;
            if (d.Kind is DependencyKind.ParentChild or DependencyKind.StartAfter or DependencyKind.StopAfter)
            {
                Add("HACMPrgdependency", N("id", id), S("group_parent", d.Groups.ElementAtOrDefault(0) ?? ""), S("group_child", d.Groups.ElementAtOrDefault(1) ?? ""),
                    S("type", d.Kind switch { DependencyKind.ParentChild => "PARENT_CHILD", DependencyKind.StartAfter => "START_AFTER", _ => "STOP_AFTER" }));
                continue;
            }
            for (var i = 0; i < d.Groups.Count; i++)
            {
                var priority = d.Kind != DependencyKind.OnlineOnDifferentNodes ? ""
                    : i < d.HighCount ? "HIGH" : i < d.HighCount + d.IntermediateCount ? "INTERMEDIATE" : "LOW";
                Add("HACMPrg_loc_dependency", N("id", id), S("group_name", d.Groups[i]),
                    S("loc_dep_type", d.Kind switch { DependencyKind.OnlineOnSameNode => "SAME_NODE", DependencyKind.OnlineOnSameSite => "SAME_SITE", _ => "DIFFERENT_NODES" }),
                    S("priority", priority));
            }
        }
        foreach (var f in c.FileCollections)
        {
            Add("HACMPfilecollection", S("name", f.Name), S("description", f.Description), S("sync_with_cluster", YesNo(f.SyncWithCluster)), S("sync_with_changes", YesNo(f.SyncWhenChanged)));
        }
        foreach (var f in c.FileCollections)
        {
            foreach (var file in f.Files)
            {
                Add("HACMPfcfile", S("collection", f.Name), S("file", file));
            }
        }
        foreach (var e in c.CustomEvents)
        {
            Add("HACMPcustom", S("name", e.Name), S("description", e.Description), S("value", e.File));
        }
        foreach (var e in c.Events)
        {
            // pre and post hold custom event names separated by commas (descriptor names: see OdmClasses).
            Add("HACMPevent", S("name", e.Name), S("desc", PredefinedEvents.Description(e.Name)), S("cmd", PredefinedEvents.Command(e.Name)),
                S("notify", e.Notify), S("pre", string.Join(',', e.Pre)), S("post", string.Join(',', e.Post)), S("recv", e.Recovery), N("count", e.RecoveryCounter));
        }
        return o;
    }

    /// <summary>As <see cref="FromObjects"/>, for objects added to those stored (odm add): also refuses
    /// more nodes, networks or resource groups than a cluster can have (<see cref="OdmClasses.Counted"/>).</summary>
    public static (ClusterConfiguration? Configuration, IReadOnlyList<string> Errors) CheckAdd(IReadOnlyList<OdmObject> objects)
    {
        var (config, errors) = FromObjects(objects);
        var limits = new List<string>();
        foreach (var (cls, limit) in OdmClasses.Counted)
        {
            var count = objects.Where(o => o.Class == cls).Select(o => o.Get(limit.Key)).Distinct(StringComparer.Ordinal).Count();
            if (count > limit.Max)
            {
                limits.Add($"{cls}: {count} {limit.What} with those already stored; a cluster has at most {limit.Max}");
            }
        }
        return limits.Count > 0 ? (null, [.. errors, .. limits]) : (config, errors);
    }

    /// <summary>Rebuilds a configuration from objects (any order). Unknown classes and unreadable values are errors.</summary>
    public static (ClusterConfiguration? Configuration, IReadOnlyList<string> Errors) FromObjects(IEnumerable<OdmObject> objects)
    {
        var errors = new List<string>();
        var all = objects.ToList();
        foreach (var bad in all.Where(o => !Classes.Contains(o.Class)).Select(o => o.Class).Distinct())
        {
            errors.Add($"unknown object class \"{bad}\" (classes: {string.Join(", ", Classes)})");
        }
        IEnumerable<OdmObject> Of(string cls) => all.Where(o => o.Class == cls);
        int Int(OdmObject o, string name)
        {
            var text = o.Get(name);
            if (text.Length == 0)
            {
                return 0;
            }
            if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
            {
                errors.Add($"{o.Class}: attribute {name} = \"{text}\" is not a number");
            }
            return n;
        }

        int Duration(OdmObject o, string name) => o.Get(name).Length == 0 ? ClusterInfo.DefaultEventTime : Int(o, name);
        var cluster = Of("HACMPcluster").Select(o => new ClusterInfo(o.Get("name"), Int(o, "id"), Int(o, "settling_time"), o["rg_distribution_policy"] ?? "node",
            Duration(o, "max_event_time"), Duration(o, "max_rg_processing_time"))).ToList();
        if (cluster.Count > 1)
        {
            errors.Add("HACMPcluster: more than one cluster object");
        }
        var networks = Of("HACMPnetwork").Select(o => new Network(o.Get("name"), o.Get("nimname"), o.Get("netmask"),
            o.Get("alias") == "0" ? IpatMethod.Replacement : IpatMethod.Aliasing, o.Get("attr") != "private", o.Get("hb_offset"))).ToList();
        var modules = Of("HACMPnim").Select(o => new NetworkModule(o.Get("name"), Int(o, "hbrate") / 1_000_000.0, Int(o, "cycle"),
            o.Get("grace").Length == 0 ? 60 : Int(o, "grace"))).ToList();
        foreach (var bad in modules.Where(m => m.Interval <= 0 || m.FailureCycle < 1))
        {
            errors.Add($"HACMPnim {bad.Type}: hbrate and cycle must be more than 0");
        }
        var adapters = Of("HACMPadapter").ToList();
        var groups = Of("HACMPgroup").Select(o =>
        {
            var name = o.Get("group");
            var startup = PolicyCodes.ParseStartup(o.Get("startup_pref"));
            var fallover = PolicyCodes.ParseFallover(o.Get("fallover_pref"));
            var fallback = PolicyCodes.ParseFallback(o.Get("fallback_pref"));
            if (startup is null || fallover is null || fallback is null)
            {
                errors.Add($"HACMPgroup {name}: unknown policy code in startup_pref/fallover_pref/fallback_pref");
            }
            var resources = new Dictionary<string, IReadOnlyList<string>>();
            foreach (var r in Of("HACMPresource").Where(r => r.Get("group") == name).GroupBy(r => r.Get("name")))
            {
                resources[r.Key] = [.. r.Select(x => x.Get("value"))];
            }
            return new ResourceGroup(name, Split(o.Get("nodes")), startup ?? default, fallover ?? default, fallback ?? default,
                o.Get("fallback_timer"), o.Get("node_priority_policy"), o["site_policy"] ?? "ignore", resources);
        }).ToList();
        foreach (var orphan in Of("HACMPresource").Select(r => r.Get("group")).Distinct().Where(g => groups.All(x => x.Name != g)))
        {
            errors.Add($"HACMPresource: group \"{orphan}\" has no HACMPgroup object");
        }
        var monitors = Of("HACMPmonitor").GroupBy(o => o.Get("monitor")).Select(g =>
        {
            var f = g.GroupBy(x => x.Get("name")).ToDictionary(x => x.Key, x => x.Last().Get("value"));
            string V(string k) => f.GetValueOrDefault(k, "");
            int I(string k)
            {
                var t = V(k);
                if (t.Length > 0 && !int.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
                {
                    errors.Add($"HACMPmonitor {g.Key}: {k} = \"{t}\" is not a number");
                    return 0;
                }
                return t.Length == 0 ? 0 : int.Parse(t, CultureInfo.InvariantCulture);
            }
            return new ApplicationMonitor(g.Key, V("MONITOR_TYPE") == "process" ? MonitorType.Process : MonitorType.Custom, Split(V("RESOURCE_TO_MONITOR")),
                V("INVOCATION"), V("PROCESSES"), V("PROCESS_OWNER"), I("INSTANCE_COUNT"), V("MONITOR_METHOD"), I("MONITOR_INTERVAL"), I("HUNG_MONITOR_SIGNAL"),
                I("STABILIZATION_INTERVAL"), I("RESTART_COUNT"), I("RESTART_INTERVAL"), V("FAILURE_ACTION"), V("NOTIFY_METHOD"), V("CLEANUP_METHOD"), V("RESTART_METHOD"));
        }).ToList();
        var deps = new List<(int Id, Dependency D)>();
        deps.AddRange(Of("HACMPrgdependency").Select(o => (Int(o, "id"), new Dependency(o.Get("type") switch
        {
            "START_AFTER" => DependencyKind.StartAfter,
            "STOP_AFTER" => DependencyKind.StopAfter,
            _ => DependencyKind.ParentChild,
        }, (IReadOnlyList<string>)[o.Get("group_parent"), o.Get("group_child")]))));
        deps.AddRange(Of("HACMPrg_loc_dependency").GroupBy(o => Int(o, "id")).Select(g => (g.Key, new Dependency(
            g.First().Get("loc_dep_type") switch { "SAME_NODE" => DependencyKind.OnlineOnSameNode, "SAME_SITE" => DependencyKind.OnlineOnSameSite, _ => DependencyKind.OnlineOnDifferentNodes },
            [.. g.Select(x => x.Get("group_name"))], g.Count(x => x.Get("priority") == "HIGH"), g.Count(x => x.Get("priority") == "INTERMEDIATE")))));

        var config = new ClusterConfiguration
        {
            Cluster = cluster.FirstOrDefault(),
            Sites = [.. Of("HACMPsite").Select(o => new Site(o.Get("name"), Split(o.Get("nodelist")), o.Get("dominance") == "yes", o["backup"] ?? "none"))],
            Nodes = [.. Of("HACMPnode").Where(o => o.Get("object") == "COMMUNICATION_PATH").Select(o => new Node(o.Get("name"), o.Get("value")))],
            Networks = networks,
            NetworkModules = modules,
            Interfaces = [.. adapters.Where(a => a.Get("function") == "boot").Select(a => new Interface(a.Get("ip_label"), a.Get("network"), a.Get("node"), a.Get("interfacename"), a.Get("identifier")))],
            ServiceIps = [.. adapters.Where(a => a.Get("function") == "service").Select(a => new ServiceIp(a.Get("ip_label"), a.Get("network"), a.Get("netmask"), a.Get("node"), a.Get("identifier"), a.Get("haddr")))],
            PersistentIps = [.. adapters.Where(a => a.Get("function") == "persistent").Select(a => new PersistentIp(a.Get("ip_label"), a.Get("network"), a.Get("node"), a.Get("identifier")))],
            ApplicationControllers = [.. Of("HACMPserver").Select(o => new ApplicationController(o.Get("name"), o.Get("start"), o.Get("stop"), o["startup_mode"] ?? "background", Split(o.Get("monitors"))))],
            ApplicationMonitors = monitors,
            VolumeGroups = [.. Of("CLvolgrp").Select(o => new VolumeGroup(o.Get("name"), Split(o.Get("nodes")), Split(o.Get("pvs")), o.Get("type"), Int(o, "pp_size"), Int(o, "major_number"), o.Get("concurrent") == "yes"))],
            FileSystems = [.. Of("CLfilesys").Select(o => new FileSystem(o.Get("mount_point"), o.Get("volume_group"), o.Get("type"), Int(o, "size"), o.Get("units"), o.Get("log")))],
            FallbackTimers = [.. Of("HACMPtimer").Select(o => new FallbackTimer(o.Get("name"), o.Get("repeats"), Int(o, "year"), Int(o, "month"), Int(o, "day_of_month"), Int(o, "day_of_week"), Int(o, "hour"), Int(o, "minute")))],
            ResourceGroups = groups,
            Dependencies = [.. deps.OrderBy(d => d.Id).Select(d => d.D)],
            FileCollections = [.. Of("HACMPfilecollection").Select(o => new FileCollection(o.Get("name"), o.Get("description"), o.Get("sync_with_cluster") == "yes", o.Get("sync_with_changes") == "yes",
                [.. Of("HACMPfcfile").Where(f => f.Get("collection") == o.Get("name")).Select(f => f.Get("file"))]))],
            Events = [.. Of("HACMPevent").Select(o => new ClusterEvent(o.Get("name"), o.Get("notify"), SplitCommands(o.Get("pre")), SplitCommands(o.Get("post")), o.Get("recv"), Int(o, "count")))
                .Where(e => e.HasMethods)],
            CustomEvents = [.. Of("HACMPcustom").Select(o => new CustomEvent(o.Get("name"), o.Get("description"), o.Get("value")))],
        };
        foreach (var bad in adapters.Where(a => a.Get("function") is not ("boot" or "service" or "persistent")))
        {
            errors.Add($"HACMPadapter {bad.Get("ip_label")}: function \"{bad.Get("function")}\" is not boot, service or persistent");
        }
        return errors.Count > 0 ? (null, errors) : (config, errors);
    }
}
