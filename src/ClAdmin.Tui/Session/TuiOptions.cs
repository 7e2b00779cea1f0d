namespace ClAdmin.Tui.Session;

/// <summary>How a session runs: -x logs commands without running them.</summary>
public sealed record TuiOptions
{
    /// <summary>-x: Enter logs the command and shows COMMAND STATUS saying it was not run.</summary>
    public bool NoExecute { get; init; }
}
