using ClAdmin.Menus.Model;

namespace ClAdmin.Tui.Screens;

/// <summary>
/// Typing into one field: insert at the cursor, delete, Home/End, and the field's constraints
/// checked on every key (digits for numeric, hex digits for hexadecimal, the entry size, nothing
/// for display-only fields). Returns false for a key the field refuses.
/// </summary>
public static class FieldEditor
{
    public static bool CanType(Field field) =>
        (field ?? throw new ArgumentNullException(nameof(field))).Entry != EntryType.None;

    /// <summary>Whether <paramref name="c"/> may be typed into the field.</summary>
    public static bool Accepts(Field field, char c)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (c < ' ' || c == '\x7f')
        {
            return false;
        }
        var list = field.MultiSelect != MultiSelect.Single && (c == ',' || c == ' ');
        return field.Entry switch
        {
            EntryType.None => false,
            EntryType.Numeric => char.IsAsciiDigit(c) || c == '+' || c == '-' || list,
            EntryType.Hex => char.IsAsciiHexDigit(c) || c == 'x' || c == 'X' || list,
            _ => true,
        };
    }

    /// <summary>Inserts a character at the cursor if the field accepts it and has room.</summary>
    public static bool Insert(Field field, ref string text, ref int cursor, char c)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(text);
        if (!Accepts(field, c) || (field.Size > 0 && text.Length >= field.Size))
        {
            return false;
        }
        cursor = Math.Clamp(cursor, 0, text.Length);
        text = text.Insert(cursor, c.ToString());
        cursor++;
        return true;
    }

    public static void Backspace(ref string text, ref int cursor)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (cursor > 0 && cursor <= text.Length)
        {
            text = text.Remove(cursor - 1, 1);
            cursor--;
        }
    }

    public static void Delete(ref string text, int cursor)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (cursor >= 0 && cursor < text.Length)
        {
            text = text.Remove(cursor, 1);
        }
    }

    public static void KillToEnd(ref string text, int cursor)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (cursor >= 0 && cursor < text.Length)
        {
            text = text[..cursor];
        }
    }

    /// <summary>The right-margin markers (smit.md §3.2): + for a list or ring, then # X / ? for the type.</summary>
    public static string Markers(Field field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var list = field.HasList ? "+" : "";
        var type = field.Secret ? "?" : field.Entry switch
        {
            EntryType.Numeric => "#",
            EntryType.Hex => "X",
            EntryType.File => "/",
            _ => "",
        };
        return list + type;
    }
}
