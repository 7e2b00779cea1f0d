using System.Globalization;
using ClAdmin.Cluster;
using ClAdmin.Cluster.Verification;
using ClAdmin.Contracts;
using ClAdmin.Exec.FanOut;

namespace ClAdmin.Exec.Verification;

/// <summary>
/// Gathers what clverify needs from every node, through the fan-out engine (so through whatever
/// transport: simulated nodes, SSH, this machine), with the AIX commands a node answers:
/// <c>cat /etc/hosts</c>, <c>ifconfig -a</c>, <c>lsvg</c>, <c>lsattr -El VG</c> (auto_on,
/// conc_capable), <c>getlvodm -d VG</c> (major number), <c>lsfs -c</c>, <c>ls -ld SCRIPT</c> and
/// <c>lslpp -L cluster.es.server.rte</c>. A node that cannot be reached gets no facts (null).
/// </summary>
public sealed class FactsCollector(FanOutEngine engine)
{
    /// <summary>The fileset whose level every node must share.</summary>
    public const string ServerFileset = "cluster.es.server.rte";

    /// <summary>The engine the facts are gathered through (corrective actions take it too).</summary>
    public FanOutEngine Engine => engine;

    public async Task<IReadOnlyDictionary<string, NodeFacts?>> CollectAsync(ClusterConfiguration configuration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var nodes = configuration.Nodes.Select(n => n.Name).ToList();
        var facts = nodes.ToDictionary(n => n, n => (NodeFacts?)new NodeFacts(n), StringComparer.Ordinal);
        if (nodes.Count == 0)
        {
            return facts;
        }

        // Runs one command on the nodes still reachable; a node that does not answer loses its facts.
        async Task<IReadOnlyDictionary<string, NodeResult>> Run(params string[] argv)
        {
            var up = nodes.Where(n => facts[n] is not null).ToList();
            if (up.Count == 0)
            {
                return new Dictionary<string, NodeResult>();
            }
            var result = await engine.RunAsync(up, NodeOperation.Same(argv), new FanOutOptions(), null, cancellationToken).ConfigureAwait(false);
            foreach (var r in result.Results.Where(r => r.Outcome is not (NodeOutcome.Ok or NodeOutcome.Failed)))
            {
                facts[r.Node] = null;
            }
            return result.Results.Where(r => r.Outcome is NodeOutcome.Ok or NodeOutcome.Failed).ToDictionary(r => r.Node, StringComparer.Ordinal);
        }

        void Update(IReadOnlyDictionary<string, NodeResult> results, Func<NodeFacts, NodeResult, NodeFacts> update)
        {
            foreach (var (node, r) in results)
            {
                if (facts[node] is { } f)
                {
                    facts[node] = update(f, r);
                }
            }
        }

        Update(await Run("cat", "/etc/hosts").ConfigureAwait(false), (f, r) => f with { Hosts = ParseHosts(r.Stdout) });
        Update(await Run("ifconfig", "-a").ConfigureAwait(false), (f, r) => f with { Interfaces = ParseIfconfig(r.Stdout) });
        var imported = await Run("lsvg").ConfigureAwait(false);
        var shared = configuration.ResourceGroups.SelectMany(g => g.Resource(ResourceKinds.VolumeGroup).Concat(g.Resource(ResourceKinds.ConcurrentVolumeGroup)))
            .Distinct(StringComparer.Ordinal).ToList();
        foreach (var vg in shared)
        {
            var attributes = await Run("lsattr", "-El", vg).ConfigureAwait(false);
            var majors = await Run("getlvodm", "-d", vg).ConfigureAwait(false);
            foreach (var (node, list) in imported)
            {
                if (facts[node] is not { } f || list.ExitCode != 0 || !Words(list.Stdout).Contains(vg)
                    || !attributes.TryGetValue(node, out var a) || a.ExitCode != 0
                    || !majors.TryGetValue(node, out var m) || m.ExitCode != 0)
                {
                    continue;
                }
                var values = ParseAttributes(a.Stdout);
                var major = int.TryParse(m.Stdout.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var mj) ? mj : 0;
                facts[node] = f with
                {
                    VolumeGroups = [.. f.VolumeGroups, new VolumeGroupFact(vg, major, values.GetValueOrDefault("auto_on") == "y", values.GetValueOrDefault("conc_capable") == "y")],
                };
            }
        }
        Update(await Run("lspv").ConfigureAwait(false), (f, r) => f with { Disks = r.ExitCode == 0 ? ParseLspv(r.Stdout) : [] });
        Update(await Run("lssrc", "-ls", "clstrmgrES").ConfigureAwait(false), (f, r) => f with { ManagerState = r.ExitCode == 0 ? ParseManagerState(r.Stdout) : null });
        Update(await Run("lsfs", "-c").ConfigureAwait(false), (f, r) => f with { FileSystems = r.ExitCode == 0 ? ParseLsfs(r.Stdout) : [] });
        foreach (var script in Verifier.ScriptPaths(configuration))
        {
            Update(await Run("ls", "-ld", script).ConfigureAwait(false), (f, r) => f with { Files = [.. f.Files, ParseLs(script, r)] });
        }
        Update(await Run("lslpp", "-L", ServerFileset).ConfigureAwait(false), (f, r) => f with { FilesetLevel = r.ExitCode == 0 ? ParseLevel(r.Stdout, ServerFileset) : null });
        return facts;
    }

    /// <summary>The cluster manager's state on each of <paramref name="nodes"/> (lssrc -ls clstrmgrES), as facts
    /// holding only that: for nodes of the active configuration that the changed one no longer has.
    /// A node not reached is left out.</summary>
    public async Task<IReadOnlyDictionary<string, NodeFacts>> ManagerStatesAsync(IReadOnlyList<string> nodes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        if (nodes.Count == 0)
        {
            return new Dictionary<string, NodeFacts>();
        }
        var result = await engine.RunAsync(nodes, NodeOperation.Same(["lssrc", "-ls", "clstrmgrES"]), new FanOutOptions(), null, cancellationToken).ConfigureAwait(false);
        return result.Results.Where(r => r.Outcome is NodeOutcome.Ok or NodeOutcome.Failed)
            .ToDictionary(r => r.Node, r => new NodeFacts(r.Node) { ManagerState = r.ExitCode == 0 ? ParseManagerState(r.Stdout) : null }, StringComparer.Ordinal);
    }

    /// <summary>lspv: "hdisk2  00c8d8e5a1b2c3d4  datavg  active" per disk (PVID "none", group "None" when it has none).</summary>
    public static IReadOnlyList<DiskFact> ParseLspv(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Split('\n')
            .Select(l => l.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
            .Where(w => w.Length >= 3)
            .Select(w => new DiskFact(w[0], w[1], w[2]))
            .ToList();
    }

    /// <summary>lssrc -ls clstrmgrES: the state on its "Current state: ST_xxx" line, or null.</summary>
    public static string? ParseManagerState(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        const string Prefix = "Current state:";
        return text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith(Prefix, StringComparison.Ordinal))?[Prefix.Length..].Trim();
    }

    private static HashSet<string> Words(string text) =>
        text.Split((char[])[' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);

    /// <summary>/etc/hosts: address then names, '#' starts a comment; one entry per name.</summary>
    public static IReadOnlyList<HostsEntry> ParseHosts(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var entries = new List<HostsEntry>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Split('#')[0];
            var words = line.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            entries.AddRange(words.Skip(1).Select(name => new HostsEntry(words[0], name)));
        }
        return entries;
    }

    /// <summary>ifconfig -a: "enN: flags=..." then "inet ADDRESS netmask 0xffffff00 ..." per address.</summary>
    public static IReadOnlyList<InterfaceFact> ParseIfconfig(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<InterfaceFact>();
        var name = "";
        foreach (var line in text.Split('\n'))
        {
            if (line.Length > 0 && !char.IsWhiteSpace(line[0]) && line.Contains(':', StringComparison.Ordinal))
            {
                name = line[..line.IndexOf(':', StringComparison.Ordinal)];
                continue;
            }
            var words = line.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (words.Length >= 4 && words[0] == "inet" && words[2] == "netmask")
            {
                found.Add(new InterfaceFact(name, words[1], DottedMask(words[3])));
            }
        }
        return found;
    }

    /// <summary>0xffffff00 → 255.255.255.0 (a dotted mask is kept as it is).</summary>
    public static string DottedMask(string mask)
    {
        ArgumentNullException.ThrowIfNull(mask);
        if (mask.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            && uint.TryParse(mask.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var m))
        {
            return string.Join('.', new[] { m >> 24, (m >> 16) & 255, (m >> 8) & 255, m & 255 }.Select(b => b.ToString(CultureInfo.InvariantCulture)));
        }
        return mask;
    }

    /// <summary>lsfs -c: "#MountPoint:Device:Vfs:Nodename:Type:Size:Options:AutoMount:Acct" then one line per file system.</summary>
    public static IReadOnlyList<FileSystemFact> ParseLsfs(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Split('\n')
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(':'))
            .Where(f => f.Length >= 8)
            .Select(f => new FileSystemFact(f[0], f[7] == "yes"))
            .ToList();
    }

    /// <summary>lsattr -El: attribute, value, description..., user-settable.</summary>
    public static IReadOnlyDictionary<string, string> ParseAttributes(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Split('\n')
            .Select(l => l.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
            .Where(w => w.Length >= 2)
            .GroupBy(w => w[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First()[1], StringComparer.Ordinal);
    }

    /// <summary>ls -ld PATH: exists when it succeeded and shows a regular file; executable when
    /// the owner's execute bit is set (scripts run as root).</summary>
    public static FileFact ParseLs(string path, NodeResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var line = result.Stdout.Split('\n').FirstOrDefault(l => l.Length >= 10) ?? "";
        var exists = result.ExitCode == 0 && line.StartsWith('-');
        return new FileFact(path, exists, exists && line[3] is 'x' or 's');
    }

    /// <summary>lslpp -L FILESET: the level on the fileset's first line.</summary>
    public static string? ParseLevel(string text, string fileset)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var line in text.Split('\n'))
        {
            var words = line.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (words.Length >= 2 && words[0] == fileset && char.IsAsciiDigit(words[1][0]))
            {
                return words[1];
            }
        }
        return null;
    }
}
