using ClAdmin.Menus;

namespace ClAdmin.Testing;

/// <summary>Menu sources for tests: the shipped files, or small trees written inline.</summary>
public static class MenuFixtures
{
    /// <summary>Every shipped menus/*.json, in name order.</summary>
    public static IReadOnlyList<MenuSource> Shipped() => FromDirectory(RepoPaths.Menus);

    /// <summary>The menu files of a fixture directory, in name order.</summary>
    public static IReadOnlyList<MenuSource> FromDirectory(string directory) =>
        Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal)
            .Select(f => new MenuSource(Path.GetFileName(f), File.ReadAllText(f))).ToList();
}
