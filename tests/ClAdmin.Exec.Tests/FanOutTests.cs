using ClAdmin.Contracts;
using ClAdmin.Exec.FanOut;
using ClAdmin.Exec.Processes;
using ClAdmin.Exec.Transport;

namespace ClAdmin.Exec.Tests;

/// <summary>The engine over the local transport, with the scripted runner as the only fake.
/// Node names are all "local" aliases, so the local transport answers for each.</summary>
public sealed class FanOutTests
{
    /// <summary>A transport that answers for any node name by running the command locally
    /// through the runner: the local transport with node names mapped to this machine.</summary>
    private sealed class EveryNodeLocal(IProcessRunner runner) : ITransport
    {
        private readonly LocalTransport _local = new(runner, "here");
        public string Name => "test";
        public async Task<NodeResult> RunAsync(NodeCommand command, CancellationToken cancellationToken)
        {
            var r = await _local.RunAsync(command with { Node = "here", Argv = [.. command.Argv, command.Node] }, cancellationToken);
            return r with { Node = command.Node };
        }
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private static Task<ProcessOutput> Answer(ProcessSpec spec, CancellationToken _)
    {
        var node = spec.Arguments[^1];
        return Task.FromResult(node switch
        {
            "n3" => new ProcessOutput(2, "", "boom\n"),
            "n4" => new ProcessOutput(5, "", "worse\n"),
            _ => new ProcessOutput(0, "same\n", ""),
        });
    }

    [Fact]
    public async Task Bounds_the_width_and_streams_every_result()
    {
        var runner = new ScriptedProcessRunner().ExpectAny("work", async (_, ct) =>
        {
            await Task.Delay(20, ct);
            return new ProcessOutput(0, "ok\n", "");
        });
        var engine = new FanOutEngine(new EveryNodeLocal(runner));
        var streamed = new List<string>();
        var nodes = Enumerable.Range(1, 20).Select(i => $"n{i}").ToList();
        var result = await engine.RunAsync(nodes, NodeOperation.Same(["work"]), new FanOutOptions { Width = 4 }, r => streamed.Add(r.Node));
        Assert.Equal(4, runner.MaxConcurrent);
        Assert.Equal(nodes.Order(), streamed.Order());
        Assert.True(result.AllOk);
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public async Task Keeps_outcomes_apart_and_reports_the_highest_exit_code()
    {
        var runner = new ScriptedProcessRunner().ExpectAny("cmd", Answer);
        var log = new MemoryCommandLog();
        var engine = new FanOutEngine(new EveryNodeLocal(runner), log);
        var result = await engine.RunAsync(["n1", "n2", "n3", "n4"], NodeOperation.Same(["cmd"], "secret-password"), new FanOutOptions());
        Assert.Equal([NodeOutcome.Ok, NodeOutcome.Ok, NodeOutcome.Failed, NodeOutcome.Failed], result.Results.Select(r => r.Outcome));
        Assert.Equal(5, result.HighestExitCode);
        Assert.Equal(5, result.ExitCode);
        Assert.Equal("4 nodes: 2 ok, 2 failed n[3-4]; highest exit code 5", result.Summary());
        Assert.Equal(4, log.Entries.Count);
        Assert.DoesNotContain(log.Entries, e => e.ToString().Contains("secret", StringComparison.Ordinal));
        Assert.Contains(log.Entries, e => e.Node == "n4" && e.ExitCode == 5 && e.ToString().Contains(" n4 rc=5 failed ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Primary_first_runs_nobody_else_when_the_primary_fails()
    {
        var runner = new ScriptedProcessRunner().ExpectAny("cmd", Answer);
        var engine = new FanOutEngine(new EveryNodeLocal(runner));
        var result = await engine.RunAsync(["n1", "n2", "n3"], NodeOperation.Same(["cmd"]),
            new FanOutOptions { Order = FanOutOrder.PrimaryFirst, PrimaryNode = "n3" });
        Assert.Single(runner.Calls);
        Assert.Equal(NodeOutcome.Failed, result.Results.Single(r => r.Node == "n3").Outcome);
        Assert.All(result.Results.Where(r => r.Node != "n3"), r => Assert.Equal(NodeOutcome.Cancelled, r.Outcome));
    }

    [Fact]
    public async Task Primary_first_then_the_rest_when_it_succeeds()
    {
        var order = new List<string>();
        var runner = new ScriptedProcessRunner().ExpectAny("cmd", (s, _) =>
        {
            lock (order)
            {
                order.Add(s.Arguments[^1]);
            }
            return Task.FromResult(new ProcessOutput(0, "", ""));
        });
        var engine = new FanOutEngine(new EveryNodeLocal(runner));
        var result = await engine.RunAsync(["n1", "n2", "n3"], NodeOperation.Same(["cmd"]), new FanOutOptions { Order = FanOutOrder.PrimaryFirst, PrimaryNode = "n2" });
        Assert.Equal("n2", order[0]);
        Assert.True(result.AllOk);
    }

    [Fact]
    public async Task Stop_on_first_failure_starts_no_more_nodes_and_rolls_back_the_ones_that_succeeded()
    {
        var runner = new ScriptedProcessRunner().ExpectAny("cmd", Answer).ExpectAny("undo", (_, _) => Task.FromResult(new ProcessOutput(0, "", "")));
        var engine = new FanOutEngine(new EveryNodeLocal(runner));
        var op = NodeOperation.Same(["cmd"]) with { Rollback = n => new NodeCommand(n, ["undo"]) };
        var result = await engine.RunAsync(["n1", "n2", "n3", "n5", "n6"], op, new FanOutOptions { Width = 1, OnFailure = FailurePolicy.StopOnFirstFailure });
        Assert.Equal([NodeOutcome.Ok, NodeOutcome.Ok, NodeOutcome.Failed, NodeOutcome.Cancelled, NodeOutcome.Cancelled], result.Results.Select(r => r.Outcome));
        Assert.Equal(["n1", "n2"], result.Rollbacks.Select(r => r.Node));
        Assert.DoesNotContain(runner.Calls, c => c.FileName == "cmd" && c.Arguments[^1] is "n5" or "n6");
        Assert.Contains("rolled back on n[1-2] (2 ok)", result.Summary(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Continue_runs_everywhere_and_rolls_back_nothing_without_a_rollback()
    {
        var runner = new ScriptedProcessRunner().ExpectAny("cmd", Answer);
        var engine = new FanOutEngine(new EveryNodeLocal(runner));
        var result = await engine.RunAsync(["n1", "n3", "n5"], NodeOperation.Same(["cmd"]), new FanOutOptions { Width = 1 });
        Assert.Equal(3, runner.Calls.Count);
        Assert.Empty(result.Rollbacks);
    }

    [Fact]
    public async Task A_command_past_its_time_limit_is_timed_out_not_failed()
    {
        var runner = new ScriptedProcessRunner().ExpectAny("slow", (s, _) =>
            Task.FromResult(s.Timeout is not null ? new ProcessOutput(-1, "", "", TimedOut: true) : new ProcessOutput(0, "", "")));
        var engine = new FanOutEngine(new EveryNodeLocal(runner));
        var result = await engine.RunAsync(["n1"], NodeOperation.Same(["slow"]), new FanOutOptions { CommandTimeout = TimeSpan.FromSeconds(2) });
        Assert.Equal(NodeOutcome.TimedOut, result.Results[0].Outcome);
        Assert.Equal(TimeSpan.FromSeconds(2), runner.Calls.Single().Timeout);
        Assert.Contains("timed out after 2s", result.Results[0].Stderr, StringComparison.Ordinal);
        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    public async Task Cancellation_says_which_nodes_were_stopped_and_which_never_started()
    {
        using var cts = new CancellationTokenSource();
        var started = 0;
        var runner = new ScriptedProcessRunner().ExpectAny("hang", async (_, ct) =>
        {
            if (Interlocked.Increment(ref started) == 2)
            {
                await cts.CancelAsync();
            }
            await Task.Delay(Timeout.Infinite, ct);
            return new ProcessOutput(0, "", "");
        });
        var engine = new FanOutEngine(new EveryNodeLocal(runner));
        var result = await engine.RunAsync(["n1", "n2", "n3", "n4"], NodeOperation.Same(["hang"]), new FanOutOptions { Width = 2 }, null, cts.Token);
        Assert.True(result.Interrupted);
        Assert.Equal(["n1", "n2"], result.Stopped);
        Assert.Equal(["n3", "n4"], result.NotStarted);
        Assert.All(result.Results, r => Assert.Equal(NodeOutcome.Cancelled, r.Outcome));
    }

    /// <summary>Answers each node after the run is cancelled, with the stop its node reported.</summary>
    private sealed class StopsAsTold(CancellationTokenSource cts, Dictionary<string, RemoteStop> told) : ITransport
    {
        private int _running;
        public string Name => "test";
        public async Task<NodeResult> RunAsync(NodeCommand command, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _running) == told.Count)
            {
                await cts.CancelAsync();
            }
            await Task.Delay(Timeout.Infinite, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
            return new NodeResult(command.Node, NodeOutcome.Cancelled, NodeExitCodes.Cancelled, "", "cancelled\n", TimeSpan.Zero) { Stop = told[command.Node] };
        }
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Cancellation_reports_a_stop_the_node_did_not_confirm_apart_from_confirmed_ones()
    {
        using var cts = new CancellationTokenSource();
        var told = new Dictionary<string, RemoteStop>
        {
            ["n1"] = RemoteStop.Confirmed,
            ["n2"] = RemoteStop.Unconfirmed,
            ["n3"] = RemoteStop.None, // cancelled before it started there
            ["n4"] = RemoteStop.Confirmed,
        };
        var engine = new FanOutEngine(new StopsAsTold(cts, told));
        var result = await engine.RunAsync(["n1", "n2", "n3", "n4"], NodeOperation.Same(["hang"]), new FanOutOptions(), null, cts.Token);
        Assert.True(result.Interrupted);
        Assert.Equal(["n1", "n4"], result.Stopped);
        Assert.Equal(["n2"], result.Unconfirmed);
        Assert.Equal(["n3"], result.NotStarted);
    }

    [Fact]
    public void Gatherer_folds_identical_output_under_the_node_set_that_printed_it()
    {
        var results = new[]
        {
            new NodeResult("node02", NodeOutcome.Ok, 0, "Linux\n", "", TimeSpan.Zero),
            new NodeResult("node01", NodeOutcome.Ok, 0, "Linux\n", "", TimeSpan.Zero),
            new NodeResult("node03", NodeOutcome.Ok, 0, "AIX\n", "", TimeSpan.Zero),
            new NodeResult("node10", NodeOutcome.Ok, 0, "Linux\n", "", TimeSpan.Zero),
            new NodeResult("node04", NodeOutcome.Ok, 0, "", "", TimeSpan.Zero),
        };
        var text = Gatherer.Render(Gatherer.Fold(results, r => r.Stdout));
        Assert.Equal(
            "---------------\nnode[01-02,10] (3)\n---------------\nLinux\n" +
            "---------------\nnode03 (1)\n---------------\nAIX\n", text);
        Assert.Equal("node01: Linux\nnode02: Linux\nnode03: AIX\nnode10: Linux\n", Gatherer.Prefix(results, r => r.Stdout));
    }
}
