using ClAdmin.Contracts;
using ClAdmin.Sim.Faults;
using ClAdmin.Tui.Input;
using ClAdmin.Tui.Rendering;
using ClAdmin.Tui.Session;

using static ClAdmin.Testing.SessionKeys;

namespace ClAdmin.Tests;

/// <summary>
/// COMMAND STATUS of a C-SPOC dialog through the real ones: the runtime's dispatcher, the C-SPOC
/// handlers, the fan-out engine and the simulated nodes of the demo cluster, driven by keys.
/// </summary>
public sealed class StatusThroughDispatcherTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cladmin-status-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private Task<Runtime> Demo() =>
        Runtime.CreateAsync(new RuntimeOptions { DatabasePath = Path.Combine(_dir, "cladmin.db") }, TextWriter.Null, CancellationToken.None);

    private static TuiSession Start(IDispatcher dispatcher, string fastpath)
    {
        var tree = MenuDirectory.Load(null).Tree!;
        var session = new TuiSession(tree, dispatcher);
        Assert.True(session.Start(fastpath, out var error), error);
        return session;
    }

    private static async Task Fault(Runtime runtime, Func<Sim.Model.SimWorld, string, string, FaultResult> apply, string kind, string target) =>
        Assert.True(await runtime.Simulation!.ChangeWorldAsync(w => apply(w, kind, target).Ok, CancellationToken.None));

    [Fact]
    public async Task F5_reruns_a_cspoc_command_only_on_the_nodes_that_failed()
    {
        await using var runtime = await Demo();
        await Fault(runtime, SimFaults.Fail, "node", "node2");
        var session = Start(runtime.Dispatcher, "cl_mkuser");

        await Keys(session, KeyName.Down, "jdoe", KeyName.Enter);
        var failed = Screen(session);
        Assert.Contains("Command: failed", failed);
        Assert.Contains("Nodes: 2   ok: 1   failed: 0   timed out: 0   unreachable: 1", failed);
        Assert.DoesNotContain(runtime.Simulation!.World.FindNode("node1")!.Users, u => u.Name == "jdoe");

        await Fault(runtime, SimFaults.Repair, "node", "node2");
        await Keys(session, KeyName.F5);

        var rerun = Screen(session);
        Assert.Contains("Command: OK", rerun);
        Assert.Contains("Nodes: 1   ok: 1", rerun);
        Assert.Contains(runtime.Simulation.World.FindNode("node2")!.Users, u => u.Name == "jdoe");
        Assert.DoesNotContain(runtime.Simulation.World.FindNode("node1")!.Users, u => u.Name == "jdoe");
    }

    [Fact]
    public async Task The_node_grid_fills_while_a_cspoc_command_runs()
    {
        await using var runtime = await Demo();
        var watching = new WatchingDispatcher(runtime.Dispatcher);
        var session = Start(watching, "cl_mkuser");

        await Keys(session, KeyName.Down, "jdoe", KeyName.Enter);

        Assert.Contains("Command: OK", Screen(session));
        // Every node's result reached the screen's callback before the command's own result came back.
        Assert.Equal(2, watching.NodeResultsBeforeEnd);
        Assert.Contains("node1: ok", Screen(session));
        Assert.Contains("node2: ok", Screen(session));
    }

    /// <summary>The real dispatcher, counting the per-node results that reach the caller's callback before the end.</summary>
    private sealed class WatchingDispatcher(IDispatcher inner) : IDispatcher
    {
        public int NodeResultsBeforeEnd { get; private set; }

        public async Task<CommandResult> RunAsync(CommandRequest request, CancellationToken cancellationToken)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var result = await inner.RunAsync(request with
            {
                OnNodeResult = n =>
                {
                    seen.Add(n.Node);
                    request.OnNodeResult?.Invoke(n);
                },
            }, cancellationToken);
            if (request.CommandLine.StartsWith("cl_mkuser", StringComparison.Ordinal))
            {
                NodeResultsBeforeEnd = seen.Count;
            }
            return result;
        }
    }
}
