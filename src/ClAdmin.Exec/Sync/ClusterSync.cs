using System.Globalization;
using System.Text;
using ClAdmin.Cluster;
using ClAdmin.Cluster.Odm;
using ClAdmin.Cluster.Verification;
using ClAdmin.Contracts;
using ClAdmin.Exec.FanOut;
using ClAdmin.Exec.Ssh;
using ClAdmin.Exec.Verification;
using ClAdmin.Store;

namespace ClAdmin.Exec.Sync;

/// <summary>What "Verify, Synchronize or Both" asks for.</summary>
public enum SyncMode
{
    Both,
    Verify,
    Synchronize,
}

/// <summary>One verification and synchronization, as <c>cldare -rt</c> and <c>clmgr sync cluster</c> ask for it.</summary>
public sealed record SyncRequest
{
    public SyncMode Mode { get; init; } = SyncMode.Both;

    /// <summary>Synchronize even when verification found errors.</summary>
    public bool Force { get; init; }

    /// <summary>"Automatically correct errors found during verification?"</summary>
    public AutoCorrect AutoCorrect { get; init; } = AutoCorrect.No;

    /// <summary>Asks before each correction when <see cref="AutoCorrect"/> is Interactively (none: nothing is corrected).</summary>
    public ICommandPrompt? Prompt { get; init; }

    /// <summary>Told each node's result of each phase as it arrives (live views).</summary>
    public Action<NodeResult>? OnNodeResult { get; init; }
}

/// <summary>How a synchronization ended.</summary>
public enum SyncStatus
{
    Ok,
    /// <summary>Verification found errors, a node failed, or the repository could not be written: nothing was made active.</summary>
    Failed,
    /// <summary>No cluster nodes are defined.</summary>
    NotConfigured,
}

/// <summary>What a synchronization printed and how it ended.</summary>
public sealed record SyncResult(SyncStatus Status, string Stdout, string Stderr);

/// <summary>
/// HACMP's verification and synchronization (semantics §9.4): verifies the default configuration
/// (DCD), then copies it to every cluster node through the transport and makes it the active
/// configuration (ACD). The copy is a configuration bundle, the DCD as a snapshot's .odm file
/// (odmget stanzas), written on each node into <see cref="Directory"/> in two phases: first staged
/// under <see cref="StageName"/> on every node; only when every node has it, renamed over
/// <see cref="BundleName"/> on each (the one it replaces kept as <see cref="PreviousName"/>). A node
/// that cannot be reached or fails is named and nothing is made active anywhere: staged copies are
/// removed, renamed ones put back. Then the previous ACD is kept as snapshot active.0 (active.1 ...
/// the older ones) and the DCD becomes the ACD. One class for <c>cldare</c>, <c>clmgr sync cluster</c>
/// and the demo cluster; <see cref="RestoreFromActive"/> is the way back (<c>clsnapshot -R</c>).
/// </summary>
public sealed class ClusterSync(Func<ObjectRepository> openRepository, FanOutEngine engine, SnapshotRepository snapshots,
    ClusterVerification? verification, Func<string> localNode, string? directory = null, TimeProvider? time = null)
{
    /// <summary>Where the bundle lands on a node unless CLADMIN_SYNC_DIR says otherwise: the directory
    /// of HACMP's active configuration (ODMDIR of the ACD).</summary>
    public const string DefaultDirectory = "/usr/es/sbin/cluster/etc/objrepos/active";

    /// <summary>The environment variable that chooses another directory; a relative one is taken from
    /// the home directory of the user cladmin logs in as on the node (as scp does).</summary>
    public const string DirectoryVariable = "CLADMIN_SYNC_DIR";

    /// <summary>The active configuration bundle on a node.</summary>
    public const string BundleName = "cluster.odm";

    /// <summary>The bundle while it is staged (written but not active).</summary>
    public const string StageName = BundleName + ".stage";

    /// <summary>The bundle that was active before the last synchronization.</summary>
    public const string PreviousName = BundleName + ".prev";

    /// <summary>How many earlier active configurations are kept as snapshots active.0 (the newest) to active.9.</summary>
    public const int KeptActiveSnapshots = 10;

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>The running cluster a synchronization reconfigures while services run (DARE, §9.4); null: none (real hosts).</summary>
    public IDynamicReconfiguration? Dare { get; init; }

    /// <summary>The directory the bundle is written to on each node.</summary>
    public string Directory { get; } = directory is { Length: > 0 } d ? d : DefaultDirectory;

    /// <summary>The directory CLADMIN_SYNC_DIR names, else <see cref="DefaultDirectory"/>.</summary>
    public static string DirectoryFromEnvironment() =>
        Environment.GetEnvironmentVariable(DirectoryVariable) is { Length: > 0 } d ? d : DefaultDirectory;

    private static readonly FanOutOptions Options = new();

    /// <summary>Verifies and/or synchronizes, as <paramref name="request"/> says.</summary>
    public async Task<SyncResult> RunAsync(SyncRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        SyncResult Failed(string? error = null)
        {
            if (error is not null)
            {
                Message(stderr, "ERROR: ", error);
            }
            return new(SyncStatus.Failed, stdout.ToString(), stderr.ToString());
        }
        if (Directory.Any(c => char.IsControl(c) || c == '\''))
        {
            return Failed(SyncMessages.Text("BAD-DIRECTORY", Directory.ReplaceLineEndings(" ")));
        }

        IReadOnlyList<OdmObject> objects;
        IReadOnlyList<OdmObject> active;
        ClusterConfiguration configuration;
        try
        {
            using var repo = openRepository();
            objects = repo.GetObjects(ConfigDirectory.Default);
            active = repo.GetObjects(ConfigDirectory.Active);
            configuration = ObjectRepository.ToConfiguration(objects);
        }
        catch (Exception e) when (e is StoreException or InvalidDataException)
        {
            return Failed(e.Message);
        }
        var nodes = configuration.Nodes.Select(n => n.Name).ToList();
        if (nodes.Count == 0)
        {
            return new(SyncStatus.NotConfigured, "", Wrapped("ERROR: " + SyncMessages.Text("NO-NODES")));
        }

        // During a node-by-node migration the nodes run different HACMP releases: no verification,
        // synchronization or DARE until every node runs the new one (outputs §6.1, seeds 000:
        // "Synchronization process will fail when migration is incomplete"), forced or not.
        if (await MixedReleasesAsync(nodes, cancellationToken).ConfigureAwait(false) is { } mixed)
        {
            Message(stderr, "ERROR: ", SyncMessages.Text("MIXED-VERSION", mixed));
            stderr.Append(SyncMessages.Text("FAILED")).Append('\n');
            return Failed();
        }

        if (request.Mode != SyncMode.Verify && await LockedOn(nodes).ConfigureAwait(false) is { Count: > 0 } locked)
        {
            // §9.4: the staging copy (SCD) a DARE left on a node is its lock; no synchronization until it is released.
            Message(stderr, "ERROR: ", SyncMessages.Text("DARE-LOCKED", string.Join(", ", locked)));
            stderr.Append(SyncMessages.Text("FAILED")).Append('\n');
            return Failed();
        }

        if (request.Mode != SyncMode.Synchronize)
        {
            if (verification is null)
            {
                return Failed(SyncMessages.Text("NO-VERIFY"));
            }
            var run = await verification.RunAsync(configuration, request.AutoCorrect, request.Prompt, cancellationToken).ConfigureAwait(false);
            stdout.Append(run.Stdout);
            stderr.Append(run.Stderr);
            if (request.Mode == SyncMode.Verify)
            {
                return new(run.Errors > 0 ? SyncStatus.Failed : SyncStatus.Ok, stdout.ToString(), stderr.ToString());
            }
            if (run.Errors > 0 && !request.Force)
            {
                Message(stderr, "ERROR: ", SyncMessages.Text("VERIFY-BLOCKS"));
                return Failed();
            }
            if (run.Errors > 0)
            {
                Message(stdout, "WARNING: ", SyncMessages.Text("VERIFY-FORCED"));
            }
            stdout.Append('\n');
        }

        stdout.Append(SyncMessages.Text("COMMIT")).Append('\n');
        var now = _time.GetLocalNow();
        var bundle = SnapshotRepository.FormatOdm(
            SyncMessages.Text("BUNDLE-DESCRIPTION", configuration.Cluster?.Name ?? "", localNode(), now.ToString("ddd MMM dd HH:mm:ss yyyy", CultureInfo.InvariantCulture)),
            objects);

        // Phase 1: the bundle staged on every node, or on none.
        var staged = await engine.RunAsync(nodes, NodeOperation.Same(Shell($"mkdir -p {Q(Directory)} && cat > {Q(At(StageName))}"), bundle),
            Options, request.OnNodeResult, cancellationToken).ConfigureAwait(false);
        if (!staged.AllOk)
        {
            foreach (var r in staged.Results.Where(r => r.Outcome != NodeOutcome.Ok))
            {
                Message(stderr, "ERROR: ", SyncMessages.Text("STAGE-FAILED", r.Node, Reason(r)));
            }
            var reached = staged.Results.Where(r => r.Outcome is NodeOutcome.Ok or NodeOutcome.Failed).Select(r => r.Node).ToList();
            var removed = await Everywhere(reached, $"rm -f {Q(At(StageName))}").ConfigureAwait(false);
            foreach (var r in staged.Results.Where(r => r.Outcome == NodeOutcome.Ok))
            {
                var cleanup = removed.Single(x => x.Node == r.Node);
                if (cleanup.Outcome == NodeOutcome.Ok)
                {
                    stdout.Append(SyncMessages.Text("STAGE-REMOVED", r.Node)).Append('\n');
                }
                else
                {
                    Message(stderr, "ERROR: ", SyncMessages.Text("STAGE-LEFT", r.Node, Reason(cleanup), At(StageName)));
                }
            }
            stderr.Append(SyncMessages.Text("NOTHING-ACTIVE")).Append('\n').Append(SyncMessages.Text("FAILED")).Append('\n');
            return Failed();
        }

        // DARE (§9.4): with services running, what is removed or changed is released first, under the active configuration.
        // The staged copy stays on every node until the DARE completes: it is the lock a failed DARE leaves.
        var dare = Dare is { } d && d.ServicesActive() ? d : null;
        DareRequest? change = null;
        if (dare is not null)
        {
            change = DareChanges.Between(ObjectRepository.ToConfiguration(active), configuration, localNode());
            stdout.Append(SyncMessages.Text("DARE-START")).Append('\n');
            var released = await dare.ReleaseAsync(change, cancellationToken).ConfigureAwait(false);
            stdout.Append(released.Stdout);
            stderr.Append(released.Stderr);
            if (released.ExitCode == 2)
            {
                await Everywhere(nodes, $"rm -f {Q(At(StageName))}").ConfigureAwait(false);
                stderr.Append(SyncMessages.Text("NOTHING-ACTIVE")).Append('\n').Append(SyncMessages.Text("FAILED")).Append('\n');
                return Failed();
            }
            if (released.ExitCode != 0)
            {
                return DareFailed("reconfig_resource_release");
            }
            stdout.Append(SyncMessages.Text("DARE-CHECKED")).Append('\n');
        }
        SyncResult DareFailed(string phase)
        {
            Message(stderr, "ERROR: ", SyncMessages.Text("DARE-FAILED", phase, At(StageName)));
            stderr.Append(SyncMessages.Text("FAILED")).Append('\n');
            return Failed();
        }

        // Phase 2: renamed on every node (copied during a DARE), the active bundle kept as the previous one; undone where it was done if any node fails.
        var committed = await engine.RunAsync(nodes, NodeOperation.Same(Shell(
                $"rm -f {Q(At(PreviousName))} && test ! -f {Q(At(BundleName))} || mv -f {Q(At(BundleName))} {Q(At(PreviousName))} && "
                + (dare is null ? $"mv -f {Q(At(StageName))} {Q(At(BundleName))}" : $"cat {Q(At(StageName))} > {Q(At(BundleName))}"))),
            Options, request.OnNodeResult, cancellationToken).ConfigureAwait(false);
        if (!committed.AllOk)
        {
            foreach (var r in committed.Results.Where(r => r.Outcome != NodeOutcome.Ok))
            {
                Message(stderr, "ERROR: ", SyncMessages.Text("COMMIT-FAILED", r.Node, Reason(r)));
            }
            var failed = committed.Results.Where(r => r.Outcome == NodeOutcome.Failed).Select(r => r.Node).ToList();
            await Everywhere(failed, $"rm -f {Q(At(StageName))}; test -f {Q(At(BundleName))} || test ! -f {Q(At(PreviousName))} || mv -f {Q(At(PreviousName))} {Q(At(BundleName))}").ConfigureAwait(false);
            await Undo(committed.Results.Where(r => r.Outcome == NodeOutcome.Ok).Select(r => r.Node).ToList(), stdout, stderr).ConfigureAwait(false);
            stderr.Append(SyncMessages.Text("FAILED")).Append('\n');
            return Failed();
        }

        // Phase 3: the previous ACD kept as a snapshot, then the verified DCD made active.
        try
        {
            if (active.Count > 0)
            {
                KeepActive(active, configuration.Cluster?.Name ?? "", now);
            }
            using var repo = openRepository();
            repo.ReplaceObjects(ConfigDirectory.Active, objects);
        }
        catch (Exception e) when (e is StoreException or IOException or UnauthorizedAccessException)
        {
            Message(stderr, "ERROR: ", SyncMessages.Text("REPOSITORY-FAILED", e.Message));
            await Undo(nodes, stdout, stderr).ConfigureAwait(false);
            stderr.Append(SyncMessages.Text("FAILED")).Append('\n');
            return Failed();
        }
        if (dare is not null)
        {
            // §9.4: then what is added or changed is acquired under the new active configuration; the lock goes when it is done.
            var acquired = await dare.AcquireAsync(change!, cancellationToken).ConfigureAwait(false);
            stdout.Append(acquired.Stdout);
            stderr.Append(acquired.Stderr);
            if (acquired.ExitCode != 0)
            {
                return DareFailed("reconfig_resource_acquire");
            }
            foreach (var r in await Everywhere(nodes, $"rm -f {Q(At(StageName))}").ConfigureAwait(false))
            {
                if (r.Outcome != NodeOutcome.Ok)
                {
                    Message(stderr, "WARNING: ", SyncMessages.Text("DARE-LOCK-LEFT", r.Node, Reason(r)));
                }
            }
        }
        foreach (var node in nodes)
        {
            stdout.Append(SyncMessages.Text("NODE-DONE", node)).Append('\n');
        }
        stdout.Append('\n').Append(SyncMessages.Text("DONE")).Append('\n');
        return new(SyncStatus.Ok, stdout.ToString(), stderr.ToString());
    }

    /// <summary>
    /// "Restore HACMP Configuration Database from Active Configuration": the DCD, with the changes
    /// not synchronized yet, is kept as snapshot Unsync.TIMESTAMP, then replaced by the ACD, in one
    /// transaction. Without an ACD (never synchronized) nothing changes.
    /// </summary>
    public SyncResult RestoreFromActive()
    {
        try
        {
            using var repo = openRepository();
            var active = repo.GetObjects(ConfigDirectory.Active);
            if (active.Count == 0)
            {
                return new(SyncStatus.Failed, "", Wrapped("ERROR: " + SyncMessages.Text("NO-ACTIVE")));
            }
            var now = _time.GetLocalNow();
            // The snapshot is written first and outside the transaction (on the simulator its files are
            // the local node's, kept in this same database); the DCD is replaced only if it is still the
            // one saved.
            var saved = repo.GetObjects(ConfigDirectory.Default);
            var stamp = now.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
            var name = SyncMessages.Text("UNSYNC-SNAPSHOT", stamp);
            for (var k = 1; snapshots.Exists(name); k++)
            {
                name = SyncMessages.Text("UNSYNC-SNAPSHOT", stamp + "." + k.ToString(CultureInfo.InvariantCulture));
            }
            var description = SyncMessages.Text("UNSYNC-DESCRIPTION", now.ToString("ddd MMM dd HH:mm:ss yyyy", CultureInfo.InvariantCulture));
            snapshots.Create(name, description, saved, Info(description));
            var unchanged = repo.UpdateObjects(ConfigDirectory.Default, current =>
                OdmStanza.Format(current) == OdmStanza.Format(saved) ? ((IReadOnlyList<OdmObject>?)active, true) : (null, false));
            if (!unchanged)
            {
                snapshots.Remove(name);
                return new(SyncStatus.Failed, "", Wrapped("ERROR: " + SyncMessages.Text("DCD-CHANGED")));
            }
            var stdout = new StringBuilder()
                .Append(SyncMessages.Text("SNAPSHOT-CREATING", snapshots.OdmPath(name))).Append('\n')
                .Append(SyncMessages.Text("SNAPSHOT-CREATING", snapshots.InfoPath(name))).Append('\n')
                .Append(SyncMessages.Text("SNAPSHOT-CREATED", name)).Append('\n')
                .Append(SyncMessages.Text("RESTORED", localNode(), name)).Append('\n');
            return new(SyncStatus.Ok, stdout.ToString(), "");
        }
        catch (Exception e) when (e is StoreException or IOException or UnauthorizedAccessException)
        {
            return new(SyncStatus.Failed, "", Wrapped("ERROR: " + e.Message));
        }
    }

    /// <summary>
    /// <c>clrelease_locks</c>, "Release Locks Set By Dynamic Reconfiguration": the staging copy (SCD) a failed DARE
    /// left is removed from every cluster node, so that a synchronization can run again. Exit 1 when a node
    /// could not be reached or the copy not removed (named).
    /// </summary>
    public async Task<SyncResult> ReleaseLocksAsync(CancellationToken cancellationToken)
    {
        List<string> nodes;
        try
        {
            using var repo = openRepository();
            nodes = [.. repo.LoadConfiguration(ConfigDirectory.Default).Nodes.Select(n => n.Name)];
        }
        catch (Exception e) when (e is StoreException or InvalidDataException)
        {
            return new(SyncStatus.Failed, "", Wrapped("ERROR: " + e.Message));
        }
        if (nodes.Count == 0)
        {
            return new(SyncStatus.NotConfigured, "", Wrapped("ERROR: " + SyncMessages.Text("NO-NODES")));
        }
        cancellationToken.ThrowIfCancellationRequested();
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        var checkedNodes = await Everywhere(nodes, $"test ! -f {Q(At(StageName))}").ConfigureAwait(false);
        var held = checkedNodes.Where(r => r.Outcome == NodeOutcome.Failed).Select(r => r.Node).ToList();
        var removed = await Everywhere(held, $"rm -f {Q(At(StageName))}").ConfigureAwait(false);
        foreach (var r in checkedNodes)
        {
            var removal = removed.FirstOrDefault(x => x.Node == r.Node);
            if (r.Outcome is not (NodeOutcome.Ok or NodeOutcome.Failed))
            {
                Message(stderr, "ERROR: ", SyncMessages.Text("LOCK-UNREACHED", r.Node, Reason(r)));
            }
            else if (removal is null)
            {
                stdout.Append(SyncMessages.Text("NO-LOCK", r.Node)).Append('\n');
            }
            else if (removal.Outcome == NodeOutcome.Ok)
            {
                stdout.Append(SyncMessages.Text("LOCK-RELEASED", r.Node)).Append('\n');
            }
            else
            {
                Message(stderr, "ERROR: ", SyncMessages.Text("LOCK-UNREACHED", r.Node, Reason(removal)));
            }
        }
        return new(stderr.Length == 0 ? SyncStatus.Ok : SyncStatus.Failed, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The nodes holding the lock of a DARE (its staging copy); a node not reached is not counted here.</summary>
    private async Task<List<string>> LockedOn(IReadOnlyList<string> nodes) =>
        [.. (await Everywhere(nodes, $"test ! -f {Q(At(StageName))}").ConfigureAwait(false)).Where(r => r.Outcome == NodeOutcome.Failed).Select(r => r.Node)];

    /// <summary>
    /// Each reachable node's cluster.es.server.rte level (<c>lslpp -L</c>, as verification reads it);
    /// "node1 5.5.0.10, node2 5.4.1.0" when they are of different releases (version, release and
    /// modification differ: a migration under way), else null. Nodes not reached are left to the
    /// synchronization itself to name.
    /// </summary>
    public async Task<string?> MixedReleasesAsync(IReadOnlyList<string> nodes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        var run = await engine.RunAsync(nodes, NodeOperation.Same(["lslpp", "-L", FactsCollector.ServerFileset]), Options, null, cancellationToken).ConfigureAwait(false);
        var levels = run.Results.Where(r => r.Outcome == NodeOutcome.Ok)
            .Select(r => (r.Node, Level: FactsCollector.ParseLevel(r.Stdout, FactsCollector.ServerFileset)))
            .Where(l => l.Level is not null).ToList();
        static string Release(string level) => string.Join('.', level.Split('.').Take(3));
        return levels.Select(l => Release(l.Level!)).Distinct(StringComparer.Ordinal).Count() > 1
            ? string.Join(", ", levels.Select(l => $"{l.Node} {l.Level}"))
            : null;
    }

    /// <summary>The previous ACD as snapshot active.0, the older ones moved up by one (the oldest dropped).</summary>
    private void KeepActive(IReadOnlyList<OdmObject> active, string cluster, DateTimeOffset now)
    {
        string Name(int n) => SyncMessages.Text("ACTIVE-SNAPSHOT", n);
        snapshots.Remove(Name(KeptActiveSnapshots - 1));
        for (var n = KeptActiveSnapshots - 2; n >= 0; n--)
        {
            if (snapshots.Exists(Name(n)))
            {
                snapshots.Modify(Name(n), Name(n + 1), null);
            }
        }
        var description = SyncMessages.Text("ACTIVE-DESCRIPTION", now.ToString("ddd MMM dd HH:mm:ss yyyy", CultureInfo.InvariantCulture));
        snapshots.Create(Name(0), description, active, Info(description + (cluster.Length > 0 ? $" (cluster {cluster})" : "")));
    }

    private static string Info(string description) =>
        $"<VER\n{SnapshotRepository.Version}\n</VER\n\n<DSC\n{description}\n</DSC\n";

    /// <summary>Puts the previous bundle back where the new one was made active.</summary>
    private async Task Undo(IReadOnlyList<string> nodes, StringBuilder stdout, StringBuilder stderr)
    {
        var undone = await Everywhere(nodes,
            $"test ! -f {Q(At(PreviousName))} && rm -f {Q(At(BundleName))} || mv -f {Q(At(PreviousName))} {Q(At(BundleName))}").ConfigureAwait(false);
        foreach (var r in undone)
        {
            if (r.Outcome == NodeOutcome.Ok)
            {
                stdout.Append(SyncMessages.Text("UNDONE", r.Node)).Append('\n');
            }
            else
            {
                Message(stderr, "ERROR: ", SyncMessages.Text("UNDO-FAILED", r.Node, Reason(r), At(PreviousName)));
            }
        }
    }

    /// <summary>Clean-up on <paramref name="nodes"/>: it runs even when the user interrupted the synchronization.</summary>
    private async Task<IReadOnlyList<NodeResult>> Everywhere(IReadOnlyList<string> nodes, string line) =>
        nodes.Count == 0 ? [] : (await engine.RunAsync(nodes, NodeOperation.Same(Shell(line)), Options, null, CancellationToken.None).ConfigureAwait(false)).Results;

    /// <summary>The line run by the node's sh; from the login directory ($HOME) when the directory is relative.</summary>
    private string[] Shell(string line) => ["sh", "-c", (Directory.StartsWith('/') ? "" : "cd && ") + line];

    private string At(string file) => Directory.TrimEnd('/') + "/" + file;

    private static string Q(string path) => RemoteShell.Quote(path);

    /// <summary>An ERROR: or WARNING: message as clverify prints one: at column 0, wrapped at 80 columns without indent.</summary>
    private static void Message(StringBuilder to, string prefix, string text) => to.Append(Wrapped(prefix + text));

    private static string Wrapped(string text) => string.Concat(ClverifyReport.Wrap(text).Select(line => line + "\n"));

    /// <summary>Why a node's command did not succeed, in a few words.</summary>
    private static string Reason(NodeResult r)
    {
        var said = r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        var what = r.Outcome == NodeOutcome.Failed ? $"exit code {r.ExitCode}" : FanOutResult.OutcomeText(r.Outcome);
        return said is null ? what : $"{what}: {said}";
    }
}
