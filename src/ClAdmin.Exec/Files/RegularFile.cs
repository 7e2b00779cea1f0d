using System.Runtime.InteropServices;
using System.Text;

namespace ClAdmin.Exec.Files;

/// <summary>
/// Reading a file a user names (a menu file, an odmadd stanza file) safely: regular files only
/// (symbolic links followed; a FIFO, device or directory is refused before it is opened, where
/// statx(2) can tell), and never more than a limit, so /dev/zero or a huge file cannot exhaust memory.
/// </summary>
public static class RegularFile
{
    public static (byte[]? Bytes, string? Error) Read(string path, int maxBytes, string what)
    {
        if (NotRegular(path) is { } kind)
        {
            return (null, $"not a regular file ({kind}); {what} must be a regular file");
        }
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
            if (stream.CanSeek && stream.Length > maxBytes)
            {
                return (null, $"{stream.Length} bytes, more than the {maxBytes} bytes ({maxBytes / (1024 * 1024)} MB) {what} may hold");
            }
            // Sized to the file when its size is known (one byte more shows it grew past the
            // limit while read); a stream of unknown size gets the limit.
            var buffer = new byte[stream.CanSeek ? Math.Min(stream.Length, maxBytes) + 1 : maxBytes + 1];
            var read = 0;
            int n;
            while (read < buffer.Length && (n = stream.Read(buffer, read, buffer.Length - read)) > 0)
            {
                read += n;
            }
            if (stream.CanSeek && read == buffer.Length && read <= maxBytes)
            {
                // It grew while read: read on, up to the limit.
                Array.Resize(ref buffer, maxBytes + 1);
                while (read < buffer.Length && (n = stream.Read(buffer, read, buffer.Length - read)) > 0)
                {
                    read += n;
                }
            }
            return read > maxBytes
                ? (null, $"more than the {maxBytes} bytes ({maxBytes / (1024 * 1024)} MB) {what} may hold")
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
    public static string? NotRegular(string path)
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
}
