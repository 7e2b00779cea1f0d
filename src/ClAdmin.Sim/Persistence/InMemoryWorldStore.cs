using ClAdmin.Sim.Model;

namespace ClAdmin.Sim.Persistence;

/// <summary>A world store in memory (tests, and one-shot runs that need no persistence). Keeps
/// the JSON text, not the object, so a loaded world never aliases the saved one.</summary>
public sealed class InMemoryWorldStore : IWorldStore
{
    private readonly Lock _gate = new();
    private string? _json;
    private long _version;

    public StoredWorld? Load()
    {
        lock (_gate)
        {
            return _json is null ? null : new StoredWorld(WorldJson.Deserialize(_json), _version);
        }
    }

    public long? StoredVersion()
    {
        lock (_gate)
        {
            return _json is null ? null : _version;
        }
    }

    public WorldSaveResult Save(SimWorld world, long expectedVersion)
    {
        ArgumentNullException.ThrowIfNull(world);
        var json = WorldJson.Serialize(world);
        lock (_gate)
        {
            if (expectedVersion != _version)
            {
                return WorldSaveResult.Conflict(_version);
            }
            _json = json;
            _version++;
            return WorldSaveResult.Ok(_version);
        }
    }
}
