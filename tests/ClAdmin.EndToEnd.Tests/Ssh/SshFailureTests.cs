using System.Diagnostics;

namespace ClAdmin.EndToEnd.Tests.Ssh;

/// <summary>One node refused, one hanging past the timeout, the rest fine: each reported as what it is.</summary>
public sealed class SshFailureTests(EightNodesWithFailures nodes) : IClassFixture<EightNodesWithFailures>
{
    [Fact]
    public void A_refused_node_is_unreachable_and_a_hanging_one_timed_out_while_the_rest_succeed()
    {
        nodes.StopNode("node08");
        var clock = Stopwatch.StartNew();
        // node07 (127.0.0.8) hangs; every other node answers at once.
        var r = nodes.Cladmin("cmd", "-n", "node[01-08]", "--timeout", "2", "--", "sh", "-c",
            "case \"$SSH_CONNECTION\" in *' 127.0.0.8 '*) exec sleep 37.75;; esac; echo fine");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), clock.Elapsed.ToString());
        Assert.Equal(1, r.ExitCode);
        Assert.StartsWith("---------------\nnode[01-06] (6)\n---------------\nfine\n", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("cladmin: 8 nodes: 6 ok, 1 timed out node07, 1 unreachable node08; highest exit code 0", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("Connection refused", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("timed out after 2s; the command was stopped on the node", r.Stderr, StringComparison.Ordinal);
        Assert.Empty(SshdNodes.ProcessesRunning("sleep", "37.75"));
    }
}

/// <summary>Host keys: an unknown one is refused with the way to trust it; ssh trust records it.</summary>
public sealed class SshHostKeyTests(TwoNodes nodes) : IClassFixture<TwoNodes>
{
    [Fact]
    public void An_unknown_host_key_is_refused_until_it_is_trusted()
    {
        var known = Path.Combine(nodes.Dir, "empty_known_hosts");
        var config = Path.Combine(nodes.Dir, "ssh_config.strangers");
        File.WriteAllText(config, File.ReadAllText(nodes.Config).Replace(Path.Combine(nodes.Dir, "known_hosts"), known, StringComparison.Ordinal));
        var run = new[] { "--transport", "ssh", "--ssh-config", config };

        var refused = Testing.CladminProcess.Run([.. run, "cmd", "-n", "node01", "--", "touch", Path.Combine(nodes.Dir, "ran")]);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("host key is not known", refused.Stderr, StringComparison.Ordinal);
        Assert.Contains("cladmin ssh trust node01", refused.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(nodes.Dir, "ran")));

        var notConfirmed = Testing.CladminProcess.Run([.. run, "ssh", "trust", "node01"]);
        Assert.Equal(2, notConfirmed.ExitCode);
        Assert.Contains("(new)", notConfirmed.Stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(known) && File.ReadAllText(known).Length > 0);

        var hostKey = File.ReadAllText(Path.Combine(nodes.Dir, "ssh_host_ed25519_key.pub")).Split(' ')[1];
        var trusted = Testing.CladminProcess.Run([.. run, "ssh", "trust", "node01", "--yes"]);
        Assert.Equal(0, trusted.ExitCode);
        Assert.Contains("ED25519 SHA256:", trusted.Stdout, StringComparison.Ordinal);
        Assert.Contains(hostKey, File.ReadAllText(known), StringComparison.Ordinal);

        var ok = Testing.CladminProcess.Run([.. run, "cmd", "-n", "node01", "--", "true"]);
        Assert.Equal(0, ok.ExitCode);
    }

    [Fact]
    public void A_host_recorded_by_another_key_type_offering_none_of_its_keys_is_changed_not_new()
    {
        // node02 is recorded by an RSA key only; the node offers its ED25519 key: none of the
        // recorded keys is offered, so this is a changed host (or someone else), never a new key.
        var known = Path.Combine(nodes.Dir, "rsa_known_hosts");
        var config = Path.Combine(nodes.Dir, "ssh_config.rsa");
        File.WriteAllText(config, File.ReadAllText(nodes.Config).Replace(Path.Combine(nodes.Dir, "known_hosts"), known, StringComparison.Ordinal));
        var rsa = Path.Combine(nodes.Dir, "other_rsa_key");
        using (var keygen = Process.Start("ssh-keygen", ["-q", "-t", "rsa", "-b", "2048", "-N", "", "-f", rsa])!)
        {
            keygen.WaitForExit();
        }
        var node02 = File.ReadAllLines(Path.Combine(nodes.Dir, "known_hosts")).Single(l => l.StartsWith("[127.0.0.3]:", StringComparison.Ordinal));
        var before = node02.Split(' ')[0] + " " + string.Join(' ', File.ReadAllText(rsa + ".pub").Split(' ').Take(2)) + "\n";
        File.WriteAllText(known, before);

        var trust = Testing.CladminProcess.Run(["--transport", "ssh", "--ssh-config", config, "ssh", "trust", "node02", "--yes"]);

        Assert.Equal(1, trust.ExitCode);
        Assert.Matches(@"node02 127\.0\.0\.3:\d+ ED25519 SHA256:\S+ \(CHANGED\)", trust.Stdout);
        Assert.DoesNotContain("(new)", trust.Stdout, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(known));
    }

    [Fact]
    public void A_changed_host_key_is_refused_until_the_old_one_is_removed_explicitly()
    {
        // node02's recorded key is another host's: what ssh warns of as REMOTE HOST IDENTIFICATION HAS CHANGED.
        var known = Path.Combine(nodes.Dir, "changed_known_hosts");
        var config = Path.Combine(nodes.Dir, "ssh_config.changed");
        File.WriteAllText(config, File.ReadAllText(nodes.Config).Replace(Path.Combine(nodes.Dir, "known_hosts"), known, StringComparison.Ordinal));
        var other = Path.Combine(nodes.Dir, "other_host_key");
        using (var keygen = Process.Start("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", other])!)
        {
            keygen.WaitForExit();
        }
        var hostKey = File.ReadAllText(Path.Combine(nodes.Dir, "ssh_host_ed25519_key.pub")).Split(' ')[1];
        var otherKey = File.ReadAllText(other + ".pub").Split(' ')[1];
        var recorded = File.ReadAllLines(Path.Combine(nodes.Dir, "known_hosts"));
        var node02 = recorded.Single(l => l.StartsWith("[127.0.0.3]:", StringComparison.Ordinal));
        var before = recorded[0] + "\n" + node02.Replace(hostKey, otherKey, StringComparison.Ordinal) + "\n";
        File.WriteAllText(known, before);
        var run = new[] { "--transport", "ssh", "--ssh-config", config };

        var refused = Testing.CladminProcess.Run([.. run, "cmd", "-n", "node02", "--", "touch", Path.Combine(nodes.Dir, "ran-changed")]);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("host key CHANGED", refused.Stderr, StringComparison.Ordinal);
        Assert.Contains("cladmin ssh trust node02 --replace-changed", refused.Stderr, StringComparison.Ordinal);

        // Trusting it as it stands is refused, even with --yes: nothing is written.
        var trust = Testing.CladminProcess.Run([.. run, "ssh", "trust", "node[01-02]", "--yes"]);
        Assert.Equal(1, trust.ExitCode);
        Assert.Contains("node01 127.0.0.2:", trust.Stdout, StringComparison.Ordinal);
        Assert.Contains("(already known)", trust.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"node02 127\.0\.0\.3:\d+ ED25519 SHA256:\S+ \(CHANGED\)", trust.Stdout);
        Assert.DoesNotContain("(new)", trust.Stdout, StringComparison.Ordinal);
        Assert.Contains("cladmin: node02: its host key CHANGED", trust.Stderr, StringComparison.Ordinal);
        Assert.Contains("--replace-changed", trust.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(known));
        Assert.Equal(1, Testing.CladminProcess.Run([.. run, "cmd", "-n", "node02", "--", "true"]).ExitCode);
        Assert.False(File.Exists(Path.Combine(nodes.Dir, "ran-changed")));

        // Asked for by name, the old key is removed and the new one recorded, once.
        var replaced = Testing.CladminProcess.Run([.. run, "ssh", "trust", "node02", "--yes", "--replace-changed"]);
        Assert.Equal(0, replaced.ExitCode);
        Assert.Contains("(CHANGED)", replaced.Stdout, StringComparison.Ordinal);
        var after = File.ReadAllText(known);
        Assert.DoesNotContain(otherKey, after, StringComparison.Ordinal);
        Assert.Equal(2, after.Split('\n').Count(l => l.Contains(hostKey, StringComparison.Ordinal)));
        Assert.StartsWith(recorded[0] + "\n", after, StringComparison.Ordinal);
        Assert.Equal(0, Testing.CladminProcess.Run([.. run, "cmd", "-n", "node[01-02]", "--", "true"]).ExitCode);
    }
}

/// <summary>Ctrl-C while a node has dropped off the network: its stop cannot be confirmed, and the
/// summary says so instead of claiming it stopped.</summary>
public sealed class SshUnconfirmedStopTests(TwoNodes nodes) : IClassFixture<TwoNodes>
{
    [Fact]
    public async Task A_stop_a_node_cannot_confirm_is_reported_as_not_confirmed()
    {
        using var p = nodes.StartCladmin(null, ownGroup: false, ["cmd", "-n", "node[01-02]", "--", "sleep", "42.35"]);
        try
        {
            var stderr = p.StandardError.ReadToEndAsync();
            Assert.Equal(2, await SshdNodes.WaitForRunning(2, "sleep", "42.35"));
            // node02 stops answering new connections; its running connection stays up.
            nodes.StopNode("node02");
            SshdNodes.Interrupt(p);
            Assert.True(p.WaitForExit(TimeSpan.FromSeconds(20)), "cladmin did not stop after Ctrl-C");
            var err = await stderr;
            Assert.Equal(1, p.ExitCode);
            Assert.Contains("cladmin: interrupted: stopped on node01; NOT confirmed stopped on node02 (the command may still run there)", err, StringComparison.Ordinal);
            Assert.Contains("the node did not confirm the stop", err, StringComparison.Ordinal);
            Assert.Single(SshdNodes.ProcessesRunning("sleep", "42.35")); // node02's, as reported
        }
        finally
        {
            foreach (var pid in SshdNodes.ProcessesRunning("sleep", "42.35"))
            {
                using var kill = Process.Start("kill", [pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
                kill.WaitForExit();
            }
        }
    }
}
