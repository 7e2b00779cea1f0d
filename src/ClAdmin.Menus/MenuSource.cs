namespace ClAdmin.Menus;

/// <summary>The text of one menu file and the name errors will call it by.</summary>
public sealed record MenuSource(string Name, string Json);
