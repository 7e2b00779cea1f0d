using System.Text;

namespace ClAdmin.Exec.Utilities;

/// <summary>Column helpers shared by the formatters.</summary>
internal static class Text
{
    /// <summary>Pads to a column width; a value as wide as the column or wider keeps one space after it,
    /// so columns never run together.</summary>
    public static string Pad(string value, int width) => value.Length < width ? value.PadRight(width) : value + " ";

    /// <summary>A line of left-aligned columns; the last value is not padded.</summary>
    public static string Row(IReadOnlyList<(string Value, int Width)> columns)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < columns.Count; i++)
        {
            sb.Append(i == columns.Count - 1 ? columns[i].Value : Pad(columns[i].Value, columns[i].Width));
        }
        return sb.ToString().TrimEnd();
    }

    public static StringBuilder Line(this StringBuilder sb, string line = "") => sb.Append(line).Append('\n');

    /// <summary>The prefix length of a dotted netmask (255.255.255.0 -> 24), or "" when it is not one.</summary>
    public static string PrefixLength(string netmask)
    {
        if (!System.Net.IPAddress.TryParse(netmask, out var ip) || ip.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork)
        {
            return "";
        }
        var bits = 0;
        foreach (var b in ip.GetAddressBytes())
        {
            bits += System.Numerics.BitOperations.PopCount(b);
        }
        return bits.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
