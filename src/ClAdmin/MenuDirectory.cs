using System.Runtime.InteropServices;
using System.Text;
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
        var sources = files.Select(f => new MenuSource(f.Name, Encoding.UTF8.GetString(f.Bytes))).ToList();
        var shipped = !forceSchema && IsShipped(files);
        return MenuLoader.Load(sources, name => CommandCatalog.Default.Find(name) is not null, alreadyValidated: shipped);
    }

    /// <summary>A menu file's bytes, or why it is not read: not a regular file, too large, unreadable.</summary>
    private static (byte[]? Bytes, string? Error) ReadMenuFile(string path)
    {
        if (NotRegular(path) is { } kind)
        {
            return (null, $"not a regular file ({kind}); menu files must be regular files");
        }
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
            if (stream.CanSeek && stream.Length > MaxFileBytes)
            {
                return (null, $"{stream.Length} bytes, more than the {MaxFileBytes} bytes ({MaxFileBytes / (1024 * 1024)} MB) a menu file may hold");
            }
            var buffer = new byte[MaxFileBytes + 1];
            var read = 0;
            int n;
            while (read < buffer.Length && (n = stream.Read(buffer, read, buffer.Length - read)) > 0)
            {
                read += n;
            }
            return read > MaxFileBytes
                ? (null, $"more than the {MaxFileBytes} bytes ({MaxFileBytes / (1024 * 1024)} MB) a menu file may hold")
                : (buffer[..read], null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"cannot be read: {e.Message}");
        }
    }

    /// <summary>What a path leads to (symbolic links followed) when that is not a regular file, as
    /// statx(2) tells it; null for a regular file, or when it cannot be told (not Linux, or the
    /// path cannot be examined: reading it then names the problem).</summary>
    private static string? NotRegular(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }
        var statx = new byte[256];
        try
        {
            if (Statx(AtFdCwd, Encoding.UTF8.GetBytes(path + "\0"), 0, StatxType, statx) != 0)
            {
                return null;
            }
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return null;
        }
        return (MemoryMarshal.Read<ushort>(statx.AsSpan(StatxModeOffset)) & 0xF000) switch
        {
            0x8000 => null,
            0x4000 => "a directory",
            0x2000 => "a character device",
            0x6000 => "a block device",
            0x1000 => "a FIFO",
            0xC000 => "a socket",
            _ => "an unknown kind of file",
        };
    }

    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1;
    private const int StatxModeOffset = 28; // struct statx: u32 mask, u32 blksize, u64 attributes, u32 nlink, uid, gid; u16 mode

    [DllImport("libc.so.6", EntryPoint = "statx", SetLastError = true)] // glibc; elsewhere the size limit alone applies
    private static extern int Statx(int dirfd, byte[] path, int flags, uint mask, byte[] buffer);

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
