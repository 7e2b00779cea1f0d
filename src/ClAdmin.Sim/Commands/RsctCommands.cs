using System.Globalization;
using System.Text.RegularExpressions;
using ClAdmin.Sim.Manager;
using ClAdmin.Sim.Model;
using ClAdmin.Sim.Shell;
using ClAdmin.Shell;

namespace ClAdmin.Sim.Commands;

/// <summary>
/// RSCT topology and group services as a node shows them: <c>lssrc -ls topsvcs</c> (the heartbeat
/// rings this node is on, their members and missed heartbeat counters, the deadman switch),
/// <c>lssrc -ls grpsvcs</c> (the groups of the domain this node is in) and <c>dhb_read</c>, the disk
/// heartbeat test (semantics §7.4–§7.7; layouts from powerha-outputs.md §5.2, §5.3 and §6, mostly
/// [RECONSTRUCTED]: the texts are in <see cref="HeartbeatTexts"/> and here, to correct against a real node).
/// </summary>
internal static partial class RsctCommands
{
    public static void Register(Dictionary<string, Func<CommandContext, int>> t) => t["dhb_read"] = DhbRead;

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    /// <summary>lssrc -l on an inoperative subsystem [RECONSTRUCTED: 0513-036 recalled from AIX].</summary>
    private static int NotActive(CommandContext ctx, SrcSubsystem s) =>
        ctx.Fail($"0513-036 The request could not be passed to the {s.Name} subsystem. Start the\nsubsystem and try your command again.");

    /// <summary>The ring's adapter address as topsvcs prints it: the boot address, or for a non-IP device a pseudo address
    /// 255.255.10.(node number - 1) (outputs §5.3 [DOC]).</summary>
    private static string AddressOf(SimWorld world, HeartbeatPath p) =>
        ClAdmin.Cluster.NetworkTypes.IsIp(p.Type) && p.Address.Length > 0 ? p.Address
            : F($"255.255.10.{(world.FindNode(p.Node)?.NodeNumber ?? 1) - 1}");

    private static string Hex(string text)
    {
        var h = 2166136261u;
        foreach (var ch in text)
        {
            h = (h ^ ch) * 16777619u;
        }
        return F($"0x{h:x8}");
    }

    private static uint Numeric(string address) =>
        address.Split('.').Aggregate(0u, (a, part) => (a << 8) | (uint.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out var b) ? b & 0xff : 0));

    /// <summary>lssrc -ls topsvcs: each ring of this node (two lines: the group; the adapter with its ids), its tuning,
    /// missed heartbeats (the total, and those of the outage in progress), packets; then the clients, the deadman switch
    /// and the node counts (outputs §5.3 [DOC fragment + RECONSTRUCTED]).</summary>
    public static int Topsvcs(CommandContext ctx, SrcSubsystem s, string header, string row)
    {
        if (s.Status != "active")
        {
            return NotActive(ctx, s);
        }
        var (world, node) = (ctx.World, ctx.Node);
        var rings = world.Cluster.Heartbeats;
        ctx.Line(header);
        ctx.Line(row);
        ctx.Line("Network Name   Indx Defd  Mbrs  St   Adapter ID      Group ID");
        var names = rings.Select(r => r.Ring).Distinct().ToList();
        foreach (var p in rings.Where(r => r.Node == node.Name))
        {
            var index = names.IndexOf(p.Ring);
            var members = rings.Where(r => r.Ring == p.Ring).ToList();
            var heard = members.Where(o => o.Node == node.Name || (Heartbeats.Listening(world, world.FindNode(o.Node)) && Heartbeats.Exchange(world, p, o))).ToList();
            var leader = heard.Select(o => AddressOf(world, o)).OrderByDescending(Numeric).First();
            var local = AddressOf(world, p);
            ctx.Line(F($"{p.Ring,-14} [{index,2}]{members.Count,5}{heard.Count,6}  {"S",-4} {local,-15} {leader}"));
            ctx.Line(F($"{p.Ring,-14} [{index,2}] {p.Adapter,-16} {Hex(p.Ring + local),-15} {Hex(p.Ring + leader)}"));
            ctx.Line(F($"HB Interval = {p.Interval:0.000} secs. Sensitivity = {p.Sensitivity} missed beats"));
            ctx.Line(F($"Missed HBs: Total: {Heartbeats.Missed(world, p)} Current group: {Heartbeats.Current(world, p)}"));
            var sent = (long)(world.Clock.TimeOfDay.TotalSeconds / Math.Max(p.Interval, 0.001));
            ctx.Line(F($"Packets sent    : {sent} ICMP 0 Errors: 0 No mbuf: 0"));
            ctx.Line(F($"Packets received: {Math.Max(0, (sent * (heard.Count - 1)) - Heartbeats.Missed(world, p))} ICMP 0 Dropped: 0"));
            ctx.Line(F($"NIM's PID: {(s.Pid ?? 0) + 12290 + (index * 8192)}"));
        }
        var clients = node.Subsystems.Where(c => c.Name is "emsvcs" or "grpsvcs" && c.Pid is not null).ToList();
        ctx.Line(F($"  {clients.Count} locally connected Clients with PIDs:"));
        ctx.Line(string.Join(' ', clients.Select(c => F($"{(c.Name == "emsvcs" ? "haemd" : "hagsd")}({c.Pid})"))));
        ctx.Line("  Dead Man Switch Enabled:");
        ctx.Line(F($"     reset interval = {(int)HeartbeatTexts.DeadmanReset.TotalSeconds} seconds"));
        ctx.Line(F($"     trip  interval = {(int)HeartbeatTexts.DeadmanTrip.TotalSeconds} seconds"));
        ctx.Line("  Client Heartbeating Disabled.");
        ctx.Line("  Configuration Instance = 3");
        ctx.Line("  Daemon employs no security");
        ctx.Line("  Segments pinned: Text Data.");
        ctx.Line("  Text segment size: 745 KB. Static data segment size: 1475 KB.");
        ctx.Line("  Dynamic data segment size: 3360. Number of outstanding malloc: 131");
        ctx.Line("  User time 13 sec. System time 4 sec.");
        ctx.Line("  Number of page faults: 0. Process swapped out 0 times.");
        var all = rings.Select(r => r.Node).Distinct().Count();
        var up = rings.Count == 0 ? 1 : Heartbeats.Side(world, rings, node.Name).Count;
        ctx.Line(F($"  Number of nodes up: {up}. Number of nodes down: {Math.Max(0, all - up)}."));
        return 0;
    }

    /// <summary>lssrc -ls grpsvcs: the clients, the domain (established by the lowest node number this node hears), the
    /// groups with their providers, the deadman switch (outputs §5.2: the 7.x cthags capture [VERBATIM] with 5.x names
    /// [RECONSTRUCTED]).</summary>
    public static int Grpsvcs(CommandContext ctx, SrcSubsystem s, string header, string row)
    {
        if (s.Status != "active")
        {
            return NotActive(ctx, s);
        }
        var (world, node) = (ctx.World, ctx.Node);
        var side = world.Cluster.Heartbeats.Count == 0 ? new HashSet<string>(StringComparer.Ordinal) { node.Name } : Heartbeats.Side(world, world.Cluster.Heartbeats, node.Name);
        var providers = side.Select(world.FindNode).Where(n => n is not null && n.Subsystems.Any(x => x.Name == "grpsvcs" && x.Status == "active")).ToList();
        var id = ClusterId(node);
        ctx.Line(header);
        ctx.Line(row);
        var clients = node.Subsystems.Where(c => c.Name is "grpglsm" or "clstrmgrES" && c.Pid is not null).ToList();
        ctx.Line(F($"{clients.Count} locally-connected clients.  Their PIDs:"));
        ctx.Line(string.Join(' ', clients.Select(c => F($"{c.Pid}({(c.Name == "grpglsm" ? "hagsglsmd" : "clstrmgr")})"))));
        ctx.Line("HA Group Services domain information:");
        ctx.Line(F($"Domain established by node {providers.Select(n => n!.NodeNumber).DefaultIfEmpty(node.NodeNumber).Min()}"));
        string[] groups = ["ha_em_peers", $"CLRESMGRD_{id}", $"CLSTRMGR_{id}"];
        ctx.Line(F($"Number of groups known locally: {groups.Length}"));
        ctx.Line("                   Number of   Number of local");
        ctx.Line("Group name         providers   providers/subscribers");
        foreach (var g in groups)
        {
            ctx.Line(F($"{g,-18}{providers.Count,6}{1,12}{0,12}"));
        }
        ctx.Line("Critical clients will be terminated if unresponsive");
        ctx.Line("Dead Man Switch Enabled");
        return 0;
    }

    /// <summary>The cluster id of the node's active configuration (its synchronized cluster.odm), else 1.</summary>
    private static string ClusterId(SimNode node) =>
        node.Files.TryGetValue("/usr/es/sbin/cluster/etc/objrepos/active/cluster.odm", out var f) && ClusterIdLine().Match(f.Content) is { Success: true } m
            ? m.Groups[1].Value : "1";

    [GeneratedRegex(@"HACMPcluster:\s*\n(?:[ \t]+\w+ = .*\n)*?[ \t]+id = (\d+)")]
    private static partial Regex ClusterIdLine();

    /// <summary>dhb_read -p DISK -r|-t (outputs §6, seed notes): tests a disk heartbeat path between two nodes. The side
    /// started first waits in the background (ps shows it) for its partner on the same disk (the same LUN, seen from
    /// another node); the second finds it and both report the link, the second on its terminal. A disk the node does not
    /// have, or that fails, is an error; on a disk no other node sees, no partner ever comes: the side waits.</summary>
    private const string DhbUsage = "dhb_read -p devicename -r | -t";

    private static int DhbRead(CommandContext ctx)
    {
        var g = Getopt.Parse(ctx.Args, "p:rt");
        if (g.BadFlag is { } bad)
        {
            return ctx.BadFlag(bad, DhbUsage);
        }
        if (g.Value('p') is not { } device || g.Has('r') == g.Has('t') || g.Operands.Count > 0)
        {
            return ctx.Fail("Usage: " + DhbUsage, 2);
        }
        var (world, node) = (ctx.World, ctx.Node);
        var name = device.StartsWith("/dev/", StringComparison.Ordinal) ? device[5..] : device;
        var hdisk = name.StartsWith("rhdisk", StringComparison.Ordinal) ? name[1..] : name;
        var disk = world.Disks.Find(d => d.NameOn(node.Name) == hdisk);
        if (disk is null)
        {
            return ctx.Fail($"dhb_read: Unable to open device /dev/r{hdisk}: No such device or address");
        }
        if (disk.Failed)
        {
            return ctx.Fail($"dhb_read: Unable to read device /dev/r{hdisk}: I/O error", 1);
        }
        var mode = g.Has('r') ? "-r" : "-t";
        var other = mode == "-r" ? "-t" : "-r";
        foreach (var line in HeartbeatTexts.DhbHeader())
        {
            ctx.Line(line);
        }
        ctx.Line(mode == "-r" ? "Receive Mode:" : "Transmit Mode:");
        // The partner: a dhb_read of the other mode waiting on another node on the same LUN.
        var partner = world.Nodes.Where(n => n != node && n.Up)
            .SelectMany(n => n.Processes.Where(p => p.Command.StartsWith("dhb_read ", StringComparison.Ordinal) && p.Command.EndsWith(" " + other, StringComparison.Ordinal)
                && disk.NameOn(n.Name) is { } there && p.Command == $"dhb_read -p {there} {other}").Select(p => (Node: n, Process: p)))
            .FirstOrDefault();
        if (partner.Node is null)
        {
            ctx.Line(HeartbeatTexts.DhbWaiting);
            node.Processes.Add(new SimProcess { Pid = world.TakePid(), Command = $"dhb_read -p {hdisk} {mode}", Started = world.Clock });
            return 0;
        }
        partner.Node.Processes.Remove(partner.Process);
        if (mode == "-t")
        {
            ctx.Line(HeartbeatTexts.DhbDetected);
        }
        else
        {
            ctx.Line(HeartbeatTexts.DhbWaiting);
        }
        ctx.Line(HeartbeatTexts.DhbMagic);
        ctx.Line(HeartbeatTexts.DhbMagic);
        ctx.Line(HeartbeatTexts.DhbNormal);
        return 0;
    }
}
