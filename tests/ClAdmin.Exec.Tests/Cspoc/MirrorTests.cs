using System.Globalization;
using ClAdmin.Contracts;
using ClAdmin.Sim.Faults;
using ClAdmin.Sim.Model;

namespace ClAdmin.Exec.Tests.Cspoc;

/// <summary>cl_chvg, cl_mirrorvg, cl_unmirrorvg, cl_mklvcopy, cl_rmlvcopy, cl_chlv, cl_syncvg and the
/// grow-a-shared-LUN procedure of the seed notes, on the simulator, with a node down or failing midway.</summary>
public sealed class MirrorTests
{
    private const string Nodes = "-cspoc \"-n node1,node2\"";

    /// <summary>datavg (enhanced concurrent, lun01 and lun02, 64 MB partitions, major 60) on both nodes,
    /// varied on on node1, with datalv (10 partitions, on lun01).</summary>
    private static async Task<CspocWorld> WithDataLv()
    {
        var w = new CspocWorld(nodes: 2);
        Assert.Equal(0, (await w.Run($"cl_mkvg {Nodes} -y datavg -s 64 -V 60 -C {w.Lun(1).Pvid} {w.Lun(2).Pvid}")).ExitCode);
        w.Sh("node1", "varyonvg datavg");
        Assert.Equal(0, (await w.Run($"cl_mklv {Nodes} -y'datalv' -t'jfs2' datavg 10")).ExitCode);
        return w;
    }

    private static VolumeGroup Vg(CspocWorld w) => w.World.FindVg(w.Node("node1").FindVgByName("datavg")!.VgId)!;

    private static LogicalVolume Lv(CspocWorld w, string name = "datalv") => Vg(w).FindLv(name)!;

    [Fact]
    public async Task Mirrorvg_mirrors_where_the_vg_is_on_turns_quorum_off_and_the_other_node_learns_it()
    {
        var w = await WithDataLv();

        var r = await w.Run($"cl_mirrorvg {Nodes} datavg");

        Assert.Equal(0, r.ExitCode);
        Assert.Equal("node1: 0516-1804 chvg: The quorum change takes effect immediately.\nnode2: datavg\n", r.Stdout);
        Assert.Equal(2, Lv(w).CopyCount());
        Assert.Equal(["lun02"], Lv(w).Mirrors[0].Keys);
        Assert.False(Vg(w).Quorum);
        Assert.Contains("COPIES:             2                      SCHED POLICY:   parallel\n", w.Sh("node1", "lslv datalv"), StringComparison.Ordinal);
        Assert.Equal(Vg(w).Timestamp, w.Node("node2").FindVgByName("datavg")!.OdmTimestamp);
    }

    [Fact]
    public async Task Mirrorvg_is_undone_when_the_other_node_cannot_learn_it()
    {
        var w = await WithDataLv();
        w.Transport.Refuse = c => c.Node == "node2" && c.Argv[0] == "importvg" ? "0516-024 lqueryvg: Unable to open physical volume." : null;

        var r = await w.Run($"cl_mirrorvg {Nodes} datavg");

        Assert.Equal(1, r.ExitCode);
        Assert.Equal(NodeOutcome.Failed, CspocWorld.On(r, "node2").Outcome);
        Assert.Equal(
            "node2: 0516-024 lqueryvg: Unable to open physical volume.\n"
            + "cl_mirrorvg: node2 could not learn the change to volume group datavg; it was undone on node1 (unmirrorvg datavg).\n",
            r.Stderr);
        Assert.Equal(1, Lv(w).CopyCount());
        Assert.Contains(w.Transport.Seen, c => c.Node == "node1" && c.Argv is ["unmirrorvg", "datavg"]);
    }

    [Fact]
    public async Task Mirrorvg_with_a_node_down_changes_nothing()
    {
        var w = await WithDataLv();
        w.Node("node2").Up = false;

        var r = await w.Run($"cl_mirrorvg {Nodes} datavg");

        Assert.Equal(1, r.ExitCode);
        Assert.Equal(NodeOutcome.Unreachable, CspocWorld.On(r, "node2").Outcome);
        Assert.Equal("node2: cl_mirrorvg: unable to reach node node2; nothing was run there.\ncl_mirrorvg: nothing was changed.\n", r.Stderr);
        Assert.Equal(1, Lv(w).CopyCount());
        Assert.DoesNotContain(w.Transport.Seen, c => c.Argv[0] == "mirrorvg");
    }

    [Fact]
    public async Task A_copy_added_without_sync_is_stale_until_cl_syncvg_runs_syncvg_where_the_vg_is_on()
    {
        var w = await WithDataLv();

        var add = await w.Run($"cl_mklvcopy {Nodes} datalv 2");
        Assert.Equal(0, add.ExitCode);
        Assert.Equal("node2: datavg\n", add.Stdout);
        var lslv = w.Sh("node1", "lslv datalv");
        Assert.Contains("STALE PPs:          10                     BB POLICY:      relocatable\n", lslv, StringComparison.Ordinal);
        Assert.Contains("datalv              jfs2       10      20      2    closed/stale  N/A\n", w.Sh("node1", "lsvg -l datavg"), StringComparison.Ordinal);
        var before = w.Transport.Seen.Count;

        var sync = await w.Run($"cl_syncvg {Nodes} -P 4 -v datavg");

        Assert.Equal(0, sync.ExitCode);
        Assert.Equal("", sync.Stdout + sync.Stderr);
        var ran = w.Transport.Seen.Skip(before).Where(c => c.Argv[0] is "syncvg" or "importvg").ToList();
        Assert.Equal(["syncvg", "-P", "4", "-v", "datavg"], Assert.Single(ran).Argv);
        Assert.Equal("node1", ran[0].Node);
        Assert.Contains("datalv              jfs2       10      20      2    closed/syncd  N/A\n", w.Sh("node1", "lsvg -l datavg"), StringComparison.Ordinal);

        var remove = await w.Run($"cl_rmlvcopy {Nodes} datalv 1");
        Assert.Equal(0, remove.ExitCode);
        Assert.Equal(1, Lv(w).CopyCount());
    }

    [Fact]
    public async Task Syncvg_reports_a_copy_on_a_failed_disk()
    {
        var w = await WithDataLv();
        Assert.Equal(0, (await w.Run($"cl_mklvcopy {Nodes} datalv 2")).ExitCode);
        w.Lun(2).Failed = true;

        var r = await w.Run($"cl_syncvg {Nodes} -l datalv");

        Assert.Equal(1, r.ExitCode);
        Assert.Equal(
            "node1: 0516-1296 lresynclv: Unable to completely resynchronize volume.\nnode1: \tThe logical volume has bad-block relocation policy turned off.\n"
            + "node1: \tThis may have caused the command to fail.\nnode1: 0516-934 /usr/sbin/syncvg: Unable to synchronize logical volume datalv.\n",
            r.Stderr);
    }

    [Fact]
    public async Task Unmirrorvg_removes_the_copies_and_the_other_node_learns_it()
    {
        var w = await WithDataLv();
        Assert.Equal(0, (await w.Run($"cl_mirrorvg {Nodes} -Q datavg")).ExitCode);
        Assert.True(Vg(w).Quorum);

        var r = await w.Run($"cl_unmirrorvg {Nodes} datavg");

        Assert.Equal(0, r.ExitCode);
        Assert.Equal(1, Lv(w).CopyCount());
        Assert.Equal(["lun01"], Lv(w).PpsByDisk.Keys);
    }

    [Fact]
    public async Task Chlv_renames_and_the_other_node_stanza_follows_but_a_failure_midway_puts_the_name_back()
    {
        var w = await WithDataLv();
        w.Sh("node1", "crfs -v jfs2 -d datalv -m /data -A no");
        Assert.Equal(0, (await w.Run($"cl_updatevg {Nodes} datavg")).ExitCode);

        var r = await w.Run($"cl_chlv {Nodes} -n datalv2 datalv");

        Assert.Equal(0, r.ExitCode);
        Assert.NotNull(Vg(w).FindLv("datalv2"));
        Assert.Equal("/dev/datalv2", w.Node("node2").FileSystems.Single(s => s.MountPoint == "/data").Dev);
        Assert.Equal("/data\n", w.Sh("node2", "lsvgfs datavg"));

        w.Transport.Refuse = c => c.Node == "node2" && c.Argv[0] == "importvg" ? "0516-024 lqueryvg: Unable to open physical volume." : null;
        var failed = await w.Run($"cl_chlv {Nodes} -n datalv3 datalv2");

        Assert.Equal(1, failed.ExitCode);
        Assert.EndsWith("cl_chlv: node2 could not learn the change to volume group datavg; it was undone on node1 (chlv -n datalv2 datalv3).\n", failed.Stderr, StringComparison.Ordinal);
        Assert.NotNull(Vg(w).FindLv("datalv2"));
        Assert.Null(Vg(w).FindLv("datalv3"));
    }

    [Fact]
    public async Task Chvg_sets_auto_varyon_on_every_node_and_puts_it_back_when_one_fails()
    {
        var w = await WithDataLv();
        w.Transport.Refuse = c => c.Node == "node2" && c.Argv[0] == "chvg" ? "0516-732 chvg: Unable to change volume group datavg." : null;

        var r = await w.Run($"cl_chvg {Nodes} -a y datavg");

        Assert.Equal(1, r.ExitCode);
        Assert.Equal(
            "node1: cl_chvg: undoing the change on node1: chvg -a n datavg\nnode2: 0516-732 chvg: Unable to change volume group datavg.\n",
            r.Stderr);
        Assert.False(w.Node("node1").FindVgByName("datavg")!.AutoOn);
    }

    [Fact]
    public async Task Chvg_changes_the_vg_where_it_is_on_and_the_other_node_learns_it()
    {
        var w = await WithDataLv();

        var r = await w.Run($"cl_chvg {Nodes} -Q n -s y datavg");

        Assert.Equal(0, r.ExitCode);
        Assert.Contains("LTG size (Dynamic): 256 kilobyte(s)          AUTO SYNC:      yes\n", w.Sh("node1", "lsvg datavg"), StringComparison.Ordinal);
        Assert.Contains(w.Transport.Seen, c => c.Node == "node2" && c.Argv[0] == "importvg" && c.Argv[1] == "-L");
    }

    [Fact]
    public async Task A_grown_lun_counts_after_chvg_g_as_the_seed_notes_do_it()
    {
        var w = await WithDataLv();
        var hdisk1 = w.Hdisk(1, "node1");
        Assert.True(SimStorage.GrowDisk(w.World, "lun01", 20480).Ok);

        // The disk shows its new size at once; the volume group still counts the old one (10240 / 64 - 1).
        Assert.Equal("20480\n", w.Sh("node2", $"lsattr -El {w.Hdisk(1, "node2")} -a size_in_mb -F value"));
        Assert.Contains($"{hdisk1,-18}active            159         ", w.Sh("node1", "lsvg -p datavg"), StringComparison.Ordinal);
        var busy = await w.Run($"cl_nodecmd -cspoc \"-n node1\" chdev -l {hdisk1} -a reserve_policy=no_reserve");
        Assert.Equal(1, busy.ExitCode);
        Assert.Contains("0514-062 Cannot perform the requested function because the", busy.Stderr, StringComparison.Ordinal);

        var r = await w.Run($"cl_chvg {Nodes} -g datavg");

        Assert.Equal(0, r.ExitCode);
        Assert.Contains($"{hdisk1,-18}active            319         ", w.Sh("node1", "lsvg -p datavg"), StringComparison.Ordinal);
        Assert.Equal(Vg(w).Timestamp, w.Node("node2").FindVgByName("datavg")!.OdmTimestamp);
    }

    [Fact]
    public async Task Lvlstmajor_lsvgfs_and_errpt_answer_as_aix_does()
    {
        var w = await WithDataLv();
        Assert.Equal("35..59,61...\n", w.Sh("node2", "lvlstmajor"));
        Assert.Equal("", w.Sh("node1", "lsvgfs datavg"));

        w.Sh("node1", $"mkvg -y sharevg -V 50 {w.Hdisk(3, "node1")}");
        w.Sh("node1", "varyoffvg sharevg");
        w.Sh("node2", $"importvg -y sharevg -V 50 -n {w.Lun(3).Pvid}");
        w.Sh("node1", "varyonvg sharevg");
        Assert.Equal("", w.Sh("node2", "errpt"));
        Assert.Equal(1, (await w.Run("cl_nodecmd -cspoc \"-n node2\" varyonvg sharevg")).ExitCode);

        var stamp = w.World.Clock.ToString("MMddHHmmyy", CultureInfo.InvariantCulture);
        Assert.Equal(
            $"IDENTIFIER TIMESTAMP  T C RESOURCE_NAME  DESCRIPTION\nB0EE9AF5   {stamp} T S {w.Hdisk(3, "node2"),-14} REQUESTED OPERATION CANNOT BE PERFORMED\n",
            w.Sh("node2", "errpt"));
    }
}
