namespace ClAdmin;

/// <summary>One command of a cladmin.script, with the line it came from.</summary>
public sealed record ScriptCommand(int Line, string CommandLine);

/// <summary>
/// Reads a cladmin.script (smit.script's layout): each executed command on its own line,
/// preceded by a comment block with its timestamp (<c>#</c>, <c>#  [Mar 05 2024, 10:13:01]</c>,
/// <c>#</c>). Comment lines (first non-blank character '#') and blank lines are skipped; a line
/// ending in a backslash continues on the next, as in a shell script.
/// </summary>
public static class ScriptFile
{
    public static IReadOnlyList<ScriptCommand> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var commands = new List<ScriptCommand>();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))
            {
                continue;
            }
            var start = i + 1;
            var command = line;
            while (command.EndsWith('\\') && i + 1 < lines.Length)
            {
                command = command[..^1] + lines[++i];
            }
            commands.Add(new ScriptCommand(start, command.Trim()));
        }
        return commands;
    }
}
