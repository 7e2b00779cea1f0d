using System.Globalization;
using ClAdmin.Contracts;

namespace ClAdmin.Exec.FanOut;

/// <summary>One per-node command as cspoc.log records it. There is no field for standard
/// input: secrets travel there and are never logged.</summary>
public sealed record CommandLogEntry(DateTimeOffset Time, string Node, string Command, NodeOutcome Outcome, int ExitCode, TimeSpan Duration)
{
    /// <summary><c>2024-05-01T10:00:00.123Z node01 rc=0 ok 0.012s mkuser id=300 jdoe</c></summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture,
            $"{Time.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ} {Node} rc={ExitCode} {FanOutResult.OutcomeText(Outcome).Replace(' ', '_')} {Duration.TotalSeconds:0.000}s {Command}");

    public static CommandLogEntry Of(NodeCommand command, NodeResult result, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(result);
        // One line per entry whatever the words hold: Join quotes control characters as $'\n'.
        return new CommandLogEntry(time, command.Node, command.Display, result.Outcome, result.ExitCode, result.Duration);
    }
}

/// <summary>The cspoc.log equivalent: where per-node commands are recorded.</summary>
public interface ICommandLog
{
    void Record(CommandLogEntry entry);
}

/// <summary>Appends entries to a text file, one line each, creating its directory.</summary>
public sealed class FileCommandLog : ICommandLog
{
    public FileCommandLog(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Path = path;
    }

    public string Path { get; }

    /// <summary>Told the file and the error when an entry cannot be written (it is then skipped).</summary>
    public Action<string, Exception>? WriteFailed { get; init; }

    /// <summary>$CLADMIN_CSPOC_LOG, else $XDG_STATE_HOME/cladmin/cspoc.log, else ~/.local/state/cladmin/cspoc.log.</summary>
    public static string DefaultPath()
    {
        if (Environment.GetEnvironmentVariable("CLADMIN_CSPOC_LOG") is { Length: > 0 } explicitPath)
        {
            return explicitPath;
        }
        var state = Environment.GetEnvironmentVariable("XDG_STATE_HOME") is { Length: > 0 } x
            ? x
            : System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state");
        return System.IO.Path.Combine(state, "cladmin", "cspoc.log");
    }

    public void Record(CommandLogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        try
        {
            // One write at the end of the file, whatever other cladmin processes append meanwhile.
            AppendFile.Write(Path, entry + "\n");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A log that cannot be written must not fail the command it describes.
            WriteFailed?.Invoke(Path, e);
        }
    }
}

/// <summary>Keeps entries in memory (tests, the TUI's command log view).</summary>
public sealed class MemoryCommandLog : ICommandLog
{
    private readonly List<CommandLogEntry> _entries = [];
    private readonly Lock _lock = new();

    public IReadOnlyList<CommandLogEntry> Entries
    {
        get
        {
            lock (_lock)
            {
                return _entries.ToList();
            }
        }
    }

    public void Record(CommandLogEntry entry)
    {
        lock (_lock)
        {
            _entries.Add(entry);
        }
    }
}
