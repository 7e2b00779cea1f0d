using System.Globalization;
using System.Text;
using ClAdmin.Cluster.Odm;
using ClAdmin.Cluster;
using ClAdmin.Contracts;
using ClAdmin.Exec.Discovery;
using ClAdmin.Exec.Dispatch;
using ClAdmin.Exec.Services;
using ClAdmin.Exec.Snapshots;
using ClAdmin.Exec.Sync;
using ClAdmin.Exec.Verification;
using ClAdmin.Store;

namespace ClAdmin.Exec.Clmgr;

/// <summary>
/// clmgr, the PowerHA configuration command, over the object repository:
/// <c>clmgr [-c | -d DELIM] [-v] [-a ATTR,...] ACTION CLASS [NAME] [ATTR=VALUE ...]</c> (the name may come
/// anywhere after the class). add, modify and delete edit the default configuration (DCD) in one
/// transaction and change nothing when a value or rule is wrong (each value is checked against its
/// attribute's kind first, <see cref="ClmgrValues"/>); query prints ATTR="value" lines with every
/// value escaped (<see cref="QuotedText"/>), so that no stored value can forge a line or an attribute.
/// <c>verify cluster</c> runs clverify over the nodes (<see cref="Verification"/>); <c>sync cluster</c>
/// verifies and synchronizes (<see cref="Sync"/>).
/// </summary>
/// <remarks>With <paramref name="discover"/> (discovery on the given nodes), a successful <c>add cluster</c>
/// or <c>add node</c> discovers the cluster's nodes as HACMP's standard path does; a discovery that
/// fails on a node is a warning: the cluster or node stays defined.</remarks>
public sealed class ClmgrHandler(Func<ObjectRepository> openRepository, SnapshotRepository snapshots,
    Func<IReadOnlyList<string>, CancellationToken, Task<CommandResult>>? discover = null) : ICommandHandler
{
    private static readonly (string Action, string[] Aliases)[] Actions =
    [
        ("add", ["a", "create", "make", "mk"]),
        ("query", ["q", "ls", "list", "get", "show"]),
        ("modify", ["mod", "ch", "change", "set"]),
        ("delete", ["de", "rm", "remove", "erase"]),
        ("manage", ["mg"]),
        ("verify", ["ve"]),
        ("sync", ["sy"]),
    ];

    public IReadOnlyCollection<string> Names { get; } = ["clmgr"];

    /// <summary>Verifies and synchronizes the cluster after <c>clmgr manage snapshot restore</c> replaced the DCD
    /// (<c>clmgr sync cluster</c>); null: restore only replaces the DCD.</summary>
    public Func<CancellationToken, Task<CommandResult>>? VerifyAndSynchronize { get; init; }

    private SnapshotService SnapshotService => new(openRepository, snapshots, VerifyAndSynchronize);

    /// <summary>Runs <c>clmgr verify cluster</c> (clverify over the nodes); without it, verify is refused.</summary>
    public ClusterVerification? Verification { get; init; }

    /// <summary>Starts and stops cluster services for <c>clmgr online|offline cluster|node</c> (<see cref="ClmgrServices"/>); without it they are refused.</summary>
    public IClusterServices? Services { get; init; }

    /// <summary>Runs <c>clmgr sync cluster</c> (verification, then synchronization); without it, sync is refused.</summary>
    public ClusterSync? Sync { get; init; }

    public async Task<CommandResult> RunAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        cancellationToken.ThrowIfCancellationRequested();
        if (IsVerifyCluster(invocation.Arguments))
        {
            return await VerifyAsync(invocation, cancellationToken).ConfigureAwait(false);
        }
        if (ClmgrServices.Matches(invocation.Arguments))
        {
            // Starting verifies the active configuration first, as the Start Cluster Services dialog does.
            return await ClmgrServices.RunAsync(Services, invocation.Arguments, cancellationToken, Services is null ? null : request =>
                ServicesHandler.StartVerifiedAsync(Services, request, Verification, invocation.Prompt, cancellationToken)).ConfigureAwait(false);
        }
        if (SyncClusterAttributes(invocation.Arguments) is { } syncWords)
        {
            return await SyncAsync(syncWords, invocation, cancellationToken).ConfigureAwait(false);
        }
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        int rc;
        var addsNodes = false;
        string? applySnapshot = null;
        try
        {
            rc = Run(invocation.Arguments, stdout, stderr, ref addsNodes, ref applySnapshot);
            if (rc == ClmgrRc.Success && addsNodes && discover is not null)
            {
                await Discover(stdout, stderr, cancellationToken).ConfigureAwait(false);
            }
            if (rc == ClmgrRc.Success && applySnapshot is not null)
            {
                var applied = await SnapshotService.ApplyAsync(applySnapshot, force: false, cancellationToken).ConfigureAwait(false);
                stdout.Append(applied.Stdout);
                stderr.Append(applied.Stderr);
                rc = applied.ExitCode;
            }
        }
        catch (ClmgrException e)
        {
            stderr.Append("ERROR: ").Append(e.Message).Append('\n');
            rc = e.ReturnCode;
        }
        catch (StoreException e)
        {
            stderr.Append("ERROR: ").Append(e.Message).Append('\n');
            rc = ClmgrRc.Error;
        }
        return CommandResult.Local(rc, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Discovery on every node of the cluster now defined; its report follows clmgr's output.</summary>
    private async Task Discover(StringBuilder stdout, StringBuilder stderr, CancellationToken cancellationToken)
    {
        List<string> nodes;
        using (var repo = openRepository())
        {
            nodes = [.. repo.LoadConfiguration(ConfigDirectory.Default).Nodes.Select(n => n.Name)];
        }
        if (nodes.Count == 0)
        {
            return;
        }
        var result = await discover!(nodes, cancellationToken).ConfigureAwait(false);
        stdout.Append(result.Stdout);
        stderr.Append(result.Stderr);
        if (result.ExitCode != 0)
        {
            stderr.Append("WARNING: discovery did not complete on every node; run clrsh_discover again once they can be reached.\n");
        }
        DefineIpTopology(stdout, stderr);
    }

    /// <summary>The standard path's networks and boot interfaces from what discovery found
    /// (<see cref="DiscoveredObjects.WithIpTopology"/>), in one change; a rule it would break is a warning.</summary>
    private void DefineIpTopology(StringBuilder stdout, StringBuilder stderr)
    {
        using var repo = openRepository();
        var discovery = repo.LoadDiscovery();
        IReadOnlyList<(string Node, DiscoveredInterface Interface)> unlabelled = [];
        ClusterConfiguration? before = null, after = null;
        var refused = new StringBuilder();
        if (Change(repo, c =>
            {
                (after, unlabelled) = DiscoveredObjects.WithIpTopology(before = c, discovery);
                return after;
            }, refused) != ClmgrRc.Success)
        {
            stderr.Append(refused.ToString().Replace("ERROR: ", "WARNING: ", StringComparison.Ordinal))
                .Append("WARNING: the discovered networks and interfaces were not added.\n");
            return;
        }
        stderr.Append(refused);
        foreach (var (node, nic) in unlabelled)
        {
            stderr.Append(string.Format(CultureInfo.InvariantCulture, DiscoveryText.Unlabelled, node, nic.Device, nic.Address));
        }
        if (before is null || after is null || after.Interfaces.Count == before.Interfaces.Count)
        {
            return;
        }
        stdout.Append(DiscoveryText.TopologyStart);
        foreach (var n in after.Networks.Skip(before.Networks.Count))
        {
            stdout.Append(string.Format(CultureInfo.InvariantCulture, DiscoveryText.NetworkAdded, n.Name, n.Netmask));
        }
        foreach (var i in after.Interfaces.Skip(before.Interfaces.Count))
        {
            stdout.Append(string.Format(CultureInfo.InvariantCulture, DiscoveryText.InterfaceAdded, i.Label, i.Node, i.Device, i.Address, i.Network));
        }
    }

    private sealed record Options(bool Verbose, string? Delimiter, IReadOnlyList<string>? Attributes);

    private int Run(IReadOnlyList<string> args, StringBuilder stdout, StringBuilder stderr, ref bool addsNodes, ref string? applySnapshot)
    {
        var i = 0;
        var verbose = false;
        string? delimiter = null;
        IReadOnlyList<string>? only = null;
        for (; i < args.Count && args[i].StartsWith('-') && args[i].Length > 1; i++)
        {
            switch (args[i])
            {
                case "-v": verbose = true; break;
                case "-c": delimiter = ":"; break;
                case "-d": delimiter = Next(args, ref i, "-d") is { Length: > 0 } d ? d : throw new ClmgrException(ClmgrRc.MissingInput, "the \"-d\" flag needs a value."); break;
                case "-a": only = ClmgrAttributes.Split(Next(args, ref i, "-a")); break;
                case "-T" or "-l": Next(args, ref i, args[i]); break;
                case "-S" or "-x" or "-f" or "-D": break;
                default: throw new ClmgrException(ClmgrRc.IncorrectInput, $"invalid option \"{QuotedText.Escape(args[i])}\".");
            }
        }
        if (i >= args.Count)
        {
            throw new ClmgrException(ClmgrRc.MissingInput, "an action is required (add, query, modify, delete, manage).\nUsage: clmgr [-c | -d Delimiter] [-a Attribute,...] Action Class [Name] [Attribute=Value ...]");
        }
        var actionWord = args[i++];
        var action = Actions.FirstOrDefault(a => a.Action.Equals(actionWord, StringComparison.OrdinalIgnoreCase) || a.Aliases.Contains(actionWord, StringComparer.OrdinalIgnoreCase)).Action
            ?? throw new ClmgrException(ClmgrRc.IncorrectInput, $"\"{QuotedText.Escape(actionWord)}\" is not a valid action. Valid actions are: {string.Join(", ", Actions.Select(a => a.Action))}");
        if (i >= args.Count)
        {
            throw new ClmgrException(ClmgrRc.MissingInput, $"a class is required after \"{action}\".");
        }
        var classWord = args[i++];
        string? subAction = null;
        if (action == "manage" && i < args.Count && !args[i].Contains('=', StringComparison.Ordinal))
        {
            subAction = args[i++];
        }
        var (name, attributes) = SplitRest(args.Skip(i));
        var options = new Options(verbose, delimiter, only);

        if (classWord.Equals("snapshot", StringComparison.OrdinalIgnoreCase) || classWord.Equals("sn", StringComparison.OrdinalIgnoreCase))
        {
            return Snapshot(action, subAction, name, attributes, options, stdout, ref applySnapshot);
        }
        var cls = ClmgrClasses.Find(classWord)
            ?? throw new ClmgrException(ClmgrRc.IncorrectInput, $"\"{QuotedText.Escape(classWord)}\" is not a valid class. Valid classes are: {string.Join(", ", ClmgrClasses.All.Select(c => c.Name).Append("snapshot"))}");
        addsNodes = action == "add" && cls.Name is "cluster" or "node";
        using var repo = openRepository();
        switch (action)
        {
            case "query":
                var objects = cls.Query(WithDiscovery(repo, cls.Name, attributes)).ToList();
                if (cls.Name == "event" && attributes["TYPE"] is { Length: > 0 } type)
                {
                    // clmgr query event TYPE=PREDEFINED|CUSTOM: the events of that type only (the dialogs' pick lists).
                    objects = [.. objects.Where(x => x.Attributes.Any(a => a.Attr == "TYPE" && a.Value.Equals(type, StringComparison.OrdinalIgnoreCase)))];
                }
                return Query(objects, name, options, stdout, cls.EmptyHeader);
            case "add":
            case "modify":
            case "delete":
                if (action != "delete")
                {
                    ClmgrValues.Check(cls.Name, action == "add" ? name : null, attributes);
                }
                if (cls.Name == "interface" && action != "delete")
                {
                    attributes = DevicePath(name, attributes, repo.LoadConfiguration(ConfigDirectory.Default));
                }
                var discovery = cls.Name is "interface" or "service_ip" or "persistent_ip" or "resource_group" ? repo.LoadDiscovery() : [];
                if (action == "add" && name is not null)
                {
                    attributes = Resolve(cls.Name, name, attributes, discovery, repo.LoadConfiguration(ConfigDirectory.Default).Nodes.Select(n => n.Name).ToList());
                }
                return Change(repo, c => DiscoveredObjects.WithGroupVolumeGroups(action switch
                {
                    "add" => cls.Add(c, name, attributes),
                    "modify" => cls.Modify(c, name, attributes),
                    _ => cls.Delete(c, name, attributes),
                }, discovery), stderr);
            default:
                throw new ClmgrException(ClmgrRc.IncorrectInput, $"the \"{action}\" action is not available for the \"{cls.Name}\" class.");
        }
    }

    /// <summary>clmgr [options] verify cluster: the action and class words, whatever the options before them.</summary>
    private static bool IsVerifyCluster(IReadOnlyList<string> args)
    {
        var i = 0;
        while (i < args.Count && args[i].StartsWith('-') && args[i].Length > 1)
        {
            i += args[i] is "-d" or "-a" or "-T" or "-l" ? 2 : 1;
        }
        return i + 1 < args.Count
            && (args[i].Equals("verify", StringComparison.OrdinalIgnoreCase) || args[i].Equals("ve", StringComparison.OrdinalIgnoreCase))
            && ClmgrClasses.Find(args[i + 1])?.Name == "cluster";
    }

    /// <summary>clmgr [options] sync cluster [ATTR=value ...]: the words after the class; null for any other line.</summary>
    private static IReadOnlyList<string>? SyncClusterAttributes(IReadOnlyList<string> args)
    {
        var i = 0;
        while (i < args.Count && args[i].StartsWith('-') && args[i].Length > 1)
        {
            i += args[i] is "-d" or "-a" or "-T" or "-l" ? 2 : 1;
        }
        return i + 1 < args.Count
            && (args[i].Equals("sync", StringComparison.OrdinalIgnoreCase) || args[i].Equals("sy", StringComparison.OrdinalIgnoreCase))
            && ClmgrClasses.Find(args[i + 1])?.Name == "cluster"
            ? [.. args.Skip(i + 2)] : null;
    }

    /// <summary>
    /// clmgr sync cluster [VERIFY=yes|no] [FIX=no|yes|interactively] [FORCE=no|yes] [CHANGES_ONLY=no|yes]
    /// [DEFAULT_TESTS=yes|no] [LOGGING=standard|verbose] (powerha-menus.md §4.16, §5): verification, then
    /// synchronization, by the code cldare runs; rc 1 when either failed.
    /// </summary>
    private async Task<CommandResult> SyncAsync(IReadOnlyList<string> words, CommandInvocation invocation, CancellationToken cancellationToken)
    {
        if (Sync is null)
        {
            return CommandResult.Local(ClmgrRc.Error, "", "ERROR: synchronization cannot reach the cluster nodes from here.\n");
        }
        SyncRequest request;
        try
        {
            var (name, a) = SplitRest(words);
            if (name is not null)
            {
                throw new ClmgrException(ClmgrRc.IncorrectInput, $"unexpected argument \"{QuotedText.Escape(name)}\" (sync cluster takes ATTR=value pairs only).");
            }
            a.Only("cluster", ["VERIFY", "FIX", "FORCE", "CHANGES_ONLY", "DEFAULT_TESTS", "LOGGING"]);
            a.Bool("CHANGES_ONLY", false);
            a.Bool("DEFAULT_TESTS", true);
            a.Choice("LOGGING", "standard", "standard", "verbose");
            request = new SyncRequest
            {
                Mode = a.Bool("VERIFY", true) ? SyncMode.Both : SyncMode.Synchronize,
                Force = a.Bool("FORCE", false),
                AutoCorrect = a.Choice("FIX", "no", "no", "yes", "interactively") switch
                {
                    "yes" => AutoCorrect.Yes,
                    "interactively" => AutoCorrect.Interactively,
                    _ => AutoCorrect.No,
                },
                OnNodeResult = invocation.OnNodeResult,
                Prompt = invocation.Prompt,
            };
        }
        catch (ClmgrException e)
        {
            return CommandResult.Local(e.ReturnCode, "", "ERROR: " + e.Message + "\n");
        }
        var result = await Sync.RunAsync(request, cancellationToken).ConfigureAwait(false);
        var rc = result.Status switch
        {
            SyncStatus.Ok => ClmgrRc.Success,
            SyncStatus.NotConfigured => ClmgrRc.MissingDependency,
            _ => ClmgrRc.Error,
        };
        return CommandResult.Local(rc, result.Stdout, result.Stderr);
    }

    /// <summary>clmgr verify cluster [FIX=no|yes|interactively]: the clverify layout; rc 1 when
    /// verification found an error (after the corrections FIX= asked for).</summary>
    private async Task<CommandResult> VerifyAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        if (Verification is null)
        {
            return CommandResult.Local(ClmgrRc.Error, "", "ERROR: verification cannot reach the cluster nodes from here.\n");
        }
        var correct = AutoCorrect.No;
        foreach (var word in invocation.Arguments.SkipWhile(a => !a.Equals("verify", StringComparison.OrdinalIgnoreCase) && !a.Equals("ve", StringComparison.OrdinalIgnoreCase)).Skip(2))
        {
            var eq = word.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || !word[..eq].Equals("FIX", StringComparison.OrdinalIgnoreCase))
            {
                return CommandResult.Local(ClmgrRc.IncorrectInput, "",
                    $"ERROR: \"{QuotedText.Escape(word)}\" is not a valid attribute of \"verify cluster\". Valid attributes are: FIX (no, yes, interactively).\n");
            }
            var value = word[(eq + 1)..];
            AutoCorrect? parsed = value.ToUpperInvariant() switch
            {
                "NO" or "N" or "FALSE" => AutoCorrect.No,
                "YES" or "Y" or "TRUE" => AutoCorrect.Yes,
                "INTERACTIVELY" or "INTERACTIVE" or "I" => AutoCorrect.Interactively,
                _ => null,
            };
            if (parsed is null)
            {
                return CommandResult.Local(ClmgrRc.IncorrectInput, "",
                    $"ERROR: \"{QuotedText.Escape(value)}\" is not a valid value for FIX. Valid values are: no, yes, interactively.\n");
            }
            correct = parsed.Value;
        }
        ClusterConfiguration configuration;
        try
        {
            using var repo = openRepository();
            configuration = repo.LoadConfiguration(ConfigDirectory.Default);
        }
        catch (StoreException e)
        {
            return CommandResult.Local(ClmgrRc.Error, "", "ERROR: " + e.Message + "\n");
        }
        if (configuration.Nodes.Count == 0)
        {
            return CommandResult.Local(ClmgrRc.MissingDependency, "", "ERROR: no cluster nodes are defined; add the cluster and its nodes first.\n");
        }
        var run = await Verification.RunAsync(configuration, correct, invocation.Prompt, cancellationToken).ConfigureAwait(false);
        return CommandResult.Local(run.Errors > 0 ? ClmgrRc.Error : ClmgrRc.Success, run.Stdout, run.Stderr);
    }

    /// <summary>
    /// An IP label added without ADDRESS= gets the address it has in the discovered /etc/hosts: of
    /// its NODE (interface, persistent_ip), of every cluster node (service_ip: it must resolve on each
    /// node that can host it, to the same address). A label missing there is refused, naming the label
    /// and the nodes whose /etc/hosts lacks it; one with two addresses is refused naming both. Nodes
    /// never discovered are not searched; when none of them was, the label is kept unresolved. A
    /// communication device (a non-IP network's /dev path) is not an IP label and is not resolved.
    /// </summary>
    private static ClmgrAttributes Resolve(string className, string label, ClmgrAttributes attributes, IReadOnlyList<NodeDiscovery> discovery,
        IReadOnlyList<string> clusterNodes)
    {
        if (className is not ("interface" or "service_ip" or "persistent_ip") || attributes["ADDRESS"] is { Length: > 0 }
            || System.Net.IPAddress.TryParse(label, out _)
            || (attributes["INTERFACE"] ?? attributes["DEVICE"]) is { } device && device.StartsWith("/dev/", StringComparison.Ordinal))
        {
            // A device on a non-IP network (/dev/hdisk2, /dev/tty0) has no IP label to resolve (semantics §7.1).
            return attributes;
        }
        var node = className == "service_ip" ? null : attributes["NODE"];
        var searched = discovery.Where(d => node is null ? clusterNodes.Count == 0 || clusterNodes.Contains(d.Node) : d.Node == node).ToList();
        if (searched.Count == 0)
        {
            return attributes;
        }
        var found = searched.Select(d => (d.Node, Address: DiscoveredObjects.Resolve(label, [d]))).ToList();
        if (found.Where(f => f.Address is null).Select(f => f.Node).ToList() is { Count: > 0 } missing)
        {
            throw new ClmgrException(ClmgrRc.NotFound,
                $"the IP label \"{QuotedText.Escape(label)}\" cannot be resolved: it is not in /etc/hosts on {string.Join(", ", missing)}. Add it there (and discover again), or give its ADDRESS.");
        }
        if (found.Select(f => f.Address).Distinct(StringComparer.Ordinal).Count() > 1)
        {
            throw new ClmgrException(ClmgrRc.IncorrectInput,
                $"the IP label \"{QuotedText.Escape(label)}\" has different addresses in /etc/hosts: {string.Join(", ", found.Select(f => $"{f.Address} on {f.Node}"))}.");
        }
        return new ClmgrAttributes(attributes.Names.Select(n => KeyValuePair.Create(n, attributes[n]!)).Append(KeyValuePair.Create("ADDRESS", found[0].Address!)));
    }

    /// <summary>clmgr's attribute for an interface's device is INTERFACE= (powerha-menus.md §4.8); DEVICE= is
    /// taken as its synonym, so that it also changes the device of an interface that has one. A device on a
    /// non-IP network (diskhb, rs232, ...) given by its name, as the Add a Communication Device dialog's lsdev
    /// list picks it (hdisk1, tty0), is its device path /dev/hdisk1 (semantics §7.1).</summary>
    private static ClmgrAttributes DevicePath(string? label, ClmgrAttributes attributes, ClusterConfiguration config)
    {
        var device = attributes["INTERFACE"] is { Length: > 0 } i ? i : attributes["DEVICE"];
        if (device is null)
        {
            return attributes;
        }
        var network = attributes["NETWORK"] ?? config.Interfaces.FirstOrDefault(x => x.Label == label)?.Network;
        if (device.Length > 0 && !device.Contains('/', StringComparison.Ordinal) && config.Networks.FirstOrDefault(n => n.Name == network) is { IsIp: false })
        {
            device = "/dev/" + device;
        }
        return new ClmgrAttributes(attributes.Names
            .Where(n => !n.Equals("INTERFACE", StringComparison.OrdinalIgnoreCase) && !n.Equals("DEVICE", StringComparison.OrdinalIgnoreCase))
            .Select(n => KeyValuePair.Create(n, attributes[n]!)).Append(KeyValuePair.Create("INTERFACE", device)));
    }

    /// <summary>The configuration a query reads: volume groups include the shared ones discovery found
    /// (the "Volume Groups" pick lists), and <c>query interface DISCOVERED=true</c> lists the
    /// discovered interfaces not yet configured instead of the configured ones.</summary>
    private static ClusterConfiguration WithDiscovery(ObjectRepository repo, string className, ClmgrAttributes attributes)
    {
        var config = repo.LoadConfiguration(ConfigDirectory.Default);
        return className switch
        {
            "volume_group" => DiscoveredObjects.WithVolumeGroups(config, repo.LoadDiscovery()),
            "interface" when attributes.Bool("DISCOVERED", false) =>
                config with { Interfaces = DiscoveredObjects.UnconfiguredInterfaces(config, repo.LoadDiscovery()) },
            _ => config,
        };
    }

    private static string Next(IReadOnlyList<string> args, ref int i, string flag) =>
        ++i < args.Count ? args[i] : throw new ClmgrException(ClmgrRc.MissingInput, $"the \"{flag}\" flag needs a value.");

    private static (string? Name, ClmgrAttributes Attributes) SplitRest(IEnumerable<string> words)
    {
        string? name = null;
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var w in words)
        {
            var eq = w.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && w[..eq].All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_'))
            {
                if (pairs.Any(p => p.Key.Equals(w[..eq], StringComparison.OrdinalIgnoreCase)))
                {
                    throw new ClmgrException(ClmgrRc.IncorrectInput, $"the \"{w[..eq].ToUpperInvariant()}\" attribute is given more than once.");
                }
                pairs.Add(new(w[..eq], w[(eq + 1)..]));
            }
            else if (name is null)
            {
                name = w;
            }
            else
            {
                throw new ClmgrException(ClmgrRc.IncorrectInput, $"unexpected argument \"{QuotedText.Escape(w)}\" (the object name is \"{QuotedText.Escape(name)}\"; attributes are ATTR=value).");
            }
        }
        return (name, new ClmgrAttributes(pairs));
    }

    /// <summary>Applies one change in one transaction; writes only when it breaks no rule that held before.</summary>
    private static int Change(ObjectRepository repo, Func<ClusterConfiguration, ClusterConfiguration> change, StringBuilder stderr) =>
        repo.Update(ConfigDirectory.Default, before =>
        {
            var after = change(before);
            var old = Rules.Validate(before).Select(v => v.Message).ToHashSet();
            var found = Rules.Validate(after);
            var errors = found.Where(v => !v.IsWarning && !old.Contains(v.Message)).ToList();
            if (errors.Count > 0)
            {
                foreach (var e in errors)
                {
                    stderr.Append("ERROR: ").Append(e.Message).Append('\n');
                }
                return ((ClusterConfiguration?)null, errors.Any(e => e.RuleId == "R-REF") ? ClmgrRc.MissingDependency : ClmgrRc.IncorrectInput);
            }
            foreach (var w in found.Where(v => v.IsWarning && !old.Contains(v.Message)))
            {
                stderr.Append("WARNING: ").Append(w.Message).Append('\n');
            }
            return (after, ClmgrRc.Success);
        });

    /// <summary>query: names only; with a name or -v, ATTR="value" blocks; -a limits attributes; -c/-d rows.</summary>
    private static int Query(List<(string Name, IReadOnlyList<(string Attr, string Value)> Attributes)> objects, string? name, Options o, StringBuilder stdout,
        IReadOnlyList<string>? emptyHeader = null)
    {
        if (name is not null)
        {
            var names = ClmgrAttributes.Split(name);
            foreach (var n in names.Where(n => objects.All(x => x.Name != n)))
            {
                throw new ClmgrException(ClmgrRc.NotFound, $"\"{QuotedText.Escape(n)}\" does not appear to exist!");
            }
            objects = [.. objects.Where(x => names.Contains(x.Name))];
        }
        else if (!o.Verbose && o.Attributes is null && o.Delimiter is null)
        {
            foreach (var x in objects)
            {
                stdout.Append(QuotedText.Escape(x.Name, quotes: false)).Append('\n');
            }
            return ClmgrRc.Success;
        }
        IReadOnlyList<(string Attr, string Value)> Pick(IReadOnlyList<(string Attr, string Value)> attrs) =>
            o.Attributes is null ? attrs : [.. o.Attributes.Select(a => attrs.FirstOrDefault(x => x.Attr.Equals(a, StringComparison.OrdinalIgnoreCase)) is { Attr: not null } hit
                ? hit : throw new ClmgrException(ClmgrRc.IncorrectInput, $"\"{QuotedText.Escape(a.ToUpperInvariant())}\" is not a valid attribute to display."))];
        if (o.Delimiter is { } d)
        {
            if (objects.Count > 0)
            {
                stdout.Append('#').Append(string.Join(d, Pick(objects[0].Attributes).Select(a => a.Attr))).Append('\n');
            }
            else if (emptyHeader is { Count: > 0 } && name is null)
            {
                stdout.Append('#').Append(string.Join(d, Pick([.. emptyHeader.Select(h => (h, ""))]).Select(a => a.Attr))).Append('\n');
            }
            foreach (var x in objects)
            {
                stdout.Append(string.Join(d, Pick(x.Attributes).Select(a => Cell(a.Value, d)))).Append('\n');
            }
            return ClmgrRc.Success;
        }
        for (var k = 0; k < objects.Count; k++)
        {
            if (k > 0)
            {
                stdout.Append('\n');
            }
            foreach (var (attr, value) in Pick(objects[k].Attributes))
            {
                stdout.Append(attr).Append("=\"").Append(QuotedText.Escape(value)).Append("\"\n");
            }
        }
        return ClmgrRc.Success;
    }

    /// <summary>A value in the -c / -d form: escaped, and the delimiter inside it written as SMIT writes a
    /// colon inside a value (#!:, ColonFormat), so that it stays one column of one line.</summary>
    private static string Cell(string value, string delimiter) =>
        QuotedText.Escape(value, quotes: false).Replace(delimiter, "#!" + delimiter, StringComparison.Ordinal);

    private int Snapshot(string action, string? sub, string? name, ClmgrAttributes a, Options o, StringBuilder stdout, ref string? apply)
    {
        IReadOnlyList<(string, string)> Describe(SnapshotInfo s) => [("NAME", s.Name), ("DESCRIPTION", s.Description), ("FILE", s.OdmFile), ("INFO_FILE", s.InfoFile)];
        var service = SnapshotService;
        switch (action)
        {
            case "query":
                return Query([.. service.List().Select(s => (s.Name, Describe(s)))], name, o, stdout);
            case "add":
            {
                a.Only("snapshot", ["DESCRIPTION", "METHODS", "SAVE_LOGS"]);
                ClmgrValues.Check("snapshot", null, a);
                stdout.Append(service.Create(SnapshotService.RequireName(name), a.Get("DESCRIPTION", "")));
                return ClmgrRc.Success;
            }
            case "delete":
                service.Remove(SnapshotService.RequireName(name));
                return ClmgrRc.Success;
            case "modify":
            {
                a.Only("snapshot", ["NAME", "DESCRIPTION"]);
                ClmgrValues.Check("snapshot", null, a);
                service.Modify(SnapshotService.RequireName(name), a["NAME"] is { Length: > 0 } nn ? nn : null, a["DESCRIPTION"]);
                return ClmgrRc.Success;
            }
            case "manage" when sub is not null && sub.Equals("restore", StringComparison.OrdinalIgnoreCase):
            {
                a.Only("snapshot", []);
                var n = SnapshotService.RequireName(name);
                service.MustExist(n);
                apply = n; // applied (verify and synchronize) once the command line is read
                return ClmgrRc.Success;
            }
            default:
                throw new ClmgrException(ClmgrRc.IncorrectInput, $"the \"{action}{(sub is null ? "" : " " + sub)}\" action is not available for the \"snapshot\" class (manage snapshot restore NAME restores one).");
        }
    }
}
