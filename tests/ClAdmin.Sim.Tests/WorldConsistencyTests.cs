using ClAdmin.Contracts;
using ClAdmin.Sim.Model;
using ClAdmin.Sim.Persistence;
using ClAdmin.Store;

namespace ClAdmin.Sim.Tests;

/// <summary>
/// A world's files are read from the store on first use (SqliteWorldStore): a file first read
/// after another cladmin process saved must not come from that newer save, or one command could
/// print a mix of two states of the world. Real SQLite files, two stores as two processes.
/// </summary>
public sealed class WorldConsistencyTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cladmin-world-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void A_file_first_read_after_a_newer_save_is_refused_as_a_change_underneath()
    {
        var db = Saved(out _);
        using var repo = ObjectRepository.Open(db);
        var mine = new SqliteWorldStore(repo).Load()!;
        SaveElsewhere(db, "node1b", "new motd\n");
        var motd = mine.World.Nodes[0].Files["/etc/motd"];
        Assert.Throws<WorldChangedException>(() => motd.Content);
    }

    [Fact]
    public void A_file_first_read_after_this_run_saved_reads_what_it_saved()
    {
        var db = Saved(out _);
        using var repo = ObjectRepository.Open(db);
        var store = new SqliteWorldStore(repo);
        var mine = store.Load()!;
        mine.World.Nodes[1].Hostname = "node2b";
        mine.World.Nodes[0].Files["/etc/motd"].Append("appended\n");
        Assert.True(store.Save(mine.World, mine.Version).Saved);
        Assert.Equal("old motd\nappended\n", mine.World.Nodes[0].Files["/etc/motd"].Content);
    }

    [Fact]
    public void A_query_never_prints_the_core_of_one_save_and_a_file_of_the_next()
    {
        var db = Saved(out _);
        Func<ObjectRepository> open = () => ObjectRepository.Open(db);
        var transport = new SimTransport(new RepositoryWorldStore(open));
        // The first command loads the world (without reading /etc/motd).
        Assert.Equal("node1\n", Run(transport, "hostname").Stdout);
        // Another cladmin renames the node and rewrites its motd in one save.
        SaveElsewhere(db, "node1b", "new motd\n");
        var both = Run(transport, "sh", "-c", "hostname; cat /etc/motd");
        Assert.Equal(0, both.ExitCode);
        Assert.Equal("node1b\nnew motd\n", both.Stdout);
    }

    [Fact]
    public void A_query_after_another_cladmin_saved_reads_the_world_it_saved()
    {
        // Issue 17 §2: a list read by a long-running session (lsuser, lsvg, hostname: queries,
        // which save nothing) must not answer from the world as this process last loaded it.
        var db = Saved(out _);
        Func<ObjectRepository> open = () => ObjectRepository.Open(db);
        var transport = new SimTransport(new RepositoryWorldStore(open));
        Assert.Equal("node1\n", Run(transport, "hostname").Stdout);
        SaveElsewhere(db, "node1b", "new motd\n");
        Assert.Equal("node1b\n", Run(transport, "hostname").Stdout);
        Assert.Equal("new motd\n", Run(transport, "cat", "/etc/motd").Stdout);
    }

    private string Saved(out SimWorld world)
    {
        var db = Path.Combine(_dir, "cladmin.db");
        world = WorldBuilder.Build(new WorldOptions(Nodes: 2, Disks: 1, Seed: 11));
        world.Nodes[0].Files["/etc/motd"] = new SimFile { Content = "old motd\n" };
        using var repo = ObjectRepository.Open(db);
        Assert.True(new SqliteWorldStore(repo).Save(world, 0).Saved);
        return db;
    }

    /// <summary>What another cladmin process does: load, change node1's hostname and motd, save.</summary>
    private static void SaveElsewhere(string db, string hostname, string motd)
    {
        using var repo = ObjectRepository.Open(db);
        var store = new SqliteWorldStore(repo);
        var other = store.Load()!;
        other.World.Nodes[0].Hostname = hostname;
        other.World.Nodes[0].Files["/etc/motd"].Content = motd;
        Assert.True(store.Save(other.World, other.Version).Saved);
    }

    private static NodeResult Run(SimTransport transport, params string[] argv) =>
        transport.RunAsync(new NodeCommand("node1", argv), CancellationToken.None).GetAwaiter().GetResult();
}
