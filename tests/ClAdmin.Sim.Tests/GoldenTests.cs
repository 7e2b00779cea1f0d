using ClAdmin.Sim.Model;

namespace ClAdmin.Sim.Tests;

/// <summary>Each command's output against a golden file written by hand from the layouts in
/// aix-commands.md (never produced by the simulator). Placeholders stand for identities the
/// world generates (the VGID).</summary>
public sealed class GoldenTests
{
    private static void Same(string expected, string actual) => Assert.Equal(expected, actual);

    [Fact]
    public void Lspv_lists_every_disk_with_padded_columns()
    {
        var world = TestWorld.WithDataVg();
        Same(TestWorld.Golden("lspv.txt"), world.Ok("node1", "lspv"));
    }

    [Fact]
    public void Lspv_of_one_disk_shows_the_two_column_detail()
    {
        var world = TestWorld.WithDataVg();
        Same(TestWorld.Golden("lspv-hdisk1.txt", ("<VGID>", world.VgId("node1", "datavg"))), world.Ok("node1", "lspv hdisk1"));
    }

    [Fact]
    public void Lsvg_of_an_enhanced_concurrent_vg_shows_the_concurrent_lines()
    {
        var world = TestWorld.WithDataVg();
        Same(TestWorld.Golden("lsvg-datavg.txt", ("<VGID>", world.VgId("node1", "datavg"))), world.Ok("node1", "lsvg datavg"));
    }

    [Fact]
    public void Lsvg_l_and_p_list_lvs_and_pvs()
    {
        var world = TestWorld.WithDataVg();
        Same(TestWorld.Golden("lsvg-l-datavg.txt"), world.Ok("node1", "lsvg -l datavg"));
        Same(TestWorld.Golden("lsvg-p-datavg.txt"), world.Ok("node1", "lsvg -p datavg"));
    }

    [Fact]
    public void Lslv_shows_the_lv_detail()
    {
        var world = TestWorld.WithDataVg();
        Same(TestWorld.Golden("lslv-fslv00.txt", ("<VGID>", world.VgId("node1", "datavg"))), world.Ok("node1", "lslv fslv00"));
    }

    [Fact]
    public void Crfs_reports_usable_kilobytes_and_block_size()
    {
        var world = TestWorld.Create();
        world.Ok("node1", "mkvg -y datavg -s 64 hdisk1");
        Same(TestWorld.Golden("crfs-2G.txt"), world.Ok("node1", "crfs -v jfs2 -g datavg -m /data -a size=2G"));
    }

    [Fact]
    public void Mount_df_and_lsfs_show_the_file_system()
    {
        var world = TestWorld.WithDataVg();
        Same(TestWorld.Golden("mount.txt"), world.Ok("node1", "mount"));
        Same(TestWorld.Golden("df-k-data.txt"), world.Ok("node1", "df -k /data"));
        Same(TestWorld.Golden("lsfs-data.txt"), world.Ok("node1", "lsfs /data"));
    }

    [Fact]
    public void Lssrc_g_lists_the_group_members()
    {
        var world = TestWorld.Create();
        world.FindNode("node1")!.Subsystems.Find(s => s.Name == "clstrmgrES")!.Pid = 8585286;
        Same(TestWorld.Golden("lssrc-g-cluster.txt"), world.Ok("node1", "lssrc -g cluster"));
    }

    [Fact]
    public void Netstat_and_ifconfig_show_an_alias_after_the_boot_address()
    {
        var world = TestWorld.Create();
        var node = world.FindNode("node1")!;
        node.Interfaces.RemoveRange(1, 2);
        node.Interfaces[0].Mac = "1a.d8.5f.87.26.15";
        node.Interfaces[0].Ipkts = 81979866;
        node.Interfaces[0].Opkts = 34796223;
        world.Ok("node1", "ifconfig en0 alias 203.0.113.21 netmask 255.255.255.128");
        Same(TestWorld.Golden("netstat-in.txt"), world.Ok("node1", "netstat -in"));
        Same(TestWorld.Golden("ifconfig-en0.txt"), world.Ok("node1", "ifconfig en0"));
    }

    [Fact]
    public void Lsuser_and_lsgroup_stanza_forms()
    {
        var world = TestWorld.Create();
        world.Ok("node1", "mkgroup id=501 dba");
        world.Ok("node1", "mkuser id=205 groups=staff,dba jdoe");
        Same(TestWorld.Golden("lsuser-f-jdoe.txt"), world.Ok("node1", "lsuser -f -a id pgrp groups home shell jdoe"));
        Same(TestWorld.Golden("lsgroup-f-dba.txt"), world.Ok("node1", "lsgroup -f dba"));
        Assert.Equal("jdoe id=205 home=/home/jdoe\n", world.Ok("node1", "lsuser -a id home jdoe"));
        Assert.Equal("#name:id:pgrp\njdoe:205:staff\n", world.Ok("node1", "lsuser -c -a id pgrp jdoe"));
    }

    [Fact]
    public void Lslpp_lsdev_and_lsattr()
    {
        var world = TestWorld.Create();
        Same(TestWorld.Golden("lslpp-l-server.txt"), world.Ok("node1", "lslpp -l cluster.es.server.rte"));
        Same(TestWorld.Golden("lsdev-Cc-disk.txt"), world.Ok("node1", "lsdev -Cc disk"));
        Same(TestWorld.Golden("lsattr-El-hdisk1.txt"), world.Ok("node1", "lsattr -El hdisk1"));
    }

    [Fact]
    public void Lvm_errors_carry_message_numbers_tabs_and_exit_codes()
    {
        var world = TestWorld.WithDataVg();
        var r = world.Run("node1", "varyonvg testvg");
        Assert.Equal(3, r.ExitCode);
        Same(TestWorld.Golden("varyonvg-unknown.txt"), r.Stderr);
        r = world.Run("node1", "reducevg datavg hdisk3");
        Assert.Equal(2, r.ExitCode);
        Same(TestWorld.Golden("reducevg-not-member.txt"), r.Stderr);
        r = world.Run("node1", "varyoffvg datavg");
        Assert.NotEqual(0, r.ExitCode);
        Same(TestWorld.Golden("varyoffvg-open.txt"), r.Stderr);
        Assert.Equal("", r.Stdout);
    }

    [Theory]
    [InlineData("foo", "ksh: foo:  not found.\n", 127)]
    [InlineData("lssrc -s foo", "0513-085 The foo Subsystem is not on file.\n", 1)]
    [InlineData("lssrc -g foo", "0513-086 The foo Group is not on file.\n", 1)]
    [InlineData("umount /nothing", "umount: 0506-347 Cannot find anything to unmount.\n", 1)]
    [InlineData("mount /nothing", "mount: 0506-334 /nothing is not a known file system.\n", 1)]
    [InlineData("lsuser nobody", "3004-687 User \"nobody\" does not exist.\n", 2)]
    [InlineData("chuser groups=unixuser guest", "3004-686 Group \"unixuser\" does not exist.\n", 2)]
    [InlineData("mkuser guest", "3004-689 User \"guest\" exists.\n", 17)]
    [InlineData("varyonvg -c rootvg", "0516-949 varyonvg: This volume group not created concurrent capable.\n", 1)]
    [InlineData("lsvg foovg", "0516-306 : Unable to find volume group foovg in the Device\n\tConfiguration Database.\n", 1)]
    [InlineData("lslv lvX", "0516-306 : Unable to find  lvX in the Device\n\tConfiguration Database.\n", 1)]
    [InlineData("mkvg -y datavg hdisk9", "0516-306 mkvg: Unable to find physical volume hdisk9 in the Device\n\tConfiguration Database.\n0516-862 mkvg: Unable to create volume group.\n", 1)]
    [InlineData("getlvodm -d foovg", "0516-306 getlvodm: Unable to find volume group foovg in the Device\n\tConfiguration Database.\n", 1)]
    [InlineData("extendvg foovg hdisk3", "0516-306 extendvg: Unable to find volume group foovg in the Device\n\tConfiguration Database.\n", 1)]
    public void Error_messages_match_the_reference(string line, string stderr, int exitCode)
    {
        var world = TestWorld.Create();
        var r = world.Run("node1", line);
        Assert.Equal(stderr, r.Stderr);
        Assert.Equal(exitCode, r.ExitCode);
    }

    [Fact]
    public void Getlvodm_d_prints_the_major_number_of_a_group_even_varied_off()
    {
        var world = TestWorld.Create();
        Assert.Equal(0, world.Run("node1", "mkvg -y majvg -V 77 hdisk3").ExitCode);
        Assert.Equal(0, world.Run("node1", "varyoffvg majvg").ExitCode);
        var r = world.Run("node1", "getlvodm -d majvg");
        Assert.Equal(("77\n", 0), (r.Stdout, r.ExitCode));
        Assert.Equal("10\n", world.Run("node1", "getlvodm -d rootvg").Stdout);
    }

    [Theory]
    [InlineData("mkuser ALL", "3004-694 Error adding \"ALL\" : Name is invalid.\n")]
    [InlineData("mkuser default", "3004-694 Error adding \"default\" : Name is invalid.\n")]
    [InlineData("mkuser -- -g", "3004-694 Error adding \"-g\" : Name is invalid.\n")]
    [InlineData("mkuser gecos=-- --", "3004-694 Error adding \"--\" : Name is invalid.\n")]
    [InlineData("mkuser +plus", "3004-694 Error adding \"+plus\" : Name is invalid.\n")]
    [InlineData("mkuser '@at'", "3004-694 Error adding \"@at\" : Name is invalid.\n")]
    [InlineData("mkuser '~t'", "3004-694 Error adding \"~t\" : Name is invalid.\n")]
    [InlineData("mkuser 'a:b'", "3004-694 Error adding \"a:b\" : Name is invalid.\n")]
    [InlineData("mkuser 'a b'", "3004-694 Error adding \"a b\" : Name is invalid.\n")]
    [InlineData("mkuser 'a\u001bb'", "3004-694 Error adding \"a?b\" : Name is invalid.\n")]
    [InlineData("mkuser abcdefghi", "3004-694 Error adding \"abcdefghi\" : Name is too long.\n")]
    [InlineData("mkuser id=0 dupid1", "3004-694 Error adding \"dupid1\" : ID is already in use.\n")]
    [InlineData("mkgroup ALL", "3004-694 Error adding \"ALL\" : Name is invalid.\n")]
    [InlineData("mkgroup 'g,h'", "3004-694 Error adding \"g,h\" : Name is invalid.\n")]
    [InlineData("mkgroup abcdefghi", "3004-694 Error adding \"abcdefghi\" : Name is too long.\n")]
    [InlineData("mkgroup id=0 dupg", "3004-694 Error adding \"dupg\" : ID is already in use.\n")]
    public void Mkuser_and_mkgroup_refuse_names_and_ids_as_aix_does(string line, string stderr)
    {
        var world = TestWorld.Create();
        var users = world.FindNode("node1")!.Users.Count;
        var groups = world.FindNode("node1")!.Groups.Count;

        var r = world.Run("node1", line);

        Assert.Equal(stderr, r.Stderr);
        Assert.NotEqual(0, r.ExitCode);
        Assert.Equal(users, world.FindNode("node1")!.Users.Count);
        Assert.Equal(groups, world.FindNode("node1")!.Groups.Count);
    }

    [Fact]
    public void Src_start_and_stop_messages()
    {
        var world = TestWorld.Create();
        var node = world.FindNode("node1")!;
        var r = world.Run("node1", "startsrc -s clinfoES");
        var pid = node.Subsystems.Find(s => s.Name == "clinfoES")!.Pid;
        Assert.Equal($"0513-059 The clinfoES Subsystem has been started. Subsystem PID is {pid}.\n", r.Stdout);
        Assert.Equal("0513-044 The clinfoES Subsystem was requested to stop.\n", world.Ok("node1", "stopsrc -s clinfoES"));
        Assert.Equal("Current state: NOT_CONFIGURED", world.Ok("node1", "lssrc -ls clstrmgrES").Split('\n')[0]); // no SRC header: the state is the first line (outputs §5.1)
    }

    [Fact]
    public void Small_commands_answer_as_aix_does()
    {
        var world = TestWorld.Create();
        Assert.Equal("node1\n", world.Ok("node1", "hostname"));
        Assert.Equal("6100-09-12-1846\n", world.Ok("node1", "oslevel -s"));
        Assert.Equal("AIX\n", world.Ok("node1", "uname"));
        Assert.Equal("AIX node1 1 6 00F6F42A4C00\n", world.Ok("node1", "uname -a"));
        Assert.Equal("Tue Mar 12 09:00:00 CDT 2024\n", world.Ok("node1", "date"));
        Assert.Equal("", world.Ok("node1", "cfgmgr"));
        Assert.Equal(1, world.Run("node1", "false").ExitCode);
        Assert.Contains("node1_boot1", world.Ok("node1", "cat /etc/hosts"), StringComparison.Ordinal);
        Assert.Equal("uid=0(root) gid=0(system) groups=2(bin),3(sys),7(security),8(cron),10(audit)\n", world.Ok("node1", "id root"));
    }
}
