using System.Text;
using ClAdmin.Contracts;
using ClAdmin.Exec.Nodes;

namespace ClAdmin.Exec.FanOut;

/// <summary>One piece of output and the nodes that printed exactly it.</summary>
public sealed record OutputBlock(string NodeSet, IReadOnlyList<string> Nodes, string Text);

/// <summary>
/// Folds per-node output as <c>clush -b</c> does: identical texts become one block headed by the
/// node set that printed them. Also writes C-SPOC's line-prefixed form (<c>node1: ...</c>).
/// </summary>
public static class Gatherer
{
    /// <summary>Groups nodes by identical text; nodes with empty text are left out. Blocks come in
    /// the natural order of their first node.</summary>
    public static IReadOnlyList<OutputBlock> Fold(IEnumerable<NodeResult> results, Func<NodeResult, string> text)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(text);
        return results
            .Select(r => (r.Node, Text: text(r)))
            .Where(x => x.Text.Length > 0)
            .GroupBy(x => x.Text, StringComparer.Ordinal)
            .Select(g => new OutputBlock(NodeSet.Fold(g.Select(x => x.Node)), g.Select(x => x.Node).Order(NaturalComparer.Instance).ToList(), g.Key))
            .OrderBy(b => b.Nodes[0], NaturalComparer.Instance)
            .ToList();
    }

    /// <summary>Renders blocks like clush -b:
    /// <code>
    /// ---------------
    /// node[01-03] (3)
    /// ---------------
    /// output
    /// </code></summary>
    public static string Render(IEnumerable<OutputBlock> blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var sb = new StringBuilder();
        foreach (var b in blocks)
        {
            var header = $"{b.NodeSet} ({b.Nodes.Count})";
            const string rule = "---------------";
            sb.Append(rule).Append('\n').Append(header).Append('\n').Append(rule).Append('\n');
            sb.Append(b.Text);
            if (!b.Text.EndsWith('\n'))
            {
                sb.Append('\n');
            }
        }
        return sb.ToString();
    }

    /// <summary>C-SPOC's form: every line of every node's text prefixed with "node: ", nodes in natural order.</summary>
    public static string Prefix(IEnumerable<NodeResult> results, Func<NodeResult, string> text)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder();
        foreach (var r in results.OrderBy(r => r.Node, NaturalComparer.Instance))
        {
            AppendPrefixed(sb, r.Node, text(r));
        }
        return sb.ToString();
    }

    /// <summary>Appends <paramref name="text"/> with each line prefixed by "node: ".</summary>
    public static void AppendPrefixed(StringBuilder into, string node, string text)
    {
        ArgumentNullException.ThrowIfNull(into);
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return;
        }
        var body = text.EndsWith('\n') ? text[..^1] : text;
        foreach (var line in body.Split('\n'))
        {
            into.Append(node).Append(": ").Append(line).Append('\n');
        }
    }
}
