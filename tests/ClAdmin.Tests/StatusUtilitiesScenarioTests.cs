using System.Globalization;
using System.Text.RegularExpressions;
using ClAdmin.Contracts;

namespace ClAdmin.Tests;

/// <summary>
/// The status utilities alive on the demo cluster (a fresh database) once cluster services run,
/// through the runtime's dispatcher as `cladmin cmd` and the dialogs drive it. Expected texts come
/// from the reference layouts (outputs §2–§5, §8; menus §6).
/// </summary>
public sealed partial class StatusUtilitiesScenarioTests : IDisposable
{
    /// <summary>The Start Cluster Services line with the Cluster Information Daemon (-i), which clstat needs.</summary>
    private const string StartLine = "_SPOC_FORCE=Y /usr/es/sbin/cluster/sbin/cl_rc.cluster '-N' '-A' '-i' '-b' -C 'interactive'";

    private readonly string _dir = Directory.CreateTempSubdirectory("cladmin-status-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private async Task<Runtime> Started()
    {
        var runtime = await Runtime.CreateAsync(new RuntimeOptions { DatabasePath = Path.Combine(_dir, "cladmin.db") }, TextWriter.Null, CancellationToken.None);
        await Ok(runtime, StartLine);
        return runtime;
    }

    private static Task<CommandResult> Run(Runtime runtime, string line, params string[] nodes) =>
        runtime.Dispatcher.RunAsync(new CommandRequest(line, Nodes: nodes.Length == 0 ? null : nodes), CancellationToken.None);

    private static async Task<string> Ok(Runtime runtime, string line, params string[] nodes)
    {
        var r = await Run(runtime, line, nodes);
        Assert.True(r.ExitCode == 0, $"{line}: rc {r.ExitCode}\n{r.Stdout}\n{r.Stderr}");
        return r.Stdout;
    }

    [Fact]
    public async Task ClRGinfo_and_clfindres_show_each_group_online_on_its_home_node()
    {
        await using var runtime = await Started();
        const string table =
            "-----------------------------------------------------------------------------\n" +
            "Group Name                   State            Node\n" +
            "-----------------------------------------------------------------------------\n" +
            "rg1                          ONLINE           node1\n" +
            "                             OFFLINE          node2\n" +
            "rg2                          ONLINE           node2\n" +
            "                             OFFLINE          node1\n";
        Assert.Equal(table, await Ok(runtime, "/usr/es/sbin/cluster/utilities/clRGinfo"));
        Assert.Equal(table, await Ok(runtime, "clfindres"));
    }

    [Fact]
    public async Task Lssrc_g_cluster_and_clshowsrv_agree_on_the_cluster_manager_pid()
    {
        await using var runtime = await Started();
        var lssrc = await Ok(runtime, "lssrc -g cluster");
        var row = lssrc.Split('\n').Single(l => l.StartsWith(" clstrmgrES ", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("cluster", row[1]);
        Assert.Equal("active", row[3]);
        Assert.Matches("^Subsystem +Group +PID +Status", lssrc);
        var clshowsrv = await Ok(runtime, "clshowsrv -a");
        Assert.Contains($" clstrmgrES       cluster          {row[2],-13}active\n", clshowsrv, StringComparison.Ordinal);
        Assert.Contains(" clinfoES         cluster          ", clshowsrv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clstat_and_cldump_report_the_cluster_up_and_stable()
    {
        await using var runtime = await Started();
        var screen = await Ok(runtime, "clstat -o");
        Assert.Contains("Cluster: demo_cluster", screen, StringComparison.Ordinal);
        Assert.Contains("                State: UP               Nodes: 2\n                SubState: STABLE\n", screen, StringComparison.Ordinal);
        Assert.Contains("        Node: node1             State: UP\n", screen, StringComparison.Ordinal);
        Assert.Contains("        Node: node2             State: UP\n", screen, StringComparison.Ordinal);
        Assert.Contains("State:  online", screen, StringComparison.Ordinal);
        Assert.DoesNotContain("f/forward", screen, StringComparison.Ordinal);
        var dump = await Ok(runtime, "cldump");
        Assert.StartsWith("Obtaining information via SNMP from Node: node1...\n", dump, StringComparison.Ordinal);
        Assert.Contains("\nCluster State: UP\nCluster Substate: STABLE\n", dump, StringComparison.Ordinal);
        Assert.Contains("\nNode Name: node1                State: UP\n", dump, StringComparison.Ordinal);
        Assert.EndsWith("\nnode2                        ONLINE\nnode1                        OFFLINE\n", dump, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^AAA: ([A-Z][a-z]{2} [A-Z][a-z]{2} [ 1-3][0-9] [0-2][0-9]:[0-5][0-9]:[0-5][0-9] [0-9]{4}): umtappstart:app1:node1: Application app1 started on node node1$", RegexOptions.Multiline)]
    private static partial Regex AppStart();

    [Fact]
    public async Task The_engine_writes_clavan_records_and_the_analysis_reports_from_them()
    {
        await using var runtime = await Started();
        var log = await Ok(runtime, "cat /usr/es/sbin/cluster/history/clavan.log", "node1");
        Assert.Matches(@"(?m)^AAA: .*: umteventstart:node_up: Cluster event node_up started$", log);
        Assert.Matches(@"(?m)^AAA: .*: umtrgonln:rg1:node1: Resource group rg1 online on node node1$", log);
        var m = AppStart().Match(log);
        Assert.True(m.Success, log);
        var started = DateTime.ParseExact(m.Groups[1].Value.Replace("  ", " ", StringComparison.Ordinal), "ddd MMM d HH:mm:ss yyyy", CultureInfo.InvariantCulture);
        // A window of two minutes centred on the start: down for the first, up for the second.
        var (b, e) = (started.AddMinutes(-1), started.AddMinutes(1));
        string Fields(string which, DateTime t) => string.Create(CultureInfo.InvariantCulture,
            $"{which}_year={t.Year} {which}_month={t.Month:D2} {which}_day={t.Day:D2} {which}_hour={t.Hour:D2} {which}_minutes={t.Minute:D2} {which}_seconds={t.Second:D2}");
        var report = await Ok(runtime, $"claa app=app1 {Fields("begin", b)} {Fields("end", e)}");
        Assert.Contains("Application analyzed:     app1\n", report, StringComparison.Ordinal);
        Assert.Contains("Total time:               0 days, 0 hours, 2 minutes, 0 seconds\n", report, StringComparison.Ordinal);
        Assert.Contains("Uptime:\n    Amount:               0 days, 0 hours, 1 minutes, 0 seconds\n    Percentage:           50.00%\n", report, StringComparison.Ordinal);
        Assert.Contains("Downtime:\n    Amount:               0 days, 0 hours, 1 minutes, 0 seconds\n    Percentage:           50.00%\n", report, StringComparison.Ordinal);
        var unknown = await Run(runtime, $"claa app=nosuchapp {Fields("begin", b)} {Fields("end", e)}");
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("nosuchapp", unknown.Stderr, StringComparison.Ordinal);
        var backwards = await Run(runtime, $"claa app=app1 {Fields("begin", e)} {Fields("end", b)}");
        Assert.Equal(1, backwards.ExitCode);
        Assert.Contains("is not after its beginning", backwards.Stderr, StringComparison.Ordinal);
    }
}
