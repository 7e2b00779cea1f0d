using System.Runtime.InteropServices;
using System.Text;

namespace ClAdmin.Contracts;

/// <summary>
/// Appends text to a log file that other processes may be appending to at the same moment
/// (cspoc.log, smit.log, smit.script: every cladmin process of a user writes them). .NET's
/// append mode writes at the end of the file as it was when opened, so two processes appending
/// at once overwrite each other's lines (three processes writing 3,000 lines each kept 7,930 of
/// 9,000, 333 of them garbled). On Linux the file is opened with O_APPEND and each text goes in
/// one write(2), which the kernel places at the end whatever others wrote. The file is opened for
/// each text, as SMIT does, so a log rotated or removed meanwhile is created again.
/// </summary>
public static class AppendFile
{
    private const int OWronly = 0x1, OCreat = 0x40, OAppend = 0x400, OCloexec = 0x80000;
    private const int Enoent = 2, Eintr = 4;
    private const int Mode = 0x1B6; // 0666, less the umask, as .NET creates files

    /// <summary>Appends <paramref name="text"/> (UTF-8) to <paramref name="path"/>, creating the
    /// file (mode 0666 less the umask) and its directory when missing.</summary>
    /// <exception cref="IOException">The file cannot be opened or written (the message says why).</exception>
    public static void Write(string path, string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(text);
        if (!OperatingSystem.IsLinux())
        {
            CreateDirectoryOf(path);
            File.AppendAllText(path, text);
            return;
        }
        var name = Encoding.UTF8.GetBytes(path + "\0");
        var fd = Open(name, OWronly | OCreat | OAppend | OCloexec, Mode);
        if (fd < 0 && Marshal.GetLastPInvokeError() == Enoent)
        {
            CreateDirectoryOf(path);
            fd = Open(name, OWronly | OCreat | OAppend | OCloexec, Mode);
        }
        if (fd < 0)
        {
            throw Failure("open", path);
        }
        try
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            var done = 0;
            while (done < bytes.Length)
            {
                var n = WriteBytes(fd, ref bytes[done], bytes.Length - done);
                if (n < 0)
                {
                    if (Marshal.GetLastPInvokeError() == Eintr)
                    {
                        continue;
                    }
                    throw Failure("write", path);
                }
                done += (int)n;
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }

    private static void CreateDirectoryOf(string path)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
        }
    }

    private static IOException Failure(string call, string path) =>
        new($"{path}: {call}: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open(byte[] path, int flags, int mode);

    [DllImport("libc", EntryPoint = "write", SetLastError = true)]
    private static extern nint WriteBytes(int fd, ref byte buffer, nint count);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    private static extern int Close(int fd);
}
