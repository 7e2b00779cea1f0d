using System.Diagnostics;
using ClAdmin.Testing;

namespace ClAdmin.EndToEnd.Tests.Ssh;

/// <summary>`cladmin --transport ssh cmd` against eight real sshd nodes.</summary>
public sealed class SshFanOutTests(EightNodes nodes) : IClassFixture<EightNodes>
{
    [Fact]
    public void Fans_out_to_eight_nodes_and_folds_identical_output()
    {
        var r = nodes.Cladmin("cmd", "-n", "node[01-08]", "--", "sh", "-c", "echo same; echo $SSH_CONNECTION | cut -d' ' -f3 >&2");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("---------------\nnode[01-08] (8)\n---------------\nsame\n", r.Stdout);
        for (var i = 1; i <= 8; i++)
        {
            Assert.Contains($"node{i:00} (1)\n---------------\n127.0.0.{i + 1}\n", r.Stderr, StringComparison.Ordinal);
        }
        Assert.Contains("cladmin: 8 nodes: 8 ok; highest exit code 0", r.Stderr, StringComparison.Ordinal);
        var log = File.ReadAllLines(Path.Combine(nodes.Dir, "cspoc.log"));
        Assert.Equal(8, log.Count(l => l.Contains(" rc=0 ok ", StringComparison.Ordinal) && l.Contains("echo same", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("\n")] // a newline: carried over a session
    [InlineData(" ")] // none: one-shot, through the login shell's command line
    public void A_hostile_value_arrives_literally_and_runs_nothing(string separator)
    {
        var flag = Path.Combine(nodes.Dir, "pwned");
        var hostile = $"it's \"quoted\"; touch {flag}; $(touch {flag}) `touch {flag}`{separator}next line | & > {flag} $HOME \\ !! '' \"";
        var r = nodes.CladminWithInput("stdin: $(touch " + flag + ")\n", "cmd", "-n", "node03", "--", "sh", "-c", "printf %s \"$1\"; cat", "sh", hostile);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal($"---------------\nnode03 (1)\n---------------\n{hostile}stdin: $(touch {flag})\n", r.Stdout);
        Assert.False(File.Exists(flag));
        Assert.DoesNotContain("stdin:", File.ReadAllText(Path.Combine(nodes.Dir, "cspoc.log")), StringComparison.Ordinal);
    }

    [Fact]
    public void Failed_commands_keep_their_exit_code_and_the_program_exits_1()
    {
        var r = nodes.Cladmin("cmd", "-n", "node[01-03]", "--", "sh", "-c", "exit 7");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("3 failed node[01-03]; highest exit code 7", r.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, false)] // kill -INT PID
    [InlineData(true, false)] // Ctrl-C at a terminal: SIGINT to cladmin's whole process group
    [InlineData(false, true)] // the same over sessions (--repeat)
    [InlineData(true, true)]
    public async Task No_ssh_process_is_left_behind_even_when_interrupted(bool wholeGroup, bool sessions)
    {
        // A config path no other test uses, so ssh processes of this run are recognisable.
        var config = Path.Combine(nodes.Dir, $"ssh_config.{Guid.NewGuid():N}");
        File.Copy(nodes.Config, config);
        string[] repeat = sessions ? ["--repeat", "2"] : [];
        // A duration of its own per case: a case that fails cannot leave sleeps that the next one counts.
        var seconds = $"41.{(wholeGroup ? 1 : 2)}{(sessions ? 1 : 2)}5";
        using var p = nodes.StartCladmin(config, ownGroup: wholeGroup, ["cmd", "-n", "node[01-08]", .. repeat, "--", "sleep", seconds]);
        var stderr = p.StandardError.ReadToEndAsync();
        Assert.Equal(8, await SshdNodes.WaitForRunning(8, "sleep", seconds));
        SshdNodes.Interrupt(p, wholeGroup);
        Assert.True(p.WaitForExit(TimeSpan.FromSeconds(10)), "cladmin did not stop after Ctrl-C");
        Assert.Equal(1, p.ExitCode);
        var err = await stderr;
        Assert.Contains("interrupted: stopped on node[01-08]", err, StringComparison.Ordinal);
        Assert.Contains("8 cancelled node[01-08]", err, StringComparison.Ordinal);
        await Task.Delay(300);
        Assert.Empty(SshdNodes.ProcessesMentioning(config));
        Assert.Empty(SshdNodes.ProcessesRunning("sleep", seconds));
    }

    [Fact]
    public async Task Session_commands_stop_on_their_nodes_when_cladmin_is_killed()
    {
        var config = Path.Combine(nodes.Dir, $"ssh_config.{Guid.NewGuid():N}");
        File.Copy(nodes.Config, config);
        using var p = nodes.StartCladmin(config, ownGroup: false, ["cmd", "-n", "node[01-02]", "--repeat", "2", "--", "sleep", "43.35"]);
        Assert.Equal(2, await SshdNodes.WaitForRunning(2, "sleep", "43.35"));
        p.Kill(); // SIGKILL: no clean-up in cladmin; the end of each session's input stops its command
        var deadline = Stopwatch.StartNew();
        while ((SshdNodes.ProcessesRunning("sleep", "43.35").Count > 0 || SshdNodes.ProcessesMentioning(config).Count > 0) && deadline.Elapsed < TimeSpan.FromSeconds(15))
        {
            await Task.Delay(100);
        }
        Assert.Empty(SshdNodes.ProcessesRunning("sleep", "43.35"));
        Assert.Empty(SshdNodes.ProcessesMentioning(config));
    }
}
