using ClAdmin.Testing;

namespace ClAdmin.Tests;

/// <summary>
/// Issue 18 §3: cladmin's own diagnostic log (&lt;state dir&gt;/cladmin/cladmin-error.log, the log
/// that exit code 3 points to), written by Serilog: an event for each verb, dispatch, node result
/// and store transaction, and never a secret.
/// </summary>
public sealed class DiagnosticLogTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("cladmin-diag-");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Delete(recursive: true);
    }

    private string P(string name) => Path.Combine(_dir.FullName, name);

    private string Db => P("c.db");

    private string DiagnosticLog => Path.Combine(_dir.FullName, "cladmin", "cladmin-error.log");

    private Dictionary<string, string> Env => new() { ["XDG_STATE_HOME"] = _dir.FullName, ["CLADMIN_CSPOC_LOG"] = P("cspoc.log") };

    private ProcessResult Cladmin(string? input, params string[] args) =>
        CladminProcess.Run(["--db", Db, "--log", P("l.log"), "--script", P("s.script"), .. args], input, Env);

    [Fact]
    public void A_verb_its_dispatch_its_node_results_and_its_store_transactions_are_logged()
    {
        Assert.Equal(0, Cladmin(null, "sim", "init").ExitCode);
        var r = Cladmin(null, "cmd", "-n", "node1,node2", "--", "true");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var log = File.ReadAllText(DiagnosticLog);
        Assert.Contains("verb sim init: exit 0 in ", log, StringComparison.Ordinal);
        Assert.Contains("store SaveWorld: ok in ", log, StringComparison.Ordinal);
        Assert.Contains("verb cmd: exit 0 in ", log, StringComparison.Ordinal);
        Assert.Matches(@"node node1: Ok, exit 0 in [0-9.]+ ms: true\n", log);
        Assert.Matches(@"node node2: Ok, exit 0 in [0-9.]+ ms: true\n", log);
    }

    [Fact]
    public void A_failed_node_is_logged_with_its_outcome_and_exit_code()
    {
        Assert.Equal(0, Cladmin(null, "sim", "init").ExitCode);
        Assert.Equal(1, Cladmin(null, "cmd", "-n", "node1", "--", "lsvg", "novg").ExitCode);
        var log = File.ReadAllText(DiagnosticLog);
        Assert.Matches(@"node node1: Failed, exit 1 in [0-9.]+ ms: lsvg novg\n", log);
        Assert.Contains("verb cmd: exit 1 in ", log, StringComparison.Ordinal);
    }

    [Fact]
    public void A_planted_password_is_never_logged()
    {
        Assert.Equal(0, Cladmin(null, "cmd", "--", "cl_mkuser", "-cspoc", "-n node1,node2", "u1").ExitCode);
        var r = Cladmin("Planted-Pw-7731\n", "run", "cl_chpasswd", "user_name=u1");
        Assert.True(r.ExitCode == 0, r.Stdout + r.Stderr);
        var log = File.ReadAllText(DiagnosticLog);
        Assert.Contains("dispatch cl_mkuser -cspoc '-n node1,node2' u1: exit 0 on ", log, StringComparison.Ordinal);
        Assert.Contains("dispatch cl_chpasswd", log, StringComparison.Ordinal);
        Assert.DoesNotContain("Planted-Pw-7731", log, StringComparison.Ordinal);
    }
}
