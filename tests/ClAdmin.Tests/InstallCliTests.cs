using ClAdmin.Testing;

namespace ClAdmin.Tests;

/// <summary>installp, lslpp and lppchk on a simulated node through `cladmin cmd`, as processes sharing
/// one database; expected texts from powerha-verify-install-outputs.md §5.2, §5.4 and §5.5.</summary>
public sealed class InstallCliTests : IDisposable
{
    private const string Media55 = "/usr/sys/inst.images/hacmp55";

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("cladmin-install-");

    private string Db => Path.Combine(_dir.FullName, "cladmin.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Delete(recursive: true);
    }

    private ProcessResult Cladmin(params string[] args) => CladminProcess.Run(["--db", Db, .. args], null, null);

    private ProcessResult Ok(params string[] args)
    {
        var r = Cladmin(args);
        Assert.True(r.ExitCode == 0, $"cladmin {string.Join(' ', args)} exited {r.ExitCode}: {r.Stdout}{r.Stderr}");
        return r;
    }

    private ProcessResult On1(params string[] command) => Cladmin(["cmd", "-n", "node1", "--", .. command]);

    [Fact]
    public void An_interrupted_installation_is_cleaned_up_with_installp_C_and_installed_again()
    {
        Ok("sim", "init", "--nodes", "2", "--disks", "2");
        Assert.Equal(0, On1("installp", "-u", "cluster").ExitCode);
        Ok("sim", "fail", "install", "node1");

        var interrupted = On1("installp", "-agXd", Media55, "all");
        Assert.Equal(1, interrupted.ExitCode);
        Assert.Contains("installp -C", interrupted.Stderr, StringComparison.Ordinal);
        var check = On1("lppchk", "-v");
        Assert.Equal(1, check.ExitCode);
        Assert.Contains("  cluster.es.client.clcomd 5.5.0.10       (usr: APPLYING, root: APPLYING)\n", check.Stderr, StringComparison.Ordinal);
        var blocked = On1("installp", "-agXd", Media55, "all");
        Assert.Equal(1, blocked.ExitCode);
        Assert.Contains("installp:  Either there is an installp process currently\n\trunning, or there is a previously failed installation.\n", blocked.Stderr, StringComparison.Ordinal);

        var cleanup = On1("installp", "-C");
        Assert.Equal(0, cleanup.ExitCode);
        Assert.Contains("\ninstallp: Cleaning up software for:\n        cluster.es.client.clcomd 5.5.0.10\n", cleanup.Stdout, StringComparison.Ordinal);
        Assert.Contains("\ncluster.es.client.clcomd    5.5.0.10        USR         CLEANUP     SUCCESS\n", cleanup.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, On1("lppchk", "-v").ExitCode);
        Assert.Equal(1, On1("lslpp", "-l", "cluster.es.client.clcomd").ExitCode);

        Assert.Equal(0, On1("installp", "-agXd", Media55, "all").ExitCode);
        Assert.Equal(0, On1("lppchk", "-v").ExitCode);
        Assert.EndsWith(
            "  Fileset         Level     Action       Status       Date         Time        \n" +
            "  ----------------------------------------------------------------------------\n" +
            "Path: /usr/lib/objrepos\n" +
            "  cluster.es.server.rte\n" +
            "                 5.5.0.10   COMMIT       COMPLETE     03/12/24     09:00:00    \n" +
            "\n" +
            "Path: /etc/objrepos\n" +
            "  cluster.es.server.rte\n" +
            "                 5.5.0.10   COMMIT       COMPLETE     03/12/24     09:00:00    \n" +
            "\n",
            On1("lslpp", "-h", "cluster.es.server.rte").Stdout.Split("---------------\n", 3)[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Sim_init_hacmp_541_builds_the_nodes_at_that_release_and_an_unknown_release_is_refused()
    {
        // A migration lesson starts from the old release: every node has the 5.4.1 filesets committed,
        // on an AIX level that release supports (6100-00 or later), and the demo synchronizes there.
        Ok("sim", "init", "--hacmp", "5.4.1", "--demo");
        foreach (var node in new[] { "node1", "node2" })
        {
            var rows = Ok("cmd", "-n", node, "--", "lslpp", "-Lq", "cluster.es.server.rte", "cluster.es.client.rte").Stdout;
            Assert.Contains("5.4.1.0    C     F    Base Server Runtime\n", rows, StringComparison.Ordinal);
            Assert.Contains("5.4.1.0    C     F    ES Client Runtime\n", rows, StringComparison.Ordinal);
            Assert.DoesNotContain("5.5.0", rows, StringComparison.Ordinal);
            Assert.Equal("", Ok("cmd", "-n", node, "--", "lppchk", "-v").Stdout);
            Assert.Contains("\n6100-", Ok("cmd", "-n", node, "--", "oslevel", "-s").Stdout, StringComparison.Ordinal);
        }
        Ok("cmd", "--", "clmgr", "sync", "cluster");

        var bad = Cladmin("sim", "init", "--force", "--hacmp", "6.1");
        Assert.Equal(2, bad.ExitCode);
        Assert.Equal("cladmin: sim init: --hacmp 6.1: the simulator offers HACMP 5.4.1, 5.5\n", bad.Stderr);
        Assert.Contains("5.4.1.0", Ok("cmd", "-n", "node1", "--", "lslpp", "-Lq", "cluster.es.server.rte").Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Installp_refuses_filesets_whose_requisites_are_missing_and_names_them()
    {
        Ok("sim", "init", "--nodes", "2", "--disks", "2");
        Assert.Equal(0, On1("installp", "-u", "cluster").ExitCode);
        // Without -g, the requisites on the media are not taken: cluster.es.server.rte needs the client.
        var r = On1("installp", "-aXd", Media55, "cluster.es.server.rte");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("  Requisite Failures\n  ------------------\n", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("    cluster.es.client.rte 5.5.0.10            # Base Level Fileset\n", r.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, On1("lslpp", "-l", "cluster.es.server.rte").ExitCode);
    }
}
