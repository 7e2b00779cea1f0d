using ClAdmin.Cluster.Odm;
using ClAdmin.Shell;
using ClAdmin.Sim.Model;
using ClAdmin.Sim.Shell;

namespace ClAdmin.Sim.Commands;

/// <summary>
/// odmget, odmadd and odmdelete on a simulated node: they read and change the node's own copy of
/// the HACMP classes, the configuration bundle synchronization left at
/// <see cref="BundlePath"/> (odmget stanzas, a snapshot's .odm format). A node never synchronized
/// has no HACMP objects. The repository's DCD and ACD are not touched: a trainee who edits a
/// node's ODM by hand sees what verification then finds different.
/// </summary>
internal static class OdmNodeCommands
{
    /// <summary>Where synchronization writes the bundle on each node (ClusterSync.DefaultDirectory + BundleName).</summary>
    public const string BundlePath = "/usr/es/sbin/cluster/etc/objrepos/active/cluster.odm";

    private const string GetUsage = "Usage: odmget [-q Criteria] ObjectClassName ...";
    private const string DeleteUsage = "Usage: odmdelete -o ObjectClassName [-q Criteria]";

    public static void Register(Dictionary<string, Func<CommandContext, int>> t)
    {
        t["odmget"] = Odmget;
        t["odmadd"] = Odmadd;
        t["odmdelete"] = Odmdelete;
    }

    private static List<OdmObject> Read(SimNode node) =>
        node.Files.TryGetValue(BundlePath, out var f) ? [.. OdmStanza.Parse(f.Content).Objects] : [];

    private static void Write(CommandContext ctx, List<OdmObject> objects) =>
        FileTree.Write(ctx.World, ctx.Node, BundlePath, OdmStanza.Format(objects), append: false);

    private static int UnknownClass(CommandContext ctx, string name) =>
        ctx.Fail($"0518-506 {ctx.Name}: Could not open class {name}. Check path name and permissions.", 2);

    private static OdmCriteria? Criteria(CommandContext ctx, string? text, out int rc)
    {
        rc = 0;
        if (text is null)
        {
            return null;
        }
        var c = OdmCriteria.Parse(text, out var bad);
        if (c is null)
        {
            rc = ctx.Fail($"{ctx.Name}: {bad}", 2);
        }
        return c;
    }

    private static int Odmget(CommandContext ctx)
    {
        var g = Getopt.Parse(ctx.Args, "q:");
        if (g.BadFlag is not null || g.Operands.Count == 0)
        {
            return ctx.Fail(GetUsage, 2);
        }
        var filter = Criteria(ctx, g.Value('q'), out var rc);
        if (rc != 0)
        {
            return rc;
        }
        if (g.Operands.FirstOrDefault(c => !OdmMapping.Classes.Contains(c)) is { } unknown)
        {
            return UnknownClass(ctx, unknown);
        }
        var objects = Read(ctx.Node);
        ctx.Out.Append(OdmStanza.Format(g.Operands.SelectMany(c => objects.Where(o => o.Class == c && (filter?.Matches(o) ?? true)))));
        return 0;
    }

    private static int Odmadd(CommandContext ctx)
    {
        var texts = new List<(string Name, string Text)>();
        if (ctx.Args.Count == 0)
        {
            texts.Add(("standard input", ctx.Stdin));
        }
        foreach (var a in ctx.Args)
        {
            var content = MiscCommands.ReadFile(ctx.Node, FileTree.Absolute(a));
            if (content is null)
            {
                return ctx.Fail($"odmadd: Cannot open the input file {a}.", 2);
            }
            texts.Add((a, content));
        }
        var added = new List<OdmObject>();
        foreach (var (name, text) in texts)
        {
            var (objects, errors) = OdmStanza.ParseForAdd(text);
            if (errors.Count > 0)
            {
                return ctx.Fail(string.Join('\n', errors.Select(e => $"odmadd: {name}: {e}")), 2);
            }
            added.AddRange(objects);
        }
        var all = Read(ctx.Node);
        all.AddRange(added);
        Write(ctx, all);
        return 0;
    }

    private static int Odmdelete(CommandContext ctx)
    {
        var g = Getopt.Parse(ctx.Args, "o:q:");
        if (g.BadFlag is not null || g.Value('o') is not { } cls || g.Operands.Count > 0)
        {
            return ctx.Fail(DeleteUsage, 2);
        }
        if (!OdmMapping.Classes.Contains(cls))
        {
            return UnknownClass(ctx, cls);
        }
        var filter = Criteria(ctx, g.Value('q'), out var rc);
        if (rc != 0)
        {
            return rc;
        }
        var all = Read(ctx.Node);
        var kept = all.Where(o => o.Class != cls || !(filter?.Matches(o) ?? true)).ToList();
        var deleted = all.Count - kept.Count;
        if (deleted > 0)
        {
            Write(ctx, kept);
        }
        // odmdelete reports the count, as AIX does: "0518-307 odmdelete: 1 objects deleted."
        ctx.Line($"0518-307 odmdelete: {deleted} objects deleted.");
        return 0;
    }
}
