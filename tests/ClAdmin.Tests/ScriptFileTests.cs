namespace ClAdmin.Tests;

public sealed class ScriptFileTests
{
    [Fact]
    public void Reads_smit_script_layout()
    {
        // smit.md §6.2: a comment block with the timestamp, then the command as built.
        var text = "#\n#  [Mar 05 2024, 10:13:01]\n#\n/usr/sbin/mklv -y'testlv' -t'jfs2' rootvg 1\n" +
                   "#\n#  [Mar 05 2024, 10:14:12]\n#\ncl_clstop -cspoc \"-n node1\" -y '-N' '-s' '-g'\n";
        Assert.Equal(
            [new ScriptCommand(4, "/usr/sbin/mklv -y'testlv' -t'jfs2' rootvg 1"), new ScriptCommand(8, "cl_clstop -cspoc \"-n node1\" -y '-N' '-s' '-g'")],
            ScriptFile.Parse(text));
    }

    [Fact]
    public void Blank_lines_and_indented_comments_are_skipped_and_continuations_joined()
    {
        var text = "\r\n   # note\r\nclmgr add node node3 \\\r\n  COMMPATH='node3'\r\n\r\n";
        Assert.Equal([new ScriptCommand(3, "clmgr add node node3   COMMPATH='node3'")], ScriptFile.Parse(text));
    }

    [Fact]
    public void An_empty_script_has_no_commands() =>
        Assert.Empty(ScriptFile.Parse("#\n#  [Mar 05 2024, 10:13:01]\n#\n"));
}
