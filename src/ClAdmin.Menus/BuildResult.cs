namespace ClAdmin.Menus;

/// <summary>A built command, or the reasons the dialog refuses to run (each naming its field).</summary>
public sealed record BuildResult(BuiltCommand? Command, IReadOnlyList<string> Errors)
{
    public bool Ok => Command is not null;
}
