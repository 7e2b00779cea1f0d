using System.Text;

namespace ClAdmin.Shell;

/// <summary>
/// Shell words as ksh reads them: splitting a command line into words and quoting a value so
/// that it stays one word whatever it contains. Understands '...', "...", $'...' and backslash
/// escapes; does not expand anything. Operators (; | &amp; &lt; &gt;) are returned as their own
/// words only when unquoted, so callers can refuse or interpret them.
/// </summary>
public static class ShellWords
{
    private const string SafeChars = "@%+=:,./-_";

    /// <summary>True when <paramref name="word"/> needs no quoting at all.</summary>
    public static bool IsSafe(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || SafeChars.Contains(c, StringComparison.Ordinal));

    /// <summary>Single-quotes a value: 'it'\''s'. Control characters use $'...' so that the
    /// result stays on one line (smit.script and cladmin.script are line oriented).</summary>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Any(char.IsControl))
        {
            var sb = new StringBuilder("$'");
            foreach (var c in value)
            {
                sb.Append(c switch
                {
                    '\n' => "\\n",
                    '\t' => "\\t",
                    '\r' => "\\r",
                    '\\' => "\\\\",
                    '\'' => "\\'",
                    _ when char.IsControl(c) => $"\\x{(int)c:x2}",
                    _ => c.ToString(),
                });
            }
            return sb.Append('\'').ToString();
        }
        return "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }

    /// <summary>Quotes only when needed: safe words stay bare.</summary>
    public static string QuoteIfNeeded(string value) => IsSafe(value) ? value : Quote(value);

    /// <summary>Joins words into a command line that <see cref="Split"/> reads back unchanged.</summary>
    public static string Join(IEnumerable<string> words) => string.Join(' ', words.Select(QuoteIfNeeded));

    /// <summary>Splits a command line into words, removing quotes. An unquoted operator and a
    /// quoted one come back as the same text here; use <see cref="Tokenize"/> to tell them apart.</summary>
    /// <exception cref="FormatException">An unterminated quote or a trailing backslash.</exception>
    public static IReadOnlyList<string> Split(string line) => Tokenize(line).Select(t => t.Text).ToList();

    /// <summary>Splits a command line into tokens: words (quotes removed) and unquoted operators.</summary>
    /// <exception cref="FormatException">An unterminated quote or a trailing backslash.</exception>
    public static IReadOnlyList<ShellToken> Tokenize(string line) => Tokenize(line, ShellSyntax.Words);

    /// <summary>Splits a command line into tokens, reading what <paramref name="syntax"/> adds:
    /// a node's shell (the simulator) also reads comments and the redirections 2&gt; and 2&gt;&amp;1.</summary>
    /// <exception cref="FormatException">An unterminated quote or a trailing backslash.</exception>
    public static IReadOnlyList<ShellToken> Tokenize(string line, ShellSyntax syntax)
    {
        ArgumentNullException.ThrowIfNull(line);
        var comments = syntax.HasFlag(ShellSyntax.Comments);
        var redirections = syntax.HasFlag(ShellSyntax.Redirections);
        var words = new List<ShellToken>();
        var current = new StringBuilder();
        var inWord = false;
        var quotedWord = false;
        var i = 0;
        while (i < line.Length)
        {
            var c = line[i];
            if (c is ' ' or '\t' or '\n' or '\r')
            {
                Flush();
                i++;
            }
            else if (c == '#' && comments && !inWord)
            {
                break;
            }
            else if (c is ';' or '|' or '&' or '<' or '>')
            {
                if (c == '>' && redirections && inWord && !quotedWord && current.ToString() == "2")
                {
                    // 2> and 2>&1: the "2" belongs to the redirection, not to the words.
                    current.Clear();
                    inWord = false;
                    var toStdout = i + 2 < line.Length && line[i + 1] == '&' && line[i + 2] == '1';
                    words.Add(new ShellToken(toStdout ? "2>&1" : "2>", IsOperator: true));
                    i += toStdout ? 3 : 1;
                    continue;
                }
                Flush();
                var op = c.ToString();
                if (i + 1 < line.Length && line[i + 1] == c && c is '|' or '&' or '>')
                {
                    op += c;
                }
                words.Add(new ShellToken(op, IsOperator: true));
                i += op.Length;
            }
            else if (c == '\'')
            {
                var end = line.IndexOf('\'', i + 1);
                if (end < 0)
                {
                    throw new FormatException($"unterminated single quote at column {i + 1}");
                }
                current.Append(line, i + 1, end - i - 1);
                inWord = quotedWord = true;
                i = end + 1;
            }
            else if (c == '$' && i + 1 < line.Length && line[i + 1] == '\'')
            {
                i = ReadAnsiC(line, i + 2, current);
                inWord = quotedWord = true;
            }
            else if (c == '"')
            {
                i = ReadDoubleQuoted(line, i + 1, current);
                inWord = quotedWord = true;
            }
            else if (c == '\\')
            {
                if (i + 1 >= line.Length)
                {
                    throw new FormatException("trailing backslash");
                }
                if (line[i + 1] != '\n')
                {
                    current.Append(line[i + 1]);
                    inWord = quotedWord = true;
                }
                i += 2;
            }
            else
            {
                current.Append(c);
                inWord = true;
                i++;
            }
        }
        Flush();
        return words;

        void Flush()
        {
            if (inWord)
            {
                words.Add(new ShellToken(current.ToString(), IsOperator: false));
                current.Clear();
                inWord = quotedWord = false;
            }
        }
    }

    private static int ReadDoubleQuoted(string line, int i, StringBuilder into)
    {
        while (i < line.Length)
        {
            var c = line[i];
            if (c == '"')
            {
                return i + 1;
            }
            if (c == '\\' && i + 1 < line.Length && line[i + 1] is '"' or '\\' or '$' or '`')
            {
                into.Append(line[i + 1]);
                i += 2;
                continue;
            }
            into.Append(c);
            i++;
        }
        throw new FormatException("unterminated double quote");
    }

    private static int ReadAnsiC(string line, int i, StringBuilder into)
    {
        while (i < line.Length)
        {
            var c = line[i];
            if (c == '\'')
            {
                return i + 1;
            }
            if (c == '\\' && i + 1 < line.Length)
            {
                var e = line[i + 1];
                i += 2;
                switch (e)
                {
                    case 'n': into.Append('\n'); break;
                    case 't': into.Append('\t'); break;
                    case 'r': into.Append('\r'); break;
                    case '\\': into.Append('\\'); break;
                    case '\'': into.Append('\''); break;
                    case '"': into.Append('"'); break;
                    case 'x' when i + 2 <= line.Length && IsHex(line.AsSpan(i, 2)):
                        into.Append((char)Convert.ToInt32(line.Substring(i, 2), 16));
                        i += 2;
                        break;
                    default: into.Append('\\').Append(e); break;
                }
                continue;
            }
            into.Append(c);
            i++;
        }
        throw new FormatException("unterminated $'...' quote");
    }

    private static bool IsHex(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }
        return true;
    }
}

/// <summary>What a command line may hold besides words, quotes and the operators ; | || &amp; &amp;&amp; &lt; &gt; &gt;&gt;.</summary>
[Flags]
public enum ShellSyntax
{
    /// <summary>Words and operators only: the dispatcher's command lines.</summary>
    Words = 0,

    /// <summary># starts a comment that runs to the end of the line (at the start of a word).</summary>
    Comments = 1,

    /// <summary>2&gt; and 2&gt;&amp;1 are operators of their own.</summary>
    Redirections = 2,

    /// <summary>What a node's shell reads (the simulator's ksh).</summary>
    NodeShell = Comments | Redirections,
}

/// <summary>One token of a command line: a word, or an unquoted operator (; | || & && &lt; &gt; &gt;&gt;).</summary>
public readonly record struct ShellToken(string Text, bool IsOperator);
