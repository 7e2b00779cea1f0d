using System.Globalization;
using System.Text.RegularExpressions;
using ClAdmin.Sim.Shell;
using ClAdmin.Shell;

namespace ClAdmin.Sim.Commands;

/// <summary>Pipe filters a script uses on command output: grep, head, tail, wc, sort, uniq,
/// cut, awk's `{print $N}` form, and tee (standard input into files: how a file is written
/// without a redirection, by a command whose words are all quoted).</summary>
internal static class Filters
{
    public static void Register(Dictionary<string, Func<CommandContext, int>> t)
    {
        t["grep"] = Grep;
        t["egrep"] = Grep;
        t["head"] = c => HeadTail(c, head: true);
        t["tail"] = c => HeadTail(c, head: false);
        t["wc"] = Wc;
        t["sort"] = Sort;
        t["uniq"] = Uniq;
        t["cut"] = Cut;
        t["awk"] = Awk;
        t["tee"] = Tee;
    }

    /// <summary>tee [-a] [-i] [File ...]: standard input to each file (appended with -a) and to standard output.</summary>
    private static int Tee(CommandContext ctx)
    {
        var g = Getopt.Parse(ctx.Args, "ai");
        if (g.BadFlag is { } bad)
        {
            return ctx.BadFlag(bad, "tee [-a] [-i] [File ...]");
        }
        foreach (var file in g.Operands)
        {
            var path = FileTree.Absolute(file);
            if (FileTree.IsDirectory(ctx.Node, path))
            {
                return ctx.Fail($"tee: 0653-347 Cannot write to {file}.");
            }
            FileTree.Write(ctx.World, ctx.Node, path, ctx.Stdin, g.Has('a'));
        }
        ctx.Out.Append(ctx.Stdin);
        return 0;
    }

    private static List<string> Lines(string text)
    {
        var lines = text.Split('\n').ToList();
        if (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }
        return lines;
    }

    internal static bool Glob(string pattern, string name) =>
        Regex.IsMatch(name, "^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$", RegexOptions.None, TimeSpan.FromSeconds(1));

    private static string Input(CommandContext ctx, IReadOnlyList<string> files)
    {
        if (files.Count == 0)
        {
            return ctx.Stdin;
        }
        return string.Concat(files.Select(f => MiscCommands.ReadFile(ctx.Node, FileTree.Absolute(f)) ?? ""));
    }

    private static int Grep(CommandContext ctx)
    {
        var g = Getopt.Parse(ctx.Args, "viwcqEFe:ln");
        var pattern = g.Value('e') ?? (g.Operands.Count > 0 ? g.Operands[0] : null);
        if (pattern is null)
        {
            return ctx.Fail("Usage: grep [-E|-F] [-c|-l|-q] [-insvwx] Pattern [File...]", 2);
        }
        var files = g.Value('e') is null ? g.Operands.Skip(1).ToList() : g.Operands;
        var regexText = g.Has('F') ? Regex.Escape(pattern) : pattern;
        if (g.Has('w'))
        {
            regexText = $"\\b(?:{regexText})\\b";
        }
        Regex re;
        try
        {
            re = new Regex(regexText, g.Has('i') ? RegexOptions.IgnoreCase : RegexOptions.None, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException)
        {
            return ctx.Fail($"grep: 0403-??? The specified pattern is not valid.", 2);
        }
        var hits = Lines(Input(ctx, files)).Where(l => re.IsMatch(l) != g.Has('v')).ToList();
        if (g.Has('c'))
        {
            ctx.Line(hits.Count.ToString(CultureInfo.InvariantCulture));
        }
        else if (!g.Has('q'))
        {
            foreach (var h in hits)
            {
                ctx.Line(h);
            }
        }
        return hits.Count > 0 ? 0 : 1;
    }

    private static int HeadTail(CommandContext ctx, bool head)
    {
        var count = 10;
        var files = new List<string>();
        for (var i = 0; i < ctx.Args.Count; i++)
        {
            var a = ctx.Args[i];
            if (a == "-n" && i + 1 < ctx.Args.Count)
            {
                count = int.Parse(ctx.Args[++i].TrimStart('+', '-'), CultureInfo.InvariantCulture);
            }
            else if (a.Length > 1 && a[0] == '-' && int.TryParse(a[1..], out var n))
            {
                count = n;
            }
            else
            {
                files.Add(a);
            }
        }
        var lines = Lines(Input(ctx, files));
        foreach (var l in head ? lines.Take(count) : lines.Skip(Math.Max(0, lines.Count - count)))
        {
            ctx.Line(l);
        }
        return 0;
    }

    private static int Wc(CommandContext ctx)
    {
        var g = Getopt.Parse(ctx.Args, "lwc");
        var text = Input(ctx, g.Operands);
        var lines = text.Count(c => c == '\n');
        var words = text.Split([' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries).Length;
        var parts = new List<string>();
        var all = !g.Has('l') && !g.Has('w') && !g.Has('c');
        if (all || g.Has('l')) { parts.Add(lines.ToString(CultureInfo.InvariantCulture).PadLeft(8)); }
        if (all || g.Has('w')) { parts.Add(words.ToString(CultureInfo.InvariantCulture).PadLeft(8)); }
        if (all || g.Has('c')) { parts.Add(text.Length.ToString(CultureInfo.InvariantCulture).PadLeft(8)); }
        ctx.Line(string.Join("", parts));
        return 0;
    }

    private static int Sort(CommandContext ctx)
    {
        var g = Getopt.Parse(ctx.Args, "nrut:k:");
        var lines = Lines(Input(ctx, g.Operands));
        IEnumerable<string> sorted = g.Has('n')
            ? lines.OrderBy(l => double.TryParse(l.Trim().Split(' ')[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : 0)
            : lines.OrderBy(l => l, StringComparer.Ordinal);
        if (g.Has('r'))
        {
            sorted = sorted.Reverse();
        }
        if (g.Has('u'))
        {
            sorted = sorted.Distinct(StringComparer.Ordinal);
        }
        foreach (var l in sorted)
        {
            ctx.Line(l);
        }
        return 0;
    }

    private static int Uniq(CommandContext ctx)
    {
        string? previous = null;
        foreach (var l in Lines(Input(ctx, ctx.Args.Where(a => !a.StartsWith('-')).ToList())))
        {
            if (l != previous)
            {
                ctx.Line(l);
            }
            previous = l;
        }
        return 0;
    }

    private static int Cut(CommandContext ctx)
    {
        var g = Getopt.Parse(ctx.Args, "d:f:c:");
        var delim = g.Value('d') is { Length: > 0 } d ? d[0] : '\t';
        var fields = (g.Value('f') ?? "1").Split(',').Select(f => int.Parse(f, CultureInfo.InvariantCulture)).ToList();
        foreach (var l in Lines(Input(ctx, g.Operands)))
        {
            var parts = l.Split(delim);
            ctx.Line(string.Join(delim, fields.Where(f => f <= parts.Length).Select(f => parts[f - 1])));
        }
        return 0;
    }

    private static int Awk(CommandContext ctx)
    {
        var args = ctx.Args.ToList();
        string? sep = null;
        if (args.Count > 0 && args[0].StartsWith("-F", StringComparison.Ordinal))
        {
            sep = args[0].Length > 2 ? args[0][2..] : args[1];
            args.RemoveRange(0, args[0].Length > 2 ? 1 : 2);
        }
        if (args.Count == 0)
        {
            return ctx.Fail("Usage: awk [-F Ere] 'program' [File ...]", 2);
        }
        var m = Regex.Match(args[0], @"^\s*(?:/(?<re>[^/]*)/)?\s*\{\s*print\s*(?<what>[^}]*)\}\s*$", RegexOptions.None, TimeSpan.FromSeconds(1));
        if (!m.Success)
        {
            return ctx.Fail($"awk: 0602-500 Quitting The source line is 1.\n The error context is\n\t>>> {args[0]} <<<", 2);
        }
        var filter = m.Groups["re"].Success ? new Regex(m.Groups["re"].Value, RegexOptions.None, TimeSpan.FromSeconds(1)) : null;
        var what = m.Groups["what"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        foreach (var l in Lines(Input(ctx, args.Skip(1).ToList())))
        {
            if (filter is not null && !filter.IsMatch(l))
            {
                continue;
            }
            var fields = sep is null ? l.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries) : l.Split(sep);
            var output = what.Length == 0 ? [l] : what.Select(w => w switch
            {
                "$0" => l,
                "NF" => fields.Length.ToString(CultureInfo.InvariantCulture),
                "$NF" => fields.Length > 0 ? fields[^1] : "",
                _ when w.StartsWith('$') && int.TryParse(w[1..], out var n) => n >= 1 && n <= fields.Length ? fields[n - 1] : "",
                _ => w.Trim('"'),
            });
            ctx.Line(string.Join(' ', output));
        }
        return 0;
    }
}
