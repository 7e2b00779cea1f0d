using ClAdmin.Testing;

namespace ClAdmin.EndToEnd.Tests.Ssh;

/// <summary>Two loopback sshd nodes of their own: this class stops one of them.</summary>
public sealed class SyncNodes() : SshdNodes(2);

/// <summary>
/// clmgr sync cluster over the SSH transport against real sshd nodes: the configuration bundle is
/// written on every node (CLADMIN_SYNC_DIR relative: under each node's $HOME, which the loopback
/// nodes keep apart), and with a node down nothing is made active anywhere.
/// </summary>
public sealed class SshSyncTests(SyncNodes nodes) : IClassFixture<SyncNodes>
{
    private ProcessResult Cladmin(string db, params string[] args) =>
        CladminProcess.Run(["--transport", "ssh", "--ssh-config", nodes.Config, "--db", db, .. args], null,
            new Dictionary<string, string>
            {
                ["CLADMIN_CSPOC_LOG"] = Path.Combine(nodes.Dir, "cspoc.log"),
                ["CLADMIN_SYNC_DIR"] = "clsync",
            });

    private string BundleOn(string node, string suffix = "") => Path.Combine(nodes.Dir, "home", node, "clsync", "cluster.odm" + suffix);

    [Fact]
    public void The_bundle_lands_on_every_node_and_a_node_down_leaves_nothing_active()
    {
        var db = Path.Combine(nodes.Dir, "sync.db");
        var add = Cladmin(db, "cmd", "--", "clmgr", "add", "cluster", "NODES=node01,node02", "c1");
        Assert.True(add.ExitCode == 0, add.Stdout + add.Stderr);

        // Verification asks AIX commands these Linux nodes lack: synchronize only.
        var sync = Cladmin(db, "cmd", "--", "clmgr", "sync", "cluster", "VERIFY=no");

        Assert.True(sync.ExitCode == 0, sync.Stdout + sync.Stderr);
        Assert.Contains("for IP Address Takeover on node node02.\n", sync.Stdout, StringComparison.Ordinal);
        foreach (var node in nodes.Nodes)
        {
            var bundle = File.ReadAllText(BundleOn(node));
            Assert.StartsWith("<VER\n1.0\n</VER\n\n<DSC\nActive configuration of cluster c1, synchronized from node ", bundle, StringComparison.Ordinal);
            Assert.Contains("HACMPnode:\n\tname = \"node02\"\n", bundle, StringComparison.Ordinal);
            Assert.False(File.Exists(BundleOn(node, ".stage")));
        }
        var first = File.ReadAllText(BundleOn("node01"));
        Assert.Contains("name = \"c1\"", Cladmin(db, "cmd", "--", "ODMDIR=/usr/es/sbin/cluster/etc/objrepos/active", "odmget", "HACMPcluster").Stdout, StringComparison.Ordinal);

        nodes.StopNode("node02");
        Assert.Equal(0, Cladmin(db, "cmd", "--", "clmgr", "add", "network", "TYPE=ether", "NETMASK=255.255.255.0", "net_ether_01").ExitCode);
        var down = Cladmin(db, "cmd", "--", "clmgr", "sync", "cluster", "VERIFY=no");

        Assert.Equal(1, down.ExitCode);
        Assert.Contains("ERROR: The configuration could not be copied to node node02: unreachable", down.Stderr, StringComparison.Ordinal);
        Assert.Contains("The configuration was copied to node node01; it was not made active there, and the copy was removed.", down.Stdout, StringComparison.Ordinal);
        Assert.Equal(first, File.ReadAllText(BundleOn("node01")));
        Assert.False(File.Exists(BundleOn("node01", ".stage")));
        Assert.False(File.Exists(BundleOn("node01", ".prev")));
        Assert.DoesNotContain("net_ether_01", Cladmin(db, "cmd", "--", "ODMDIR=/usr/es/sbin/cluster/etc/objrepos/active", "odmget", "HACMPnetwork").Stdout, StringComparison.Ordinal);
    }
}
