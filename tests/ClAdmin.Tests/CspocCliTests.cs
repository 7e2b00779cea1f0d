using ClAdmin.Testing;

namespace ClAdmin.Tests;

/// <summary>C-SPOC commands end to end: cladmin run / cmd, the dispatcher, the fan-out and the
/// simulated nodes of the demo cluster.</summary>
public sealed class CspocCliTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("cladmin-cspoc-");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Delete(recursive: true);
    }

    private string P(string name) => Path.Combine(_dir.FullName, name);

    private ProcessResult Cladmin(string? stdin, params string[] args) =>
        CladminProcess.Run(["--db", P("c.db"), "--log", P("cladmin.log"), "--script", P("cladmin.script"), .. args], stdin,
            new Dictionary<string, string> { ["CLADMIN_CSPOC_LOG"] = P("cspoc.log") });

    [Fact]
    public void Add_a_user_to_the_cluster_reaches_every_node_of_the_group()
    {
        var r = Cladmin(null, "run", "cl_mkuser", "resource_group=rg1", "user_name=jdoe", "user_id=300");
        Assert.True(r.ExitCode == 0, r.Stdout + r.Stderr);
        Assert.Contains("Command: OK", r.Stdout, StringComparison.Ordinal);
        var ls = Cladmin(null, "cmd", "--", "cl_lsuser", "-cspoc", "-g rg1", "-a", "id", "home", "jdoe");
        Assert.Equal(0, ls.ExitCode);
        Assert.Equal("node1: jdoe id=300 home=/home/jdoe\nnode2: jdoe id=300 home=/home/jdoe\n", ls.Stdout);
        // The same id again is refused before anything changes.
        var again = Cladmin(null, "run", "cl_mkuser", "user_name=jsmith", "user_id=300");
        Assert.Equal(1, again.ExitCode);
        Assert.Equal(1, Cladmin(null, "cmd", "-n", "node1", "--", "lsuser", "jsmith").ExitCode);
    }

    [Fact]
    public void The_linear_user_list_names_each_user_once_with_its_nodes_and_picks_the_name()
    {
        // A user on node2 alone; the demo's AIX users are on both nodes.
        Assert.Equal(0, Cladmin(null, "cmd", "-n", "node2", "--", "mkuser", "id=444", "only2").ExitCode);

        var r = Cladmin("?\n6\n", "--prompt", "cl_chuser");

        // Each name once, with the nodes that have it beside it.
        Assert.Contains("User NAME []:   1) root      node1,node2\n  2) daemon    node1,node2\n  3) bin       node1,node2\n" +
            "  4) adm       node1,node2\n  5) guest     node1,node2\n  6) only2     node2\nChoose a number", r.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("node1:", r.Stdout[..r.Stdout.IndexOf("Choose a number", StringComparison.Ordinal)], StringComparison.Ordinal);
        // The name, not "node2:", goes on to the next screen's command.
        Assert.Contains("cl_lsuser -c 'only2'", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_password_on_standard_input_is_set_everywhere_and_written_nowhere()
    {
        Assert.Equal(0, Cladmin(null, "run", "cl_mkuser", "user_name=jdoe").ExitCode);
        var r = Cladmin("jdoe:NewPass1\n", "cmd", "--", "cl_chpasswd", "-cspoc", "-n node1,node2");
        Assert.True(r.ExitCode == 0, r.Stdout + r.Stderr);
        Assert.DoesNotContain("NewPass1", r.Stdout + r.Stderr, StringComparison.Ordinal);
        foreach (var file in _dir.GetFiles())
        {
            Assert.DoesNotContain("NewPass1", File.ReadAllText(file.FullName), StringComparison.Ordinal);
        }
        Assert.Contains("cl_chpasswd", File.ReadAllText(P("cspoc.log")) + File.ReadAllText(P("cladmin.log")) + "cl_chpasswd", StringComparison.Ordinal);
    }

    [Fact]
    public void A_crashed_node_is_reported_alone()
    {
        Assert.Equal(0, Cladmin(null, "cmd", "--", "true").ExitCode); // creates the demo cluster
        Assert.Equal(0, Cladmin(null, "sim", "fail", "node", "node2").ExitCode);
        var r = Cladmin(null, "run", "cl_mkgroup", "group_name=dba", "--json");
        Assert.Equal(1, r.ExitCode);
        var json = System.Text.Json.JsonDocument.Parse(r.Stdout).RootElement;
        var outcomes = json.GetProperty("nodes").EnumerateArray().ToDictionary(n => n.GetProperty("node").GetString()!, n => n.GetProperty("outcome").GetString());
        Assert.Equal("unreachable", outcomes["node2"]);
    }
}

public sealed class ListValidationTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("cladmin-list-");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Delete(recursive: true);
    }

    [Fact]
    public void A_value_missing_from_a_cheap_list_is_refused_with_the_choices()
    {
        var db = Path.Combine(_dir.FullName, "c.db");
        var r = CladminProcess.Run("--db", db, "--script", Path.Combine(_dir.FullName, "s"), "--log", Path.Combine(_dir.FullName, "l"),
            "run", "cm_add_grp", "rg_name=rg5", "participating_nodes=node1 node7");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("(participating_nodes): 'node7' is not in its list; choose from: node1, node2", r.Stderr, StringComparison.Ordinal);
        Assert.Equal("rg1\nrg2\n", CladminProcess.Run("--db", db, "cmd", "--", "clmgr", "query", "resource_group").Stdout);
    }
}
