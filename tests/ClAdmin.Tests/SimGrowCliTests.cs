using ClAdmin.Testing;

namespace ClAdmin.Tests;

/// <summary>The seed notes' "Steps for increase the size of a shared lun", as a trainee does them with
/// real cladmin processes on the demo: the storage side grows the LUN (`cladmin sim grow disk`), the
/// node sees the new size (lsattr), `chvg -g` (through C-SPOC) takes it into the volume group, and
/// the other node learns it (importvg -L).</summary>
public sealed class SimGrowCliTests : CladminCliTest
{
    private ProcessResult Ok(params string[] args)
    {
        var r = Cladmin(args);
        Assert.True(r.ExitCode == 0, $"cladmin {string.Join(' ', args)} exited {r.ExitCode}: {r.Stdout}{r.Stderr}");
        return r;
    }

    /// <summary>What one node printed, without cmd's banner (<c>---------------</c>, <c>node1 (1)</c>, <c>---------------</c>).</summary>
    private static string Body(ProcessResult r) =>
        r.Stdout.StartsWith("---------------\n", StringComparison.Ordinal) ? string.Join('\n', r.Stdout.Split('\n').Skip(3)) : r.Stdout;

    /// <summary>The hdisk of datavg on <paramref name="node"/> (lspv).</summary>
    private string DatavgDisk(string node) =>
        Ok("cmd", "-n", node, "--", "lspv").Stdout.Split('\n').First(l => l.Contains(" datavg ", StringComparison.Ordinal)).Split(' ')[0];

    [Fact]
    public void A_grown_lun_is_seen_by_the_nodes_and_counts_in_the_volume_group_after_chvg_g()
    {
        Ok("cmd", "--", "clmgr", "query", "cluster");
        var disk = DatavgDisk("node1");
        Assert.Equal("10240\n", Body(Ok("cmd", "-n", "node1", "--", "lsattr", "-El", disk, "-a", "size_in_mb", "-F", "value")));

        var grown = Ok("sim", "grow", "disk", $"node1:{disk}", "20G");

        Assert.Equal("disk lun01 grown to 20480 MB\n", grown.Stdout);
        Assert.Equal("20480\n", Body(Ok("cmd", "-n", "node2", "--", "lsattr", "-El", DatavgDisk("node2"), "-a", "size_in_mb", "-F", "value")));
        Ok("cmd", "--", "cl_chvg", "-cspoc", "-n node1,node2", "-g", "datavg");
        Ok("cmd", "-n", "node2", "--", "varyonvg", "datavg");
        // 20480 MB in 64 MB partitions, one kept for the descriptor area (10240 MB gave 159).
        Assert.Contains("TOTAL PPs:      319 (20416 megabytes)", Ok("cmd", "-n", "node2", "--", "lsvg", "datavg").Stdout, StringComparison.Ordinal);

        var shrink = Cladmin("sim", "grow", "disk", "lun01", "5G");
        Assert.Equal(2, shrink.ExitCode);
        Assert.Equal("cladmin: sim grow: disk lun01 has 20480 MB; a LUN only grows (give more than that)\n", shrink.Stderr);
        var nonsense = Cladmin("sim", "grow", "disk", "lun01", "big");
        Assert.Equal(2, nonsense.ExitCode);
        Assert.Contains("'big' is not a size", nonsense.Stderr, StringComparison.Ordinal);
    }
}
