namespace ClAdmin.Menus.Model;

/// <summary>An sm_menu_opt record with alias = y: one more fast path to a screen.</summary>
public sealed record Alias(string Name, string Next, NextType NextType, string File);
