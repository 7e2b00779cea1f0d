using ClAdmin.Exec;
using ClAdmin.Menus;

namespace ClAdmin;

/// <summary>Reads the menu files from a directory (the IO edge of the menu engine).</summary>
public static class MenuDirectory
{
    /// <summary>The menus shipped next to the program.</summary>
    public static string Default => Path.Combine(AppContext.BaseDirectory, "menus");

    /// <summary>Loads every *.json of the directory, in name order, checking command names against the catalog.</summary>
    public static MenuLoadResult Load(string? directory)
    {
        var dir = directory ?? Default;
        if (!Directory.Exists(dir))
        {
            return new MenuLoadResult(null, [new MenuError(dir, "", null, "menu directory does not exist")]);
        }
        var files = Directory.GetFiles(dir, "*.json").Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            return new MenuLoadResult(null, [new MenuError(dir, "", null, "menu directory holds no *.json files")]);
        }
        var sources = files.Select(f => new MenuSource(Path.GetFileName(f), File.ReadAllText(f)));
        return MenuLoader.Load(sources, name => CommandCatalog.Default.Find(name) is not null);
    }
}
