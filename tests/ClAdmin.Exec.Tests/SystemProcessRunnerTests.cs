using ClAdmin.Exec.Processes;

namespace ClAdmin.Exec.Tests;

/// <summary>The real process runner: a cancelled program is killed, whatever it was doing.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SystemProcessRunnerTests
{
    [Fact]
    public async Task A_program_cancelled_while_its_input_is_written_is_killed()
    {
        // sleep reads none of its 1 MB of input: the write blocks once the pipe is full.
        var pidFile = Path.Combine(Path.GetTempPath(), $"cladmin-runner-{Guid.NewGuid():N}");
        var spec = new ProcessSpec("sh", ["-c", $"echo $$ > {pidFile}; exec sleep 304"]) { StandardInput = new string('x', 1 << 20) };
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        try
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => SystemProcessRunner.Instance.RunAsync(spec, cts.Token));
            var pid = File.ReadAllText(pidFile).Trim();
            Assert.False(Pids.Running(pid), "the cancelled program still runs");
        }
        finally
        {
            File.Delete(pidFile);
        }
    }

    [Fact]
    public async Task A_program_that_never_reads_its_input_times_out_at_its_limit()
    {
        // Before, the time limit started only once all the input was written: with the pipe full
        // and nothing reading, the run never ended.
        var pidFile = Path.Combine(Path.GetTempPath(), $"cladmin-runner-{Guid.NewGuid():N}");
        var spec = new ProcessSpec("sh", ["-c", $"echo $$ > {pidFile}; exec sleep 305"])
        {
            StandardInput = new string('x', 1 << 20),
            Timeout = TimeSpan.FromMilliseconds(500),
        };
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            var result = await SystemProcessRunner.Instance.RunAsync(spec, guard.Token);
            Assert.True(result.TimedOut);
            Assert.False(guard.IsCancellationRequested, "the time limit did not stop the run: the guard did");
            Assert.False(Pids.Running(File.ReadAllText(pidFile).Trim()), "the timed-out program still runs");
        }
        finally
        {
            File.Delete(pidFile);
        }
    }
}
