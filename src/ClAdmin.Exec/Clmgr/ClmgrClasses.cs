using System.Globalization;
using ClAdmin.Cluster;

namespace ClAdmin.Exec.Clmgr;

/// <summary>The configuration classes clmgr serves here, with their aliases (powerha-menus §5.8).</summary>
public static class ClmgrClasses
{
    private static string W(IEnumerable<string> v) => string.Join(' ', v);
    private static string I(int n) => n.ToString(CultureInfo.InvariantCulture);
    private static string YN(bool b) => b ? "yes" : "no";

    public static readonly EntityClass<Site> Site = new("site", [], ["NODES", "DOMINANCE", "BACKUP_COMMUNICATIONS"],
        c => c.Sites, (c, l) => c with { Sites = l }, s => s.Name,
        s => [("NAME", s.Name), ("NODES", W(s.Nodes)), ("DOMINANCE", YN(s.Dominance)), ("BACKUP_COMMUNICATIONS", s.BackupCommunications)],
        (n, a, _) => new Site(n, a.List("NODES", []), a.Bool("DOMINANCE", false), a.Get("BACKUP_COMMUNICATIONS", "none")));

    public static readonly EntityClass<Node> Node = new("node", [], ["COMMPATH", "COMMUNICATION_PATH"],
        c => c.Nodes, (c, l) => c with { Nodes = l }, n => n.Name,
        n => [("NAME", n.Name), ("COMMPATH", n.CommunicationPath)],
        (n, a, _) => new Node(n, a["COMMPATH"] is { Length: > 0 } p ? p : a.Get("COMMUNICATION_PATH", n)));

    public static readonly EntityClass<Network> Network = new("network", ["nw", "ne"], ["TYPE", "NETMASK", "IPALIASING", "PUBLIC", "HB_OFFSET"],
        c => c.Networks, (c, l) => c with { Networks = l }, n => n.Name,
        n => [("NAME", n.Name), ("TYPE", n.Type), ("NETMASK", n.Netmask), ("IPALIASING", YN(n.Ipat == IpatMethod.Aliasing)), ("PUBLIC", YN(n.Public)), ("HB_OFFSET", n.HeartbeatOffset)],
        (n, a, _) =>
        {
            var type = a.Get("TYPE", "ether");
            var canonical = NetworkTypes.Canonical(type)
                ?? throw new ClmgrException(ClmgrRc.IncorrectInput, $"\"{QuotedText.Escape(type)}\" is not a valid value for \"TYPE\". Valid values are: {string.Join(", ", NetworkTypes.Ip.Concat(NetworkTypes.NonIp))}");
            return new Network(n, canonical, a.Get("NETMASK", NetworkTypes.IsIp(canonical) ? "255.255.255.0" : ""),
                a.Bool("IPALIASING", true) ? IpatMethod.Aliasing : IpatMethod.Replacement, a.Bool("PUBLIC", true), a.Get("HB_OFFSET", ""));
        });

    public static readonly EntityClass<Interface> Interface = new("interface", ["if"], ["NETWORK", "NODE", "TYPE", "INTERFACE", "DEVICE", "ADDRESS"],
        c => c.Interfaces, (c, l) => c with { Interfaces = l }, i => i.Label,
        i => [("NAME", i.Label), ("NETWORK", i.Network), ("NODE", i.Node), ("INTERFACE", i.Device), ("ADDRESS", i.Address)],
        (n, a, _) => new Interface(n, Required(a, "NETWORK"), Required(a, "NODE"), a["INTERFACE"] is { Length: > 0 } d ? d : a.Get("DEVICE", ""), a.Get("ADDRESS", "")));

    public static readonly EntityClass<ServiceIp> ServiceIp = new("service_ip", ["si"], ["NETWORK", "NETMASK", "NODE", "ADDRESS", "HWADDR", "SITE"],
        c => c.ServiceIps, (c, l) => c with { ServiceIps = l }, s => s.Label,
        s => [("NAME", s.Label), ("NETWORK", s.Network), ("NETMASK", s.Netmask), ("NODE", s.Node), ("ADDRESS", s.Address), ("HWADDR", s.HardwareAddress)],
        (n, a, _) => new ServiceIp(n, Required(a, "NETWORK"), a.Get("NETMASK", ""), a.Get("NODE", ""), a.Get("ADDRESS", ""), a.Get("HWADDR", "")));

    public static readonly EntityClass<PersistentIp> PersistentIp = new("persistent_ip", ["pi"], ["NETWORK", "NODE", "ADDRESS"],
        c => c.PersistentIps, (c, l) => c with { PersistentIps = l }, p => p.Label,
        p => [("NAME", p.Label), ("NETWORK", p.Network), ("NODE", p.Node), ("ADDRESS", p.Address)],
        (n, a, _) => new PersistentIp(n, Required(a, "NETWORK"), Required(a, "NODE"), a.Get("ADDRESS", "")));

    public static readonly EntityClass<ApplicationController> ApplicationController = new("application_controller", ["ac", "application_server", "as"],
        ["STARTSCRIPT", "STOPSCRIPT", "STARTUP_MODE", "MONITORS"],
        c => c.ApplicationControllers, (c, l) => c with { ApplicationControllers = l }, x => x.Name,
        x => [("NAME", x.Name), ("STARTSCRIPT", x.StartScript), ("STOPSCRIPT", x.StopScript), ("STARTUP_MODE", x.StartupMode), ("MONITORS", W(x.Monitors))],
        (n, a, _) => new ApplicationController(n, Required(a, "STARTSCRIPT"), Required(a, "STOPSCRIPT"),
            a.Choice("STARTUP_MODE", "background", "background", "foreground"), a.List("MONITORS", [])));

    public static readonly EntityClass<ApplicationMonitor> ApplicationMonitor = new("application_monitor", ["am"],
        ["TYPE", "APPLICATIONS", "MODE", "PROCESSES", "OWNER", "INSTANCECOUNT", "MONITORMETHOD", "MONITORINTERVAL", "HUNGSIGNAL",
         "STABILIZATION", "RESTARTCOUNT", "RESTARTINTERVAL", "FAILUREACTION", "NOTIFYMETHOD", "CLEANUPMETHOD", "RESTARTMETHOD"],
        c => c.ApplicationMonitors, (c, l) => c with { ApplicationMonitors = l }, m => m.Name,
        m => [("NAME", m.Name), ("TYPE", m.Type == MonitorType.Process ? "Process" : "Custom"), ("APPLICATIONS", W(m.Applications)), ("MODE", m.Mode),
              ("PROCESSES", m.Processes), ("OWNER", m.Owner), ("INSTANCECOUNT", I(m.InstanceCount)), ("MONITORMETHOD", m.MonitorMethod),
              ("MONITORINTERVAL", I(m.MonitorInterval)), ("HUNGSIGNAL", I(m.HungSignal)), ("STABILIZATION", I(m.Stabilization)),
              ("RESTARTCOUNT", I(m.RestartCount)), ("RESTARTINTERVAL", I(m.RestartInterval)), ("FAILUREACTION", m.FailureAction),
              ("NOTIFYMETHOD", m.NotifyMethod), ("CLEANUPMETHOD", m.CleanupMethod), ("RESTARTMETHOD", m.RestartMethod)],
        (n, a, _) => new ApplicationMonitor(n,
            a.Choice("TYPE", "Process", "Process", "Custom") == "Process" ? MonitorType.Process : MonitorType.Custom,
            a.List("APPLICATIONS", []), a.Choice("MODE", "longrunning", "longrunning", "startup", "both"), a.Get("PROCESSES", ""), a.Get("OWNER", ""),
            a.Int("INSTANCECOUNT", 1), a.Get("MONITORMETHOD", ""), a.Int("MONITORINTERVAL", 0), a.Int("HUNGSIGNAL", 9), a.Int("STABILIZATION", 60),
            a.Int("RESTARTCOUNT", 3), a.Int("RESTARTINTERVAL", 0), a.Choice("FAILUREACTION", "fallover", "notify", "fallover"),
            a.Get("NOTIFYMETHOD", ""), a.Get("CLEANUPMETHOD", ""), a.Get("RESTARTMETHOD", "")));

    public static readonly EntityClass<VolumeGroup> VolumeGroup = new("volume_group", ["vg"],
        ["NODES", "PHYSICAL_VOLUMES", "TYPE", "PPART_SIZE", "MAJOR_NUMBER", "CONCURRENT_ACCESS", "RESOURCE_GROUP"],
        c => c.VolumeGroups, (c, l) => c with { VolumeGroups = l }, v => v.Name,
        v => [("NAME", v.Name), ("NODES", W(v.Nodes)), ("PHYSICAL_VOLUMES", W(v.PhysicalVolumes)), ("TYPE", v.Type), ("PPART_SIZE", I(v.PartitionSize)),
              ("MAJOR_NUMBER", I(v.MajorNumber)), ("CONCURRENT_ACCESS", YN(v.ConcurrentCapable))],
        (n, a, _) => new VolumeGroup(n, a.List("NODES", []), a.List("PHYSICAL_VOLUMES", []), a.Choice("TYPE", "original", "original", "big", "scalable", "legacy"),
            a.Int("PPART_SIZE", 4), a.Int("MAJOR_NUMBER", 0), a.Bool("CONCURRENT_ACCESS", false)));

    public static readonly EntityClass<FileSystem> FileSystem = new("file_system", ["fs"], ["VOLUME_GROUP", "TYPE", "UNITS", "SIZE_PER_UNIT", "LV_FOR_LOG", "SIZE"],
        c => c.FileSystems, (c, l) => c with { FileSystems = l }, f => f.MountPoint,
        f => [("NAME", f.MountPoint), ("VOLUME_GROUP", f.VolumeGroup), ("TYPE", f.Type), ("UNITS", I(f.Size)), ("SIZE_PER_UNIT", f.Units), ("LV_FOR_LOG", f.LogVolume)],
        (n, a, _) => new FileSystem(n, Required(a, "VOLUME_GROUP"), a.Choice("TYPE", "enhanced", "enhanced", "standard", "compressed", "large"),
            a.Int("UNITS", a.Int("SIZE", 0)), a.Choice("SIZE_PER_UNIT", "megabytes", "megabytes", "gigabytes", "512bytes"), a.Get("LV_FOR_LOG", "INLINE")));

    public static readonly EntityClass<FileCollection> FileCollection = new("file_collection", ["fc"],
        ["FILES", "DESCRIPTION", "SYNC_WITH_CLUSTER", "SYNC_WHEN_CHANGED", "ADD_FILES", "REMOVE_FILES"],
        c => c.FileCollections, (c, l) => c with { FileCollections = l }, f => f.Name,
        f => [("NAME", f.Name), ("DESCRIPTION", f.Description), ("FILES", W(f.Files)), ("SYNC_WITH_CLUSTER", YN(f.SyncWithCluster)), ("SYNC_WHEN_CHANGED", YN(f.SyncWhenChanged))],
        (n, a, _) => new FileCollection(n, a.Get("DESCRIPTION", ""), a.Bool("SYNC_WITH_CLUSTER", false), a.Bool("SYNC_WHEN_CHANGED", false),
            [.. a.List("FILES", []).Concat(a.List("ADD_FILES", [])).Distinct().Except(a.List("REMOVE_FILES", []))]));

    public static readonly EntityClass<FallbackTimer> FallbackTimer = new("fallback_timer", ["timer"],
        ["REPEATS", "YEAR", "MONTH", "DAY_OF_MONTH", "DAY_OF_WEEK", "HOUR", "MINUTE"],
        c => c.FallbackTimers, (c, l) => c with { FallbackTimers = l }, t => t.Name,
        t => [("NAME", t.Name), ("REPEATS", t.Repeats), ("YEAR", I(t.Year)), ("MONTH", I(t.Month)), ("DAY_OF_MONTH", I(t.DayOfMonth)),
              ("DAY_OF_WEEK", I(t.DayOfWeek)), ("HOUR", I(t.Hour)), ("MINUTE", I(t.Minute))],
        (n, a, _) => new FallbackTimer(n, a.Choice("REPEATS", "once", "once", "daily", "weekly", "monthly", "yearly"), a.Int("YEAR", 0), a.Int("MONTH", 0),
            a.Int("DAY_OF_MONTH", 0), a.Int("DAY_OF_WEEK", 0), a.Int("HOUR", 0), a.Int("MINUTE", 0)));

    private static readonly string[] GroupAttributes = ["NODES", "STARTUP", "FALLOVER", "FALLBACK", "FALLBACK_AT", "NODE_PRIORITY_POLICY", "SITE_POLICY"];

    public static readonly EntityClass<ResourceGroup> ResourceGroup = new("resource_group", ["rg"],
        [.. GroupAttributes, .. ResourceKinds.Lists, .. ResourceKinds.Options],
        c => c.ResourceGroups, (c, l) => c with { ResourceGroups = l }, g => g.Name,
        g => [("NAME", g.Name), ("NODES", W(g.Nodes)), ("STARTUP", PolicyCodes.Code(g.Startup)), ("FALLOVER", PolicyCodes.Code(g.Fallover)),
              ("FALLBACK", PolicyCodes.Code(g.Fallback)), ("FALLBACK_AT", g.FallbackTimer), ("NODE_PRIORITY_POLICY", g.NodePriorityPolicy),
              ("SITE_POLICY", g.SitePolicy), .. ResourceKinds.Lists.Concat(ResourceKinds.Options).Select(k => (k, W(g.Resource(k))))],
        (n, a, _) =>
        {
            var startup = a["STARTUP"] is { Length: > 0 } s ? PolicyCodes.ParseStartup(s) ?? throw Invalid("STARTUP", s, PolicyCodes.StartupCodes) : StartupPolicy.OnlineOnHomeNode;
            var fallover = a["FALLOVER"] is { Length: > 0 } fo ? PolicyCodes.ParseFallover(fo) ?? throw Invalid("FALLOVER", fo, PolicyCodes.FalloverCodes) : FalloverPolicy.NextPriorityNode;
            var fallback = a["FALLBACK"] is { Length: > 0 } fb ? PolicyCodes.ParseFallback(fb) ?? throw Invalid("FALLBACK", fb, PolicyCodes.FallbackCodes) : FallbackPolicy.NeverFallback;
            var resources = new Dictionary<string, IReadOnlyList<string>>();
            foreach (var k in ResourceKinds.Lists)
            {
                if (a.List(k, []) is { Count: > 0 } v)
                {
                    resources[k] = v;
                }
            }
            foreach (var k in ResourceKinds.Options)
            {
                if (a[k] is { Length: > 0 } v)
                {
                    resources[k] = [v];
                }
            }
            return new ResourceGroup(n, a.List("NODES", []), startup, fallover, fallback, a.Get("FALLBACK_AT", ""), a.Get("NODE_PRIORITY_POLICY", ""),
                a.Get("SITE_POLICY", "ignore"), resources);
        });

    public static readonly ClusterClass Cluster = new();
    public static readonly DependencyClass Dependency = new();
    public static readonly EventClass Event = new();
    public static readonly NetworkModuleClass NetworkModule = new();

    /// <summary>Every class clmgr serves here, for lookups by name or alias.</summary>
    public static readonly IReadOnlyList<ClmgrClass> All =
        [Cluster, Site, Node, Network, Interface, ServiceIp, PersistentIp, ApplicationController, ApplicationMonitor, VolumeGroup, FileSystem,
         ResourceGroup, Dependency, FileCollection, FallbackTimer, Event, NetworkModule];

    /// <summary>Finds a class by name, alias or unambiguous prefix, case-insensitively. "snapshot" is handled by the handler.</summary>
    public static ClmgrClass? Find(string name)
    {
        var exact = All.FirstOrDefault(c => c.Name.Equals(name, StringComparison.OrdinalIgnoreCase) || c.Aliases.Any(a => a.Equals(name, StringComparison.OrdinalIgnoreCase)));
        if (exact is not null)
        {
            return exact;
        }
        var prefix = All.Where(c => c.Name.StartsWith(name, StringComparison.OrdinalIgnoreCase)).ToList();
        return prefix.Count == 1 && name.Length >= 3 ? prefix[0] : null;
    }

    internal static string Required(ClmgrAttributes a, string name) =>
        a[name] is { Length: > 0 } v ? v : throw new ClmgrException(ClmgrRc.MissingInput, $"the \"{name}\" attribute is required.");

    private static ClmgrException Invalid(string attr, string value, IEnumerable<string> valid) =>
        new(ClmgrRc.IncorrectInput, $"\"{QuotedText.Escape(value)}\" is not a valid value for \"{attr}\". Valid values are: {string.Join(", ", valid)}");
}

/// <summary>The cluster object: add creates it (and its NODES), delete removes the whole configuration.</summary>
public sealed class ClusterClass() : ClmgrClass("cluster", "cl")
{
    public override IReadOnlyList<string> Settable => ["NODES", "CLUSTER_ID", "RG_SETTLING_TIME", "RG_DIST_POLICY", "MAX_EVENT_TIME", "MAX_RG_PROCESSING_TIME"];

    /// <summary>Before a cluster is defined, the standard path's dialog still reads the attribute names.</summary>
    public override IReadOnlyList<string> EmptyHeader =>
        ["CLUSTER_NAME", "CLUSTER_ID", "STATE", "NODES", "SITES", "NETWORKS", "RESOURCE_GROUPS", "RG_SETTLING_TIME", "RG_DIST_POLICY"];

    public override bool NeedsName => false;

    public override IEnumerable<(string Name, IReadOnlyList<(string Attr, string Value)> Attributes)> Query(ClusterConfiguration c)
    {
        if (c.Cluster is not { } cl)
        {
            yield break;
        }
        yield return (cl.Name, [("CLUSTER_NAME", cl.Name), ("CLUSTER_ID", cl.Id.ToString(CultureInfo.InvariantCulture)),
            ("STATE", "OFFLINE"), ("NODES", string.Join(' ', c.Nodes.Select(n => n.Name))), ("SITES", string.Join(' ', c.Sites.Select(s => s.Name))),
            ("NETWORKS", string.Join(' ', c.Networks.Select(n => n.Name))), ("RESOURCE_GROUPS", string.Join(' ', c.ResourceGroups.Select(g => g.Name))),
            ("RG_SETTLING_TIME", cl.SettlingTime.ToString(CultureInfo.InvariantCulture)), ("RG_DIST_POLICY", cl.DistributionPolicy),
            ("MAX_EVENT_TIME", cl.MaxEventTime.ToString(CultureInfo.InvariantCulture)), ("MAX_RG_PROCESSING_TIME", cl.MaxRgProcessingTime.ToString(CultureInfo.InvariantCulture)),
            ("TOTAL_EVENT_TIME", cl.TotalEventTime.ToString(CultureInfo.InvariantCulture))]);
    }

    public override ClusterConfiguration Add(ClusterConfiguration c, string? name, ClmgrAttributes a)
    {
        a.Only(Name, Settable);
        if (c.Cluster is not null)
        {
            throw new ClmgrException(ClmgrRc.IncorrectInput, $"a cluster is already defined (\"{QuotedText.Escape(c.Cluster.Name)}\"); delete it first.");
        }
        var clusterName = name is { Length: > 0 } ? name : "cluster";
        var nodes = a.List("NODES", []);
        return c with
        {
            Cluster = new ClusterInfo(clusterName, a.Int("CLUSTER_ID", 1), a.Int("RG_SETTLING_TIME", 0), a.Choice("RG_DIST_POLICY", "node", "node", "network"),
                Seconds(a, "MAX_EVENT_TIME", ClusterInfo.DefaultEventTime), Seconds(a, "MAX_RG_PROCESSING_TIME", ClusterInfo.DefaultEventTime)),
            Nodes = [.. c.Nodes, .. nodes.Where(n => c.Nodes.All(x => x.Name != n)).Select(n => new Node(n, n))],
        };
    }

    public override ClusterConfiguration Modify(ClusterConfiguration c, string? name, ClmgrAttributes a)
    {
        a.Only(Name, ["NAME", "CLUSTER_ID", "RG_SETTLING_TIME", "RG_DIST_POLICY", "MAX_EVENT_TIME", "MAX_RG_PROCESSING_TIME"]);
        var cl = c.Cluster ?? throw new ClmgrException(ClmgrRc.NotFound, "no cluster is defined.");
        return c with
        {
            Cluster = cl with
            {
                Name = a["NAME"] is { Length: > 0 } n ? n : cl.Name,
                Id = a.Int("CLUSTER_ID", cl.Id),
                SettlingTime = a.Int("RG_SETTLING_TIME", cl.SettlingTime),
                DistributionPolicy = a.Choice("RG_DIST_POLICY", cl.DistributionPolicy, "node", "network"),
                MaxEventTime = Seconds(a, "MAX_EVENT_TIME", cl.MaxEventTime),
                MaxRgProcessingTime = Seconds(a, "MAX_RG_PROCESSING_TIME", cl.MaxRgProcessingTime),
            },
        };
    }

    /// <summary>A Time Until Warning half: whole seconds, at least 1.</summary>
    private static int Seconds(ClmgrAttributes a, string attr, int fallback)
    {
        var n = a.Int(attr, fallback);
        return n >= 1 ? n : throw new ClmgrException(ClmgrRc.IncorrectInput,
            $"\"{n.ToString(CultureInfo.InvariantCulture)}\" is not a valid value for \"{attr}\". It must be a number of seconds, 1 or more.");
    }

    public override ClusterConfiguration Delete(ClusterConfiguration c, string? name, ClmgrAttributes a)
    {
        a.Only(Name, ["NODES"]);
        return c.Cluster is null ? throw new ClmgrException(ClmgrRc.NotFound, "no cluster is defined.") : ClusterConfiguration.Empty;
    }
}

/// <summary>Resource group dependencies: PARENT=/CHILD=, START=/STOP= with AFTER=, SAME=node|site with GROUPS=,
/// DIFFERENT=node with HIGH=/INTERMEDIATE=/LOW=. They have no name; query lists them numbered.</summary>
public sealed class DependencyClass() : ClmgrClass("dependency", "de")
{
    public override IReadOnlyList<string> Settable => ["PARENT", "CHILD", "START", "STOP", "AFTER", "SAME", "DIFFERENT", "GROUPS", "HIGH", "INTERMEDIATE", "LOW"];

    public override bool NeedsName => false;

    public override IEnumerable<(string Name, IReadOnlyList<(string Attr, string Value)> Attributes)> Query(ClusterConfiguration c) =>
        c.Dependencies.Select((d, i) => ((i + 1).ToString(CultureInfo.InvariantCulture), Describe(d)));

    private static IReadOnlyList<(string, string)> Describe(Dependency d) => d.Kind switch
    {
        DependencyKind.ParentChild => [("TYPE", "PARENT_CHILD"), ("PARENT", d.Groups[0]), ("CHILD", d.Groups[1])],
        DependencyKind.StartAfter => [("TYPE", "START_AFTER"), ("START", d.Groups[0]), ("AFTER", d.Groups[1])],
        DependencyKind.StopAfter => [("TYPE", "STOP_AFTER"), ("STOP", d.Groups[0]), ("AFTER", d.Groups[1])],
        DependencyKind.OnlineOnSameNode => [("TYPE", "SAME_NODE"), ("GROUPS", string.Join(' ', d.Groups))],
        DependencyKind.OnlineOnSameSite => [("TYPE", "SAME_SITE"), ("GROUPS", string.Join(' ', d.Groups))],
        _ => [("TYPE", "DIFFERENT_NODES"), ("HIGH", string.Join(' ', d.Groups.Take(d.HighCount))),
              ("INTERMEDIATE", string.Join(' ', d.Groups.Skip(d.HighCount).Take(d.IntermediateCount))),
              ("LOW", string.Join(' ', d.Groups.Skip(d.HighCount + d.IntermediateCount)))],
    };

    private Dependency Parse(ClmgrAttributes a)
    {
        a.Only(Name, Settable);
        if (a.Has("PARENT") || a.Has("CHILD"))
        {
            return new Dependency(DependencyKind.ParentChild, [ClmgrClasses.Required(a, "PARENT"), ClmgrClasses.Required(a, "CHILD")]);
        }
        if (a.Has("START"))
        {
            return new Dependency(DependencyKind.StartAfter, [ClmgrClasses.Required(a, "START"), ClmgrClasses.Required(a, "AFTER")]);
        }
        if (a.Has("STOP"))
        {
            return new Dependency(DependencyKind.StopAfter, [ClmgrClasses.Required(a, "STOP"), ClmgrClasses.Required(a, "AFTER")]);
        }
        if (a.Has("SAME"))
        {
            var kind = a.Choice("SAME", "node", "node", "site") == "node" ? DependencyKind.OnlineOnSameNode : DependencyKind.OnlineOnSameSite;
            return new Dependency(kind, a.List("GROUPS", []));
        }
        if (a.Has("DIFFERENT"))
        {
            a.Choice("DIFFERENT", "node", "node");
            var high = a.List("HIGH", []);
            var mid = a.List("INTERMEDIATE", []);
            return new Dependency(DependencyKind.OnlineOnDifferentNodes, [.. high, .. mid, .. a.List("LOW", [])], high.Count, mid.Count);
        }
        throw new ClmgrException(ClmgrRc.MissingInput, "a dependency needs PARENT and CHILD, START or STOP with AFTER, SAME with GROUPS, or DIFFERENT with HIGH/INTERMEDIATE/LOW.");
    }

    public override ClusterConfiguration Add(ClusterConfiguration c, string? name, ClmgrAttributes a) =>
        c with { Dependencies = [.. c.Dependencies, Parse(a)] };

    public override ClusterConfiguration Modify(ClusterConfiguration c, string? name, ClmgrAttributes a)
    {
        var index = Index(c, name);
        var d = Parse(a);
        return c with { Dependencies = [.. c.Dependencies.Select((x, i) => i == index ? d : x)] };
    }

    public override ClusterConfiguration Delete(ClusterConfiguration c, string? name, ClmgrAttributes a)
    {
        if (name is { Length: > 0 } && name.Equals("ALL", StringComparison.OrdinalIgnoreCase))
        {
            return c with { Dependencies = [] };
        }
        if (name is { Length: > 0 })
        {
            var index = Index(c, name);
            return c with { Dependencies = [.. c.Dependencies.Where((_, i) => i != index)] };
        }
        var target = Parse(a);
        var match = c.Dependencies.Where(d => d.Kind == target.Kind && d.Groups.SequenceEqual(target.Groups)).ToList();
        return match.Count == 0
            ? throw new ClmgrException(ClmgrRc.NotFound, "the specified dependency does not appear to exist!")
            : c with { Dependencies = [.. c.Dependencies.Except(match)] };
    }

    private static int Index(ClusterConfiguration c, string? name) =>
        int.TryParse(name, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= c.Dependencies.Count
            ? n - 1
            : throw new ClmgrException(ClmgrRc.NotFound, $"\"{QuotedText.Escape(name ?? "")}\" does not appear to exist!");
}

/// <summary>Cluster events: the predefined ones (HACMPevent), whose methods modify sets as the "Change/Show
/// Pre-Defined HACMP Events" dialog (cm_chg_predefined_event_dlg) builds it:
/// <c>clmgr modify event node_up NOTIFY_COMMAND= PRE_EVENT_COMMAND=c1,c2 POST_EVENT_COMMAND= RECOVERY_COMMAND= RECOVERY_COUNTER=</c>
/// (pre and post name custom events); and the custom events (HACMPcustom) those name, which add, modify and
/// delete keep: <c>clmgr add event TYPE=CUSTOM NAME DESCRIPTION= FILE=</c> (cm_add_custom_event).
/// Query lists both, TYPE=PREDEFINED or TYPE=CUSTOM.</summary>
public sealed class EventClass() : ClmgrClass("event", "ev")
{
    private static readonly string[] Methods = ["NOTIFY_COMMAND", "PRE_EVENT_COMMAND", "POST_EVENT_COMMAND", "RECOVERY_COMMAND", "RECOVERY_COUNTER"];
    private static readonly string[] Custom = ["TYPE", "DESCRIPTION", "FILE"];

    public override IReadOnlyList<string> Settable => [.. Methods, .. Custom];

    public override IEnumerable<(string Name, IReadOnlyList<(string Attr, string Value)> Attributes)> Query(ClusterConfiguration c) =>
        PredefinedEvents.All.Select(p =>
        {
            var e = c.Events.FirstOrDefault(x => x.Name == p.Name) ?? new ClusterEvent(p.Name);
            return (p.Name, (IReadOnlyList<(string, string)>)[("NAME", p.Name), ("TYPE", "PREDEFINED"), ("DESCRIPTION", p.Description),
                ("COMMAND", PredefinedEvents.Command(p.Name)), ("NOTIFY_COMMAND", e.Notify), ("PRE_EVENT_COMMAND", string.Join(',', e.Pre)),
                ("POST_EVENT_COMMAND", string.Join(',', e.Post)), ("RECOVERY_COMMAND", e.Recovery),
                ("RECOVERY_COUNTER", e.RecoveryCounter.ToString(CultureInfo.InvariantCulture))]);
        }).Concat(c.CustomEvents.Select(e => (e.Name, (IReadOnlyList<(string, string)>)[("NAME", e.Name), ("TYPE", "CUSTOM"), ("DESCRIPTION", e.Description), ("FILE", e.File)])));

    public override ClusterConfiguration Add(ClusterConfiguration c, string? name, ClmgrAttributes a)
    {
        a.Only(Name, Custom);
        a.Choice("TYPE", "CUSTOM", "CUSTOM");
        var n = name is { Length: > 0 } ? name : throw new ClmgrException(ClmgrRc.MissingInput, "a name is required for the \"event\" class.");
        if (PredefinedEvents.IsPredefined(n) || c.CustomEvents.Any(e => e.Name == n))
        {
            throw new ClmgrException(ClmgrRc.IncorrectInput, $"\"{QuotedText.Escape(n)}\" already exists as an event.");
        }
        return c with { CustomEvents = [.. c.CustomEvents, new CustomEvent(n, ClmgrClasses.Required(a, "DESCRIPTION"), ClmgrClasses.Required(a, "FILE"))] };
    }

    public override ClusterConfiguration Modify(ClusterConfiguration c, string? name, ClmgrAttributes a)
    {
        if (c.CustomEvents.FirstOrDefault(e => e.Name == name) is { } custom)
        {
            a.Only(Name, ["NAME", "DESCRIPTION", "FILE"]);
            var newName = a.Get("NAME", "") is { Length: > 0 } nn ? nn : custom.Name;
            if (newName != custom.Name && (PredefinedEvents.IsPredefined(newName) || c.CustomEvents.Any(e => e.Name == newName)))
            {
                throw new ClmgrException(ClmgrRc.IncorrectInput, $"\"{QuotedText.Escape(newName)}\" already exists as an event.");
            }
            string Rename(string x) => x == custom.Name ? newName : x;
            return c with
            {
                CustomEvents = [.. c.CustomEvents.Select(e => e == custom ? new CustomEvent(newName, a.Get("DESCRIPTION", e.Description), a.Get("FILE", e.File)) : e)],
                Events = [.. c.Events.Select(e => e with { Pre = [.. e.Pre.Select(Rename)], Post = [.. e.Post.Select(Rename)] })],
            };
        }
        a.Only(Name, Methods);
        if (name is not { Length: > 0 } || !PredefinedEvents.IsPredefined(name))
        {
            throw EntityClass<ClusterEvent>.NotFound(name ?? "");
        }
        var old = c.Events.FirstOrDefault(x => x.Name == name) ?? new ClusterEvent(name);
        var counter = a.Int("RECOVERY_COUNTER", old.RecoveryCounter);
        if (counter < 0)
        {
            throw new ClmgrException(ClmgrRc.IncorrectInput, $"\"{counter.ToString(CultureInfo.InvariantCulture)}\" is not a valid value for \"RECOVERY_COUNTER\". It must be 0 or more.");
        }
        var e = new ClusterEvent(name, a.Get("NOTIFY_COMMAND", old.Notify), Customs(c, a, "PRE_EVENT_COMMAND", old.Pre), Customs(c, a, "POST_EVENT_COMMAND", old.Post),
            a.Get("RECOVERY_COMMAND", old.Recovery), counter);
        return c with { Events = [.. c.Events.Where(x => x.Name != name), .. e.HasMethods ? [e] : Array.Empty<ClusterEvent>()] };
    }

    /// <summary>A pre- or post-event list: custom event names, each defined.</summary>
    private static IReadOnlyList<string> Customs(ClusterConfiguration c, ClmgrAttributes a, string attr, IReadOnlyList<string> fallback)
    {
        var names = a.List(attr, fallback);
        foreach (var n in names.Where(n => c.CustomEvents.All(e => e.Name != n)))
        {
            throw new ClmgrException(ClmgrRc.NotFound, $"\"{QuotedText.Escape(n)}\" is not a valid value for \"{attr}\": no custom event of that name (clmgr add event TYPE=CUSTOM).");
        }
        return names;
    }

    public override ClusterConfiguration Delete(ClusterConfiguration c, string? name, ClmgrAttributes a)
    {
        if (c.CustomEvents.FirstOrDefault(e => e.Name == name) is not { } custom)
        {
            throw name is { Length: > 0 } && PredefinedEvents.IsPredefined(name)
                ? new ClmgrException(ClmgrRc.IncorrectInput, $"\"{QuotedText.Escape(name)}\" is a predefined event; it cannot be deleted.")
                : EntityClass<ClusterEvent>.NotFound(name ?? "");
        }
        if (c.Events.FirstOrDefault(e => e.Pre.Contains(custom.Name) || e.Post.Contains(custom.Name)) is { } user)
        {
            throw new ClmgrException(ClmgrRc.IncorrectInput, $"the custom event \"{QuotedText.Escape(custom.Name)}\" is a pre- or post-event command of \"{user.Name}\"; remove it there first.");
        }
        return c with { CustomEvents = [.. c.CustomEvents.Where(e => e != custom)] };
    }
}
