using System.Diagnostics;
using ClAdmin.Contracts;
using ClAdmin.Exec.Processes;

namespace ClAdmin.Exec.Transport;

/// <summary>
/// Runs commands on this machine through the process runner, with no shell in between. It
/// answers only for the local node's names (the host name, "localhost", "local"); any other
/// node is reported unreachable with a hint to choose a transport that reaches it.
/// </summary>
public sealed class LocalTransport(IProcessRunner runner, string? localNode = null) : ITransport
{
    /// <summary>This machine's short host name.</summary>
    public static string HostName { get; } = System.Net.Dns.GetHostName().Split('.')[0];

    public string LocalNode { get; } = localNode ?? HostName;

    public string Name => "local";

    public bool IsLocal(string node) =>
        node == LocalNode || node == HostName || node is "localhost" or "local";

    public async Task<NodeResult> RunAsync(NodeCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var clock = Stopwatch.StartNew();
        if (!IsLocal(command.Node))
        {
            return new NodeResult(command.Node, NodeOutcome.Unreachable, NodeExitCodes.Unreachable, "",
                $"unreachable: the local transport reaches only this machine ({LocalNode}); use --transport ssh\n", clock.Elapsed);
        }
        if (command.Argv.Count == 0)
        {
            return new NodeResult(command.Node, NodeOutcome.Failed, NodeExitCodes.NotFound, "", "empty command\n", clock.Elapsed);
        }
        var spec = new ProcessSpec(command.Argv[0], command.Argv.Skip(1).ToList())
        {
            StandardInput = command.StandardInput,
            OpenStandardInput = command.OpenStandardInput,
            Timeout = command.Timeout,
        };
        try
        {
            var output = await runner.RunAsync(spec, cancellationToken).ConfigureAwait(false);
            if (output.TimedOut)
            {
                return new NodeResult(command.Node, NodeOutcome.TimedOut, NodeExitCodes.TimedOut, output.Stdout,
                    output.Stderr + $"timed out after {Seconds(command.Timeout)}; the command was killed\n", clock.Elapsed) { Stop = RemoteStop.Confirmed };
            }
            var outcome = output.ExitCode == 0 ? NodeOutcome.Ok : NodeOutcome.Failed;
            return new NodeResult(command.Node, outcome, output.ExitCode, output.Stdout, output.Stderr, clock.Elapsed);
        }
        catch (ProcessStartException e)
        {
            return new NodeResult(command.Node, NodeOutcome.Failed, NodeExitCodes.NotFound, "", $"{command.Argv[0]}: {e.InnerException?.Message ?? e.Message}\n", clock.Elapsed);
        }
        catch (OperationCanceledException)
        {
            return new NodeResult(command.Node, NodeOutcome.Cancelled, NodeExitCodes.Cancelled, "", "cancelled; the command was killed\n", clock.Elapsed) { Stop = RemoteStop.Confirmed };
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    internal static string Seconds(TimeSpan? t) => t is { } v ? $"{v.TotalSeconds:0.###}s" : "its time limit";
}
