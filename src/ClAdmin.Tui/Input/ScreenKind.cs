namespace ClAdmin.Tui.Input;

/// <summary>The kinds of screen, each with its own legend (smit.md §4.2).</summary>
public enum ScreenKind
{
    Menu,
    Dialog,
    CommandStatus,
    CommandStatusWithFailedNodes,
    SingleList,
    MultiList,
    Message,
    FindPrompt,
}
