using ClAdmin.Menus.Model;

namespace ClAdmin.Menus;

/// <summary>One selectable line of a cmd_to_list output, with its comment lines.</summary>
public sealed record ListItem(string Text, IReadOnlyList<string> Comments)
{
    /// <summary>The value this line gives a field in the given list mode.</summary>
    public string ValueFor(ListMode mode)
    {
        var words = Text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        return mode switch
        {
            ListMode.First => words.Length > 0 ? words[0] : "",
            ListMode.Second => words.Length > 1 ? words[1] : "",
            _ => Text.Trim(),
        };
    }
}

/// <summary>A parsed cmd_to_list output: an optional heading and the selectable items.</summary>
public sealed record ListOutput(string? Heading, IReadOnlyList<ListItem> Items)
{
    /// <summary>The heading of AIX's colon format (<c>lsuser -c</c>, <c>lsgroup -c</c>).</summary>
    private const string ColonHeading = "#name:";

    /// <summary>
    /// Reads list output as SMIT does: a first line starting with '#' is a heading that cannot
    /// be picked; later lines starting with '#' (after blanks) are comments of the item above.
    /// Blank lines are skipped. AIX's colon format (a <c>#name:attr:...</c> heading, then
    /// <c>name:value:...</c> records, as <c>lsuser -c</c> and <c>lsgroup -c</c> print them) lists
    /// the names alone.
    /// </summary>
    public static ListOutput Parse(string output)
    {
        var list = ParseLines(output);
        if (list.Heading is not { } heading || !heading.StartsWith(ColonHeading, StringComparison.Ordinal))
        {
            return list;
        }
        return new ListOutput("#name", list.Items.Select(i => i with { Text = NameOf(i.Text) }).ToList());
    }

    /// <summary>
    /// Reads the outputs of a list command that ran on several nodes (a C-SPOC command such as
    /// <c>cl_lsuser</c>, whose combined output prefixes every line with its node) as one list, as
    /// SMIT's C-SPOC lists show it: each node's output read as <see cref="Parse"/> reads it, an
    /// item that several nodes print listed once, in the order first seen, under the first heading.
    /// A list of names in AIX's colon format (users, groups) picked by its first field
    /// (<paramref name="mode"/> <see cref="ListMode.First"/>) shows beside each name the nodes that
    /// have it, so a user missing on a node shows at once; the name stays the value a pick gives.
    /// </summary>
    public static ListOutput Merge(IEnumerable<(string Node, string Output)> nodeOutputs, ListMode mode)
    {
        ArgumentNullException.ThrowIfNull(nodeOutputs);
        string? heading = null;
        var items = new List<ListItem>();
        var nodesOf = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var names = true;
        foreach (var (node, output) in nodeOutputs)
        {
            var list = Parse(output);
            heading ??= list.Heading;
            names &= list.Items.Count == 0 || IsColonFormat(output);
            foreach (var item in list.Items)
            {
                if (!nodesOf.TryGetValue(item.Text, out var nodes))
                {
                    nodesOf[item.Text] = nodes = [];
                    items.Add(item);
                }
                if (!nodes.Contains(node))
                {
                    nodes.Add(node);
                }
            }
        }
        if (!names || items.Count == 0 || mode != ListMode.First)
        {
            return new ListOutput(heading, items);
        }
        var width = Math.Max("#name".Length, items.Max(i => i.Text.Length)) + 4;
        return new ListOutput("#name".PadRight(width) + "nodes",
            items.Select(i => i with { Text = i.Text.PadRight(width) + string.Join(',', nodesOf[i.Text]) }).ToList());
    }

    /// <summary>Whether <paramref name="output"/> is in AIX's colon format (its first line a <c>#name:...</c> heading).</summary>
    private static bool IsColonFormat(string output) =>
        output.AsSpan().TrimStart().StartsWith(ColonHeading, StringComparison.Ordinal);

    private static string NameOf(string record) =>
        record.IndexOf(':', StringComparison.Ordinal) is var colon and >= 0 ? record[..colon] : record;

    private static ListOutput ParseLines(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var lines = output.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        string? heading = null;
        var items = new List<(string Text, List<string> Comments)>();
        var first = true;
        foreach (var line in lines)
        {
            if (line.Trim().Length == 0)
            {
                continue;
            }
            var isComment = line.TrimStart().StartsWith('#');
            if (first && isComment)
            {
                heading = line;
            }
            else if (isComment)
            {
                if (items.Count > 0)
                {
                    items[^1].Comments.Add(line);
                }
            }
            else
            {
                items.Add((line.TrimEnd(), []));
            }
            first = false;
        }
        return new ListOutput(heading, items.Select(i => new ListItem(i.Text, i.Comments)).ToList());
    }
}
