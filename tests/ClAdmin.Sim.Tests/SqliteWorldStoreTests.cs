using ClAdmin.Sim.Persistence;
using ClAdmin.Store;

namespace ClAdmin.Sim.Tests;

/// <summary>The world in a real SQLite file.</summary>
public sealed class SqliteWorldStoreTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cladmin-world-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void A_saved_world_comes_back_from_another_connection()
    {
        var db = Path.Combine(_dir, "cladmin.db");
        var world = WorldBuilder.Build(new WorldOptions(Nodes: 3, Disks: 2, Seed: 7));
        using (var repo = ObjectRepository.Open(db))
        {
            Assert.Null(new SqliteWorldStore(repo).Load());
            Assert.Equal(WorldSaveResult.Ok(1), new SqliteWorldStore(repo).Save(world, 0));
        }
        using (var repo = ObjectRepository.Open(db))
        {
            var loaded = new SqliteWorldStore(repo).Load();
            Assert.NotNull(loaded);
            Assert.Equal(1, loaded.Version);
            Assert.Equal(WorldJson.Serialize(world), WorldJson.Serialize(loaded.World));
        }
    }

    [Fact]
    public void A_stale_save_is_a_conflict_and_changes_nothing()
    {
        var db = Path.Combine(_dir, "cladmin.db");
        using var repo = ObjectRepository.Open(db);
        var store = new SqliteWorldStore(repo);
        var first = WorldBuilder.Build(new WorldOptions(Nodes: 2, Disks: 1, Seed: 1));
        var second = WorldBuilder.Build(new WorldOptions(Nodes: 4, Disks: 1, Seed: 2));
        Assert.True(store.Save(first, 0).Saved);
        Assert.True(store.Save(first, 1).Saved);
        Assert.Equal(WorldSaveResult.Conflict(2), store.Save(second, 1));
        Assert.Equal(WorldJson.Serialize(first), WorldJson.Serialize(store.Load()!.World));
    }
}
