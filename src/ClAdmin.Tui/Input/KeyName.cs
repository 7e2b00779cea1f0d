namespace ClAdmin.Tui.Input;

/// <summary>The keys the screens understand, after escape forms are folded in.</summary>
public enum KeyName
{
    None,
    Char,
    F1, F2, F3, F4, F5, F6, F7, F8, F9, F10,
    Enter, Escape, Tab, BackTab,
    Up, Down, Left, Right, PageUp, PageDown, Home, End,
    Backspace, Delete, KillToEnd,
    Redraw, Interrupt,
}
