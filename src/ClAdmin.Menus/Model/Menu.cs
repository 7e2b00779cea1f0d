namespace ClAdmin.Menus.Model;

/// <summary>A menu: its items in id_seq_num order, titled by the item that opens it.</summary>
public sealed record Menu(string Id, string Title, IReadOnlyList<MenuItem> Items, string Help, string File)
{
    /// <summary>ClAdmin addition: the one transport the menu is shown on (sim); "" for every transport.</summary>
    public string Transport { get; init; } = "";
}
