namespace ClAdmin.Menus;

/// <summary>
/// A command line built from a dialog, and the secret values that go to its standard input
/// (one per line, in field order) instead of onto the line. The line holds no secret, so it
/// can be shown (F6), logged and written to cladmin.script.
/// </summary>
public sealed record BuiltCommand(string CommandLine, IReadOnlyList<string> StandardInput);
