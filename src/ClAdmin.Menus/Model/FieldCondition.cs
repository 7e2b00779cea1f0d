namespace ClAdmin.Menus.Model;

/// <summary>
/// When a field applies (menus.schema.json "shownWhen"): the value of <paramref name="Name"/>
/// (a selector or discovery name; a name not published counts as empty) is one of
/// <paramref name="Values"/>, or, with <paramref name="NotEmpty"/>, is not empty.
/// </summary>
public sealed record FieldCondition(string Name, IReadOnlyList<string> Values, bool NotEmpty)
{
    /// <summary>True when the field applies, given the dialog's names.</summary>
    public bool Holds(IReadOnlyDictionary<string, string>? names)
    {
        var value = names is not null && names.TryGetValue(Name, out var v) ? v.Trim() : "";
        return NotEmpty ? value.Length > 0 : Values.Contains(value, StringComparer.Ordinal);
    }
}
