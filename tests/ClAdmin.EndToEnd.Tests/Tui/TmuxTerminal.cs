using System.Diagnostics;
using ClAdmin.Testing;

namespace ClAdmin.EndToEnd.Tests.Tui;

/// <summary>
/// The real cladmin in a detached tmux session on a private tmux server: keys go in with
/// send-keys, the screen comes back with capture-pane. Waits poll the pane until the text
/// appears (or a timeout names what was expected and shows the screen).
/// </summary>
internal sealed class TmuxTerminal : IDisposable
{
    private readonly string _socket = "cladmin-e2e-" + Guid.NewGuid().ToString("N")[..12];
    private const string Target = "tui";

    /// <param name="cladminArguments">cladmin's arguments, before the --db, --log and --script the terminal adds
    /// (after them when <paramref name="database"/> is given: they may then end with "-- COMMAND").</param>
    /// <param name="width">Columns.</param>
    /// <param name="height">Lines.</param>
    /// <param name="database">A database prepared beforehand (else a new one in the log directory).</param>
    /// <param name="prepare">Runs before cladmin starts, given the database path (to build another world than the demo).</param>
    /// <param name="environment">Variables for cladmin beyond TERM=xterm (NAME=VALUE; TERM=... replaces it).</param>
    public TmuxTerminal(string cladminArguments, int width = 80, int height = 24, string? database = null, Action<string>? prepare = null,
        params string[] environment)
    {
        LogDirectory = Directory.CreateTempSubdirectory("cladmin-tui").FullName;
        _database = database;
        prepare?.Invoke(DatabasePath);
        // After cladmin exits the shell prints a marker and waits, so the test can see what the
        // terminal looks like once cladmin has left it.
        var options = $"--db '{DatabasePath}' --log '{LogPath}' --script '{ScriptPath}'";
        var command = (_database is null ? $"{CladminProcess.ShellCommand} {cladminArguments} {options}; " : $"{CladminProcess.ShellCommand} {options} {cladminArguments}; ") +
            "echo CLADMIN-EXIT=$?; sleep 60";
        string[] start = ["new-session", "-d", "-s", Target, "-x", width.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-y", height.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "env", "TERM=xterm", "DOTNET_NOLOGO=1", .. environment, "sh", "-c", command];
        Tmux(start);
    }

    public string LogDirectory { get; }

    public string DatabasePath => _database ?? Path.Combine(LogDirectory, "cladmin.db");

    private readonly string? _database;

    public string LogPath => Path.Combine(LogDirectory, "cladmin.log");

    public string ScriptPath => Path.Combine(LogDirectory, "cladmin.script");

    public void Keys(params string[] keys)
    {
        Tmux(["send-keys", "-t", Target, .. keys]);
    }

    /// <summary>Types text literally (no key names).</summary>
    public void Type(string text) => Tmux("send-keys", "-t", Target, "-l", text);

    public void Resize(int width, int height) => Tmux("resize-window", "-t", Target, "-x",
        width.ToString(System.Globalization.CultureInfo.InvariantCulture), "-y", height.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public string Screen() => Tmux("capture-pane", "-p", "-t", Target);

    /// <summary>From now on, appends every byte cladmin writes to the terminal to a file (tmux pipe-pane).</summary>
    public void RecordOutput(string path) => Tmux("pipe-pane", "-o", "-t", Target, "cat >> " + ClAdmin.Shell.ShellWords.Quote(path));

    /// <summary>The screen with its attributes and colours as escape sequences (capture-pane -e).</summary>
    public string ScreenWithAttributes() => Tmux("capture-pane", "-p", "-e", "-t", Target);

    /// <summary>A left click at a cell (0-based), as an xterm SGR mouse report: press, then release.</summary>
    public void Click(int column, int row)
    {
        var at = $"{column + 1};{row + 1}";
        Type($"\e[<0;{at}M\e[<0;{at}m");
    }

    /// <summary>Polls until the screen contains the text; returns the screen.</summary>
    public string WaitFor(string text, int timeoutMs = 10_000) => WaitUntil(s => s.Contains(text, StringComparison.Ordinal), $"'{text}'", timeoutMs);

    /// <summary>Polls until the screen meets the condition, and returns it once it is whole: the same
    /// in two captures 25 ms apart. A frame reaches the terminal in several writes, so one capture
    /// can hold the top of a new frame and nothing below it yet. A screen that keeps changing while
    /// it meets the condition (output streaming in) is returned after 500 ms.</summary>
    public string WaitUntil(Func<string, bool> condition, string what, int timeoutMs = 10_000, Func<string>? getScreen = null)
    {
        var clock = Stopwatch.StartNew();
        var screen = "";
        string? previous = null;
        TimeSpan? metSince = null;
        while (clock.ElapsedMilliseconds < timeoutMs)
        {
            screen = (getScreen ?? Screen)();
            if (condition(screen))
            {
                metSince ??= clock.Elapsed;
                if (screen == previous || clock.Elapsed - metSince > TimeSpan.FromMilliseconds(500))
                {
                    return screen;
                }
                previous = screen;
            }
            else
            {
                previous = null;
                metSince = null;
            }
            Thread.Sleep(25);
        }
        throw new TimeoutException($"the screen did not show {what} within {timeoutMs} ms; it shows:\n{screen}");
    }

    private string Tmux(params string[] args)
    {
        var info = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-L");
        info.ArgumentList.Add(_socket);
        info.ArgumentList.Add("-f");
        info.ArgumentList.Add("/dev/null");
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }
        using var p = Process.Start(info) ?? throw new InvalidOperationException("tmux did not start (is it installed? scripts/test.sh installs it)");
        var output = p.StandardOutput.ReadToEnd();
        var error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"tmux {string.Join(' ', args)} failed: {error}");
        }
        return output;
    }

    public void Dispose()
    {
        try
        {
            Tmux("kill-server");
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
        Directory.Delete(LogDirectory, recursive: true);
    }
}
