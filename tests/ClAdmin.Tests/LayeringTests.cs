using System.Text.RegularExpressions;
using System.Xml.Linq;
using ClAdmin.Testing;

namespace ClAdmin.Tests;

/// <summary>
/// The project graph as docs/ARCHITECTURE.md draws it: every project reference in a src csproj,
/// and every ClAdmin namespace a src .cs file names (using lines and qualified names), must be an
/// arrow of the "layers" block there. Each failure names the file and the arrow it would need.
/// </summary>
public sealed partial class LayeringTests
{
    private static readonly string Src = Path.Combine(RepoPaths.Root, "src");

    /// <summary>Project → the projects it may use, read from the ```layers block.</summary>
    private static Dictionary<string, HashSet<string>> Allowed()
    {
        var doc = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "ARCHITECTURE.md"));
        var block = LayersBlock().Match(doc);
        Assert.True(block.Success, "docs/ARCHITECTURE.md has no ```layers block");
        var graph = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var line in block.Groups[1].Value.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split("->", 2, StringSplitOptions.TrimEntries);
            Assert.True(parts.Length == 2, $"docs/ARCHITECTURE.md: '{line}' is not 'Project -> A, B'");
            graph[parts[0]] = [.. parts[1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
        }
        return graph;
    }

    private static IEnumerable<string> Projects() =>
        Directory.GetDirectories(Src).Select(Path.GetFileName).Where(d => File.Exists(Path.Combine(Src, d!, d + ".csproj"))).Select(d => d!);

    [Fact]
    public void Every_project_is_drawn()
    {
        var allowed = Allowed();
        Assert.Equal(Projects().Order(StringComparer.Ordinal), allowed.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Project_references_follow_the_drawn_arrows()
    {
        var allowed = Allowed();
        var forbidden = new List<string>();
        foreach (var project in Projects())
        {
            var csproj = Path.Combine(Src, project, project + ".csproj");
            foreach (var reference in XDocument.Load(csproj).Descendants("ProjectReference").Select(e => (string)e.Attribute("Include")!))
            {
                var target = Path.GetFileNameWithoutExtension(reference.Replace('\\', '/'));
                if (!allowed[project].Contains(target))
                {
                    forbidden.Add($"src/{project}/{project}.csproj: references {target}, but ARCHITECTURE.md draws no arrow {project} -> {target}");
                }
            }
        }
        Assert.True(forbidden.Count == 0, string.Join("\n", forbidden));
    }

    [Fact]
    public void Code_names_only_namespaces_of_the_drawn_arrows()
    {
        var allowed = Allowed();
        var projects = Projects().ToHashSet(StringComparer.Ordinal);
        var forbidden = new List<string>();
        foreach (var project in projects)
        {
            var dir = Path.Combine(Src, project);
            foreach (var file in Directory.EnumerateFiles(dir, "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal)))
            {
                var lines = File.ReadAllLines(file);
                for (var i = 0; i < lines.Length; i++)
                {
                    var code = lines[i].TrimStart();
                    if (code.StartsWith("//", StringComparison.Ordinal) || code.StartsWith("namespace ", StringComparison.Ordinal))
                    {
                        continue;
                    }
                    foreach (Match m in QualifiedName().Matches(code))
                    {
                        var target = "ClAdmin." + m.Groups[1].Value;
                        if (projects.Contains(target) && target != project && !allowed[project].Contains(target))
                        {
                            forbidden.Add($"{Path.GetRelativePath(RepoPaths.Root, file)}:{i + 1}: {project} uses {target} ({code.Trim()})");
                        }
                    }
                }
            }
        }
        Assert.True(forbidden.Count == 0, string.Join("\n", forbidden));
    }

    [Fact]
    public void No_project_sees_another_through_a_third()
    {
        var props = File.ReadAllText(Path.Combine(Src, "Directory.Build.props"));
        Assert.Contains("<DisableTransitiveProjectReferences>true</DisableTransitiveProjectReferences>", props);
    }

    [Fact]
    public void The_graph_has_no_cycle()
    {
        var allowed = Allowed();
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        void Visit(string p, List<string> path)
        {
            if (state.GetValueOrDefault(p) == 2)
            {
                return;
            }
            Assert.True(state.GetValueOrDefault(p) != 1, "cycle: " + string.Join(" -> ", path.Append(p)));
            state[p] = 1;
            foreach (var next in allowed.GetValueOrDefault(p) ?? [])
            {
                Visit(next, [.. path, p]);
            }
            state[p] = 2;
        }
        foreach (var p in allowed.Keys)
        {
            Visit(p, []);
        }
    }

    [GeneratedRegex(@"```layers\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex LayersBlock();

    [GeneratedRegex(@"(?<![\w.])(?:global::)?ClAdmin\.([A-Z][A-Za-z]*)\b")]
    private static partial Regex QualifiedName();
}
