namespace ClAdmin.Menus.Model;

/// <summary>A name selector (sm_name_hdr) and its one field.</summary>
public sealed record Selector
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    /// <summary>next_id, or the stem a raw or cooked value is appended to.</summary>
    public required string Next { get; init; }
    public NextType NextType { get; init; } = NextType.Dialog;
    public SelectorType Type { get; init; }
    public bool Ghost { get; init; }
    public bool HasNameSelect { get; init; }
    public string ClassifyCommand { get; init; } = "";
    public string ClassifyPostfix { get; init; } = "";
    /// <summary>The name the entered value is published under (default _rawname).</summary>
    public string RawFieldName { get; init; } = "_rawname";
    /// <summary>The name the classified value is published under (default _cookedname).</summary>
    public string CookedFieldName { get; init; } = "_cookedname";
    public required Field Field { get; init; }
    public string Help { get; init; } = "";
    public bool Designed { get; init; }
    public string File { get; init; } = "";
}
