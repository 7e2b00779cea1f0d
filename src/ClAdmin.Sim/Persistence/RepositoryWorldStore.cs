using ClAdmin.Sim.Model;
using ClAdmin.Store;

namespace ClAdmin.Sim.Persistence;

/// <summary>
/// The world in the object repository, one connection per call (so that a long session never
/// holds the database; a file's content is read the same way, on first use); the first load may use a
/// document already read elsewhere (<paramref name="preloaded"/> decodes it, on the thread that first needs it).
/// </summary>
public sealed class RepositoryWorldStore(Func<ObjectRepository> openRepository, Func<StoredWorld>? preloaded = null) : IWorldStore
{
    private Func<StoredWorld>? _preloaded = preloaded;

    public StoredWorld? Load()
    {
        if (Interlocked.Exchange(ref _preloaded, null) is { } decode)
        {
            return decode();
        }
        using var repo = openRepository();
        return repo.LoadWorld(SqliteWorldStore.DefaultWorld) is { } doc ? Decode(doc, openRepository) : null;
    }

    /// <summary>The world of <paramref name="doc"/>, each file's content read on first use on a connection of its own.</summary>
    public static StoredWorld Decode(WorldDocument doc, Func<ObjectRepository> openRepository) =>
        SqliteWorldStore.Decode(doc, (node, path, version) =>
        {
            using var repo = openRepository();
            return repo.LoadWorldFile(SqliteWorldStore.DefaultWorld, node, path, version);
        });

    public long? StoredVersion()
    {
        using var repo = openRepository();
        return repo.WorldVersion(SqliteWorldStore.DefaultWorld);
    }

    public string Serialize(SimWorld world) => WorldJson.SerializeCore(world);

    public WorldSaveResult Save(SimWorld world, long expectedVersion)
    {
        using var repo = openRepository();
        return new SqliteWorldStore(repo).Save(world, expectedVersion);
    }

    public WorldSaveResult Save(SimWorld world, string json, long expectedVersion)
    {
        using var repo = openRepository();
        return new SqliteWorldStore(repo).Save(world, json, expectedVersion);
    }
}
