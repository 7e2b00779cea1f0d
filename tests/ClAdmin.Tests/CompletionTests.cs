using ClAdmin.Testing;

namespace ClAdmin.Tests;

/// <summary>Tab completion through System.CommandLine's [suggest] directive, as
/// scripts/cladmin-completion.bash asks for it.</summary>
public sealed class CompletionTests
{
    private static string[] Suggest(string line)
    {
        var r = CladminProcess.Run($"[suggest:{line.Length}]", line);
        Assert.Equal(0, r.ExitCode);
        return r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public void Fastpaths_complete_by_prefix() =>
        Assert.Equal(["cl_conlv", "cl_conlvm", "cl_conlvsc"], Suggest("cladmin menus show cl_conl"));

    [Fact]
    public void A_dialogs_field_names_complete_after_its_fastpath()
    {
        var words = Suggest("cladmin run clstop ");
        Assert.Contains("nodes=", words);
        Assert.Contains("stop_when=", words);
        Assert.DoesNotContain("hacmp", words);
        var no = Suggest("cladmin run clstop no");
        Assert.Equal("nodes=", no[0]);
        Assert.All(no.Skip(1), w => Assert.StartsWith("--no", w, StringComparison.Ordinal)); // options such as --node
    }

    [Fact]
    public void Selector_fields_complete_too() =>
        Assert.Contains("resource_group=", Suggest("cladmin run cl_mkuser "));
}
