using ClAdmin.Shell;
namespace ClAdmin.Exec.Tests;

public sealed class ShellWordsTests
{
    [Theory]
    [InlineData("clRGinfo -p", new[] { "clRGinfo", "-p" })]
    [InlineData("mklv -y'data_lv' -t'jfs2' data_vg 2039", new[] { "mklv", "-ydata_lv", "-tjfs2", "data_vg", "2039" })]
    [InlineData("cl_clstop -cspoc \"-n node1,node2\" -y", new[] { "cl_clstop", "-cspoc", "-n node1,node2", "-y" })]
    [InlineData("mkuser id='10241' groups='dba,staff' patrol", new[] { "mkuser", "id=10241", "groups=dba,staff", "patrol" })]
    [InlineData("echo 'it'\\''s'", new[] { "echo", "it's" })]
    [InlineData("echo $'a\\nb'", new[] { "echo", "a\nb" })]
    [InlineData("echo \"a \\\"b\\\" $c\"", new[] { "echo", "a \"b\" $c" })]
    [InlineData("echo a\\ b", new[] { "echo", "a b" })]
    [InlineData("echo ''", new[] { "echo", "" })]
    [InlineData("  lspv   ", new[] { "lspv" })]
    [InlineData("lsvg -o | wc -l", new[] { "lsvg", "-o", "|", "wc", "-l" })]
    [InlineData("a && b || c; d", new[] { "a", "&&", "b", "||", "c", ";", "d" })]
    [InlineData("echo 'a;b' \"|\"", new[] { "echo", "a;b", "|" })]
    public void Split_reads_words_as_ksh_does(string line, string[] words) =>
        Assert.Equal(words, ShellWords.Split(line));

    [Theory]
    [InlineData("echo 'open")]
    [InlineData("echo \"open")]
    [InlineData("echo $'open")]
    [InlineData("echo trailing\\")]
    public void Split_refuses_unterminated_quotes(string line) =>
        Assert.Throws<FormatException>(() => ShellWords.Split(line));

    [Theory]
    [InlineData("plain")]
    [InlineData("two words")]
    [InlineData("it's")]
    [InlineData("$(reboot)")]
    [InlineData("`id`")]
    [InlineData("; rm -rf /")]
    [InlineData("line1\nline2")]
    [InlineData("tab\there")]
    [InlineData("back\\slash")]
    [InlineData("\"double\"")]
    [InlineData("*")]
    [InlineData("-rf")]
    [InlineData("")]
    [InlineData("'")]
    [InlineData("\u00e9t\u00e9 \u65e5\u672c")]
    [InlineData("bell\u0007")]
    public void Quote_keeps_any_value_one_intact_word(string value)
    {
        var quoted = ShellWords.Quote(value);
        Assert.Equal([value], ShellWords.Split(quoted));
        Assert.DoesNotContain('\n', quoted);
    }

    [Theory]
    [InlineData("node1", "node1")]
    [InlineData("/usr/es/sbin", "/usr/es/sbin")]
    [InlineData("a,b=c:d", "a,b=c:d")]
    [InlineData("a b", "'a b'")]
    [InlineData("a'b", "'a'\\''b'")]
    [InlineData("", "''")]
    public void QuoteIfNeeded_leaves_safe_words_bare(string value, string expected) =>
        Assert.Equal(expected, ShellWords.QuoteIfNeeded(value));

    [Fact]
    public void Join_and_Split_round_trip()
    {
        string[] words = ["cl_mkuser", "-cspoc", "-n node1", "home=/home/o'neil", "x;y", "$HOME"];
        Assert.Equal(words, ShellWords.Split(ShellWords.Join(words)));
    }

    [Fact]
    public void Tokenize_tells_a_quoted_operator_from_an_unquoted_one()
    {
        Assert.Equal(
            [new ShellToken("cmd", false), new ShellToken(";", false), new ShellToken("rm", false), new ShellToken(";", true), new ShellToken("ls", false)],
            ShellWords.Tokenize("cmd ';' rm ; ls"));
    }
}
