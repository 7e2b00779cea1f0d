namespace ClAdmin.Menus.Model;

/// <summary>One sm_menu_opt item of a menu.</summary>
public sealed record MenuItem(string Sequence, string Text, string Next, NextType NextType, string Help);
