using System.Diagnostics;
using ClAdmin.Testing;

namespace ClAdmin.EndToEnd.Tests.Tui;

/// <summary>
/// Terminal.Gui sets up its configuration (the built-in settings merged with ~/.tui/config.json,
/// ./.tui/config.json and ~/.tui/cladmin.config.json) only when the screens open (issue 18 §1):
/// a native cladmin runs every library's module initializer before Main, so without care any
/// command (--version, run --show) paid for it. Seen from outside with strace: which files the
/// program looks up. Meaningful with the native program (CLADMIN_TEST_BINARY, as scripts/test.sh
/// runs them); with cladmin.dll the runtime never loads Terminal.Gui for these commands.
/// </summary>
public sealed class TerminalGuiStartupTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("cladmin-tgstart").FullName;

    private string Trace => Path.Combine(_home, "strace.log");

    [Theory]
    [InlineData("--version")]
    [InlineData("run", "clstop", "nodes=node1", "--show")]
    [InlineData("menus", "show", "clstop")]
    public async Task A_command_other_than_the_screens_does_not_load_Terminal_Guis_configuration(params string[] args)
    {
        var cladmin = CladminProcess.StartInfo(args);
        var info = new ProcessStartInfo("strace") { UseShellExecute = false, WorkingDirectory = _home, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in (string[])["-f", "-qq", "-e", "trace=file", "-o", Trace, cladmin.FileName, .. cladmin.ArgumentList])
        {
            info.ArgumentList.Add(a);
        }
        info.Environment["HOME"] = _home;
        info.Environment["XDG_STATE_HOME"] = Path.Combine(_home, "state");
        info.Environment["DOTNET_NOLOGO"] = "1";
        using var p = Process.Start(info) ?? throw new InvalidOperationException("strace did not start (is it installed? scripts/test.sh installs it)");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(TimeSpan.FromMinutes(2)), $"cladmin {string.Join(' ', args)} did not finish");
        var output = await stdout + await stderr;
        Assert.True(p.ExitCode == 0, $"cladmin {string.Join(' ', args)}: exit {p.ExitCode}\n{output}");
        var trace = File.ReadAllText(Trace);
        Assert.Contains("execve(", trace); // the trace saw the program start
        var lookups = trace.Split('\n').Where(l => l.Contains("/.tui/", StringComparison.Ordinal)).ToList();
        Assert.True(lookups.Count == 0, $"cladmin {string.Join(' ', args)} looked up Terminal.Gui's configuration:\n{string.Join('\n', lookups)}");
    }

    [Fact]
    public void The_screens_still_read_Terminal_Guis_configuration_files()
    {
        var trace = TraceOfTheFirstFrame();
        Assert.Contains($"{_home}/.tui/config.json", trace);
    }

    /// <summary>Terminal.Gui's driver runs `bash -c "which xclip"` when it starts, to find a
    /// clipboard the screens do not use; the native program replaces that probe
    /// (src/ClAdmin/TerminalGui.Substitutions.xml). Under the JIT (cladmin.dll) Terminal.Gui runs as
    /// shipped, so there the probe still runs and nothing is asserted.</summary>
    [Fact]
    public void The_native_screens_start_no_other_program()
    {
        var trace = TraceOfTheFirstFrame();
        var programs = trace.Split('\n').Where(l => l.Contains("execve(", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(programs); // the trace saw cladmin start
        if (CladminProcess.Binary is null)
        {
            return;
        }
        Assert.True(programs.Count == 1, $"opening the screens started other programs:\n{string.Join('\n', programs)}");
    }

    /// <summary>Terminal.Gui 2.5.0 writes a frame a row at a time (a cursor move, then the row's
    /// text, each in a write of its own); the screens' output collects a frame and writes it at
    /// once (<c>WholeFrameOutput</c>), so no terminal shows half a frame and, over ssh, a frame
    /// goes out as one packet rather than fifty.</summary>
    [Fact]
    public void A_frame_reaches_the_terminal_in_one_write()
    {
        var trace = TraceOfTheFirstFrame("write", "cl_mkuser");
        var writes = trace.Split('\n').Where(l => l.Contains("write(1,", StringComparison.Ordinal)).ToList();
        var top = writes.FindIndex(l => l.Contains("Add a User to the Cluster", StringComparison.Ordinal));
        Assert.True(top >= 0, $"no write to the terminal held the title:\n{string.Join('\n', writes)}");
        Assert.Contains("User ID", writes[top]);
        Assert.Contains("F1=Help", writes[top]); // the legend, on the last rows
    }

    /// <summary>Runs `cladmin -x [SCREEN]` in tmux under strace (by default the file system calls
    /// and the programs started) until its first frame, and returns the trace.</summary>
    private string TraceOfTheFirstFrame(string calls = "file", string screen = "")
    {
        var done = Path.Combine(_home, "done");
        var db = Path.Combine(_home, "cladmin.db");
        var command = $"cd '{_home}' && strace -f -qq -s 100000 -e trace={calls} -o '{Trace}' {CladminProcess.ShellCommand} -x {screen} --db '{db}' " +
            $"--log '{_home}/cladmin.log' --script '{_home}/cladmin.script'; echo $? > '{done}'";
        var socket = "cladmin-tgstart-" + Guid.NewGuid().ToString("N")[..12];
        Tmux(socket, "new-session", "-d", "-x", "80", "-y", "24", "env", "TERM=xterm", $"HOME={_home}", "DOTNET_NOLOGO=1",
            "CLADMIN_EXIT_AFTER_FIRST_FRAME=1", "sh", "-c", command);
        try
        {
            var clock = Stopwatch.StartNew();
            while (!File.Exists(done) || File.ReadAllText(done).Length == 0)
            {
                Assert.True(clock.Elapsed < TimeSpan.FromMinutes(1), "cladmin -x did not exit after its first frame");
                Thread.Sleep(50);
            }
        }
        finally
        {
            Tmux(socket, "kill-server");
        }
        Assert.Equal("0", File.ReadAllText(done).Trim());
        return File.ReadAllText(Trace);
    }

    private static void Tmux(string socket, params string[] args)
    {
        var info = new ProcessStartInfo("tmux") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in (string[])["-L", socket, "-f", "/dev/null", .. args])
        {
            info.ArgumentList.Add(a);
        }
        using var p = Process.Start(info) ?? throw new InvalidOperationException("tmux did not start");
        p.StandardOutput.ReadToEnd();
        p.StandardError.ReadToEnd();
        p.WaitForExit();
    }

    public void Dispose() => Directory.Delete(_home, recursive: true);
}
