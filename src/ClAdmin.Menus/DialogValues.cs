using ClAdmin.Menus.Model;

namespace ClAdmin.Menus;

/// <summary>
/// The values of one open dialog: what each field showed when the dialog opened (the
/// baseline of SMIT's "changed" test) and what it holds now. Ring fields hold their position.
/// </summary>
public sealed class DialogValues
{
    private readonly Dictionary<string, string> _initial = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _current = new(StringComparer.Ordinal);

    private DialogValues(Dialog dialog) => Dialog = dialog;

    public Dialog Dialog { get; }

    /// <summary>
    /// Opens a dialog. Each field's first value is, in SMIT's order: the value named by its
    /// discoveryName in <paramref name="nameValues"/> (selector values and discovery output);
    /// for a ring, that value's position or else the default index; else its default; else empty.
    /// A discovered value a field has a label for is shown by its label. Fields whose
    /// <see cref="Field.ShownWhen"/> does not hold are left out, as SMIT ghosts them (not drawn, not sent).
    /// </summary>
    public static DialogValues Open(Dialog dialog, IReadOnlyDictionary<string, string>? nameValues = null)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        if (dialog.Fields.Any(f => f.ShownWhen is { } when && !when.Holds(nameValues)))
        {
            dialog = dialog with { Fields = [.. dialog.Fields.Where(f => f.ShownWhen?.Holds(nameValues) ?? true)] };
        }
        var values = new DialogValues(dialog);
        foreach (var field in dialog.Fields)
        {
            string? found = null;
            if (field.DiscoveryName.Length > 0 && nameValues is not null && nameValues.TryGetValue(field.DiscoveryName, out var v))
            {
                found = v;
            }
            string first;
            if (field.Ring is { } ring)
            {
                var index = found is null ? -1 : ring.IndexOf(found);
                first = ring.Values[index >= 0 ? index : Math.Min(ring.DefaultIndex, ring.Values.Count - 1)];
            }
            else
            {
                first = found is not null && field.Labels is { } labels && labels.TryGetValue(found, out var label) ? label : found ?? field.Default;
            }
            values._initial[field.Id] = first;
            values._current[field.Id] = first;
        }
        return values;
    }

    /// <summary>The value the field shows now (for a ring, the word shown).</summary>
    public string this[Field field] => _current[field.Id];

    /// <summary>The value the field showed when the dialog opened.</summary>
    public string InitialOf(Field field) => _initial[field.Id];

    /// <summary>
    /// Sets a field as a user would, checking it as the dialog would: entry type, size, ring
    /// values (given as shown or as sent). Returns an error message naming the field, or null.
    /// </summary>
    public string? Set(Field field, string value)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(value);
        if (Validate(field, value) is { } error)
        {
            return error;
        }
        _current[field.Id] = field.Ring is { } ring ? ring.Values[ring.IndexOf(value)] : value;
        return null;
    }

    /// <summary>Sets a field by id; the error names an unknown id and lists the dialog's fields.</summary>
    public string? Set(string fieldId, string value)
    {
        var field = Dialog.FindField(fieldId);
        if (field is null)
        {
            return $"dialog {Dialog.Id} has no field '{fieldId}'; its fields are: {string.Join(", ", Dialog.Fields.Where(f => !f.IsHeading).Select(f => f.Id))}";
        }
        return Set(field, value);
    }

    /// <summary>F5: puts a field back to the value it showed when the dialog opened.</summary>
    public void Reset(Field field) => _current[field.Id] = _initial[field.Id];

    /// <summary>Empties the fields marked clear-after-success (upper-case op_type) once a command succeeded.</summary>
    public void ClearAfterSuccess()
    {
        foreach (var field in Dialog.Fields.Where(f => f.ClearAfterSuccess && f.Ring is null))
        {
            _current[field.Id] = "";
        }
    }

    /// <summary>The error for a value the field would refuse, or null.</summary>
    public static string? Validate(Field field, string value)
    {
        ArgumentNullException.ThrowIfNull(field);
        var name = $"field '{field.Label.Trim()}' ({field.Id})";
        if (field.Ring is { } ring)
        {
            return ring.IndexOf(value) >= 0 ? null : $"{name}: '{value}' is not one of: {string.Join(", ", ring.Values)}";
        }
        if (field.Size > 0 && value.Length > field.Size)
        {
            return $"{name}: at most {field.Size} characters";
        }
        if (value.Contains('\0', StringComparison.Ordinal))
        {
            return $"{name}: a value cannot contain a NUL character";
        }
        var text = value.Trim();
        if (text.Length == 0)
        {
            return null;
        }
        return field.Entry switch
        {
            EntryType.Numeric when !IsNumeric(text, field.MultiSelect) => $"{name}: '{value}' is not a number (digits, with an optional leading + or -)",
            EntryType.Hex when !IsHex(text) => $"{name}: '{value}' is not a hexadecimal number",
            _ => null,
        };
    }

    private static bool IsNumeric(string text, MultiSelect multi)
    {
        var parts = multi == MultiSelect.Single ? [text] : CommandBuilder.SplitItems(text);
        return parts.All(p => System.Text.RegularExpressions.Regex.IsMatch(p, "^[+-]?[0-9]+$"));
    }

    private static bool IsHex(string text)
    {
        var t = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text[2..] : text;
        return t.Length > 0 && t.All(char.IsAsciiHexDigit);
    }
}
