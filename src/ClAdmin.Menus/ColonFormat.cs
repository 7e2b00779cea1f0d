namespace ClAdmin.Menus;

/// <summary>
/// SMIT's colon format, used by cmd_to_discover output and by the name/value set passed
/// between screens: a header line <c>#name1:name2</c> and a line <c>value1:value2</c>, where a
/// colon inside a value is written <c>#!:</c>.
/// </summary>
public static class ColonFormat
{
    private const string EscapedColon = "#!:";

    /// <summary>Reads the names and values; the first non-empty line must start with '#'.</summary>
    /// <exception cref="FormatException">No header line, or more values than names.</exception>
    public static IReadOnlyDictionary<string, string> Parse(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var lines = output.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Where(l => l.Length > 0).ToList();
        if (lines.Count > 0 && NodePrefix(lines[0]) is { } prefix)
        {
            // A C-SPOC query (cl_lsuser -c USER) answers from every node, each line "node: ...":
            // the record of the first node that answered is the one shown.
            lines = lines.Where(l => l.StartsWith(prefix, StringComparison.Ordinal)).Select(l => l[prefix.Length..]).ToList();
        }
        if (lines.Count == 0 || lines[0][0] != '#')
        {
            throw new FormatException("discovery output must start with a '#name1:name2:...' header line");
        }
        var names = SplitValues(lines[0][1..]);
        var values = lines.Count > 1 ? SplitValues(lines[1]) : [];
        if (values.Count > names.Count)
        {
            throw new FormatException($"discovery output has {values.Count} values for {names.Count} names");
        }
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            result[names[i]] = i < values.Count ? values[i] : "";
        }
        return result;
    }

    /// <summary>"node1: " when <paramref name="line"/> is a C-SPOC line "node1: #name:..." whose record starts there.</summary>
    private static string? NodePrefix(string line)
    {
        var colon = line.IndexOf(": #", StringComparison.Ordinal);
        return colon > 0 && !line[..colon].Any(c => c is ' ' or ':' or '#') ? line[..(colon + 2)] : null;
    }

    /// <summary>Writes names and values in the colon format, escaping colons in values.</summary>
    public static string Format(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var list = pairs.ToList();
        return "#" + string.Join(':', list.Select(p => p.Key)) + "\n" +
            string.Join(':', list.Select(p => p.Value.Replace(":", EscapedColon, StringComparison.Ordinal))) + "\n";
    }

    /// <summary>Splits one line on colons that are not escaped as #!: and unescapes them.</summary>
    public static List<string> SplitValues(string line)
    {
        var parts = new List<string>();
        var current = new System.Text.StringBuilder();
        for (var i = 0; i < line.Length; i++)
        {
            if (string.CompareOrdinal(line, i, EscapedColon, 0, EscapedColon.Length) == 0)
            {
                current.Append(':');
                i += EscapedColon.Length - 1;
            }
            else if (line[i] == ':')
            {
                parts.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(line[i]);
            }
        }
        parts.Add(current.ToString());
        return parts;
    }
}
