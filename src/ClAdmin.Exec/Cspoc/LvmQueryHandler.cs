using ClAdmin.Contracts;
using ClAdmin.Exec.Dispatch;
using ClAdmin.Exec.FanOut;
using ClAdmin.Exec.Nodes;
using ClAdmin.Shell;

namespace ClAdmin.Exec.Cspoc;

/// <summary>
/// The listing commands <c>cl_lsvg [-o] | [-l | -M | -p] VG ...</c>, <c>cl_lsfs</c> and
/// <c>cl_lslv</c>: the AIX command with the same arguments on every target node, each line of
/// output prefixed with its node.
/// </summary>
public sealed class LvmQueryHandler(FanOutEngine engine, IClusterNodes clusterNodes) : CspocHandler(engine, clusterNodes)
{
    public override IReadOnlyCollection<string> Names { get; } = ["cl_lsvg", "cl_lsfs", "cl_lslv"];

    internal override async Task<CommandResult?> PlanAsync(CspocRun run, CommandInvocation invocation)
    {
        IReadOnlyList<string> argv = [invocation.Name[3..], .. invocation.Arguments];
        await run.RunAsync(run.Targets, _ => argv).ConfigureAwait(false);
        return null;
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
