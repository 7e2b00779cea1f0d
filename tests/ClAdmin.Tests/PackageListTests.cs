using System.Xml.Linq;
using ClAdmin.Testing;

namespace ClAdmin.Tests;

/// <summary>Issue 18: the package list (Directory.Packages.props) holds nothing unused.</summary>
public sealed class PackageListTests
{
    [Fact]
    public void Every_pinned_package_is_referenced_by_a_project()
    {
        var pinned = XDocument.Load(Path.Combine(RepoPaths.Root, "Directory.Packages.props"))
            .Descendants("PackageVersion").Select(e => (string)e.Attribute("Include")!).ToList();
        var referenced = Directory.GetFiles(RepoPaths.Root, "*.csproj", SearchOption.AllDirectories)
            .SelectMany(p => XDocument.Load(p).Descendants("PackageReference").Select(e => (string)e.Attribute("Include")!))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var unused = pinned.Where(p => !referenced.Contains(p)).ToList();
        Assert.True(unused.Count == 0, "pinned in Directory.Packages.props but referenced by no project: " + string.Join(", ", unused));
    }
}
