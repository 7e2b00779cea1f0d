using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using ClAdmin.Contracts;
using ClAdmin.Exec.Processes;

namespace ClAdmin.Exec.Ssh;

/// <summary>
/// Reaches nodes with the OpenSSH client: BatchMode (never a password prompt), host keys always
/// verified (an unknown host is refused, with the command that records its key), the user's
/// ssh config, agent and known_hosts honoured, <c>-F</c> when a config file is given. Each node
/// gets one ssh process carrying a remote shell; commands are framed on it, so a command on a
/// warm session costs a round trip, not a handshake. A session found dead before a command
/// started is reconnected once; idle sessions close. With <see cref="SshOptions.Persistent"/>
/// off, or for a command marked <see cref="NodeCommand.OwnConnection"/> (a node's only command
/// in this run), the command gets a connection of its own instead (<see cref="SshOneShot"/>).
/// </summary>
public sealed class SshTransport : ITransport
{
    private readonly ConcurrentDictionary<string, SshSession> _sessions = new(StringComparer.Ordinal);
    private readonly IProcessRunner _runner;
    private readonly SshOptions _options;
    private readonly Timer? _idleTimer;
    private bool _disposed;

    public SshTransport(IProcessRunner runner, SshOptions? options = null)
    {
        _runner = runner ?? throw new ArgumentNullException(nameof(runner));
        _options = options ?? new SshOptions();
        if (_options.Persistent && _options.IdleTimeout > TimeSpan.Zero)
        {
            var every = TimeSpan.FromTicks(Math.Max(TimeSpan.FromMilliseconds(100).Ticks, _options.IdleTimeout.Ticks / 2));
            _idleTimer = new Timer(_ => _ = CloseIdleAsync(), null, every, every);
        }
    }

    public string Name => "ssh";

    /// <summary>The ssh arguments for a node, remote command included: what is run, as words.</summary>
    public IReadOnlyList<string> SshArguments(string node) => SshArguments(_options, node, ["exec " + _options.RemoteShell]);

    /// <summary>The shell line that starts ssh with SIGINT ignored; ssh keeps an ignored SIGINT
    /// ignored. (Not SIGQUIT: Ctrl-\ kills cladmin outright, and ssh must go with it.)</summary>
    public const string Shield = "trap '' INT; exec \"$@\"";

    /// <summary>How ssh is started: through <c>/bin/sh -c</c> <see cref="Shield"/>, so a Ctrl-C typed
    /// at the terminal, which the kernel sends to every process of the foreground job, reaches
    /// cladmin only. cladmin then stops the commands on their nodes (the session shell kills its
    /// command; a one-shot command is killed over a second connection) and reports each node,
    /// instead of ssh dying and leaving the commands running there. The signals' ignored state
    /// survives exec, which .NET's Process cannot set itself; the shell costs about 0.6 ms a
    /// connection. (Not setsid, which would shield ssh as well: with the scheduler's autogroups,
    /// 32 sessions of their own made a cold fan-out 10% slower.)</summary>
    public static ProcessSpec SshSpec(SshOptions options, IReadOnlyList<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(arguments);
        return new ProcessSpec("/bin/sh", ["-c", Shield, "ssh", options.SshPath, .. arguments]);
    }

    /// <summary>The ssh arguments for a node with a given remote command.</summary>
    public static IReadOnlyList<string> SshArguments(SshOptions options, string node, IReadOnlyList<string> remoteCommand)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(remoteCommand);
        var args = new List<string>();
        if (options.ConfigFile is { } config)
        {
            args.Add("-F");
            args.Add(config);
        }
        args.AddRange([
            "-T", "-x",
            "-o", "BatchMode=yes",
            "-o", "StrictHostKeyChecking=yes",
            "-o", "ConnectTimeout=" + Math.Max(1, (int)Math.Ceiling(options.ConnectTimeout.TotalSeconds)).ToString(CultureInfo.InvariantCulture),
            "-o", "ServerAliveInterval=15",
            "-o", "ServerAliveCountMax=3",
        ]);
        var endpoint = options.Addresses?.Resolve(node);
        if (endpoint?.Port is { } port)
        {
            args.Add("-p");
            args.Add(port.ToString(CultureInfo.InvariantCulture));
        }
        if (endpoint?.User is { } user)
        {
            args.Add("-l");
            args.Add(user);
        }
        if (endpoint?.IdentityFile is { } identity)
        {
            args.AddRange(["-i", identity, "-o", "IdentitiesOnly=yes"]);
        }
        args.Add("--");
        args.Add(endpoint?.Host ?? node);
        args.AddRange(remoteCommand);
        return args;
    }

    /// <summary>The pid of the remote shell of a node's open session (tests, diagnostics).</summary>
    public int? RemoteShellPid(string node) => _sessions.TryGetValue(node, out var s) && s.IsOpen ? s.RemoteShellPid : null;

    /// <summary>The local ssh process id of a node's open session.</summary>
    public int? SshProcessId(string node) => _sessions.TryGetValue(node, out var s) ? s.ProcessId : null;

    public async Task<NodeResult> RunAsync(NodeCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var clock = Stopwatch.StartNew();
        if (command.Argv.Count == 0)
        {
            return new NodeResult(command.Node, NodeOutcome.Failed, NodeExitCodes.NotFound, "", "empty command\n", clock.Elapsed);
        }
        var ownConnection = !_options.Persistent || (command.OwnConnection && !(_sessions.TryGetValue(command.Node, out var open) && open.IsOpen));
        if (ownConnection && SshOneShot.Suits(command))
        {
            return await SshOneShot.RunAsync(_runner, _options, command, cancellationToken).ConfigureAwait(false);
        }
        var session = _sessions.GetOrAdd(command.Node, node =>
            new SshSession(node, SshSpec(_options, SshArguments(node)), _runner, _options));
        try
        {
            await session.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return new NodeResult(command.Node, NodeOutcome.Cancelled, NodeExitCodes.Cancelled, "", "cancelled before the command started\n", clock.Elapsed);
        }
        try
        {
            var attempt = await session.RunOnceAsync(command, cancellationToken).ConfigureAwait(false);
            if (attempt.Result is null && !attempt.Fresh && !cancellationToken.IsCancellationRequested)
            {
                // A warm session died between commands: reconnect once.
                attempt = await session.RunOnceAsync(command, cancellationToken).ConfigureAwait(false);
            }
            if (ownConnection)
            {
                await session.CloseAsync().ConfigureAwait(false); // a newline in a word: one-shot over a session
            }
            return attempt.Result ?? new NodeResult(command.Node, NodeOutcome.Unreachable, NodeExitCodes.Unreachable, "",
                Explain(command.Node, attempt.SshMessage), clock.Elapsed);
        }
        finally
        {
            session.Gate.Release();
        }
    }

    /// <summary>What ssh said when it could not carry a command, with a way forward when there is one.</summary>
    public static string Explain(string node, string sshMessage)
    {
        ArgumentNullException.ThrowIfNull(sshMessage);
        var text = sshMessage.Trim();
        if (text.Contains("REMOTE HOST IDENTIFICATION HAS CHANGED", StringComparison.Ordinal))
        {
            return "unreachable: its host key CHANGED since it was recorded (possible attack, or the host was reinstalled); " +
                "nothing was run. Check with the node's administrator, then replace the old key with: cladmin ssh trust " + node + " --replace-changed\n";
        }
        if (text.Contains("Host key verification failed", StringComparison.Ordinal) || text.Contains("host key is known", StringComparison.Ordinal))
        {
            return "unreachable: its host key is not known, so it was refused; nothing was run. " +
                $"Review its fingerprint and record it with: cladmin ssh trust {node}\n";
        }
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var last = lines.Length > 0 ? string.Join("; ", lines.TakeLast(2)) : "ssh ended without a word";
        return $"unreachable: {last}\n";
    }

    private async Task CloseIdleAsync()
    {
        var now = DateTime.UtcNow;
        foreach (var session in _sessions.Values)
        {
            if (session.IsOpen && now - session.LastUsed >= _options.IdleTimeout && session.Gate.Wait(0))
            {
                try
                {
                    await session.CloseAsync().ConfigureAwait(false);
                }
                finally
                {
                    session.Gate.Release();
                }
            }
        }
    }

    /// <summary>Closes every session and waits for their ssh processes to end.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        if (_idleTimer is not null)
        {
            await _idleTimer.DisposeAsync().ConfigureAwait(false);
        }
        await Task.WhenAll(_sessions.Values.Select(s => s.CloseAsync())).ConfigureAwait(false);
        _sessions.Clear();
    }
}
