using System.Diagnostics;
using ClAdmin.Contracts;
using ClAdmin.Exec.Processes;
using ClAdmin.Exec.Ssh;

namespace ClAdmin.EndToEnd.Tests.Ssh;

/// <summary>The SSH transport in-process over a real sshd: one session, many commands.</summary>
public sealed class PersistentSessionTests(TwoNodes nodes) : IClassFixture<TwoNodes>
{
    [Fact]
    public async Task A_session_survives_1000_commands_and_recovers_after_its_remote_shell_is_killed()
    {
        await using var ssh = new SshTransport(SystemProcessRunner.Instance, new SshOptions { ConfigFile = nodes.Config });
        var first = await ssh.RunAsync(new NodeCommand("node02", ["echo", "warm"]), default);
        Assert.Equal((NodeOutcome.Ok, "warm\n"), (first.Outcome, first.Stdout));
        var sshPid = ssh.SshProcessId("node02");

        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 1000; i++)
        {
            var r = await ssh.RunAsync(new NodeCommand("node02", ["echo", $"n{i}"]), default);
            Assert.Equal($"n{i}\n", r.Stdout);
            Assert.Equal(NodeOutcome.Ok, r.Outcome);
        }
        Assert.Equal(sshPid, ssh.SshProcessId("node02"));
        // About a millisecond a command on a warm session, not a handshake (~0.3 s here) each.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), clock.Elapsed.ToString());

        var shell = ssh.RemoteShellPid("node02")!.Value;
        Process.GetProcessById(shell).Kill();
        await Task.Delay(100);
        var after = await ssh.RunAsync(new NodeCommand("node02", ["echo", "again"]), default);
        Assert.Equal((NodeOutcome.Ok, "again\n"), (after.Outcome, after.Stdout));
        Assert.NotEqual(shell, ssh.RemoteShellPid("node02"));
        Assert.NotEqual(sshPid, ssh.SshProcessId("node02"));
    }

    [Fact]
    public async Task Streamed_input_travels_in_a_session_only_as_text_and_binary_input_is_refused_unchanged()
    {
        await using var ssh = new SshTransport(SystemProcessRunner.Instance, new SshOptions { ConfigFile = nodes.Config });
        var text = await ssh.RunAsync(new NodeCommand("node02", ["cat"]) { OpenStandardInput = () => new MemoryStream("héllo\n"u8.ToArray()) }, default);
        Assert.Equal((NodeOutcome.Ok, "héllo\n"), (text.Outcome, text.Stdout));

        // Bytes that are not text would arrive changed (NUL dropped, invalid UTF-8 replaced): refused, naming the way that works.
        var binary = await ssh.RunAsync(new NodeCommand("node02", ["wc", "-c"]) { OpenStandardInput = () => new MemoryStream([0x00, 0xFF, 0xFE, 0x0A]) }, default);
        Assert.Equal(NodeOutcome.Failed, binary.Outcome);
        Assert.Equal("", binary.Stdout);
        Assert.Contains("binary standard input cannot travel in a session; run the command once (without --repeat)", binary.Stderr, StringComparison.Ordinal);

        // One byte over the limit, read in chunks: refused, naming the limit.
        var large = new byte[1024 * 1024 + 1]; // SshSession.MaxSessionInputBytes + 1
        large.AsSpan().Fill((byte)'a');
        var over = await ssh.RunAsync(new NodeCommand("node02", ["wc", "-c"]) { OpenStandardInput = () => new MemoryStream(large) }, default);
        Assert.Equal((NodeOutcome.Failed, ""), (over.Outcome, over.Stdout));
        Assert.Contains("standard input over 1048576 bytes cannot travel in a session", over.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Idle_sessions_close_on_their_own()
    {
        await using var ssh = new SshTransport(SystemProcessRunner.Instance, new SshOptions { ConfigFile = nodes.Config, IdleTimeout = TimeSpan.FromMilliseconds(300) });
        Assert.Equal(NodeOutcome.Ok, (await ssh.RunAsync(new NodeCommand("node01", ["true"]), default)).Outcome);
        var pid = ssh.SshProcessId("node01")!.Value;
        var deadline = Stopwatch.StartNew();
        while (ssh.SshProcessId("node01") is not null && deadline.Elapsed < TimeSpan.FromSeconds(5))
        {
            await Task.Delay(50);
        }
        Assert.Null(ssh.SshProcessId("node01"));
        // The session let go of its ssh process; the process itself must then end (allow it a moment).
        static bool Running(int pid)
        {
            try
            {
                return Directory.Exists($"/proc/{pid}") && !File.ReadAllText($"/proc/{pid}/stat").Contains(" Z ", StringComparison.Ordinal);
            }
            catch (IOException)
            {
                return false; // gone while we looked
            }
        }
        while (Running(pid) && deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(50);
        }
        Assert.False(Running(pid));
        Assert.Equal(NodeOutcome.Ok, (await ssh.RunAsync(new NodeCommand("node01", ["true"]), default)).Outcome);
    }
}
