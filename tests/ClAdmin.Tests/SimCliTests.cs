using ClAdmin.Testing;

namespace ClAdmin.Tests;

/// <summary>`cladmin sim ...` and commands on simulated nodes through `cladmin cmd`, as processes
/// sharing one database: each run sees what the previous one did.</summary>
public sealed class SimCliTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("cladmin-sim-");

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

    [Fact]
    public void A_cspoc_like_sequence_runs_node_by_node_and_persists_between_runs()
    {
        Ok("sim", "init", "--nodes", "2", "--disks", "2", "--seed", "3");
        var pvid = Ok("cmd", "-n", "node1", "--", "lspv").Stdout.Split('\n').First(l => l.StartsWith("hdisk1 ", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        Ok("cmd", "-n", "node1", "--", "mkvg", "-y", "sharedvg", "-V", "70", "hdisk1");
        Ok("cmd", "-n", "node1", "--", "varyoffvg", "sharedvg");
        Ok("cmd", "-n", "node2", "--", "importvg", "-y", "sharedvg", "-V", "70", pvid);
        Ok("cmd", "-n", "node2", "--", "varyonvg", "sharedvg");
        Ok("cmd", "-n", "node2", "--", "crfs", "-v", "jfs2", "-g", "sharedvg", "-m", "/shared", "-a", "size=1G");
        Ok("cmd", "-n", "node2", "--", "mount", "/shared");
        var mounts = Ok("cmd", "-n", "node2", "--", "mount").Stdout;
        Assert.Contains(" /shared ", mounts, StringComparison.Ordinal);
        // The file system mounts only where the VG is active (powerha-semantics.md §8).
        var refused = Cladmin("cmd", "-n", "node1", "--", "mount", "/shared");
        Assert.Equal(1, refused.ExitCode);

        Ok("sim", "fail", "node", "node2");
        var r = Cladmin("cmd", "-n", "node[1-2]", "--", "lsvg", "-o");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("node1 (1)", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("rootvg", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("node2: unreachable", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("1 ok, 1 unreachable node2", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("FAULTS: node node2", Ok("sim", "status").Stdout, StringComparison.Ordinal);
        Ok("sim", "repair", "node", "node2");
        Assert.Equal(0, Cladmin("cmd", "-n", "node[1-2]", "--", "lsvg", "-o").ExitCode);
    }

    [Fact]
    public void Init_refuses_to_replace_a_world_without_force_and_faults_name_bad_targets()
    {
        Ok("sim", "init");
        var again = Cladmin("sim", "init");
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("add --force", again.Stderr, StringComparison.Ordinal);
        Ok("sim", "init", "--force", "--nodes", "3");
        Assert.Contains("node3", Ok("sim", "status").Stdout, StringComparison.Ordinal);
        var bad = Cladmin("sim", "fail", "node", "node9");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("node9", bad.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, Cladmin("sim", "clock", "advance", "soon").ExitCode);
    }

    [Fact]
    public void The_first_run_creates_the_demo_cluster_and_says_so_once()
    {
        var first = Ok("cmd", "--", "clmgr", "query", "resource_group");
        Assert.Equal("rg1\nrg2\n", first.Stdout);
        Assert.Contains("created the demo cluster 'demo_cluster'", first.Stderr, StringComparison.Ordinal);
        var second = Ok("cmd", "--", "clmgr", "query", "node");
        Assert.Equal("node1\nnode2\n", second.Stdout);
        Assert.Equal("", second.Stderr);
        // The demo's shared VGs are imported on both nodes with the same major number.
        var lsvg = Ok("cmd", "-n", "node[1-2]", "--", "lsvg");
        Assert.Contains("node[1-2] (2)", lsvg.Stdout, StringComparison.Ordinal);
        Assert.Contains("datavg", lsvg.Stdout, StringComparison.Ordinal);
    }

    /// <summary>R-CM (states §5, issue 15): on a synchronized cluster whose services are stopped the
    /// manager is ST_INIT; `sim status` and `lssrc -ls clstrmgrES` say the same before any cluster
    /// command has run, and a world that is no cluster says NOT_CONFIGURED in both.</summary>
    [Fact]
    public void Sim_status_and_lssrc_agree_on_the_manager_state_of_a_fresh_demo()
    {
        Ok("sim", "init", "--demo");
        var status = Ok("sim", "status").Stdout.Split('\n');
        foreach (var node in new[] { "node1", "node2" })
        {
            var row = status.Single(l => l.StartsWith(node + " ", StringComparison.Ordinal));
            Assert.Contains(" ST_INIT ", row, StringComparison.Ordinal);
        }
        Assert.Contains("Current state: ST_INIT\n", Ok("cmd", "-n", "node1", "--", "lssrc", "-ls", "clstrmgrES").Stdout, StringComparison.Ordinal);

        Ok("sim", "init", "--force");
        Assert.Contains(" NOT_CONFIGURED ", Ok("sim", "status").Stdout.Split('\n').Single(l => l.StartsWith("node1 ", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("Current state: NOT_CONFIGURED\n", Ok("cmd", "-n", "node1", "--", "lssrc", "-ls", "clstrmgrES").Stdout, StringComparison.Ordinal);
    }
}
