using ClAdmin.Sim.Model;

namespace ClAdmin.Sim.Tests;

/// <summary>Shared LVM rules of powerha-semantics.md §8, one test each.</summary>
public sealed class LvmRuleTests
{
    private const string ReserveError = "0516-013 varyonvg: The volume group cannot be varied on because\n\tthere are no good copies of the descriptor area.\n";

    [Fact]
    public void A_non_concurrent_vg_is_varied_on_by_one_node_at_a_time()
    {
        var world = TestWorld.Create();
        world.Ok("node1", "mkvg -y sharevg -V 50 hdisk3");
        world.Ok("node1", "varyoffvg sharevg");
        world.Ok("node2", "importvg -y sharevg -V 50 -n hdisk1");
        world.Ok("node1", "varyonvg sharevg");
        var r = world.Run("node2", "varyonvg sharevg");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal(ReserveError, r.Stderr);
        world.Ok("node1", "varyoffvg sharevg");
        world.Ok("node2", "varyonvg sharevg");
    }

    [Fact]
    public void An_enhanced_concurrent_vg_is_active_on_one_node_and_passive_on_the_others()
    {
        var world = TestWorld.WithDataVg();
        world.Ok("node2", $"importvg -y datavg -V 60 -n {world.FindDisk("lun01")!.Pvid}");
        Assert.Equal(ReserveError, world.Run("node2", "varyonvg -c datavg").Stderr);
        world.Ok("node2", "varyonvg -c -P datavg");
        Assert.Contains("datavg          concurrent", world.Ok("node2", "lspv"), StringComparison.Ordinal);
        Assert.Contains("VG PERMISSION:      passive-only", world.Ok("node2", "lsvg datavg"), StringComparison.Ordinal);
        Assert.Contains("Active Nodes:       2 ", world.Ok("node1", "lsvg datavg"), StringComparison.Ordinal);
        Assert.Equal("datavg\nrootvg\n", world.Ok("node2", "lsvg -o"));
        var mount = world.Run("node2", "mount /data");
        Assert.Equal("mount: 0506-324 Cannot mount /dev/fslv00 on /data: There is a request to a device or address that does not exist.\n", mount.Stderr);
        Assert.Equal("0516-010 : Volume group must be varied on; use varyonvg command.\n", world.Run("node2", "mklv -y x datavg 1").Stderr);
    }

    [Fact]
    public void A_passive_node_takes_over_when_the_active_one_releases()
    {
        var world = TestWorld.WithDataVg();
        world.Ok("node2", "importvg -y datavg -V 60 -n hdisk2");
        world.Ok("node2", "varyonvg -c -P datavg");
        world.Ok("node1", "umount /data");
        world.Ok("node1", "varyonvg -c -P datavg");
        world.Ok("node2", "varyonvg -c datavg");
        world.Ok("node2", "mount /data");
        Assert.Contains("/data", world.Ok("node2", "df -k /data"), StringComparison.Ordinal);
    }

    [Fact]
    public void Importvg_keeps_the_major_number_asked_for_and_refuses_one_in_use()
    {
        var world = TestWorld.WithDataVg();
        world.Ok("node2", "mkvg -y localvg -V 60 hdisk1");
        var r = world.Run("node2", "importvg -y datavg -V 60 -n hdisk2");
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("60", r.Stderr, StringComparison.Ordinal);
        world.Ok("node2", "importvg -y datavg -n hdisk2");
        // Without -V the node picks its lowest free major: not node1's 60, the NFS pitfall.
        Assert.NotEqual(60, world.FindNode("node2")!.FindVgByName("datavg")!.Major);
    }

    [Fact]
    public void Importvg_finds_the_vg_by_pvid_whatever_the_hdisk_number()
    {
        var world = TestWorld.WithDataVg();
        var pvid = world.FindDisk("lun02")!.Pvid!;
        Assert.Equal("datavg\n", world.Ok("node2", $"importvg -y datavg -V 60 -n {pvid}"));
        Assert.Equal("hdisk2          00f6f42a9b1e2c33                    datavg                      ", world.Ok("node2", "lspv").Split('\n')[2]);
        Assert.Equal(world.VgId("node1", "datavg"), world.VgId("node2", "datavg"));
        Assert.NotEqual(0, world.Run("node2", "importvg -y othervg 00f6f42affffffff").ExitCode);
    }

    [Fact]
    public void A_vg_must_be_imported_before_a_node_can_vary_it_on()
    {
        var world = TestWorld.WithDataVg();
        var r = world.Run("node2", "varyonvg datavg");
        Assert.Equal(3, r.ExitCode);
        Assert.StartsWith("0516-316 varyonvg:", r.Stderr, StringComparison.Ordinal);
        Assert.Equal("hdisk2          00f6f42a9b1e2c33                    None                        ", world.Ok("node2", "lspv").Split('\n')[2]);
    }

    [Fact]
    public void File_systems_mount_only_where_the_vg_is_active()
    {
        var world = TestWorld.Create();
        world.Ok("node1", "mkvg -y datavg -s 64 hdisk1");
        world.Ok("node1", "crfs -v jfs2 -g datavg -m /data -a size=1G");
        world.Ok("node1", "varyoffvg datavg");
        Assert.Equal(1, world.Run("node1", "mount /data").ExitCode);
        world.Ok("node1", "varyonvg datavg");
        world.Ok("node1", "mount /data");
        Assert.Equal(1, world.Run("node1", "varyoffvg datavg").ExitCode);
    }

    [Fact]
    public void A_file_system_added_elsewhere_is_learned_with_importvg_L()
    {
        var world = TestWorld.Create();
        world.Ok("node1", "mkvg -y datavg -s 64 -n hdisk1");
        world.Ok("node1", "varyoffvg datavg");
        world.Ok("node2", "importvg -y datavg -n hdisk2");
        world.Ok("node1", "varyonvg datavg");
        world.Ok("node1", "crfs -v jfs2 -g datavg -m /late -a size=512M");
        world.Ok("node1", "varyoffvg datavg");
        world.Ok("node2", "varyonvg datavg");
        Assert.Equal("mount: 0506-334 /late is not a known file system.\n", world.Run("node2", "mount /late").Stderr);
        Assert.Equal("datavg\n", world.Ok("node2", "importvg -L datavg hdisk2"));
        world.Ok("node2", "mount /late");
    }

    [Fact]
    public void Exportvg_needs_the_vg_varied_off_and_forgets_its_file_systems()
    {
        var world = TestWorld.WithDataVg();
        world.Ok("node1", "umount /data");
        Assert.Equal(1, world.Run("node1", "exportvg datavg").ExitCode);
        world.Ok("node1", "varyoffvg datavg");
        world.Ok("node1", "exportvg datavg");
        Assert.Equal(1, world.Run("node1", "lsfs /data").ExitCode);
        Assert.Contains("00f6f42a9b1e2c33                    None", world.Ok("node1", "lspv"), StringComparison.Ordinal);
    }

    [Fact]
    public void Lv_commands_grow_and_remove_within_the_free_partitions()
    {
        var world = TestWorld.Create();
        world.Ok("node1", "mkvg -y datavg -s 64 hdisk1");
        Assert.Equal("lv00\n", world.Ok("node1", "mklv datavg 10"));
        world.Ok("node1", "extendlv lv00 5");
        Assert.Contains("LPs:                15", world.Ok("node1", "lslv lv00"), StringComparison.Ordinal);
        Assert.StartsWith("0516-404 allocp:", world.Run("node1", "mklv -y big datavg 500").Stderr, StringComparison.Ordinal);
        world.Ok("node1", "extendvg datavg hdisk3");
        world.Ok("node1", "mklv -y big datavg 200");
        Assert.Contains("rmlv: Logical volume lv00 is removed.", world.Ok("node1", "rmlv lv00", "y\n"), StringComparison.Ordinal);
        Assert.Equal(1, world.Run("node1", "rmlv big", "n\n").ExitCode);
        world.Ok("node1", "crfs -v jfs2 -g datavg -m /grow -a size=256M");
        Assert.Equal("Filesystem size changed to 1048576\n", world.Ok("node1", "chfs -a size=+256M /grow"));
        Assert.Equal("rmlv: Logical volume fslv00 is removed.\n", world.Ok("node1", "rmfs /grow"));
        world.Ok("node1", "chvg -a n datavg");
        Assert.Contains("AUTO ON:        no", world.Ok("node1", "lsvg datavg"), StringComparison.Ordinal);
    }
}
