using ClAdmin.Shell;
namespace ClAdmin.Exec.Tests;

public sealed class CommandCatalogTests
{
    [Theory]
    [InlineData("clRGinfo -p", "clRGinfo")]
    [InlineData("/usr/es/sbin/cluster/utilities/cltopinfo", "cltopinfo")]
    [InlineData("_SPOC_FORCE=Y /usr/es/sbin/cluster/sbin/cl_rc.cluster -cspoc \"-n node1\" -N", "cl_rc.cluster")]
    [InlineData("A=1 B=2 clmgr query node", "clmgr")]
    [InlineData("  lspv", "lspv")]
    public void CommandNameOf_skips_assignments_and_paths(string line, string name) =>
        Assert.Equal(name, CommandCatalog.CommandNameOf(line));

    [Theory]
    [InlineData("")]
    [InlineData("X=1")]
    [InlineData("echo 'open")]
    public void CommandNameOf_is_null_without_a_command_word(string line) =>
        Assert.Null(CommandCatalog.CommandNameOf(line));

    [Theory]
    [InlineData("clmgr", CommandKind.Clmgr)]
    [InlineData("cl_mkuser", CommandKind.Cspoc)]
    [InlineData("clRGinfo", CommandKind.Utility)]
    [InlineData("/usr/es/sbin/cluster/utilities/clRGmove", CommandKind.Utility)]
    [InlineData("lspv", CommandKind.Aix)]
    public void Default_catalog_knows_the_products_commands(string name, CommandKind kind) =>
        Assert.Equal(kind, CommandCatalog.Default.Find(name)?.Kind);

    [Fact]
    public void Unknown_commands_are_not_found() =>
        Assert.Null(CommandCatalog.Default.Find("rm"));

    [Fact]
    public void A_name_listed_twice_is_refused()
    {
        var e = Assert.Throws<FormatException>(() => CommandCatalog.Parse(
            """{ "commands": [ { "name": "lspv", "kind": "aix" }, { "name": "lspv", "kind": "aix" } ] }"""));
        Assert.Contains("lspv", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_kind_is_refused()
    {
        var e = Assert.Throws<FormatException>(() => CommandCatalog.Parse(
            """{ "commands": [ { "name": "x", "kind": "magic" } ] }"""));
        Assert.Contains("magic", e.Message, StringComparison.Ordinal);
    }
}
