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
    /// <summary>"line N: message"; an error of no one line (Line 0) is the message alone.</summary>
    public override string ToString() => Line > 0 ? $"line {Line}: {Message}" : Message;
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

    /// <summary>At most this many errors are listed by <see cref="ParseForAdd"/>; the rest are counted.</summary>
    public const int MaxErrors = 20;

    /// <summary>Parses stanzas; '*' and '#' start comment lines (odmadd accepts '*').</summary>
    public static (IReadOnlyList<OdmObject> Objects, IReadOnlyList<OdmError> Errors) Parse(string text)
    {
        var (stanzas, errors) = ParseStanzas(text);
        return ([.. stanzas.Select(s => s.Object)], errors);
    }

    /// <summary>
    /// Parses stanzas as odmadd loads them into the HACMP classes: each class must be one of
    /// <see cref="OdmMapping.Classes"/>, each descriptor one of its class (<see cref="OdmClasses"/>) and
    /// given once, a numeric descriptor an integer, a value printable text on one line within its length,
    /// and no more nodes, networks or resource groups than a cluster can have. Each error names the line,
    /// and the class and first line of its stanza; at most <see cref="MaxErrors"/> are listed.
    /// </summary>
    public static (IReadOnlyList<OdmObject> Objects, IReadOnlyList<OdmError> Errors) ParseForAdd(string text)
    {
        var (stanzas, syntax) = ParseStanzas(text);
        var errors = new List<OdmError>(syntax);
        var objects = new List<OdmObject>(stanzas.Count);
        var counted = new Dictionary<string, HashSet<string>>();
        foreach (var (o, start, lines) in stanzas)
        {
            if (!OdmClasses.Descriptors.TryGetValue(o.Class, out var descriptors))
            {
                errors.Add(new(start, $"{o.Class} is not an object class (classes: {string.Join(", ", OdmMapping.Classes)})"));
                continue;
            }
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var typed = new List<OdmAttribute>(o.Attributes.Count);
            for (var i = 0; i < o.Attributes.Count; i++)
            {
                var a = o.Attributes[i];
                var where = $"{o.Class} stanza at line {start}: ";
                if (!descriptors.TryGetValue(a.Name, out var d))
                {
                    errors.Add(new(lines[i], $"{where}\"{a.Name}\" is not a descriptor of {o.Class}"));
                }
                else if (!seen.Add(a.Name))
                {
                    errors.Add(new(lines[i], $"{where}{a.Name} is given twice"));
                }
                else if (a.Value.AsSpan().IndexOfAnyInRange('\0', '\x1f') is var at && (at >= 0 || a.Value.Contains('\x7f', StringComparison.Ordinal)))
                {
                    var c = at >= 0 ? a.Value[at] : '\x7f';
                    var shown = c switch { '\0' => "\\0", '\n' => "\\n", '\t' => "\\t", '\r' => "\\r", _ => $"\\x{(int)c:x2}" };
                    errors.Add(new(lines[i], $"{where}{a.Name} holds a control character ({shown}); values are printable text on one line"));
                }
                else if (d.IsNumber && !long.TryParse(a.Value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out _))
                {
                    errors.Add(new(lines[i], $"{where}{a.Name} = \"{a.Value}\" is not a number"));
                }
                else if (a.Value.Length > d.MaxLength)
                {
                    errors.Add(new(lines[i], $"{where}{a.Name} is {a.Value.Length} characters long; at most {d.MaxLength}"));
                }
                else
                {
                    typed.Add(a with { IsNumber = d.IsNumber });
                }
            }
            if (OdmClasses.Counted.TryGetValue(o.Class, out var limit))
            {
                var names = counted.TryGetValue(o.Class, out var set) ? set : counted[o.Class] = [];
                if (names.Add(o.Get(limit.Key)) && names.Count == limit.Max + 1)
                {
                    errors.Add(new(start, $"{o.Class} stanza \"{o.Get(limit.Key)}\": a cluster has at most {limit.Max} {limit.What}"));
                }
            }
            objects.Add(o with { Attributes = typed });
        }
        if (errors.Count > MaxErrors)
        {
            var more = errors.Count - MaxErrors;
            errors = [.. errors.OrderBy(e => e.Line).Take(MaxErrors), new OdmError(0, $"{more} more errors not shown")];
        }
        return (objects, errors);
    }

    private static (List<(OdmObject Object, int Start, List<int> Lines)> Stanzas, List<OdmError> Errors) ParseStanzas(string text)
    {
        var stanzas = new List<(OdmObject, int, List<int>)>();
        var errors = new List<OdmError>();
        string? cls = null;
        List<OdmAttribute>? attrs = null;
        List<int>? lines = null;
        var start = 0;
        var lineNo = 0;
        void Flush()
        {
            if (cls is not null)
            {
                stanzas.Add((new OdmObject(cls, attrs!), start, lines!));
            }
            cls = null;
            attrs = null;
            lines = null;
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
                lines = [];
                start = lineNo;
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
            lines!.Add(lineNo);
        }
        Flush();
        return (stanzas, errors);
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
