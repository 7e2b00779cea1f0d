using ClAdmin.Shell;
using System.Text;
using ClAdmin.Sim.Commands;
using ClAdmin.Sim.Model;

namespace ClAdmin.Sim.Shell;

/// <summary>
/// The shell of a simulated node: runs a command line against the node's state and answers as
/// AIX's ksh would. Understands quoting, `;`, `&amp;&amp;`, `||`, pipes, `&gt;`/`&gt;&gt;`/`2&gt;`/`2&gt;&amp;1`
/// and `&lt;` redirection, and executable scripts of the node's file tree.
/// </summary>
public static class SimShell
{
    private const int MaxScriptDepth = 8;

    /// <summary>Runs <paramref name="commandLine"/> on <paramref name="nodeName"/>. A crashed node,
    /// or one with every interface down, is unreachable: nothing runs.</summary>
    /// <exception cref="ArgumentException">No such node in the world.</exception>
    public static ShellResult Execute(SimWorld world, string nodeName, string commandLine, string stdin = "")
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(commandLine);
        var node = world.FindNode(nodeName) ?? throw new ArgumentException($"no node {nodeName} in the world", nameof(nodeName));
        if (!Reachability.IsReachable(world, node))
        {
            return ShellResult.Unreachable;
        }
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        var rc = RunLine(world, node, commandLine, stdin ?? "", stdout, stderr, 0);
        return new ShellResult(true, rc, stdout.ToString(), stderr.ToString());
    }

    internal static int RunLine(SimWorld world, SimNode node, string line, string stdin, StringBuilder stdout, StringBuilder stderr, int depth)
    {
        List<ShellToken> tokens;
        try
        {
            tokens = ShellWords.Tokenize(line, ShellSyntax.NodeShell).ToList();
        }
        catch (FormatException)
        {
            stderr.Append("ksh: syntax error: `newline' unexpected\n");
            return 2;
        }
        var rc = 0;
        var connector = ";";
        var pipeline = new List<List<ShellToken>> { new() };
        for (var i = 0; i <= tokens.Count; i++)
        {
            var t = i < tokens.Count ? tokens[i] : new ShellToken(";", true);
            if (t.IsOperator && t.Text is ";" or "&&" or "||" or "&")
            {
                if (pipeline.Count > 1 || pipeline[0].Count > 0)
                {
                    var run = connector switch
                    {
                        "&&" => rc == 0,
                        "||" => rc != 0,
                        _ => true,
                    };
                    if (run)
                    {
                        rc = RunPipeline(world, node, pipeline, stdin, stdout, stderr, depth);
                    }
                }
                connector = t.Text == "&" ? ";" : t.Text;
                pipeline = [[]];
            }
            else if (t.IsOperator && t.Text == "|")
            {
                pipeline.Add([]);
            }
            else
            {
                pipeline[^1].Add(t);
            }
        }
        return rc;
    }

    private static int RunPipeline(SimWorld world, SimNode node, List<List<ShellToken>> stages, string stdin, StringBuilder stdout, StringBuilder stderr, int depth)
    {
        var input = stdin;
        var rc = 0;
        for (var s = 0; s < stages.Count; s++)
        {
            var last = s == stages.Count - 1;
            var words = new List<string>();
            string? outFile = null;
            var append = false;
            string? errFile = null;
            var errToOut = false;
            string? inFile = null;
            var tokens = stages[s];
            for (var i = 0; i < tokens.Count; i++)
            {
                var t = tokens[i];
                if (!t.IsOperator)
                {
                    words.Add(t.Text);
                    continue;
                }
                var target = i + 1 < tokens.Count && !tokens[i + 1].IsOperator ? tokens[++i].Text : null;
                switch (t.Text)
                {
                    case ">" or ">>" when target is not null:
                        outFile = target;
                        append = t.Text == ">>";
                        break;
                    case "2>" when target is not null:
                        errFile = target;
                        break;
                    case "2>&1":
                        errToOut = true;
                        if (target is not null)
                        {
                            words.Add(target);
                        }
                        break;
                    case "<" when target is not null:
                        inFile = target;
                        break;
                    default:
                        stderr.Append("ksh: syntax error: `").Append(t.Text).Append("' unexpected\n");
                        return 2;
                }
            }
            if (inFile is not null)
            {
                if (!node.Files.TryGetValue(FileTree.Absolute(inFile), out var f))
                {
                    stderr.Append("ksh: ").Append(inFile).Append(": cannot open\n");
                    return 1;
                }
                input = f.Content;
            }
            var outBuf = new StringBuilder();
            var errBuf = new StringBuilder();
            rc = words.Count == 0 ? 0 : RunSimple(world, node, words, input, outBuf, errBuf, depth);
            if (errToOut)
            {
                outBuf.Append(errBuf);
                errBuf.Clear();
            }
            if (errFile is not null)
            {
                FileTree.Write(world, node, errFile, errBuf.ToString(), append: false);
                errBuf.Clear();
            }
            stderr.Append(errBuf);
            if (outFile is not null)
            {
                FileTree.Write(world, node, outFile, outBuf.ToString(), append);
                outBuf.Clear();
            }
            if (last)
            {
                stdout.Append(outBuf);
            }
            else
            {
                input = outBuf.ToString();
            }
        }
        return rc;
    }

    private static int RunSimple(SimWorld world, SimNode node, List<string> words, string stdin, StringBuilder stdout, StringBuilder stderr, int depth)
    {
        var word = words[0];
        var args = words.Skip(1).ToList();
        if (word == "exit")
        {
            return args.Count > 0 && int.TryParse(args[0], out var code) ? code : 0;
        }
        var name = word.Contains('/', StringComparison.Ordinal) ? word[(word.LastIndexOf('/') + 1)..] : word;
        if (word == "cd")
        {
            // The shell's working directory is always root's home, "/": cd alone (to $HOME) is all there is.
            if (args.Count == 0 || args[0] is "/" or "~")
            {
                return 0;
            }
            stderr.Append("ksh: cd: ").Append(args[0]).Append(": the simulated shell stays in /; use absolute paths\n");
            return 1;
        }
        if (name is "sh" or "ksh" or "bsh" && (!word.Contains('/', StringComparison.Ordinal) || CommandTable.IsSystemPath(word)) && args.Count > 0 && args[0] == "-c")
        {
            return RunDashC(world, node, name, args, stdin, stdout, stderr, depth);
        }
        if (word.Contains('/', StringComparison.Ordinal) && node.Files.TryGetValue(FileTree.Absolute(word), out var file))
        {
            return RunFile(world, node, word, file, args, stdin, stdout, stderr, depth);
        }
        if (CommandTable.TryGet(name, out var handler) && (!word.Contains('/', StringComparison.Ordinal) || CommandTable.IsSystemPath(word)))
        {
            var ctx = new CommandContext(world, node, name, args, stdin);
            var rc = handler(ctx);
            stdout.Append(ctx.Out);
            stderr.Append(ctx.Err);
            return rc;
        }
        stderr.Append("ksh: ").Append(word).Append(":  not found.\n");
        return 127;
    }

    /// <summary>sh -c LINE [NAME [ARG...]]: LINE run by a shell of its own, NAME as $0 and the ARGs as $1...</summary>
    private static int RunDashC(SimWorld world, SimNode node, string shell, List<string> args, string stdin, StringBuilder stdout, StringBuilder stderr, int depth)
    {
        if (args.Count < 2)
        {
            stderr.Append(shell).Append(": -c: argument expected\n");
            return 2;
        }
        if (depth >= MaxScriptDepth)
        {
            stderr.Append("ksh: ").Append(shell).Append(": 0403-027 The parameter list is too long.\n");
            return 1;
        }
        var line = ExpandPositional(args[1], args.Count > 2 ? args[2] : shell, args.Skip(3).ToList());
        return RunLine(world, node, line, stdin, stdout, stderr, depth + 1);
    }

    private static int RunFile(SimWorld world, SimNode node, string word, SimFile file, List<string> args, string stdin, StringBuilder stdout, StringBuilder stderr, int depth)
    {
        if (!file.IsExecutable)
        {
            stderr.Append("ksh: ").Append(word).Append(": 0403-006 Execute permission denied.\n");
            return 126;
        }
        if (file.Content.StartsWith(AppDaemon.Marker, StringComparison.Ordinal))
        {
            var ctx = new CommandContext(world, node, word, args, stdin);
            var rc = AppDaemon.Run(ctx, file);
            stdout.Append(ctx.Out);
            stderr.Append(ctx.Err);
            return rc;
        }
        if (depth >= MaxScriptDepth)
        {
            stderr.Append("ksh: ").Append(word).Append(": 0403-027 The parameter list is too long.\n");
            return 1;
        }
        var rcScript = 0;
        var lineNo = 0;
        foreach (var raw in file.Content.Split('\n'))
        {
            lineNo++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            line = ExpandPositional(line, word, args);
            if (line.StartsWith("exit", StringComparison.Ordinal) && (line.Length == 4 || line[4] == ' '))
            {
                var rest = line[4..].Trim();
                return rest.Length == 0 ? rcScript : int.TryParse(rest, out var code) ? code : rcScript;
            }
            var err = new StringBuilder();
            rcScript = RunLine(world, node, line, stdin, stdout, err, depth + 1);
            // Inside a script, ksh names the script and line: ./myscript[12]: foo:  not found.
            stderr.Append(err.ToString().Replace("ksh: ", $"{word}[{lineNo}]: ", StringComparison.Ordinal));
        }
        return rcScript;
    }

    private static string ExpandPositional(string line, string script, List<string> args)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '$' && i + 1 < line.Length && char.IsAsciiDigit(line[i + 1]))
            {
                var n = line[i + 1] - '0';
                sb.Append(n == 0 ? script : n <= args.Count ? args[n - 1] : "");
                i++;
            }
            else
            {
                sb.Append(line[i]);
            }
        }
        return sb.ToString();
    }
}
