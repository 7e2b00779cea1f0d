namespace ClAdmin.Tui.Input;

/// <summary>One row of the key table: the key, the action, and the label the legend shows.</summary>
public sealed record KeyBinding(KeyPress Key, UiAction Action, string Label);
