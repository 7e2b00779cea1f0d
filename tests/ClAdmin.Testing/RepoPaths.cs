namespace ClAdmin.Testing;

/// <summary>Where things are in the repository, found from the test's output directory.</summary>
public static class RepoPaths
{
    /// <summary>The repository root: the directory holding ClAdmin.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The shipped menus.</summary>
    public static string Menus => Path.Combine(Root, "menus");

    /// <summary>A new temporary directory holding a copy of the shipped menus (the caller deletes it).</summary>
    public static DirectoryInfo CopyOfShippedMenus()
    {
        var dir = Directory.CreateTempSubdirectory("cladmin-menus-");
        foreach (var file in Directory.GetFiles(Menus, "*.json"))
        {
            File.Copy(file, Path.Combine(dir.FullName, Path.GetFileName(file)));
        }
        return dir;
    }

    /// <summary>The shared reference material next to the repository, when present.</summary>
    public static string Shared => Path.Combine(Root, "..", "shared");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ClAdmin.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"ClAdmin.sln not found above {AppContext.BaseDirectory}");
    }
}
