using ClAdmin.Testing;

namespace ClAdmin.Tests;

/// <summary><c>cladmin sim init --from-snapshot FILE.odm</c> (issue 19 §3): a world that matches a real
/// cluster's snapshot, checked with a snapshot written by hand (<see cref="HandWrittenSnapshot"/>): the
/// expected texts below are read from that file (names, addresses, policies, home nodes, PVIDs), not
/// from our output. And a round trip: our own snapshot of the demo builds a world with the same topology.</summary>
public sealed class SnapshotWorldCliTests : CladminCliTest
{
    private string Write(string name, string odm, string? info = null)
    {
        File.WriteAllText(P(name + ".odm"), odm);
        if (info is not null)
        {
            File.WriteAllText(P(name + ".info"), info);
        }
        return P(name + ".odm");
    }

    private string Ok(params string[] args)
    {
        var r = Cladmin(args);
        Assert.True(r.ExitCode == 0, $"{string.Join(' ', args)}: exit {r.ExitCode}\n{r.Stdout}\n{r.Stderr}");
        return r.Stdout;
    }

    /// <summary>The file as cat prints it on <paramref name="node"/> (cladmin cmd -L prefixes each line with the node).</summary>
    private string Cat(string node, string path) =>
        Ok("cmd", "-n", node, "-L", "--", "cat", path).Replace(node + ": ", "", StringComparison.Ordinal);

    [Fact]
    public void A_hand_written_snapshot_builds_its_cluster_with_its_topology_and_its_groups_online_on_their_home_nodes()
    {
        var init = Ok("sim", "init", "--from-snapshot", Write("prdclu", HandWrittenSnapshot.Odm, HandWrittenSnapshot.Info));

        Assert.Contains("cluster prdclu", init, StringComparison.Ordinal);
        // What real snapshots hold and the simulator does not keep is named, with its line, and left out.
        Assert.Contains("line 323: class HACMPdaemons is not one the simulator keeps", init, StringComparison.Ordinal);
        Assert.Contains("line 293: HACMPresource INACTIVE_TAKEOVER of group ora_rg", init, StringComparison.Ordinal);

        var top = Ok("cmd", "--", "cltopinfo");
        Assert.Contains("Cluster Name: prdclu\n", top, StringComparison.Ordinal);
        Assert.Contains("There are 3 node(s) and 2 network(s) defined\n", top, StringComparison.Ordinal);
        foreach (var (node, labels) in new[]
        {
            ("aixprd01", new[] { "aixprd01 +10.40.1.11", "aixprd01_stby +10.40.2.11", "aixprd01_pers +10.40.7.11", "aixprd01_bk +172.16.8.1" }),
            ("aixprd02", ["aixprd02 +10.40.1.12", "aixprd02_stby +10.40.2.12", "aixprd02_bk +172.16.8.2"]),
            ("aixdr01", ["aixdr01_boot1 +10.40.1.31", "aixdr01_boot2 +10.40.2.31", "aixdr01_bk +172.16.8.3"]),
        })
        {
            var section = top[top.IndexOf($"NODE {node}:\n", StringComparison.Ordinal)..];
            section = section[..section.IndexOf("\n\n", StringComparison.Ordinal)];
            Assert.Matches(@"Network net_ether_01\n(\s+\S+ +\S+\n)*\s+oradb +10\.40\.9\.50\n", section);
            foreach (var label in labels)
            {
                Assert.Matches(@"\n\s+" + label.Replace(".", @"\.", StringComparison.Ordinal) + "\n", section + "\n");
            }
        }
        Assert.Matches(@"Resource Group ora_rg\n\s+Startup Policy\s+Online On Home Node Only\n\s+Fallover Policy\s+Fallover To Next Priority Node In The List\n\s+Fallback Policy\s+Never Fallback\n\s+Participating Nodes\s+aixprd01 aixprd02 aixdr01\n\s+Service IP Label\s+oradb\n", top);
        Assert.Matches(@"Resource Group web_rg\n\s+Startup Policy\s+Online On First Available Node\n\s+Fallover Policy\s+Fallover To Next Priority Node In The List\n\s+Fallback Policy\s+Fallback To Higher Priority Node In The List\n\s+Participating Nodes\s+aixprd02 aixprd01\n\s+Service IP Label\s+webfront\n", top);

        // The AIX side: the .info's PVIDs under aixprd02's own hdisk names, the stand-in scripts, the labels.
        var lspv = Ok("cmd", "-n", "aixprd02", "--", "lspv");
        Assert.Matches(@"hdisk2 +00f6a1b2e1a2b3c4 +oravg", lspv);
        Assert.Matches(@"hdisk3 +00f6a1b2e1a2b3c5 +oravg", lspv);
        Assert.Matches(@"hdisk7 +00f6a1b2e1a2b3c6 +webvg", lspv);
        Assert.Contains("echo \"stand-in for /u01/hacmp/start_oracle.ksh (sim init --from-snapshot)\"", Cat("aixdr01", "/u01/hacmp/start_oracle.ksh"), StringComparison.Ordinal);
        var hosts = Cat("aixdr01", "/etc/hosts");
        Assert.Matches(@"\n10\.40\.9\.60 +webfront\n", hosts);
        Assert.Matches(@"\n10\.40\.7\.11 +aixprd01_pers\n", hosts);

        // Verified and synchronized: services start at once. ora_rg (OHN) on its home node aixprd01,
        // web_rg (OFAN) on the first node of its list, aixprd02.
        Ok("run", "clstart", "nodes=aixprd01 aixprd02 aixdr01", "--yes");
        var groups = Ok("cmd", "--", "clRGinfo", "-s").Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => string.Join(':', l.Split(':').Take(3)));
        Assert.Equal(["ora_rg:ONLINE:aixprd01", "ora_rg:OFFLINE:aixprd02", "ora_rg:OFFLINE:aixdr01", "web_rg:ONLINE:aixprd02", "web_rg:OFFLINE:aixprd01"], groups);
        Assert.Matches(@"/oradata", Ok("cmd", "-n", "aixprd01", "--", "mount"));
    }

    [Fact]
    public void A_snapshot_our_clsnapshot_wrote_of_the_demo_builds_a_world_with_the_same_topology()
    {
        Ok("sim", "init", "--demo");
        Ok("cmd", "--", "clsnapshot", "-c", "-n", "demo_copy", "-d", "round trip");
        var demoTopology = Ok("cmd", "--", "cltopinfo");
        var odm = Cat("node1", "/usr/es/sbin/cluster/snapshots/demo_copy.odm");

        Ok("sim", "init", "--force", "--from-snapshot", Write("demo_copy", odm));

        Assert.Equal(demoTopology, Ok("cmd", "--", "cltopinfo"));
        Ok("run", "clstart", "nodes=node1 node2", "--yes");
        var groups = Ok("cmd", "--", "clRGinfo", "-s").Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => string.Join(':', l.Split(':').Take(3)));
        Assert.Equal(["rg1:ONLINE:node1", "rg1:OFFLINE:node2", "rg2:ONLINE:node2", "rg2:OFFLINE:node1"], groups);
    }

    [Fact]
    public void A_node_without_an_interface_and_an_address_that_is_not_IPv4_are_refused_naming_file_line_and_field_and_nothing_changes()
    {
        Ok("sim", "init", "--demo");
        var before = Ok("cmd", "--", "cltopinfo");
        // aixdr01 loses its boot interfaces on net_ether_01 and net_ether_02 (their stanzas become another node's);
        // aixprd02's boot address gets a fifth octet.
        var bad = HandWrittenSnapshot.Odm
            .Replace("\tnode = \"aixdr01\"\n", "\tnode = \"aixprd01\"\n", StringComparison.Ordinal)
            .Replace("\"10.40.1.12\"", "\"10.40.1.12.5\"", StringComparison.Ordinal);
        var file = Write("bad", bad);

        var r = Cladmin("sim", "init", "--force", "--from-snapshot", file);

        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"{file}: line 51: HACMPnode \"aixdr01\": no HACMPadapter with function = \"boot\" on an IP network names this node", r.Stderr, StringComparison.Ordinal);
        Assert.Contains($"{file}: line 120: HACMPadapter \"aixprd02\": identifier \"10.40.1.12.5\" is not an IPv4 address", r.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, Ok("cmd", "--", "cltopinfo"));
    }

    [Fact]
    public void A_snapshot_that_fails_verification_on_the_simulated_nodes_leaves_the_database_as_it_was()
    {
        Ok("sim", "init", "--demo");
        var before = Ok("cmd", "--", "cltopinfo");
        // webfront moved onto the subnet of the boot interfaces: IPAT via aliasing refuses it (verification, not the snapshot's syntax).
        var file = Write("same_subnet", HandWrittenSnapshot.Odm.Replace("\"10.40.9.60\"", "\"10.40.1.60\"", StringComparison.Ordinal));

        var r = Cladmin("sim", "init", "--force", "--from-snapshot", file);

        Assert.Equal(1, r.ExitCode);
        Assert.Contains("nothing was changed", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("service IP label webfront", r.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, Ok("cmd", "--", "cltopinfo"));
    }

    [Fact]
    public void An_existing_world_is_kept_without_force_and_a_missing_file_is_named()
    {
        Ok("sim", "init", "--demo");
        var file = Write("prdclu", HandWrittenSnapshot.Odm);

        var kept = Cladmin("sim", "init", "--from-snapshot", file);
        var missing = Cladmin("sim", "init", "--force", "--from-snapshot", P("nosuch.odm"));
        // The snapshot says which cluster it is: an HACMP release given beside it is refused, not ignored.
        var release = Cladmin("sim", "init", "--force", "--hacmp", "5.4.1", "--from-snapshot", file);

        Assert.Equal(2, kept.ExitCode);
        Assert.Contains("add --force", kept.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains(P("nosuch.odm"), missing.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, release.ExitCode);
        Assert.Contains("--from-snapshot and --hacmp cannot be used together", release.Stderr, StringComparison.Ordinal);
        Assert.Contains("Cluster Name: demo_cluster", Ok("cmd", "--", "cltopinfo"), StringComparison.Ordinal);
    }
}
