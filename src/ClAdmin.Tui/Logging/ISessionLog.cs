namespace ClAdmin.Tui.Logging;

/// <summary>
/// What a session records (smit.md §6): cladmin.log gets screens, commands, their output and
/// status; cladmin.script gets each executed command as a replayable line. Nothing passed in
/// here holds a secret: secret values travel on standard input and are never handed to a log.
/// </summary>
public interface ISessionLog
{
    void Starting();

    /// <summary>A screen was opened: kind is "Menu", "Selector" or "Dialogue".</summary>
    void Screen(string kind, string fastpath, string id, string title);

    /// <summary>A command to execute (or, under -x, only logged); secretInputs counts the values sent on stdin.</summary>
    void Command(string commandLine, int secretInputs, bool run);

    /// <summary>The output and status of a command that ran.</summary>
    void Output(string stdout, string stderr, string status);

    /// <summary>An intermediate command (list, discover, classify) and its exit code.</summary>
    void Intermediate(string commandLine, int exitCode);

    /// <summary>F8: the screen as text.</summary>
    void ScreenImage(string text);

    void Exiting();
}
