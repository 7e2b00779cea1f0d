namespace ClAdmin.Menus;

/// <summary>The outcome of loading: a tree when there were no errors, else every error found.</summary>
public sealed record MenuLoadResult(MenuTree? Tree, IReadOnlyList<MenuError> Errors)
{
    public bool Ok => Tree is not null;
}
