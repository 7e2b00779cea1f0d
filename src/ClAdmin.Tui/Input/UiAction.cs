namespace ClAdmin.Tui.Input;

/// <summary>What a function key (or Enter, /, n) asks for. Navigation and typing are not actions.</summary>
public enum UiAction
{
    Help,
    Refresh,
    Cancel,
    List,
    Reset,
    Command,
    Edit,
    Select,
    Image,
    Shell,
    Exit,
    Do,
    Find,
    FindNext,
    RerunFailed,
}
