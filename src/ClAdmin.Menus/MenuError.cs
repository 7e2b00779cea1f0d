namespace ClAdmin.Menus;

/// <summary>One problem in a menu file, named by file, JSON pointer and (when known) line.</summary>
public sealed record MenuError(string File, string Pointer, int? Line, string Message)
{
    public override string ToString() =>
        Line is { } line ? $"{File}:{line}: {Pointer}: {Message}" : Pointer.Length > 0 ? $"{File}: {Pointer}: {Message}" : $"{File}: {Message}";
}
