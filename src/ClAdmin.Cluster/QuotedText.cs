using System.Globalization;
using System.Text;

namespace ClAdmin.Cluster;

/// <summary>
/// A value as clmgr prints it between double quotes (<c>ATTR="value"</c>) or in a message: a
/// backslash is written <c>\\</c>, a double quote <c>\"</c>, newline, carriage return and tab
/// <c>\n</c>, <c>\r</c>, <c>\t</c>, any other control character (ESC, NUL, C1) <c>\xHH</c>, and line
/// separators and invisible format characters <c>\uHHHH</c>, so that no value can leave its quotes
/// or its line, or drive the terminal.
/// </summary>
public static class QuotedText
{
    /// <summary>The escaped value; <paramref name="quotes"/> false leaves double quotes as they are
    /// (for the colon form, which has none).</summary>
    public static string Escape(string value, bool quotes = true)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.Any(c => NeedsEscape(c, quotes)))
        {
            return value;
        }
        var sb = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\': sb.Append("\\\\"); break;
                case '"' when quotes: sb.Append("\\\""); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case < '\u0100' when char.IsControl(c): sb.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture)); break;
                case var _ when IsInvisible(c): sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }

    private static bool NeedsEscape(char c, bool quotes) => c == '\\' || (quotes && c == '"') || char.IsControl(c) || IsInvisible(c);

    /// <summary>Line and paragraph separators, and format characters (bidirectional overrides, zero-width).</summary>
    private static bool IsInvisible(char c) => char.GetUnicodeCategory(c) is UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Format;
}
