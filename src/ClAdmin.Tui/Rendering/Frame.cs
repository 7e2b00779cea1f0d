using ClAdmin.Tui.Input;

namespace ClAdmin.Tui.Rendering;

/// <summary>
/// The pieces every screen shares, at smit.md §3's positions: the centred title, the legend on
/// the bottom rows (a 4-column grid, width/4 apart), scroll indicators, and pop-up boxes 76
/// columns wide whose bottom border sits on the last row.
/// </summary>
public static class Frame
{
    public const int MinWidth = 80;
    public const int MinHeight = 24;
    public const int PopupWidth = 76;

    public static void Title(ScreenBuffer buffer, string title)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        Centered(buffer, 0, 0, buffer.Width, title);
    }

    /// <summary>Centres text in a span: the extra column of an odd remainder goes to the right.</summary>
    public static void Centered(ScreenBuffer buffer, int row, int left, int width, string text)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Length > width ? text[..width] : text;
        buffer.Write(row, left + (width - t.Length) / 2, t);
    }

    /// <summary>Draws the legend of a full screen on the bottom rows; returns the first legend row.</summary>
    public static int Legend(ScreenBuffer buffer, ScreenKind kind)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        var rows = KeyTable.LegendKeys(kind);
        var first = buffer.Height - rows.Count;
        var slot = buffer.Width / 4;
        for (var r = 0; r < rows.Count; r++)
        {
            for (var i = 0; i < rows[r].Count; i++)
            {
                LegendKey(buffer, first + r, i * slot, rows[r][i]);
            }
        }
        return first;
    }

    /// <summary>[TOP] / [MORE...n] for the lines hidden above, [BOTTOM] / [MORE...n] for those below.</summary>
    public static string Above(int hidden) => hidden > 0 ? $"[MORE...{hidden}]" : "[TOP]";

    public static string Below(int hidden) => hidden > 0 ? $"[MORE...{hidden}]" : "[BOTTOM]";

    /// <summary>
    /// Draws a pop-up holding <paramref name="body"/> lines (text at offset 2 from the border
    /// unless the line supplies its own indent) above the legend of <paramref name="kind"/>.
    /// Returns the popup's top row and left column.
    /// </summary>
    public static (int Top, int Left) Popup(ScreenBuffer buffer, string title, IReadOnlyList<string> body, ScreenKind kind)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        ArgumentNullException.ThrowIfNull(body);
        var legend = KeyTable.LegendKeys(kind);
        var height = 2 + 2 + body.Count + 1 + legend.Count; // borders, title + blank, body, blank, legend
        var top = Math.Max(0, buffer.Height - height);
        var left = (buffer.Width - PopupWidth) / 2;
        var inner = PopupWidth - 2;
        buffer.Blank(top, left, PopupWidth, buffer.Height - top);
        var border = "+" + new string('-', inner) + "+";
        buffer.Write(top, left, border);
        buffer.Write(buffer.Height - 1, left, border);
        for (var r = top + 1; r < buffer.Height - 1; r++)
        {
            buffer.Write(r, left, "|");
            buffer.Write(r, left + PopupWidth - 1, "|");
        }
        Centered(buffer, top + 1, left + 1, inner, title);
        for (var i = 0; i < body.Count; i++)
        {
            var line = body[i];
            buffer.Write(top + 3 + i, left + 1, Clip(line, inner));
        }
        var legendTop = buffer.Height - 1 - legend.Count;
        for (var r = 0; r < legend.Count; r++)
        {
            for (var i = 0; i < legend[r].Count; i++)
            {
                LegendKey(buffer, legendTop + r, left + 2 + i * 24, legend[r][i]);
            }
        }
        return (top, left);
    }

    /// <summary>A legend label; a click on it is its key.</summary>
    private static void LegendKey(ScreenBuffer buffer, int row, int column, KeyBinding binding)
    {
        buffer.Write(row, column, binding.Label);
        buffer.Hotspot(row, column, binding.Label.Length, () => binding.Key);
    }

    /// <summary>How many body lines a pop-up can hold on this screen with the legend of <paramref name="kind"/>.</summary>
    public static int PopupCapacity(ScreenBuffer buffer, ScreenKind kind)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        return buffer.Height - (2 + 2 + 1 + KeyTable.Legend(kind).Count) - 1;
    }

    /// <summary>A body line indented as pop-up text is (one blank after the border).</summary>
    public static string Text(string text) => " " + text;

    public static string Clip(string text, int width)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length > width ? text[..width] : text;
    }

    /// <summary>Splits text into lines no wider than <paramref name="width"/>, breaking at blanks.</summary>
    public static List<string> Wrap(string text, int width)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' '))
            {
                var w = word;
                while (w.Length > width)
                {
                    if (line.Length > 0)
                    {
                        lines.Add(line);
                        line = "";
                    }
                    lines.Add(w[..width]);
                    w = w[width..];
                }
                if (line.Length == 0)
                {
                    line = w;
                }
                else if (line.Length + 1 + w.Length <= width)
                {
                    line += " " + w;
                }
                else
                {
                    lines.Add(line);
                    line = w;
                }
            }
            lines.Add(line);
        }
        return lines;
    }
}
