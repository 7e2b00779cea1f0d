namespace ClAdmin.Tui.Logging;

/// <summary>A log that records nothing (tests, or a log directory that cannot be written).</summary>
public sealed class NullSessionLog : ISessionLog
{
    public static NullSessionLog Instance { get; } = new();

    public void Starting() { }
    public void Screen(string kind, string fastpath, string id, string title) { }
    public void Command(string commandLine, int secretInputs, bool run) { }
    public void Output(string stdout, string stderr, string status) { }
    public void Intermediate(string commandLine, int exitCode) { }
    public void ScreenImage(string text) { }
    public void Exiting() { }
}
