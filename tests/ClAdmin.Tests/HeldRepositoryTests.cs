using ClAdmin.Sim.Persistence;

namespace ClAdmin.Tests;

/// <summary>
/// A runtime on the simulator holds one connection to the repository for its life: the short
/// connections of each call then never close the last one, which would checkpoint the WAL into
/// the database and delete it (fsyncs, and a new -wal and -shm at the next open) several times
/// a command. When the runtime ends, the WAL is checkpointed once and the file is whole.
/// </summary>
public sealed class HeldRepositoryTests : DemoScenario
{
    [Fact]
    public async Task A_short_connection_closing_during_a_runtime_leaves_the_wal_to_the_end()
    {
        var runtime = await Demo();
        await using (runtime)
        {
            await Ok(runtime, "date");
            using (var repo = runtime.OpenRepository())
            {
                Assert.NotNull(repo.WorldVersion(SqliteWorldStore.DefaultWorld));
            }
            Assert.True(File.Exists(Db + "-wal"), "the -wal file was checkpointed and deleted when a short connection closed");
        }
        Assert.False(File.Exists(Db + "-wal"), "the runtime ended without its last connection checkpointing the WAL");
        // The file alone (a copy of it) holds the world.
        var copy = Path.Combine(Directory, "copy.db");
        File.Copy(Db, copy);
        using var copied = Store.ObjectRepository.Open(copy);
        Assert.NotNull(copied.LoadWorld(SqliteWorldStore.DefaultWorld));
    }
}
