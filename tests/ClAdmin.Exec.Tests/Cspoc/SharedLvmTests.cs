using ClAdmin.Contracts;
using ClAdmin.Sim.Model;

namespace ClAdmin.Exec.Tests.Cspoc;

public sealed class SharedLvmTests
{
    private static NodeVolumeGroup Vg(CspocWorld w, string node, string name = "datavg") => w.Node(node).FindVgByName(name)!;

    [Fact]
    public async Task Mkvg_creates_on_the_first_node_and_imports_by_pvid_with_the_same_major_everywhere()
    {
        var w = new CspocWorld(nodes: 3);
        // A disk whose hdisk name differs between node1 and node2: the point of importing by PVID.
        var k = Enumerable.Range(1, 4).First(i => w.Hdisk(i, "node1") != w.Hdisk(i, "node2"));
        var pvid = w.Lun(k).Pvid!;

        var r = await w.Run($"cl_mkvg -cspoc \"-n node1,node2,node3\" -y'datavg' -s'64' -V'60' '-C' {pvid}");

        Assert.Equal(0, r.ExitCode);
        Assert.Equal("node1: datavg\nnode2: datavg\nnode3: datavg\n", r.Stdout);
        var vgid = Vg(w, "node1").VgId;
        foreach (var node in new[] { "node1", "node2", "node3" })
        {
            var vg = Vg(w, node);
            Assert.Equal(vgid, vg.VgId);
            Assert.Equal(60, vg.Major);
            Assert.False(vg.AutoOn);
            Assert.Equal(VaryState.Off, vg.State);
        }
        Assert.True(w.World.FindVg(vgid)!.EnhancedConcurrent);
        var import2 = w.Transport.Seen.Single(c => c.Node == "node2" && c.Argv[0] == "importvg");
        Assert.Equal(["importvg", "-n", "-V", "60", "-y", "datavg", w.Hdisk(k, "node2")], import2.Argv);
    }

    [Fact]
    public async Task Mkvg_accepts_hdisk_names_as_the_first_node_sees_them_and_a_non_concurrent_vg_ends_varied_off()
    {
        var w = new CspocWorld(nodes: 2);
        var r = await w.Run($"cl_mkvg -cspoc \"-n node1,node2\" -y datavg -V 61 {w.Hdisk(2, "node1")} {w.Hdisk(3, "node1")}");

        Assert.Equal(0, r.ExitCode);
        Assert.Equal(VaryState.Off, Vg(w, "node1").State);
        Assert.Equal(VaryState.Off, Vg(w, "node2").State);
        Assert.False(Vg(w, "node2").AutoOn);
        Assert.Equal(2, w.World.FindVg(Vg(w, "node1").VgId)!.Disks.Count);
        Assert.Equal(61, Vg(w, "node2").Major);
    }

    [Fact]
    public async Task A_failure_on_node2_rolls_node1_back()
    {
        var w = new CspocWorld(nodes: 2);
        w.Sh("node2", $"mkvg -y othervg -V 60 {w.Hdisk(4, "node2")}"); // major 60 is taken on node2 only

        var r = await w.Run($"cl_mkvg -cspoc \"-n node1,node2\" -y datavg -V 60 -C {w.Lun(1).Pvid}");

        Assert.Equal(1, r.ExitCode);
        Assert.Equal(NodeOutcome.Failed, CspocWorld.On(r, "node2").Outcome);
        Assert.Equal(
            "node1: cl_mkvg: undoing the change on node1: exportvg datavg\n"
            + "node2: 0516-1215 importvg: The major number 60 is already in use.\n"
            + "cl_mkvg: volume group datavg could not be imported on every node; it was removed from the nodes where it had been defined.\n",
            r.Stderr);
        Assert.Null(w.Node("node1").FindVgByName("datavg"));
        Assert.Null(w.Node("node2").FindVgByName("datavg"));
        Assert.Contains(w.Transport.Seen, c => c.Node == "node1" && c.Argv is ["exportvg", "datavg"]);
    }

    [Fact]
    public async Task Mkvg_refuses_a_disk_in_use_or_missing_on_some_node_before_changing_anything()
    {
        var w = new CspocWorld(nodes: 2);
        w.Sh("node2", $"mkvg -y othervg {w.Hdisk(1, "node2")}");

        var r = await w.Run($"cl_mkvg -cspoc \"-n node1,node2\" -y datavg -V 60 {w.Lun(1).Pvid} 00ffffffffffffff");

        Assert.NotEqual(0, r.ExitCode);
        Assert.Equal(
            $"node1: 0516-306 cl_mkvg: Unable to find physical volume 00ffffffffffffff in the Device\nnode1: \tConfiguration Database.\n"
            + $"node2: cl_mkvg: physical volume {w.Hdisk(1, "node2")} (PVID {w.Lun(1).Pvid}) on node node2 already belongs to volume group othervg.\n"
            + "cl_mkvg: volume group datavg was not created; nothing was changed.\n",
            r.Stderr);
        Assert.DoesNotContain(w.Transport.Seen, c => c.Argv[0] is "mkvg" or "importvg");
        Assert.Null(w.Node("node1").FindVgByName("datavg"));
    }

    [Fact]
    public async Task Importvg_imports_on_the_nodes_lacking_it_by_pvid()
    {
        var w = new CspocWorld(nodes: 3);
        Assert.Equal(0, (await w.Run($"cl_mkvg -cspoc \"-n node1,node2\" -y datavg -V 60 -C {w.Lun(1).Pvid}")).ExitCode);

        var r = await w.Run($"cl_importvg -cspoc \"-n node1,node2,node3\" -y'datavg' -R'node1' -V'60' {w.Hdisk(1, "node1")}");

        Assert.Equal(0, r.ExitCode);
        Assert.Equal("node1: cl_importvg: volume group datavg is already defined on node1.\nnode2: cl_importvg: volume group datavg is already defined on node2.\nnode3: datavg\n", r.Stdout);
        Assert.Equal(60, Vg(w, "node3").Major);
        Assert.Equal(Vg(w, "node1").VgId, Vg(w, "node3").VgId);
        Assert.Equal(VaryState.Off, Vg(w, "node3").State);
    }

    [Fact]
    public async Task Lv_and_file_system_changes_run_where_the_vg_is_on_and_the_others_learn_them()
    {
        var w = new CspocWorld(nodes: 2);
        Assert.Equal(0, (await w.Run($"cl_mkvg -cspoc \"-n node1,node2\" -y datavg -s 64 -V 60 -C {w.Lun(1).Pvid}")).ExitCode);
        w.Sh("node1", "varyonvg datavg"); // the resource group is online on node1

        var mklv = await w.Run("cl_mklv -cspoc \"-n node1,node2\" -y'datalv' -t'jfs2' datavg 10");
        Assert.Equal(0, mklv.ExitCode);
        Assert.Equal("node1: datalv\nnode2: datavg\n", mklv.Stdout);
        var vg = w.World.FindVg(Vg(w, "node1").VgId)!;
        Assert.NotNull(vg.FindLv("datalv"));
        Assert.Equal(vg.Timestamp, Vg(w, "node2").OdmTimestamp);
        Assert.Equal(VaryState.Active, Vg(w, "node1").State);
        Assert.Equal(VaryState.Off, Vg(w, "node2").State);

        var crfs = await w.Run("cl_crfs -cspoc \"-n node1,node2\" -v 'jfs2' -d'datalv' -m'/data' -A'no' -p'rw' -a agblksize='4096'");
        Assert.Equal(0, crfs.ExitCode);
        Assert.StartsWith("node1: File system created successfully.\n", crfs.Stdout, StringComparison.Ordinal);
        Assert.Contains(w.Node("node1").FileSystems, s => s.MountPoint == "/data" && s.Dev == "/dev/datalv");
        Assert.Contains(w.Node("node2").FileSystems, s => s.MountPoint == "/data" && s.Dev == "/dev/datalv");

        var chfs = await w.Run("cl_chfs -cspoc \"-n node1,node2\" -a size='+1G' /data");
        Assert.Equal(0, chfs.ExitCode);
        Assert.StartsWith("node1: Filesystem size changed to ", chfs.Stdout, StringComparison.Ordinal);
        Assert.Equal(vg.Timestamp, Vg(w, "node2").OdmTimestamp);

        var rmfs = await w.Run("cl_rmfs -cspoc \"-n node1,node2\" '-r' /data");
        Assert.Equal(0, rmfs.ExitCode);
        Assert.StartsWith("node1: rmlv: Logical volume datalv is removed.\n", rmfs.Stdout, StringComparison.Ordinal);
        Assert.Null(vg.FindLv("datalv"));
        Assert.DoesNotContain(w.Node("node1").FileSystems, s => s.MountPoint == "/data");
        Assert.DoesNotContain(w.Node("node2").FileSystems, s => s.MountPoint == "/data");
    }

    [Fact]
    public async Task Changes_to_a_vg_varied_off_everywhere_vary_it_on_for_the_change_and_off_again()
    {
        var w = new CspocWorld(nodes: 2);
        Assert.Equal(0, (await w.Run($"cl_mkvg -cspoc \"-n node1,node2\" -y datavg -V 60 -C {w.Lun(1).Pvid}")).ExitCode);

        var r = await w.Run($"cl_extendvg -cspoc \"-n node1,node2\" -R'node1' datavg {w.Hdisk(2, "node1")}");

        Assert.Equal(0, r.ExitCode);
        var vg = w.World.FindVg(Vg(w, "node1").VgId)!;
        Assert.Equal(["lun01", "lun02"], vg.Disks);
        Assert.Equal(VaryState.Off, Vg(w, "node1").State);
        Assert.Equal(vg.Timestamp, Vg(w, "node2").OdmTimestamp);
        Assert.Contains(w.Transport.Seen, c => c.Node == "node2" && c.Argv[0] == "importvg" && c.Argv[1] == "-L");

        // With the VG on at node1, disks named as node2 sees them are translated by PVID.
        w.Sh("node1", "varyonvg datavg");
        var reduce = await w.Run($"cl_reducevg -cspoc \"-n node1,node2\" -R node2 datavg {w.Hdisk(2, "node2")}");
        Assert.Equal(0, reduce.ExitCode);
        Assert.Equal(["lun01"], vg.Disks);
        Assert.Contains(w.Transport.Seen, c => c.Node == "node1" && c.Argv is ["reducevg", "datavg", var d] && d == w.Hdisk(2, "node1"));
    }

    [Fact]
    public async Task A_vg_missing_on_a_target_node_is_refused()
    {
        var w = new CspocWorld(nodes: 3);
        Assert.Equal(0, (await w.Run($"cl_mkvg -cspoc \"-n node1,node2\" -y datavg -V 60 -C {w.Lun(1).Pvid}")).ExitCode);

        var r = await w.Run("cl_mklv -cspoc \"-n node1,node2,node3\" -y datalv datavg 5");

        Assert.Equal(1, r.ExitCode);
        Assert.Equal("node3: cl_mklv: volume group datavg is not defined on node node3.\ncl_mklv: nothing was changed.\n", r.Stderr);
        Assert.Empty(w.World.FindVg(Vg(w, "node1").VgId)!.LogicalVolumes);
    }

    [Fact]
    public async Task Updatevg_refreshes_the_nodes_where_the_vg_is_not_active()
    {
        var w = new CspocWorld(nodes: 2);
        Assert.Equal(0, (await w.Run($"cl_mkvg -cspoc \"-n node1,node2\" -y datavg -V 60 -C {w.Lun(1).Pvid}")).ExitCode);
        w.Sh("node1", "varyonvg datavg");
        w.Sh("node1", "mklv -y applv datavg 4"); // changed behind C-SPOC's back

        var r = await w.Run("cl_updatevg -cspoc \"-n node1,node2\" datavg");

        Assert.Equal(0, r.ExitCode);
        Assert.Equal("node2: datavg\n", r.Stdout);
        Assert.Equal(w.World.FindVg(Vg(w, "node1").VgId)!.Timestamp, Vg(w, "node2").OdmTimestamp);
        Assert.DoesNotContain(w.Transport.Seen, c => c.Node == "node1" && c.Argv is ["importvg", "-L", ..]);
    }

    [Fact]
    public async Task Lsvg_and_nodecmd_prefix_each_line_with_its_node()
    {
        var w = new CspocWorld(nodes: 2);
        var lsvg = await w.Run("cl_lsvg -cspoc \"-n node1,node2\"");
        Assert.Equal("node1: rootvg\nnode2: rootvg\n", lsvg.Stdout);

        w.Node("node2").Up = false;
        var cmd = await w.Run("cl_nodecmd -cspoc \"-n node1,node2\" lsvg -o");
        Assert.Equal(1, cmd.ExitCode);
        Assert.Equal("node1: rootvg\n", cmd.Stdout);
        Assert.Equal("node2: cl_nodecmd: unable to reach node node2; nothing was run there.\n", cmd.Stderr);
        Assert.Equal([NodeOutcome.Ok, NodeOutcome.Unreachable], cmd.Nodes.Select(n => n.Outcome));
    }
}
