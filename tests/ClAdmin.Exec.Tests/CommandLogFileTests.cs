using ClAdmin.Contracts;
using ClAdmin.Exec.FanOut;

namespace ClAdmin.Exec.Tests;

/// <summary>cspoc.log as several cladmin processes write it at once (a script's runs in parallel,
/// two administrators): each log object stands for a process of its own.</summary>
public sealed class CommandLogFileTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("cladmin-cspoclog");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public void Entries_written_at_once_by_separate_writers_are_all_kept_whole()
    {
        var path = Path.Combine(_dir.FullName, "state", "cspoc.log"); // its directory made on the first entry
        const int Writers = 4, Each = 3000;
        using var start = new Barrier(Writers);
        var threads = Enumerable.Range(0, Writers).Select(w => new Thread(() =>
        {
            var log = new FileCommandLog(path);
            start.SignalAndWait();
            for (var i = 0; i < Each; i++)
            {
                log.Record(new CommandLogEntry(DateTimeOffset.UnixEpoch, $"node{w}", $"echo entry{i}", NodeOutcome.Ok, 0, TimeSpan.Zero));
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        var lines = File.ReadAllLines(path);
        Assert.Equal(Writers * Each, lines.Length);
        for (var w = 0; w < Writers; w++)
        {
            var mine = lines.Where(l => l.StartsWith($"1970-01-01T00:00:00.000Z node{w} rc=0 ok 0.000s echo entry", StringComparison.Ordinal)).ToList();
            Assert.Equal(Enumerable.Range(0, Each).Select(i => $"1970-01-01T00:00:00.000Z node{w} rc=0 ok 0.000s echo entry{i}"), mine);
        }
    }

    [Fact]
    public void An_entry_that_cannot_be_written_is_reported_with_the_file_and_skipped()
    {
        var blocker = Path.Combine(_dir.FullName, "file");
        File.WriteAllText(blocker, "");
        var failures = new List<(string Path, Exception Error)>();
        var log = new FileCommandLog(Path.Combine(blocker, "cspoc.log")) { WriteFailed = (p, e) => failures.Add((p, e)) };

        log.Record(new CommandLogEntry(DateTimeOffset.UnixEpoch, "node1", "true", NodeOutcome.Ok, 0, TimeSpan.Zero));

        var (failedPath, error) = Assert.Single(failures);
        Assert.Equal(Path.Combine(blocker, "cspoc.log"), failedPath);
        Assert.IsAssignableFrom<IOException>(error);
    }
}
