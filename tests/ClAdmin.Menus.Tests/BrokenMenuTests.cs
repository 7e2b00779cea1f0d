using System.Globalization;
using ClAdmin.Shell;
using ClAdmin.Testing;

namespace ClAdmin.Menus.Tests;

/// <summary>
/// Every directory under Fixtures/broken holds a small menu tree that breaks exactly one rule,
/// and an expected.txt with one line per error that must be reported:
/// <c>FILE|POINTER|LINE|MESSAGE FRAGMENT</c> (LINE may be <c>-</c>; blank lines and lines
/// starting with <c>#</c> are comments). Other errors (consequences of the one break) may follow.
/// </summary>
public sealed class BrokenMenuTests
{
    private static readonly string FixtureRoot = Path.Combine(AppContext.BaseDirectory, "Fixtures", "broken");

    private static readonly Func<string, bool> IsKnownCommand = name => CommandCatalog.Default.Find(name) is not null;

    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (var dir in FixtureDirectories())
        {
            data.Add(Path.GetFileName(dir));
        }
        return data;
    }

    private static IEnumerable<string> FixtureDirectories() =>
        Directory.GetDirectories(FixtureRoot).Order(StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Broken_fixture_fails_with_the_expected_errors(string fixture)
    {
        var dir = Path.Combine(FixtureRoot, fixture);
        var sources = MenuFixtures.FromDirectory(dir);
        Assert.NotEmpty(sources);
        var expected = ReadExpected(dir);
        Assert.NotEmpty(expected);

        var result = MenuLoader.Load(sources, IsKnownCommand);

        Assert.False(result.Ok);
        Assert.Null(result.Tree);
        Assert.NotEmpty(result.Errors);
        var actual = string.Join(Environment.NewLine, result.Errors.Select(e => "  " + e));
        foreach (var want in expected)
        {
            Assert.True(
                result.Errors.Any(want.Matches),
                $"{fixture}: no error matches {want}{Environment.NewLine}errors were:{Environment.NewLine}{actual}");
        }
    }

    [Fact]
    public void There_are_at_least_twenty_fixtures()
    {
        Assert.True(FixtureDirectories().Count() >= 20, $"only {FixtureDirectories().Count()} fixtures in {FixtureRoot}");
    }

    [Fact]
    public void At_least_ten_fixtures_assert_a_line()
    {
        var withLines = FixtureDirectories().Count(dir => ReadExpected(dir).Any(e => e.Line is not null));
        Assert.True(withLines >= 10, $"only {withLines} fixtures assert a line");
    }

    [Fact]
    public void Every_fixture_names_only_files_it_holds()
    {
        foreach (var dir in FixtureDirectories())
        {
            var files = MenuFixtures.FromDirectory(dir).Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var want in ReadExpected(dir))
            {
                Assert.True(files.Contains(want.File), $"{Path.GetFileName(dir)}: expected.txt names {want.File}, which is not in the fixture");
            }
        }
    }

    private static List<ExpectedError> ReadExpected(string dir)
    {
        var path = Path.Combine(dir, "expected.txt");
        Assert.True(File.Exists(path), $"{path} is missing");
        var list = new List<ExpectedError>();
        var n = 0;
        foreach (var raw in File.ReadAllLines(path))
        {
            n++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            var parts = line.Split('|', 4);
            Assert.True(parts.Length == 4, $"{path}:{n}: expected FILE|POINTER|LINE|MESSAGE FRAGMENT");
            int? lineNumber = parts[2] == "-" ? null : int.Parse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture);
            list.Add(new ExpectedError(parts[0], parts[1], lineNumber, parts[3]));
        }
        return list;
    }

    private sealed record ExpectedError(string File, string Pointer, int? Line, string Fragment)
    {
        public bool Matches(MenuError error) =>
            error.File == File
            && error.Pointer == Pointer
            && (Line is null || error.Line == Line)
            && error.Message.Contains(Fragment, StringComparison.Ordinal);

        public override string ToString() => $"{File}|{Pointer}|{(Line is { } l ? l.ToString(CultureInfo.InvariantCulture) : "-")}|{Fragment}";
    }
}
