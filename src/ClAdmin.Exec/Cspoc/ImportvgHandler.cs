using ClAdmin.Contracts;
using ClAdmin.Exec.Dispatch;
using ClAdmin.Exec.FanOut;
using ClAdmin.Exec.Nodes;
using ClAdmin.Shell;

namespace ClAdmin.Exec.Cspoc;

/// <summary>
/// <c>cl_importvg -cspoc "..." -y VG [-R node] [-V major] [-c] [-x] PhysicalVolume</c>: imports a
/// shared volume group on the target nodes that do not define it yet, finding the disk on each node
/// by its PVID (the disk is named as the reference node, -R or the first node, sees it; a PVID works
/// too). Uses <c>importvg -n</c> (left varied off) and <c>chvg -a n</c>. Nodes that already define the
/// volume group are left alone; when the import fails on a node, it is undone (exportvg) where it worked.
/// </summary>
public sealed class ImportvgHandler(FanOutEngine engine, IClusterNodes clusterNodes) : CspocHandler(engine, clusterNodes)
{
    private const string UsageText = "Usage: cl_importvg -cspoc \"[-f] [-g ResourceGroup | -n Node,...]\" -y VolumeGroup [-R ReferenceNode] [-V MajorNumber] [-c] [-x] PhysicalVolume";

    public override IReadOnlyCollection<string> Names { get; } = ["cl_importvg"];

    internal override async Task<CommandResult?> PlanAsync(CspocRun run, CommandInvocation invocation)
    {
        var g = Getopt.Parse(invocation.Arguments, "y:R:V:cxnf");
        if (g.BadFlag is { } bad)
        {
            return CspocRun.Usage($"cl_importvg: Not a recognized flag: {bad}\n{UsageText}");
        }
        var vg = g.Value('y');
        if (vg is null || vg.Length == 0 || g.Operands.Count != 1)
        {
            return CspocRun.Usage(UsageText);
        }
        if (g.Value('V') is { } m && !SharedLvm.IsMajor(m))
        {
            return CspocRun.Usage($"cl_importvg: {m} is not a valid major number.");
        }
        var reference = g.Value('R') ?? run.Targets[0];
        var nodes = run.Targets.Contains(reference) ? run.Targets : [reference, .. run.Targets];
        var disks = await SharedLvm.LspvAsync(run, run.Targets).ConfigureAwait(false);
        if (!disks.TryGetValue(reference, out var refDisks) && !run.Targets.Contains(reference))
        {
            return CspocRun.Usage($"cl_importvg: the reference node {reference} is not one of the target nodes {string.Join(',', nodes)}.");
        }
        var pvid = refDisks is null ? null : SharedLvm.Find(refDisks, g.Operands[0])?.Pvid;
        if (refDisks is not null && pvid is null)
        {
            run.Fail(reference, $"0516-306 cl_importvg: Unable to find physical volume {g.Operands[0]} in the Device\n\tConfiguration Database.");
        }
        var todo = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var node in run.Targets.Where(disks.ContainsKey))
        {
            if (pvid is null)
            {
                break;
            }
            var d = SharedLvm.Find(disks[node], pvid);
            if (d is null)
            {
                run.Fail(node, $"cl_importvg: node {node} has no disk with PVID {pvid}.");
            }
            else if (d.VolumeGroup == vg)
            {
                run.Note(node, $"cl_importvg: volume group {vg} is already defined on {node}.");
            }
            else if (d.VolumeGroup != "None")
            {
                run.Fail(node, $"cl_importvg: physical volume {d.Name} on node {node} is known there as part of volume group {d.VolumeGroup}.");
            }
            else
            {
                todo[node] = d.Name;
            }
        }
        if (run.AnyFailed && !run.Force)
        {
            run.General($"cl_importvg: volume group {vg} was not imported; nothing was changed.");
            return null;
        }
        var targets = run.Targets.Where(todo.ContainsKey).ToList();
        if (targets.Count == 0)
        {
            return null;
        }
        List<string> Import(string node)
        {
            var argv = new List<string> { "importvg", "-n" };
            if (g.Value('V') is { } major)
            {
                argv.AddRange(["-V", major]);
            }
            argv.AddRange(["-y", vg]);
            if (g.Has('c'))
            {
                argv.Add("-c");
            }
            if (g.Has('x'))
            {
                argv.Add("-x");
            }
            argv.Add(todo[node]);
            return argv;
        }
        var imported = await run.RunAsync(targets, Import, rollback: _ => ["exportvg", vg]).ConfigureAwait(false);
        if (imported.AllOk)
        {
            await run.RunAsync(targets, _ => ["chvg", "-a", "n", vg]).ConfigureAwait(false);
        }
        return null;
    }
}
