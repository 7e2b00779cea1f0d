using System.Diagnostics;
using ClAdmin.Cluster;
using Microsoft.Data.Sqlite;

namespace ClAdmin.Store.Tests;

/// <summary>Databases that cannot be written or read as a database: each is a clear StoreException
/// naming the file, never a bare SQLite error (which the program reports as an internal error).</summary>
public sealed class UnwritableDatabaseTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cladmin-unwritable-").FullName;
    private readonly List<string> _mounts = [];

    private string Db => Path.Combine(_dir, "cladmin.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var m in Enumerable.Reverse(_mounts))
        {
            Run("umount", m);
        }
        Run("chmod", "-R", "u+w", _dir);
        Directory.Delete(_dir, recursive: true);
    }

    private static ClusterConfiguration Small => new()
    {
        Cluster = new ClusterInfo("c1", 1),
        Nodes = [new Node("n1", "n1"), new Node("n2", "n2")],
    };

    private static bool Run(string program, params string[] args)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }
        using var p = Process.Start(info)!;
        p.WaitForExit();
        return p.ExitCode == 0;
    }

    /// <summary>Makes <paramref name="dir"/> read-only for this process: permissions for an ordinary
    /// user; for root (whom permissions do not stop) a read-only bind mount.</summary>
    private void MakeReadOnly(string dir)
    {
        if (!Environment.IsPrivilegedProcess)
        {
            Assert.True(Run("chmod", "-R", "a-w", dir));
            return;
        }
        Assert.True(Run("mount", "--bind", dir, dir), "root, but mount --bind failed");
        _mounts.Add(dir);
        Assert.True(Run("mount", "-o", "remount,bind,ro", dir));
    }

    private void CreateWithData()
    {
        using var repo = ObjectRepository.Open(Db);
        repo.Update(ConfigDirectory.Default, _ => ((ClusterConfiguration?)Small, 0));
    }

    [Fact]
    public void A_read_only_database_can_be_read_and_leaves_no_wal_or_shm()
    {
        CreateWithData();
        MakeReadOnly(_dir);
        using (var repo = ObjectRepository.Open(Db))
        {
            Assert.Equal(["n1", "n2"], repo.LoadConfiguration(ConfigDirectory.Default).Nodes.Select(n => n.Name));
        }
        Assert.Equal(["cladmin.db"], Directory.GetFiles(_dir).Select(Path.GetFileName));
    }

    [Fact]
    public void Writing_a_read_only_database_says_so_and_names_the_file()
    {
        CreateWithData();
        MakeReadOnly(_dir);
        using var repo = ObjectRepository.Open(Db);
        var e = Assert.Throws<StoreException>(() => repo.Update(ConfigDirectory.Default, c => ((ClusterConfiguration?)(c with { Nodes = [] }), 0)));
        Assert.Equal(StoreErrorKind.ReadOnly, e.Kind);
        Assert.Contains(Db, e.Message);
        Assert.Contains("cannot be written", e.Message);
    }

    [Fact]
    public void A_new_database_in_a_read_only_directory_says_so()
    {
        MakeReadOnly(_dir);
        var e = Assert.Throws<StoreException>(() => ObjectRepository.Open(Db));
        Assert.Equal(StoreErrorKind.ReadOnly, e.Kind);
        Assert.Contains(Db, e.Message);
    }

    [Fact]
    public void A_directory_given_as_the_database_is_refused_clearly()
    {
        var e = Assert.Throws<StoreException>(() => ObjectRepository.Open(_dir));
        Assert.Equal(StoreErrorKind.Unusable, e.Kind);
        Assert.Contains($"{_dir} is a directory", e.Message);
    }

    [Fact]
    public void Dev_null_is_refused_clearly()
    {
        var e = Assert.Throws<StoreException>(() => ObjectRepository.Open("/dev/null"));
        Assert.Equal(StoreErrorKind.Unusable, e.Kind);
        Assert.Contains("/dev/null is a device", e.Message);
    }

    [Fact]
    public void A_truncated_database_is_reported_as_damaged()
    {
        using (var repo = ObjectRepository.Open(Db))
        {
            repo.Update(ConfigDirectory.Default, _ => ((ClusterConfiguration?)(Small with { Nodes = [.. Enumerable.Range(1, 300).Select(i => new Node($"node{i}", $"10.0.{i / 256}.{i % 256}"))] }), 0));
        }
        SqliteConnection.ClearAllPools();
        using (var f = new FileStream(Db, FileMode.Open))
        {
            Assert.True(f.Length > 3 * 4096);
            f.SetLength(2 * 4096 + 100);
        }
        var e = Assert.Throws<StoreException>(() =>
        {
            using var repo = ObjectRepository.Open(Db);
            repo.LoadConfiguration(ConfigDirectory.Default);
        });
        Assert.Equal(StoreErrorKind.Unusable, e.Kind);
        Assert.Contains($"{Db} is damaged", e.Message);
    }

    [Fact]
    public void A_full_disk_is_a_store_error_of_its_own_at_the_seam()
    {
        var e = ObjectRepository.ToStoreException("/x/cladmin.db", new SqliteException("database or disk is full", 13))!;
        Assert.Equal(StoreErrorKind.Full, e.Kind);
        Assert.Contains("/x/cladmin.db", e.Message);
        Assert.Contains("full", e.Message);
        // A -shm file that cannot grow on a full disk (SQLITE_IOERR_SHMSIZE, as on a full tmpfs).
        Assert.Equal(StoreErrorKind.Full, ObjectRepository.ToStoreException("/x/cladmin.db", new SqliteException("disk I/O error", 10, 10 | (19 << 8)))!.Kind);
    }

    [Fact]
    public void A_full_disk_leaves_the_database_as_it_was()
    {
        if (!Environment.IsPrivilegedProcess)
        {
            return; // a small tmpfs needs root; the seam test above covers the mapping
        }
        var small = Path.Combine(_dir, "small");
        Directory.CreateDirectory(small);
        Assert.True(Run("mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", small), "root, but mount -t tmpfs failed");
        _mounts.Add(small);
        var db = Path.Combine(small, "cladmin.db");
        using (var repo = ObjectRepository.Open(db))
        {
            repo.Update(ConfigDirectory.Default, _ => ((ClusterConfiguration?)Small, 0));
        }
        File.WriteAllBytes(Path.Combine(small, "filler"), new byte[360 * 1024]);
        using (var repo = ObjectRepository.Open(db))
        {
            var big = Small with { Nodes = [.. Enumerable.Range(1, 5000).Select(i => new Node($"node{i}-{new string('x', 60)}", $"path{i}"))] };
            var e = Assert.Throws<StoreException>(() => repo.Update(ConfigDirectory.Default, _ => ((ClusterConfiguration?)big, 0)));
            Assert.Equal(StoreErrorKind.Full, e.Kind);
            Assert.Contains(db, e.Message);
        }
        using var again = ObjectRepository.Open(db);
        Assert.Equal(["n1", "n2"], again.LoadConfiguration(ConfigDirectory.Default).Nodes.Select(n => n.Name));
    }
}
