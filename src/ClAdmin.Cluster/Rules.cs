using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace ClAdmin.Cluster;

/// <summary>One broken rule: its id (as in the semantics reference where it has one) and a message naming the objects.</summary>
public sealed record RuleViolation(string RuleId, string Message, bool IsWarning = false)
{
    public override string ToString() => Message;
}

/// <summary>The configuration rules, as pure functions. Each returns every violation it finds.</summary>
public static partial class Rules
{
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase) { "ALL", "NONE", "ANY", "RESTORE", "ignore" };

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*\z")]
    private static partial Regex ObjectName();

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_.-]*\z")]
    private static partial Regex LabelName();

    [GeneratedRegex(@"^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\z")]
    private static partial Regex Ipv4();

    [GeneratedRegex(@"^(?:0x)?[0-9A-Fa-f]+(?:[.:][0-9A-Fa-f]+)*\z")]
    private static partial Regex HardwareAddress();

    /// <summary>The characters a shell reads specially: a script path or a word value holds none of
    /// them (nor blanks or control characters).</summary>
    public const string ShellMetacharacters = ";|&$`'\"<>()\\*?[]{}~!#";

    /// <summary>R-NAME-1's form, for an object name or a reference to one: letters, digits and
    /// underscores, not starting with a digit, 1 to <paramref name="maxLength"/> characters.</summary>
    public static bool IsName(string value, int maxLength = Limits.MaxNameLength) =>
        value.Length > 0 && value.Length <= maxLength && ObjectName().IsMatch(value);

    /// <summary>R-NAME-2's form: an IP label or host name (letters, digits, '.', '-', '_').</summary>
    public static bool IsLabel(string value) => value.Length is > 0 and <= Limits.MaxLabelLength && LabelName().IsMatch(value);

    /// <summary>An IPv4 address in dotted decimal or an IPv6 address (no zone, no brackets).</summary>
    public static bool IsAddress(string value) =>
        Ipv4().IsMatch(value)
        || (value.Contains(':', StringComparison.Ordinal) && value.All(c => char.IsAsciiHexDigit(c) || c is ':' or '.')
            && IPAddress.TryParse(value, out var a) && a.AddressFamily == AddressFamily.InterNetworkV6);

    /// <summary>An IPv4 netmask (contiguous ones, such as 255.255.255.0) or an IPv6 prefix length 0-128.</summary>
    public static bool IsNetmask(string value)
    {
        if (value.Length is > 0 and <= 3 && value.All(char.IsAsciiDigit))
        {
            return int.Parse(value, CultureInfo.InvariantCulture) <= 128;
        }
        if (!Ipv4().IsMatch(value))
        {
            return false;
        }
        var mask = value.Split('.').Aggregate(0u, (m, b) => (m << 8) | uint.Parse(b, CultureInfo.InvariantCulture));
        var hosts = ~mask;
        return (hosts & (hosts + 1)) == 0;
    }

    /// <summary>An alternate hardware address: hexadecimal digits, optionally 0x and '.' or ':' separators.</summary>
    public static bool IsHardwareAddress(string value) => value.Length <= Limits.MaxHardwareAddressLength && HardwareAddress().IsMatch(value);

    /// <summary>One word a shell reads as is: no blank, control character or shell metacharacter.</summary>
    public static bool IsWord(string value) => value.Length is > 0 and <= Limits.MaxWordLength && value.All(IsPlain);

    /// <summary>R-APP-1's form of a script or method: an absolute path a shell reads as is (no blank,
    /// control character or shell metacharacter).</summary>
    public static bool IsScriptPath(string value) => value.Length is > 0 and <= Limits.MaxPathLength && value[0] == '/' && value.All(IsPlain);

    private static bool IsPlain(char c) =>
        !char.IsControl(c) && !char.IsWhiteSpace(c) && char.GetUnicodeCategory(c) != UnicodeCategory.Format && !ShellMetacharacters.Contains(c, StringComparison.Ordinal);

    /// <summary>R-NAME-1: object names (cluster, node, network, group, controller, monitor, ...): 1-64 characters,
    /// letters, digits and underscore, not starting with a digit, not a reserved word.</summary>
    public static RuleViolation? CheckName(string what, string name, int maxLength = Limits.MaxNameLength)
    {
        if (name.Length == 0)
        {
            return new("R-NAME-1", $"a {what} name is required");
        }
        if (name.Length > maxLength)
        {
            return new("R-NAME-1", $"the {what} name \"{QuotedText.Escape(name)}\" is longer than {maxLength} characters");
        }
        if (!ObjectName().IsMatch(name))
        {
            return new("R-NAME-1", $"the {what} name \"{QuotedText.Escape(name)}\" may contain only letters, digits and underscores, and may not start with a digit");
        }
        return Reserved.Contains(name) ? new("R-NAME-1", $"\"{QuotedText.Escape(name)}\" is a reserved word and cannot be a {what} name") : null;
    }

    /// <summary>R-NAME-2: IP labels and host names: letters, digits, '.', '-', '_'.</summary>
    public static RuleViolation? CheckLabel(string what, string label) =>
        label.Length == 0 ? new("R-NAME-2", $"a {what} is required")
        : !IsLabel(label) ? new("R-NAME-2", $"\"{QuotedText.Escape(label)}\" is not a valid {what}")
        : null;

    /// <summary>R-POL-1 (semantics §1.4): the startup/fallover/fallback combinations PowerHA refuses.</summary>
    public static IEnumerable<RuleViolation> CheckPolicies(string group, StartupPolicy startup, FalloverPolicy fallover, FallbackPolicy fallback, bool sitesConfigured = false)
    {
        var s = PolicyCodes.Label(startup);
        if (startup == StartupPolicy.OnlineUsingDistributionPolicy && fallover == FalloverPolicy.BringOffline)
        {
            yield return new("R-POL-1", $"resource group {group}: startup policy \"{s}\" cannot be combined with fallover policy \"{PolicyCodes.Label(fallover)}\"");
        }
        if (startup == StartupPolicy.OnlineOnAllAvailableNodes && fallover != FalloverPolicy.BringOffline)
        {
            yield return new("R-POL-1", $"resource group {group}: startup policy \"{s}\" allows only the fallover policy \"{PolicyCodes.Label(FalloverPolicy.BringOffline)}\"");
        }
        if (startup is StartupPolicy.OnlineUsingDistributionPolicy or StartupPolicy.OnlineOnAllAvailableNodes && fallback != FallbackPolicy.NeverFallback)
        {
            yield return new("R-POL-1", $"resource group {group}: startup policy \"{s}\" allows only the fallback policy \"{PolicyCodes.Label(FallbackPolicy.NeverFallback)}\"");
        }
        if (sitesConfigured && fallover == FalloverPolicy.DynamicNodePriority)
        {
            yield return new("R-POL-2", $"resource group {group}: \"{PolicyCodes.Label(fallover)}\" is not supported when sites are configured");
        }
    }

    /// <summary>Every rule over a whole configuration: names, uniqueness, references, policies, limits,
    /// network and resource placement rules. Errors first; warnings carry <see cref="RuleViolation.IsWarning"/>.</summary>
    public static IReadOnlyList<RuleViolation> Validate(ClusterConfiguration c)
    {
        var v = new List<RuleViolation>();
        void Add(RuleViolation? r)
        {
            if (r is not null)
            {
                v.Add(r);
            }
        }

        // Limits (R-LIMIT-*).
        if (c.Nodes.Count > Limits.MaxNodes)
        {
            v.Add(new("R-LIMIT-NODES", $"the cluster has {c.Nodes.Count} nodes; at most {Limits.MaxNodes} are supported"));
        }
        if (c.Networks.Count > Limits.MaxNetworks)
        {
            v.Add(new("R-LIMIT-NETWORKS", $"the cluster has {c.Networks.Count} networks; at most {Limits.MaxNetworks} are supported"));
        }
        if (c.ResourceGroups.Count > Limits.MaxResourceGroups)
        {
            v.Add(new("R-LIMIT-RGS", $"the cluster has {c.ResourceGroups.Count} resource groups; at most {Limits.MaxResourceGroups} are supported"));
        }
        if (c.ResourceCount > Limits.MaxResources)
        {
            v.Add(new("R-LIMIT-RESOURCES", $"the cluster has {c.ResourceCount} resources; at most {Limits.MaxResources} are supported"));
        }

        // Cluster.
        if (c.Cluster is { } cl)
        {
            Add(CheckName("cluster", cl.Name, Limits.MaxClusterNameLength));
            if (cl.Id is < Limits.MinClusterId or > Limits.MaxClusterId)
            {
                v.Add(new("R-LIMIT-ID", $"the cluster ID {cl.Id} is outside {Limits.MinClusterId}-{Limits.MaxClusterId}"));
            }
        }
        else if (c.Nodes.Count > 0 || c.ResourceGroups.Count > 0)
        {
            v.Add(new("R-REF-CLUSTER", "no cluster is defined; add the cluster first"));
        }

        var nodes = Names(v, "node", c.Nodes.Select(n => n.Name));
        var networks = Names(v, "network", c.Networks.Select(n => n.Name));
        var groups = Names(v, "resource group", c.ResourceGroups.Select(g => g.Name));
        var apps = Names(v, "application controller", c.ApplicationControllers.Select(a => a.Name));
        var monitors = Names(v, "application monitor", c.ApplicationMonitors.Select(m => m.Name));
        var vgs = Names(v, "volume group", c.VolumeGroups.Select(g => g.Name));
        var sites = Names(v, "site", c.Sites.Select(s => s.Name));
        var timers = Names(v, "fallback timer", c.FallbackTimers.Select(t => t.Name));
        Names(v, "file collection", c.FileCollections.Select(f => f.Name));
        var fileSystems = new HashSet<string>(StringComparer.Ordinal);
        foreach (var fs in c.FileSystems)
        {
            if (!fs.MountPoint.StartsWith('/'))
            {
                v.Add(new("R-NAME-3", $"the file system \"{fs.MountPoint}\" must be an absolute mount point"));
            }
            if (!fileSystems.Add(fs.MountPoint))
            {
                v.Add(new("R-UNIQUE", $"the file system {fs.MountPoint} is defined twice"));
            }
            if (!vgs.Contains(fs.VolumeGroup))
            {
                v.Add(new("R-REF", $"file system {fs.MountPoint}: volume group \"{fs.VolumeGroup}\" does not exist"));
            }
        }

        // Labels are unique across boot, service and persistent (R-IP-1).
        foreach (var dup in c.Labels.GroupBy(l => l.Label, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            v.Add(new("R-IP-1", $"the IP label {dup.Key} is defined more than once ({string.Join(", ", dup.Select(d => d.Function.ToString().ToLowerInvariant()))})"));
        }
        foreach (var n in c.Nodes.Where(n => !IsAddress(n.CommunicationPath)))
        {
            Add(CheckLabel($"communication path for node {n.Name}", n.CommunicationPath));
        }
        foreach (var site in c.Sites)
        {
            foreach (var n in site.Nodes.Where(n => !nodes.Contains(n)))
            {
                v.Add(new("R-REF", $"site {site.Name}: node \"{n}\" does not exist"));
            }
        }
        foreach (var dup in c.Sites.SelectMany(s => s.Nodes.Select(n => (n, s.Name))).GroupBy(x => x.n).Where(g => g.Count() > 1))
        {
            v.Add(new("R-SITE-1", $"node {dup.Key} belongs to more than one site ({string.Join(", ", dup.Select(d => d.Name))})"));
        }

        var networkByName = c.Networks.GroupBy(n => n.Name).ToDictionary(g => g.Key, g => g.First());
        foreach (var n in c.Networks)
        {
            if (!NetworkTypes.IsKnown(n.Type))
            {
                v.Add(new("R-NET-1", $"network {n.Name}: \"{n.Type}\" is not a network type ({string.Join(", ", NetworkTypes.Ip.Concat(NetworkTypes.NonIp))})"));
            }
        }
        foreach (var i in c.Interfaces)
        {
            Add(CheckLabel("interface label", i.Label));
            if (!nodes.Contains(i.Node))
            {
                v.Add(new("R-REF", $"interface {i.Label}: node \"{i.Node}\" does not exist"));
            }
            if (!networkByName.TryGetValue(i.Network, out var net))
            {
                v.Add(new("R-REF", $"interface {i.Label}: network \"{i.Network}\" does not exist"));
            }
            else if (!net.IsIp && !i.Device.StartsWith("/dev/", StringComparison.Ordinal))
            {
                v.Add(new("R-NET-2", $"device {i.Label} on non-IP network {net.Name} needs a device path such as /dev/tty0 or /dev/hdisk2"));
            }
            else if (net.Type is "diskhb" && !i.Device.StartsWith("/dev/hdisk", StringComparison.Ordinal))
            {
                v.Add(new("R-NET-4", $"disk heartbeat device {i.Label} must be a shared disk (/dev/hdiskN) in an enhanced concurrent volume group"));
            }
        }
        // Non-IP networks are point to point (R-NET-3).
        foreach (var net in c.Networks.Where(n => !n.IsIp && n.Type != "diskhbmulti"))
        {
            var members = c.Interfaces.Where(i => i.Network == net.Name).Select(i => i.Node).Distinct().Count();
            if (members > 2)
            {
                v.Add(new("R-NET-3", $"non-IP network {net.Name} ({net.Type}) is point to point but connects {members} nodes"));
            }
        }
        foreach (var s in c.ServiceIps)
        {
            Add(CheckLabel("service IP label", s.Label));
            if (!networkByName.TryGetValue(s.Network, out var net))
            {
                v.Add(new("R-REF", $"service IP {s.Label}: network \"{s.Network}\" does not exist"));
            }
            else if (!net.IsIp)
            {
                v.Add(new("R-IP-2", $"service IP {s.Label}: network {net.Name} is a non-IP ({net.Type}) network"));
            }
            else if (net.Ipat == IpatMethod.Aliasing && s.HardwareAddress.Length > 0)
            {
                v.Add(new("R-IP-3", $"service IP {s.Label}: an alternate hardware address needs IPAT via replacement, but network {net.Name} uses aliasing"));
            }
            if (s.Node.Length > 0 && !nodes.Contains(s.Node))
            {
                v.Add(new("R-REF", $"service IP {s.Label}: node \"{s.Node}\" does not exist"));
            }
        }
        foreach (var p in c.PersistentIps)
        {
            Add(CheckLabel("persistent IP label", p.Label));
            if (!nodes.Contains(p.Node))
            {
                v.Add(new("R-REF", $"persistent IP {p.Label}: node \"{p.Node}\" does not exist"));
            }
            if (!networkByName.TryGetValue(p.Network, out var net))
            {
                v.Add(new("R-REF", $"persistent IP {p.Label}: network \"{p.Network}\" does not exist"));
            }
            else if (!net.IsIp)
            {
                v.Add(new("R-IP-2", $"persistent IP {p.Label}: network {net.Name} is a non-IP ({net.Type}) network"));
            }
        }
        foreach (var dup in c.PersistentIps.GroupBy(p => (p.Node, p.Network)).Where(g => g.Count() > 1))
        {
            v.Add(new("R-IP-4", $"node {dup.Key.Node} has more than one persistent IP label on network {dup.Key.Network}"));
        }

        foreach (var a in c.ApplicationControllers)
        {
            if (!IsScriptPath(a.StartScript) || !IsScriptPath(a.StopScript))
            {
                v.Add(new("R-APP-1", $"application controller {a.Name}: the start and stop scripts must be absolute paths without blanks, control characters or shell metacharacters"));
            }
            if (a.StartupMode is not ("background" or "foreground"))
            {
                v.Add(new("R-APP-2", $"application controller {a.Name}: startup mode \"{a.StartupMode}\" is not background or foreground"));
            }
            foreach (var m in a.Monitors.Where(m => !monitors.Contains(m)))
            {
                v.Add(new("R-REF", $"application controller {a.Name}: application monitor \"{m}\" does not exist"));
            }
        }
        foreach (var m in c.ApplicationMonitors)
        {
            v.AddRange(CheckMonitor(m));
            foreach (var a in m.Applications.Where(a => !apps.Contains(a)))
            {
                v.Add(new("R-REF", $"application monitor {m.Name}: application controller \"{a}\" does not exist"));
            }
        }
        foreach (var g in c.VolumeGroups)
        {
            foreach (var n in g.Nodes.Where(n => !nodes.Contains(n)))
            {
                v.Add(new("R-REF", $"volume group {g.Name}: node \"{n}\" does not exist"));
            }
            if (g.PhysicalVolumes.Count == 0)
            {
                v.Add(new("R-VG-1", $"volume group {g.Name}: at least one physical volume is required"));
            }
        }

        var services = c.ServiceIps.Select(s => s.Label).ToHashSet(StringComparer.Ordinal);
        var persistents = c.PersistentIps.Select(s => s.Label).ToHashSet(StringComparer.Ordinal);
        var groupByName = c.ResourceGroups.GroupBy(g => g.Name).ToDictionary(x => x.Key, x => x.First());
        foreach (var g in c.ResourceGroups)
        {
            v.AddRange(CheckGroup(g, nodes, c.Sites.Count > 0));
            if (g.FallbackTimer.Length > 0 && !timers.Contains(g.FallbackTimer))
            {
                v.Add(new("R-REF", $"resource group {g.Name}: fallback timer \"{g.FallbackTimer}\" does not exist"));
            }
            foreach (var label in g.Resource(ResourceKinds.ServiceLabel))
            {
                if (persistents.Contains(label))
                {
                    v.Add(new("R-IP-5", $"resource group {g.Name}: {label} is a persistent IP label, which is never part of a resource group"));
                }
                else if (!services.Contains(label))
                {
                    v.Add(new("R-REF", $"resource group {g.Name}: service IP label \"{label}\" does not exist"));
                }
            }
            foreach (var a in g.Resource(ResourceKinds.Applications).Where(a => !apps.Contains(a)))
            {
                v.Add(new("R-REF", $"resource group {g.Name}: application controller \"{a}\" does not exist"));
            }
            foreach (var vg in g.Resource(ResourceKinds.VolumeGroup).Concat(g.Resource(ResourceKinds.ConcurrentVolumeGroup)).Where(x => !vgs.Contains(x)))
            {
                v.Add(new("R-REF", $"resource group {g.Name}: volume group \"{vg}\" does not exist"));
            }
            foreach (var fs in g.Resource(ResourceKinds.FileSystem).Where(f => f != "ALL" && !fileSystems.Contains(f)))
            {
                v.Add(new("R-REF", $"resource group {g.Name}: file system \"{fs}\" does not exist"));
            }
            if (g.IsConcurrent && g.Resource(ResourceKinds.FileSystem).Count > 0)
            {
                v.Add(new("R-CONC-1", $"resource group {g.Name} is concurrent (Online On All Available Nodes): file systems cannot be mounted concurrently; use raw logical volumes"));
            }
            if (g.IsConcurrent && g.Resource(ResourceKinds.ServiceLabel).Count > 0)
            {
                v.Add(new("R-CONC-2", $"resource group {g.Name} is concurrent (Online On All Available Nodes) and cannot hold service IP labels"));
            }
            foreach (var kind in g.Resources.Keys.Where(k => !ResourceKinds.IsKnown(k)))
            {
                v.Add(new("R-RES-1", $"resource group {g.Name}: \"{kind}\" is not a resource type"));
            }
            if (g.Resources.Values.Sum(r => r.Count) > Limits.MaxResources)
            {
                v.Add(new("R-LIMIT-RESOURCES", $"resource group {g.Name} holds more than {Limits.MaxResources} resources"));
            }
        }
        // A resource belongs to at most one group (R-RES-2).
        foreach (var kind in new[] { ResourceKinds.ServiceLabel, ResourceKinds.Applications, ResourceKinds.VolumeGroup, ResourceKinds.FileSystem })
        {
            foreach (var dup in c.ResourceGroups.SelectMany(g => g.Resource(kind).Where(r => r != "ALL").Select(r => (r, g.Name))).GroupBy(x => x.r).Where(x => x.Count() > 1))
            {
                v.Add(new("R-RES-2", $"{kind} {dup.Key} is in more than one resource group ({string.Join(", ", dup.Select(d => d.Name))})"));
            }
        }

        v.AddRange(CheckDependencies(c.Dependencies, groupByName));

        foreach (var fc in c.FileCollections)
        {
            foreach (var f in fc.Files.Where(f => !f.StartsWith('/')))
            {
                v.Add(new("R-FC-1", $"file collection {fc.Name}: \"{f}\" is not an absolute path"));
            }
        }
        foreach (var t in c.FallbackTimers)
        {
            if (t.Repeats is not ("once" or "daily" or "weekly" or "monthly" or "yearly"))
            {
                v.Add(new("R-FB-3", $"fallback timer {t.Name}: repeats \"{t.Repeats}\" is not once, daily, weekly, monthly or yearly"));
            }
            if (t.Hour is < 0 or > 23 || t.Minute is < 0 or > 59 || t.Month is < 0 or > 12 || t.DayOfMonth is < 0 or > 31 || t.DayOfWeek is < 0 or > 6)
            {
                v.Add(new("R-FB-3", $"fallback timer {t.Name}: the time is not a valid date and time"));
            }
        }

        // Warnings (verification would print them; they do not block a change).
        var oudp = c.ResourceGroups.Count(g => g.Startup == StartupPolicy.OnlineUsingDistributionPolicy);
        if (oudp > c.Nodes.Count && c.Nodes.Count > 0)
        {
            v.Add(new("R-SU-3", $"there are {oudp} resource groups using the distribution policy but only {c.Nodes.Count} nodes", IsWarning: true));
        }
        _ = sites;
        return [.. v.OrderBy(x => x.IsWarning)];
    }

    /// <summary>Group-local rules: name, node list, policies, timer and DNP policy.</summary>
    public static IEnumerable<RuleViolation> CheckGroup(ResourceGroup g, IReadOnlySet<string> nodes, bool sitesConfigured)
    {
        if (CheckName("resource group", g.Name) is { } name)
        {
            yield return name;
        }
        if (g.Nodes.Count == 0)
        {
            yield return new("R-RG-1", $"resource group {g.Name}: at least one participating node is required");
        }
        foreach (var n in g.Nodes.Where(n => !nodes.Contains(n)))
        {
            yield return new("R-REF", $"resource group {g.Name}: node \"{n}\" does not exist");
        }
        foreach (var n in g.Nodes.GroupBy(n => n).Where(x => x.Count() > 1))
        {
            yield return new("R-RG-2", $"resource group {g.Name}: node {n.Key} appears more than once in the node list");
        }
        foreach (var p in CheckPolicies(g.Name, g.Startup, g.Fallover, g.Fallback, sitesConfigured))
        {
            yield return p;
        }
        if (g.FallbackTimer.Length > 0 && g.Fallback != FallbackPolicy.HigherPriorityNode)
        {
            yield return new("R-FB-3", $"resource group {g.Name}: a delayed fallback timer needs the fallback policy \"{PolicyCodes.Label(FallbackPolicy.HigherPriorityNode)}\"");
        }
        if (g.Fallover == FalloverPolicy.DynamicNodePriority && !DnpPolicies.Contains(g.NodePriorityPolicy))
        {
            yield return new("R-FO-2", $"resource group {g.Name}: dynamic node priority needs a policy ({string.Join(", ", DnpPolicies)})");
        }
        if (g.Fallover != FalloverPolicy.DynamicNodePriority && g.NodePriorityPolicy.Length > 0)
        {
            yield return new("R-FO-2", $"resource group {g.Name}: a node priority policy is used only with \"{PolicyCodes.Label(FalloverPolicy.DynamicNodePriority)}\"");
        }
    }

    /// <summary>The predefined and user-defined dynamic node priority policies (R-FO-2).</summary>
    public static readonly IReadOnlyList<string> DnpPolicies =
        ["cl_highest_free_mem", "cl_highest_idle_cpu", "cl_lowest_disk_busy", "cl_highest_udscript_rc", "cl_lowest_nonzero_udscript_rc"];

    /// <summary>Application monitor fields (semantics §10; names per R-NAME-1).</summary>
    public static IEnumerable<RuleViolation> CheckMonitor(ApplicationMonitor m)
    {
        if (CheckName("application monitor", m.Name) is { } name)
        {
            yield return name;
        }
        if (m.Applications.Count == 0)
        {
            yield return new("R-MON-1", $"application monitor {m.Name}: at least one application controller is required");
        }
        if (m.Mode is not ("longrunning" or "startup" or "both"))
        {
            yield return new("R-MON-2", $"application monitor {m.Name}: mode \"{m.Mode}\" is not longrunning, startup or both");
        }
        if (m.FailureAction is not ("notify" or "fallover"))
        {
            yield return new("R-MON-3", $"application monitor {m.Name}: failure action \"{m.FailureAction}\" is not notify or fallover");
        }
        if (m.Type == MonitorType.Process && (m.Processes.Length == 0 || m.Owner.Length == 0))
        {
            yield return new("R-MON-4", $"process monitor {m.Name}: the processes to monitor and their owner are required");
        }
        if (m.Type == MonitorType.Process && m.InstanceCount < 1)
        {
            yield return new("R-MON-4", $"process monitor {m.Name}: the instance count must be at least 1");
        }
        if (m.Type == MonitorType.Custom && (m.MonitorMethod.Length == 0 || m.MonitorInterval <= 0))
        {
            yield return new("R-MON-5", $"custom monitor {m.Name}: a monitor method and a monitor interval above 0 are required");
        }
        if (m.Stabilization < 1 || m.RestartCount < 0 || m.RestartInterval < 0 || m.HungSignal is < 1 or > 64)
        {
            yield return new("R-MON-6", $"application monitor {m.Name}: stabilization interval must be at least 1, restart count and interval not negative, hung signal 1-64");
        }
        if (m.RestartInterval > 0 && m.RestartInterval < m.RestartCount * m.Stabilization)
        {
            yield return new("R-MON-7", $"application monitor {m.Name}: restart interval {m.RestartInterval} is shorter than restart count x stabilization interval ({m.RestartCount * m.Stabilization}); the counter would reset too early", IsWarning: true);
        }
    }

    /// <summary>R-DEP-*: dependencies name existing, distinct groups; parent/child has no cycle and nests at most three levels.</summary>
    public static IEnumerable<RuleViolation> CheckDependencies(IReadOnlyList<Dependency> deps, IReadOnlyDictionary<string, ResourceGroup> groups)
    {
        foreach (var d in deps)
        {
            var kind = d.Kind.ToString();
            foreach (var g in d.Groups.Where(g => !groups.ContainsKey(g)))
            {
                yield return new("R-REF", $"dependency {kind}: resource group \"{g}\" does not exist");
            }
            if (d.Groups.Distinct().Count() != d.Groups.Count)
            {
                yield return new("R-DEP-1", $"dependency {kind}: a resource group cannot depend on itself ({string.Join(", ", d.Groups)})");
            }
            var pair = d.Kind is DependencyKind.ParentChild or DependencyKind.StartAfter or DependencyKind.StopAfter;
            if (pair ? d.Groups.Count != 2 : d.Groups.Count < 2)
            {
                yield return new("R-DEP-2", $"dependency {kind}: needs {(pair ? "exactly two" : "at least two")} resource groups");
            }
            if (d.Kind == DependencyKind.OnlineOnSameNode && d.Groups.All(groups.ContainsKey)
                && d.Groups.Select(g => string.Join(",", groups[g].Nodes.Order())).Distinct().Count() > 1)
            {
                yield return new("R-DEP-LOC-1", $"dependency online on same node: resource groups {string.Join(", ", d.Groups)} must have the same participating nodes");
            }
        }
        var children = deps.Where(d => d.Kind == DependencyKind.ParentChild && d.Groups.Count == 2)
            .GroupBy(d => d.Groups[0]).ToDictionary(g => g.Key, g => g.Select(d => d.Groups[1]).ToList());
        foreach (var root in children.Keys)
        {
            var depth = Depth(root, children, [], out var cycle);
            if (cycle)
            {
                yield return new("R-DEP-PC-1", $"parent/child dependencies form a cycle through resource group {root}");
                yield break;
            }
            if (depth > Limits.MaxDependencyDepth)
            {
                yield return new("R-DEP-PC-2", $"parent/child dependencies below {root} nest {depth} levels; at most {Limits.MaxDependencyDepth} are supported");
            }
        }
        static int Depth(string g, Dictionary<string, List<string>> children, HashSet<string> path, out bool cycle)
        {
            cycle = false;
            if (!path.Add(g))
            {
                cycle = true;
                return 0;
            }
            var max = 0;
            foreach (var c in children.GetValueOrDefault(g) ?? [])
            {
                max = Math.Max(max, Depth(c, children, path, out cycle));
                if (cycle)
                {
                    return 0;
                }
            }
            path.Remove(g);
            return max + 1;
        }
    }

    private static HashSet<string> Names(List<RuleViolation> v, string what, IEnumerable<string> names)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var n in names)
        {
            if (CheckName(what, n) is { } bad && what != "cluster")
            {
                v.Add(bad);
            }
            if (!set.Add(n))
            {
                v.Add(new("R-UNIQUE", $"the {what} {n} is defined more than once"));
            }
        }
        return set;
    }

    internal static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
