using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using ClAdmin.Cluster;
using ClAdmin.Cluster.Odm;
using ClAdmin.Sim;
using ClAdmin.Store;

namespace ClAdmin;

/// <summary>A real cluster's snapshot read for <c>sim init --from-snapshot</c>: the objects to apply (the
/// classes ClAdmin keeps, with the volume groups and file systems that AIX's LVM holds on a real node added
/// as CLvolgrp and CLfilesys), the configuration they make, the shared disks its .info lists, notes on what
/// was left out, and the errors that stop the build (each naming the file, the line and the field).</summary>
public sealed partial record SnapshotSource(
    string Name,
    string Description,
    IReadOnlyList<OdmObject> Objects,
    ClusterConfiguration? Configuration,
    IReadOnlyList<SnapshotDisk> Disks,
    string? Info,
    IReadOnlyList<string> Notes,
    IReadOnlyList<string> Errors)
{
    /// <summary>Reads FILE.odm and, when it is there, FILE.info beside it.</summary>
    /// <exception cref="IOException">a file cannot be read (the message names it).</exception>
    public static SnapshotSource Read(string odmPath)
    {
        ArgumentNullException.ThrowIfNull(odmPath);
        string text;
        try
        {
            text = File.ReadAllText(odmPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"cannot read the snapshot {odmPath}: {e.Message}", e);
        }
        var infoPath = Path.ChangeExtension(odmPath, ".info");
        string? info = null;
        if (File.Exists(infoPath))
        {
            try
            {
                info = File.ReadAllText(infoPath);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new IOException($"cannot read {infoPath}: {e.Message}", e);
            }
        }
        return Parse(odmPath, text, infoPath, info);
    }

    /// <summary>Reads a snapshot from its text (<paramref name="odmPath"/> and <paramref name="infoPath"/> name the files in messages).</summary>
    public static SnapshotSource Parse(string odmPath, string text, string infoPath, string? info)
    {
        ArgumentNullException.ThrowIfNull(text);
        var errors = new List<string>();
        var notes = new List<string>();
        var name = SnapshotName(Path.GetFileNameWithoutExtension(odmPath));
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        int Find(string tag) => Array.FindIndex(lines, l => l.Trim() == tag);
        var (odmStart, odmEnd) = (Find("<ODM"), Find("</ODM"));
        if (odmStart < 0 || odmEnd < odmStart)
        {
            return new(name, "", [], null, [], info, notes, [$"{odmPath}: no <ODM ... </ODM section: not a cluster snapshot (.odm) file"]);
        }
        var (dscStart, dscEnd) = (Find("<DSC"), Find("</DSC"));
        var description = dscStart >= 0 && dscEnd > dscStart ? string.Join(' ', lines[(dscStart + 1)..dscEnd]).Trim() : "";
        var section = lines[(odmStart + 1)..odmEnd];
        var (parsed, syntax) = OdmStanza.Parse(string.Join('\n', section));
        errors.AddRange(syntax.Select(e => $"{odmPath}: line {e.Line + odmStart + 1}: {e.Message}"));
        // The line each stanza starts on, in the order the parser returns them.
        var starts = section.Select((l, i) => (l, i)).Where(x => x.l.Length > 0 && !char.IsWhiteSpace(x.l[0]) && !x.l.StartsWith('*') && !x.l.StartsWith('#')
            && x.l.TrimEnd().EndsWith(':') && !x.l.Contains('=', StringComparison.Ordinal)).Select(x => x.i + odmStart + 2).ToList();
        var objects = new List<(OdmObject O, int Line)>();
        var dropped = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        for (var i = 0; i < parsed.Count; i++)
        {
            var o = parsed[i];
            var line = i < starts.Count ? starts[i] : 0;
            if (!OdmClasses.Descriptors.TryGetValue(o.Class, out var descriptors))
            {
                if (objects.All(x => x.O.Class != o.Class) && !notes.Any(n => n.Contains($"class {o.Class} ", StringComparison.Ordinal)))
                {
                    notes.Add($"{odmPath}: line {line}: class {o.Class} is not one the simulator keeps; its stanzas are ignored");
                }
                continue;
            }
            foreach (var a in o.Attributes.Where(a => !descriptors.ContainsKey(a.Name)))
            {
                if (!dropped.TryGetValue(o.Class, out var set))
                {
                    set = new(StringComparer.Ordinal);
                    dropped[o.Class] = set;
                }
                set.Add(a.Name);
            }
            var kept = o.Attributes.Where(a => descriptors.ContainsKey(a.Name)).Select(a => a with { IsNumber = descriptors[a.Name].IsNumber }).ToList();
            o = new OdmObject(o.Class, kept);
            if (o.Class == "HACMPresource" && (!ResourceKinds.IsKnown(o.Get("name")) || o.Get("value").Length == 0))
            {
                if (o.Get("value").Length > 0)
                {
                    notes.Add($"{odmPath}: line {line}: HACMPresource {o.Get("name")} of group {o.Get("group")} is not a resource the simulator keeps; ignored");
                }
                continue;
            }
            if (o.Class == "HACMPcluster" && o.GetInt("cluster_version") is > 0 and < OdmMapping.ClusterVersion and var old)
            {
                notes.Add($"{odmPath}: line {line}: cluster_version {old} (an earlier release): loaded as {OdmMapping.ClusterVersion} (HACMP 5.5), as clconvert_snapshot would convert it");
                o = new OdmObject(o.Class, [.. kept.Where(a => a.Name != "cluster_version"), new OdmAttribute("cluster_version", OdmMapping.ClusterVersion.ToString(CultureInfo.InvariantCulture), true)]);
            }
            objects.Add((o, line));
        }
        notes.AddRange(dropped.Select(d => $"{odmPath}: {d.Key}: descriptor(s) {string.Join(", ", d.Value)} not kept"));
        var disks = info is null ? [] : ReadDisks(info);
        if (info is null)
        {
            notes.Add($"{infoPath} is not there: the shared disks get made-up PVIDs");
        }
        if (errors.Count == 0)
        {
            Check(odmPath, objects, errors);
        }
        if (errors.Count == 0)
        {
            AddStorage(odmPath, infoPath, objects, disks, notes, errors);
        }
        var final = objects.Select(x => x.O).ToList();
        ClusterConfiguration? config = null;
        if (errors.Count == 0)
        {
            var (c, mapErrors) = OdmMapping.FromObjects(final);
            errors.AddRange(mapErrors.Select(e => $"{odmPath}: {e}"));
            errors.AddRange((c is null ? [] : Rules.Validate(c).Where(v => !v.IsWarning)).Select(v => $"{odmPath}: the configuration does not verify: {v.Message}"));
            config = errors.Count == 0 ? c : null;
        }
        return new(name, description, final, config, disks, info, notes, errors);
    }

    /// <summary>What the simulator needs and a snapshot may lack or get wrong: a cluster, its nodes, an IP
    /// boot address on every node, IPv4 addresses and netmasks.</summary>
    private static void Check(string file, List<(OdmObject O, int Line)> objects, List<string> errors)
    {
        if (!objects.Any(x => x.O.Class == "HACMPcluster"))
        {
            errors.Add($"{file}: no HACMPcluster stanza: the snapshot names no cluster");
        }
        var nodes = objects.Where(x => x.O.Class == "HACMPnode" && x.O.Get("object") == "COMMUNICATION_PATH").ToList();
        if (nodes.Count == 0)
        {
            errors.Add($"{file}: no HACMPnode stanza with object = \"COMMUNICATION_PATH\": the snapshot names no node");
        }
        var ipNetworks = objects.Where(x => x.O.Class == "HACMPnetwork" && NetworkTypes.IsIp(x.O.Get("nimname"))).ToDictionary(x => x.O.Get("name"), StringComparer.Ordinal);
        foreach (var (net, line) in ipNetworks.Values.Where(x => !IsIpv4(x.O.Get("netmask"))))
        {
            errors.Add($"{file}: line {line}: HACMPnetwork \"{net.Get("name")}\": netmask \"{net.Get("netmask")}\" is not an IPv4 netmask");
        }
        var adapters = objects.Where(x => x.O.Class == "HACMPadapter" && ipNetworks.ContainsKey(x.O.Get("network"))).ToList();
        foreach (var (a, line) in adapters.Where(x => !IsIpv4(x.O.Get("identifier"))))
        {
            errors.Add($"{file}: line {line}: HACMPadapter \"{a.Get("ip_label")}\": identifier \"{a.Get("identifier")}\" is not an IPv4 address");
        }
        foreach (var (a, line) in adapters.Where(x => x.O.Get("function") == "boot" && nodes.All(n => n.O.Get("name") != x.O.Get("node"))))
        {
            errors.Add($"{file}: line {line}: HACMPadapter \"{a.Get("ip_label")}\": node \"{a.Get("node")}\" has no HACMPnode stanza");
        }
        foreach (var (n, line) in nodes.Where(n => !adapters.Any(a => a.O.Get("function") == "boot" && a.O.Get("node") == n.O.Get("name"))))
        {
            errors.Add($"{file}: line {line}: HACMPnode \"{n.Get("name")}\": no HACMPadapter with function = \"boot\" on an IP network names this node, so it has no address");
        }
    }

    private static bool IsIpv4(string text) =>
        IPAddress.TryParse(text, out var a) && a.AddressFamily == AddressFamily.InterNetwork && text.Count(c => c == '.') == 3;

    /// <summary>The volume groups and file systems the resource groups name, as CLvolgrp and CLfilesys objects
    /// (on a real node they are AIX's LVM ODM, not in the snapshot): a group's disks are those the .info's
    /// lspv lists in it, else one stand-in disk; its nodes those of the resource groups holding it.</summary>
    private static void AddStorage(string file, string infoPath, List<(OdmObject O, int Line)> objects, IReadOnlyList<SnapshotDisk> disks, List<string> notes, List<string> errors)
    {
        var groups = objects.Where(x => x.O.Class == "HACMPgroup").Select(x => x.O).ToList();
        var resources = objects.Where(x => x.O.Class == "HACMPresource").ToList();
        var known = objects.Where(x => x.O.Class == "CLvolgrp").Select(x => x.O.Get("name")).ToHashSet(StringComparer.Ordinal);
        var usedNames = disks.SelectMany(d => d.Names.Values).Concat(objects.Where(x => x.O.Class == "CLvolgrp").SelectMany(x => x.O.Get("pvs").Split(' '))).ToHashSet(StringComparer.Ordinal);
        var major = SnapshotWorld.FirstFreeMajor + objects.Count(x => x.O.Class == "CLvolgrp");
        var standIn = 10;
        var vgOfGroup = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (r, line) in resources.Where(x => x.O.Get("name") is ResourceKinds.VolumeGroup or ResourceKinds.ConcurrentVolumeGroup))
        {
            var vg = r.Get("value");
            vgOfGroup.TryAdd(r.Get("group"), vg);
            if (!known.Add(vg))
            {
                continue;
            }
            var nodes = groups.Where(g => resources.Any(x => x.O.Get("group") == g.Get("group") && x.O.Get("value") == vg))
                .SelectMany(g => g.Get("nodes").Split(' ', StringSplitOptions.RemoveEmptyEntries)).Distinct(StringComparer.Ordinal).ToList();
            var pvs = disks.Where(d => d.VolumeGroup == vg).Select(d => d.Names.GetValueOrDefault(nodes.FirstOrDefault() ?? "") ?? d.Names.Values.First()).ToList();
            if (pvs.Count == 0)
            {
                while (usedNames.Contains($"hdisk{standIn}"))
                {
                    standIn++;
                }
                pvs.Add($"hdisk{standIn}");
                usedNames.Add(pvs[0]);
                notes.Add($"{file}: line {line}: volume group {vg}: {(disks.Count == 0 ? "no .info lists its disks" : infoPath + " lists no disk of it")}; one stand-in disk ({pvs[0]})");
            }
            objects.Add((new OdmObject("CLvolgrp", [new("name", vg), new("nodes", string.Join(' ', nodes)), new("pvs", string.Join(' ', pvs)), new("type", "original"),
                new("pp_size", "64", true), new("major_number", (major++).ToString(CultureInfo.InvariantCulture), true), new("concurrent", "no")]), line));
        }
        var fileSystems = objects.Where(x => x.O.Class == "CLfilesys").Select(x => x.O.Get("mount_point")).ToHashSet(StringComparer.Ordinal);
        foreach (var (r, line) in resources.Where(x => x.O.Get("name") == ResourceKinds.FileSystem && x.O.Get("value") != "ALL").ToList())
        {
            var mount = r.Get("value");
            if (!fileSystems.Add(mount))
            {
                continue;
            }
            if (!vgOfGroup.TryGetValue(r.Get("group"), out var vg))
            {
                errors.Add($"{file}: line {line}: HACMPresource FILESYSTEM \"{mount}\" of group {r.Get("group")}: the group names no VOLUME_GROUP to hold it");
                continue;
            }
            objects.Add((new OdmObject("CLfilesys", [new("mount_point", mount), new("volume_group", vg), new("type", "enhanced"), new("size", "0", true),
                new("units", "megabytes"), new("log", "INLINE")]), line));
        }
    }

    /// <summary>The disks of lspv lines ("hdisk4  00c7a1b2c3d4e5f6  datavg  active") in a .info, rootvg's left
    /// out; a line naming one cluster node (a banner) says whose lspv follows.</summary>
    private static List<SnapshotDisk> ReadDisks(string info)
    {
        var lspv = LspvLine();
        var node = "";
        var found = new List<(string Pvid, string Vg, Dictionary<string, string> Names)>();
        var word = NodeBanner();
        foreach (var raw in info.Split('\n'))
        {
            var m = lspv.Match(raw);
            if (!m.Success)
            {
                if (word.Match(raw) is { Success: true } w)
                {
                    node = w.Groups[1].Value.TrimEnd('.', ':');
                }
                continue;
            }
            var (name, pvid, vg) = (m.Groups[1].Value, m.Groups[2].Value.ToLowerInvariant(), m.Groups[3].Value);
            if (vg == "rootvg")
            {
                continue;
            }
            var disk = found.FirstOrDefault(d => d.Pvid == pvid);
            if (disk.Names is null)
            {
                disk = (pvid, vg, new Dictionary<string, string>(StringComparer.Ordinal));
                found.Add(disk);
            }
            disk.Names.TryAdd(node, name);
        }
        return [.. found.Select(d => new SnapshotDisk(d.Pvid, d.Vg, d.Names))];
    }

    /// <summary>The file's name as a snapshot name (letters, digits and underscores, not starting with a digit).</summary>
    private static string SnapshotName(string stem)
    {
        var s = new string([.. stem.Select(c => char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_')]);
        return s.Length == 0 || char.IsAsciiDigit(s[0]) ? "snap_" + s : s;
    }

    [GeneratedRegex(@"^\s*(hdisk\d+)\s+([0-9a-fA-F]{16})\s+(\S+)(\s+\S+)?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex LspvLine();

    [GeneratedRegex(@"\b(?:node|NODE|Node)[:\s]+([A-Za-z][\w.-]*)", RegexOptions.CultureInvariant)]
    private static partial Regex NodeBanner();
}
