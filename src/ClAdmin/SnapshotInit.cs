using ClAdmin.Contracts;
using ClAdmin.Sim;
using ClAdmin.Sim.Model;
using ClAdmin.Sim.Persistence;
using ClAdmin.Store;

namespace ClAdmin;

/// <summary>
/// <c>cladmin sim init --from-snapshot FILE.odm</c>: a simulated world that matches a real cluster's
/// snapshot (<see cref="SnapshotWorld"/>), with the snapshot put in the first node's snapshot directory
/// and applied there (<c>clsnapshot -a</c>: the configuration replaces the DCD, is verified and
/// synchronized), so that services can be started at once. It is rehearsed first on a scratch database:
/// when anything fails, the database is left as it was.
/// </summary>
public static class SnapshotInit
{
    /// <summary>Builds the world in <paramref name="options"/>' database; the exit code.</summary>
    public static async Task<int> RunAsync(RuntimeOptions options, string odmPath, bool force, int seed, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        SnapshotSource source;
        try
        {
            source = SnapshotSource.Read(odmPath);
        }
        catch (IOException e)
        {
            error.WriteLine($"cladmin: sim init: {e.Message}");
            return ExitCodes.Usage;
        }
        foreach (var note in source.Notes)
        {
            output.WriteLine($"sim init: note: {note}");
        }
        if (source.Errors.Count > 0 || source.Configuration is null)
        {
            foreach (var e in source.Errors)
            {
                error.WriteLine($"cladmin: sim init: {e}");
            }
            return ExitCodes.Usage;
        }
        using (var repo = Runtime.RepositoryAt(options.DatabasePath)())
        {
            if (repo.LoadWorld(SqliteWorldStore.DefaultWorld) is not null && !force)
            {
                error.WriteLine($"cladmin: sim init: a simulated world already exists in {options.DatabasePath}; add --force to replace it (the cluster configuration is replaced too)");
                return ExitCodes.Usage;
            }
        }
        SimWorld Build() => SnapshotWorld.Build(source.Configuration, source.Disks, seed);
        try
        {
            Build();
        }
        catch (InvalidOperationException e)
        {
            error.WriteLine($"cladmin: sim init: {odmPath}: the shared storage cannot be built {e.Message}");
            return ExitCodes.Usage;
        }
        // The rehearsal: the same steps on a scratch database, so that a failure changes nothing.
        var scratch = Path.Combine(Path.GetTempPath(), $"cladmin-snapshot-{Guid.NewGuid():N}.db");
        try
        {
            var trial = await ApplyAsync(options with { DatabasePath = scratch }, source, Build(), cancellationToken).ConfigureAwait(false);
            if (trial is not null)
            {
                error.WriteLine($"cladmin: sim init: {odmPath}: the snapshot could not be applied to the simulated world; nothing was changed in {options.DatabasePath}");
                error.Write(trial);
                return ExitCodes.Failed;
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var f in new[] { scratch, scratch + "-wal", scratch + "-shm" })
            {
                File.Delete(f);
            }
        }
        if (await ApplyAsync(options, source, Build(), cancellationToken).ConfigureAwait(false) is { } failure)
        {
            error.WriteLine($"cladmin: sim init: {odmPath}: {failure}");
            return ExitCodes.Failed;
        }
        var c = source.Configuration;
        output.WriteLine($"Simulated world of cluster {c.Cluster?.Name} from {odmPath}: {c.Nodes.Count} node(s), {c.Networks.Count} network(s), "
            + $"{c.ResourceGroups.Count} resource group(s); snapshot {source.Name} applied, verified and synchronized (services stopped) in {options.DatabasePath}.");
        return ExitCodes.Ok;
    }

    /// <summary>Saves the world (replacing any), empties the configuration, puts the snapshot on the first node
    /// and applies it; null, or what went wrong.</summary>
    private static async Task<string?> ApplyAsync(RuntimeOptions options, SnapshotSource source, SimWorld world, CancellationToken cancellationToken)
    {
        var first = world.Nodes[0];
        first.Files[$"{SnapshotWorld.SnapshotDirectory}/{source.Name}.odm"] = new SimFile { Content = SnapshotRepository.FormatOdm(source.Description, source.Objects), Modified = world.Clock, Mode = "-rw-r--r--" };
        first.Files[$"{SnapshotWorld.SnapshotDirectory}/{source.Name}.info"] = new SimFile { Content = source.Info ?? "", Modified = world.Clock, Mode = "-rw-r--r--" };
        using (var repo = Runtime.RepositoryAt(options.DatabasePath)())
        {
            var existing = repo.LoadWorld(SqliteWorldStore.DefaultWorld);
            repo.ReplaceObjects(ConfigDirectory.Default, []);
            repo.ActivateDefault();
            if (!new SqliteWorldStore(repo).Save(world, existing?.Version ?? 0).Saved)
            {
                throw new StoreException(StoreErrorKind.Conflict, $"the simulated world in {options.DatabasePath} changed underneath (another cladmin is busy); try again");
            }
        }
        await using var runtime = await Runtime.CreateAsync(options with { Transport = "sim", Node = first.Name, CreateDemo = false }, TextWriter.Null, cancellationToken).ConfigureAwait(false);
        var applied = await runtime.Dispatcher.RunAsync(new CommandRequest($"clsnapshot -a -n {source.Name}"), cancellationToken).ConfigureAwait(false);
        return applied.ExitCode == 0 ? null : applied.Stdout + applied.Stderr;
    }
}
