using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace ClAdmin.Cluster.Verification;

/// <summary>What verification looks at: the default configuration and, per cluster node, the facts
/// gathered from it (null: the node could not be reached).</summary>
public sealed record VerificationInput(ClusterConfiguration Configuration, IReadOnlyDictionary<string, NodeFacts?> Facts)
{
    /// <summary>The facts of a node that answered, or null.</summary>
    public NodeFacts? Of(string node) => Facts.TryGetValue(node, out var f) ? f : null;

    /// <summary>The active configuration (ACD) the cluster runs, when known: what a change is compared with.</summary>
    public ClusterConfiguration? Active { get; init; }
}

/// <summary>One verification check: its rule id, where the rule comes from (powerha-semantics.md),
/// the line clverify.log describes it with, and the check itself.</summary>
public sealed record Check(string Id, string Cites, string Description, Func<VerificationInput, IEnumerable<Finding>> Run);

/// <summary>A check and what it found (none: PASSED).</summary>
public sealed record CheckResult(Check Check, IReadOnlyList<Finding> Findings)
{
    public bool Passed => !Findings.Any(f => f.IsError);
}

/// <summary>
/// clverify's checks, as pure functions over the configuration and the nodes' facts. Each check
/// names its rule (semantics §9.2, with §7 topology, §8 shared LVM, §1-2 policies and dependencies
/// where the rule is from there); each finding names the node (or none) and the object.
/// </summary>
public static class Verifier
{
    public static IReadOnlyList<Check> Checks { get; } =
    [
        new("R-VER-REACH", "§9.2 item 3", "Checking that every cluster node can be reached", Reach),
        new("R-VER-HOSTS-1", "§9.2 item 5, §9.3 item 2", "Checking that every IP label is in /etc/hosts on every node", HostsPresent),
        new("R-VER-HOSTS-2", "§9.2 item 5, §9.3 item 2", "Checking that every IP label has the same address on every node", HostsAddress),
        new("R-VER-COMM-PATH", "§9.2 item 3", "Checking that the nodes' communication paths resolve on every node", CommunicationPaths),
        new("R-VER-IF-1", "§9.2 item 3, §7.1", "Checking that the boot interfaces are configured on their nodes", BootConfigured),
        new("R-VER-NET-MEMBERS", "§9.2 item 3, §7.1", "Checking that each IP network connects at least two nodes", NetworkMembers),
        new("R-VER-SVC-ACTIVE", "§9.3, §7.2", "Checking for service IP labels already configured on a node", ServiceActive),
        new("R-VER-NETMASK-1", "§9.2 (netmask consistency), §7.1", "Checking that netmasks are consistent on each network", Netmasks),
        new("R-IPAT-1", "§7.2", "Checking IPAT via IP aliasing: boot interfaces of a node on different subnets", BootSubnets),
        new("R-IPAT-2", "§7.2", "Checking IPAT via IP aliasing: service labels on a subnet no boot interface uses", ServiceSubnets),
        new("R-IPAT-3", "§7.2", "Checking IPAT via IP replacement: one boot interface per service label", Replacement),
        new("R-IPAT-5", "§7.3, §7.2", "Checking persistent labels against the IP aliasing subnet rules", PersistentSubnets),
        new("R-IPAT-4", "§7.2", "Checking the number of communication interfaces on IP aliasing networks", SingleInterface),
        new("R-VG-IMPORT", "§8, §9.2 item 6, §9.3 item 3", "Checking that shared volume groups are imported on every node of their group", VgImported),
        new("R-VG-MAJOR", "§8, §9.2 item 7", "Checking that shared volume groups have the same major number on every node", VgMajor),
        new("R-VG-PVID", "§8 (PVIDs), §9.2 item 6", "Checking that shared volume groups have the same physical volumes (PVIDs) on every node", VgPvids),
        new("R-VG-AUTO", "§8, §9.3 item 5", "Checking that shared volume groups do not vary on automatically", VgAutoVaryon),
        new("R-VER-FS", "§9.2 item 6, §9.3 item 4", "Checking that shared file systems are defined on every node of their group", FileSystemsDefined),
        new("R-VER-FS-AUTO", "§8, §9.2 item 6", "Checking that shared file systems are not mounted automatically at system restart", FileSystemsAuto),
        new("R-VG-ECM", "§7.6, §8", "Checking enhanced concurrent mode where concurrent access or disk heartbeat needs it", VgEnhancedConcurrent),
        new("R-APP-SCRIPT", "§9.2 item 9", "Checking that application server scripts exist on every node of their group", ScriptsExist),
        new("R-APP-EXEC", "§9.2 item 9", "Checking that application server scripts are executable on every node of their group", ScriptsExecutable),
        new("R-MON-SCRIPT", "§10, §9.2 item 9", "Checking that application monitor methods exist and are executable on every node", MonitorMethods),
        new("R-EVT-SCRIPT", "§9.2 item 9, §4.1", "Checking that event notify, recovery, pre- and post-event commands exist and are executable on every node", EventScripts),
        new("R-MON-2", "§10, outputs §1.4", "Checking that application servers have an application monitor", Unmonitored),
        new("R-HB-NONIP", "§7.4, §7.6", "Checking for a non-IP network between every pair of nodes", NonIpPaths),
        new("R-LEVEL-1", "§9.2 item 12", "Checking that HACMP is installed on every node", FilesetInstalled),
        new("R-LEVEL-2", "§9.2 item 12", "Checking that every node has the same HACMP level", FilesetLevels),
        new("R-VER-SERVICES", "§9.4, §9.3", "Checking that the changes can be made in the current state of cluster services", ServicesState),
        new("R-POL-1", "§1.4, §9.2 item 11", "Checking resource group policy combinations", c => Rule(c, "R-POL", "R-SU", "R-FO", "R-FB")),
        new("R-DEP", "§2, §9.2 item 11", "Checking resource group dependencies", c => Rule(c, "R-DEP")),
        new("R-LIMIT", "§9.5", "Checking cluster limits", c => Rule(c, "R-LIMIT")),
        new("R-NAME", "§9.2 items 1-2, §7.1", "Checking names, references and resource placement", c => Rule(c, null)),
    ];

    /// <summary>Runs every check, in order.</summary>
    public static IReadOnlyList<CheckResult> Run(VerificationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Checks.Select(c => new CheckResult(c, c.Run(input).ToList())).ToList();
    }

    private static Finding Error(string rule, string? node, string obj, params object?[] args) => new(Severity.Error, rule, node, obj, VerifyMessages.Format(rule, args));

    private static Finding Warning(string rule, string? node, string obj, params object?[] args) => new(Severity.Warning, rule, node, obj, VerifyMessages.Format(rule, args));

    /// <summary>The configuration rules of <see cref="Rules.Validate"/> whose id starts with one of
    /// <paramref name="prefixes"/> (null: those no other check takes).</summary>
    private static IEnumerable<Finding> Rule(VerificationInput input, params string[]? prefixes)
    {
        string[] taken = ["R-POL", "R-SU", "R-FO", "R-FB", "R-DEP", "R-LIMIT"];
        return Rules.Validate(input.Configuration)
            .Where(v => prefixes is null ? !taken.Any(p => v.RuleId.StartsWith(p, StringComparison.Ordinal)) : prefixes.Any(p => v.RuleId.StartsWith(p, StringComparison.Ordinal)))
            .Select(v => new Finding(v.IsWarning ? Severity.Warning : Severity.Error, v.RuleId, null, "", v.Message));
    }

    private static IEnumerable<(string Node, NodeFacts Facts)> Reachable(VerificationInput input) =>
        input.Configuration.Nodes.Select(n => (n.Name, Facts: input.Of(n.Name))).Where(x => x.Facts is not null).Select(x => (x.Name, x.Facts!));

    private static IEnumerable<Finding> Reach(VerificationInput input) =>
        input.Configuration.Nodes.Where(n => input.Of(n.Name) is null).Select(n => Error("R-VER-REACH", n.Name, n.Name, n.Name));

    private static bool IsIpNetwork(ClusterConfiguration c, string network) =>
        c.Networks.FirstOrDefault(n => n.Name == network) is not { } net || net.IsIp;

    /// <summary>The IP labels of the cluster (boot, service, persistent) and their configured address ("" when none).</summary>
    private static IEnumerable<(string Label, string Address)> IpLabels(ClusterConfiguration c) =>
        c.Interfaces.Where(i => IsIpNetwork(c, i.Network)).Select(i => (i.Label, i.Address))
            .Concat(c.ServiceIps.Select(s => (s.Label, s.Address)))
            .Concat(c.PersistentIps.Select(p => (p.Label, p.Address)));

    /// <summary>The address a label should have: the configured one, else the one the first
    /// reachable node's /etc/hosts gives it.</summary>
    private static string? Expected(VerificationInput input, string label, string configured) =>
        configured.Length > 0 ? configured
            : Reachable(input).Select(x => x.Facts.Hosts.FirstOrDefault(h => h.Label == label)?.Address).FirstOrDefault(a => a is not null);

    private static IEnumerable<Finding> HostsPresent(VerificationInput input) =>
        from n in Reachable(input)
        from l in IpLabels(input.Configuration)
        where !n.Facts.Hosts.Any(h => h.Label == l.Label)
        select Error("R-VER-HOSTS-1", n.Node, l.Label, n.Node, l.Label);

    private static IEnumerable<Finding> HostsAddress(VerificationInput input)
    {
        foreach (var (label, configured) in IpLabels(input.Configuration))
        {
            if (Expected(input, label, configured) is not { } expected)
            {
                continue;
            }
            foreach (var (node, facts) in Reachable(input))
            {
                if (facts.Hosts.FirstOrDefault(h => h.Label == label) is { } entry && entry.Address != expected)
                {
                    yield return Error("R-VER-HOSTS-2", node, label, node, label, entry.Address, expected);
                }
            }
        }
    }

    /// <summary>The boot interfaces on IP networks with their address (configured, else from /etc/hosts).</summary>
    private static IEnumerable<(Interface Interface, string Address)> Boots(VerificationInput input) =>
        input.Configuration.Interfaces.Where(i => IsIpNetwork(input.Configuration, i.Network))
            .Select(i => (i, Expected(input, i.Label, i.Address) ?? ""))
            .Where(x => x.Item2.Length > 0);

    private static IEnumerable<Finding> BootConfigured(VerificationInput input)
    {
        foreach (var (i, address) in Boots(input))
        {
            if (input.Of(i.Node) is { } facts && !facts.Interfaces.Any(f => f.Address == address) && !Replaced(input, facts, i))
            {
                yield return Error("R-VER-IF-1", i.Node, i.Label, i.Node, i.Label, address, i.Network);
            }
        }
    }

    /// <summary>R-IPAT (§7.2): on a node where cluster services run, IPAT via replacement has put a service address of
    /// the boot interface's network in place of its boot address (acquire_service_addr / acquire_takeover_addr); the
    /// boot address comes back when the group releases it.</summary>
    private static bool Replaced(VerificationInput input, NodeFacts facts, Interface boot) =>
        facts.ServicesActive
        && input.Configuration.Networks.FirstOrDefault(n => n.Name == boot.Network) is { Ipat: IpatMethod.Replacement }
        && facts.Interfaces.Any(f => (boot.Device.Length == 0 || f.Name == boot.Device)
            && input.Configuration.ServiceIps.Any(s => s.Network == boot.Network && Expected(input, s.Label, s.Address) == f.Address));

    private static IEnumerable<Finding> Netmasks(VerificationInput input)
    {
        var c = input.Configuration;
        foreach (var net in c.Networks.Where(n => n.IsIp))
        {
            var seen = (from b in Boots(input)
                        where b.Interface.Network == net.Name
                        let f = input.Of(b.Interface.Node)?.Interfaces.FirstOrDefault(x => x.Address == b.Address)
                        where f is not null && Subnet(b.Address, net.Netmask) is not null
                        select (b.Interface, b.Address, f.Netmask, Subnet: Subnet(b.Address, net.Netmask))).ToList();
            foreach (var subnet in seen.GroupBy(s => s.Subnet))
            {
                var usual = subnet.GroupBy(s => s.Netmask).OrderByDescending(g => g.Count()).First().Key;
                foreach (var odd in subnet.Where(s => s.Netmask != usual))
                {
                    yield return Error("R-VER-NETMASK-1", odd.Interface.Node, odd.Interface.Label, odd.Interface.Node, odd.Interface.Label, odd.Address, odd.Netmask, net.Name, usual);
                }
            }
        }
    }

    private static IEnumerable<Finding> BootSubnets(VerificationInput input)
    {
        foreach (var net in input.Configuration.Networks.Where(n => n.IsIp && n.Ipat == IpatMethod.Aliasing))
        {
            foreach (var node in Boots(input).Where(b => b.Interface.Network == net.Name).GroupBy(b => b.Interface.Node))
            {
                var list = node.ToList();
                for (var a = 0; a < list.Count; a++)
                {
                    for (var b = a + 1; b < list.Count; b++)
                    {
                        if (Subnet(list[a].Address, net.Netmask) is { } s && s == Subnet(list[b].Address, net.Netmask))
                        {
                            yield return Error("R-IPAT-1", node.Key, net.Name, node.Key, net.Name, list[a].Interface.Label, list[b].Interface.Label);
                        }
                    }
                }
            }
        }
    }

    private static IEnumerable<Finding> ServiceSubnets(VerificationInput input)
    {
        foreach (var s in input.Configuration.ServiceIps)
        {
            if (input.Configuration.Networks.FirstOrDefault(n => n.Name == s.Network) is not { IsIp: true, Ipat: IpatMethod.Aliasing } net
                || Expected(input, s.Label, s.Address) is not { } address)
            {
                continue;
            }
            var mask = s.Netmask.Length > 0 ? s.Netmask : net.Netmask;
            if (Boots(input).FirstOrDefault(b => b.Interface.Network == net.Name && Subnet(b.Address, mask) is { } bs && bs == Subnet(address, mask)) is { Interface: not null } boot)
            {
                yield return Error("R-IPAT-2", null, s.Label, s.Label, net.Name, address, boot.Interface.Label);
            }
        }
    }

    private static IEnumerable<Finding> Replacement(VerificationInput input)
    {
        var c = input.Configuration;
        foreach (var net in c.Networks.Where(n => n.IsIp && n.Ipat == IpatMethod.Replacement))
        {
            var services = c.ServiceIps.Where(s => s.Network == net.Name).Select(s => s.Label).ToHashSet(StringComparer.Ordinal);
            foreach (var node in c.Nodes)
            {
                var labels = c.ResourceGroups.Where(g => g.Nodes.Contains(node.Name)).SelectMany(g => g.Resource(ResourceKinds.ServiceLabel)).Count(services.Contains);
                var boots = c.Interfaces.Count(i => i.Node == node.Name && i.Network == net.Name);
                if (labels > boots)
                {
                    yield return Error("R-IPAT-3", node.Name, net.Name, node.Name, net.Name, boots, labels);
                }
            }
        }
    }

    private static IEnumerable<Finding> SingleInterface(VerificationInput input)
    {
        var c = input.Configuration;
        return from net in c.Networks.Where(n => n.IsIp && n.Ipat == IpatMethod.Aliasing)
               from node in c.Nodes
               let count = c.Interfaces.Count(i => i.Node == node.Name && i.Network == net.Name)
               where count == 1
               select Warning("R-IPAT-4", node.Name, net.Name, node.Name, net.Name);
    }

    /// <summary>Every (group, volume group, node of the group) of the configuration.</summary>
    private static IEnumerable<(ResourceGroup Group, string Vg, string Node)> SharedVgs(ClusterConfiguration c) =>
        from g in c.ResourceGroups
        from vg in g.Resource(ResourceKinds.VolumeGroup).Concat(g.Resource(ResourceKinds.ConcurrentVolumeGroup)).Distinct()
        from n in g.Nodes
        select (g, vg, n);

    /// <summary>Every (group, mount point, node of the group): the group's file systems, or with ALL
    /// every file system of its volume groups.</summary>
    private static IEnumerable<(ResourceGroup Group, string MountPoint, string Node)> SharedFileSystems(ClusterConfiguration c) =>
        from g in c.ResourceGroups
        let listed = g.Resource(ResourceKinds.FileSystem)
        let vgs = g.Resource(ResourceKinds.VolumeGroup).Concat(g.Resource(ResourceKinds.ConcurrentVolumeGroup)).ToHashSet(StringComparer.Ordinal)
        from fs in listed.Where(f => f != "ALL").Concat(listed.Contains("ALL") ? c.FileSystems.Where(f => vgs.Contains(f.VolumeGroup)).Select(f => f.MountPoint) : []).Distinct()
        from n in g.Nodes
        select (g, fs, n);

    private static IEnumerable<Finding> FileSystemsDefined(VerificationInput input) =>
        from x in SharedFileSystems(input.Configuration)
        let facts = input.Of(x.Node)
        where facts is not null && facts.FileSystem(x.MountPoint) is null
        select Error("R-VER-FS", x.Node, x.MountPoint, x.Node, x.MountPoint, x.Group.Name);

    private static IEnumerable<Finding> FileSystemsAuto(VerificationInput input) =>
        from x in SharedFileSystems(input.Configuration)
        where input.Of(x.Node)?.FileSystem(x.MountPoint) is { AutoMount: true }
        select Error("R-VER-FS-AUTO", x.Node, x.MountPoint, x.Node, x.MountPoint);

    private static IEnumerable<Finding> VgImported(VerificationInput input) =>
        from x in SharedVgs(input.Configuration)
        let facts = input.Of(x.Node)
        where facts is not null && facts.VolumeGroup(x.Vg) is null
        select Error("R-VG-IMPORT", x.Node, x.Vg, x.Node, x.Vg, x.Group.Name);

    private static IEnumerable<Finding> VgMajor(VerificationInput input)
    {
        foreach (var vg in SharedVgs(input.Configuration).GroupBy(x => x.Vg))
        {
            var found = vg.Select(x => x.Node).Distinct().Select(n => (Node: n, Fact: input.Of(n)?.VolumeGroup(vg.Key))).Where(x => x.Fact is not null).ToList();
            var configured = input.Configuration.VolumeGroups.FirstOrDefault(v => v.Name == vg.Key)?.MajorNumber ?? 0;
            var expected = configured > 0 ? configured
                : found.GroupBy(x => x.Fact!.Major).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();
            foreach (var (node, fact) in found.Where(x => x.Fact!.Major != expected))
            {
                yield return Error("R-VG-MAJOR", node, vg.Key, node, vg.Key, fact!.Major, expected);
            }
        }
    }

    private static IEnumerable<Finding> VgPvids(VerificationInput input)
    {
        foreach (var vg in SharedVgs(input.Configuration).GroupBy(x => x.Vg))
        {
            var seen = vg.Select(x => x.Node).Distinct()
                .Select(n => (Node: n, Facts: input.Of(n)))
                .Where(x => x.Facts is { Disks.Count: > 0 })
                .Select(x => (x.Node, x.Facts!, Pvids: x.Facts!.Disks.Where(d => d.VolumeGroup == vg.Key).Select(d => d.Pvid).Order(StringComparer.Ordinal).ToList()))
                .ToList();
            var imported = seen.Where(x => x.Pvids.Count > 0).ToList();
            if (imported.Count == 0)
            {
                continue;
            }
            var reference = imported.GroupBy(x => string.Join(',', x.Pvids), StringComparer.Ordinal).OrderByDescending(g => g.Count()).First().First();
            foreach (var (node, _, pvids) in imported.Where(x => !x.Pvids.SequenceEqual(reference.Pvids)))
            {
                yield return Error("R-VG-PVID", node, vg.Key, node, vg.Key, string.Join(", ", pvids), reference.Node, string.Join(", ", reference.Pvids));
            }
            foreach (var (node, facts, _) in seen.Where(x => x.Pvids.Count == 0))
            {
                foreach (var pvid in reference.Pvids.Where(p => !facts.Disks.Any(d => d.Pvid == p)))
                {
                    yield return new Finding(Severity.Error, "R-VG-PVID", node, vg.Key, VerifyMessages.Format("R-VG-PVID-DISK", node, vg.Key, pvid));
                }
            }
        }
    }

    private static IEnumerable<Finding> ServicesState(VerificationInput input)
    {
        if (input.Active is not { Nodes.Count: > 0 } active)
        {
            yield break;
        }
        var c = input.Configuration;
        foreach (var node in active.Nodes.Select(n => n.Name))
        {
            if (input.Of(node) is not { ServicesActive: true } facts)
            {
                continue;
            }
            if (c.Cluster is { } changed && active.Cluster is { } running && changed.Name != running.Name)
            {
                yield return Error("R-VER-SERVICES", node, changed.Name, node, facts.ManagerState, running.Name, changed.Name);
            }
            if (!c.Nodes.Any(n => n.Name == node))
            {
                yield return new Finding(Severity.Error, "R-VER-SERVICES", node, node, VerifyMessages.Format("R-VER-SERVICES-NODE", node, facts.ManagerState));
            }
        }
    }

    private static IEnumerable<Finding> VgAutoVaryon(VerificationInput input) =>
        from x in SharedVgs(input.Configuration).DistinctBy(x => (x.Vg, x.Node))
        let fact = input.Of(x.Node)?.VolumeGroup(x.Vg)
        where fact is { AutoVaryon: true }
        select Error("R-VG-AUTO", x.Node, x.Vg, x.Node, x.Vg);

    private static IEnumerable<Finding> VgEnhancedConcurrent(VerificationInput input)
    {
        var c = input.Configuration;
        var needs = new List<(string Vg, string Why, IEnumerable<string> Nodes)>();
        foreach (var g in c.ResourceGroups.Where(g => g.IsConcurrent))
        {
            needs.AddRange(g.Resource(ResourceKinds.VolumeGroup).Concat(g.Resource(ResourceKinds.ConcurrentVolumeGroup)).Select(v => (v, $"concurrent resource group {g.Name}", (IEnumerable<string>)g.Nodes)));
        }
        foreach (var net in c.Networks.Where(n => n.Type is "diskhb" or "diskhbmulti"))
        {
            foreach (var i in c.Interfaces.Where(i => i.Network == net.Name))
            {
                var disk = i.Device.StartsWith("/dev/", StringComparison.Ordinal) ? i.Device[5..] : i.Device;
                if (c.VolumeGroups.FirstOrDefault(v => v.PhysicalVolumes.Contains(disk)) is { } vg)
                {
                    needs.Add((vg.Name, $"disk heartbeat network {net.Name}", [i.Node]));
                }
            }
        }
        foreach (var (vg, why, nodes) in needs)
        {
            foreach (var node in nodes.Distinct())
            {
                if (input.Of(node)?.VolumeGroup(vg) is { EnhancedConcurrent: false })
                {
                    yield return Error("R-VG-ECM", node, vg, node, vg, why);
                }
            }
        }
    }

    /// <summary>Every (script, start|stop, server, node) an application server of a group needs.</summary>
    private static IEnumerable<(string Script, string Kind, string Server, string Node)> Scripts(ClusterConfiguration c) =>
        (from g in c.ResourceGroups
         from a in g.Resource(ResourceKinds.Applications)
         let server = c.ApplicationControllers.FirstOrDefault(s => s.Name == a)
         where server is not null
         from n in g.Nodes
         from s in new[] { (server.StartScript, "start"), (server.StopScript, "stop") }
         select (s.Item1, s.Item2, server.Name, n)).Distinct();

    /// <summary>The script paths verification asks each node about (application server scripts, monitor methods).</summary>
    public static IReadOnlyList<string> ScriptPaths(ClusterConfiguration c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return Scripts(c).Select(s => s.Script).Concat(Methods(c).Select(m => m.Script)).Concat(EventCommands(c).Select(e => e.Script)).Distinct().ToList();
    }

    /// <summary>Every (command path, kind, event) the cluster manager runs around an event on every node:
    /// notify and recovery commands, and the scripts of the custom events named as pre- and post-event commands.</summary>
    private static IEnumerable<(string Script, string Kind, string Event)> EventCommands(ClusterConfiguration c)
    {
        string Path(string command) => command.Trim().Split(' ')[0];
        string? Custom(string name) => c.CustomEvents.FirstOrDefault(x => x.Name == name)?.File;
        return (from e in c.Events
                from m in new[] { (e.Notify, "notify"), (e.Recovery, "recovery") }
                    .Concat(e.Pre.Select(p => (Custom(p) ?? "", "pre-event")))
                    .Concat(e.Post.Select(p => (Custom(p) ?? "", "post-event")))
                where m.Item1.Trim().Length > 0
                select (Path(m.Item1), m.Item2, e.Name)).Distinct();
    }

    private static IEnumerable<Finding> EventScripts(VerificationInput input)
    {
        foreach (var e in EventCommands(input.Configuration))
        {
            foreach (var node in input.Configuration.Nodes.Select(n => n.Name))
            {
                switch (input.Of(node)?.File(e.Script))
                {
                    case null when input.Of(node) is not null:
                    case { Exists: false }:
                        yield return Error("R-EVT-SCRIPT", node, e.Script, node, e.Script, e.Kind, e.Event, "does not exist");
                        break;
                    case { Executable: false }:
                        yield return Error("R-EVT-SCRIPT", node, e.Script, node, e.Script, e.Kind, e.Event, "is not executable");
                        break;
                }
            }
        }
    }

    /// <summary>Every (method path, kind, monitor, node) a monitor of a grouped application needs.</summary>
    private static IEnumerable<(string Script, string Kind, string Monitor, string Node)> Methods(ClusterConfiguration c) =>
        (from m in c.ApplicationMonitors
         from method in new[] { (m.MonitorMethod, "monitor"), (m.CleanupMethod, "cleanup"), (m.RestartMethod, "restart"), (m.NotifyMethod, "notify") }
         where method.Item1.Trim().Length > 0
         from g in c.ResourceGroups.Where(g => g.Resource(ResourceKinds.Applications).Any(m.Applications.Contains))
         from n in g.Nodes
         select (method.Item1.Trim().Split(' ')[0], method.Item2, m.Name, n)).Distinct();

    private static IEnumerable<Finding> MonitorMethods(VerificationInput input)
    {
        foreach (var m in Methods(input.Configuration))
        {
            switch (input.Of(m.Node)?.File(m.Script))
            {
                case null when input.Of(m.Node) is not null:
                case { Exists: false }:
                    yield return Error("R-MON-SCRIPT", m.Node, m.Script, m.Node, m.Script, m.Kind, m.Monitor, "does not exist");
                    break;
                case { Executable: false }:
                    yield return Error("R-MON-SCRIPT", m.Node, m.Script, m.Node, m.Script, m.Kind, m.Monitor, "is not executable");
                    break;
            }
        }
    }

    private static IEnumerable<Finding> CommunicationPaths(VerificationInput input) =>
        from target in input.Configuration.Nodes
        where !Rules.IsAddress(target.CommunicationPath)
        from n in Reachable(input)
        where !n.Facts.Hosts.Any(h => h.Label == target.CommunicationPath)
        select Error("R-VER-COMM-PATH", n.Node, target.CommunicationPath, n.Node, target.CommunicationPath, target.Name);

    private static IEnumerable<Finding> NetworkMembers(VerificationInput input)
    {
        var c = input.Configuration;
        if (c.Nodes.Count < 2)
        {
            yield break;
        }
        foreach (var net in c.Networks.Where(n => n.IsIp))
        {
            var members = c.Interfaces.Where(i => i.Network == net.Name).Select(i => i.Node).Distinct().ToList();
            if (members.Count == 1)
            {
                yield return Warning("R-VER-NET-MEMBERS", members[0], net.Name, net.Name, members[0]);
            }
        }
    }

    private static IEnumerable<Finding> ServiceActive(VerificationInput input)
    {
        foreach (var s in input.Configuration.ServiceIps)
        {
            if (Expected(input, s.Label, s.Address) is not { } address)
            {
                continue;
            }
            foreach (var (node, facts) in Reachable(input).Where(n => n.Facts.Interfaces.Any(i => i.Address == address)))
            {
                yield return Warning("R-VER-SVC-ACTIVE", node, s.Label, node, s.Label, address);
            }
        }
    }

    private static IEnumerable<Finding> PersistentSubnets(VerificationInput input)
    {
        foreach (var p in input.Configuration.PersistentIps)
        {
            if (input.Configuration.Networks.FirstOrDefault(n => n.Name == p.Network) is not { IsIp: true, Ipat: IpatMethod.Aliasing } net
                || Expected(input, p.Label, p.Address) is not { } address)
            {
                continue;
            }
            if (Boots(input).FirstOrDefault(b => b.Interface.Network == net.Name && b.Interface.Node == p.Node
                    && Subnet(b.Address, net.Netmask) is { } bs && bs == Subnet(address, net.Netmask)) is { Interface: not null } boot)
            {
                yield return Error("R-IPAT-5", p.Node, p.Label, p.Node, p.Label, address, boot.Interface.Label, net.Name);
            }
        }
    }

    private static IEnumerable<Finding> ScriptsExist(VerificationInput input) =>
        from s in Scripts(input.Configuration)
        let facts = input.Of(s.Node)
        where facts is not null && facts.File(s.Script) is not { Exists: true }
        select Error("R-APP-SCRIPT", s.Node, s.Script, s.Node, s.Script, s.Kind, s.Server);

    private static IEnumerable<Finding> ScriptsExecutable(VerificationInput input) =>
        from s in Scripts(input.Configuration)
        let fact = input.Of(s.Node)?.File(s.Script)
        where fact is { Exists: true, Executable: false }
        select Error("R-APP-EXEC", s.Node, s.Script, s.Node, s.Script, s.Kind, s.Server);

    private static IEnumerable<Finding> Unmonitored(VerificationInput input)
    {
        var c = input.Configuration;
        return from g in c.ResourceGroups
               from a in g.Resource(ResourceKinds.Applications)
               where !c.ApplicationMonitors.Any(m => m.Applications.Contains(a))
                   && c.ApplicationControllers.FirstOrDefault(s => s.Name == a) is { Monitors.Count: 0 }
               select Warning("R-MON-2", null, a, a, g.Name);
    }

    private static IEnumerable<Finding> NonIpPaths(VerificationInput input)
    {
        var c = input.Configuration;
        var links = c.Networks.Where(n => !n.IsIp)
            .Select(n => c.Interfaces.Where(i => i.Network == n.Name).Select(i => i.Node).ToHashSet(StringComparer.Ordinal)).ToList();
        for (var a = 0; a < c.Nodes.Count; a++)
        {
            for (var b = a + 1; b < c.Nodes.Count; b++)
            {
                var (x, y) = (c.Nodes[a].Name, c.Nodes[b].Name);
                if (!links.Any(l => l.Contains(x) && l.Contains(y)))
                {
                    yield return Warning("R-HB-NONIP", x, $"{x},{y}", x, y);
                }
            }
        }
    }

    private static IEnumerable<Finding> FilesetInstalled(VerificationInput input) =>
        Reachable(input).Where(n => n.Facts.FilesetLevel is null).Select(n => Error("R-LEVEL-1", n.Node, "cluster.es.server.rte", n.Node));

    private static IEnumerable<Finding> FilesetLevels(VerificationInput input)
    {
        var levels = Reachable(input).Where(n => n.Facts.FilesetLevel is not null).Select(n => (n.Node, Level: n.Facts.FilesetLevel!)).ToList();
        if (levels.Count == 0)
        {
            yield break;
        }
        var usual = levels.GroupBy(l => l.Level).OrderByDescending(g => g.Count()).First();
        var reference = usual.First();
        foreach (var (node, level) in levels.Where(l => l.Level != usual.Key))
        {
            yield return Error("R-LEVEL-2", node, "cluster.es.server.rte", node, level, reference.Node, reference.Level);
        }
    }

    /// <summary>The subnet of an IPv4 address under a dotted netmask, or null when either is not IPv4.</summary>
    public static uint? Subnet(string address, string netmask) =>
        V4(address) is { } a && V4(netmask) is { } m ? a & m : null;

    private static uint? V4(string s) =>
        IPAddress.TryParse(s, out var ip) && ip.AddressFamily == AddressFamily.InterNetwork && s.Count(ch => ch == '.') == 3
            ? BinaryPrimitives.ReadUInt32BigEndian(ip.GetAddressBytes()) : null;
}
