namespace ClAdmin.Sim.Tests;

/// <summary>mv, rm, test and sh -c on a simulated node: what synchronization's staging and renaming
/// need (write a file from standard input, rename it over another, remove it), with AIX's messages.</summary>
public sealed class FileCommandTests
{
    [Fact]
    public void Sh_c_runs_its_line_with_redirections_and_standard_input()
    {
        var world = TestWorld.Create();
        world.Ok("node1", "sh -c 'mkdir -p /var/x && cat > /var/x/b.tmp'", "bundle\n");
        Assert.Equal("bundle\n", world.Ok("node1", "cat /var/x/b.tmp"));
        Assert.Equal("a b\n", world.Ok("node1", "ksh -c 'echo $1 $2' ksh a b"));
        Assert.Equal(3, world.Run("node1", "/usr/bin/sh -c 'exit 3'").ExitCode);
    }

    [Fact]
    public void Mv_renames_a_file_over_another_and_keeps_its_content()
    {
        var world = TestWorld.Create();
        world.Ok("node1", "echo new > /etc/c.tmp; echo old > /etc/c");
        world.Ok("node1", "mv -f /etc/c.tmp /etc/c");
        Assert.Equal("new\n", world.Ok("node1", "cat /etc/c"));
        Assert.Equal(2, world.Run("node1", "cat /etc/c.tmp").ExitCode);
    }

    [Fact]
    public void Mv_into_a_directory_keeps_the_name()
    {
        var world = TestWorld.Create();
        world.Ok("node1", "mkdir -p /tmp/d; echo x > /tmp/f");
        world.Ok("node1", "mv /tmp/f /tmp/d");
        Assert.Equal("x\n", world.Ok("node1", "cat /tmp/d/f"));
    }

    [Fact]
    public void Mv_of_a_missing_file_fails_as_AIX_does()
    {
        var r = TestWorld.Create().Run("node1", "mv /tmp/none /tmp/other");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("mv: 0653-401 Cannot rename /tmp/none to /tmp/other:\n\tA file or directory in the path name does not exist.\n", r.Stderr);
    }

    [Fact]
    public void Rm_removes_files_and_f_ignores_missing_ones()
    {
        var world = TestWorld.Create();
        world.Ok("node1", "echo x > /tmp/a");
        world.Ok("node1", "rm /tmp/a");
        Assert.Equal(2, world.Run("node1", "cat /tmp/a").ExitCode);
        world.Ok("node1", "rm -f /tmp/a");
        var r = world.Run("node1", "rm /tmp/a");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("rm: /tmp/a: A file or directory in the path name does not exist.\n", r.Stderr);
    }

    [Fact]
    public void Rm_refuses_a_directory_without_r()
    {
        var world = TestWorld.Create();
        world.Ok("node1", "mkdir -p /tmp/d; echo x > /tmp/d/f");
        var r = world.Run("node1", "rm /tmp/d");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("rm: 0653-603 Cannot remove directory /tmp/d.\n", r.Stderr);
        world.Ok("node1", "rm -r /tmp/d");
        Assert.Equal(2, world.Run("node1", "ls /tmp/d").ExitCode);
    }

    [Theory]
    [InlineData("test -f /etc/hosts", 0)]
    [InlineData("test -f /etc/none", 1)]
    [InlineData("test ! -f /etc/none", 0)]
    [InlineData("test -d /etc", 0)]
    [InlineData("test -f /etc", 1)]
    [InlineData("test -s /etc/hosts", 0)]
    [InlineData("test ! -f /etc/none || echo no && echo yes", 0)]
    public void Test_answers_file_questions(string line, int rc) =>
        Assert.Equal(rc, TestWorld.Create().Run("node1", line).ExitCode);

    [Fact]
    public void And_and_or_chain_left_to_right_as_ksh_does()
    {
        var world = TestWorld.Create();
        // (test ! -f C || mv C P) && mv S C: the first sync has no C, a later one keeps it as P.
        const string Commit = "test ! -f /c || mv -f /c /p && mv -f /s /c";
        world.Ok("node1", "echo one > /s");
        world.Ok("node1", Commit);
        Assert.Equal("one\n", world.Ok("node1", "cat /c"));
        Assert.Equal(2, world.Run("node1", "cat /p").ExitCode);
        world.Ok("node1", "echo two > /s");
        world.Ok("node1", Commit);
        Assert.Equal("two\n", world.Ok("node1", "cat /c"));
        Assert.Equal("one\n", world.Ok("node1", "cat /p"));
    }

    [Fact]
    public void Cd_alone_goes_home_where_relative_paths_start()
    {
        var world = TestWorld.Create();
        world.Ok("node1", "sh -c 'cd && mkdir -p stage && cat > stage/b'", "x\n");
        Assert.Equal("x\n", world.Ok("node1", "cat /stage/b"));
    }
}
