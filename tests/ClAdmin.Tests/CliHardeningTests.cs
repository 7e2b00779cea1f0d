using System.Diagnostics;
using System.Text.Json;
using ClAdmin.Testing;

namespace ClAdmin.Tests;

/// <summary>
/// What an attacker or a careless user tried on the command line (issue 13): node sets read as
/// response files, node groups, -x keeping its targets, absurd numbers, logs that cannot be
/// written, secrets from standard input and big input.
/// </summary>
public sealed class CliHardeningTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("cladmin-hard-");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Delete(recursive: true);
    }

    private string P(string name) => Path.Combine(_dir.FullName, name);

    private string Db => P("c.db");

    private Dictionary<string, string> Env => new() { ["XDG_STATE_HOME"] = _dir.FullName, ["CLADMIN_CSPOC_LOG"] = P("cspoc.log") };

    private ProcessResult Cladmin(params string[] args) => CladminProcess.Run(["--db", Db, .. args], null, Env);

    private static int Count(string text, string part)
    {
        var n = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal))
        {
            n++;
        }
        return n;
    }

    [Fact]
    public void A_node_group_argument_is_not_read_as_a_response_file()
    {
        // System.CommandLine would replace @rg1 by the lines of ./rg1: a command of the file's choosing.
        var flag = P("flag");
        File.WriteAllText(P("rg1"), $"localhost\n--\ntouch\n{flag}\n");
        var r = CladminProcess.Run(["--db", Db, "--transport", "local", "cmd", "-n", "@rg1", "--", "echo", "hi"], null, Env, _dir.FullName);
        Assert.False(File.Exists(flag), "the file named by @rg1 was read as arguments");
        // No cluster configuration in a new database: the group is unknown, a usage error naming it.
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("'@rg1'", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void At_all_and_at_resource_group_name_the_cluster_nodes_for_n_and_x()
    {
        var all = Cladmin("cmd", "-n", "@all", "--json", "--", "hostname");
        Assert.True(all.ExitCode == 0, all.Stderr);
        Assert.Equal(["node1", "node2"], JsonDocument.Parse(all.Stdout).RootElement.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("node").GetString()));

        // The demo's rg1 has both nodes as participants.
        var rg = Cladmin("cmd", "-n", "@rg1", "-x", "node1", "--json", "--", "hostname");
        Assert.True(rg.ExitCode == 0, rg.Stderr);
        Assert.Equal(["node2"], JsonDocument.Parse(rg.Stdout).RootElement.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("node").GetString()));

        var none = Cladmin("cmd", "-n", "node1", "-x", "@rg1", "--", "hostname");
        Assert.Equal(2, none.ExitCode);
        Assert.Contains("no node left to run on", none.Stderr, StringComparison.Ordinal);

        var unknown = Cladmin("cmd", "-n", "@nosuchrg", "--", "hostname");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("'@nosuchrg': no such group", unknown.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void X_logs_cmd_with_its_nodes_and_the_replay_runs_on_them_only()
    {
        string[] logs = ["--script", P("x.script"), "--log", P("x.log")];
        // C-SPOC's per-node runner keeps the targets: cl_nodecmd -cspoc "-n nodes" command args.
        var x = Cladmin([.. logs, "-x", "cmd", "-n", "node2", "--", "mkuser", "u8"]);
        Assert.Equal(0, x.ExitCode);
        Assert.Equal("cladmin -x: not run; logged: cl_nodecmd -cspoc \"-n node2\" mkuser u8\n", x.Stdout);
        var x2 = Cladmin([.. logs, "-x", "cmd", "-n", "node[1-2]", "-x", "node1", "--", "mkuser", "u9"]);
        Assert.Equal(0, x2.ExitCode);
        Assert.Equal("cladmin -x: not run; logged: cl_nodecmd -cspoc '-n node[1-2]!node1' mkuser u9\n", x2.Stdout);
        Assert.Contains("\ncl_nodecmd -cspoc \"-n node2\" mkuser u8\n", File.ReadAllText(P("x.script")), StringComparison.Ordinal);
        // Without -n the target is the local node, known only when the command runs: an exclusion
        // from it cannot be written for a replay, and is refused rather than lost.
        var lost = Cladmin([.. logs, "-x", "cmd", "-x", "node1", "--", "mkuser", "u10"]);
        Assert.Equal(2, lost.ExitCode);
        Assert.Contains("--exclude node1 without --nodes cannot be logged for a replay", lost.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("u10", File.ReadAllText(P("x.script")), StringComparison.Ordinal);

        var replay = Cladmin("--script", P("r.script"), "--log", P("r.log"), "script", "run", P("x.script"));
        Assert.True(replay.ExitCode == 0, replay.Stdout + replay.Stderr);
        Assert.Equal(0, Cladmin("cmd", "-n", "node2", "--", "lsuser", "u8").ExitCode);
        Assert.Equal(0, Cladmin("cmd", "-n", "node2", "--", "lsuser", "u9").ExitCode);
        Assert.Equal(1, Cladmin("cmd", "-n", "node1", "--", "lsuser", "u8").ExitCode);
        Assert.Equal(1, Cladmin("cmd", "-n", "node1", "--", "lsuser", "u9").ExitCode);
    }

    [Fact]
    public void Nodes_given_to_cmd_choose_where_a_cspoc_command_runs_and_are_refused_for_local_commands()
    {
        // Before, -n was ignored for commands the dispatcher runs: cl_mkuser ran on every node.
        var r = Cladmin("cmd", "-n", "node2", "--", "cl_mkuser", "u11");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Equal(0, Cladmin("cmd", "-n", "node2", "--", "lsuser", "u11").ExitCode);
        Assert.Equal(1, Cladmin("cmd", "-n", "node1", "--", "lsuser", "u11").ExitCode);

        var local = Cladmin("cmd", "-n", "node2", "--", "clmgr", "query", "cluster");
        Assert.Equal(2, local.ExitCode);
        Assert.Contains("clmgr runs on the local node, not on a node set", local.Stderr, StringComparison.Ordinal);

        // Logged under -x, the nodes become the command's own -cspoc nodes, which a replay honours.
        string[] logs = ["--script", P("c.script"), "--log", P("c.log")];
        var x = Cladmin([.. logs, "-x", "cmd", "-n", "node1", "--", "cl_mkuser", "u12"]);
        Assert.Equal(0, x.ExitCode);
        Assert.Equal("cladmin -x: not run; logged: cl_mkuser -cspoc '-n node1' u12\n", x.Stdout);
        Assert.True(Cladmin("--script", P("cr.script"), "--log", P("cr.log"), "script", "run", P("c.script")).ExitCode == 0);
        Assert.Equal(0, Cladmin("cmd", "-n", "node1", "--", "lsuser", "u12").ExitCode);
        Assert.Equal(1, Cladmin("cmd", "-n", "node2", "--", "lsuser", "u12").ExitCode);
    }

    [Theory]
    [InlineData("--timeout", "99999999999")]
    [InlineData("--timeout", "1e300")]
    [InlineData("--timeout", "NaN")]
    [InlineData("--timeout", "Infinity")]
    [InlineData("-t", "5000000")]
    [InlineData("--connect-timeout", "1e300")]
    [InlineData("--connect-timeout", "NaN")]
    [InlineData("--connect-timeout", "Infinity")]
    public void An_absurd_time_limit_is_a_usage_error_naming_the_option(string option, string value)
    {
        var r = Cladmin("--transport", "local", "cmd", option, value, "--", "true");
        Assert.True(r.ExitCode == 2, $"exit {r.ExitCode}: {r.Stderr}");
        var name = option == "-t" ? "--timeout" : option;
        Assert.Contains($"cmd: {name} '{value}'", r.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Absurd_sim_numbers_are_usage_errors()
    {
        var disks = Cladmin("sim", "init", "--disks", "2000000000", "--force");
        Assert.Equal(2, disks.ExitCode);
        Assert.Contains("--disks", disks.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, Cladmin("sim", "init", "--force").ExitCode);
        foreach (var duration in new[] { "999999999d", "2000000000h" })
        {
            var clock = Cladmin("sim", "clock", "advance", duration);
            Assert.True(clock.ExitCode == 2, $"{duration}: exit {clock.ExitCode}: {clock.Stderr}");
            Assert.Contains($"'{duration}'", clock.Stderr, StringComparison.Ordinal);
        }
        // Past the end of the calendar, in steps each valid by itself.
        var far = Cladmin("sim", "clock", "advance", "2000000d");
        Assert.Equal(0, far.ExitCode);
        var past = Cladmin("sim", "clock", "advance", "2000000d");
        Assert.Equal(2, past.ExitCode);
        Assert.Contains("'2000000d'", past.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", past.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_log_that_cannot_be_written_is_warned_about_once_and_the_command_runs()
    {
        var r = Cladmin("--log", "/dev/full", "--script", P("s.script"), "run", "cm_add_grp", "rg_name=rg7", "participating_nodes=node1");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Equal(1, Count(r.Stderr, "cladmin: warning: cannot write /dev/full: "));
        Assert.Contains("rg7", File.ReadAllText(P("s.script")), StringComparison.Ordinal);

        Directory.CreateDirectory(P("adir"));
        var dir = Cladmin("--log", P("l.log"), "--script", P("adir"), "run", "cm_add_grp", "rg_name=rg8", "participating_nodes=node1");
        Assert.True(dir.ExitCode == 0, dir.Stderr);
        Assert.Equal(1, Count(dir.Stderr, $"cladmin: warning: cannot write {P("adir")}: "));

        var env = Env;
        env["CLADMIN_CSPOC_LOG"] = "/dev/full";
        var cmd = CladminProcess.Run(["--db", Db, "cmd", "-n", "node[1-2]", "--", "hostname"], null, env);
        Assert.True(cmd.ExitCode == 0, cmd.Stderr);
        Assert.Equal(1, Count(cmd.Stderr, "cladmin: warning: cannot write /dev/full: "));
    }

    [Fact]
    public void Run_reads_a_secret_field_from_standard_input_and_logs_it_nowhere()
    {
        Assert.Equal(0, Cladmin("cmd", "--", "cl_mkuser", "-cspoc", "-n node1,node2", "u1").ExitCode);
        var r = CladminProcess.Run(["--db", Db, "--log", P("l.log"), "--script", P("s.script"), "run", "cl_chpasswd", "user_name=u1", "--json"], "Secret1-x\n", Env);
        Assert.True(r.ExitCode == 0, r.Stdout + r.Stderr);
        Assert.Equal("ok", JsonDocument.Parse(r.Stdout).RootElement.GetProperty("status").GetString());
        Assert.DoesNotContain("Secret1-x", r.Stdout + r.Stderr, StringComparison.Ordinal);
        foreach (var log in new[] { P("l.log"), P("s.script"), P("cspoc.log") })
        {
            Assert.DoesNotContain("Secret1-x", File.ReadAllText(log), StringComparison.Ordinal);
        }
        // No secret on standard input: the required field is missing, as before.
        var empty = CladminProcess.Run(["--db", Db, "run", "cl_chpasswd", "user_name=u1"], "", Env);
        Assert.Equal(2, empty.ExitCode);
        Assert.Contains("(password) needs a value", empty.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cmd_passes_standard_input_through_byte_for_byte()
    {
        // 4 MiB of 0xFF bytes (not UTF-8): streamed as bytes, not decoded into text and re-encoded.
        var pipeline = $"head -c 4194304 /dev/zero | tr '\\000' '\\377' | {CladminProcess.ShellCommand} --db {ClAdmin.Shell.ShellWords.Quote(Db)} --transport local cmd -- wc -c";
        var info = new ProcessStartInfo("/bin/sh") { ArgumentList = { "-c", pipeline }, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var (k, v) in Env)
        {
            info.Environment[k] = v;
        }
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await stderr);
        Assert.Equal("4194304", stdout.Trim());
    }
}
