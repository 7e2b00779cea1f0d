using ClAdmin.Testing;

namespace ClAdmin.Tests;

/// <summary>What `cladmin run` records in cladmin.script, `cladmin script run` replays to the same state.</summary>
public sealed class ScriptReplayTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("cladmin-replay-");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Delete(recursive: true);
    }

    private string P(string name) => Path.Combine(_dir.FullName, name);

    private ProcessResult Cladmin(params string[] args) => CladminProcess.Run(args, null, null);

    [Fact]
    public void A_recorded_script_replays_to_the_same_configuration()
    {
        string[] common = ["--db", P("a.db"), "--script", P("cladmin.script"), "--log", P("cladmin.log")];
        Assert.Equal(0, Cladmin([.. common, "run", "cm_add_grp", "rg_name=rg3", "participating_nodes=node2 node1", "fallback_policy=Never Fallback"]).ExitCode);
        Assert.Equal(0, Cladmin([.. common, "run", "cm_add_app_serv", "server_name=app3", "start_script=/ha/app3/start", "stop_script=/ha/app3/stop"]).ExitCode);
        var script = File.ReadAllText(P("cladmin.script"));
        Assert.Contains("\nclmgr add resource_group NODES='node2,node1' STARTUP='OHN' FALLOVER='FNPN' FALLBACK='NFB' rg3\n", script, StringComparison.Ordinal);
        Assert.Matches(@"^#\n#  \[\w{3} \d{2} \d{4}, \d{2}:\d{2}:\d{2}\]\n#\n", script);
        Assert.Contains("Command_to_Execute follows below:", File.ReadAllText(P("cladmin.log")), StringComparison.Ordinal);

        var replay = Cladmin("--db", P("b.db"), "--script", P("replay.script"), "--log", P("replay.log"), "script", "run", P("cladmin.script"));
        Assert.True(replay.ExitCode == 0, replay.Stdout + replay.Stderr);

        var a = Cladmin("--db", P("a.db"), "odm", "get", "ALL");
        var b = Cladmin("--db", P("b.db"), "odm", "get", "ALL");
        Assert.Equal(0, a.ExitCode);
        Assert.Contains("rg3", a.Stdout, StringComparison.Ordinal);
        Assert.Contains("app3", a.Stdout, StringComparison.Ordinal);
        Assert.Equal(a.Stdout, b.Stdout);
    }

    [Fact]
    public void A_failing_line_stops_the_replay_and_is_named()
    {
        File.WriteAllText(P("bad.script"), "#\n#  [Mar 05 2024, 10:13:01]\n#\nclmgr add node node7\n#\nclmgr add resource_group NODES=nodeX rgx\nclmgr add node node8\n");
        var r = Cladmin("--db", P("c.db"), "--script", P("c.script"), "--log", P("c.log"), "script", "run", P("bad.script"));
        Assert.Equal(1, r.ExitCode);
        Assert.Contains($"{P("bad.script")}:6: the command failed", r.Stderr, StringComparison.Ordinal);
        var nodes = Cladmin("--db", P("c.db"), "cmd", "--", "clmgr", "query", "node").Stdout;
        Assert.Contains("node7", nodes, StringComparison.Ordinal);
        Assert.DoesNotContain("node8", nodes, StringComparison.Ordinal);
    }
}

public sealed class NoExecuteTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("cladmin-x-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public void Run_with_x_logs_the_command_and_runs_nothing()
    {
        var db = Path.Combine(_dir.FullName, "c.db");
        var script = Path.Combine(_dir.FullName, "cladmin.script");
        var r = CladminProcess.Run("--db", db, "--script", script, "--log", Path.Combine(_dir.FullName, "cladmin.log"),
            "-x", "run", "cm_add_grp", "rg_name=rg9", "participating_nodes=node1");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("cladmin -x: not run; logged: clmgr add resource_group NODES='node1' STARTUP='OHN' FALLOVER='FNPN' FALLBACK='FBHPN' rg9\n", r.Stdout);
        Assert.EndsWith("\nclmgr add resource_group NODES='node1' STARTUP='OHN' FALLOVER='FNPN' FALLBACK='FBHPN' rg9\n", File.ReadAllText(script), StringComparison.Ordinal);
        Assert.False(File.Exists(db)); // nothing ran, so not even the demo cluster was created
    }

    [Fact]
    public void Cmd_and_script_run_with_x_log_the_commands_and_run_nothing()
    {
        var db = Path.Combine(_dir.FullName, "c.db");
        var script = Path.Combine(_dir.FullName, "cladmin.script");
        var flag = Path.Combine(_dir.FullName, "ran");
        string[] logs = ["--db", db, "--script", script, "--log", Path.Combine(_dir.FullName, "cladmin.log"), "--transport", "local"];
        // Before cmd, -x is the global "run none"; after cmd it would be cmd's --exclude.
        var cmd = CladminProcess.Run([.. logs, "-x", "cmd", "--", "touch", flag]);
        Assert.Equal(0, cmd.ExitCode);
        Assert.Equal($"cladmin -x: not run; logged: touch {flag}\n", cmd.Stdout);
        Assert.EndsWith($"\ntouch {flag}\n", File.ReadAllText(script), StringComparison.Ordinal);
        Assert.False(File.Exists(flag));

        var replay = CladminProcess.Run([.. logs, "-x", "script", "run", script]);
        Assert.Equal(0, replay.ExitCode);
        Assert.Equal($"+ touch {flag}\ncladmin -x: not run; logged 1 command(s)\n", replay.Stdout);
        Assert.False(File.Exists(flag));
        Assert.False(File.Exists(db));
    }
}
