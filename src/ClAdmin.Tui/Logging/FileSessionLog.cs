using System.Globalization;
using System.Text;
using ClAdmin.Contracts;

namespace ClAdmin.Tui.Logging;

/// <summary>
/// cladmin.log and cladmin.script in SMIT's formats (smit.md §6.2): timestamps as
/// <c>[Mon DD YYYY, HH:MM:SS]</c>, screens as "(Menu screen selected, FastPath = ...)", commands
/// after "Command_to_Execute follows below:", output between "---- start ----" and "---- end ----";
/// the script holds each command after a timestamp comment. Both files are appended to, never
/// overwritten, and flushed after each entry. A file that cannot be written is skipped, as SMIT does.
/// </summary>
public sealed class FileSessionLog : ISessionLog
{
    private readonly string _logPath;
    private readonly string _scriptPath;
    private readonly Func<DateTimeOffset> _clock;

    public FileSessionLog(string logPath, string scriptPath, Func<DateTimeOffset>? clock = null)
    {
        _logPath = logPath ?? throw new ArgumentNullException(nameof(logPath));
        _scriptPath = scriptPath ?? throw new ArgumentNullException(nameof(scriptPath));
        _clock = clock ?? (() => DateTimeOffset.Now);
    }

    public string LogPath => _logPath;

    /// <summary>Told the file and the error when a file cannot be written (the entry is then skipped).</summary>
    public Action<string, Exception>? WriteFailed { get; init; }

    public string ScriptPath => _scriptPath;

    /// <summary>The default directory: $XDG_STATE_HOME/cladmin, else ~/.local/state/cladmin.</summary>
    public static string DefaultDirectory()
    {
        var state = Environment.GetEnvironmentVariable("XDG_STATE_HOME");
        if (string.IsNullOrEmpty(state))
        {
            state = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state");
        }
        return Path.Combine(state, "cladmin");
    }

    private string Stamp() => "[" + _clock().ToString("MMM dd yyyy, HH:mm:ss", CultureInfo.InvariantCulture) + "]";

    public void Starting() => Log($"{Stamp()}\n    Starting cladmin\n\n");

    public void Screen(string kind, string fastpath, string id, string title) =>
        Log($"({kind} screen selected,\n        FastPath = \"{fastpath}\",\n        id = \"{id}\",\n        title = \"{title}\".)\n\n");

    public void Command(string commandLine, int secretInputs, bool run)
    {
        var secrets = secretInputs > 0 ? $"\n    (reads {secretInputs} secret value(s) on standard input; not recorded)" : "";
        Log($"{Stamp()}\nCommand_to_Execute follows below:\n>> {commandLine}{secrets}\n" +
            (run ? "\n" : "    (not run: cladmin -x logs commands without running them)\n\n"));
        var comment = secretInputs > 0 ? $"# reads {secretInputs} secret value(s) on standard input; not recorded\n" : "";
        Append(_scriptPath, $"#\n#  {Stamp()}\n#\n{comment}{commandLine}\n");
    }

    public void Output(string stdout, string stderr, string status)
    {
        var sb = new StringBuilder("Output from Command_to_Execute follows below:\n---- start ----\n");
        sb.Append(stdout);
        if (stdout.Length > 0 && !stdout.EndsWith('\n'))
        {
            sb.Append('\n');
        }
        sb.Append(stderr);
        if (stderr.Length > 0 && !stderr.EndsWith('\n'))
        {
            sb.Append('\n');
        }
        sb.Append("---- end ----\n").Append(CultureInfo.InvariantCulture, $"Command status: {status}\n\n");
        Log(sb.ToString());
    }

    public void Intermediate(string commandLine, int exitCode) =>
        Log($"{Stamp()}\nIntermediate command (list, discover or classify):\n>> {commandLine}\n    exit code {exitCode}\n\n");

    public void ScreenImage(string text) => Log($"{Stamp()}\n{text}---------- end of screen ----------\n\n");

    public void Exiting() => Log($"{Stamp()}\n    Exiting cladmin\n");

    private void Log(string text) => Append(_logPath, text);

    private void Append(string path, string text)
    {
        try
        {
            AppendFile.Write(path, text); // one write at the end, whatever other cladmin processes append
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // SMIT: if the file cannot be written, it is simply not created; cladmin says so.
            WriteFailed?.Invoke(path, e);
        }
    }
}
