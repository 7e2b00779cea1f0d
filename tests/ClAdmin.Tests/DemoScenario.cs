using System.Text.RegularExpressions;
using ClAdmin.Contracts;

namespace ClAdmin.Tests;

/// <summary>
/// What the cluster scenario tests share: the demo cluster in a fresh database of their own, its
/// runtime's dispatcher (as `cladmin cmd` and the dialogs drive it), and what a trainee looks at:
/// clRGinfo -s, lssrc -ls clstrmgrES, the EVENT lines of hacmp.out (outputs §1.1 layout).
/// </summary>
public abstract partial class DemoScenario : IDisposable
{
    /// <summary>The Start Cluster Services dialog's line with its defaults (F6), as menus/cspoc.json builds it.</summary>
    protected const string StartLine = "_SPOC_FORCE=Y /usr/es/sbin/cluster/sbin/cl_rc.cluster '-N' '-A' '-b' -C 'interactive'";

    private readonly string _dir = System.IO.Directory.CreateTempSubdirectory("cladmin-scenario-").FullName;

    /// <summary>The test's own directory (the database, logs and state of the processes it runs).</summary>
    protected string Directory => _dir;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(_dir, recursive: true);
        GC.SuppressFinalize(this);
    }

    protected string Db => Path.Combine(_dir, "cladmin.db");

    protected Task<Runtime> Demo() =>
        Runtime.CreateAsync(new RuntimeOptions { DatabasePath = Db }, TextWriter.Null, CancellationToken.None);

    /// <summary>The demo with cluster services started on both nodes (rg1 on node1, rg2 on node2).</summary>
    protected async Task<Runtime> Started()
    {
        var runtime = await Demo();
        await Ok(runtime, StartLine);
        return runtime;
    }

    protected static Task<CommandResult> Run(Runtime runtime, string line, params string[] nodes) =>
        runtime.Dispatcher.RunAsync(new CommandRequest(line, Nodes: nodes.Length == 0 ? null : nodes), CancellationToken.None);

    protected static async Task<string> Ok(Runtime runtime, string line, params string[] nodes)
    {
        var r = await Run(runtime, line, nodes);
        Assert.True(r.ExitCode == 0, $"{line}: rc {r.ExitCode}\n{r.Stdout}\n{r.Stderr}");
        return r.Stdout;
    }

    /// <summary>clRGinfo -s as group:state:node triples.</summary>
    protected static async Task<List<string>> Groups(Runtime runtime) =>
        [.. (await Ok(runtime, "clRGinfo -s")).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => string.Join(':', l.Split(':').Take(3)))];

    protected static async Task<string> ManagerState(Runtime runtime, string node) =>
        (await Ok(runtime, "lssrc -ls clstrmgrES", node)).Split('\n').Single(l => l.StartsWith("Current state: ", StringComparison.Ordinal))["Current state: ".Length..];

    /// <summary>The EVENT START/COMPLETED lines of a node's hacmp.out without their time stamps,
    /// after checking the stamp has the layout of outputs §1.1 (Mmm DD hh:mm:ss, no year).</summary>
    protected static async Task<List<string>> Markers(Runtime runtime, string node)
    {
        var markers = new List<string>();
        foreach (var line in (await Ok(runtime, "cat /tmp/hacmp.out", node)).Split('\n').Where(l => l.Contains(" EVENT ", StringComparison.Ordinal)))
        {
            var m = MarkerLine().Match(line);
            Assert.True(m.Success, $"not an hacmp.out marker line: '{line}'");
            markers.Add(m.Groups[1].Value);
        }
        return markers;
    }

    [GeneratedRegex(@"^[A-Z][a-z]{2} [ 1-3][0-9] [0-2][0-9]:[0-5][0-9]:[0-5][0-9] (EVENT (START|COMPLETED): .*)$")]
    private static partial Regex MarkerLine();

    /// <summary>Asserts that <paramref name="expected"/> occur in <paramref name="actual"/> in this order.</summary>
    protected static void InOrder(IReadOnlyList<string> actual, params string[] expected)
    {
        var at = 0;
        foreach (var e in expected)
        {
            var found = -1;
            for (var i = at; i < actual.Count && found < 0; i++)
            {
                found = actual[i] == e ? i : -1;
            }
            Assert.True(found >= 0, $"'{e}' not found after line {at} in:\n{string.Join('\n', actual)}");
            at = found + 1;
        }
    }
}
