namespace ClAdmin.Tui.Screens;

/// <summary>The `Command:` word of COMMAND STATUS.</summary>
public enum CommandState
{
    Running,
    Ok,
    Failed,
}
