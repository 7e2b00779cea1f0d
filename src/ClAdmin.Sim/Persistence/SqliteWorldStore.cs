using System.Runtime.CompilerServices;
using ClAdmin.Sim.Model;
using ClAdmin.Store;

namespace ClAdmin.Sim.Persistence;

/// <summary>
/// The world kept in the object repository: its small core (nodes' state, disks, networks, clock,
/// cluster managers) as one JSON document with a version in world_state, and each node's file
/// contents as rows of world_file, read when first used and written only when changed (lines
/// appended to a log are a new part of it: the log is not written again), in the same transaction as the document. Two runs
/// never overwrite each other: a save against a newer version is a conflict, not a lost update.
/// A document of an earlier version, with the contents inside, still loads; its first save
/// moves them out.
/// </summary>
public sealed class SqliteWorldStore(ObjectRepository repository, string worldName = SqliteWorldStore.DefaultWorld) : IWorldStore
{
    public const string DefaultWorld = "default";

    /// <summary>The version each loaded world is at (as loaded, then as this process saved it): a file read on
    /// first use must come from that save, not a newer one.</summary>
    private static readonly ConditionalWeakTable<SimWorld, StrongBox<long>> Versions = [];

    public StoredWorld? Load() =>
        repository.LoadWorld(worldName) is { } doc ? Decode(doc, (node, path, version) => repository.LoadWorldFile(worldName, node, path, version)) : null;

    /// <summary>The world of <paramref name="doc"/>, its files' contents read with <paramref name="readFile"/>
    /// (node, path, the world's version they must come from) on first use.</summary>
    /// <remarks>Reading a file after another process saved the world throws <see cref="WorldChangedException"/>:
    /// the command must run again on the world loaded afresh, or it would mix the two states.</remarks>
    public static StoredWorld Decode(WorldDocument doc, Func<string, string, long, string?> readFile)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(readFile);
        var world = WorldJson.Deserialize(doc.Json);
        var version = new StrongBox<long>(doc.Version);
        Versions.AddOrUpdate(world, version);
        foreach (var node in world.Nodes)
        {
            foreach (var (path, file) in node.Files)
            {
                if (file.Apart)
                {
                    var (n, p) = (node.Name, path);
                    file.Stored(n + p, () => Read(n, p));
                }
            }
        }
        return new StoredWorld(world, doc.Version, doc.Json);

        string Read(string node, string path)
        {
            try
            {
                return readFile(node, path, version.Value) ?? "";
            }
            catch (StoreException e) when (e.Kind == StoreErrorKind.Conflict)
            {
                throw new WorldChangedException(e.Message, e);
            }
        }
    }

    public long? StoredVersion() => repository.WorldVersion(worldName);

    public string Serialize(SimWorld world) => WorldJson.SerializeCore(world);

    public WorldSaveResult Save(SimWorld world, long expectedVersion)
    {
        ArgumentNullException.ThrowIfNull(world);
        return Save(world, Serialize(world), expectedVersion);
    }

    public WorldSaveResult Save(SimWorld world, string json, long expectedVersion)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(json);
        var put = new List<(string, string, string)>();
        var append = new List<(string, string, string)>();
        var keep = new HashSet<(string, string)>();
        foreach (var node in world.Nodes)
        {
            foreach (var (path, file) in node.Files)
            {
                keep.Add((node.Name, path));
                if (file.StoredKey != node.Name + path || file.Replaced)
                {
                    put.Add((node.Name, path, file.Content));
                }
                else if (file.Unsaved is { } text)
                {
                    append.Add((node.Name, path, text.ToString()));
                }
            }
        }
        long version;
        try
        {
            version = repository.SaveWorld(worldName, json, expectedVersion, new WorldFileChanges(put, append, keep));
        }
        catch (StoreException e) when (e.Kind == StoreErrorKind.Conflict)
        {
            return WorldSaveResult.Conflict(repository.LoadWorld(worldName)?.Version ?? 0);
        }
        foreach (var node in world.Nodes)
        {
            foreach (var (path, file) in node.Files)
            {
                file.Stored(node.Name + path, null);
            }
        }
        if (Versions.TryGetValue(world, out var at))
        {
            at.Value = version; // files not read yet now come from this save
        }
        return WorldSaveResult.Ok(version);
    }
}
