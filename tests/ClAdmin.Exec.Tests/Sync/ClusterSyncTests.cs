using ClAdmin.Cluster.Odm;
using ClAdmin.Contracts;
using ClAdmin.Exec.Clmgr;
using ClAdmin.Exec.Dispatch;
using ClAdmin.Exec.FanOut;
using ClAdmin.Exec.Snapshots;
using ClAdmin.Exec.Sync;
using ClAdmin.Exec.Tests.Cspoc;
using ClAdmin.Exec.Verification;
using ClAdmin.Sim;
using ClAdmin.Sim.Faults;
using ClAdmin.Sim.Model;
using ClAdmin.Store;
using Microsoft.Data.Sqlite;

namespace ClAdmin.Exec.Tests.Sync;

/// <summary>
/// Verification and synchronization (semantics §9.4) through the real dispatcher, fan-out engine
/// and SQLite repository, on simulated demo nodes (WorldBuilder --demo: node1, node2): the bundle
/// staged on every node, then renamed; a node down or failing leaves nothing active anywhere.
/// </summary>
public sealed class ClusterSyncTests : IDisposable
{
    private const string Bundle = "/usr/es/sbin/cluster/etc/objrepos/active/cluster.odm";
    private readonly string _dir = Directory.CreateTempSubdirectory("cladmin-sync-").FullName;
    private readonly SimWorld _world = WorldBuilder.Build(new WorldOptions(Nodes: 2, Disks: 3, Seed: 5, Demo: true));
    private readonly FailingRename _transport;
    private readonly SnapshotRepository _snapshots;
    private readonly Dispatcher _dispatcher;

    public ClusterSyncTests()
    {
        _transport = new FailingRename(new SimWorldTransport(_world));
        var engine = new FanOutEngine(_transport, new MemoryCommandLog());
        _snapshots = new SnapshotRepository(Path.Combine(_dir, "snapshots"));
        var verification = new ClusterVerification(new FactsCollector(engine), Path.Combine(_dir, "clverify.log"), () => "node1");
        var sync = new ClusterSync(Open, engine, _snapshots, verification, () => "node1");
        _dispatcher = new Dispatcher(
            [new ClmgrHandler(Open, _snapshots) { Verification = verification, Sync = sync }, new CldareHandler(sync), new ClsnapshotHandler(new SnapshotService(Open, _snapshots, _ => throw new InvalidOperationException("no apply here")), () =>
            {
                var r = sync.RestoreFromActive();
                return CommandResult.Local(r.Status == SyncStatus.Ok ? 0 : 1, r.Stdout, r.Stderr);
            })],
            engine, new DispatcherOptions { LocalNode = "node1" });
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private ObjectRepository Open() => ObjectRepository.Open(Path.Combine(_dir, "cladmin.db"));

    private Task<CommandResult> Run(string line) => _dispatcher.RunAsync(new CommandRequest(line, ""), CancellationToken.None);

    private async Task Ok(string line)
    {
        var r = await Run(line);
        Assert.True(r.ExitCode == 0, $"{line}: rc {r.ExitCode}\n{r.Stdout}{r.Stderr}");
    }

    private string Stanzas(ConfigDirectory directory)
    {
        using var repo = Open();
        return OdmStanza.Format(repo.GetObjects(directory));
    }

    /// <summary>Messages wrapped at 80 columns, as one line.</summary>
    private static string Flat(string text) => text.Replace('\n', ' ');

    private string? File(string node, string path) => _world.FindNode(node)!.Files.TryGetValue(path, out var f) ? f.Content : null;

    /// <summary>The stanzas a bundle on a node holds.</summary>
    private string BundleStanzas(string node)
    {
        var (_, objects, errors) = SnapshotRepository.ParseOdm(File(node, Bundle) ?? throw new InvalidOperationException($"no bundle on {node}"));
        Assert.Empty(errors);
        return OdmStanza.Format(objects);
    }

    /// <summary>A cluster of the two nodes and a first synchronization (verification skipped: -m sync).</summary>
    private async Task<string> Synchronized()
    {
        await Ok("clmgr add cluster NODES=node1,node2 c1");
        await Ok("cldare -rt -m sync");
        return Stanzas(ConfigDirectory.Active);
    }

    [Fact]
    public async Task Sync_puts_the_bundle_on_every_node_and_makes_the_default_configuration_active()
    {
        await Ok("clmgr add cluster NODES=node1,node2 c1");
        Assert.Equal("", Stanzas(ConfigDirectory.Active));

        var r = await Run("cldare -rt -m sync");

        Assert.True(r.ExitCode == 0, r.Stdout + r.Stderr);
        Assert.Equal(
            "Committing any changes, as required, to all available nodes...\n" +
            "Adding any necessary HACMP for AIX entries to /etc/inittab and /etc/rc.net for IP Address Takeover on node node1.\n" +
            "Adding any necessary HACMP for AIX entries to /etc/inittab and /etc/rc.net for IP Address Takeover on node node2.\n" +
            "\nVerification has completed normally.\n", r.Stdout);
        var dcd = Stanzas(ConfigDirectory.Default);
        Assert.Contains("HACMPcluster:", dcd, StringComparison.Ordinal);
        Assert.Equal(dcd, Stanzas(ConfigDirectory.Active));
        foreach (var node in new[] { "node1", "node2" })
        {
            Assert.StartsWith("<VER\n1.0\n</VER\n\n<DSC\nActive configuration of cluster c1, synchronized from node node1 on ", File(node, Bundle), StringComparison.Ordinal);
            Assert.Equal(dcd, BundleStanzas(node));
            Assert.Null(File(node, Bundle + ".stage"));
            Assert.Null(File(node, Bundle + ".prev"));
        }
    }

    [Fact]
    public async Task A_node_down_fails_the_sync_with_the_node_named_and_nothing_is_made_active()
    {
        var before = await Synchronized();
        var bundleBefore = File("node1", Bundle);
        await Ok("clmgr add network TYPE=ether NETMASK=255.255.255.0 net_ether_01");
        Assert.True(SimFaults.Fail(_world, "node", "node2").Ok);

        // Verification cannot reach node2: its error blocks the synchronization.
        var blocked = await Run("clmgr sync cluster");
        Assert.Equal(1, blocked.ExitCode);
        Assert.Contains("ERROR: Node node2 could not be reached", blocked.Stderr, StringComparison.Ordinal);
        Assert.EndsWith("ERROR: Synchronization was not performed because verification found errors. Correct them and synchronize again, or force the synchronization. ", Flat(blocked.Stderr), StringComparison.Ordinal);
        Assert.DoesNotContain("Committing", blocked.Stdout, StringComparison.Ordinal);

        // Forced past verification, the copy to node2 fails: named, and node1's copy is removed, not made active.
        var forced = await Run("clmgr sync cluster FORCE=yes");
        Assert.Equal(1, forced.ExitCode);
        Assert.Contains("ERROR: The configuration could not be copied to node node2: unreachable\n", forced.Stderr, StringComparison.Ordinal);
        Assert.Contains("The configuration was copied to node node1; it was not made active there, and the copy was removed.\n", forced.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("Nothing was made active on any node.\ncldare: Error detected during synchronization.\n", forced.Stderr, StringComparison.Ordinal);

        Assert.Equal(before, Stanzas(ConfigDirectory.Active));
        Assert.DoesNotContain("net_ether_01", before, StringComparison.Ordinal);
        Assert.Equal(bundleBefore, File("node1", Bundle));
        Assert.Null(File("node1", Bundle + ".stage"));
        Assert.Null(File("node1", Bundle + ".prev"));
        Assert.False(_snapshots.Exists("active.0"));
    }

    [Fact]
    public async Task A_second_sync_keeps_the_previous_bundle_on_each_node_and_the_previous_active_configuration_as_active_0()
    {
        var first = await Synchronized();
        var firstBundle = File("node2", Bundle);
        await Ok("clmgr add network TYPE=ether NETMASK=255.255.255.0 net_ether_01");

        await Ok("cldare -rt -m sync");

        Assert.Contains("net_ether_01", Stanzas(ConfigDirectory.Active), StringComparison.Ordinal);
        Assert.Equal(firstBundle, File("node2", Bundle + ".prev"));
        Assert.Contains("net_ether_01", BundleStanzas("node2"), StringComparison.Ordinal);
        var (_, objects, _) = SnapshotRepository.ParseOdm(System.IO.File.ReadAllText(_snapshots.OdmPath("active.0")));
        Assert.Equal(first, OdmStanza.Format(objects));

        await Ok("cldare -rt -m sync");
        Assert.True(_snapshots.Exists("active.1"));
        Assert.Equal(first, OdmStanza.Format(SnapshotRepository.ParseOdm(System.IO.File.ReadAllText(_snapshots.OdmPath("active.1"))).Objects));
    }

    [Fact]
    public async Task A_node_failing_to_rename_puts_the_previous_bundle_back_on_the_others()
    {
        var before = await Synchronized();
        var bundleBefore = File("node1", Bundle);
        await Ok("clmgr add network TYPE=ether NETMASK=255.255.255.0 net_ether_01");
        _transport.FailOn = "node2";

        var r = await Run("cldare -rt -m sync");

        Assert.Equal(1, r.ExitCode);
        Assert.Contains("ERROR: The configuration could not be made active on node node2: exit code 1: mv: cannot rename ", Flat(r.Stderr), StringComparison.Ordinal);
        Assert.Contains("The previous configuration is active again on node node1.\n", r.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("cldare: Error detected during synchronization.\n", r.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, Stanzas(ConfigDirectory.Active));
        Assert.Equal(bundleBefore, File("node1", Bundle));
        Assert.Null(File("node1", Bundle + ".stage"));
    }

    [Fact]
    public async Task A_verification_error_blocks_the_sync_and_force_makes_it()
    {
        await Ok("clmgr add cluster NODES=node1,node2 c1");
        // A second network of one node only: a network must connect two nodes (R-VER-NET-MEMBERS).
        await Ok("clmgr add network TYPE=ether NETMASK=255.255.255.0 net_ether_09");
        await Ok("clmgr add interface NETWORK=net_ether_09 NODE=node1 ADDRESS=10.9.9.1 n1_lonely");

        var blocked = await Run("cldare -rt");
        Assert.Equal(1, blocked.ExitCode);
        Assert.Contains("ERROR: ", blocked.Stderr, StringComparison.Ordinal);
        Assert.EndsWith("ERROR: Synchronization was not performed because verification found errors. Correct them and synchronize again, or force the synchronization. ", Flat(blocked.Stderr), StringComparison.Ordinal);
        Assert.Equal("", Stanzas(ConfigDirectory.Active));
        Assert.Null(File("node1", Bundle));

        var forced = await Run("cldare -rt -f");
        Assert.True(forced.ExitCode == 0, forced.Stdout + forced.Stderr);
        Assert.Contains("WARNING: Verification found errors; the synchronization is forced, as requested.\n\nCommitting any changes", forced.Stdout, StringComparison.Ordinal);
        Assert.Equal(Stanzas(ConfigDirectory.Default), Stanzas(ConfigDirectory.Active));
        Assert.Equal(Stanzas(ConfigDirectory.Default), BundleStanzas("node2"));
    }

    [Fact]
    public async Task Clmgr_sync_cluster_and_the_dialog_cldare_line_run_the_same_synchronization()
    {
        await Ok("clmgr add cluster NODES=node1,node2 c1");
        var clmgr = await Run("clmgr sync cluster");
        // The line the extended dialog builds with its defaults (cladmin run clverify.dialog --show).
        var cldare = await Run("cldare -rt -m 'both' -c 'yes' -C 'no' -V 'normal' -l 'standard'");

        Assert.Equal(clmgr.ExitCode, cldare.ExitCode);
        Assert.Equal(clmgr.Stdout, cldare.Stdout);
        Assert.Equal(clmgr.Stderr, cldare.Stderr);
        Assert.StartsWith("Verification to be performed on the following:\n", cldare.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restore_from_the_active_configuration_undoes_an_unsynchronized_change()
    {
        var active = await Synchronized();
        await Ok("clmgr add network TYPE=ether NETMASK=255.255.255.0 net_ether_01");
        var changed = Stanzas(ConfigDirectory.Default);
        Assert.NotEqual(active, changed);

        var r = await Run("clsnapshot -R");

        Assert.True(r.ExitCode == 0, r.Stdout + r.Stderr);
        Assert.Equal(active, Stanzas(ConfigDirectory.Default));
        Assert.Equal(active, Stanzas(ConfigDirectory.Active));
        var saved = Assert.Single(_snapshots.List());
        Assert.StartsWith("Unsync.", saved.Name, StringComparison.Ordinal);
        Assert.Equal(changed, OdmStanza.Format(SnapshotRepository.ParseOdm(System.IO.File.ReadAllText(saved.OdmFile)).Objects));
        Assert.EndsWith($"clsnapshot: Succeeded creating Cluster Snapshot: {saved.Name}\n" +
            $"The HACMP configuration database (DCD) was restored from the active configuration (ACD) on node node1; the changes that were not synchronized are kept in snapshot {saved.Name}.\n", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restore_without_an_active_configuration_changes_nothing()
    {
        await Ok("clmgr add cluster NODES=node1,node2 c1");
        var dcd = Stanzas(ConfigDirectory.Default);

        var r = await Run("clsnapshot -R");

        Assert.Equal(1, r.ExitCode);
        Assert.Equal("ERROR: There is no active configuration to restore from: the cluster has never\nbeen synchronized.\n", r.Stderr);
        Assert.Equal(dcd, Stanzas(ConfigDirectory.Default));
        Assert.Empty(_snapshots.List());
    }

    [Theory]
    [InlineData("clmgr sync cluster FIX=maybe", 4, "\"maybe\" is not a valid value for \"FIX\". Valid values are: no, yes, interactively")]
    [InlineData("clmgr sync cluster WHEN=now", 4, "invalid attribute(s) for class \"cluster\": WHEN.")]
    [InlineData("cldare -rt -C maybe", 2, "cldare: \"maybe\" is not a valid value for -C; use one of no, yes, interactive.")]
    [InlineData("cldare -rt -m", 2, "cldare: the -m flag needs a value.")]
    [InlineData("cldare -V normal", 2, "cldare: -r (resources) or -t (topology) is required.")]
    public async Task Bad_flags_and_attributes_are_refused_naming_them_and_change_nothing(string line, int rc, string message)
    {
        await Ok("clmgr add cluster NODES=node1,node2 c1");
        var r = await Run(line);
        Assert.Equal(rc, r.ExitCode);
        Assert.Contains(message, r.Stderr, StringComparison.Ordinal);
        Assert.Equal("", Stanzas(ConfigDirectory.Active));
        Assert.Null(File("node1", Bundle));
    }

    [Fact]
    public async Task Without_nodes_there_is_nothing_to_synchronize()
    {
        var r = await Run("clmgr sync cluster");
        Assert.Equal(5, r.ExitCode);
        Assert.Equal("ERROR: no cluster nodes are defined; add the cluster and its nodes first.\n", r.Stderr);
    }

    /// <summary>The simulated nodes, with the rename of the staged bundle failing on <see cref="FailOn"/>.</summary>
    private sealed class FailingRename(ITransport inner) : ITransport
    {
        public string? FailOn { get; set; }

        public string Name => inner.Name;

        public Task<NodeResult> RunAsync(NodeCommand command, CancellationToken cancellationToken) =>
            command.Node == FailOn && command.Argv.Any(w => w.Contains(".stage' '", StringComparison.Ordinal))
                ? Task.FromResult(new NodeResult(command.Node, NodeOutcome.Failed, 1, "", "mv: cannot rename\n", TimeSpan.Zero))
                : inner.RunAsync(command, cancellationToken);

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
