using ClAdmin.Sim.Model;

namespace ClAdmin.Sim.Tests;

/// <summary>The node commands issue 17 adds: pwdadm, passwd and /etc/security/passwd (aix-commands.md
/// §2.6), lslpp -h (install-outputs §5.2) and odmget/odmadd/odmdelete on the node's own copy of the
/// HACMP classes that synchronization left there.</summary>
public sealed class NodeAdminCommandTests
{
    private const string Bundle = "/usr/es/sbin/cluster/etc/objrepos/active/cluster.odm";

    [Fact]
    public void Passwd_by_root_asks_twice_sets_the_password_and_forces_a_change()
    {
        var world = TestWorld.Create();
        world.Ok("node1", "mkuser jdoe");
        var r = world.Run("node1", "passwd jdoe", "Secret123\nSecret123\n");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("Changing password for \"jdoe\"\njdoe's New password: \nEnter the new password again: \n", r.Stdout);
        Assert.DoesNotContain("Secret123", r.Stdout + r.Stderr, StringComparison.Ordinal);
        var security = world.Ok("node1", "cat /etc/security/passwd");
        var stanza = security[security.IndexOf("jdoe:\n", StringComparison.Ordinal)..];
        Assert.Matches("^jdoe:\n\tpassword = \\{ssha256\\}[^\n]+\n\tlastupdate = [0-9]+\n\tflags = ADMCHG\n\n", stanza);
        Assert.DoesNotContain("Secret123", security, StringComparison.Ordinal);
    }

    [Fact]
    public void Passwd_changes_nothing_when_the_two_entries_differ()
    {
        var world = TestWorld.Create();
        world.Ok("node1", "mkuser jdoe");
        var r = world.Run("node1", "passwd jdoe", "Secret123\nSecret124\n");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("do not match", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("jdoe:\n\tpassword = *\n\n", world.Ok("node1", "cat /etc/security/passwd"), StringComparison.Ordinal);
        Assert.Equal(1, world.Run("node1", "passwd ghost", "a\na\n").ExitCode);
        Assert.Equal("3004-687 User \"ghost\" does not exist.\n", world.Run("node1", "passwd ghost", "a\na\n").Stderr);
    }

    [Fact]
    public void Pwdadm_queries_clears_and_sets_the_flags()
    {
        var world = TestWorld.Create();
        world.Ok("node1", "mkuser jdoe");
        world.Ok("node1", "pwdadm jdoe", "pw1\npw1\n");
        var q = world.Ok("node1", "pwdadm -q jdoe");
        Assert.Matches("^jdoe:\n\tlastupdate = [0-9]+\n\tflags = ADMCHG\n\n$", q);
        world.Ok("node1", "pwdadm -c jdoe");
        Assert.Matches("^jdoe:\n\tlastupdate = [0-9]+\n\n$", world.Ok("node1", "pwdadm -q jdoe"));
        world.Ok("node1", "pwdadm -f NOCHECK jdoe");
        Assert.Contains("\tflags = NOCHECK\n", world.Ok("node1", "pwdadm -q jdoe"), StringComparison.Ordinal);
        Assert.StartsWith("Usage: pwdadm", world.Run("node1", "pwdadm").Stderr, StringComparison.Ordinal);
        Assert.Equal(2, world.Run("node1", "pwdadm -q ghost").ExitCode);
    }

    [Fact]
    public void Lssec_and_chsec_read_and_put_back_a_stanza_of_etc_security_passwd()
    {
        var world = TestWorld.Create();
        world.Ok("node1", "mkuser jdoe");
        Assert.Equal("jdoe password=* lastupdate= flags=\n", world.Ok("node1", "lssec -f /etc/security/passwd -s jdoe -a password lastupdate flags"));
        world.Ok("node1", "chsec -f /etc/security/passwd -s jdoe -a password={ssha256}06$abc$def -a lastupdate=1710237600 -a flags=ADMCHG,NOCHECK");
        Assert.Equal("#name:password:lastupdate:flags\njdoe:{ssha256}06$abc$def:1710237600:ADMCHG,NOCHECK\n",
            world.Ok("node1", "lssec -c -f /etc/security/passwd -s jdoe -a password -a lastupdate -a flags"));
        Assert.Contains("jdoe:\n\tpassword = {ssha256}06$abc$def\n\tlastupdate = 1710237600\n\tflags = ADMCHG,NOCHECK\n\n", world.Ok("node1", "cat /etc/security/passwd"), StringComparison.Ordinal);
        // An empty value removes the attribute; a bad one changes nothing and is not echoed.
        world.Ok("node1", "chsec -f /etc/security/passwd -s jdoe -a lastupdate= -a flags=");
        Assert.Equal("jdoe lastupdate= flags=\n", world.Ok("node1", "lssec -f /etc/security/passwd -s jdoe -a lastupdate flags"));
        var bad = world.Run("node1", "chsec -f /etc/security/passwd -s jdoe -a password=secret -a flags=BOGUS");
        Assert.Equal("3004-692 Error changing \"flags\" : Value is invalid.\n", bad.Stderr);
        Assert.Contains("jdoe:\n\tpassword = {ssha256}06$abc$def\n\n", world.Ok("node1", "cat /etc/security/passwd"), StringComparison.Ordinal);
        Assert.Equal(1, world.Run("node1", "chsec -f /etc/security/passwd -s ghost -a flags=").ExitCode);
    }

    [Fact]
    public void Password_writes_fail_with_an_io_error_when_the_rootvg_disk_has_failed()
    {
        var world = TestWorld.Create();
        world.Ok("node1", "mkuser jdoe");
        Assert.True(Faults.SimFaults.Fail(world, "disk", "node1:hdisk0").Ok);
        foreach (var (line, stdin) in new[] { ("chpasswd", "jdoe:pw1\n"), ("pwdadm jdoe", "pw1\npw1\n"), ("pwdadm -c jdoe", ""), ("chsec -f /etc/security/passwd -s jdoe -a flags=ADMCHG", "") })
        {
            var r = world.Run("node1", line, stdin);
            Assert.Equal(1, r.ExitCode);
            Assert.EndsWith(": Cannot update /etc/security/passwd: There is an input or output error.\n", r.Stderr, StringComparison.Ordinal);
        }
        // Reads go on; nothing was written.
        Assert.Equal("jdoe password=* flags=\n", world.Ok("node1", "lssec -f /etc/security/passwd -s jdoe -a password flags"));
    }

    [Fact]
    public void Lslpp_h_prints_the_history_in_its_own_layout()
    {
        var world = TestWorld.Create();
        // The layout of install-outputs §5.2 [VERBATIM]; the levels and dates are the node's inventory (data).
        var lines = world.Ok("node1", "lslpp -h cluster.es.server.rte").Split('\n');
        Assert.Equal("  Fileset         Level     Action       Status       Date         Time        ", lines[0]);
        Assert.Equal("  ----------------------------------------------------------------------------", lines[1]);
        Assert.Equal("Path: /usr/lib/objrepos", lines[2]);
        Assert.Equal("  cluster.es.server.rte", lines[3]);
        Assert.Matches(@"^ {10,}\d+\.\d+\.\d+\.\d+   (APPLY |COMMIT)       COMPLETE     \d\d/\d\d/\d\d     \d\d:\d\d:\d\d    $", lines[4]);
        Assert.True(lines[4][24] != ' ' && lines[4][25] == ' ', "the level ends at column 25: " + lines[4]);
        Assert.Contains("Path: /etc/objrepos", lines);
    }

    [Fact]
    public void Odm_commands_work_on_the_nodes_own_copy_of_the_hacmp_classes()
    {
        var world = TestWorld.Create();
        Assert.Equal("", world.Ok("node1", "odmget HACMPgroup"));
        world.FindNode("node1")!.Files[Bundle] = new SimFile
        {
            Content = "\nHACMPgroup:\n\tgroup = \"rg1\"\n\tnodes = \"node1 node2\"\n\nHACMPgroup:\n\tgroup = \"rg2\"\n\tnodes = \"node2 node1\"\n",
        };
        Assert.Equal("\nHACMPgroup:\n\tgroup = \"rg2\"\n\tnodes = \"node2 node1\"\n", world.Ok("node1", "odmget -q group=rg2 HACMPgroup"));
        Assert.Equal("0518-307 odmdelete: 1 objects deleted.\n", world.Ok("node1", "odmdelete -o HACMPgroup -q group=rg1"));
        Assert.Equal("\nHACMPgroup:\n\tgroup = \"rg2\"\n\tnodes = \"node2 node1\"\n", world.Ok("node1", "odmget HACMPgroup"));
        world.Ok("node1", "odmadd", "HACMPgroup:\n\tgroup = \"rg3\"\n\tnodes = \"node1\"\n");
        Assert.Contains("group = \"rg3\"", world.Ok("node1", "odmget -q group=rg3 HACMPgroup"), StringComparison.Ordinal);
        // node2 keeps its own copy: nothing changed there.
        Assert.Equal("", world.Ok("node2", "odmget HACMPgroup"));
        var bad = world.Run("node1", "odmget HACMPnothing");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("HACMPnothing", bad.Stderr, StringComparison.Ordinal);
        Assert.StartsWith("Usage: odmdelete", world.Run("node1", "odmdelete").Stderr, StringComparison.Ordinal);
    }
}
