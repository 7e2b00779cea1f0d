using ClAdmin.Contracts;
using ClAdmin.Exec.Dispatch;
using ClAdmin.Exec.FanOut;
using ClAdmin.Exec.Nodes;
using ClAdmin.Shell;

namespace ClAdmin.Exec.Cspoc;

/// <summary>
/// The listing commands <c>cl_lsvg [-o] | [-l | -M | -p] VG ...</c>, <c>cl_lsfs</c> and
/// <c>cl_lslv</c>: the AIX command with the same arguments on every target node, each line of
/// output prefixed with its node. Two forms serve the C-SPOC pick lists (issue 17 §2, designed):
/// <c>cl_lsvg -S</c> lists the shared volume groups (<see cref="SharedListAsync"/>), and
/// <c>cl_lsvg -l VG</c> reads the logical volumes once, on a node that can read them
/// (<see cref="LogicalVolumesAsync"/>), so a group varied off everywhere can be listed.
/// </summary>
public sealed class LvmQueryHandler(FanOutEngine engine, IClusterNodes clusterNodes) : CspocHandler(engine, clusterNodes)
{
    public override IReadOnlyCollection<string> Names { get; } = ["cl_lsvg", "cl_lsfs", "cl_lslv"];

    internal override async Task<CommandResult?> PlanAsync(CspocRun run, CommandInvocation invocation)
    {
        if (invocation.Name == "cl_lsvg" && invocation.Arguments is ["-S"])
        {
            return await SharedListAsync(run).ConfigureAwait(false);
        }
        if (invocation.Name == "cl_lsvg" && invocation.Arguments is ["-l", var vg] && !vg.StartsWith('-'))
        {
            await LogicalVolumesAsync(run, vg).ConfigureAwait(false);
            return null;
        }
        IReadOnlyList<string> argv = [invocation.Name[3..], .. invocation.Arguments];
        await run.RunAsync(run.Targets, _ => argv).ConfigureAwait(false);
        return null;
    }

    /// <summary>
    /// The shared volume groups, as C-SPOC's pick lists offer them: a group is shared when one of its
    /// disks (by PVID) is seen by another target node; rootvg and groups on local disks are left out.
    /// One line per group with the nodes that define it, under a heading SMIT cannot pick.
    /// </summary>
    private static async Task<CommandResult?> SharedListAsync(CspocRun run)
    {
        var disks = await SharedLvm.LspvAsync(run, run.Targets).ConfigureAwait(false);
        if (run.AnyFailed)
        {
            return null; // the nodes that failed lspv say why
        }
        var nodesSeeing = disks.Values.SelectMany(d => d).Where(d => d.Pvid != "none")
            .GroupBy(d => d.Pvid, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);
        var groups = new List<(string Vg, List<string> Nodes)>();
        foreach (var node in run.Targets.Where(disks.ContainsKey))
        {
            foreach (var disk in disks[node].Where(d => d.VolumeGroup is not ("None" or "rootvg")))
            {
                var shared = disks[node].Where(d => d.VolumeGroup == disk.VolumeGroup).Any(d => nodesSeeing.GetValueOrDefault(d.Pvid) > 1);
                if (!shared)
                {
                    continue;
                }
                if (groups.FindIndex(g => g.Vg == disk.VolumeGroup) is var i and >= 0)
                {
                    if (!groups[i].Nodes.Contains(node))
                    {
                        groups[i].Nodes.Add(node);
                    }
                }
                else
                {
                    groups.Add((disk.VolumeGroup, [node]));
                }
            }
        }
        var text = new System.Text.StringBuilder("#Volume Group    Node List\n");
        foreach (var (vg, nodes) in groups)
        {
            text.Append(vg.PadRight(16)).Append(' ').Append(string.Join(',', nodes)).Append('\n');
        }
        return CommandResult.Local(0, text.ToString(), "");
    }

    /// <summary>
    /// <c>lsvg -l VG</c> on one node: the one with the group varied on read/write, else the first
    /// node where lsvg -l answers (varied on passive), else the first node defining it, varied on for
    /// the reading and off again, as cl_mklv does for a change.
    /// </summary>
    private static async Task LogicalVolumesAsync(CspocRun run, string vg)
    {
        var place = await SharedLvm.LocateAsync(run, vg).ConfigureAwait(false);
        if (place is null)
        {
            return;
        }
        IReadOnlyList<string> lsvg = ["lsvg", "-l", vg];
        if (place.Active is { } active)
        {
            await run.RunAsync([active], _ => lsvg).ConfigureAwait(false);
            return;
        }
        foreach (var node in place.Known)
        {
            var r = await run.TryAsync(node, lsvg).ConfigureAwait(false);
            if (r.Outcome == NodeOutcome.Ok)
            {
                run.Absorb(r);
                return;
            }
        }
        var reader = place.Known[0];
        var on = await run.RunAsync([reader], _ => ["varyonvg", vg]).ConfigureAwait(false);
        if (!on.AllOk)
        {
            run.General($"{run.Name}: volume group {vg} could not be read on any node.");
            return;
        }
        await run.RunAsync([reader], _ => lsvg).ConfigureAwait(false);
        await run.RunAsync([reader], _ => ["varyoffvg", vg]).ConfigureAwait(false);
    }
}

/// <summary>
/// <c>cl_updatevg VG</c>: brings the definition of a shared volume group up to date
/// (<c>importvg -L</c>) on the target nodes where it is not varied on read/write.
/// </summary>
public sealed class UpdatevgHandler(FanOutEngine engine, IClusterNodes clusterNodes) : CspocHandler(engine, clusterNodes)
{
    public override IReadOnlyCollection<string> Names { get; } = ["cl_updatevg"];

    internal override async Task<CommandResult?> PlanAsync(CspocRun run, CommandInvocation invocation)
    {
        var g = Getopt.Parse(invocation.Arguments, "v:l:P:fH");
        string? vg = g.Value('v') ?? (g.Operands.Count == 1 ? g.Operands[0] : null);
        if (g.BadFlag is not null || (vg is null && g.Value('l') is null) || g.Operands.Count > 1)
        {
            return CspocRun.Usage(invocation.Name == "cl_updatevg"
                ? "Usage: cl_updatevg [-cspoc \"[-f] [-g ResourceGroup | -n Node,...]\"] VolumeGroup"
                : "Usage: cl_syncvg [-cspoc \"[-f] [-g ResourceGroup | -n Node,...]\"] [-P n] [-f] [-H] {-v VolumeGroup | -l LogicalVolume}");
        }
        if (vg is null)
        {
            vg = await SharedLvm.VolumeGroupOfLvAsync(run, g.Value('l')!).ConfigureAwait(false);
            if (vg is null)
            {
                return CommandResult.Local(1, "", $"0516-306 {invocation.Name}: Unable to find logical volume {g.Value('l')} in a volume group\n\tvaried on on any of the nodes {string.Join(',', run.Targets)}.\n");
            }
        }
        var place = await SharedLvm.LocateAsync(run, vg).ConfigureAwait(false);
        if (place is null)
        {
            return null;
        }
        await SharedLvm.UpdateAsync(run, vg, place.Known.Where(n => n != place.Active).ToList()).ConfigureAwait(false);
        return null;
    }
}
