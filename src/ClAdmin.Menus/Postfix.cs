using ClAdmin.Shell;

namespace ClAdmin.Menus;

/// <summary>
/// The *_postfix descriptors (cmd_to_list_postfix, cmd_to_discover_postfix,
/// cmd_to_classify_postfix): each blank-separated token that names a value in the current
/// name/value set (e.g. <c>_rawname</c>) is replaced by that value, quoted; other tokens are
/// appended as written.
/// </summary>
public static class Postfix
{
    public static string Apply(string command, string postfix, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(values);
        if (string.IsNullOrWhiteSpace(postfix))
        {
            return command;
        }
        var tokens = postfix.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .Select(t => values.TryGetValue(t, out var v) ? ShellWords.Quote(v) : t);
        return command + " " + string.Join(' ', tokens);
    }
}
