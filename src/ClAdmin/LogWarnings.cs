using System.Collections.Concurrent;

namespace ClAdmin;

/// <summary>
/// A log file that cannot be written (a full disk, a directory, no permission) does not stop the
/// command it records; cladmin says so once per file on standard error, naming the file and why.
/// </summary>
public static class LogWarnings
{
    private static readonly ConcurrentDictionary<string, byte> Warned = new(StringComparer.Ordinal);

    /// <summary>A callback for the file logs that writes the warning to <paramref name="error"/>, once per file per run.</summary>
    public static Action<string, Exception> To(TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return (path, exception) =>
        {
            if (Warned.TryAdd(path, 0))
            {
                error.WriteLine($"cladmin: warning: cannot write {path}: {Reason(path, exception)}; going on without it");
                error.Flush();
            }
        };
    }

    /// <summary>The system's reason, without the path .NET repeats in its messages.</summary>
    internal static string Reason(string path, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (Directory.Exists(path))
        {
            return "it is a directory";
        }
        if (exception is UnauthorizedAccessException)
        {
            return "permission denied";
        }
        var message = exception.Message.Replace($" : '{path}'", "", StringComparison.Ordinal).Replace($" '{path}'", "", StringComparison.Ordinal).Trim();
        return message.TrimEnd('.');
    }
}
