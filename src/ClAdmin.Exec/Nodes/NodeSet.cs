using System.Collections;
using System.Globalization;
using System.Text;

namespace ClAdmin.Exec.Nodes;

/// <summary>
/// A set of node names written in ClusterShell's syntax: <c>node[01-32]</c>, <c>node[1-4,7]</c>,
/// <c>rack[1-2]n[1-3]</c>, steps <c>n[1-9/2]</c>, lists <c>a,b c</c>, <c>@group</c>, and the
/// operators <c>!</c> (except), <c>&amp;</c> (intersection) and <c>^</c> (either but not both),
/// applied left to right. Enumerates in natural order (node2 before node10) without duplicates.
/// </summary>
public sealed class NodeSet : IReadOnlyCollection<string>
{
    /// <summary>The most names one expression may expand to; a typo like n[1-99999999] is an error, not a hang.</summary>
    public const int MaxNodes = 100_000;

    private readonly List<string> _nodes;
    private readonly HashSet<string> _members;

    private NodeSet(IEnumerable<string> nodes)
    {
        _members = new HashSet<string>(nodes, StringComparer.Ordinal);
        _nodes = [.. _members.Order(NaturalComparer.Instance)];
    }

    public static NodeSet Empty { get; } = new([]);

    public int Count => _nodes.Count;

    public static NodeSet Of(IEnumerable<string> nodes) => new(nodes);

    public bool Contains(string node) => _members.Contains(node);

    public NodeSet Except(NodeSet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(_nodes.Where(n => !other.Contains(n)));
    }

    public NodeSet Union(NodeSet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(_nodes.Concat(other._nodes));
    }

    /// <summary>Parses a node set. Throws <see cref="FormatException"/> with a message naming the problem.
    /// Each element is checked against <see cref="MaxNodes"/> before it is expanded (a group, once
    /// resolved), and the set so far after each step, so no step works on more than twice the limit;
    /// every operator costs time in proportion to the sizes of its two sides.</summary>
    public static NodeSet Parse(string text, INodeGroupResolver? groups = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new HashSet<string>(StringComparer.Ordinal);
        var op = ',';
        var any = false;
        foreach (var (nextOp, element) in TopLevel(text))
        {
            var expanded = new HashSet<string>(element.StartsWith('@') ? ResolveGroup(element, groups) : Expand(element), StringComparer.Ordinal);
            switch (op)
            {
                case ',': result.UnionWith(expanded); break;
                case '!': result.ExceptWith(expanded); break;
                case '&': result.IntersectWith(expanded); break;
                default: result.SymmetricExceptWith(expanded); break;
            }
            if (result.Count > MaxNodes)
            {
                throw new FormatException($"node set '{text}' names more than {MaxNodes} nodes");
            }
            op = nextOp;
            any = true;
        }
        if (!any)
        {
            throw new FormatException("empty node set");
        }
        return new NodeSet(result);
    }

    public static bool TryParse(string text, INodeGroupResolver? groups, out NodeSet? set, out string? error)
    {
        try
        {
            set = Parse(text, groups);
            error = null;
            return true;
        }
        catch (FormatException e)
        {
            set = null;
            error = e.Message;
            return false;
        }
    }

    /// <summary>Folds names into the shortest ClusterShell form: node01,node02,node03,node07 → node[01-03,07].</summary>
    public static string Fold(IEnumerable<string> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        var parsed = nodes.Distinct(StringComparer.Ordinal).Select(Split).ToList();
        var parts = new List<(string SortKey, string Text)>();
        foreach (var byAffix in parsed.GroupBy(p => (p.Prefix, p.Suffix)))
        {
            var plain = byAffix.Where(p => p.Digits is null).ToList();
            parts.AddRange(plain.Select(p => (p.Prefix, p.Prefix)));
            var numbered = byAffix.Where(p => p.Digits is not null).ToList();
            var paddedWidths = numbered.Where(p => p.Digits!.Length > 1 && p.Digits[0] == '0').Select(p => p.Digits!.Length).ToHashSet();
            foreach (var byWidth in numbered.GroupBy(p => paddedWidths.Contains(p.Digits!.Length) ? p.Digits!.Length : 0))
            {
                var numbers = byWidth.Select(p => long.Parse(p.Digits!, CultureInfo.InvariantCulture)).Distinct().Order().ToList();
                var width = byWidth.Key;
                string Num(long n) => n.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0');
                if (numbers.Count == 1)
                {
                    var only = byAffix.Key.Prefix + Num(numbers[0]) + byAffix.Key.Suffix;
                    parts.Add((byAffix.Key.Prefix + Num(numbers[0]), only));
                    continue;
                }
                var ranges = new List<string>();
                for (var i = 0; i < numbers.Count;)
                {
                    var j = i;
                    while (j + 1 < numbers.Count && numbers[j + 1] == numbers[j] + 1)
                    {
                        j++;
                    }
                    ranges.Add(i == j ? Num(numbers[i]) : $"{Num(numbers[i])}-{Num(numbers[j])}");
                    i = j + 1;
                }
                parts.Add((byAffix.Key.Prefix + Num(numbers[0]), $"{byAffix.Key.Prefix}[{string.Join(',', ranges)}]{byAffix.Key.Suffix}"));
            }
        }
        return string.Join(',', parts.OrderBy(p => p.SortKey, NaturalComparer.Instance).Select(p => p.Text));
    }

    public override string ToString() => Fold(_nodes);

    public IEnumerator<string> GetEnumerator() => _nodes.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static (string Prefix, string? Digits, string Suffix) Split(string name)
    {
        var end = name.Length;
        while (end > 0 && !char.IsAsciiDigit(name[end - 1]))
        {
            end--;
        }
        var start = end;
        while (start > 0 && char.IsAsciiDigit(name[start - 1]))
        {
            start--;
        }
        return start == end || end - start > 18
            ? (name, null, "")
            : (name[..start], name[start..end], name[end..]);
    }

    private static List<string> ResolveGroup(string element, INodeGroupResolver? groups)
    {
        var name = element[1..];
        if (name.Length == 0)
        {
            throw new FormatException("'@' needs a group name");
        }
        if (groups is null)
        {
            throw new FormatException($"'{element}': node groups need a cluster configuration, and none is loaded");
        }
        var members = groups.Resolve(name) ?? throw new FormatException($"'{element}': no such group");
        if (members.Count > MaxNodes)
        {
            throw new FormatException($"'{element}' names more than {MaxNodes} nodes");
        }
        return [.. members];
    }

    /// <summary>Splits at top-level separators: ',' and whitespace (union), '!', '&amp;', '^'.
    /// Yields each element with the operator that follows it.</summary>
    private static IEnumerable<(char NextOp, string Element)> TopLevel(string text)
    {
        var depth = 0;
        var current = new StringBuilder();
        var elements = new List<(char, string)>();
        char? pendingOp = null;
        foreach (var c in text)
        {
            if (c == '[')
            {
                depth++;
            }
            else if (c == ']')
            {
                depth--;
                if (depth < 0)
                {
                    throw new FormatException($"'{text}': ']' without '['");
                }
            }
            if (depth == 0 && (c is ',' or '!' or '&' or '^' || char.IsWhiteSpace(c)))
            {
                if (current.Length > 0)
                {
                    elements.Add((',', current.ToString()));
                    current.Clear();
                }
                if (c is '!' or '&' or '^')
                {
                    if (elements.Count == 0)
                    {
                        throw new FormatException($"'{text}': '{c}' needs a node set on its left");
                    }
                    pendingOp = c;
                    elements[^1] = (c, elements[^1].Item2);
                }
                continue;
            }
            current.Append(c);
        }
        if (depth != 0)
        {
            throw new FormatException($"'{text}': '[' without ']'");
        }
        if (current.Length > 0)
        {
            elements.Add((',', current.ToString()));
        }
        else if (pendingOp is { } op && elements.Count > 0 && elements[^1].Item1 == op)
        {
            throw new FormatException($"'{text}': '{op}' needs a node set on its right");
        }
        return elements;
    }

    /// <summary>Expands one element with any number of bracket groups (the cartesian product).</summary>
    private static List<string> Expand(string element)
    {
        var results = new List<string> { "" };
        var i = 0;
        while (i < element.Length)
        {
            var open = element.IndexOf('[', i);
            if (open < 0)
            {
                var tail = element[i..];
                results = results.Select(r => r + tail).ToList();
                break;
            }
            var close = element.IndexOf(']', open);
            var literal = element[i..open];
            var values = Ranges(element[(open + 1)..close], element);
            if ((long)results.Count * values.Count > MaxNodes)
            {
                throw new FormatException($"'{element}' names more than {MaxNodes} nodes");
            }
            results = results.SelectMany(r => values.Select(v => r + literal + v)).ToList();
            i = close + 1;
        }
        if (results.Any(r => r.Length == 0 || r.Contains('@', StringComparison.Ordinal)))
        {
            throw new FormatException($"'{element}' is not a node name");
        }
        return results;
    }

    private static List<string> Ranges(string body, string element)
    {
        var values = new List<string>();
        foreach (var part in body.Split(','))
        {
            var stepAt = part.IndexOf('/', StringComparison.Ordinal);
            var rangePart = stepAt < 0 ? part : part[..stepAt];
            var step = 1L;
            if (stepAt >= 0 && (!long.TryParse(part[(stepAt + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out step) || step < 1))
            {
                throw new FormatException($"'{element}': bad step in '{part}'");
            }
            var dash = rangePart.IndexOf('-', StringComparison.Ordinal);
            var lowText = dash < 0 ? rangePart : rangePart[..dash];
            var highText = dash < 0 ? rangePart : rangePart[(dash + 1)..];
            if (!IsNumber(lowText) || !IsNumber(highText))
            {
                throw new FormatException($"'{element}': '{part}' is not a number or a range like 1-4");
            }
            var low = long.Parse(lowText, CultureInfo.InvariantCulture);
            var high = long.Parse(highText, CultureInfo.InvariantCulture);
            if (high < low)
            {
                throw new FormatException($"'{element}': range '{part}' goes backwards");
            }
            if ((high - low) / step + values.Count > MaxNodes)
            {
                throw new FormatException($"'{element}' names more than {MaxNodes} nodes");
            }
            var width = lowText.Length > 1 && lowText[0] == '0' ? lowText.Length : 0;
            for (var n = low; n <= high; n += step)
            {
                values.Add(n.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0'));
            }
        }
        return values;
    }

    private static bool IsNumber(string s) => s.Length is > 0 and <= 18 && s.All(char.IsAsciiDigit);
}

/// <summary>Orders names as people do: node2 before node10, then by text.</summary>
public sealed class NaturalComparer : IComparer<string>
{
    public static NaturalComparer Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return string.CompareOrdinal(x, y);
        }
        int i = 0, j = 0;
        while (i < x.Length && j < y.Length)
        {
            if (char.IsAsciiDigit(x[i]) && char.IsAsciiDigit(y[j]))
            {
                var si = i;
                var sj = j;
                while (i < x.Length && char.IsAsciiDigit(x[i]))
                {
                    i++;
                }
                while (j < y.Length && char.IsAsciiDigit(y[j]))
                {
                    j++;
                }
                var a = x.AsSpan(si, i - si).TrimStart('0');
                var b = y.AsSpan(sj, j - sj).TrimStart('0');
                var c = a.Length != b.Length ? a.Length.CompareTo(b.Length) : a.SequenceCompareTo(b);
                if (c != 0)
                {
                    return c;
                }
                continue;
            }
            if (x[i] != y[j])
            {
                return x[i].CompareTo(y[j]);
            }
            i++;
            j++;
        }
        var rest = (x.Length - i).CompareTo(y.Length - j);
        return rest != 0 ? rest : string.CompareOrdinal(x, y);
    }
}
