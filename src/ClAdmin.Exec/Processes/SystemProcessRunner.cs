using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace ClAdmin.Exec.Processes;

/// <summary><see cref="IProcessRunner"/> over System.Diagnostics.Process with ArgumentList.</summary>
public sealed class SystemProcessRunner : IProcessRunner
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static SystemProcessRunner Instance { get; } = new();

    /// <summary>Processes started and not yet disposed.</summary>
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
        using var process = StartProcess(spec);
        using var live = new LiveEntry(process);
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        // The time limit counts from the start: a program that never reads its input must not
        // hold us in the copy once the pipe is full.
        using var timeout = spec.Timeout is { } t ? new CancellationTokenSource(t) : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            try
            {
                if (spec.OpenStandardInput is { } open)
                {
                    await using var source = open();
                    await source.CopyToAsync(process.StandardInput.BaseStream, linked.Token).ConfigureAwait(false);
                }
                else if (spec.StandardInput is { Length: > 0 } input)
                {
                    await process.StandardInput.WriteAsync(input.AsMemory(), linked.Token).ConfigureAwait(false);
                }
                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // The program exited without reading its input: its exit code tells the story.
            }
            await process.WaitForExitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Cancelled, or past its time limit (while it ran or still read its input): it must not outlive us.
            KillTree(process);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            return new ProcessOutput(process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false), TimedOut: true);
        }
        return new ProcessOutput(process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false));
    }

    public IInteractiveProcess Start(ProcessSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new Interactive(StartProcess(spec));
    }

    private static Process StartProcess(ProcessSpec spec)
    {
        var info = new ProcessStartInfo(spec.FileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = Utf8,
            StandardOutputEncoding = Utf8,
            StandardErrorEncoding = Utf8,
        };
        foreach (var a in spec.Arguments)
        {
            info.ArgumentList.Add(a);
        }
        if (spec.Environment is not null)
        {
            foreach (var (k, v) in spec.Environment)
            {
                if (v is null)
                {
                    info.Environment.Remove(k);
                }
                else
                {
                    info.Environment[k] = v;
                }
            }
        }
        try
        {
            var process = Process.Start(info) ?? throw new ProcessStartException(spec.FileName, "the process did not start");
            Live.TryAdd(process, 0);
            return process;
        }
        catch (Win32Exception e)
        {
            throw new ProcessStartException(spec.FileName, e.Message, e);
        }
    }

    /// <summary>Takes a process off <see cref="Live"/> when its owner is done with it.</summary>
    private readonly struct LiveEntry(Process process) : IDisposable
    {
        public void Dispose() => Live.TryRemove(process, out _);
    }

    private static void KillTree(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private sealed class Interactive : IInteractiveProcess
    {
        private readonly Process _process;

        public Interactive(Process process)
        {
            _process = process;
            Input = process.StandardInput;
            Input.AutoFlush = false;
        }

        public int Id => _process.Id;
        public StreamWriter Input { get; }
        public Stream Output => _process.StandardOutput.BaseStream;
        public Stream Error => _process.StandardError.BaseStream;

        public bool HasExited
        {
            get
            {
                try
                {
                    return _process.HasExited;
                }
                catch (InvalidOperationException)
                {
                    return true;
                }
            }
        }

        public int ExitCode => _process.ExitCode;

        public Task WaitForExitAsync(CancellationToken cancellationToken) => _process.WaitForExitAsync(cancellationToken);

        public void Kill() => KillTree(_process);

        public void Dispose()
        {
            if (!HasExited)
            {
                Kill(); // a tree kill reads all of /proc: only for a process still running
            }
            Live.TryRemove(_process, out _);
            _process.Dispose();
        }
    }
}
