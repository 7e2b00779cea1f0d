namespace ClAdmin.Exec.Dispatch;

/// <summary>
/// One call of a command implementation: the line as typed, its command name (no path), the
/// arguments after it (shell words, quotes removed), what arrives on standard input (never
/// logged), and the node the command runs "locally" on.
/// </summary>
public sealed record CommandInvocation(
    string CommandLine,
    string Name,
    IReadOnlyList<string> Arguments,
    string StandardInput,
    string LocalNode);
