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

    [Fact]
    public void The_system_runner_starts_processes_through_CliWrap()
    {
        // Issue 18 §2: the runner interface stays; its system implementation is CliWrap's.
        Assert.Contains(typeof(SystemProcessRunner).Assembly.GetReferencedAssemblies(), a => a.Name == "CliWrap");
    }

    [Fact]
    public async Task An_interactive_process_echoes_its_input_and_reports_its_exit_code()
    {
        using var process = SystemProcessRunner.Instance.Start(new ProcessSpec("sh", ["-c", "cat; echo err >&2; exit 7"]));
        var output = new StreamReader(process.Output).ReadToEndAsync();
        var error = new StreamReader(process.Error).ReadToEndAsync();
        await process.Input.WriteAsync("hello\n");
        await process.Input.FlushAsync();
        process.Input.Close();
        await process.WaitForExitAsync(CancellationToken.None);
        Assert.True(process.HasExited);
        Assert.Equal(7, process.ExitCode);
        Assert.Equal("hello\n", await output);
        Assert.Equal("err\n", await error);
        process.Kill(); // a process that has exited: nothing to kill, its exit code stays
        Assert.Equal(7, process.ExitCode);
    }

    [Fact]
    public async Task A_killed_interactive_process_reports_SIGKILL()
    {
        using var process = SystemProcessRunner.Instance.Start(new ProcessSpec("sleep", ["306"]));
        Assert.False(process.HasExited);
        process.Kill();
        await process.WaitForExitAsync(CancellationToken.None);
        Assert.True(process.HasExited);
        Assert.Equal(128 + 9, process.ExitCode);
        Assert.False(Pids.Running(process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task A_program_that_cannot_start_is_named()
    {
        var e = await Assert.ThrowsAsync<ProcessStartException>(() =>
            SystemProcessRunner.Instance.RunAsync(new ProcessSpec("/nonexistent/cladmin-no-such-program", []), CancellationToken.None));
        Assert.StartsWith("cannot run /nonexistent/cladmin-no-such-program: ", e.Message, StringComparison.Ordinal);
        Assert.Contains("No such file or directory", e.Message, StringComparison.Ordinal);
        Assert.Throws<ProcessStartException>(() => SystemProcessRunner.Instance.Start(new ProcessSpec("/nonexistent/cladmin-no-such-program", [])));
    }

    [Fact]
    public async Task A_run_returns_separate_output_error_and_exit_code_and_reads_a_stream()
    {
        var spec = new ProcessSpec("sh", ["-c", "cat; printf 'e\\n' >&2; exit 3"])
        {
            OpenStandardInput = () => new MemoryStream([0xC3, 0xA9, 0x0A]),
            Environment = new Dictionary<string, string?> { ["CLADMIN_RUNNER_TEST"] = "x" },
        };
        var result = await SystemProcessRunner.Instance.RunAsync(spec, CancellationToken.None);
        Assert.Equal(new ProcessOutput(3, "\u00e9\n", "e\n"), result);
    }
}
