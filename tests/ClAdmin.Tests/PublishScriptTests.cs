using System.Diagnostics;
using ClAdmin.Testing;

namespace ClAdmin.Tests;

/// <summary>scripts/publish.sh in a small copy of the repository's layout, with the native publish
/// replaced by a stand-in (CLADMIN_PUBLISH_COMMAND) that records each run: it says what it builds,
/// and skips the build when no input changed since the last one.</summary>
public sealed class PublishScriptTests : IDisposable
{
    private readonly string _repo = Directory.CreateTempSubdirectory("cladmin-publish-").FullName;

    public PublishScriptTests()
    {
        Directory.CreateDirectory(Path.Combine(_repo, "scripts"));
        File.Copy(Path.Combine(RepoPaths.Root, "scripts", "publish.sh"), Path.Combine(_repo, "scripts", "publish.sh"));
        Write("src/ClAdmin/ClAdmin.csproj", "<Project />");
        Write("src/ClAdmin/Program.cs", "class P {}");
        Write("menus/top.json", "{}");
        Write("Directory.Build.props", "<Project />");
        Write("global.json", "{}");
    }

    public void Dispose() => Directory.Delete(_repo, recursive: true);

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_repo, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private string Builds => Path.Combine(_repo, "builds.txt");

    private int BuildCount => File.Exists(Builds) ? File.ReadAllLines(Builds).Length : 0;

    private ProcessResult Publish()
    {
        var info = new ProcessStartInfo("bash", [Path.Combine(_repo, "scripts", "publish.sh"), "artifacts/cladmin"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // The stand-in publish: what `dotnet publish -o DIR` leaves, plus a line per run.
        info.Environment["CLADMIN_PUBLISH_COMMAND"] = $"mkdir -p \"$1\" && echo built > \"$1/cladmin\" && chmod +x \"$1/cladmin\" && echo run >> '{Builds}'";
        using var p = Process.Start(info)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return new ProcessResult(p.ExitCode, stdout.Result, stderr.Result);
    }

    [Fact]
    public void The_first_build_says_what_it_does_and_how_long_it_takes()
    {
        var r = Publish();
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(1, BuildCount);
        Assert.StartsWith("building cladmin (native) — the first build takes a few minutes\n", r.Stderr);
        Assert.True(File.Exists(Path.Combine(_repo, "artifacts", "cladmin", "cladmin")));
    }

    [Fact]
    public void A_second_run_with_nothing_changed_builds_nothing_and_says_nothing()
    {
        Assert.Equal(0, Publish().ExitCode);
        var again = Publish();
        Assert.Equal(0, again.ExitCode);
        Assert.Equal(1, BuildCount);
        Assert.Equal("", again.Stderr);
    }

    [Theory]
    [InlineData("src/ClAdmin/Program.cs")]
    [InlineData("menus/top.json")]
    [InlineData("Directory.Build.props")]
    [InlineData("global.json")]
    [InlineData("src/ClAdmin/ClAdmin.csproj")]
    [InlineData("src/ClAdmin/New.cs")]
    public void A_changed_input_builds_again(string input)
    {
        Assert.Equal(0, Publish().ExitCode);
        Write(input, "changed");
        Assert.Equal(0, Publish().ExitCode);
        Assert.Equal(2, BuildCount);
    }

    [Fact]
    public void Build_output_under_src_is_not_an_input()
    {
        Assert.Equal(0, Publish().ExitCode);
        Write("src/ClAdmin/obj/project.assets.json", "{}");
        Write("src/ClAdmin/bin/Release/x.dll", "x");
        Assert.Equal(0, Publish().ExitCode);
        Assert.Equal(1, BuildCount);
    }

    [Fact]
    public void A_missing_program_builds_again()
    {
        Assert.Equal(0, Publish().ExitCode);
        File.Delete(Path.Combine(_repo, "artifacts", "cladmin", "cladmin"));
        Assert.Equal(0, Publish().ExitCode);
        Assert.Equal(2, BuildCount);
    }
}
