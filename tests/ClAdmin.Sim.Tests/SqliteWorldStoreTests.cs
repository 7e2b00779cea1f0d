using ClAdmin.Sim.Persistence;
using ClAdmin.Sim.Model;
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

    // The world's files are kept apart from its small core: a run that changes a node's state reads
    // and writes a few hundred kilobytes, not every node's logs (scripts/bench/policy.sh).

    [Fact]
    public void File_contents_are_rows_of_their_own_not_part_of_the_world_document()
    {
        var db = Path.Combine(_dir, "cladmin.db");
        var world = WorldBuilder.Build(new WorldOptions(Nodes: 2, Disks: 1, Seed: 3));
        Write(world.Nodes[1], "/tmp/hacmp.out", "EVENT START: node_up node2\n", append: true);
        using (var repo = ObjectRepository.Open(db))
        {
            Assert.True(new SqliteWorldStore(repo).Save(world, 0).Saved);
        }
        Assert.DoesNotContain("EVENT START: node_up node2", Query(db, "SELECT document FROM world_state WHERE name = 'default'"));
        Assert.Equal("EVENT START: node_up node2\n", Query(db, "SELECT content FROM world_file WHERE world = 'default' AND node = 'node2' AND path = '/tmp/hacmp.out'"));
    }

    [Fact]
    public void Appending_to_a_log_saves_the_new_lines_without_reading_the_log()
    {
        var db = Path.Combine(_dir, "cladmin.db");
        var world = WorldBuilder.Build(new WorldOptions(Nodes: 2, Disks: 1, Seed: 3));
        Write(world.Nodes[0], "/tmp/hacmp.out", "first\n", append: true);
        using var repo = ObjectRepository.Open(db);
        var store = new SqliteWorldStore(repo);
        Assert.True(store.Save(world, 0).Saved);
        var loaded = store.Load()!;
        // Changed behind the loaded world's back: a store that read the log at load time (or to
        // append) would write "first\nsecond\n" back over it.
        Execute(db, "UPDATE world_file SET content = 'kept\n' WHERE node = 'node1' AND path = '/tmp/hacmp.out'");
        Write(loaded.World.Nodes[0], "/tmp/hacmp.out", "second\n", append: true);
        Assert.True(store.Save(loaded.World, loaded.Version).Saved);
        Assert.Equal("kept\nsecond\n", store.Load()!.World.Nodes[0].Files["/tmp/hacmp.out"].Content);
    }

    [Fact]
    public void Appending_to_a_log_writes_only_the_new_lines_not_the_whole_log_again()
    {
        // A 64-node crash appends a few lines to six logs on every node; rewriting each whole log
        // (content = content || new) wrote 14 MB for a 1.3 MB world. Appended text is a part of its own.
        var db = Path.Combine(_dir, "cladmin.db");
        var world = WorldBuilder.Build(new WorldOptions(Nodes: 2, Disks: 1, Seed: 3));
        Write(world.Nodes[0], "/tmp/hacmp.out", new string('x', 100_000) + "\n", append: true);
        using var repo = ObjectRepository.Open(db);
        var store = new SqliteWorldStore(repo);
        Assert.True(store.Save(world, 0).Saved);
        var loaded = store.Load()!;
        Write(loaded.World.Nodes[0], "/tmp/hacmp.out", "EVENT START: node_down node2\n", append: true);
        Assert.True(store.Save(loaded.World, loaded.Version).Saved);
        Assert.Equal("2", Query(db, "SELECT count(*) FROM world_file WHERE node = 'node1' AND path = '/tmp/hacmp.out'"));
        Assert.Equal("EVENT START: node_down node2\n",
            Query(db, "SELECT content FROM world_file WHERE node = 'node1' AND path = '/tmp/hacmp.out' ORDER BY part DESC LIMIT 1"));
        Assert.Equal(new string('x', 100_000) + "\nEVENT START: node_down node2\n", store.Load()!.World.Nodes[0].Files["/tmp/hacmp.out"].Content);

        // Written whole again (>), the file is one part once more.
        var again = store.Load()!;
        Write(again.World.Nodes[0], "/tmp/hacmp.out", "fresh\n", append: false);
        Assert.True(store.Save(again.World, again.Version).Saved);
        Assert.Equal("1", Query(db, "SELECT count(*) FROM world_file WHERE node = 'node1' AND path = '/tmp/hacmp.out'"));
        Assert.Equal("fresh\n", store.Load()!.World.Nodes[0].Files["/tmp/hacmp.out"].Content);
    }

    [Fact]
    public void A_loaded_world_reads_its_files_and_saves_them_back_unchanged()
    {
        var db = Path.Combine(_dir, "cladmin.db");
        var world = WorldBuilder.Build(new WorldOptions(Nodes: 3, Disks: 2, Seed: 7));
        Write(world.Nodes[2], "/usr/es/adm/cluster.log", "line 1\n", append: true);
        using var repo = ObjectRepository.Open(db);
        var store = new SqliteWorldStore(repo);
        Assert.True(store.Save(world, 0).Saved);
        var loaded = store.Load()!;
        Write(loaded.World.Nodes[2], "/usr/es/adm/cluster.log", "line 2\n", append: true);
        Write(loaded.World.Nodes[1], "/etc/motd", "replaced\n", append: false);
        loaded.World.Nodes[0].Files.Remove("/etc/motd");
        Write(loaded.World.Nodes[0], "/tmp/new", "new\n", append: false);
        Assert.True(store.Save(loaded.World, loaded.Version).Saved);
        var expected = WorldJson.Serialize(loaded.World);
        Assert.Contains("line 1\\nline 2\\n", expected, StringComparison.Ordinal);
        Assert.Equal(expected, WorldJson.Serialize(store.Load()!.World));
        Assert.Equal("0", Query(db, "SELECT count(*) FROM world_file WHERE node = 'node1' AND path = '/etc/motd'"));
    }

    [Fact]
    public void A_stale_save_changes_no_file()
    {
        var db = Path.Combine(_dir, "cladmin.db");
        using var repo = ObjectRepository.Open(db);
        var store = new SqliteWorldStore(repo);
        Assert.True(store.Save(WorldBuilder.Build(new WorldOptions(Nodes: 2, Disks: 1, Seed: 1)), 0).Saved);
        var first = store.Load()!;
        var second = store.Load()!;
        Write(first.World.Nodes[0], "/tmp/hacmp.out", "first run\n", append: true);
        Assert.True(store.Save(first.World, first.Version).Saved);
        Write(second.World.Nodes[0], "/tmp/hacmp.out", "second run\n", append: true);
        Write(second.World.Nodes[1], "/tmp/other", "second run\n", append: false);
        Assert.Equal(WorldSaveResult.Conflict(2), store.Save(second.World, second.Version));
        var now = store.Load()!.World;
        Assert.Equal("first run\n", now.Nodes[0].Files["/tmp/hacmp.out"].Content);
        Assert.False(now.Nodes[1].Files.ContainsKey("/tmp/other"));
    }

    [Fact]
    public void A_world_saved_in_one_document_by_an_earlier_version_still_opens()
    {
        var db = Path.Combine(_dir, "cladmin.db");
        var world = WorldBuilder.Build(new WorldOptions(Nodes: 2, Disks: 1, Seed: 5));
        Write(world.Nodes[1], "/tmp/hacmp.out", "EVENT COMPLETED: node_up node2 0\n", append: true);
        // Schema 3: the world_state row holds the whole world, files and all.
        using (var repo = ObjectRepository.Open(db))
        {
            repo.SaveWorld(SqliteWorldStore.DefaultWorld, WorldJson.Serialize(world), 0);
        }
        Execute(db, "DROP TABLE IF EXISTS world_file; UPDATE schema_version SET version = 3;");
        using (var repo = ObjectRepository.Open(db))
        {
            var store = new SqliteWorldStore(repo);
            var loaded = store.Load()!;
            Assert.Equal(WorldJson.Serialize(world), WorldJson.Serialize(loaded.World));
            Write(loaded.World.Nodes[1], "/tmp/hacmp.out", "EVENT START: node_down node1\n", append: true);
            Assert.True(store.Save(loaded.World, loaded.Version).Saved);
        }
        using (var repo = ObjectRepository.Open(db))
        {
            Assert.Equal("EVENT COMPLETED: node_up node2 0\nEVENT START: node_down node1\n",
                new SqliteWorldStore(repo).Load()!.World.Nodes[1].Files["/tmp/hacmp.out"].Content);
        }
        Assert.DoesNotContain("node_down node1", Query(db, "SELECT document FROM world_state WHERE name = 'default'"));
    }

    /// <summary>As a shell's <c>&gt;&gt;</c> (append) or <c>&gt;</c> does to the node's file.</summary>
    private static void Write(SimNode node, string path, string text, bool append)
    {
        if (!node.Files.TryGetValue(path, out var file))
        {
            node.Files[path] = new SimFile { Content = text };
        }
        else if (append)
        {
            file.Append(text);
        }
        else
        {
            file.Content = text;
        }
    }

    private static string Query(string db, string sql)
    {
        using var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToString(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }

    private static void Execute(string db, string sql)
    {
        using var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
