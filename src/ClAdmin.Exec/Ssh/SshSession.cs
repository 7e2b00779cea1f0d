using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using ClAdmin.Contracts;
using ClAdmin.Exec.Processes;
using ClAdmin.Exec.Transport;

namespace ClAdmin.Exec.Ssh;

/// <summary>
/// One ssh process to one node carrying a remote shell (<see cref="RemoteShell"/>). Runs one
/// command at a time; the transport serialises callers with <see cref="Gate"/>.
/// </summary>
internal sealed class SshSession(string node, ProcessSpec spec, IProcessRunner runner, SshOptions options)
{
    private readonly string _prefix = Acknowledgement.NewMarker("");
    private long _sequence;
    private IInteractiveProcess? _process;
    private MarkerReader? _out;
    private MarkerReader? _err;
    private bool _dead = true;

    public string Node => node;
    public SemaphoreSlim Gate { get; } = new(1, 1);
    public DateTime LastUsed { get; private set; } = DateTime.UtcNow;
    public int? RemoteShellPid { get; private set; }
    public int? ProcessId => _process is { HasExited: false } p ? p.Id : null;
    public bool IsOpen => !_dead && _process is { HasExited: false };

    /// <summary>What one try did: either a result, or "never started" (the session could not
    /// carry the command; <see cref="Fresh"/> says whether the connection was new).</summary>
    public sealed record Attempt(NodeResult? Result, bool Fresh, string SshMessage);

    /// <summary>The most standard input a session carries: it travels as one quoted shell word.</summary>
    public const int MaxSessionInputBytes = 1024 * 1024;

    public async Task<Attempt> RunOnceAsync(NodeCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var clock = Stopwatch.StartNew();
        var input = SessionInput(command);
        if (input.Problem is { } problem)
        {
            return new Attempt(new NodeResult(command.Node, NodeOutcome.Failed, 2, "", $"cladmin: {command.Node}: {problem}\n", clock.Elapsed), false, "");
        }
        LastUsed = DateTime.UtcNow;
        var fresh = false;
        if (!IsOpen)
        {
            await CloseAsync().ConfigureAwait(false);
            try
            {
                _process = runner.Start(spec);
            }
            catch (ProcessStartException e)
            {
                return new Attempt(null, true, e.Message);
            }
            _out = new MarkerReader(_process.Output);
            _err = new MarkerReader(_process.Error);
            _dead = false;
            fresh = true;
        }
        var process = _process!;
        var marker = _prefix + (++_sequence).ToString(CultureInfo.InvariantCulture);
        var errTask = _err!.ReadUntilAsync(marker + " E\n");
        try
        {
            if (fresh)
            {
                await process.Input.WriteAsync(RemoteShell.Bootstrap).ConfigureAwait(false);
            }
            await process.Input.WriteAsync(RemoteShell.CommandLine(marker, command.Argv, input.Text)).ConfigureAwait(false);
            await process.Input.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            return await NeverStarted(fresh, errTask).ConfigureAwait(false);
        }

        // The acknowledgement: the command has started (and the session shell's pid).
        var ackTask = Acknowledgement.ReadAsync(_out!, marker);
        var answerWithin = Acknowledgement.Within(options);
        // A Ctrl-C before the acknowledgement, on a warm session: the command line is on its way,
        // so give the acknowledgement a moment (the stop grace), after which the stop goes through
        // the session and is confirmed. A new session is cut at once: its command line may still
        // wait in ssh for the handshake, and cutting it then runs nothing.
        var acknowledged = await Acknowledgement.CameAsync(ackTask, answerWithin, cancellationToken).ConfigureAwait(false)
            || (cancellationToken.IsCancellationRequested && !fresh
                && await Acknowledgement.CameAsync(ackTask, options.StopGrace, CancellationToken.None).ConfigureAwait(false));
        if (!acknowledged)
        {
            Kill();
            await Task.WhenAll(ackTask, errTask).ConfigureAwait(false);
            if (cancellationToken.IsCancellationRequested)
            {
                if (ackTask.Result is not null)
                {
                    // It started as the session was cut; the session shell stops a command whose
                    // connection ends, but nothing can confirm it now.
                    return new Attempt(new NodeResult(node, NodeOutcome.Cancelled, NodeExitCodes.Cancelled, _out!.TakeRest(),
                        "cancelled just as the command started; the session was cut, which stops it there, unconfirmed\n", clock.Elapsed)
                    { Stop = RemoteStop.Unconfirmed }, fresh, "");
                }
                return new Attempt(new NodeResult(node, NodeOutcome.Cancelled, NodeExitCodes.Cancelled, "", "cancelled before the command started\n", clock.Elapsed), fresh, "");
            }
            return new Attempt(new NodeResult(node, NodeOutcome.Unreachable, NodeExitCodes.Unreachable, "",
                $"unreachable: no answer within {answerWithin.TotalSeconds:0}s\n", clock.Elapsed), fresh, "");
        }
        if (await ackTask.ConfigureAwait(false) is not { } pid)
        {
            return await NeverStarted(fresh, errTask).ConfigureAwait(false);
        }
        RemoteShellPid = pid;

        // The command runs: wait for its end, its time limit, or the user's Ctrl-C.
        var outTask = ReadOutputAsync(marker);
        var done = Task.WhenAll(outTask, errTask);
        NodeOutcome? stopped = null;
        var cut = false;
        using (var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            if (command.Timeout is { } t)
            {
                limit.CancelAfter(t);
            }
            try
            {
                await done.WaitAsync(limit.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                stopped = cancellationToken.IsCancellationRequested ? NodeOutcome.Cancelled : NodeOutcome.TimedOut;
                try
                {
                    await process.Input.WriteAsync(RemoteShell.StopLine).ConfigureAwait(false);
                    await process.Input.FlushAsync(CancellationToken.None).ConfigureAwait(false);
                }
                catch (Exception e) when (e is IOException or ObjectDisposedException)
                {
                    // The session is gone: the reads below end.
                }
                if (await Task.WhenAny(done, Task.Delay(options.StopGrace, CancellationToken.None)).ConfigureAwait(false) != done)
                {
                    cut = true;
                    Kill();
                }
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException)
            {
                // Reads end on their own; handled below.
            }
        }
        var (stdout, rc) = await outTask.ConfigureAwait(false);
        var stderr = await errTask.ConfigureAwait(false);
        LastUsed = DateTime.UtcNow;
        if (rc is null || stderr is null)
        {
            _dead = true;
            var partialOut = stdout ?? _out!.TakeRest();
            var partialErr = stderr ?? _err!.TakeRest();
            if (stopped is { } how)
            {
                var text = how == NodeOutcome.TimedOut ? $"timed out after {LocalTransport.Seconds(command.Timeout)}" : "cancelled";
                return new Attempt(new NodeResult(node, how, how == NodeOutcome.TimedOut ? NodeExitCodes.TimedOut : NodeExitCodes.Cancelled,
                    partialOut, partialErr + $"{text}; the node did not confirm the stop{(cut ? " and the session was cut" : "")}: the command's state there is unknown\n", clock.Elapsed)
                { Stop = RemoteStop.Unconfirmed }, fresh, "");
            }
            return new Attempt(new NodeResult(node, NodeOutcome.Failed, NodeExitCodes.Unreachable, partialOut,
                partialErr + $"the connection was lost while the command ran; its outcome there is unknown\n", clock.Elapsed), fresh, "");
        }
        if (stopped is { } outcome)
        {
            var text = outcome == NodeOutcome.TimedOut ? $"timed out after {LocalTransport.Seconds(command.Timeout)}" : "cancelled";
            return new Attempt(new NodeResult(node, outcome, outcome == NodeOutcome.TimedOut ? NodeExitCodes.TimedOut : NodeExitCodes.Cancelled,
                stdout!, stderr + $"{text}; the command was stopped on the node (exit {rc})\n", clock.Elapsed)
            { Stop = RemoteStop.Confirmed }, fresh, "");
        }
        return new Attempt(new NodeResult(node, rc == 0 ? NodeOutcome.Ok : NodeOutcome.Failed, rc.Value, stdout!, stderr, clock.Elapsed), fresh, "");
    }

    /// <summary>
    /// Standard input as the session carries it: text, inside the command line. Streamed input
    /// (cladmin cmd's standard input) that is binary (NUL, not UTF-8) or over
    /// <see cref="MaxSessionInputBytes"/> cannot go that way without being changed: it is refused,
    /// naming the way that carries it byte for byte (a single run, one connection per node).
    /// </summary>
    private static (string Text, string? Problem) SessionInput(NodeCommand command)
    {
        if (command.OpenStandardInput is not { } open)
        {
            return (command.StandardInput, null);
        }
        using var stream = open();
        // Read in chunks, so an empty or short input (the common case, per node and command)
        // costs no megabyte-sized buffer.
        var read = new ArrayBufferWriter<byte>();
        int n;
        while (read.WrittenCount <= MaxSessionInputBytes && (n = stream.Read(read.GetSpan(16384))) > 0)
        {
            read.Advance(n);
        }
        const string Way = "run the command once (without --repeat), which streams standard input byte for byte";
        if (read.WrittenCount > MaxSessionInputBytes)
        {
            return ("", $"standard input over {MaxSessionInputBytes} bytes cannot travel in a session; {Way}");
        }
        var bytes = read.WrittenSpan;
        if (bytes.Contains((byte)0) || !System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return ("", $"binary standard input cannot travel in a session; {Way}");
        }
        return (System.Text.Encoding.UTF8.GetString(bytes), null);
    }

    private async Task<Attempt> NeverStarted(bool fresh, Task<string?> errTask)
    {
        _dead = true;
        if (await Task.WhenAny(errTask, Task.Delay(TimeSpan.FromSeconds(2))).ConfigureAwait(false) != errTask)
        {
            Kill();
        }
        await errTask.ConfigureAwait(false);
        var message = _err!.TakeRest();
        await CloseAsync().ConfigureAwait(false);
        return new Attempt(null, fresh, message);
    }

    private async Task<(string? Stdout, int? ExitCode)> ReadOutputAsync(string marker)
    {
        var stdout = await _out!.ReadUntilAsync(marker + " E ").ConfigureAwait(false);
        if (stdout is null)
        {
            return (null, null);
        }
        var rc = await _out.ReadUntilAsync("\n").ConfigureAwait(false);
        return (stdout, int.TryParse(rc, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var code) ? code : null);
    }

    private void Kill()
    {
        _dead = true;
        _process?.Kill();
    }

    /// <summary>Ends the session: closes the remote shell's input so it exits, then waits a
    /// little for ssh to go and kills it if it does not.</summary>
    public async Task CloseAsync()
    {
        _dead = true;
        RemoteShellPid = null;
        if (_process is not { } process)
        {
            return;
        }
        _process = null;
        try
        {
            process.Input.Close();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // Already closed.
        }
        try
        {
            await process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            process.Kill();
        }
        process.Dispose();
    }
}
