using System.Text;
using ClAdmin.Menus;
using ClAdmin.Shell;

namespace ClAdmin;

/// <summary>Reads the menu files from a directory (the IO edge of the menu engine).</summary>
public static class MenuDirectory
{
    /// <summary>The menus shipped next to the program.</summary>
    public static string Default => Path.Combine(AppContext.BaseDirectory, "menus");

    /// <summary>Loads every *.json of the directory, in name order, checking command names against the catalog.</summary>
    /// <param name="forceSchema">Validate against the schema even when the files are the shipped ones (menus check).</param>
    public static MenuLoadResult Load(string? directory, bool forceSchema = false)
    {
        var dir = directory ?? Default;
        if (!Directory.Exists(dir))
        {
            return new MenuLoadResult(null, [new MenuError(dir, "", null, "menu directory does not exist")]);
        }
        var paths = Directory.GetFiles(dir, "*.json").Order(StringComparer.Ordinal).ToList();
        if (paths.Count == 0)
        {
            return new MenuLoadResult(null, [new MenuError(dir, "", null, "menu directory holds no *.json files")]);
        }
        var files = paths.Select(p => (Name: Path.GetFileName(p), Bytes: File.ReadAllBytes(p))).ToList();
        var sources = files.Select(f => new MenuSource(f.Name, Encoding.UTF8.GetString(f.Bytes))).ToList();
        var shipped = !forceSchema && IsShipped(files);
        return MenuLoader.Load(sources, name => CommandCatalog.Default.Find(name) is not null, alreadyValidated: shipped);
    }

    /// <summary>
    /// True when the files are byte for byte the menus this program was built with (embedded as
    /// resources ShippedMenus/NAME), which the test suite validates in full.
    /// </summary>
    private static bool IsShipped(IReadOnlyList<(string Name, byte[] Bytes)> files)
    {
        var assembly = typeof(MenuDirectory).Assembly;
        var shipped = assembly.GetManifestResourceNames().Count(n => n.StartsWith("ShippedMenus/", StringComparison.Ordinal));
        if (shipped != files.Count)
        {
            return false;
        }
        foreach (var (name, bytes) in files)
        {
            using var stream = assembly.GetManifestResourceStream("ShippedMenus/" + name);
            if (stream is null || stream.Length != bytes.Length)
            {
                return false;
            }
            var shippedBytes = new byte[bytes.Length];
            stream.ReadExactly(shippedBytes);
            if (!shippedBytes.AsSpan().SequenceEqual(bytes))
            {
                return false;
            }
        }
        return true;
    }
}
