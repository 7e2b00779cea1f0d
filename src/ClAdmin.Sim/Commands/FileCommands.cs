using ClAdmin.Shell;
using ClAdmin.Sim.Model;
using ClAdmin.Sim.Shell;

namespace ClAdmin.Sim.Commands;

/// <summary>
/// mv, rm and test over a node's file tree: what writing a file safely needs (write a temporary
/// name, rename it over the real one, remove what is left). Messages as AIX prints them
/// (0653 is the file commands' catalogue); aix-commands.md has no sample of these, so the texts
/// are recollection [P] and the exit codes follow its rule for unobserved failures (1, [U]).
/// </summary>
internal static class FileCommands
{
    private const string NoSuchFile = "A file or directory in the path name does not exist.";

    public static void Register(Dictionary<string, Func<CommandContext, int>> t)
    {
        t["mv"] = Mv;
        t["rm"] = Rm;
        t["test"] = Test;
    }

    /// <summary>mv [-f] [-i] [-E...] SOURCE... TARGET: a file or a directory (with everything under it),
    /// renamed, or moved into TARGET when TARGET is a directory.</summary>
    private static int Mv(CommandContext ctx)
    {
        var g = Getopt.Parse(ctx.Args, "fiE:");
        if (g.BadFlag is { } bad)
        {
            return ctx.BadFlag(bad, "mv [-I|-i] [-f] [-E{force|ignore|warn}] [--] src target\n   or: mv [-I|-i] [-f] [-E{force|ignore|warn}] [--] src1 ... srcN directory");
        }
        if (g.Operands.Count < 2)
        {
            return ctx.Fail("Usage: mv [-I|-i] [-f] [-E{force|ignore|warn}] [--] src target\n   or: mv [-I|-i] [-f] [-E{force|ignore|warn}] [--] src1 ... srcN directory", 2);
        }
        var node = ctx.Node;
        var target = FileTree.Absolute(g.Operands[^1]);
        var intoDirectory = FileTree.IsDirectory(node, target);
        var rc = 0;
        foreach (var source in g.Operands.SkipLast(1))
        {
            var from = FileTree.Absolute(source);
            var to = intoDirectory ? (target == "/" ? "" : target) + "/" + from[(from.LastIndexOf('/') + 1)..] : target;
            var isFile = node.Files.ContainsKey(from);
            if (!isFile && !node.Directories.Contains(from))
            {
                rc = ctx.Fail($"mv: 0653-401 Cannot rename {source} to {g.Operands[^1]}:\n\t{NoSuchFile}");
                continue;
            }
            if (from == to)
            {
                continue;
            }
            if (isFile)
            {
                var file = node.Files[from];
                node.Files.Remove(from);
                FileTree.AddDirectory(node, FileTree.Parent(to));
                node.Files[to] = file;
                continue;
            }
            var prefix = from + "/";
            foreach (var d in node.Directories.Where(d => d == from || d.StartsWith(prefix, StringComparison.Ordinal)).ToList())
            {
                node.Directories.Remove(d);
                node.Directories.Add(to + d[from.Length..]);
            }
            foreach (var (path, file) in node.Files.Where(f => f.Key.StartsWith(prefix, StringComparison.Ordinal)).ToList())
            {
                node.Files.Remove(path);
                node.Files[to + path[from.Length..]] = file;
            }
            FileTree.AddDirectory(node, FileTree.Parent(to));
        }
        return rc;
    }

    /// <summary>rm [-f] [-r|-R] [-i] [-e] FILE...: -f says nothing of missing files; a directory needs -r.</summary>
    private static int Rm(CommandContext ctx)
    {
        var g = Getopt.Parse(ctx.Args, "firRe");
        if (g.BadFlag is { } bad)
        {
            return ctx.BadFlag(bad, "rm [-firRe] [--] File...");
        }
        var node = ctx.Node;
        var force = g.Has('f');
        var recursive = g.Has('r') || g.Has('R');
        if (g.Operands.Count == 0 && !force)
        {
            return ctx.Fail("Usage: rm [-firRe] [--] File...", 2);
        }
        var rc = 0;
        foreach (var operand in g.Operands)
        {
            var path = FileTree.Absolute(operand);
            if (node.Files.Remove(path))
            {
                continue;
            }
            if (!FileTree.IsDirectory(node, path))
            {
                if (!force)
                {
                    rc = ctx.Fail($"rm: {operand}: {NoSuchFile}");
                }
                continue;
            }
            if (!recursive || path == "/")
            {
                rc = ctx.Fail($"rm: 0653-603 Cannot remove directory {operand}.");
                continue;
            }
            var prefix = path + "/";
            node.Directories.RemoveWhere(d => d == path || d.StartsWith(prefix, StringComparison.Ordinal));
            foreach (var key in node.Files.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).ToList())
            {
                node.Files.Remove(key);
            }
        }
        return rc;
    }

    /// <summary>test [!] -f|-d|-e|-s|-x|-r|-w FILE, test -n|-z STRING, test S1 = S2 / S1 != S2:
    /// 0 true, 1 false, 2 an expression it cannot read (as ksh's test: "test: argument expected").</summary>
    private static int Test(CommandContext ctx)
    {
        var args = ctx.Args.ToList();
        var negate = false;
        while (args.Count > 0 && args[0] == "!")
        {
            negate = !negate;
            args.RemoveAt(0);
        }
        bool? answer = args.Count switch
        {
            0 => false,
            1 => args[0].Length > 0,
            2 => Unary(ctx.Node, args[0], args[1]),
            3 when args[1] is "=" => args[0] == args[2],
            3 when args[1] is "!=" => args[0] != args[2],
            _ => null,
        };
        if (answer is not { } yes)
        {
            return ctx.Fail("test: argument expected", 2);
        }
        return yes != negate ? 0 : 1;
    }

    private static bool? Unary(SimNode node, string op, string operand)
    {
        var path = FileTree.Absolute(operand);
        var file = node.Files.TryGetValue(path, out var f) ? f.Content : MiscCommands.ReadFile(node, path);
        var isDirectory = file is null && FileTree.IsDirectory(node, path);
        return op switch
        {
            "-f" => file is not null,
            "-d" => isDirectory,
            "-e" or "-r" or "-w" => file is not null || isDirectory,
            "-s" => file is { Length: > 0 } || isDirectory,
            "-x" => f?.IsExecutable == true || isDirectory,
            "-n" => operand.Length > 0,
            "-z" => operand.Length == 0,
            _ => null,
        };
    }
}
