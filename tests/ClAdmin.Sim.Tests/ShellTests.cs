namespace ClAdmin.Sim.Tests;

public sealed class ShellTests
{
    [Theory]
    [InlineData("echo 'a  b' \"c\"", "a  b c\n")]
    [InlineData("true && echo yes || echo no", "yes\n")]
    [InlineData("false && echo yes || echo no", "no\n")]
    [InlineData("echo one; echo two", "one\ntwo\n")]
    [InlineData("lspv | wc -l", "       4\n")]
    [InlineData("lspv | grep -v rootvg | head -1 | awk '{print $1}'", "hdisk1\n")]
    [InlineData("lsvg -o | grep -c rootvg", "1\n")]
    [InlineData("cat /etc/passwd | cut -d: -f1 | sort | head -2", "adm\nbin\n")]
    [InlineData("nosuch 2>/dev/null; echo $'x\\ty'", "x\ty\n")]
    [InlineData("nosuch 2>&1", "ksh: nosuch:  not found.\n")]
    public void Command_lines_are_parsed_as_ksh_does(string line, string stdout) =>
        Assert.Equal(stdout, TestWorld.Create().Run("node1", line).Stdout);

    [Fact]
    public void Exit_code_is_that_of_the_last_command() =>
        Assert.Equal(127, TestWorld.Create().Run("node1", "true; nosuch").ExitCode);

    [Fact]
    public void Redirection_writes_into_the_node_file_tree()
    {
        var world = TestWorld.Create();
        world.Ok("node1", "echo hello > /tmp/x; echo again >> /tmp/x");
        Assert.Equal("hello\nagain\n", world.Ok("node1", "cat /tmp/x"));
        Assert.Equal(2, world.Run("node2", "cat /tmp/x").ExitCode);
    }

    [Fact]
    public void Scripts_run_line_by_line_and_name_themselves_in_errors()
    {
        var world = TestWorld.Create();
        world.Ok("node1", "echo 'echo start' > /tmp/s.sh; echo 'bogus' >> /tmp/s.sh");
        var denied = world.Run("node1", "/tmp/s.sh");
        Assert.Equal(126, denied.ExitCode);
        Assert.Equal("ksh: /tmp/s.sh: 0403-006 Execute permission denied.\n", denied.Stderr);
        world.Ok("node1", "chmod 755 /tmp/s.sh");
        var r = world.Run("node1", "/tmp/s.sh");
        Assert.Equal("start\n", r.Stdout);
        Assert.Equal("/tmp/s.sh[2]: bogus:  not found.\n", r.Stderr);
        Assert.Equal(127, r.ExitCode);
    }

    [Fact]
    public void Unterminated_quote_is_a_syntax_error() =>
        Assert.Equal(2, TestWorld.Create().Run("node1", "echo 'open").ExitCode);

    [Fact]
    public void Chpasswd_reads_stdin_and_sets_admchg()
    {
        var world = TestWorld.Create();
        world.Ok("node1", "mkuser jdoe");
        Assert.Equal("*", world.FindNode("node1")!.Users.Find(u => u.Name == "jdoe")!.PasswordHash);
        world.Ok("node1", "chpasswd", "jdoe:Secret123\n");
        var user = world.FindNode("node1")!.Users.Find(u => u.Name == "jdoe")!;
        Assert.StartsWith("{ssha256}", user.PasswordHash, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret123", user.PasswordHash, StringComparison.Ordinal);
        Assert.Equal("ADMCHG", user.PasswordFlags);
        world.Ok("node1", "chpasswd -c", "jdoe:Other456\n");
        Assert.Equal("", user.PasswordFlags);
        Assert.Equal(1, world.Run("node1", "chpasswd", "ghost:x\n").ExitCode);
    }

    [Fact]
    public void Users_and_groups_change_and_go()
    {
        var world = TestWorld.Create();
        world.Ok("node1", "mkgroup id=501 dba");
        world.Ok("node1", "mkuser id=205 pgrp=dba jdoe");
        Assert.Equal(17, world.Run("node1", "mkgroup dba").ExitCode);
        Assert.Equal(1, world.Run("node1", "rmgroup dba").ExitCode);
        world.Ok("node1", "chuser shell=/usr/bin/bash gecos='John Doe' jdoe");
        Assert.Equal("jdoe shell=/usr/bin/bash gecos=John Doe\n", world.Ok("node1", "lsuser -a shell gecos jdoe"));
        world.Ok("node1", "rmuser -p jdoe");
        world.Ok("node1", "rmgroup dba");
        Assert.Equal(2, world.Run("node1", "lsgroup dba").ExitCode);
        Assert.Equal(2, world.Run("node1", "rmuser jdoe").ExitCode);
        world.Ok("node1", "chgroup users=guest staff");
        Assert.Equal("staff users=guest\n", world.Ok("node1", "lsgroup -a users staff"));
    }
}
