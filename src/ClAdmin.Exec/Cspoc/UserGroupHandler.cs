using System.Globalization;
using ClAdmin.Contracts;
using ClAdmin.Exec.Dispatch;
using ClAdmin.Exec.FanOut;
using ClAdmin.Exec.Nodes;

namespace ClAdmin.Exec.Cspoc;

/// <summary>
/// cl_mkuser, cl_chuser, cl_rmuser, cl_lsuser, cl_mkgroup, cl_chgroup, cl_rmgroup, cl_lsgroup: the
/// matching AIX command (mkuser, ...) with the same arguments on every target node (powerha-menus.md
/// §5.7). cl_mkuser and cl_mkgroup first make sure the name, and any id= given, are free on every
/// node, and refuse before changing anything when they are not; when the command then fails on some
/// node, it is undone (rmuser, rmgroup) where it had succeeded, so the nodes stay alike.
/// </summary>
public sealed class UserGroupHandler(FanOutEngine engine, IClusterNodes clusterNodes) : CspocHandler(engine, clusterNodes)
{
    public override IReadOnlyCollection<string> Names { get; } =
        ["cl_mkuser", "cl_chuser", "cl_rmuser", "cl_lsuser", "cl_mkgroup", "cl_chgroup", "cl_rmgroup", "cl_lsgroup"];

    internal override async Task<CommandResult?> PlanAsync(CspocRun run, CommandInvocation invocation)
    {
        var aix = invocation.Name[3..];
        // A "--" ends the options; as the last word it is the (invalid) name itself.
        var args = invocation.Arguments.Where((a, i) => a != "--" || i == invocation.Arguments.Count - 1).ToList();
        if (args.Count == 0)
        {
            return CspocRun.Usage(Usage(invocation.Name));
        }
        IReadOnlyList<string> argv = [aix, .. args];
        if (aix is "mkuser" or "mkgroup")
        {
            var isUser = aix == "mkuser";
            var name = args[^1];
            if (Cluster.AixNames.Problem(name) is { } problem)
            {
                return CspocRun.Usage(Cluster.AixNames.AddError(name, problem)); // AIX's refusal, before any node is asked
            }
            var id = args.Take(args.Count - 1).Where(a => a.StartsWith("id=", StringComparison.Ordinal)).Select(a => a[3..]).LastOrDefault();
            if (!await NameAndIdFreeAsync(run, isUser, name, id).ConfigureAwait(false))
            {
                run.General($"{run.Name}: {(isUser ? "user" : "group")} {name} was not created on any node.");
                return null;
            }
            await run.RunAsync(run.Healthy, _ => argv, rollback: _ => [isUser ? "rmuser" : "rmgroup", name]).ConfigureAwait(false);
            return null;
        }
        await run.RunAsync(run.Targets, _ => argv).ConfigureAwait(false);
        return null;
    }

    /// <summary>Lists the users (groups) with their ids on every node and checks that neither the
    /// name nor the id is taken anywhere. Failures are recorded against the node concerned.</summary>
    private static async Task<bool> NameAndIdFreeAsync(CspocRun run, bool isUser, string name, string? id)
    {
        var list = await run.QueryAsync(run.Targets, [isUser ? "lsuser" : "lsgroup", "-c", "-a", "id", "ALL"]).ConfigureAwait(false);
        var ok = true;
        foreach (var node in run.Targets)
        {
            var r = list[node];
            if (r.Outcome != NodeOutcome.Ok)
            {
                if (r.Outcome == NodeOutcome.Failed)
                {
                    run.Fail(node, $"{run.Name}: cannot list the {(isUser ? "users" : "groups")} on {node}:\n{r.Stderr.TrimEnd()}", r.ExitCode);
                }
                ok &= run.Force && r.Outcome == NodeOutcome.Unreachable;
                continue;
            }
            foreach (var line in r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                if (line.StartsWith('#'))
                {
                    continue;
                }
                var parts = line.Split(':');
                var existing = parts[0];
                var existingId = parts.Length > 1 ? parts[1] : "";
                if (existing == name)
                {
                    run.Fail(node, isUser ? $"3004-689 User \"{name}\" exists." : $"3004-688 Group \"{name}\" exists.", 17);
                    ok = false;
                }
                else if (id is not null && Same(existingId, id))
                {
                    run.Fail(node, $"{run.Name}: {(isUser ? "user" : "group")} id {id} is already used by {existing} on {node}.", 17);
                    ok = false;
                }
            }
        }
        return ok;
    }

    private static bool Same(string a, string b) =>
        int.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out var x)
        && int.TryParse(b, NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? x == y : a == b;

    private static string Usage(string name) => name switch
    {
        "cl_mkuser" => "Usage: cl_mkuser [-cspoc \"[-f] [-g ResourceGroup | -n Node,...]\"] [Attribute=Value ...] Name",
        "cl_chuser" => "Usage: cl_chuser [-cspoc \"[-f] [-g ResourceGroup | -n Node,...]\"] Attribute=Value ... Name",
        "cl_rmuser" => "Usage: cl_rmuser [-cspoc \"[-f] [-g ResourceGroup | -n Node,...]\"] [-p] Name",
        "cl_lsuser" => "Usage: cl_lsuser [-cspoc \"[-f] [-g ResourceGroup | -n Node,...]\"] [-c | -f] [-a Attribute ...] {ALL | Name[,Name] ...}",
        "cl_mkgroup" => "Usage: cl_mkgroup [-cspoc \"[-f] [-g ResourceGroup | -n Node,...]\"] [-a] [Attribute=Value ...] Group",
        "cl_chgroup" => "Usage: cl_chgroup [-cspoc \"[-f] [-g ResourceGroup | -n Node,...]\"] Attribute=Value ... Group",
        "cl_rmgroup" => "Usage: cl_rmgroup [-cspoc \"[-f] [-g ResourceGroup | -n Node,...]\"] [-p] Group",
        _ => "Usage: cl_lsgroup [-cspoc \"[-f] [-g ResourceGroup | -n Node,...]\"] [-c | -f] [-a Attribute ...] {ALL | Group[,Group] ...}",
    };
}
