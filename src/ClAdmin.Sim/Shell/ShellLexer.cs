using System.Text;

namespace ClAdmin.Sim.Shell;

/// <summary>One token of a command line: a word (quotes removed) or an unquoted operator.</summary>
internal readonly record struct Token(string Text, bool IsOperator);

/// <summary>
/// ksh word splitting for the simulator, with the same quoting rules as ClAdmin.Exec's
/// ShellWords ('...', "...", $'...', backslash) — the simulator sits below Exec and cannot use
/// it. Adds what a node's shell needs: comments, `2&gt;`, `2&gt;&amp;1` and `&amp;`.
/// </summary>
internal static class ShellLexer
{
    public static List<Token> Tokenize(string line)
    {
        var tokens = new List<Token>();
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
            else if (c == '#' && !inWord)
            {
                break;
            }
            else if (c is ';' or '|' or '&' or '<' or '>')
            {
                if (c == '>' && inWord && !quotedWord && current.ToString() == "2")
                {
                    current.Clear();
                    inWord = false;
                    if (i + 2 < line.Length && line[i + 1] == '&' && line[i + 2] == '1')
                    {
                        tokens.Add(new Token("2>&1", true));
                        i += 3;
                    }
                    else
                    {
                        tokens.Add(new Token("2>", true));
                        i++;
                    }
                    continue;
                }
                Flush();
                var op = c.ToString();
                if (i + 1 < line.Length && line[i + 1] == c && c is '|' or '&' or '>')
                {
                    op += c;
                }
                tokens.Add(new Token(op, true));
                i += op.Length;
            }
            else if (c == '\'')
            {
                var end = line.IndexOf('\'', i + 1);
                if (end < 0)
                {
                    throw new FormatException("unterminated single quote");
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
        return tokens;

        void Flush()
        {
            if (inWord)
            {
                tokens.Add(new Token(current.ToString(), false));
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
                into.Append(e switch
                {
                    'n' => "\n",
                    't' => "\t",
                    'r' => "\r",
                    '\\' => "\\",
                    '\'' => "'",
                    '"' => "\"",
                    _ => "\\" + e,
                });
                continue;
            }
            into.Append(c);
            i++;
        }
        throw new FormatException("unterminated $'...' quote");
    }
}
