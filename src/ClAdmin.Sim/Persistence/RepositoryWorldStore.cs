using ClAdmin.Sim.Model;
using ClAdmin.Store;

namespace ClAdmin.Sim.Persistence;

/// <summary>
/// The world in the object repository, one connection per call (so that a long session never
/// holds the database); the first load may use a document already read and decoded elsewhere.
/// </summary>
public sealed class RepositoryWorldStore(Func<ObjectRepository> openRepository, Task<StoredWorld>? preloaded = null) : IWorldStore
{
    private Task<StoredWorld>? _preloaded = preloaded;

    public StoredWorld? Load()
    {
        if (Interlocked.Exchange(ref _preloaded, null) is { } decoding)
        {
            return decoding.GetAwaiter().GetResult();
        }
        using var repo = openRepository();
        return new SqliteWorldStore(repo).Load();
    }

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
