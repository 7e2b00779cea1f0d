using System.Text;

namespace ClAdmin.Cluster.Odm;

/// <summary>One attribute of an ODM object: strings print quoted, numbers bare, as odmget prints them.</summary>
public sealed record OdmAttribute(string Name, string Value, bool IsNumber = false);

/// <summary>One object of an ODM object class, its attributes in class order.</summary>
public sealed record OdmObject(string Class, IReadOnlyList<OdmAttribute> Attributes)
{
    public string? this[string name] => Attributes.FirstOrDefault(a => a.Name == name)?.Value;

    public string Get(string name) => this[name] ?? "";

    public int GetInt(string name) => int.TryParse(this[name], System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0;
}

/// <summary>A parse error in a stanza file, with its line number.</summary>
public sealed record OdmError(int Line, string Message)
{
    public override string ToString() => $"line {Line}: {Message}";
}

/// <summary>The odmget / odmadd stanza format:
/// <code>
/// HACMPnode:
///         name = "node1"
///         node_id = 1
/// </code>
/// each stanza preceded by an empty line; string values in double quotes.</summary>
public static class OdmStanza
{
    public static string Format(IEnumerable<OdmObject> objects)
    {
        var sb = new StringBuilder();
        foreach (var o in objects)
        {
            sb.Append('\n').Append(o.Class).Append(":\n");
            foreach (var a in o.Attributes)
            {
                sb.Append('\t').Append(a.Name).Append(" = ").Append(a.IsNumber ? a.Value : Quote(a.Value)).Append('\n');
            }
        }
        return sb.ToString();
    }

    private static string Quote(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"";

    /// <summary>Parses stanzas; '*' and '#' start comment lines (odmadd accepts '*').</summary>
    public static (IReadOnlyList<OdmObject> Objects, IReadOnlyList<OdmError> Errors) Parse(string text)
    {
        var objects = new List<OdmObject>();
        var errors = new List<OdmError>();
        string? cls = null;
        List<OdmAttribute>? attrs = null;
        var lineNo = 0;
        void Flush()
        {
            if (cls is not null)
            {
                objects.Add(new OdmObject(cls, attrs!));
            }
            cls = null;
            attrs = null;
        }
        foreach (var raw in text.Split('\n'))
        {
            lineNo++;
            var line = raw.TrimEnd('\r');
            var trimmed = line.Trim();
            if (trimmed.Length == 0)
            {
                Flush();
                continue;
            }
            if (trimmed.StartsWith('*') || trimmed.StartsWith('#'))
            {
                continue;
            }
            if (!char.IsWhiteSpace(line[0]) && trimmed.EndsWith(':') && !trimmed.Contains('='))
            {
                Flush();
                cls = trimmed[..^1].Trim();
                attrs = [];
                continue;
            }
            var eq = trimmed.IndexOf('=', StringComparison.Ordinal);
            if (cls is null)
            {
                errors.Add(new(lineNo, $"\"{trimmed}\" is outside a stanza; a stanza starts with \"ClassName:\""));
                continue;
            }
            if (eq <= 0)
            {
                errors.Add(new(lineNo, $"expected \"attribute = value\" in class {cls}, found \"{trimmed}\""));
                continue;
            }
            var name = trimmed[..eq].Trim();
            var value = trimmed[(eq + 1)..].Trim();
            if (value.StartsWith('"'))
            {
                if (value.Length < 2 || !value.EndsWith('"'))
                {
                    errors.Add(new(lineNo, $"attribute {name}: unterminated quoted value"));
                    continue;
                }
                attrs!.Add(new OdmAttribute(name, Unquote(value[1..^1])));
            }
            else
            {
                attrs!.Add(new OdmAttribute(name, value, IsNumber: true));
            }
        }
        Flush();
        return (objects, errors);
    }

    private static string Unquote(string s)
    {
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '\\' && i + 1 < s.Length)
            {
                i++;
                sb.Append(s[i] == 'n' ? '\n' : s[i]);
            }
            else
            {
                sb.Append(s[i]);
            }
        }
        return sb.ToString();
    }
}

/// <summary>odmget -q criteria: <c>attr = value [and attr = value ...]</c>; values may be quoted; <c>!=</c> and <c>like</c> (with % and _) too.</summary>
public sealed record OdmCriteria(IReadOnlyList<(string Attribute, string Op, string Value)> Terms)
{
    public static OdmCriteria? Parse(string text, out string? error)
    {
        error = null;
        var terms = new List<(string, string, string)>();
        foreach (var part in System.Text.RegularExpressions.Regex.Split(text, @"\s+and\s+", System.Text.RegularExpressions.RegexOptions.IgnoreCase))
        {
            var m = System.Text.RegularExpressions.Regex.Match(part.Trim(), @"^([A-Za-z_][A-Za-z0-9_]*)\s*(!=|=|\s+like\s+)\s*(.*)$", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
            if (!m.Success)
            {
                error = $"bad criteria \"{part.Trim()}\": expected attribute=value";
                return null;
            }
            var value = m.Groups[3].Value.Trim();
            if (value.Length >= 2 && (value[0] is '\'' or '"') && value[^1] == value[0])
            {
                value = value[1..^1];
            }
            terms.Add((m.Groups[1].Value, m.Groups[2].Value.Trim().ToLowerInvariant(), value));
        }
        return new OdmCriteria(terms);
    }

    public bool Matches(OdmObject o) => Terms.All(t =>
    {
        var v = o[t.Attribute];
        if (v is null)
        {
            return false;
        }
        return t.Op switch
        {
            "=" => v == t.Value,
            "!=" => v != t.Value,
            _ => System.Text.RegularExpressions.Regex.IsMatch(v, "^" + System.Text.RegularExpressions.Regex.Escape(t.Value).Replace("%", ".*", StringComparison.Ordinal).Replace("_", ".", StringComparison.Ordinal) + "$"),
        };
    });
}
