using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using System.IO.Pipelines;
using System.Text;
using CliWrap;

namespace ClAdmin.Exec.Processes;

/// <summary>
/// <see cref="IProcessRunner"/> over CliWrap: it starts the program (arguments as separate words,
/// never a shell string), feeds its standard input from a string or a stream, keeps standard
/// output and standard error apart, and reports the exit code. A run's cancellation is CliWrap's
/// forceful one (the process tree is killed); an interactive process's Kill kills the tree itself,
/// so its output is read to the end; a process that has already exited is never tree-killed (a
/// tree kill reads all of /proc).
/// </summary>
public sealed class SystemProcessRunner : IProcessRunner
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The exit code .NET reports for a process killed by SIGKILL (128 + 9).</summary>
    private const int Killed = 128 + 9;

    public static SystemProcessRunner Instance { get; } = new();

    /// <summary>Processes started and not yet done with.</summary>
    private static readonly ConcurrentDictionary<Process, byte> Live = new();

    /// <summary>On the way out (the end of Main, SIGTERM, or the Ctrl-C grace running out),
    /// kills what is still running: ssh ignores SIGINT (see SshTransport.SshSpec) and would
    /// otherwise outlive cladmin, holding its node's command until that command ends.</summary>
    static SystemProcessRunner() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        foreach (var process in Live.Keys)
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill();
                }
            }
            catch (Exception e) when (e is InvalidOperationException or Win32Exception or NotSupportedException)
            {
                // Gone, or never started.
            }
        }
    };

    public async Task<ProcessOutput> RunAsync(ProcessSpec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        var input = spec.OpenStandardInput is { } open
            ? PipeSource.Create(async (destination, ct) =>
            {
                await using var source = open();
                await source.CopyToAsync(destination, ct).ConfigureAwait(false);
            })
            : spec.StandardInput is { Length: > 0 } text ? PipeSource.FromString(text, Utf8) : PipeSource.Null;
        var command = Command(spec)
            .WithStandardInputPipe(input)
            .WithStandardOutputPipe(PipeTarget.ToStringBuilder(stdout, Utf8))
            .WithStandardErrorPipe(PipeTarget.ToStringBuilder(stderr, Utf8));
        // The time limit counts from the start: a program that never reads its input must not
        // hold us in the copy once the pipe is full.
        using var timeout = spec.Timeout is { } t ? new CancellationTokenSource(t) : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        Process? started = null;
        try
        {
            var result = await Execute(spec, command, p => started = p, linked.Token).ConfigureAwait(false);
            return new ProcessOutput(result.ExitCode, stdout.ToString(), stderr.ToString());
        }
        catch (OperationCanceledException)
        {
            // Cancelled, or past its time limit (while it ran or still read its input): CliWrap
            // killed its tree and waited for it.
            cancellationToken.ThrowIfCancellationRequested();
            return new ProcessOutput(Killed, stdout.ToString(), stderr.ToString(), TimedOut: true);
        }
        finally
        {
            if (started is not null)
            {
                Live.TryRemove(started, out _);
            }
        }
    }

    public IInteractiveProcess Start(ProcessSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new Interactive(spec);
    }

    private static Command Command(ProcessSpec spec)
    {
        var command = Cli.Wrap(spec.FileName).WithArguments(spec.Arguments).WithValidation(CommandResultValidation.None);
        return spec.Environment is null ? command : command.WithEnvironmentVariables(spec.Environment);
    }

    /// <summary>Starts the command; <paramref name="started"/> gets its process (kept in
    /// <see cref="Live"/>), before the task is returned.</summary>
    private static CommandTask<CommandResult> Execute(ProcessSpec spec, Command command, Action<Process> started, CancellationToken kill)
    {
        try
        {
            return command.ExecuteAsync(null, p =>
            {
                Live.TryAdd(p, 0);
                started(p);
            }, kill, CancellationToken.None);
        }
        catch (Win32Exception e)
        {
            // CliWrap wraps the system's error ("No such file or directory") in one of its own.
            var cause = e.InnerException as Win32Exception ?? e;
            throw new ProcessStartException(spec.FileName, cause.Message, cause);
        }
        catch (InvalidOperationException e)
        {
            throw new ProcessStartException(spec.FileName, e.Message, e);
        }
    }

    /// <summary>A running process whose standard streams the caller drives: CliWrap copies them
    /// to and from in-memory pipes (no back-pressure on output, so waiting for the exit never
    /// wedges on output nobody has read yet).</summary>
    private sealed class Interactive : IInteractiveProcess
    {
        // A reader's continuation runs on the writer's thread (Inline): each line ssh prints, and
        // each line written to it, goes on without a hop through the thread pool (at 32 nodes
        // those hops were most of cladmin's CPU in a warm fan-out). Every reader here is async.
        private static readonly PipeOptions Unbounded = new(readerScheduler: PipeScheduler.Inline, writerScheduler: PipeScheduler.Inline,
            pauseWriterThreshold: 0, resumeWriterThreshold: 0);

        private static readonly PipeOptions ToProcess = new(readerScheduler: PipeScheduler.Inline, writerScheduler: PipeScheduler.Inline);

        private readonly Pipe _input = new(ToProcess);
        private readonly Pipe _output = new(Unbounded);
        private readonly Pipe _error = new(Unbounded);
        private Process? _process;
        private readonly Task<int> _exit;

        public Interactive(ProcessSpec spec)
        {
            var command = Command(spec)
                .WithStandardInputPipe(PipeSource.FromStream(_input.Reader.AsStream(), autoFlush: true))
                .WithStandardOutputPipe(Into(_output.Writer))
                .WithStandardErrorPipe(Into(_error.Writer));
            CommandTask<CommandResult> task;
            try
            {
                task = Execute(spec, command, p => _process = p, CancellationToken.None);
            }
            catch
            {
                _input.Writer.Complete();
                throw;
            }
            Id = task.ProcessId;
            Input = new StreamWriter(_input.Writer.AsStream(), Utf8) { AutoFlush = false };
            Output = _output.Reader.AsStream();
            Error = _error.Reader.AsStream();
            _exit = ExitCodeAsync(task);
        }

        /// <summary>The output copied into <paramref name="writer"/>, which is then completed (the reader's end of file).</summary>
        private static PipeTarget Into(PipeWriter writer) => PipeTarget.Create(async (source, ct) =>
        {
            try
            {
                await source.CopyToAsync(writer.AsStream(leaveOpen: true), ct).ConfigureAwait(false);
            }
            finally
            {
                await writer.CompleteAsync().ConfigureAwait(false);
            }
        });

        private async Task<int> ExitCodeAsync(CommandTask<CommandResult> task)
        {
            try
            {
                return (await task.ConfigureAwait(false)).ExitCode;
            }
            finally
            {
                if (_process is not null)
                {
                    Live.TryRemove(_process, out _);
                }
                await _input.Reader.CompleteAsync().ConfigureAwait(false);
            }
        }

        public int Id { get; }
        public StreamWriter Input { get; }
        public Stream Output { get; }
        public Stream Error { get; }

        public bool HasExited
        {
            get
            {
                if (_exit.IsCompleted)
                {
                    return true;
                }
                try
                {
                    return _process is null || _process.HasExited;
                }
                catch (InvalidOperationException)
                {
                    return true;
                }
            }
        }

        public int ExitCode => _exit.IsCompleted ? _exit.Result : throw new InvalidOperationException($"process {Id} has not exited");

        public Task WaitForExitAsync(CancellationToken cancellationToken) => _exit.WaitAsync(cancellationToken);

        /// <summary>Kills the tree here rather than through CliWrap's cancellation, which would
        /// also stop copying the output: what ssh printed just before (a late acknowledgement:
        /// the command did start) must still reach the reader.</summary>
        public void Kill()
        {
            if (!HasExited && _process is { } process)
            {
                try
                {
                    process.Kill(entireProcessTree: true); // reads all of /proc: only for a process still running
                }
                catch (InvalidOperationException)
                {
                    // Gone meanwhile.
                }
            }
        }

        public void Dispose()
        {
            Kill();
            Input.Dispose();
        }
    }
}
