namespace ClAdmin.Exec.Dispatch;

/// <summary>
/// A command line for the dispatcher, exactly what a dialog builds or `cladmin cmd` is given.
/// <paramref name="StandardInput"/> carries secrets (never logged); <paramref name="Nodes"/>, when
/// set, selects the target nodes for a command the dispatcher does not implement itself.
/// </summary>
public sealed record CommandRequest(string CommandLine, string StandardInput = "", IReadOnlyList<string>? Nodes = null);
