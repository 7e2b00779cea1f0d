using ClAdmin.Testing;

namespace ClAdmin.Tests;

/// <summary>Snapshots in HACMP's layout (semantics §11): NAME.odm and NAME.info in
/// /usr/es/sbin/cluster/snapshots ($SNAPSHOTPATH when set) of the node cladmin runs from, here the
/// simulated node1 of a bare world with a cluster; through clsnapshot, clmgr and the dialogs.</summary>
public sealed class SnapshotCliTests : CladminCliTest
{
    private const string Dir = "/usr/es/sbin/cluster/snapshots";

    public SnapshotCliTests()
    {
        Assert.Equal(0, Cladmin("sim", "init", "--nodes", "2", "--disks", "4").ExitCode);
        Assert.Equal(0, Cladmin("cmd", "--", "clmgr", "add", "cluster", "NODES=node1,node2", "c1").ExitCode);
    }

    private ProcessResult CladminWith(string? snapshotPath, params string[] args) =>
        Cladmin(snapshotPath is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["SNAPSHOTPATH"] = snapshotPath }, args);

    [Fact]
    public void Create_writes_the_odm_and_info_files_in_the_snapshot_directory_of_the_local_node()
    {
        var r = Cladmin("cmd", "--", "clsnapshot", "-c", "-n", "snap1", "-d", "before change");

        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Equal($"clsnapshot: Creating file {Dir}/snap1.odm.\nclsnapshot: Creating file {Dir}/snap1.info.\nclsnapshot: Succeeded creating Cluster Snapshot: snap1\n", r.Stdout);
        Assert.EndsWith("---------------\nsnap1.info\nsnap1.odm\n", Cladmin("cmd", "-n", "node1", "--", "ls", Dir).Stdout, StringComparison.Ordinal);
        // -L prints each line as "node1: line"; the file is what follows the prefixes.
        var odm = Cladmin("cmd", "-n", "node1", "-L", "--", "cat", $"{Dir}/snap1.odm").Stdout.Replace("node1: ", "", StringComparison.Ordinal);
        Assert.StartsWith("<VER\n1.0\n</VER\n\n<DSC\nbefore change\n</DSC\n\n<ODM\n", odm, StringComparison.Ordinal);
        Assert.Contains("HACMPcluster:", odm, StringComparison.Ordinal);
        Assert.Contains("\tname = \"c1\"", odm, StringComparison.Ordinal);
        Assert.EndsWith("</ODM\n", odm, StringComparison.Ordinal);
        Assert.NotEqual(0, Cladmin("cmd", "-n", "node2", "--", "ls", $"{Dir}/snap1.odm").ExitCode);
        Assert.False(Directory.Exists(P("snapshots")));
    }

    [Fact]
    public void Snapshotpath_moves_the_directory()
    {
        Assert.Equal(0, CladminWith("/var/hacmp/mysnaps", "cmd", "--", "clmgr", "add", "snapshot", "s2", "DESCRIPTION=moved").ExitCode);

        Assert.EndsWith("---------------\ns2.info\ns2.odm\n", Cladmin("cmd", "-n", "node1", "--", "ls", "/var/hacmp/mysnaps").Stdout, StringComparison.Ordinal);
        Assert.Equal("s2\n", CladminWith("/var/hacmp/mysnaps", "cmd", "--", "clsnapshot", "-l").Stdout);
        Assert.Equal("", Cladmin("cmd", "--", "clsnapshot", "-l").Stdout);
    }

    [Fact]
    public void List_and_remove_through_clsnapshot_clmgr_and_the_remove_dialog()
    {
        Assert.Equal(0, Cladmin("cmd", "--", "clsnapshot", "-c", "-n", "a1", "-d", "first").ExitCode);
        Assert.Equal(0, Cladmin("run", "cm_add_snap", "snapshot_name=b2", "description=second").ExitCode);

        Assert.Equal("a1\nb2\n", Cladmin("cmd", "--", "clsnapshot", "-l").Stdout);
        Assert.Equal("a1\nb2\n", Cladmin("cmd", "--", "clmgr", "query", "snapshot").Stdout);
        Assert.Contains($"DESCRIPTION=\"second\"\nFILE=\"{Dir}/b2.odm\"\nINFO_FILE=\"{Dir}/b2.info\"\n", Cladmin("cmd", "--", "clmgr", "query", "snapshot", "b2").Stdout, StringComparison.Ordinal);

        var rm = Cladmin("run", "cm_rm_snap", "name=a1", "--yes");

        Assert.True(rm.ExitCode == 0, rm.Stdout + rm.Stderr);
        Assert.Contains("clsnapshot: Succeeded removing Cluster Snapshot: a1", rm.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("---------------\nb2.info\nb2.odm\n", Cladmin("cmd", "-n", "node1", "--", "ls", Dir).Stdout, StringComparison.Ordinal);
        var again = Cladmin("cmd", "--", "clsnapshot", "-r", "-n", "a1");
        Assert.Equal(1, again.ExitCode);
        Assert.Equal("clsnapshot: ERROR: \"a1\" does not appear to exist!\n", again.Stderr);
    }

    [Fact]
    public void Apply_from_the_dialog_replaces_the_default_configuration_with_the_snapshot_then_synchronizes()
    {
        Assert.Equal(0, Cladmin("cmd", "--", "clsnapshot", "-c", "-n", "base", "-d", "no groups").ExitCode);
        Assert.Equal(0, Cladmin("cmd", "--", "clmgr", "add", "resource_group", "NODES=node1,node2", "rg_later").ExitCode);

        var apply = Cladmin("run", "cm_apply_snap", "name=base", "--yes");

        Assert.Contains("clsnapshot: Applying Cluster Snapshot: base", apply.Stdout, StringComparison.Ordinal);
        Assert.Equal("", Cladmin("cmd", "--", "clmgr", "query", "resource_group").Stdout);
        Assert.Equal("node1\nnode2\n", Cladmin("cmd", "--", "clmgr", "query", "node").Stdout);
        // Applying ends with clmgr sync cluster, which succeeds on the bare world.
        Assert.True(apply.ExitCode == 0, apply.Stdout + apply.Stderr);
        Assert.Contains("clsnapshot: Succeeded applying Cluster Snapshot: base", apply.Stdout, StringComparison.Ordinal);
    }
}
