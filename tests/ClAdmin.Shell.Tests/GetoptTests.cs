namespace ClAdmin.Shell.Tests;

public sealed class GetoptTests
{
    [Fact]
    public void Clustered_flags_attached_and_separate_values_then_operands()
    {
        // As SMIT generates it: mklv -y'data_lv' -t'jfs2' data_vg 2039 (quotes removed by the shell).
        var g = Getopt.Parse(["-ydata_lv", "-t", "jfs2", "-nC", "data_vg", "2039", "-x"], "y:t:nC");
        Assert.Null(g.BadFlag);
        Assert.Equal("data_lv", g.Value('y'));
        Assert.Equal("jfs2", g.Value('t'));
        Assert.True(g.Has('n') && g.Has('C'));
        Assert.Null(g.Value('n'));
        Assert.Equal(["data_vg", "2039", "-x"], g.Operands);
        Assert.Equal(["-y", "data_lv", "-t", "jfs2", "-n", "-C"], g.Words());
        Assert.Equal(["-y", "data_lv", "-n", "-C"], g.Words(except: "t"));
    }

    [Fact]
    public void Repeated_flags_keep_every_value_and_double_dash_ends_flags()
    {
        var g = Getopt.Parse(["-a", "size=1G", "-aagblksize=4096", "--", "-not-a-flag"], "a:");
        Assert.Equal(["size=1G", "agblksize=4096"], g.Values('a'));
        Assert.Equal("agblksize=4096", g.Value('a'));
        Assert.Equal(["-not-a-flag"], g.Operands);
    }

    [Theory]
    [InlineData(new[] { "-q" }, 'q', false)]
    [InlineData(new[] { "-v", "-y" }, 'y', true)]
    [InlineData(new[] { "-qy" }, 'q', false)]
    public void The_first_bad_flag_is_named_and_a_missing_value_told_apart(string[] args, char bad, bool needsValue)
    {
        var g = Getopt.Parse(args, "vy:");
        Assert.Equal(bad, g.BadFlag);
        Assert.Equal(needsValue, g.BadFlagNeedsValue);
    }
}
