using ClAdmin.Sim.Model;

namespace ClAdmin.Sim.Persistence;

/// <summary>
/// Where the world lives between `cladmin` runs: one document with a version for optimistic
/// concurrency. A run loads the world, changes it, and saves it with the version it loaded; a
/// save against a newer version is refused, so two runs never overwrite each other silently.
/// The SQLite implementation lives in ClAdmin.Store's world table and is wired by the CLI.
/// </summary>
public interface IWorldStore
{
    /// <summary>The stored world and its version, or null when no world has been created.</summary>
    StoredWorld? Load();

    /// <summary>The version stored now (null when no world is stored), without loading the world: a
    /// transport that keeps the world between commands reads it again when this has moved on.</summary>
    long? StoredVersion() => Load()?.Version;

    /// <summary>Stores <paramref name="world"/> if the stored version is still
    /// <paramref name="expectedVersion"/> (0 when creating the first world).</summary>
    WorldSaveResult Save(SimWorld world, long expectedVersion);

    /// <summary>The text this store keeps of <paramref name="world"/> (and gives back as <see cref="StoredWorld.Json"/>):
    /// it changes whenever the world does. A store keeping files apart leaves their contents out.</summary>
    string Serialize(SimWorld world) => WorldJson.Serialize(world);

    /// <summary>As <see cref="Save(SimWorld, long)"/>, given the world already serialized as
    /// <paramref name="json"/> (<see cref="Serialize"/>): a store that keeps the JSON text
    /// writes it instead of serializing the world again.</summary>
    WorldSaveResult Save(SimWorld world, string json, long expectedVersion) => Save(world, expectedVersion);
}

/// <summary>A loaded world and the version to pass back to <see cref="IWorldStore.Save(SimWorld, long)"/>;
/// <paramref name="Json"/> is the text it was read from, when the store keeps JSON (saves compare with it
/// to skip writing an unchanged world, without serializing the world once more).</summary>
public sealed record StoredWorld(SimWorld World, long Version, string? Json = null);

/// <summary>Outcome of a save: the new version, or the version found when someone else saved first.</summary>
public sealed record WorldSaveResult(bool Saved, long Version)
{
    public static WorldSaveResult Ok(long version) => new(true, version);

    public static WorldSaveResult Conflict(long currentVersion) => new(false, currentVersion);
}
