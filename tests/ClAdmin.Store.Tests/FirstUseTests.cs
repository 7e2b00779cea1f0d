using Microsoft.Data.Sqlite;

namespace ClAdmin.Store.Tests;

/// <summary>Creating a database on first use, from several connections at once (as several cladmin
/// processes starting together do), on real files.</summary>
public sealed class FirstUseTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cladmin-first-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void Eight_connections_opening_a_fresh_path_at_once_all_succeed()
    {
        const int openers = 8;
        var failures = new List<string>();
        for (var round = 0; round < 40; round++)
        {
            var path = Path.Combine(_dir, $"fresh{round}.db");
            using var start = new Barrier(openers);
            var threads = Enumerable.Range(0, openers).Select(_ => new Thread(() =>
            {
                start.SignalAndWait();
                try
                {
                    using var repo = ObjectRepository.Open(path, TimeSpan.FromSeconds(30));
                    if (repo.SchemaVersion != ObjectRepository.CurrentSchemaVersion)
                    {
                        lock (failures) { failures.Add($"round {round}: schema version {repo.SchemaVersion}"); }
                    }
                }
                catch (Exception e) when (e is StoreException or SqliteException)
                {
                    lock (failures) { failures.Add($"round {round}: {e.Message}"); }
                }
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());
        }
        Assert.Empty(failures);
    }

    [Fact]
    public void A_zero_length_file_is_a_new_database()
    {
        var path = Path.Combine(_dir, "empty.db");
        File.WriteAllBytes(path, []);
        using var repo = ObjectRepository.Open(path);
        Assert.Equal(ObjectRepository.CurrentSchemaVersion, repo.SchemaVersion);
    }
}
