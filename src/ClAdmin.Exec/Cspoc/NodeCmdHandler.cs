using ClAdmin.Contracts;
using ClAdmin.Exec.Dispatch;
using ClAdmin.Exec.FanOut;
using ClAdmin.Exec.Nodes;

namespace ClAdmin.Exec.Cspoc;

/// <summary>
/// <c>cl_nodecmd [-q] [-cspoc "[-f] [-n nodes | -g rg]"] command args</c> (powerha-menus.md §5.1):
/// runs the command, as given, on every target node. -q leaves out the nodes' standard output
/// (only errors are shown).
/// </summary>
public sealed class NodeCmdHandler(FanOutEngine engine, IClusterNodes clusterNodes) : CspocHandler(engine, clusterNodes)
{
    public override IReadOnlyCollection<string> Names { get; } = ["cl_nodecmd"];

    internal override async Task<CommandResult?> PlanAsync(CspocRun run, CommandInvocation invocation)
    {
        var args = invocation.Arguments.ToList();
        var quiet = false;
        while (args.Count > 0 && args[0] is "-q" or "--")
        {
            quiet |= args[0] == "-q";
            var end = args[0] == "--";
            args.RemoveAt(0);
            if (end)
            {
                break;
            }
        }
        if (args.Count == 0)
        {
            return CspocRun.Usage("Usage: cl_nodecmd [-q] [-cspoc \"[-f] [-n Node,... | -g ResourceGroup]\"] Command [Argument ...]");
        }
        await run.RunAsync(run.Targets, _ => args, invocation.StandardInput).ConfigureAwait(false);
        if (quiet)
        {
            return QuietResult(run.Result());
        }
        return null;
    }

    private static CommandResult QuietResult(CommandResult full) =>
        full with { Stdout = "" };
}
