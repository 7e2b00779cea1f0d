using System.Globalization;
using System.Text;
using ClAdmin.Cluster;
using ClAdmin.Contracts;
using ClAdmin.Exec.Dispatch;
using ClAdmin.Shell;
using ClAdmin.Store;

namespace ClAdmin.Exec.Services;

/// <summary>
/// The HACMP Cluster Test Tool (<c>cltestool -a [-v yes|no] [-c yes|no] [-e yes|no]</c>, "Execute
/// Automated Test Procedure"): runs the automated test plan against the cluster manager through
/// <see cref="IClusterServices"/>, each test a line of the test plan vocabulary (peers.md §0:
/// NODE_UP, NODE_DOWN_GRACEFUL, NODE_DOWN_TAKEOVER, NODE_DOWN_FORCED, RG_MOVE), and reports each
/// PASSED or FAILED: the command behind it must succeed and every node's cluster manager must be
/// stable (or stopped, where the test stopped it) afterwards. <c>-e yes</c> stops at the first
/// failure. The plan is built from the active configuration: services up on all nodes, then each
/// node down gracefully and back, down with takeover and back, down forced (unmanaged) and back,
/// then each resource group moved to its next node. A custom plan (<c>-p</c>) is not simulated:
/// it says so. The banner texts are reconstructed [U], in <see cref="Texts"/>.
/// </summary>
public sealed class CltestoolHandler(IClusterServices services, IClusterState state, Func<ObjectRepository> openRepository) : ICommandHandler
{
    private const string UsageText = "Usage: cltestool -a [-v yes|no] [-c yes|no] [-e yes|no]\n       cltestool -p TestPlan [-f VariablesFile] [-v yes|no] [-c yes|no] [-e yes|no]";

    /// <summary>The tool's texts [U: reconstructed, no real transcript found].</summary>
    private static class Texts
    {
        public const string Rule = "---------------------------------------------------------------------------";
        public const string Hashes = "###########################################################################";
        public const string Start = "##  Starting Cluster Test Tool: -e Automated Test Procedure";
        public const string Test = "|  Test {0}: {1}";
        public const string Status = "|  Completion Status: {0}";
        public const string Complete = "##  Cluster Testing Complete: Exit Code {0}";
        public const string Custom = "cltestool: custom test plans (-p) are not simulated by cladmin; run the automated test procedure (-a).";
    }

    public IReadOnlyCollection<string> Names { get; } = ["cltestool"];

    private sealed record PlanStep(string Line, Func<CancellationToken, Task<CommandResult>> Run, IReadOnlyList<string> Stopped);

    public async Task<CommandResult> RunAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var g = Getopt.Parse(invocation.Arguments, "ap:f:v:c:e:");
        if (g.BadFlag is { } bad)
        {
            return CommandResult.Local(2, "", $"cltestool: Not a recognized flag: {bad}\n{UsageText}\n");
        }
        foreach (var flag in new[] { 'v', 'c', 'e' })
        {
            if (g.Value(flag) is { } v && v is not ("yes" or "no"))
            {
                return CommandResult.Local(2, "", $"cltestool: -{flag} takes yes or no, not '{v}'\n{UsageText}\n");
            }
        }
        if (g.Has('p'))
        {
            return CommandResult.Local(1, "", Texts.Custom + "\n");
        }
        if (!g.Has('a') || g.Operands.Count > 0)
        {
            return CommandResult.Local(2, "", UsageText + "\n");
        }
        var verbose = g.Value('v') != "no";
        var abortOnError = g.Value('e') == "yes";

        ClusterConfiguration c;
        using (var repo = openRepository())
        {
            c = repo.LoadConfiguration(ConfigDirectory.Active);
        }
        if (c.Nodes.Count == 0)
        {
            return CommandResult.Local(1, "", "cltestool: the cluster is not synchronized: there is no active configuration to test.\n");
        }
        var plan = Plan(c);
        var output = new StringBuilder();
        output.Append(Texts.Hashes).Append("\n##\n").Append(Texts.Start).Append("\n##\n").Append(Texts.Hashes).Append('\n');
        var failed = 0;
        for (var i = 0; i < plan.Count; i++)
        {
            var step = plan[i];
            output.Append(Texts.Rule).Append('\n')
                .Append(string.Format(CultureInfo.InvariantCulture, Texts.Test, i + 1, step.Line)).Append('\n')
                .Append(Texts.Rule).Append('\n');
            var result = await step.Run(cancellationToken).ConfigureAwait(false);
            if (verbose)
            {
                output.Append(result.Stdout);
                output.Append(result.Stderr);
            }
            var unstable = c.Nodes.Select(n => n.Name)
                .Where(n => state.ManagerState(n) is var s && s != ClusterManagerState.Stable && !(step.Stopped.Contains(n) && s == ClusterManagerState.Init))
                .ToList();
            var passed = result.ExitCode == 0 && unstable.Count == 0;
            if (!passed)
            {
                failed++;
                if (unstable.Count > 0)
                {
                    output.Append(CultureInfo.InvariantCulture, $"|  Cluster manager not stable on: {string.Join(", ", unstable)}\n");
                }
            }
            output.Append(string.Format(CultureInfo.InvariantCulture, Texts.Status, passed ? "PASSED" : "FAILED")).Append('\n');
            if (!passed && abortOnError)
            {
                break;
            }
        }
        var rc = failed == 0 ? 0 : 1;
        output.Append(Texts.Hashes).Append("\n##\n").Append(string.Format(CultureInfo.InvariantCulture, Texts.Complete, rc)).Append("\n##\n").Append(Texts.Hashes).Append('\n');
        return CommandResult.Local(rc, output.ToString());
    }

    private List<PlanStep> Plan(ClusterConfiguration c)
    {
        var nodes = c.Nodes.Select(n => n.Name).ToList();
        var plan = new List<PlanStep>
        {
            new("NODE_UP,ALL,Start cluster services on all available nodes", ct => services.StartAsync(new StartServices([]), ct), []),
        };
        foreach (var node in nodes)
        {
            plan.Add(new($"NODE_DOWN_GRACEFUL,{node},Stop cluster services gracefully on a node", ct => services.StopAsync(new StopServices([node]), ct), [node]));
            plan.Add(new($"NODE_UP,{node},Restart cluster services on the node that was stopped", ct => services.StartAsync(new StartServices([node]), ct), []));
            plan.Add(new($"NODE_DOWN_TAKEOVER,{node},Stop cluster services with takeover on a node", ct => services.StopAsync(new StopServices([node], Action: StopAction.Move), ct), [node]));
            plan.Add(new($"NODE_UP,{node},Restart cluster services on the node that was stopped", ct => services.StartAsync(new StartServices([node]), ct), []));
            plan.Add(new($"NODE_DOWN_FORCED,{node},Stop cluster services forced on a node", ct => services.StopAsync(new StopServices([node], Action: StopAction.Unmanage), ct), [node]));
            plan.Add(new($"NODE_UP,{node},Restart cluster services on the node that was stopped", ct => services.StartAsync(new StartServices([node]), ct), []));
        }
        foreach (var rg in c.ResourceGroups.Where(r => r.Nodes.Count > 1))
        {
            plan.Add(new($"RG_MOVE,{rg.Name},Move a resource group to another node", ct =>
            {
                var at = rg.Nodes.FirstOrDefault(n => state.GroupState(rg.Name, n) == ResourceGroupState.Online);
                var to = rg.Nodes.FirstOrDefault(n => n != at) ?? rg.Nodes[0];
                return services.MoveGroupAsync(new MoveGroup(rg.Name, MoveAction.Move, to, "cltestool"), ct);
            }, []));
        }
        return plan;
    }
}
