using ClAdmin.Sim.Model;
using ClAdmin.Store;

namespace ClAdmin.Sim.Persistence;

/// <summary>
/// The world kept in the object repository's world_state table (one JSON document with a
/// version), so that successive `cladmin` runs see the same world and two runs never
/// overwrite each other: a save against a newer version is a conflict, not a lost update.
/// </summary>
public sealed class SqliteWorldStore(ObjectRepository repository, string worldName = SqliteWorldStore.DefaultWorld) : IWorldStore
{
    public const string DefaultWorld = "default";

    public StoredWorld? Load() =>
        repository.LoadWorld(worldName) is { } doc ? new StoredWorld(WorldJson.Deserialize(doc.Json), doc.Version, doc.Json) : null;

    public WorldSaveResult Save(SimWorld world, long expectedVersion)
    {
        ArgumentNullException.ThrowIfNull(world);
        return Save(world, WorldJson.Serialize(world), expectedVersion);
    }

    public WorldSaveResult Save(SimWorld world, string json, long expectedVersion)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return WorldSaveResult.Ok(repository.SaveWorld(worldName, json, expectedVersion));
        }
        catch (StoreException e) when (e.Kind == StoreErrorKind.Conflict)
        {
            return WorldSaveResult.Conflict(repository.LoadWorld(worldName)?.Version ?? 0);
        }
    }
}
