using ClAdmin.Testing;

namespace ClAdmin.EndToEnd.Tests.Tui;

/// <summary>clverify's "Interactively" through the real program on a terminal: cladmin cmd asks each
/// question there and the answer decides whether the node is changed.</summary>
public sealed class InteractiveCorrectionTmuxTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("cladmin-fix-");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Delete(recursive: true);
    }

    private string Db => Path.Combine(_dir.FullName, "c.db");

    private ProcessResult Cladmin(params string[] args) =>
        CladminProcess.Run(["--db", Db, "--log", Path.Combine(_dir.FullName, "l"), "--script", Path.Combine(_dir.FullName, "s"), .. args], null,
            new Dictionary<string, string> { ["CLADMIN_CSPOC_LOG"] = Path.Combine(_dir.FullName, "cspoc.log") });

    /// <summary>The auto_on value of datavg on the node (lsattr -El: attribute, value, ...).</summary>
    private string AutoOn(string node) => Cladmin("cmd", "-n", node, "--", "lsattr", "-El", "datavg").Stdout.Split('\n')
        .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).First(w => w.Length > 1 && w[0] == "auto_on")[1];

    [Fact]
    public void The_question_is_asked_on_the_terminal_n_keeps_the_error_and_y_corrects_it()
    {
        Assert.Equal(0, Cladmin("cmd", "-n", "node1", "--", "chvg", "-a", "y", "datavg").ExitCode);
        Assert.Equal("y", AutoOn("node1"));

        using (var t = new TmuxTerminal("cmd -- clmgr verify cluster FIX=interactively", width: 160, height: 50, database: Db))
        {
            t.WaitFor("Would you like to turn off auto-varyon of shared volume group: datavg on node: node1? (y/n)", 30_000);
            t.Type("n");
            t.Keys("Enter");
            t.WaitFor("CLADMIN-EXIT=1", 30_000);
        }
        Assert.Equal("y", AutoOn("node1"));

        using (var t = new TmuxTerminal("cmd -- clmgr verify cluster FIX=interactively", width: 160, height: 50, database: Db))
        {
            t.WaitFor("Would you like to turn off auto-varyon of shared volume group: datavg on node: node1? (y/n)", 30_000);
            t.Type("y");
            t.Keys("Enter");
            var done = t.WaitFor("CLADMIN-EXIT=0", 30_000);
            Assert.Contains("Verification has completed normally.", done, StringComparison.Ordinal);
        }
        Assert.Equal("n", AutoOn("node1"));

        // Without a terminal (standard input a pipe) no one is asked: nothing is corrected, and it says so.
        Assert.Equal(0, Cladmin("cmd", "-n", "node1", "--", "chvg", "-a", "y", "datavg").ExitCode);
        var piped = Cladmin("cmd", "--", "clmgr", "verify", "cluster", "FIX=interactively");
        Assert.Equal(1, piped.ExitCode);
        Assert.Contains("there is no one to ask", piped.Stdout, StringComparison.Ordinal);
        Assert.Equal("y", AutoOn("node1"));
    }
}
