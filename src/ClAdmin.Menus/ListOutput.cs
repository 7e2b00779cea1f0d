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
    /// <summary>
    /// Reads list output as SMIT does: a first line starting with '#' is a heading that cannot
    /// be picked; later lines starting with '#' (after blanks) are comments of the item above.
    /// Blank lines are skipped.
    /// </summary>
    public static ListOutput Parse(string output)
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
