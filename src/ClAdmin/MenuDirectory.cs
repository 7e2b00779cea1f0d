using ClAdmin.Exec.Files;
using ClAdmin.Menus;
using ClAdmin.Shell;

namespace ClAdmin;

/// <summary>Reads the menu files from a directory (the IO edge of the menu engine).</summary>
public static class MenuDirectory
{
    /// <summary>The menus shipped next to the program.</summary>
    public static string Default => Path.Combine(AppContext.BaseDirectory, "menus");

    /// <summary>The largest menu file read (the biggest shipped one is about 260 KB).</summary>
    public const int MaxFileBytes = 4 * 1024 * 1024;

    /// <summary>Loads every *.json of the directory, in name order, checking command names against the catalog.
    /// Only regular files are read (a symbolic link only when it leads to one), each of at most
    /// <see cref="MaxFileBytes"/>; any other entry is an error naming it.</summary>
    /// <param name="forceSchema">Validate against the schema even when the files are the shipped ones (menus check).</param>
    public static MenuLoadResult Load(string? directory, bool forceSchema = false) => Load(directory, forceSchema, fastpath: null);

    /// <summary>
    /// What `cladmin run FASTPATH` needs: when the files are the shipped ones, only the screens
    /// the fast path reaches, from the files that hold them (<see cref="FastpathLoader"/>);
    /// otherwise, or when that cannot answer (a menu, an unknown name), the whole tree as
    /// <see cref="Load(string?, bool)"/> loads it, with the same errors.
    /// </summary>
    public static MenuLoadResult LoadFor(string? directory, string fastpath) => Load(directory, forceSchema: false, fastpath);

    private static MenuLoadResult Load(string? directory, bool forceSchema, string? fastpath)
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
        var files = new List<(string Name, byte[] Bytes)>();
        var errors = new List<MenuError>();
        foreach (var path in paths)
        {
            var (bytes, error) = ReadMenuFile(path);
            if (bytes is null)
            {
                errors.Add(new MenuError(Path.GetFileName(path), "", null, error!));
                continue;
            }
            files.Add((Path.GetFileName(path), bytes));
        }
        if (errors.Count > 0)
        {
            return new MenuLoadResult(null, errors);
        }
        var shipped = !forceSchema && IsShipped(files);
        if (shipped && fastpath is not null && FastpathLoader.Load([.. files.Select(f => new MenuBytes(f.Name, f.Bytes))], fastpath) is { } partial)
        {
            return new MenuLoadResult(partial, []);
        }
        var sources = files.Select(f => new MenuSource(f.Name, System.Text.Encoding.UTF8.GetString(f.Bytes))).ToList();
        return MenuLoader.Load(sources, name => CommandCatalog.Default.Find(name) is not null, alreadyValidated: shipped);
    }

    /// <summary>A menu file's bytes, or why it is not read: not a regular file, too large, unreadable.</summary>
    private static (byte[]? Bytes, string? Error) ReadMenuFile(string path) =>
        RegularFile.Read(path, MaxFileBytes, "a menu file");

    /// <summary>
    /// True when the files are byte for byte the menus this program was built with (embedded as
    /// resources ShippedMenus/NAME), which the test suite validates in full. Compared a chunk at a
    /// time, with no second copy of the files.
    /// </summary>
    private static bool IsShipped(IReadOnlyList<(string Name, byte[] Bytes)> files)
    {
        var assembly = typeof(MenuDirectory).Assembly;
        var shipped = assembly.GetManifestResourceNames().Count(n => n.StartsWith("ShippedMenus/", StringComparison.Ordinal));
        if (shipped != files.Count)
        {
            return false;
        }
        var chunk = new byte[16 * 1024];
        foreach (var (name, bytes) in files)
        {
            using var stream = assembly.GetManifestResourceStream("ShippedMenus/" + name);
            if (stream is null || stream.Length != bytes.Length)
            {
                return false;
            }
            for (int at = 0, n; at < bytes.Length; at += n)
            {
                if ((n = stream.Read(chunk)) == 0 || !chunk.AsSpan(0, n).SequenceEqual(bytes.AsSpan(at, n)))
                {
                    return false;
                }
            }
        }
        return true;
    }
}
