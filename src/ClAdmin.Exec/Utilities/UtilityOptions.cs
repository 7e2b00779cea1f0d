namespace ClAdmin.Exec.Utilities;

/// <summary>
/// getopt for the utilities: single-letter flags (clustered, as in -vs), flags taking a value
/// (<c>-g rg</c> or <c>-grg</c>), then operands; "--" ends the flags. Errors are worded as AIX's
/// getopt words them.
/// </summary>
public sealed class UtilityOptions
{
    private readonly HashSet<char> _flags = [];
    private readonly Dictionary<char, string> _values = [];

    public IReadOnlyList<string> Operands { get; private set; } = [];

    public bool Has(char flag) => _flags.Contains(flag);

    public string? Value(char flag) => _values.GetValueOrDefault(flag);

    /// <param name="flags">The flag letters; a letter followed by ':' takes a value ("vsg:").</param>
    /// <param name="error">The message when a flag is unknown or lacks its value.</param>
    public static UtilityOptions? Parse(string command, IReadOnlyList<string> args, string flags, out string? error)
    {
        var result = new UtilityOptions();
        var operands = new List<string>();
        error = null;
        var i = 0;
        for (; i < args.Count; i++)
        {
            var a = args[i];
            if (a == "--")
            {
                i++;
                break;
            }
            if (a.Length < 2 || a[0] != '-')
            {
                break;
            }
            for (var j = 1; j < a.Length; j++)
            {
                var at = flags.IndexOf(a[j], StringComparison.Ordinal);
                if (at < 0 || a[j] == ':')
                {
                    error = $"{command}: Not a recognized flag: {a[j]}";
                    return null;
                }
                if (at + 1 < flags.Length && flags[at + 1] == ':')
                {
                    var value = j + 1 < a.Length ? a[(j + 1)..] : i + 1 < args.Count ? args[++i] : null;
                    if (value is null)
                    {
                        error = $"{command}: Flag requires a parameter: {a[j]}";
                        return null;
                    }
                    result._values[a[j]] = value;
                    result._flags.Add(a[j]);
                    break;
                }
                result._flags.Add(a[j]);
            }
        }
        operands.AddRange(args.Skip(i));
        result.Operands = operands;
        return result;
    }
}
