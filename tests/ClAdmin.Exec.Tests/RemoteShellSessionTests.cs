using ClAdmin.Contracts;
using ClAdmin.Exec.Processes;
using ClAdmin.Exec.Ssh;

namespace ClAdmin.Exec.Tests;

/// <summary>
/// The session and one-shot protocols against a real /bin/sh: the "ssh" here is a script that
/// drops ssh's options and the host and runs the remote command with sh -c, as sshd does, so
/// framing, quoting, stdin and remote stops are tested without an sshd (the sshd tests live in
/// ClAdmin.EndToEnd.Tests). Theories run each case on a session (true) and one-shot (false).
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class RemoteShellSessionTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cladmin-sh-").FullName;
    private readonly string _fakeSsh;

    public RemoteShellSessionTests()
    {
        _fakeSsh = Path.Combine(_dir, "ssh");
        // Like sshd, the remote command leads a session and process group of its own (setsid).
        File.WriteAllText(_fakeSsh, "#!/bin/sh\nwhile [ \"$1\" != -- ]; do shift; done\nshift 2\nexec setsid /bin/sh -c \"$*\"\n");
        File.SetUnixFileMode(_fakeSsh, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private SshTransport Transport(bool persistent = true) =>
        new(SystemProcessRunner.Instance, new SshOptions { SshPath = _fakeSsh, Persistent = persistent, StopGrace = TimeSpan.FromSeconds(3) });

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Hostile_values_arrive_literally_and_run_nothing(bool persistent)
    {
        var flag = Path.Combine(_dir, "pwned");
        var hostile = $"it's \"q\"; touch {flag} $(touch {flag}) `touch {flag}`\nsecond line | & > {flag} \\ $HOME";
        await using var t = Transport(persistent);
        var r = await t.RunAsync(new NodeCommand("n1", ["printf", "%s", hostile]), default);
        Assert.Equal(NodeOutcome.Ok, r.Outcome);
        Assert.Equal(hostile, r.Stdout);
        Assert.False(File.Exists(flag));
        if (!persistent)
        {
            Assert.Null(t.SshProcessId("n1")); // the newline sent it over a session, closed after
        }
        var plain = await t.RunAsync(new NodeCommand("n1", ["printf", "%s", hostile.Replace('\n', ' ')]), default);
        Assert.Equal(hostile.Replace('\n', ' '), plain.Stdout);
        Assert.False(File.Exists(flag));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Output_without_a_final_newline_exit_codes_and_stderr_come_back_per_command(bool persistent)
    {
        await using var t = Transport(persistent);
        var a = await t.RunAsync(new NodeCommand("n1", ["sh", "-c", "printf out; printf err >&2; exit 3"]), default);
        var b = await t.RunAsync(new NodeCommand("n1", ["echo", "next"]), default);
        Assert.Equal((NodeOutcome.Failed, 3, "out", "err"), (a.Outcome, a.ExitCode, a.Stdout, a.Stderr));
        Assert.Equal((NodeOutcome.Ok, "next\n", ""), (b.Outcome, b.Stdout, b.Stderr));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Standard_input_reaches_the_command_and_not_the_session(bool persistent)
    {
        await using var t = Transport(persistent);
        var r = await t.RunAsync(new NodeCommand("n1", ["cat"]) { StandardInput = "line1\nexit 0\n" }, default);
        var after = await t.RunAsync(new NodeCommand("n1", ["cat"]), default);
        Assert.Equal("line1\nexit 0\n", r.Stdout);
        Assert.Equal((NodeOutcome.Ok, ""), (after.Outcome, after.Stdout));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_timeout_stops_the_command_on_the_node_and_the_session_goes_on(bool persistent)
    {
        var pidFile = Path.Combine(_dir, "pid");
        await using var t = Transport(persistent);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var r = await t.RunAsync(new NodeCommand("n1", ["sh", "-c", $"echo $$ > {pidFile}; exec sleep 30"]) { Timeout = TimeSpan.FromMilliseconds(300) }, default);
        Assert.Equal(NodeOutcome.TimedOut, r.Outcome);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), clock.Elapsed.ToString());
        Assert.Contains("stopped on the node", r.Stderr, StringComparison.Ordinal);
        var pid = int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.False(Directory.Exists($"/proc/{pid}"), "the remote sleep still runs");
        var next = await t.RunAsync(new NodeCommand("n1", ["echo", "alive"]), default);
        Assert.Equal("alive\n", next.Stdout);
    }

    [Fact]
    public async Task A_session_whose_shell_died_reconnects_once()
    {
        await using var t = Transport();
        Assert.Equal(NodeOutcome.Ok, (await t.RunAsync(new NodeCommand("n1", ["true"]), default)).Outcome);
        var first = t.RemoteShellPid("n1")!.Value;
        System.Diagnostics.Process.GetProcessById(first).Kill();
        await Task.Delay(50);
        var r = await t.RunAsync(new NodeCommand("n1", ["echo", "back"]), default);
        Assert.Equal((NodeOutcome.Ok, "back\n"), (r.Outcome, r.Stdout));
        Assert.NotEqual(first, t.RemoteShellPid("n1"));
    }

    [Fact]
    public async Task A_warm_command_without_input_is_the_only_process_its_session_starts()
    {
        // Issue 18 §5: one watcher per session, none per command. While the command runs, the
        // shell that started it has no other child (before: a watcher subshell beside each command).
        await using var t = Transport();
        Assert.Equal(NodeOutcome.Ok, (await t.RunAsync(new NodeCommand("n1", ["true"]), default)).Outcome);
        var r = await t.RunAsync(new NodeCommand("n1", ["sh", "-c", "echo $$; ps -e -o pid= -o ppid="]), default);
        Assert.Equal(NodeOutcome.Ok, r.Outcome);
        var lines = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var self = lines[0];
        var parent = t.RemoteShellPid("n1")!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var children = lines.Skip(1).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(f => f.Length == 2 && f[1] == parent).Select(f => f[0]).ToList();
        Assert.Equal([self], children);
    }

    [Fact]
    public async Task Where_no_FIFO_can_be_made_each_command_gets_a_watcher_and_still_stops()
    {
        var ssh = Path.Combine(_dir, "ssh-no-tmp");
        File.WriteAllText(ssh, "#!/bin/sh\nwhile [ \"$1\" != -- ]; do shift; done\nshift 2\nTMPDIR=/nonexistent/dir exec setsid /bin/sh -c \"$*\"\n");
        File.SetUnixFileMode(ssh, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var pidFile = Path.Combine(_dir, "pid");
        await using var t = new SshTransport(SystemProcessRunner.Instance, new SshOptions { SshPath = ssh, StopGrace = TimeSpan.FromSeconds(3) });
        var r = await t.RunAsync(new NodeCommand("n1", ["sh", "-c", $"echo $$ > {pidFile}; exec sleep 30"]) { Timeout = TimeSpan.FromMilliseconds(300) }, default);
        Assert.Equal((NodeOutcome.TimedOut, RemoteStop.Confirmed), (r.Outcome, r.Stop));
        var pid = File.ReadAllText(pidFile).Trim();
        Assert.False(Pids.Running(pid), "the remote sleep still runs");
        var next = await t.RunAsync(new NodeCommand("n1", ["cat"]) { StandardInput = "in\n" }, default);
        Assert.Equal((NodeOutcome.Ok, "in\n"), (next.Outcome, next.Stdout));
    }

    [Fact]
    public async Task A_missing_ssh_program_is_unreachable_not_a_crash()
    {
        await using var t = new SshTransport(SystemProcessRunner.Instance, new SshOptions { SshPath = Path.Combine(_dir, "no-such-ssh") });
        var r = await t.RunAsync(new NodeCommand("n1", ["true"]), default);
        Assert.Equal(NodeOutcome.Unreachable, r.Outcome);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Large_input_and_output_at_once_do_not_wedge_the_pipes(bool persistent)
    {
        // The command prints 1 MB before it reads 1 MB of input: neither side may wait for the other.
        var input = new string('i', 1 << 20);
        await using var t = Transport(persistent);
        using var wedged = new CancellationTokenSource(TimeSpan.FromSeconds(20)); // fails, not hangs
        var r = await t.RunAsync(new NodeCommand("n1", ["sh", "-c", "head -c 1048576 /dev/zero | tr '\\0' o; wc -c"]) { StandardInput = input }, wedged.Token);
        Assert.Equal(NodeOutcome.Ok, r.Outcome);
        Assert.Equal((1 << 20) + "1048576\n".Length, r.Stdout.Length);
        Assert.EndsWith("1048576\n", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_shot_mode_leaves_no_ssh_process_behind()
    {
        var pids = Path.Combine(_dir, "pids");
        var counting = Path.Combine(_dir, "ssh-counting");
        File.WriteAllText(counting, $"#!/bin/sh\necho $$ >> {pids}\nexec {_fakeSsh} \"$@\"\n");
        File.SetUnixFileMode(counting, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        await using var t = new SshTransport(SystemProcessRunner.Instance, new SshOptions { SshPath = counting, Persistent = false });
        var r = await t.RunAsync(new NodeCommand("n1", ["echo", "once"]), default);
        var stopped = await t.RunAsync(new NodeCommand("n1", ["sleep", "30"]) { Timeout = TimeSpan.FromMilliseconds(300) }, default);
        Assert.Equal("once\n", r.Stdout);
        Assert.Equal(NodeOutcome.TimedOut, stopped.Outcome);
        var started = File.ReadAllLines(pids);
        Assert.Equal(3, started.Length); // the command, the timed-out one, and the connection that stopped it
        Assert.All(started, pid => Assert.False(Directory.Exists($"/proc/{pid}"), $"ssh {pid} still runs"));
        Assert.Null(t.SshProcessId("n1"));
    }

    /// <summary>A transport whose session to n1 is open (a first command has run), so a Ctrl-C
    /// that comes before a command's acknowledgement still reaches it through the session.</summary>
    private async Task<SshTransport> WarmTransport(bool persistent)
    {
        var t = Transport(persistent);
        Assert.Equal(NodeOutcome.Ok, (await t.RunAsync(new NodeCommand("n1", ["true"]), default)).Outcome);
        return t;
    }

    /// <summary>Cancels (as Ctrl-C does) once the command has written its child's pid to
    /// <paramref name="path"/>: a stop that came earlier could find no child to stop.</summary>
    private static CancellationTokenSource CancelOnceWritten(string path)
    {
        var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        _ = Task.Run(async () =>
        {
            while (!(File.Exists(path) && new FileInfo(path).Length > 0) && !cts.IsCancellationRequested)
            {
                await Task.Delay(20);
            }
            await cts.CancelAsync();
        });
        return cts;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_stop_ends_the_command_and_its_children(bool persistent)
    {
        var pidFile = Path.Combine(_dir, "child");
        await using var t = await WarmTransport(persistent);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var stop = CancelOnceWritten(pidFile);
        var r = await t.RunAsync(new NodeCommand("n1", ["sh", "-c", $"sleep 300 & echo $! > {pidFile}; sleep 301"]), stop.Token);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"the surviving child held the connection open for {clock.Elapsed}");
        Assert.Equal(NodeOutcome.Cancelled, r.Outcome);
        Assert.Equal(RemoteStop.Confirmed, r.Stop);
        Assert.Contains("the command was stopped on the node", r.Stderr, StringComparison.Ordinal);
        var child = File.ReadAllText(pidFile).Trim();
        await Task.Delay(200);
        Assert.False(Pids.Running(child), "the child sleep still runs");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_stop_kills_a_command_and_a_child_that_ignore_TERM(bool persistent)
    {
        var pidFile = Path.Combine(_dir, "stubborn");
        await using var t = await WarmTransport(persistent);
        using var stop = CancelOnceWritten(pidFile);
        var r = await t.RunAsync(new NodeCommand("n1", ["sh", "-c",
            $"sh -c 'trap \"\" TERM; exec sleep 303' & echo $! > {pidFile}; trap '' TERM; while :; do sleep 0.05; done"]), stop.Token);
        Assert.Equal(NodeOutcome.Cancelled, r.Outcome);
        Assert.Equal(RemoteStop.Confirmed, r.Stop);
        var child = File.ReadAllText(pidFile).Trim();
        await Task.Delay(300);
        Assert.False(Pids.Running(child), "the child that ignores TERM still runs");
    }

    [Fact]
    public async Task The_KILL_after_a_stop_spares_a_pid_reused_by_another_program()
    {
        // ps 2 s after the stop of 123, 456, 789 and 1011: 456 was reused 1 s ago by another program.
        var r = await SystemProcessRunner.Instance.RunAsync(new ProcessSpec("awk", [RemoteShell.Survivors])
        {
            StandardInput = "  123       00:02\n  456       00:01\n  789 1-02:03:04\n 1011    01:00:00\n 1213       00:09\n",
            Environment = new Dictionary<string, string?> { ["__t"] = "123\n456\n789\n1011" },
        }, default);
        Assert.Equal((0, "123\n789\n1011\n"), (r.ExitCode, r.Stdout));
    }

    public static TheoryData<string> LoginShells() => ["/bin/sh", "/bin/bash", "/bin/ksh", "/bin/csh", "/usr/bin/tcsh"];

    [Theory]
    [MemberData(nameof(LoginShells))]
    public async Task Every_login_shell_passes_hostile_words_literally(string shell)
    {
        // sshd runs the remote command as LOGIN-SHELL -c STRING; csh and tcsh expand '!' even in
        // single quotes (scripts/test.sh installs ksh, csh and tcsh).
        Assert.True(File.Exists(shell), $"{shell} is missing: scripts/test.sh installs it");
        var flag = Path.Combine(_dir, "pwned");
        var ssh = Path.Combine(_dir, "ssh-" + Path.GetFileName(shell));
        File.WriteAllText(ssh, $"#!/bin/sh\nwhile [ \"$1\" != -- ]; do shift; done\nshift 2\nexec setsid {shell} -c \"$*\"\n");
        File.SetUnixFileMode(ssh, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        string[] words = ["it's \"q\" ; `touch " + flag + "` $(touch " + flag + ")", "!#:8 !! !$ \\! \\\\ $HOME ~ *", "Passw0rd!x", "a'b'!'c"];
        foreach (var persistent in new[] { false, true })
        {
            await using var t = new SshTransport(SystemProcessRunner.Instance, new SshOptions { SshPath = ssh, Persistent = persistent });
            var r = await t.RunAsync(new NodeCommand("n1", ["printf", "[%s]", .. words]), default);
            Assert.Equal((NodeOutcome.Ok, string.Concat(words.Select(w => $"[{w}]"))), (r.Outcome, r.Stdout));
        }
        Assert.False(File.Exists(flag));
    }

    [Fact]
    public async Task A_command_on_its_own_connection_opens_no_session_but_uses_an_open_one()
    {
        await using var t = Transport();
        var alone = await t.RunAsync(new NodeCommand("n1", ["echo", "alone"]) { OwnConnection = true }, default);
        Assert.Equal((NodeOutcome.Ok, "alone\n"), (alone.Outcome, alone.Stdout));
        Assert.Null(t.SshProcessId("n1"));
        await t.RunAsync(new NodeCommand("n1", ["true"]), default);
        var session = t.RemoteShellPid("n1");
        Assert.NotNull(session);
        var again = await t.RunAsync(new NodeCommand("n1", ["sh", "-c", "echo $PPID"]) { OwnConnection = true }, default);
        Assert.Equal(session, int.Parse(again.Stdout.Trim(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_one_shot_command_that_never_starts_is_unreachable_with_what_ssh_said()
    {
        var failing = Path.Combine(_dir, "ssh-refused");
        File.WriteAllText(failing, "#!/bin/sh\necho 'ssh: connect to host n1 port 22: Connection refused' >&2\nexit 255\n");
        File.SetUnixFileMode(failing, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        await using var t = new SshTransport(SystemProcessRunner.Instance, new SshOptions { SshPath = failing, Persistent = false });
        var r = await t.RunAsync(new NodeCommand("n1", ["true"]), default);
        Assert.Equal(NodeOutcome.Unreachable, r.Outcome);
        Assert.Contains("Connection refused", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Ssh_is_called_in_batch_mode_with_host_keys_checked_and_the_host_after_double_dash()
    {
        var args = SshTransport.SshArguments(new SshOptions { ConfigFile = "/tmp/cfg" }, "-oProxyCommand=evil", ["exec /bin/sh"]);
        Assert.Equal(["-F", "/tmp/cfg"], args.Take(2));
        Assert.Contains("BatchMode=yes", args);
        Assert.Contains("StrictHostKeyChecking=yes", args);
        Assert.Equal(["--", "-oProxyCommand=evil", "exec /bin/sh"], args.TakeLast(3));
    }

    [Fact]
    public void Refused_host_keys_are_explained_with_the_command_that_records_them()
    {
        var text = SshTransport.Explain("node01", "No ED25519 host key is known for [127.0.0.2]:2222 and you have requested strict checking.\nHost key verification failed.\n");
        Assert.Contains("cladmin ssh trust node01", text, StringComparison.Ordinal);
        Assert.Contains("nothing was run", text, StringComparison.Ordinal);
    }
}
