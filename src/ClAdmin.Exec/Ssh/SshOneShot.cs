using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ClAdmin.Exec.Dispatch;
using ClAdmin.Exec.Processes;
using ClAdmin.Exec.Transport;

namespace ClAdmin.Exec.Ssh;

/// <summary>
/// One command on a connection of its own, as pdsh and clush run them: <c>ssh HOST -- printf
/// '%s A %s\n' MARKER "$$"; exec WORD...</c>. The login shell prints one acknowledgement line
/// (the marker and its pid) and execs the command in its own place, so a single run costs the
/// handshake and nothing more: no session shell, no background job, no watcher. The line is
/// plain enough for any login shell (sh, ksh, bash, csh); words with a newline, which csh cannot
/// quote, go over a session instead (<see cref="Suits"/>). Standard input is
/// written, then closed; the exit code is ssh's. A command stopped by its time limit or by Ctrl-C
/// is killed on the node over a second connection, by the pid it acknowledged (TERM, then KILL
/// after <see cref="SshOptions.StopGrace"/>), and the result says whether the node confirmed it.
/// </summary>
internal static class SshOneShot
{
    /// <summary>Whether a command can go one-shot: no word holds a newline.</summary>
    public static bool Suits(NodeCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var word in command.Argv)
        {
            if (word.Contains('\n', StringComparison.Ordinal))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Stops pid $1, TERM then KILL after about $2 seconds, and says how: stopped, killed,
    /// or gone (it had ended). Polls every 0.1 s where sleep takes fractions (Linux), else every
    /// second (AIX).</summary>
    public const string StopScript =
        "kill -TERM \"$1\" 2>/dev/null || { echo gone; exit 0; }; i=0; " +
        "while kill -0 \"$1\" 2>/dev/null; do [ $i -ge \"$2\"0 ] && { kill -KILL \"$1\" 2>/dev/null; echo killed; exit 0; }; " +
        "sleep 0.1 2>/dev/null || { sleep 1; i=$((i+9)); }; i=$((i+1)); done; echo stopped";

    /// <summary>The remote command (one string: ssh hands it to the login shell) for
    /// <paramref name="argv"/>: acknowledge (marker, pid), then become the command, whose pid is
    /// the one printed.</summary>
    public static string RemoteCommand(string marker, IReadOnlyList<string> argv)
    {
        ArgumentNullException.ThrowIfNull(argv);
        var sb = new StringBuilder("printf '%s A %s\\n' ").Append(RemoteShell.Quote(marker)).Append(" \"$$\"; exec");
        foreach (var word in argv)
        {
            sb.Append(' ').Append(RemoteShell.Quote(word));
        }
        return sb.ToString();
    }

    public static async Task<NodeResult> RunAsync(IProcessRunner runner, SshOptions options, NodeCommand command, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var node = command.Node;
        var marker = "__CLADMIN_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12)) + "_1";
        var spec = new ProcessSpec(options.SshPath, SshTransport.SshArguments(options, node, [RemoteCommand(marker, command.Argv)]));
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
            // The acknowledgement: the command has started on the node (and its pid there).
            var ackTask = ReadAckAsync(output, marker);
            // Input is written while output is read, so a command that prints before it has read
            // all its input cannot wedge both pipes.
            var inputTask = WriteInputAsync(process, command.StandardInput);
            var answerWithin = options.ConnectTimeout + TimeSpan.FromSeconds(5);
            Task first;
            try
            {
                first = await Task.WhenAny(ackTask, Task.Delay(answerWithin, cancellationToken)).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                first = Task.CompletedTask;
            }
            if (first != ackTask)
            {
                // Nothing started that we know of: cutting the connection is all there is to do.
                process.Kill();
                await Task.WhenAll(ackTask, errTask, inputTask, process.WaitForExitAsync(CancellationToken.None)).ConfigureAwait(false);
                if (cancellationToken.IsCancellationRequested)
                {
                    return new NodeResult(node, NodeOutcome.Cancelled, NodeExitCodes.Cancelled, "", "cancelled before the command started\n", clock.Elapsed);
                }
                return new NodeResult(node, NodeOutcome.Unreachable, NodeExitCodes.Unreachable, "",
                    $"unreachable: no answer within {answerWithin.TotalSeconds:0}s\n", clock.Elapsed);
            }
            if (await ackTask.ConfigureAwait(false) is not { } pid)
            {
                await Task.WhenAll(inputTask, process.WaitForExitAsync(CancellationToken.None)).ConfigureAwait(false);
                return new NodeResult(node, NodeOutcome.Unreachable, NodeExitCodes.Unreachable, "", SshTransport.Explain(node, await errTask.ConfigureAwait(false)), clock.Elapsed);
            }

            // The command runs: wait for its end, its time limit (counted from the start, as on a
            // session), or the user's Ctrl-C.
            var outTask = output.ReadToEndAsync();
            var done = Task.WhenAll(outTask, errTask, inputTask, process.WaitForExitAsync(CancellationToken.None));
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (command.Timeout is { } timeout)
            {
                stop.CancelAfter(timeout);
            }
            try
            {
                await done.WaitAsync(stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Stop it on the node first: its connection then ends on its own, with all the
                // output up to the stop; cut only if it does not.
                var how = cancellationToken.IsCancellationRequested ? NodeOutcome.Cancelled : NodeOutcome.TimedOut;
                var confirmation = await StopAsync(runner, options, node, pid).ConfigureAwait(false);
                if (await Task.WhenAny(done, Task.Delay(options.StopGrace, CancellationToken.None)).ConfigureAwait(false) != done)
                {
                    process.Kill();
                }
                await done.ConfigureAwait(false);
                var text = how == NodeOutcome.TimedOut ? $"timed out after {LocalTransport.Seconds(command.Timeout)}" : "cancelled";
                return new NodeResult(node, how, how == NodeOutcome.TimedOut ? NodeExitCodes.TimedOut : NodeExitCodes.Cancelled,
                    await outTask.ConfigureAwait(false), await errTask.ConfigureAwait(false) + $"{text}; {confirmation}\n", clock.Elapsed);
            }
            var rc = process.ExitCode;
            return new NodeResult(node, rc == 0 ? NodeOutcome.Ok : NodeOutcome.Failed, rc,
                await outTask.ConfigureAwait(false), await errTask.ConfigureAwait(false), clock.Elapsed);
        }
    }

    /// <summary>Writes the command's standard input, then closes it (ssh sends end-of-file).</summary>
    private static async Task WriteInputAsync(IInteractiveProcess process, string text)
    {
        try
        {
            if (text.Length > 0)
            {
                await process.Input.WriteAsync(text).ConfigureAwait(false);
                await process.Input.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            }
            process.Input.Close();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // ssh ended before reading all its input: the acknowledgement and exit code tell the rest.
        }
    }

    /// <summary>Kills the command's pid on the node over a new connection; says what happened there.</summary>
    private static async Task<string> StopAsync(IProcessRunner runner, SshOptions options, string node, int pid)
    {
        var grace = Math.Max(1, (int)Math.Ceiling(options.StopGrace.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        var remote = "exec " + RemoteShell.Quote(options.RemoteShell) + " -c " + RemoteShell.Quote(StopScript) + " sh " +
            pid.ToString(CultureInfo.InvariantCulture) + " " + grace;
        var spec = new ProcessSpec(options.SshPath, SshTransport.SshArguments(options, node, [remote]))
        {
            Timeout = options.ConnectTimeout + options.StopGrace + TimeSpan.FromSeconds(5),
        };
        try
        {
            var r = await runner.RunAsync(spec, CancellationToken.None).ConfigureAwait(false);
            return r.Stdout.Trim() switch
            {
                "stopped" or "killed" => $"the command was stopped on the node (pid {pid})",
                "gone" => "the command had already ended on the node",
                _ => $"the node did not confirm the stop (pid {pid}): the command's state there is unknown",
            };
        }
        catch (ProcessStartException)
        {
            return $"the node did not confirm the stop (pid {pid}): the command's state there is unknown";
        }
    }

    private static async Task<int?> ReadAckAsync(MarkerReader output, string marker)
    {
        if (await output.ReadUntilAsync(marker + " A ").ConfigureAwait(false) is null)
        {
            return null;
        }
        var pid = await output.ReadUntilAsync("\n").ConfigureAwait(false);
        return int.TryParse(pid, NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : null;
    }
}
