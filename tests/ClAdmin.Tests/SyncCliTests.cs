using ClAdmin.Testing;

namespace ClAdmin.Tests;

/// <summary>Synchronization end to end: the real program, the demo cluster's simulated nodes, the
/// standard and extended dialogs (cladmin run) and clmgr through the one dispatcher.</summary>
public sealed class SyncCliTests : CladminCliTest
{
    private const string Bundle = "/usr/es/sbin/cluster/etc/objrepos/active/cluster.odm";
    private const string Acd = "ODMDIR=/usr/es/sbin/cluster/etc/objrepos/active";

    private string Ok(params string[] args)
    {
        var r = Cladmin(args);
        Assert.True(r.ExitCode == 0, $"{string.Join(' ', args)}: rc {r.ExitCode}\n{r.Stdout}{r.Stderr}");
        return r.Stdout;
    }

    [Fact]
    public void The_demo_cluster_is_synchronized_to_its_nodes_as_a_user_would()
    {
        Assert.Contains("created the demo cluster", Cladmin("cmd", "--", "true").Stderr, StringComparison.Ordinal);

        foreach (var node in new[] { "node1", "node2" })
        {
            var bundle = Ok("cmd", "-n", node, "--", "cat", Bundle);
            Assert.Contains("\n<VER\n1.0\n</VER\n\n<DSC\nActive configuration of cluster demo_cluster, synchronized from node node1 on ", bundle, StringComparison.Ordinal);
            Assert.Contains("HACMPgroup:\n\tgroup = \"rg1\"\n", bundle, StringComparison.Ordinal);
        }
        Assert.Equal(Ok("cmd", "--", "odmget", "HACMPgroup"), Ok("cmd", "--", Acd, "odmget", "HACMPgroup"));
    }

    [Fact]
    public void Restore_from_the_active_configuration_undoes_a_change_not_synchronized()
    {
        var active = Ok("cmd", "--", Acd, "odmget", "HACMPgroup");
        Ok("cmd", "--", "clmgr", "modify", "resource_group", "rg1", "FALLBACK=NFB");
        Assert.NotEqual(active, Ok("cmd", "--", "odmget", "HACMPgroup"));

        var r = Cladmin("run", "cm_restore_dcd", "--yes");

        Assert.True(r.ExitCode == 0, r.Stdout + r.Stderr);
        Assert.Contains("was restored from the active configuration (ACD)", r.Stdout, StringComparison.Ordinal);
        Assert.Equal(active, Ok("cmd", "--", "odmget", "HACMPgroup"));
    }

    [Fact]
    public void A_verification_error_blocks_both_dialogs_and_the_extended_one_forces_the_synchronization()
    {
        var active = Ok("cmd", "--", Acd, "odmget", "HACMPgroup");
        Ok("cmd", "-n", "node2", "--", "chmod", "644", "/usr/local/ha/app1/start.sh");
        Ok("cmd", "--", "clmgr", "modify", "resource_group", "rg1", "FALLBACK=NFB");

        var standard = Cladmin("run", "cm_ver_and_sync");
        Assert.Equal(1, standard.ExitCode);
        Assert.Contains("ERROR: The start script /usr/local/ha/app1/start.sh of application server app1 is not executable on", standard.Stdout.Replace('\n', ' '), StringComparison.Ordinal);
        Assert.Contains("ERROR: Synchronization was not performed because verification found errors.", standard.Stdout.Replace('\n', ' '), StringComparison.Ordinal);
        var clmgr = Cladmin("cmd", "--", "clmgr", "sync", "cluster");
        Assert.Equal(1, clmgr.ExitCode);
        Assert.Equal(active, Ok("cmd", "--", Acd, "odmget", "HACMPgroup"));

        var forced = Cladmin("run", "clverify.dialog", "force_sync=Yes");

        Assert.True(forced.ExitCode == 0, forced.Stdout + forced.Stderr);
        Assert.Contains("WARNING: Verification found errors; the synchronization is forced, as requested.", forced.Stdout, StringComparison.Ordinal);
        Assert.Equal(Ok("cmd", "--", "odmget", "HACMPgroup"), Ok("cmd", "--", Acd, "odmget", "HACMPgroup"));
        Assert.NotEqual(active, Ok("cmd", "--", Acd, "odmget", "HACMPgroup"));
    }
}
