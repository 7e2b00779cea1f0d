using ClAdmin.Cluster;
using ClAdmin.Store;
using Microsoft.Data.Sqlite;

namespace ClAdmin.Store.Tests;

public sealed class StoreTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cladmin-store-").FullName;

    private string Db => Path.Combine(_dir, "cladmin.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private static ClusterConfiguration Small => new()
    {
        Cluster = new ClusterInfo("c1", 1),
        Nodes = [new Node("n1", "n1"), new Node("n2", "n2")],
    };

    [Fact]
    public void New_file_gets_the_current_schema_wal_and_foreign_keys()
    {
        using var repo = ObjectRepository.Open(Db);
        Assert.Equal(ObjectRepository.CurrentSchemaVersion, repo.SchemaVersion);
        using var c = new SqliteConnection($"Data Source={Db}");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", cmd.ExecuteScalar());
    }

    [Fact]
    public void Configuration_survives_reopening()
    {
        using (var repo = ObjectRepository.Open(Db))
        {
            repo.Update(ConfigDirectory.Default, _ => ((ClusterConfiguration?)Small, 0));
        }
        using var again = ObjectRepository.Open(Db);
        Assert.Equal(["n1", "n2"], again.LoadConfiguration(ConfigDirectory.Default).Nodes.Select(n => n.Name));
        Assert.Empty(again.LoadConfiguration(ConfigDirectory.Active).Nodes);
    }

    [Fact]
    public void Default_and_active_are_kept_apart_until_activated()
    {
        using var repo = ObjectRepository.Open(Db);
        repo.Update(ConfigDirectory.Default, _ => ((ClusterConfiguration?)Small, 0));
        Assert.Null(repo.LoadConfiguration(ConfigDirectory.Active).Cluster);
        repo.ActivateDefault();
        Assert.Equal("c1", repo.LoadConfiguration(ConfigDirectory.Active).Cluster!.Name);
    }

    [Fact]
    public void A_change_that_throws_leaves_the_file_as_it_was()
    {
        using var repo = ObjectRepository.Open(Db);
        repo.Update(ConfigDirectory.Default, _ => ((ClusterConfiguration?)Small, 0));
        Assert.Throws<InvalidOperationException>(() => repo.Update<int>(ConfigDirectory.Default, _ => throw new InvalidOperationException("boom")));
        repo.Update(ConfigDirectory.Default, c => ((ClusterConfiguration?)null, 0));
        Assert.Equal(2, repo.LoadConfiguration(ConfigDirectory.Default).Nodes.Count);
    }

    [Fact]
    public void A_file_that_is_not_sqlite_is_refused_clearly()
    {
        File.WriteAllText(Db, "this is a text file, not a database at all, long enough to have a header......");
        var e = Assert.Throws<StoreException>(() => ObjectRepository.Open(Db));
        Assert.Equal(StoreErrorKind.NotClAdminDatabase, e.Kind);
        Assert.Contains("is not a ClAdmin database", e.Message);
    }

    [Fact]
    public void Another_applications_sqlite_file_is_refused()
    {
        using (var c = new SqliteConnection($"Data Source={Db};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "CREATE TABLE t (x)";
            cmd.ExecuteNonQuery();
        }
        Assert.Equal(StoreErrorKind.NotClAdminDatabase, Assert.Throws<StoreException>(() => ObjectRepository.Open(Db)).Kind);
    }

    [Fact]
    public void A_newer_schema_is_refused()
    {
        ObjectRepository.Open(Db).Dispose();
        using (var c = new SqliteConnection($"Data Source={Db};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "UPDATE schema_version SET version = 99";
            cmd.ExecuteNonQuery();
        }
        var e = Assert.Throws<StoreException>(() => ObjectRepository.Open(Db));
        Assert.Equal(StoreErrorKind.NewerSchema, e.Kind);
        Assert.Contains("schema version 99", e.Message);
    }

    [Fact]
    public void Migration_from_version_1_keeps_the_data_and_adds_world_state()
    {
        using (var v1 = ObjectRepository.Open(Db, null, targetVersion: 1))
        {
            Assert.Equal(1, v1.SchemaVersion);
            v1.Update(ConfigDirectory.Default, _ => ((ClusterConfiguration?)Small, 0));
            Assert.ThrowsAny<SqliteException>(() => v1.LoadWorld("w"));
        }
        using var current = ObjectRepository.Open(Db);
        Assert.Equal(ObjectRepository.CurrentSchemaVersion, current.SchemaVersion);
        Assert.Equal(2, current.LoadConfiguration(ConfigDirectory.Default).Nodes.Count);
        Assert.Equal(1, current.SaveWorld("w", "{}", 0));
    }

    [Fact]
    public void World_save_detects_a_version_changed_underneath()
    {
        using var a = ObjectRepository.Open(Db);
        using var b = ObjectRepository.Open(Db);
        Assert.Null(a.LoadWorld("demo"));
        Assert.Equal(1, a.SaveWorld("demo", "{\"v\":1}", 0));
        var seen = b.LoadWorld("demo")!;
        Assert.Equal(2, a.SaveWorld("demo", "{\"v\":2}", 1));
        var e = Assert.Throws<StoreException>(() => b.SaveWorld("demo", "{\"v\":3}", seen.Version));
        Assert.Equal(StoreErrorKind.Conflict, e.Kind);
        Assert.Equal("{\"v\":2}", b.LoadWorld("demo")!.Json);
    }

    [Fact]
    public void A_writer_held_past_the_busy_timeout_gets_a_clear_busy_error()
    {
        using var holder = new SqliteConnection($"Data Source={Db};Pooling=False");
        ObjectRepository.Open(Db).Dispose();
        holder.Open();
        using var tx = holder.BeginTransaction(deferred: false);
        using var repo = ObjectRepository.Open(Db, TimeSpan.FromMilliseconds(200));
        var e = Assert.Throws<StoreException>(() => repo.SaveWorld("w", "{}", 0));
        Assert.Equal(StoreErrorKind.Busy, e.Kind);
        Assert.Contains("busy", e.Message);
    }

    [Fact]
    public async Task Two_connections_writing_at_once_both_end_correctly()
    {
        ObjectRepository.Open(Db).Dispose();
        const int perWriter = 40;
        async Task<int> Writer(string prefix) => await Task.Run(() =>
        {
            using var repo = ObjectRepository.Open(Db, TimeSpan.FromSeconds(20));
            var busy = 0;
            for (var i = 0; i < perWriter; i++)
            {
                try
                {
                    repo.Update(ConfigDirectory.Default, c => ((ClusterConfiguration?)(c with { Nodes = [.. c.Nodes, new Node($"{prefix}{i}", "p")] }), 0));
                }
                catch (StoreException e) when (e.Kind == StoreErrorKind.Busy)
                {
                    busy++;
                }
            }
            return busy;
        });
        var results = await Task.WhenAll(Writer("a"), Writer("b"));
        using var check = ObjectRepository.Open(Db);
        Assert.Equal("ok", check.IntegrityCheck());
        var nodes = check.LoadConfiguration(ConfigDirectory.Default).Nodes.Select(n => n.Name).ToHashSet();
        // With a busy timeout far longer than any write, no writer is turned away (a test that
        // allowed "busy" passed when all 80 writes failed), and every write is there, once.
        Assert.Equal([0, 0], results);
        Assert.Equal(2 * perWriter, nodes.Count);
        Assert.All(Enumerable.Range(0, perWriter), i => Assert.Contains($"a{i}", nodes));
        Assert.All(Enumerable.Range(0, perWriter), i => Assert.Contains($"b{i}", nodes));
    }

    [Fact]
    public void Default_path_needs_no_flag()
    {
        Assert.Equal("/x/state/cladmin/cladmin.db", StorePaths.DefaultDatabase(k => k == "XDG_STATE_HOME" ? "/x/state" : null));
        Assert.Equal("/home/u/.local/state/cladmin/cladmin.db", StorePaths.DefaultDatabase(k => k == "HOME" ? "/home/u" : null));
        Assert.Equal("/tmp/a.db", StorePaths.DefaultDatabase(k => k == "CLADMIN_DB" ? "/tmp/a.db" : "/ignored"));
    }

    [Fact]
    public void Snapshot_files_have_the_three_sections()
    {
        var snaps = new SnapshotRepository(Path.Combine(_dir, "snapshots"));
        snaps.Create("s1", "before change", Cluster.Odm.OdmMapping.ToObjects(new ClusterConfiguration { Nodes = [new Node("n1", "n1")] }), "info");
        var text = File.ReadAllText(snaps.OdmPath("s1"));
        Assert.StartsWith("<VER\n1.0\n</VER\n\n<DSC\nbefore change\n</DSC\n\n<ODM\n\nHACMPnode:\n\tname = \"n1\"\n", text);
        Assert.EndsWith("</ODM\n", text);
        Assert.Equal("before change", Assert.Single(snaps.List()).Description);
        Assert.Equal("n1", snaps.Read("s1").Configuration.Nodes[0].Name);
        Assert.True(snaps.Remove("s1"));
        Assert.Empty(snaps.List());
    }
}
