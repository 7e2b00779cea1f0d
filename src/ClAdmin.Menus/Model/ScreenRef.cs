namespace ClAdmin.Menus.Model;

/// <summary>A reference to one screen: what kind it is and its id.</summary>
public readonly record struct ScreenRef(NextType Kind, string Id)
{
    public override string ToString() => $"{Kind.ToString().ToLowerInvariant()} {Id}";
}
