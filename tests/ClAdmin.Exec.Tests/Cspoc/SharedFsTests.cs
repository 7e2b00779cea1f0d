using ClAdmin.Sim.Model;

namespace ClAdmin.Exec.Tests.Cspoc;

/// <summary>Issue 17 §2: cl_chfs and cl_rmfs work on shared file systems only, and cl_chfs varies the
/// group on where needed (as cl_mklv and cl_crfs do), leaving it as it found it.</summary>
public sealed class SharedFsTests
{
    private const string Nodes = "-cspoc \"-n node1,node2\"";

    /// <summary>datavg (enhanced concurrent, major 60) with /data on datalv, varied off on both nodes.</summary>
    private static async Task<CspocWorld> WithDataFs()
    {
        var w = new CspocWorld(nodes: 2);
        Assert.Equal(0, (await w.Run($"cl_mkvg {Nodes} -y datavg -s 64 -V 60 -C {w.Lun(1).Pvid}")).ExitCode);
        w.Sh("node1", "varyonvg datavg");
        Assert.Equal(0, (await w.Run($"cl_mklv {Nodes} -y'datalv' -t'jfs2' datavg 10")).ExitCode);
        Assert.Equal(0, (await w.Run($"cl_crfs {Nodes} -v 'jfs2' -d'datalv' -m'/data' -A'no' -p'rw'")).ExitCode);
        w.Sh("node1", "varyoffvg datavg");
        Assert.Equal(VaryState.Off, w.Node("node1").FindVgByName("datavg")!.State);
        Assert.Equal(VaryState.Off, w.Node("node2").FindVgByName("datavg")!.State);
        return w;
    }

    private static LogicalVolume DataLv(CspocWorld w) => w.World.FindVg(w.Node("node1").FindVgByName("datavg")!.VgId)!.FindLv("datalv")!;

    [Fact]
    public async Task Chfs_varies_a_group_varied_off_everywhere_on_for_the_change_and_off_again()
    {
        var w = await WithDataFs();
        var before = DataLv(w).Lps;

        var r = await w.Run($"cl_chfs {Nodes} -a size='+1G' /data");

        Assert.Equal(0, r.ExitCode);
        Assert.StartsWith("node1: Filesystem size changed to ", r.Stdout, StringComparison.Ordinal);
        Assert.True(DataLv(w).Lps > before);
        Assert.Contains(w.Transport.Seen, c => c.Node == "node1" && c.Argv is ["varyonvg", "datavg"]);
        Assert.Equal(VaryState.Off, w.Node("node1").FindVgByName("datavg")!.State);
        Assert.Equal(VaryState.Off, w.Node("node2").FindVgByName("datavg")!.State);
    }

    [Fact]
    public async Task Chfs_runs_where_the_group_is_on_and_leaves_it_on()
    {
        var w = await WithDataFs();
        w.Sh("node2", "varyonvg datavg");

        var r = await w.Run($"cl_chfs {Nodes} -a size='+1G' /data");

        Assert.Equal(0, r.ExitCode);
        Assert.Contains("node2: Filesystem size changed to ", r.Stdout, StringComparison.Ordinal);
        Assert.Equal(VaryState.Active, w.Node("node2").FindVgByName("datavg")!.State);
        Assert.DoesNotContain(w.Transport.Seen, c => c.Argv[0] == "varyoffvg" && c.Argv[^1] == "datavg" && c.Node == "node2");
    }

    [Theory]
    [InlineData("cl_chfs", "-a size='+1G' /home")]
    [InlineData("cl_rmfs", "-r /home")]
    [InlineData("cl_chfs", "-a size='+1G' /usr")]
    public async Task A_file_system_of_rootvg_is_refused_and_nothing_changes(string command, string args)
    {
        var w = await WithDataFs();
        var fs = args.Split(' ')[^1];
        var seen = w.Transport.Seen.Count;

        var r = await w.Run($"{command} {Nodes} {args}");

        Assert.Equal(2, r.ExitCode);
        Assert.Equal($"{command}: {fs} is not a file system of a shared volume group (it is in rootvg); C-SPOC changes only shared file systems.\n", r.Stderr);
        Assert.Contains(w.Node("node1").FileSystems, s => s.MountPoint == fs);
        Assert.DoesNotContain(w.Transport.Seen.Skip(seen), c => c.Argv[0] is "chfs" or "rmfs" or "varyonvg" or "varyoffvg" or "importvg");
    }
}
