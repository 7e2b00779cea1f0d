using ClAdmin.Sim.Manager;
using ClAdmin.Sim.Shell;
using ClAdmin.Shell;

namespace ClAdmin.Sim.Commands;

/// <summary>
/// <c>clevsumm</c>, behind the "View Event Summaries", "Save Event Summaries to a file" and "Remove
/// Event Summary History" dialogs (powerha-menus.md, Problem Determination > HACMP Log Viewing):
/// <c>-v</c> prints the node's compiled event summaries (<see cref="ManagerTexts.EventSummaryFile"/>),
/// <c>-s FILE</c> copies them to FILE, <c>-r</c> empties the history. The flags are the dialogs'.
/// </summary>
internal static class EventSummaryCommand
{
    private const string Usage = "clevsumm -v | -s File | -r";

    public static void Register(Dictionary<string, Func<CommandContext, int>> t) => t["clevsumm"] = Run;

    private static int Run(CommandContext ctx)
    {
        var g = Getopt.Parse(ctx.Args, "vs:r");
        var actions = (g.Has('v') ? 1 : 0) + (g.Value('s') is null ? 0 : 1) + (g.Has('r') ? 1 : 0);
        if (g.BadFlag is { } bad || actions != 1 || g.Operands.Count > 0)
        {
            return ctx.BadFlag(g.BadFlag ?? '?', Usage);
        }
        ctx.Node.Files.TryGetValue(ManagerTexts.EventSummaryFile, out var file);
        var summaries = file?.Content ?? "";
        if (g.Has('v'))
        {
            ctx.Out.Append(summaries);
        }
        else if (g.Value('s') is { } target)
        {
            FileTree.Write(ctx.World, ctx.Node, target, summaries, append: false);
        }
        else
        {
            FileTree.Write(ctx.World, ctx.Node, ManagerTexts.EventSummaryFile, "", append: false);
        }
        return 0;
    }
}
