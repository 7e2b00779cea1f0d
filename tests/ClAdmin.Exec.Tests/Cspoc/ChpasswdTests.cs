using ClAdmin.Contracts;

namespace ClAdmin.Exec.Tests.Cspoc;

public sealed class ChpasswdTests
{
    private const string Secret = "NewPass1";

    private static void NeverShown(CspocWorld w, CommandResult r)
    {
        Assert.DoesNotContain(Secret, r.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, r.Stderr, StringComparison.Ordinal);
        Assert.All(r.Nodes, n => Assert.DoesNotContain(Secret, n.Stdout + n.Stderr, StringComparison.Ordinal));
        Assert.All(w.Log.Entries, e => Assert.DoesNotContain(Secret, e.ToString(), StringComparison.Ordinal));
        Assert.All(w.Transport.Seen, c => Assert.All(c.Argv, a => Assert.DoesNotContain(Secret, a, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_password_on_standard_input_is_set_on_every_node_and_never_on_a_line_or_in_the_log()
    {
        var w = new CspocWorld(nodes: 3);
        foreach (var n in w.World.Nodes)
        {
            w.Sh(n.Name, "mkuser jdoe");
        }

        var r = await w.Run("cl_chpasswd -cspoc \"-n node1,node2,node3\" jdoe", Secret + "\n");

        Assert.Equal(0, r.ExitCode);
        Assert.All(w.World.Nodes, n =>
        {
            var u = n.Users.Single(x => x.Name == "jdoe");
            Assert.StartsWith("{ssha256}", u.PasswordHash, StringComparison.Ordinal);
            Assert.Equal("ADMCHG", u.PasswordFlags);
        });
        var chpasswd = w.Transport.Seen.Where(c => c.Argv[0] == "chpasswd").ToList();
        Assert.Equal(3, chpasswd.Count);
        Assert.All(chpasswd, c => Assert.Equal("jdoe:" + Secret + "\n", c.StandardInput));
        Assert.Contains(w.Log.Entries, e => e.Command == "chpasswd");
        NeverShown(w, r);
    }

    [Fact]
    public async Task User_password_lines_on_standard_input_work_without_a_user_argument()
    {
        var w = new CspocWorld(nodes: 2);
        w.Sh("node1", "mkuser jdoe");
        w.Sh("node2", "mkuser jdoe");

        var r = await w.Run("cl_chpasswd -cspoc \"-n node1,node2\"", "jdoe:" + Secret + "\n");

        Assert.Equal(0, r.ExitCode);
        Assert.All(w.World.Nodes, n => Assert.StartsWith("{ssha256}", n.Users.Single(x => x.Name == "jdoe").PasswordHash, StringComparison.Ordinal));
        NeverShown(w, r);
    }

    [Fact]
    public async Task Dash_c_does_not_force_a_change_at_next_login()
    {
        var w = new CspocWorld(nodes: 2);
        w.Sh("node1", "mkuser jdoe");
        w.Sh("node2", "mkuser jdoe");

        var r = await w.Run("cl_chpasswd -cspoc \"-n node1,node2\" '-c' jdoe", Secret + "\n");

        Assert.Equal(0, r.ExitCode);
        Assert.All(w.World.Nodes, n => Assert.Equal("", n.Users.Single(x => x.Name == "jdoe").PasswordFlags));
    }

    [Fact]
    public async Task A_user_missing_on_one_node_leaves_every_password_unchanged()
    {
        var w = new CspocWorld(nodes: 2);
        w.Sh("node1", "mkuser jdoe");

        var r = await w.Run("cl_chpasswd -cspoc \"-n node1,node2\" jdoe", Secret + "\n");

        Assert.Equal(2, r.ExitCode);
        Assert.Equal("node2: 3004-687 User \"jdoe\" does not exist.\ncl_chpasswd: the password was not changed on any node.\n", r.Stderr);
        Assert.Equal("*", w.Node("node1").Users.Single(x => x.Name == "jdoe").PasswordHash);
        Assert.DoesNotContain(w.Transport.Seen, c => c.Argv[0] == "chpasswd");
        NeverShown(w, r);
    }

    [Fact]
    public async Task No_password_is_a_usage_error()
    {
        var w = new CspocWorld(nodes: 2);
        var r = await w.Run("cl_chpasswd -cspoc \"-n node1,node2\" jdoe");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("cl_chpasswd: no new password for jdoe on standard input.\n", r.Stderr);
        Assert.Empty(w.Transport.Seen);
    }
}
