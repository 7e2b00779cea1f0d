using System.Diagnostics;
using System.Text;
using ClAdmin.Testing;

namespace ClAdmin.EndToEnd.Tests.Tui;

/// <summary>
/// The screens at rest (issue 18 §4): Terminal.Gui 2.5.0's loop ran 25 times a second whatever
/// happened, its input thread looked at the terminal every 20 ms (a key waited for both, up to
/// 60 ms, before its frame), and every iteration wrote the cursor's visibility to the terminal.
/// Idle, cladmin now writes nothing and waits for the terminal in one blocking poll(2). Seen from
/// outside: what reaches the terminal (tmux pipe-pane) and which system calls the program makes
/// (strace) over two idle seconds, after a key has shown that both are being recorded.
/// </summary>
public sealed class IdleTerminalTmuxTests
{
    private const string Menu = "-x cm_problem_determination_tools";
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(2);

    [Fact]
    public void An_idle_screen_writes_nothing_to_the_terminal()
    {
        using var t = new TmuxTerminal(Menu);
        t.WaitFor("F10=Exit");
        var recorded = Path.Combine(t.LogDirectory, "terminal.out");
        t.RecordOutput(recorded);
        t.Keys("Down");
        t.WaitUntil(s => s.Contains("\e[7mView Current State", StringComparison.Ordinal), "the second item current", getScreen: t.ScreenWithAttributes);
        WaitUntilContains(recorded, "View Current State"); // the repaint was recorded
        Thread.Sleep(TimeSpan.FromSeconds(1)); // what the key started is over
        var before = new FileInfo(recorded).Length;
        Thread.Sleep(Idle);
        var written = File.ReadAllBytes(recorded).AsSpan((int)before).ToArray();
        Assert.True(written.Length == 0,
            $"the idle screen wrote {written.Length} bytes in {Idle.TotalSeconds} s: {Shown(written)}");
        t.Keys("F10");
        t.WaitFor("CLADMIN-EXIT=0");
    }

    [Fact]
    public void Idle_the_terminal_is_waited_for_not_polled()
    {
        var home = Directory.CreateTempSubdirectory("cladmin-idle").FullName;
        var trace = Path.Combine(home, "strace.log");
        var command = $"strace -f -qq -e trace=poll,ppoll -o '{trace}' {CladminProcess.ShellCommand} {Menu} --db '{home}/cladmin.db' " +
            $"--log '{home}/cladmin.log' --script '{home}/cladmin.script'; echo CLADMIN-EXIT=$?; sleep 60";
        var socket = "cladmin-idle-" + Guid.NewGuid().ToString("N")[..12];
        Tmux(socket, "new-session", "-d", "-x", "80", "-y", "24", "env", "TERM=xterm", "DOTNET_NOLOGO=1", "sh", "-c", command);
        try
        {
            WaitForScreen(socket, "F10=Exit");
            Tmux(socket, "send-keys", "-t", "0", "Down");
            WaitForScreen(socket, "View Current State");
            WaitUntilContains(trace, "fd=0"); // the terminal's input is in the trace
            Thread.Sleep(TimeSpan.FromSeconds(1));
            var before = new FileInfo(trace).Length;
            Thread.Sleep(Idle);
            var idle = Encoding.UTF8.GetString(File.ReadAllBytes(trace).AsSpan((int)before));
            var polls = idle.Split('\n').Where(l => l.Contains("fd=0,", StringComparison.Ordinal)).ToList();
            Assert.True(polls.Count == 0,
                $"idle for {Idle.TotalSeconds} s, cladmin polled the terminal {polls.Count} times, e.g.:\n{string.Join('\n', polls.Take(5))}");
            Tmux(socket, "send-keys", "-t", "0", "F10");
            WaitForScreen(socket, "CLADMIN-EXIT=0");
        }
        finally
        {
            Tmux(socket, "kill-server");
            Directory.Delete(home, recursive: true);
        }
    }

    private static void WaitUntilContains(string path, string text)
    {
        var clock = Stopwatch.StartNew();
        while (!(File.Exists(path) && File.ReadAllText(path).Contains(text, StringComparison.Ordinal)))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"{path} did not come to hold '{text}'");
            Thread.Sleep(25);
        }
    }

    private static string Shown(byte[] bytes) =>
        string.Concat(Encoding.UTF8.GetString(bytes.AsSpan(0, Math.Min(bytes.Length, 120))).Select(c => c == '\e' ? "\\e" : c.ToString()));

    private static void WaitForScreen(string socket, string text)
    {
        var clock = Stopwatch.StartNew();
        var screen = "";
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            screen = Tmux(socket, "capture-pane", "-p", "-t", "0");
            if (screen.Contains(text, StringComparison.Ordinal))
            {
                return;
            }
            Thread.Sleep(50);
        }
        throw new TimeoutException($"the screen did not show '{text}'; it shows:\n{screen}");
    }

    private static string Tmux(string socket, params string[] args)
    {
        var info = new ProcessStartInfo("tmux") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in (string[])["-L", socket, "-f", "/dev/null", .. args])
        {
            info.ArgumentList.Add(a);
        }
        using var p = Process.Start(info) ?? throw new InvalidOperationException("tmux did not start (is it installed? scripts/test.sh installs it)");
        var output = p.StandardOutput.ReadToEnd();
        _ = p.StandardError.ReadToEnd();
        p.WaitForExit();
        return output;
    }
}
