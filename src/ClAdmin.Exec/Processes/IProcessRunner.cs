using ClAdmin.Shell;
namespace ClAdmin.Exec.Processes;

/// <summary>
/// A program to start: its file and its arguments as separate words (never a shell string),
/// what to write on its standard input (then closed), an optional time limit and extra
/// environment variables.
/// </summary>
public sealed record ProcessSpec(string FileName, IReadOnlyList<string> Arguments)
{
    /// <summary>Written to standard input, which is then closed; null closes it at once.</summary>
    public string? StandardInput { get; init; }

    /// <summary>When set, opens what is copied, as bytes, to standard input (then closed) instead
    /// of <see cref="StandardInput"/>; the runner disposes the stream.</summary>
    public Func<Stream>? OpenStandardInput { get; init; }

    /// <summary>When set, the process tree is killed after this long and the output says TimedOut.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Environment variables added to (or, with a null value, removed from) the inherited ones.</summary>
    public IReadOnlyDictionary<string, string?>? Environment { get; init; }

    public override string ToString() => ShellWords.Join([FileName, .. Arguments]);
}

/// <summary>How a process run to completion ended.</summary>
public sealed record ProcessOutput(int ExitCode, string Stdout, string Stderr, bool TimedOut = false);

/// <summary>The program could not be started at all (not found, not executable).</summary>
public sealed class ProcessStartException(string fileName, string message, Exception? inner = null)
    : Exception($"cannot run {fileName}: {message}", inner)
{
    public string FileName { get; } = fileName;
}

/// <summary>
/// The one way ClAdmin starts processes (ssh, ssh-keyscan, local commands). Tests replace it
/// with a scripted fake; the real one is <see cref="SystemProcessRunner"/>.
/// </summary>
public interface IProcessRunner
{
    /// <summary>Runs a process to completion. On cancellation the process tree is killed and
    /// <see cref="OperationCanceledException"/> is thrown.</summary>
    /// <exception cref="ProcessStartException">The program could not be started.</exception>
    Task<ProcessOutput> RunAsync(ProcessSpec spec, CancellationToken cancellationToken);

    /// <summary>Starts a long-lived process whose standard streams the caller drives (a
    /// persistent ssh session). <see cref="ProcessSpec.StandardInput"/> and
    /// <see cref="ProcessSpec.Timeout"/> are ignored.</summary>
    /// <exception cref="ProcessStartException">The program could not be started.</exception>
    IInteractiveProcess Start(ProcessSpec spec);
}

/// <summary>A running process with its standard streams open to the caller.</summary>
public interface IInteractiveProcess : IDisposable
{
    int Id { get; }

    /// <summary>Its standard input (UTF-8, no BOM, autoflush off: call FlushAsync).</summary>
    StreamWriter Input { get; }

    /// <summary>Its standard output, raw.</summary>
    Stream Output { get; }

    /// <summary>Its standard error, raw.</summary>
    Stream Error { get; }

    bool HasExited { get; }

    /// <summary>The exit code, once <see cref="HasExited"/> (a process killed by a signal: 128 + the signal).</summary>
    int ExitCode { get; }

    Task WaitForExitAsync(CancellationToken cancellationToken);

    /// <summary>Kills the process and its children, if still running.</summary>
    void Kill();
}
