using ClAdmin.Testing;

namespace ClAdmin.Tests;

/// <summary>
/// Issue 17 §1, "rollback of earlier steps where a later one fails", for the password commands:
/// cl_chpasswd (Passwords in a cluster) and clpasswd (Change Current Users Password). When the change
/// fails on a node, every node where it succeeded gets its /etc/security/passwd stanza back (password,
/// lastupdate, flags), the rollback is reported node by node, the exit code is 1, and the password is
/// in no output and no log (smit.log, smit.script, cspoc.log, the diagnostic log).
/// </summary>
public sealed class PasswordRollbackCliTests : IDisposable
{
    private const string Planted = "Planted-Pw-5150";

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("cladmin-pwrb-");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Delete(recursive: true);
    }

    private string P(string name) => Path.Combine(_dir.FullName, name);

    private ProcessResult Cladmin(string? stdin, params string[] args) =>
        CladminProcess.Run(["--db", P("c.db"), "--log", P("smit.log"), "--script", P("smit.script"), .. args], stdin,
            new Dictionary<string, string> { ["CLADMIN_CSPOC_LOG"] = P("cspoc.log"), ["XDG_STATE_HOME"] = _dir.FullName });

    private void Ok(string? stdin, params string[] args)
    {
        var r = Cladmin(stdin, args);
        Assert.True(r.ExitCode == 0, string.Join(' ', args) + ":\n" + r.Stdout + r.Stderr);
    }

    /// <summary>The user's stanza of the node's /etc/security/passwd, as <c>cat</c> shows it there.</summary>
    private string Stanza(string node, string user)
    {
        var r = Cladmin(null, "cmd", "-n", node, "--", "cat", "/etc/security/passwd");
        Assert.True(r.ExitCode == 0, r.Stdout + r.Stderr);
        var file = r.Stdout;
        var at = file.IndexOf(user + ":\n", StringComparison.Ordinal);
        Assert.True(at >= 0, $"no stanza for {user} on {node}:\n{r.Stdout}");
        var end = file.IndexOf("\n\n", at, StringComparison.Ordinal);
        return end < 0 ? file[at..] : file[at..(end + 1)];
    }

    /// <summary>The planted password is in neither output nor any file of the test's directory (the
    /// logs, which must exist: <paramref name="logs"/>, and the database).</summary>
    private void AssertPlantedPasswordNowhere(ProcessResult r, params string[] logs)
    {
        Assert.DoesNotContain(Planted, r.Stdout + r.Stderr, StringComparison.Ordinal);
        var files = _dir.GetFiles("*", SearchOption.AllDirectories);
        foreach (var log in logs)
        {
            Assert.Contains(files, f => f.Name == log);
        }
        foreach (var file in files)
        {
            Assert.DoesNotContain(Planted, File.ReadAllText(file.FullName), StringComparison.Ordinal);
        }
    }

    /// <summary>jdoe on both nodes with a password set, the clock moved on, then node2's rootvg disk
    /// failing: /etc/security/passwd can no longer be written there, while lsuser still reads.</summary>
    private string Prepare()
    {
        Ok(null, "cmd", "--", "cl_mkuser", "-cspoc", "-n node1,node2", "jdoe");
        Ok("Old-Pass-1\n", "cmd", "--", "cl_chpasswd", "-cspoc", "-n node1,node2", "jdoe");
        var before = Stanza("node1", "jdoe");
        Assert.Matches("^jdoe:\n\tpassword = \\{ssha256\\}[^\n]+\n\tlastupdate = [0-9]+\n\tflags = ADMCHG\n$", before);
        Ok(null, "sim", "clock", "advance", "2h");
        Ok(null, "sim", "fail", "disk", "node2:hdisk0");
        return before;
    }

    [Fact]
    public void Cl_chpasswd_restores_the_earlier_nodes_when_a_later_node_fails()
    {
        var before = Prepare();

        // As the "Change a User's Password in the Cluster" dialog runs it, so smit.log and smit.script are written.
        var r = Cladmin(Planted + "\n", "run", "cl_chpasswd", "user_name=jdoe");

        Assert.Equal(1, r.ExitCode);
        var output = r.Stdout + r.Stderr;
        Assert.Contains("node2: chpasswd: ", output, StringComparison.Ordinal);
        Assert.Contains("node1: cl_chpasswd: the password of \"jdoe\" was restored on node1.", output, StringComparison.Ordinal);
        Assert.Equal(before, Stanza("node1", "jdoe"));
        AssertPlantedPasswordNowhere(r, "smit.log", "smit.script", "cspoc.log", "cladmin-error.log");
    }

    [Fact]
    public void Clpasswd_restores_the_earlier_nodes_when_a_later_node_fails()
    {
        var before = Prepare();

        // The "Change Current Users Password" dialog (execMode i): clpasswd reads the terminal, here cladmin's standard input.
        var r = Cladmin(Planted + "\n" + Planted + "\n", "run", "cl_chpasswd_self", "user_name=jdoe");

        Assert.Equal(1, r.ExitCode);
        var output = r.Stdout + r.Stderr;
        Assert.Contains("node2: chpasswd: ", output, StringComparison.Ordinal);
        Assert.Contains("node1: clpasswd: the password of \"jdoe\" was restored on node1.", output, StringComparison.Ordinal);
        Assert.Equal(before, Stanza("node1", "jdoe"));
        AssertPlantedPasswordNowhere(r, "smit.log", "smit.script", "cspoc.log", "cladmin-error.log");
    }
}
