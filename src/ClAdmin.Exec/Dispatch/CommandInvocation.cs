namespace ClAdmin.Exec.Dispatch;

/// <summary>
/// One call of a command implementation: the line as typed, its command name (no path), the
/// arguments after it (shell words, quotes removed), what arrives on standard input (never
/// logged), and the node the command runs "locally" on. For a C-SPOC line, the
/// <c>-cspoc "..."</c> option is taken out of <paramref name="Arguments"/> and given parsed in
/// <paramref name="Cspoc"/> (its -g already resolved to nodes); it is null when the line has none.
/// </summary>
public sealed record CommandInvocation(
    string CommandLine,
    string Name,
    IReadOnlyList<string> Arguments,
    string StandardInput,
    string LocalNode,
    CspocOptions? Cspoc = null);
