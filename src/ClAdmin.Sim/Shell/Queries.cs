using ClAdmin.Shell;
namespace ClAdmin.Sim.Shell;

/// <summary>
/// Which command lines only read a node: every command of the line is a query (lsvg, lspv, df,
/// lssrc, cat, grep, ...) and nothing is redirected into a file. Callers that persist the world
/// skip saving after such lines; a test checks that each of these commands leaves the world
/// exactly as it was.
/// </summary>
public static class Queries
{
    /// <summary>The commands that never change a node or the world, whatever their arguments.</summary>
    public static IReadOnlySet<string> Commands { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "lsvg", "lspv", "lslv", "lsfs", "df", "lsuser", "lsgroup", "lssrc", "netstat", "hostname", "uname",
        "oslevel", "lslpp", "lppchk", "getlvodm", "lsdev", "lsattr", "cat", "ls", "echo", "date", "true", "false", "id", "ps",
        "grep", "head", "tail", "wc", "sort", "uniq", "cut", "awk",
    };

    /// <summary>True when <paramref name="commandLine"/> only reads (see the class summary).</summary>
    public static bool IsQuery(string commandLine)
    {
        ArgumentNullException.ThrowIfNull(commandLine);
        List<ShellToken> tokens;
        try
        {
            tokens = ShellWords.Tokenize(commandLine, ShellSyntax.NodeShell).ToList();
        }
        catch (FormatException)
        {
            return true; // a syntax error runs nothing
        }
        var atCommand = true;
        foreach (var token in tokens)
        {
            if (token.IsOperator)
            {
                if (token.Text.Contains('>', StringComparison.Ordinal) || token.Text.Contains('<', StringComparison.Ordinal))
                {
                    return false;
                }
                atCommand = true;
                continue;
            }
            if (atCommand)
            {
                var name = token.Text[(token.Text.LastIndexOf('/') + 1)..];
                if (!Commands.Contains(name))
                {
                    return false;
                }
                atCommand = false;
            }
        }
        return true;
    }
}
