using System.Diagnostics;
using System.Globalization;
using System.Text;
using ClAdmin.Contracts;
using ClAdmin.Exec.Processes;
using ClAdmin.Exec.Transport;

namespace ClAdmin.Exec.Ssh;

/// <summary>
/// One command on a connection of its own, as pdsh and clush run them: <c>ssh HOST -- printf
/// '%s A %s\n' MARKER "$$" &amp;&amp; exec WORD...</c>. The login shell prints one acknowledgement
/// line (the marker and its pid) and execs the command in its own place, so a single run costs the
/// handshake and nothing more: no session shell, no background job, no watcher. The line is
/// plain enough for any login shell (sh, ksh, bash, csh, tcsh: '!' is kept out of quotes, where
/// csh would expand history); words with a newline, which csh cannot quote, and very long words go
/// over a session instead (<see cref="Suits"/>). Standard input is written, then closed; the exit
/// code is ssh's. sshd makes the command a session and group leader, so a command stopped by its
/// time limit or by Ctrl-C is killed on the node with its children, over a second connection, by
/// the process group it acknowledged (TERM, then KILL after <see cref="SshOptions.StopGrace"/>),
/// and the result says whether the node confirmed it. A Ctrl-C before the acknowledgement cuts the
/// connection, which runs nothing while ssh has not logged in (<see cref="ConnectedLine"/> tells);
/// after that the command is on its way: it is awaited and stopped the same way, or reported NOT
/// confirmed. (ssh itself ignores the terminal's Ctrl-C: <see cref="SshTransport.SshSpec"/>.) Builtins that only make sense inside a shell (cd, umask,
/// ulimit) cannot be exec'd: run them as <c>sh -c '...'</c>.
/// </summary>
internal static class SshOneShot
{
    /// <summary>Longest word sent on the login shell's command line (csh's word limit is ~8 KB).</summary>
    public const int MaxWordLength = 4096;

    /// <summary>Stops process group $1 (the command and its children; the pid alone where it is
    /// no group), TERM then KILL after about $2 seconds, and says how on its last line: stopped,
    /// killed, or gone (it had ended). Polls every 0.1 s where sleep takes fractions (Linux), else
    /// every second (AIX).</summary>
    public const string StopScript =
        "kill -s TERM -- \"-$1\" 2>/dev/null || kill -s TERM \"$1\" 2>/dev/null || { echo gone; exit 0; }; i=0; " +
        "while kill -s 0 -- \"-$1\" 2>/dev/null || kill -s 0 \"$1\" 2>/dev/null; do " +
        "[ $i -ge \"$2\"0 ] && { kill -s KILL -- \"-$1\" 2>/dev/null; kill -s KILL \"$1\" 2>/dev/null; echo killed; exit 0; }; " +
        "sleep 0.1 2>/dev/null || { sleep 1; i=$((i+9)); }; i=$((i+1)); done; echo stopped";

    /// <summary>ssh's own failure exit code.</summary>
    private const int SshDied = 255;

    /// <summary>How a process killed by SIGINT exits (128 + 2).</summary>
    private const int KilledByInterrupt = 130;

    /// <summary>What ssh itself prints when a connection drops while a command runs.</summary>
    private static readonly string[] ConnectionLost = ["closed by remote host", "Connection reset", "Broken pipe", "client_loop:", "Timeout, server"];

    /// <summary>Whether a command can go one-shot: no word holds a newline or is very long.</summary>
    public static bool Suits(NodeCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var word in command.Argv)
        {
            if (word.Length > MaxWordLength || word.Contains('\n', StringComparison.Ordinal))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Single quotes for any login shell: '\'' for a quote (POSIX and csh alike), and '!'
    /// written outside the quotes as \!, because csh and tcsh expand history inside single
    /// quotes, even under -c.</summary>
    public static string LoginShellQuote(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return "'" + word.Replace("'", "'\\''", StringComparison.Ordinal).Replace("!", "'\\!'", StringComparison.Ordinal) + "'";
    }

    /// <summary>The remote command (one string: ssh hands it to the login shell) for
    /// <paramref name="argv"/>: acknowledge (marker, pid), then, only if that worked, become the
    /// command, whose pid is the one printed.</summary>
    public static string RemoteCommand(string marker, IReadOnlyList<string> argv)
    {
        ArgumentNullException.ThrowIfNull(argv);
        var sb = new StringBuilder("printf '%s A %s\\n' ").Append(LoginShellQuote(marker)).Append(" \"$$\" && exec");
        foreach (var word in argv)
        {
            sb.Append(' ').Append(LoginShellQuote(word));
        }
        return sb.ToString();
    }

    public static async Task<NodeResult> RunAsync(IProcessRunner runner, SshOptions options, NodeCommand command, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var node = command.Node;
        var marker = Acknowledgement.NewMarker("1");
        var spec = SshTransport.SshSpec(options, [.. ConnectedLine(marker), .. SshTransport.SshArguments(options, node, [RemoteCommand(marker, command.Argv)])]);
        IInteractiveProcess process;
        try
        {
            process = runner.Start(spec);
        }
        catch (ProcessStartException e)
        {
            return new NodeResult(node, NodeOutcome.Unreachable, NodeExitCodes.Unreachable, "", SshTransport.Explain(node, e.Message), clock.Elapsed);
        }
        using (process)
        {
            var output = new MarkerReader(process.Output);
            var error = new MarkerReader(process.Error);
            var errTask = error.ReadToEndAsync();
            // The acknowledgement: the command has started on the node (and its pid there). Before
            // it, the connected line: from then on the command may be on its way.
            var connected = 0;
            var ackTask = Acknowledgement.ReadAsync(output, marker, () => Volatile.Write(ref connected, 1));
            // Input is written while output is read, so a command that prints before it has read
            // all its input cannot wedge both pipes.
            var inputTask = WriteInputAsync(process, command);
            var exited = process.WaitForExitAsync(CancellationToken.None);
            var answerWithin = Acknowledgement.Within(options);
            // A Ctrl-C before the acknowledgement: while ssh has not logged in, cut it at once (it
            // has not asked for the command, so nothing runs); once it has, the command is on its
            // way: give the acknowledgement the stop grace, then stop it through a second connection.
            var acknowledged = await Acknowledgement.CameAsync(ackTask, answerWithin, cancellationToken).ConfigureAwait(false)
                || (cancellationToken.IsCancellationRequested && Volatile.Read(ref connected) == 1
                    && await Acknowledgement.CameAsync(ackTask, options.StopGrace, CancellationToken.None).ConfigureAwait(false));
            if (!acknowledged)
            {
                process.Kill();
                await Task.WhenAll(ackTask, errTask, inputTask, exited).ConfigureAwait(false);
                var how = cancellationToken.IsCancellationRequested ? NodeOutcome.Cancelled : NodeOutcome.Unreachable;
                if (ackTask.Result is { } late)
                {
                    // It started just as the connection was cut: stop it there all the same.
                    var (confirmation, remoteStop) = await StopAsync(runner, options, node, late).ConfigureAwait(false);
                    var what = how == NodeOutcome.Cancelled ? "cancelled" : $"no answer within {answerWithin.TotalSeconds:0}s";
                    return new NodeResult(node, how, how == NodeOutcome.Cancelled ? NodeExitCodes.Cancelled : NodeExitCodes.Unreachable,
                        output.TakeRest(), $"{what}; {confirmation}\n", clock.Elapsed) { Stop = remoteStop };
                }
                // No acknowledgement, so no pid to stop it by. Nothing ran only if ssh had not
                // logged in (all its output read: no connected line), and only where that line is
                // proof: printed through the user's shell, on a connection of ssh's own.
                var mayHaveStarted = Volatile.Read(ref connected) == 1 || !await ConnectedLineIsProofAsync(runner, options, node).ConfigureAwait(false);
                if (how == NodeOutcome.Cancelled)
                {
                    return mayHaveStarted
                        ? new NodeResult(node, NodeOutcome.Cancelled, NodeExitCodes.Cancelled, "",
                            "cancelled just as the command was sent; the connection was cut before the node acknowledged it: " +
                            "it may have started there, NOT confirmed stopped\n", clock.Elapsed) { Stop = RemoteStop.Unconfirmed }
                        : new NodeResult(node, NodeOutcome.Cancelled, NodeExitCodes.Cancelled, "", "cancelled before the command started\n", clock.Elapsed);
                }
                return new NodeResult(node, NodeOutcome.Unreachable, NodeExitCodes.Unreachable, "",
                    $"unreachable: no answer within {answerWithin.TotalSeconds:0}s" +
                    (mayHaveStarted ? "; the command may have started there: its state is unknown" : "") + "\n", clock.Elapsed);
            }
            if (await ackTask.ConfigureAwait(false) is not { } pid)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    // ssh ended of itself, after a Ctrl-C, without the acknowledgement: the login
                    // shell never got to exec the command, unless the connection dropped (ssh's own
                    // failure) and took the acknowledgement with it.
                    await Task.WhenAll(errTask, inputTask, exited).ConfigureAwait(false);
                    return process.ExitCode == SshDied && Volatile.Read(ref connected) == 1
                        ? new NodeResult(node, NodeOutcome.Cancelled, NodeExitCodes.Cancelled, "", await errTask.ConfigureAwait(false) +
                            "cancelled as the connection was lost: the command may have started there, NOT confirmed stopped\n", clock.Elapsed) { Stop = RemoteStop.Unconfirmed }
                        : new NodeResult(node, NodeOutcome.Cancelled, NodeExitCodes.Cancelled, "", "cancelled before the command started\n", clock.Elapsed);
                }
                // ssh ended (or printed garbage) without the acknowledgement: nothing ran.
                if (await Task.WhenAny(exited, Task.Delay(TimeSpan.FromSeconds(5), CancellationToken.None)).ConfigureAwait(false) != exited)
                {
                    process.Kill();
                }
                await Task.WhenAll(inputTask, exited).ConfigureAwait(false);
                return new NodeResult(node, NodeOutcome.Unreachable, NodeExitCodes.Unreachable, "", SshTransport.Explain(node, await errTask.ConfigureAwait(false)), clock.Elapsed);
            }

            // The command runs: wait for its end, its time limit (counted from the start, as on a
            // session), or the user's Ctrl-C.
            var outTask = output.ReadToEndAsync();
            var done = Task.WhenAll(outTask, errTask, inputTask, exited);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (command.Timeout is { } timeout)
            {
                stop.CancelAfter(timeout);
            }
            try
            {
                await done.WaitAsync(stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!done.IsCompleted)
            {
                // Stop it on the node first: its connection then ends on its own, with all the
                // output up to the stop; cut only if it does not.
                var how = cancellationToken.IsCancellationRequested ? NodeOutcome.Cancelled : NodeOutcome.TimedOut;
                var (confirmation, remoteStop) = await StopAsync(runner, options, node, pid).ConfigureAwait(false);
                if (await Task.WhenAny(done, Task.Delay(options.StopGrace, CancellationToken.None)).ConfigureAwait(false) != done)
                {
                    process.Kill();
                }
                await done.ConfigureAwait(false);
                var text = how == NodeOutcome.TimedOut ? $"timed out after {LocalTransport.Seconds(command.Timeout)}" : "cancelled";
                return new NodeResult(node, how, how == NodeOutcome.TimedOut ? NodeExitCodes.TimedOut : NodeExitCodes.Cancelled,
                    await outTask.ConfigureAwait(false), await errTask.ConfigureAwait(false) + $"{text}; {confirmation}\n", clock.Elapsed) { Stop = remoteStop };
            }
            catch (OperationCanceledException)
            {
                // It ended just as the limit came: its own result stands.
            }
            var rc = process.ExitCode;
            if (rc is SshDied or KilledByInterrupt && cancellationToken.IsCancellationRequested)
            {
                // ssh died with the Ctrl-C after all (an ssh wrapper that catches SIGINT again):
                // the command goes on there, so stop it on the node.
                var (confirmation, remoteStop) = await StopAsync(runner, options, node, pid).ConfigureAwait(false);
                return new NodeResult(node, NodeOutcome.Cancelled, NodeExitCodes.Cancelled,
                    await outTask.ConfigureAwait(false), await errTask.ConfigureAwait(false) + $"cancelled; {confirmation}\n", clock.Elapsed) { Stop = remoteStop };
            }
            var stderr = await errTask.ConfigureAwait(false);
            if (rc == SshDied && Array.Exists(ConnectionLost, m => stderr.Contains(m, StringComparison.Ordinal)))
            {
                stderr += "the connection was lost while the command ran; its outcome there is unknown\n";
            }
            return new NodeResult(node, rc == 0 ? NodeOutcome.Ok : NodeOutcome.Failed, rc, await outTask.ConfigureAwait(false), stderr, clock.Elapsed);
        }
    }

    /// <summary>The ssh options that print <c>MARKER C</c> once ssh has logged in, before it opens
    /// the session that asks for the command (LocalCommand runs, and is waited for, in between).
    /// Read to its end without that line, ssh's output proves the command was never asked for.</summary>
    public static IReadOnlyList<string> ConnectedLine(string marker) =>
        ["-o", "PermitLocalCommand=yes", "-o", "LocalCommand=echo " + marker + " C"];

    /// <summary>Shells that run LocalCommand's <c>echo</c> (ssh runs it as <c>$SHELL -c</c>).</summary>
    private static readonly string[] KnownShells = ["sh", "bash", "dash", "ash", "ksh", "ksh93", "mksh", "pdksh", "zsh", "yash", "csh", "tcsh", "fish"];

    /// <summary>Whether a missing connected line proves that ssh never asked for the command:
    /// LocalCommand runs in the user's $SHELL (/bin/sh when unset), which must be a shell; and a
    /// connection multiplexed over a master (a ControlPath in the ssh config) runs none at all.</summary>
    private static async Task<bool> ConnectedLineIsProofAsync(IProcessRunner runner, SshOptions options, string node)
    {
        var shell = Environment.GetEnvironmentVariable("SHELL");
        if (!string.IsNullOrEmpty(shell) && !(Array.IndexOf(KnownShells, Path.GetFileName(shell)) >= 0 && File.Exists(shell)))
        {
            return false;
        }
        try
        {
            var g = await runner.RunAsync(new ProcessSpec(options.SshPath, ["-G", .. SshTransport.SshArguments(options, node, [])])
            {
                Timeout = TimeSpan.FromSeconds(10),
            }, CancellationToken.None).ConfigureAwait(false);
            return g.ExitCode == 0 && !g.Stdout.Split('\n').Any(l => l.StartsWith("controlpath ", StringComparison.Ordinal) && l.Trim() != "controlpath none");
        }
        catch (ProcessStartException)
        {
            return false;
        }
    }

    /// <summary>Writes the command's standard input, then closes it (ssh sends end-of-file).</summary>
    private static async Task WriteInputAsync(IInteractiveProcess process, NodeCommand command)
    {
        try
        {
            if (command.OpenStandardInput is { } open)
            {
                // Streamed as bytes, never held whole in memory.
                await using var input = open();
                await input.CopyToAsync(process.Input.BaseStream).ConfigureAwait(false);
            }
            else if (command.StandardInput.Length > 0)
            {
                await process.Input.WriteAsync(command.StandardInput).ConfigureAwait(false);
                await process.Input.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            }
            process.Input.Close();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // ssh ended before reading all its input: the acknowledgement and exit code tell the rest.
        }
    }

    /// <summary>Kills the command's process group on the node over a new connection; says what
    /// happened there. Bounded (a few seconds past the grace), so Ctrl-C always ends.</summary>
    private static async Task<(string Text, RemoteStop Stop)> StopAsync(IProcessRunner runner, SshOptions options, string node, int pid)
    {
        var grace = Math.Max(1, (int)Math.Ceiling(options.StopGrace.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        var remote = "exec " + RemoteShell.Quote(options.RemoteShell) + " -c " + LoginShellQuote(StopScript) + " sh " +
            pid.ToString(CultureInfo.InvariantCulture) + " " + grace;
        var connect = options.ConnectTimeout < MaxStopConnect ? options.ConnectTimeout : MaxStopConnect;
        var spec = SshTransport.SshSpec(options, SshTransport.SshArguments(options with { ConnectTimeout = connect }, node, [remote])) with
        {
            Timeout = connect + options.StopGrace + TimeSpan.FromSeconds(2),
        };
        var unknown = $"the node did not confirm the stop (pid {pid}): the command's state there is unknown";
        try
        {
            var r = await runner.RunAsync(spec, CancellationToken.None).ConfigureAwait(false);
            // The last line is the script's; a login shell may print a banner before it.
            var lines = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return (lines.Length > 0 ? lines[^1] : "") switch
            {
                "stopped" or "killed" => ($"the command was stopped on the node (pid {pid})", RemoteStop.Confirmed),
                "gone" => ("the command had already ended on the node", RemoteStop.Confirmed),
                _ => (unknown, RemoteStop.Unconfirmed),
            };
        }
        catch (ProcessStartException)
        {
            return (unknown, RemoteStop.Unconfirmed);
        }
    }

    /// <summary>How long a stop may wait for its connection, whatever --connect-timeout says.</summary>
    private static readonly TimeSpan MaxStopConnect = TimeSpan.FromSeconds(8);
}
