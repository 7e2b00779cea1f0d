using ClAdmin.Contracts;

namespace ClAdmin.Exec.Tests.Cspoc;

/// <summary>cl_mkdisk, cl_rmdisk, cl_diskreplace and cl_ssa_fence on the simulator, as the HACMP
/// Physical Volume Management dialogs run them, with a node down or failing midway.</summary>
public sealed class DiskTests
{
    private const string Nodes = "-cspoc \"-n node1,node2\"";

    [Fact]
    public async Task Rmdisk_removes_the_disk_on_every_node_by_its_own_hdisk_name()
    {
        var w = new CspocWorld();
        var (h1, h2) = (w.Hdisk(3, "node1"), w.Hdisk(3, "node2"));

        var r = await w.Run($"cl_rmdisk {Nodes} -d {h1}");

        Assert.Equal(0, r.ExitCode);
        Assert.Equal($"node1: {h1} deleted\nnode2: {h2} deleted\n", r.Stdout);
        Assert.DoesNotContain(h1 + " ", w.Sh("node1", "lspv"), StringComparison.Ordinal);
        Assert.DoesNotContain(h2 + " ", w.Sh("node2", "lspv"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rmdisk_failing_on_one_node_configures_the_disk_again_where_it_was_removed()
    {
        var w = new CspocWorld();
        var h1 = w.Hdisk(3, "node1");
        w.Transport.Refuse = c => c.Node == "node2" && c.Argv[0] == "rmdev" ? "Method error (/usr/lib/methods/ucfgdevice):\n\t0514-062 Cannot perform the requested function because the\n\t\tspecified device is busy." : null;

        var r = await w.Run($"cl_rmdisk {Nodes} {h1}");

        Assert.Equal(1, r.ExitCode);
        Assert.StartsWith($"node1: cl_rmdisk: undoing the change on node1: mkdev -l {h1}\nnode2: Method error", r.Stderr, StringComparison.Ordinal);
        Assert.Equal($"{h1} Available 02-08-02 MPIO FC 2145\n", w.Sh("node1", $"lsdev -Cc disk -l {h1}"));
    }

    [Fact]
    public async Task Rmdisk_with_a_node_down_changes_nothing()
    {
        var w = new CspocWorld();
        w.Node("node2").Up = false;

        var r = await w.Run($"cl_rmdisk {Nodes} -d {w.Hdisk(3, "node1")}");

        Assert.Equal(1, r.ExitCode);
        Assert.Equal(NodeOutcome.Unreachable, CspocWorld.On(r, "node2").Outcome);
        Assert.EndsWith("cl_rmdisk: nothing was changed.\n", r.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(w.Transport.Seen, c => c.Argv[0] == "rmdev");
    }

    [Fact]
    public async Task Rmdisk_refuses_a_disk_of_a_volume_group()
    {
        var w = new CspocWorld();
        w.Sh("node1", $"mkvg -y datavg -V 60 {w.Hdisk(1, "node1")}");

        var r = await w.Run($"cl_rmdisk {Nodes} -d {w.Hdisk(1, "node1")}");

        Assert.Equal(1, r.ExitCode);
        Assert.Contains($"node1: cl_rmdisk: {w.Hdisk(1, "node1")} belongs to volume group datavg on node1; remove it from the volume group first.\n", r.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(w.Transport.Seen, c => c.Argv[0] == "rmdev");
    }

    [Fact]
    public async Task Mkdisk_configures_the_new_disk_on_every_node_and_gives_it_one_pvid()
    {
        var w = new CspocWorld();
        var (h1, h2) = (w.Hdisk(4, "node1"), w.Hdisk(4, "node2"));
        w.Sh("node1", $"chdev -l {h1} -a pv=clear");
        w.Sh("node1", $"rmdev -d -l {h1}");
        w.Sh("node2", $"rmdev -d -l {h2}");

        var r = await w.Run($"cl_mkdisk {Nodes} -a pv='yes'");

        Assert.Equal(0, r.ExitCode);
        Assert.Equal($"node1: {h1} Available\nnode1: {h1} changed\nnode2: {h2} Available\nnode2: {h2} changed\n", r.Stdout);
        var pvid = w.Lun(4).Pvid;
        Assert.NotNull(pvid);
        Assert.Contains($"{h2,-16}{pvid,-36}None", w.Sh("node2", "lspv"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mkdisk_failing_midway_removes_the_disks_it_configured()
    {
        var w = new CspocWorld();
        var (h1, h2) = (w.Hdisk(4, "node1"), w.Hdisk(4, "node2"));
        w.Sh("node1", $"rmdev -d -l {h1}");
        w.Sh("node2", $"rmdev -d -l {h2}");
        w.Transport.Refuse = c => c.Node == "node2" && c.Argv[0] == "chdev" ? "Method error (/usr/lib/methods/chgdisk):\n\t0514-047 Cannot access a device." : null;

        var r = await w.Run($"cl_mkdisk {Nodes} -a pv='yes'");

        Assert.Equal(1, r.ExitCode);
        Assert.Contains($"node1: cl_mkdisk: undoing the change on node1: rmdev -d -l {h1}\n", r.Stderr, StringComparison.Ordinal);
        Assert.Contains($"node2: cl_mkdisk: undoing the change on node2: rmdev -d -l {h2}\n", r.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(h1 + " ", w.Sh("node1", "lspv"), StringComparison.Ordinal);
        Assert.DoesNotContain(h2 + " ", w.Sh("node2", "lspv"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diskreplace_moves_the_volume_group_to_the_new_disk_and_the_other_node_learns_it()
    {
        var w = new CspocWorld();
        Assert.Equal(0, (await w.Run($"cl_mkvg {Nodes} -y datavg -s 64 -V 60 -C {w.Lun(1).Pvid}")).ExitCode);
        w.Sh("node1", "varyonvg datavg");
        Assert.Equal(0, (await w.Run($"cl_mklv {Nodes} -y'datalv' -t'jfs2' datavg 10")).ExitCode);

        var r = await w.Run($"cl_diskreplace {Nodes} {w.Hdisk(1, "node1")} {w.Hdisk(2, "node1")}");

        Assert.Equal(0, r.ExitCode);
        Assert.Equal("node2: datavg\n", r.Stdout);
        Assert.Equal(["lun02"], w.World.FindVg(w.Node("node1").FindVgByName("datavg")!.VgId)!.Disks);
        Assert.Contains($"{w.Hdisk(2, "node2"),-16}{w.Lun(2).Pvid,-36}datavg", w.Sh("node2", "lspv"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diskreplace_is_undone_when_the_other_node_cannot_learn_it()
    {
        var w = new CspocWorld();
        Assert.Equal(0, (await w.Run($"cl_mkvg {Nodes} -y datavg -s 64 -V 60 -C {w.Lun(1).Pvid}")).ExitCode);
        w.Sh("node1", "varyonvg datavg");
        w.Transport.Refuse = c => c.Node == "node2" && c.Argv[0] == "importvg" ? "0516-024 lqueryvg: Unable to open physical volume." : null;
        var (h1, h2) = (w.Hdisk(1, "node1"), w.Hdisk(2, "node1"));

        var r = await w.Run($"cl_diskreplace {Nodes} {h1} {h2}");

        Assert.Equal(1, r.ExitCode);
        Assert.EndsWith($"cl_diskreplace: node2 could not learn the change to volume group datavg; it was undone on node1 (replacepv {h2} {h1}).\n", r.Stderr, StringComparison.Ordinal);
        Assert.Equal(["lun01"], w.World.FindVg(w.Node("node1").FindVgByName("datavg")!.VgId)!.Disks);
    }

    [Fact]
    public async Task Ssa_fence_says_the_simulated_disks_have_no_fence_register()
    {
        var w = new CspocWorld();
        var h1 = w.Hdisk(2, "node1");

        var r = await w.Run($"cl_ssa_fence -c {h1}");

        Assert.Equal(1, r.ExitCode);
        Assert.Equal(
            $"node1: cl_ssa_fence: {h1} is not an SSA disk (MPIO FC 2145): it has no fence register to clear.\n"
            + $"node2: cl_ssa_fence: {w.Hdisk(2, "node2")} is not an SSA disk (MPIO FC 2145): it has no fence register to clear.\n",
            r.Stderr);
        Assert.Equal(2, (await w.Run("cl_ssa_fence")).ExitCode);
    }
}
