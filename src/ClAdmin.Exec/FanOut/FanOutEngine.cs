using ClAdmin.Contracts;
using ClAdmin.Exec.Nodes;

namespace ClAdmin.Exec.FanOut;

/// <summary>
/// Runs one operation on many nodes through a transport: at most <see cref="FanOutOptions.Width"/>
/// at a time, each with its time limit, results reported as they arrive, C-SPOC's primary-first
/// and stop-on-first-failure modes, a rollback where the operation declares one, and every
/// per-node command recorded in the command log.
/// </summary>
public sealed class FanOutEngine(ITransport transport, ICommandLog? log = null, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public ITransport Transport => transport;

    /// <summary>Runs <paramref name="operation"/> on <paramref name="nodes"/>.
    /// <paramref name="onResult"/> is called once per node as its result arrives, never
    /// concurrently. Cancellation stops running commands (reported in
    /// <see cref="FanOutResult.Stopped"/>, or <see cref="FanOutResult.Unconfirmed"/> where the node
    /// did not confirm it) and starts no more (<see cref="FanOutResult.NotStarted"/>).</summary>
    public async Task<FanOutResult> RunAsync(
        IReadOnlyList<string> nodes,
        NodeOperation operation,
        FanOutOptions options,
        Action<NodeResult>? onResult = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Width < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "the fan-out width must be at least 1");
        }
        var targets = nodes.Distinct(StringComparer.Ordinal).ToList();
        var state = new RunState(targets, onResult);

        if (options.Order == FanOutOrder.PrimaryFirst && targets.Count > 1)
        {
            var primary = options.PrimaryNode ?? targets[0];
            if (!targets.Contains(primary, StringComparer.Ordinal))
            {
                throw new ArgumentException($"the primary node {primary} is not one of the target nodes", nameof(options));
            }
            await RunWaveAsync([primary], operation.Command, options, state, cancellationToken).ConfigureAwait(false);
            var rest = targets.Where(n => n != primary).ToList();
            if (state.Results[primary].Outcome == NodeOutcome.Ok)
            {
                await RunWaveAsync(rest, operation.Command, options, state, cancellationToken).ConfigureAwait(false);
            }
            else if (cancellationToken.IsCancellationRequested)
            {
                state.Skip(rest, "not started: interrupted", notStarted: true);
            }
            else
            {
                state.Skip(rest, $"not run: the primary node {primary} did not succeed");
            }
        }
        else
        {
            await RunWaveAsync(targets, operation.Command, options, state, cancellationToken).ConfigureAwait(false);
        }

        var results = targets.Select(n => state.Results[n]).ToList();
        var rollbacks = new List<NodeResult>();
        if (operation.Rollback is { } rollback && !cancellationToken.IsCancellationRequested
            && results.Any(r => r.Outcome != NodeOutcome.Ok))
        {
            var undo = results.Where(r => r.Outcome == NodeOutcome.Ok).Select(r => r.Node).ToList();
            var undoState = new RunState(undo, null);
            await RunWaveAsync(undo, rollback, options with { OnFailure = FailurePolicy.Continue }, undoState, CancellationToken.None).ConfigureAwait(false);
            rollbacks.AddRange(undo.Select(n => undoState.Results[n]));
        }
        return new FanOutResult(results, rollbacks, state.Stopped.Order(NaturalComparer.Instance).ToList(),
            state.NotStarted.Order(NaturalComparer.Instance).ToList(), cancellationToken.IsCancellationRequested)
        {
            Unconfirmed = state.Unconfirmed.Order(NaturalComparer.Instance).ToList(),
        };
    }

    private async Task RunWaveAsync(IReadOnlyList<string> nodes, Func<string, NodeCommand> plan, FanOutOptions options, RunState state, CancellationToken cancellationToken)
    {
        using var gate = new SemaphoreSlim(options.Width);
        var tasks = new List<Task>(nodes.Count);
        foreach (var node in nodes)
        {
            try
            {
                await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                state.Skip(nodes.SkipWhile(n => n != node), "not started: interrupted", notStarted: true);
                break;
            }
            if (state.FailureSeen && options.OnFailure == FailurePolicy.StopOnFirstFailure)
            {
                gate.Release();
                state.Skip(nodes.SkipWhile(n => n != node), "not run: stopped after a failure");
                break;
            }
            if (cancellationToken.IsCancellationRequested)
            {
                gate.Release();
                state.Skip(nodes.SkipWhile(n => n != node), "not started: interrupted", notStarted: true);
                break;
            }
            tasks.Add(RunOneAsync(node, plan, options, state, gate, cancellationToken));
        }
        await Task.WhenAll(tasks).ConfigureAwait(false);
    }

    private async Task RunOneAsync(string node, Func<string, NodeCommand> plan, FanOutOptions options, RunState state, SemaphoreSlim gate, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Yield();
            var command = plan(node);
            if (command.Timeout is null && options.CommandTimeout is { } limit)
            {
                command = command with { Timeout = limit };
            }
            var started = _time.GetUtcNow();
            NodeResult result;
            try
            {
                result = await transport.RunAsync(command, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The transport did not say how far the command got.
                result = new NodeResult(node, NodeOutcome.Cancelled, NodeExitCodes.Cancelled, "", "cancelled\n", _time.GetUtcNow() - started)
                {
                    Stop = RemoteStop.Unconfirmed,
                };
            }
            if (result.Outcome == NodeOutcome.Cancelled)
            {
                state.MarkInterrupted(node, result.Stop);
            }
            log?.Record(CommandLogEntry.Of(command, result, started));
            Serilog.Log.Information("node {Node}: {Outcome}, exit {ExitCode} in {DurationMs:0.0} ms: {Command}",
                node, result.Outcome.ToString(), result.ExitCode, result.Duration.TotalMilliseconds, command.Display);
            state.Complete(result);
        }
        finally
        {
            gate.Release();
        }
    }

    private sealed class RunState(IReadOnlyList<string> nodes, Action<NodeResult>? onResult)
    {
        private readonly Lock _lock = new();

        public Dictionary<string, NodeResult> Results { get; } = new(nodes.Count, StringComparer.Ordinal);
        public List<string> Stopped { get; } = [];
        public List<string> Unconfirmed { get; } = [];
        public List<string> NotStarted { get; } = [];
        public bool FailureSeen { get; private set; }

        public void Complete(NodeResult result)
        {
            lock (_lock)
            {
                Results[result.Node] = result;
                if (result.Outcome != NodeOutcome.Ok)
                {
                    FailureSeen = true;
                }
                onResult?.Invoke(result);
            }
        }

        /// <summary>Files a cancelled node by what its transport said of the stop.</summary>
        public void MarkInterrupted(string node, RemoteStop stop)
        {
            lock (_lock)
            {
                (stop switch
                {
                    RemoteStop.Confirmed => Stopped,
                    RemoteStop.Unconfirmed => Unconfirmed,
                    _ => NotStarted,
                }).Add(node);
            }
        }

        public void Skip(IEnumerable<string> skipped, string why, bool notStarted = false)
        {
            foreach (var node in skipped.ToList())
            {
                if (notStarted)
                {
                    lock (_lock)
                    {
                        NotStarted.Add(node);
                    }
                }
                Complete(new NodeResult(node, NodeOutcome.Cancelled, NodeExitCodes.Cancelled, "", why + "\n", TimeSpan.Zero));
            }
        }
    }
}
