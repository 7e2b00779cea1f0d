using System.Globalization;
using ClAdmin.Contracts;
using ClAdmin.Exec.Dispatch;
using ClAdmin.Exec.FanOut;
using ClAdmin.Exec.Nodes;
using ClAdmin.Shell;

namespace ClAdmin.Exec.Cspoc;

/// <summary>
/// <c>cl_clsnap -d Directory -p 1|2 [-n Node,...] [-D] [-r]</c>, "Collect Cluster log files for Problem
/// Reporting" (Problem Determination Tools > HACMP Log Viewing and Management): HACMP's clsnap gathers
/// each node's cluster logs into the destination directory for IBM support. Pass 1 only measures the
/// space the logs need on each node; pass 2 copies them into the directory, on every node named (all
/// cluster nodes when none is). A node that cannot be reached or written is named; the others are
/// still collected. The message texts are [RECONSTRUCTED]: no sample of clsnap's output is in the references.
/// </summary>
public sealed class ClsnapHandler(FanOutEngine engine, IClusterNodes clusterNodes) : CspocHandler(engine, clusterNodes)
{
    private const string UsageText = "Usage: cl_clsnap -d Directory -p 1|2 [-n Node[,Node...]] [-D] [-r]";

    /// <summary>The logs clsnap collects, where the simulated and real cluster write them (the RSCT
    /// logs with -r are not kept by the simulator).</summary>
    private static readonly string[] Logs = ["/tmp/hacmp.out", "/usr/es/adm/cluster.log", "/tmp/clstrmgr.debug", "/var/hacmp/clverify/clverify.log"];

    public override IReadOnlyCollection<string> Names { get; } = ["cl_clsnap"];

    internal override async Task<CommandResult?> PlanAsync(CspocRun run, CommandInvocation invocation)
    {
        var g = Getopt.Parse(invocation.Arguments.Where(a => a != "--").ToList(), "d:p:n:Dr");
        if (g.BadFlag is { } bad)
        {
            return CspocRun.Usage($"cl_clsnap: {(g.BadFlagNeedsValue ? "option requires an argument" : "illegal option")} -- {bad}\n{UsageText}");
        }
        if (g.Operands.Count > 0)
        {
            return CspocRun.Usage($"cl_clsnap: unexpected argument '{g.Operands[0]}'\n{UsageText}");
        }
        var directory = g.Value('d');
        if (string.IsNullOrEmpty(directory) || directory[0] != '/')
        {
            return CspocRun.Usage($"cl_clsnap: the Log Destination Directory (-d) must be a full path, not '{directory}'.\n{UsageText}");
        }
        var pass = g.Value('p') ?? "2";
        if (pass is not ("1" or "2"))
        {
            return CspocRun.Usage($"cl_clsnap: the Collection Pass Number (-p) is 1 or 2, not '{pass}'.\n{UsageText}");
        }
        var targets = run.Targets;
        if (g.Value('n') is { Length: > 0 } named)
        {
            var wanted = named.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (wanted.FirstOrDefault(n => !run.Targets.Contains(n, StringComparer.Ordinal)) is { } unknown)
            {
                return CspocRun.Usage($"cl_clsnap: {unknown} is not a cluster node.\n{UsageText}");
            }
            targets = wanted;
        }

        // What each node has: every log read once (a log a node never wrote is simply absent).
        var present = targets.ToDictionary(n => n, _ => new List<(string Log, long Bytes)>(), StringComparer.Ordinal);
        foreach (var log in Logs)
        {
            var read = await run.QueryAsync(targets, ["cat", log]).ConfigureAwait(false);
            foreach (var node in targets.Where(n => read[n].Outcome == NodeOutcome.Ok))
            {
                present[node].Add((log, System.Text.Encoding.UTF8.GetByteCount(read[node].Stdout)));
            }
        }
        var reachable = targets.Where(n => !run.HasFailed(n)).ToList();
        if (pass == "1")
        {
            foreach (var node in reachable)
            {
                var kb = (present[node].Sum(p => p.Bytes) + 1023) / 1024;
                run.Note(node, string.Format(CultureInfo.InvariantCulture, "clsnap: {0}: {1} log files, {2} KB needed in {3}", node, present[node].Count, kb, directory));
            }
            return null;
        }
        var copying = reachable.Where(n => present[n].Count > 0).ToList();
        foreach (var node in reachable.Except(copying))
        {
            run.Note(node, $"clsnap: {node}: no cluster log files to collect");
        }
        string Script(string node) =>
            $"mkdir -p {ShellWords.Quote(directory)} && " + string.Join(" && ", present[node].Select(p =>
                $"cat {ShellWords.Quote(p.Log)} > {ShellWords.Quote($"{directory.TrimEnd('/')}/{node}.{Path.GetFileName(p.Log)}")}"));
        await run.RunAsync(copying, n => ["sh", "-c", Script(n)]).ConfigureAwait(false);
        foreach (var node in copying.Where(n => !run.HasFailed(n)))
        {
            run.Note(node, $"clsnap: {node}: {present[node].Count} log files collected in {directory}: "
                + string.Join(" ", present[node].Select(p => $"{node}.{Path.GetFileName(p.Log)}")));
        }
        return null;
    }
}
