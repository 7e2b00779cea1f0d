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
}
