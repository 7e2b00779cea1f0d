using System.Text.Json;
using ClAdmin.Testing;

namespace ClAdmin.Tests;

/// <summary>Global behaviour of the cladmin program: exit codes, --json on cmd, --debug, --no-color.</summary>
public sealed class CliBehaviourTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("cladmin-cli-");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Delete(recursive: true);
    }

    private string Db => Path.Combine(_dir.FullName, "c.db");

    private Dictionary<string, string> Env => new() { ["XDG_STATE_HOME"] = _dir.FullName, ["CLADMIN_CSPOC_LOG"] = Path.Combine(_dir.FullName, "cspoc.log") };

    [Fact]
    public void Cmd_json_has_the_documented_fields_per_node()
    {
        var r = CladminProcess.Run(["--db", Db, "cmd", "-n", "node[1-2]", "--json", "--", "hostname"], null, Env);
        Assert.Equal(0, r.ExitCode);
        var json = JsonDocument.Parse(r.Stdout).RootElement;
        Assert.Equal("hostname", json.GetProperty("command").GetString());
        Assert.Equal("ok", json.GetProperty("status").GetString());
        var nodes = json.GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(["node1", "node2"], nodes.Select(n => n.GetProperty("node").GetString()));
        Assert.Equal(["node1\n", "node2\n"], nodes.Select(n => n.GetProperty("stdout").GetString()));
        Assert.All(nodes, n => Assert.Equal("ok", n.GetProperty("outcome").GetString()));
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("run", "--help")]
    [InlineData("menus", "show", "--help")]
    public void Help_names_arguments_by_their_role_and_pads_columns_to_a_terminal(params string[] args)
    {
        // Arguments with completions are shown by HelpName, not by every fast path the menus know.
        var r = CladminProcess.Run(["--db", Db, .. args], null, Env);
        Assert.Equal(0, r.ExitCode);
        Assert.DoesNotContain("cl_chpasswd|", r.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(new string(' ', 60), r.Stdout, StringComparison.Ordinal); // no column padded past a terminal's width
        Assert.Contains("<fastpath>", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_node_command_exits_1_and_a_usage_error_exits_2()
    {
        Assert.Equal(1, CladminProcess.Run(["--db", Db, "cmd", "-n", "node1", "--", "lsvg", "novg"], null, Env).ExitCode);
        Assert.Equal(2, CladminProcess.Run(["--db", Db, "cmd", "-n", "node[1-", "--", "true"], null, Env).ExitCode);
        Assert.Equal(2, CladminProcess.Run(["--db", Db, "run", "clstop", "stop_when=later"], null, Env).ExitCode);
    }

    [Fact]
    public void An_internal_error_exits_3_with_a_log_reference_and_no_stack_trace_unless_debug()
    {
        // A simulated world whose stored document is damaged (a directory in place of the database
        // file is a usage error now, named as such: see DatabaseFileTests).
        Assert.Equal(0, CladminProcess.Run(["--db", Db, "sim", "init"], null, Env).ExitCode);
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Db};Pooling=False"))
        {
            connection.Open();
            using var damage = connection.CreateCommand();
            damage.CommandText = "UPDATE world_state SET document = '{\"nodes\": 5}'";
            Assert.Equal(1, damage.ExecuteNonQuery());
        }
        var r = CladminProcess.Run(["--db", Db, "cmd", "--", "true"], null, Env);
        Assert.Equal(3, r.ExitCode);
        var log = Path.Combine(_dir.FullName, "cladmin", "cladmin-error.log");
        Assert.Contains($"cladmin: internal error: ", r.Stderr, StringComparison.Ordinal);
        Assert.Contains($"(details in {log})", r.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("   at ", File.ReadAllText(log), StringComparison.Ordinal);
        var debug = CladminProcess.Run(["--db", Db, "--debug", "cmd", "--", "true"], null, Env);
        Assert.Equal(3, debug.ExitCode);
        Assert.Contains("   at ", debug.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void No_color_reaches_the_commands_cladmin_starts()
    {
        var r = CladminProcess.Run(["--db", Db, "--no-color", "--transport", "local", "cmd", "--", "printenv", "NO_COLOR"], null, Env);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("1\n", r.Stdout);
    }
}
