namespace ClAdmin.Tui.Input;

/// <summary>One key as the screens see it: a named key, or a printable character.</summary>
public readonly record struct KeyPress(KeyName Name, char Char = '\0')
{
    public static KeyPress Of(KeyName name) => new(name);

    public static KeyPress Text(char c) => new(KeyName.Char, c);

    public override string ToString() => Name == KeyName.Char ? $"'{Char}'" : Name.ToString();
}
