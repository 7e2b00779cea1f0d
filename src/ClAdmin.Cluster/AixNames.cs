namespace ClAdmin.Cluster;

/// <summary>
/// AIX's rules for user and group names, as mkuser and mkgroup apply them: at most
/// <see cref="MaxLength"/> characters (the default max_logname of sys0 is 9, with the terminating
/// NUL); not beginning with - + @ ~; not the keywords ALL or default; no blanks, control
/// characters or any of : " # , = \ / ? ' `. A refusal reads
/// <c>3004-694 Error adding "NAME" : Name is invalid.</c>
/// </summary>
public static class AixNames
{
    /// <summary>The longest user or group name with AIX's default max_logname.</summary>
    public const int MaxLength = 8;

    /// <summary>The reason mkuser or mkgroup refuses <paramref name="name"/> (<c>Name is invalid.</c>,
    /// <c>Name is too long.</c>), or null when the name is allowed.</summary>
    public static string? Problem(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0 || name is "ALL" or "default" || name[0] is '-' or '+' or '@' or '~'
            || name.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c is ':' or '"' or '#' or ',' or '=' or '\\' or '/' or '?' or '\'' or '`'))
        {
            return "Name is invalid.";
        }
        return name.Length > MaxLength ? "Name is too long." : null;
    }

    /// <summary>mkuser's and mkgroup's refusal of a new name: <c>3004-694 Error adding "NAME" : REASON</c>,
    /// with control characters of the name shown as '?' so that the message cannot drive a terminal.</summary>
    public static string AddError(string name, string reason)
    {
        ArgumentNullException.ThrowIfNull(name);
        return $"3004-694 Error adding \"{new string([.. name.Select(c => char.IsControl(c) ? '?' : c)])}\" : {reason}";
    }
}
