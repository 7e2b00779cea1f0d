using System.Globalization;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace ClAdmin;

/// <summary>
/// cladmin's own diagnostic log (issue 18 §3), written by Serilog: an event for each verb,
/// dispatch, node result and store transaction, and the details of an internal error (exit code
/// 3 points here). Rolling files under the state directory: &lt;state dir&gt;/cladmin/cladmin-error.log,
/// then cladmin-error_001.log ... past 1 MB each, the newest 5 kept. Events carry explicit
/// properties only (under Native AOT Serilog does not destructure objects), and never a secret:
/// secrets travel on standard input, which is never logged. smit.log-style cladmin.log,
/// cladmin.script and cspoc.log keep their own formats.
/// </summary>
internal static class DiagnosticLog
{
    private const string Template = "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {Pid} {Message:lj}{NewLine}{Exception}";

    /// <summary>The directory of the log files.</summary>
    public static string Directory => Tui.Logging.FileSessionLog.DefaultDirectory();

    /// <summary>The first file (the others are numbered after it).</summary>
    public static string FirstFile => Path.Combine(Directory, "cladmin-error.log");

    /// <summary>The logger for <see cref="Log.Logger"/>: its file is opened at the first event
    /// (`cladmin --version` opens none).</summary>
    public static Logger Open() => new LoggerConfiguration()
        .MinimumLevel.Information()
        .Enrich.WithProperty("Pid", Environment.ProcessId)
        .WriteTo.Sink(new OpenedOnFirstEvent(() => new LoggerConfiguration()
            .MinimumLevel.Information()
            .WriteTo.File(FirstFile, outputTemplate: Template, formatProvider: CultureInfo.InvariantCulture,
                fileSizeLimitBytes: 1 << 20, rollOnFileSizeLimit: true, retainedFileCountLimit: 5, shared: true)
            .CreateLogger()))
        .CreateLogger();

    /// <summary>The newest file and its length (null: none), to tell whether an event reached
    /// it and which file holds it (the files roll).</summary>
    public static (string? Path, long Length) End()
    {
        try
        {
            var dir = new DirectoryInfo(Directory);
            var newest = dir.Exists
                ? dir.GetFiles("cladmin-error*.log").OrderByDescending(f => f.Name.Length).ThenByDescending(f => f.Name, StringComparer.Ordinal).FirstOrDefault()
                : null;
            return (newest?.FullName, newest?.Length ?? 0);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, 0);
        }
    }

    private sealed class OpenedOnFirstEvent(Func<Logger> open) : ILogEventSink, IDisposable
    {
        private readonly Lazy<Logger> _file = new(open);

        public void Emit(LogEvent logEvent) => _file.Value.Write(logEvent);

        public void Dispose()
        {
            if (_file.IsValueCreated)
            {
                _file.Value.Dispose();
            }
        }
    }
}
