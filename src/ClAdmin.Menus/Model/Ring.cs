namespace ClAdmin.Menus.Model;

/// <summary>A ring: disp_values shown to the user, aix_values put on the command line, value_index first.</summary>
public sealed record Ring(IReadOnlyList<string> Values, IReadOnlyList<string>? CommandValues, int DefaultIndex)
{
    /// <summary>What goes on the command line for the ring position <paramref name="index"/>.</summary>
    public string CommandValueAt(int index) => CommandValues is { } c ? c[index] : Values[index];

    /// <summary>The position of a value given either as shown or as sent; -1 when it is neither.</summary>
    public int IndexOf(string value)
    {
        for (var i = 0; i < Values.Count; i++)
        {
            if (string.Equals(Values[i], value, StringComparison.Ordinal))
            {
                return i;
            }
        }
        if (CommandValues is { } c)
        {
            for (var i = 0; i < c.Count; i++)
            {
                if (c[i].Length > 0 && string.Equals(c[i], value, StringComparison.Ordinal))
                {
                    return i;
                }
            }
        }
        for (var i = 0; i < Values.Count; i++)
        {
            if (string.Equals(Values[i], value, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }
        return -1;
    }
}
