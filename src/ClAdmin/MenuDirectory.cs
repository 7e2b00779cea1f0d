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
        if (fastpath is not null && ReadShipped(paths) is { } shippedFiles && FastpathLoader.Load(shippedFiles, fastpath) is { } partial)
        {
            return new MenuLoadResult(partial, []);
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
        var sources = files.Select(f => new MenuSource(f.Name, System.Text.Encoding.UTF8.GetString(f.Bytes))).ToList();
        var shipped = !forceSchema && IsShipped(files);
        return MenuLoader.Load(sources, name => CommandCatalog.Default.Find(name) is not null, alreadyValidated: shipped);
    }

    /// <summary>
    /// The files when they are the shipped menus, each read once into an array of its size and
    /// compared with the copy inside the program a chunk at a time; null unless every file is a
    /// regular file byte for byte identical to the shipped one of its name, and no other is there
    /// (the full load then reads them and names any problem).
    /// </summary>
    private static List<MenuBytes>? ReadShipped(IReadOnlyList<string> paths)
    {
        var assembly = typeof(MenuDirectory).Assembly;
        if (assembly.GetManifestResourceNames().Count(n => n.StartsWith("ShippedMenus/", StringComparison.Ordinal)) != paths.Count)
        {
            return null;
        }
        var files = new List<MenuBytes>(paths.Count);
        var chunk = new byte[16 * 1024];
        foreach (var path in paths)
        {
            var name = Path.GetFileName(path);
            using var shipped = assembly.GetManifestResourceStream("ShippedMenus/" + name);
            if (shipped is null || shipped.Length > MaxFileBytes || RegularFile.NotRegular(path) is not null)
            {
                return null;
            }
            try
            {
                using var handle = File.OpenHandle(path);
                if (RandomAccess.GetLength(handle) != shipped.Length)
                {
                    return null;
                }
                var bytes = new byte[shipped.Length];
                for (int at = 0, n; at < bytes.Length; at += n)
                {
                    if ((n = RandomAccess.Read(handle, bytes.AsSpan(at), at)) == 0)
                    {
                        return null;
                    }
                }
                for (int at = 0, n; at < bytes.Length; at += n)
                {
                    if ((n = shipped.Read(chunk)) == 0 || !chunk.AsSpan(0, n).SequenceEqual(bytes.AsSpan(at, Math.Min(n, bytes.Length - at))))
                    {
                        return null;
                    }
                }
                if (RandomAccess.Read(handle, chunk.AsSpan(0, 1), bytes.Length) != 0)
                {
                    return null; // it grew while read
                }
                files.Add(new MenuBytes(name, bytes));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return null;
            }
        }
        return files;
    }

    /// <summary>A menu file's bytes, or why it is not read: not a regular file, too large, unreadable.</summary>
    private static (byte[]? Bytes, string? Error) ReadMenuFile(string path) =>
        RegularFile.Read(path, MaxFileBytes, "a menu file");

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
