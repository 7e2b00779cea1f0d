using ClAdmin.Testing;

namespace ClAdmin.EndToEnd.Tests.Tui;

/// <summary>
/// Growing a shared file system from the screens, on the demo, in the real cladmin under tmux. The
/// volume group datavg (10 GB LUN, 64 MB partitions: 159) has too little room for /data to grow from
/// 2 GB to 12 GB, so first the seed notes' procedure: the storage side grows the LUN to 20 GB
/// (`cladmin sim grow disk`), and `chvg -g` (through C-SPOC) takes the new size into the group
/// (319 partitions). Then Change / Show Characteristics of a Shared Enhanced Journaled File System:
/// the volume group and file system from their pick lists, SIZE +10G, Enter.
/// </summary>
public sealed class GrowFileSystemTmuxTests
{
    private static ProcessResult Ok(string db, params string[] args)
    {
        var r = CladminProcess.Run(["--db", db, .. args], null,
            new Dictionary<string, string> { ["CLADMIN_CSPOC_LOG"] = Path.Combine(Path.GetDirectoryName(db)!, "cspoc.log") });
        Assert.True(r.ExitCode == 0, $"cladmin {string.Join(' ', args)} exited {r.ExitCode}: {r.Stdout}{r.Stderr}");
        return r;
    }

    /// <summary>Moves the cursor of a menu or list to the next item holding <paramref name="text"/> (/ Find).</summary>
    private static void Find(TmuxTerminal t, string text)
    {
        t.Keys("/");
        t.WaitFor("Type the text to find and press Enter.");
        t.Keys([.. Enumerable.Repeat("BSpace", 64)]); // the prompt offers the previous search
        t.WaitFor("   []");
        t.Type(text);
        t.Keys("Enter");
        t.WaitUntil(s => !s.Contains("Type the text to find", StringComparison.Ordinal), "the find prompt closed");
    }

    [Fact]
    public void Growing_a_shared_file_system_from_the_screens_once_the_lun_has_grown()
    {
        using var t = new TmuxTerminal("cl_jfs2", 80, 30, prepare: db =>
        {
            // datavg varied on on node1, as cluster services leave it for rg1.
            Ok(db, "cmd", "-n", "node1", "--", "varyonvg", "datavg");
            Assert.Equal("disk lun01 grown to 20480 MB\n", Ok(db, "sim", "grow", "disk", "lun01", "20G").Stdout);
            Ok(db, "cmd", "--", "cl_chvg", "-cspoc", "-n node1,node2", "-g", "datavg");
        });
        t.WaitFor("Change / Show Characteristics of a Shared Enhanced");
        Find(t, "Change / Show Characteristics of a Shared Enhanced");
        t.Keys("Enter");
        t.WaitFor("datavg");
        Find(t, "datavg");
        t.Keys("Enter");
        t.WaitFor("/data");
        Find(t, "/data");
        t.Keys("Enter");
        var dialog = t.WaitFor("Type or select values in entry fields.");
        Assert.Contains("4194304", dialog, StringComparison.Ordinal); // 2 GB in 512-byte blocks (lsfs -c)
        // The cursor is on the first field, Resource Group Name; SIZE is the fourth.
        t.Type("rg1");
        t.WaitFor("[rg1");
        t.Keys("Down", "Down", "Down", "Home", "C-k");
        t.Type("+10G");
        t.WaitFor("[+10G");
        t.Keys("Enter");
        var status = t.WaitUntil(s => s.Contains("COMMAND STATUS", StringComparison.Ordinal) && s.Contains("Command: ", StringComparison.Ordinal)
            && !s.Contains("Command: running", StringComparison.Ordinal), "the command status with its result", 60_000);
        Assert.Contains("Command: OK", status, StringComparison.Ordinal);
        t.Keys("F10");
        t.WaitFor("CLADMIN-EXIT=0");

        // 12 GB in 512-byte blocks, on both nodes (node2 learned it with importvg -L).
        foreach (var node in new[] { "node1", "node2" })
        {
            Assert.Contains(":25165824:", Ok(t.DatabasePath, "cmd", "-n", node, "--", "lsfs", "-c", "/data").Stdout, StringComparison.Ordinal);
        }
    }
}
