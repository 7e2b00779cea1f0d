using System.Globalization;
using Xunit.Abstractions;

namespace ClAdmin.EndToEnd.Tests.Ssh;

/// <summary>
/// Ctrl-C while one-shot connections are still starting their commands (issue 13, item 1): a node
/// reported "not started" or "stopped" must not be running the command afterwards; only a node
/// reported "NOT confirmed" may. Run many times, the Ctrl-C landing at a different moment of the
/// connections' handshakes each time: counted from the moment cladmin starts its ssh processes,
/// whatever its own start-up took.
/// </summary>
public sealed class SshInterruptRaceTests(FourNodes nodes, ITestOutputHelper log) : IClassFixture<FourNodes>
{
    private const string Prefix = "cladmin: interrupted: ";

    [Fact]
    public async Task Ctrl_C_as_commands_start_never_calls_a_node_running_one_not_started_or_stopped()
    {
        var wrong = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            // A duration of its own per run, so each run finds only its own commands.
            var seconds = string.Create(CultureInfo.InvariantCulture, $"105.{i:00}1");
            // 0 to 0.4 s after the first ssh process, spread over the runs.
            var delay = TimeSpan.FromMilliseconds(i * 97 % 401);
            // A config path of its own, so this run's ssh processes are recognisable.
            var config = Path.Combine(nodes.Dir, $"ssh_config.{i}");
            File.Copy(nodes.Config, config, overwrite: true);
            using var p = nodes.StartCladmin(config, ownGroup: true, ["cmd", "-n", "node[01-04]", "--", "sleep", seconds]);
            var stderr = p.StandardError.ReadToEndAsync();
            var stdout = p.StandardOutput.ReadToEndAsync();
            while (SshdNodes.ProcessesMentioning("-F " + config).Count == 0 && !p.HasExited)
            {
                await Task.Delay(5);
            }
            await Task.Delay(delay);
            SshdNodes.Interrupt(p, wholeGroup: true);
            Assert.True(p.WaitForExit(TimeSpan.FromSeconds(30)), "cladmin did not stop after Ctrl-C");
            var err = await stderr;
            await stdout;
            // A command whose connection was cut just as it went out starts a moment later, if at all.
            await Task.Delay(500);
            var running = RunningOn(seconds);
            var line = err.Split('\n').FirstOrDefault(l => l.StartsWith(Prefix, StringComparison.Ordinal)) ?? "";
            var unconfirmed = Section(line, "NOT confirmed stopped on ");
            log.WriteLine($"run {i} (+{delay.TotalMilliseconds} ms): {line} | running on: {string.Join(",", running.Select(r => r.Node))}");
            foreach (var (node, pid) in running)
            {
                if (!unconfirmed.Contains(node))
                {
                    wrong.Add($"run {i} (Ctrl-C after {delay.TotalMilliseconds} ms): sleep {seconds} runs on {node}, but cladmin said: {line}\n{err}");
                }
                using var kill = System.Diagnostics.Process.Start("kill", ["-KILL", pid.ToString(CultureInfo.InvariantCulture)])!;
                await kill.WaitForExitAsync();
            }
        }
        Assert.Empty(wrong);
    }

    /// <summary>The nodes of a "... on NODESET" part of the interrupted line.</summary>
    private static HashSet<string> Section(string line, string label)
    {
        var at = line.IndexOf(label, StringComparison.Ordinal);
        if (at < 0)
        {
            return [];
        }
        var set = line[(at + label.Length)..].Split(' ', ';')[0];
        return [.. Exec.Nodes.NodeSet.Parse(set)];
    }

    /// <summary>The sleeps of this fixture's nodes still running, by node: each node logs in with
    /// HOME=DIR/home/NODE (scripts/sshd-nodes.sh), which the process's environment shows.</summary>
    private List<(string Node, int Pid)> RunningOn(string seconds)
    {
        var home = Path.Combine(nodes.Dir, "home") + "/";
        var found = new List<(string, int)>();
        foreach (var pid in SshdNodes.ProcessesRunning("sleep", seconds))
        {
            try
            {
                var env = File.ReadAllText($"/proc/{pid}/environ").Split('\0');
                var node = env.FirstOrDefault(e => e.StartsWith("HOME=" + home, StringComparison.Ordinal))?[("HOME=" + home).Length..];
                found.Add((node ?? $"(pid {pid}, not a node of this fixture)", pid));
            }
            catch (IOException)
            {
                // Ended meanwhile.
            }
        }
        return found;
    }
}

public sealed class FourNodes() : SshdNodes(4);
