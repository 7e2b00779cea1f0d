using ClAdmin.Contracts;
using ClAdmin.Exec.Dispatch;
using ClAdmin.Exec.FanOut;
using ClAdmin.Exec.Nodes;
using ClAdmin.Shell;

namespace ClAdmin.Exec.Cspoc;

/// <summary>
/// The C-SPOC commands that change a shared volume group (powerha-menus.md §5.6):
/// <c>cl_extendvg [-R node] [-f] VG PV ...</c>, <c>cl_reducevg [-R node] [-d] [-f] VG PV ...</c>,
/// <c>cl_mklv [-R node] mklv-flags VG size [PV ...]</c>, <c>cl_extendlv [-R node] LV size [PV ...]</c>,
/// <c>cl_rmlv LV</c>, <c>cl_crfs crfs-flags</c> (-g VG or -d LV), <c>cl_chfs chfs-flags FS</c>,
/// <c>cl_rmfs [-r] FS</c>. Each runs the AIX command on the node that has the volume group varied on
/// (disks named as the reference node sees them are translated by PVID), then refreshes the other
/// nodes' definition with <c>importvg -L</c>; cl_rmfs also removes the file system's stanza where it is left.
/// </summary>
public sealed class LvmChangeHandler(FanOutEngine engine, IClusterNodes clusterNodes) : CspocHandler(engine, clusterNodes)
{
    private const string Cspoc = "[-cspoc \"[-f] [-g ResourceGroup | -n Node,...]\"]";

    public override IReadOnlyCollection<string> Names { get; } =
        ["cl_extendvg", "cl_reducevg", "cl_mklv", "cl_extendlv", "cl_rmlv", "cl_crfs", "cl_chfs", "cl_rmfs"];

    internal override Task<CommandResult?> PlanAsync(CspocRun run, CommandInvocation invocation) => invocation.Name switch
    {
        "cl_extendvg" => VgDisksAsync(run, invocation, "extendvg", "R:f", $"Usage: cl_extendvg {Cspoc} [-R ReferenceNode] [-f] VolumeGroup PhysicalVolume ..."),
        "cl_reducevg" => VgDisksAsync(run, invocation, "reducevg", "R:df", $"Usage: cl_reducevg {Cspoc} [-R ReferenceNode] [-d] [-f] VolumeGroup PhysicalVolume ..."),
        "cl_mklv" => MklvAsync(run, invocation),
        "cl_extendlv" => ExtendlvAsync(run, invocation),
        "cl_rmlv" => RmlvAsync(run, invocation),
        "cl_crfs" => CrfsAsync(run, invocation),
        _ => FsAsync(run, invocation),
    };

    /// <summary>extendvg / reducevg: VG then disks, the disks named as the reference node sees them.</summary>
    private static async Task<CommandResult?> VgDisksAsync(CspocRun run, CommandInvocation invocation, string aix, string spec, string usage)
    {
        var g = Getopt.Parse(invocation.Arguments, spec);
        if (g.BadFlag is not null || g.Operands.Count < 2)
        {
            return CspocRun.Usage(usage);
        }
        var vg = g.Operands[0];
        var reference = g.Value('R');
        await SharedLvm.ChangeAsync(run, vg, reference, async runner =>
        {
            var pvs = await SharedLvm.TranslateAsync(run, Reference(run, reference, runner), runner, g.Operands.Skip(1).ToList()).ConfigureAwait(false);
            if (pvs is null)
            {
                return false;
            }
            var r = await run.RunAsync([runner], _ => [aix, .. g.Words("R"), vg, .. pvs]).ConfigureAwait(false);
            return r.AllOk;
        }).ConfigureAwait(false);
        return null;
    }

    private static async Task<CommandResult?> MklvAsync(CspocRun run, CommandInvocation invocation)
    {
        var g = Getopt.Parse(invocation.Arguments, "R:t:y:c:a:e:s:u:x:L:r:b:d:m:v:w:ST:o:");
        if (g.BadFlag is not null || g.Operands.Count < 2)
        {
            return CspocRun.Usage($"Usage: cl_mklv {Cspoc} [-R ReferenceNode] [-t Type] [-y LogicalVolume] [mklv flags] VolumeGroup Size [PhysicalVolume ...]");
        }
        var vg = g.Operands[0];
        var reference = g.Value('R');
        await SharedLvm.ChangeAsync(run, vg, reference, async runner =>
        {
            var pvs = await SharedLvm.TranslateAsync(run, Reference(run, reference, runner), runner, g.Operands.Skip(2).ToList()).ConfigureAwait(false);
            if (pvs is null)
            {
                return false;
            }
            var r = await run.RunAsync([runner], _ => ["mklv", .. g.Words("R"), vg, g.Operands[1], .. pvs]).ConfigureAwait(false);
            return r.AllOk;
        }).ConfigureAwait(false);
        return null;
    }

    private static async Task<CommandResult?> ExtendlvAsync(CspocRun run, CommandInvocation invocation)
    {
        var g = Getopt.Parse(invocation.Arguments, "R:a:e:m:s:u:");
        if (g.BadFlag is not null || g.Operands.Count < 2)
        {
            return CspocRun.Usage($"Usage: cl_extendlv {Cspoc} [-R ReferenceNode] [extendlv flags] LogicalVolume Size [PhysicalVolume ...]");
        }
        var lv = g.Operands[0];
        var reference = g.Value('R');
        return await OnLvAsync(run, lv, reference, async runner =>
        {
            var pvs = await SharedLvm.TranslateAsync(run, Reference(run, reference, runner), runner, g.Operands.Skip(2).ToList()).ConfigureAwait(false);
            if (pvs is null)
            {
                return false;
            }
            var r = await run.RunAsync([runner], _ => ["extendlv", .. g.Words("R"), lv, g.Operands[1], .. pvs]).ConfigureAwait(false);
            return r.AllOk;
        }).ConfigureAwait(false);
    }

    private static async Task<CommandResult?> RmlvAsync(CspocRun run, CommandInvocation invocation)
    {
        var g = Getopt.Parse(invocation.Arguments, "f");
        if (g.BadFlag is not null || g.Operands.Count != 1)
        {
            return CspocRun.Usage($"Usage: cl_rmlv {Cspoc} LogicalVolume");
        }
        var lv = g.Operands[0];
        return await OnLvAsync(run, lv, null, async runner =>
            (await run.RunAsync([runner], _ => ["rmlv", "-f", lv]).ConfigureAwait(false)).AllOk).ConfigureAwait(false);
    }

    private static async Task<CommandResult?> CrfsAsync(CspocRun run, CommandInvocation invocation)
    {
        var g = Getopt.Parse(invocation.Arguments, "v:g:d:m:A:p:a:u:t:l:n:");
        if (g.BadFlag is not null || g.Operands.Count != 0 || g.Value('m') is null || (g.Value('g') is null) == (g.Value('d') is null))
        {
            return CspocRun.Usage($"Usage: cl_crfs {Cspoc} -v VfsType {{-g VolumeGroup -a size=Size | -d LogicalVolume}} -m MountPoint [-A yes|no] [-p rw|ro] [-a Attribute=Value ...]");
        }
        List<string> argv = ["crfs", .. g.Words()];
        if (g.Value('g') is { } vg)
        {
            await SharedLvm.ChangeAsync(run, vg, null, async runner =>
                (await run.RunAsync([runner], _ => argv).ConfigureAwait(false)).AllOk).ConfigureAwait(false);
            return null;
        }
        return await OnLvAsync(run, g.Value('d')!, null, async runner =>
            (await run.RunAsync([runner], _ => argv).ConfigureAwait(false)).AllOk).ConfigureAwait(false);
    }

    /// <summary>cl_chfs and cl_rmfs: find the file system's volume group (varied off too), then change it where
    /// the group is on, varying it on for the change and off again when no node had it on.</summary>
    private static async Task<CommandResult?> FsAsync(CspocRun run, CommandInvocation invocation)
    {
        var remove = invocation.Name == "cl_rmfs";
        var g = Getopt.Parse(invocation.Arguments, remove ? "ri" : "a:A:m:p:u:t:d:");
        if (g.BadFlag is not null || g.Operands.Count != 1)
        {
            return CspocRun.Usage(remove
                ? $"Usage: cl_rmfs {Cspoc} [-r] FileSystem"
                : $"Usage: cl_chfs {Cspoc} [-A yes|no] [-m NewMountPoint] [-p rw|ro] [-a Attribute=Value ...] FileSystem");
        }
        var fs = g.Operands[0];
        // Found with the group varied off too (lsvgfs); a file system of rootvg is never C-SPOC's to change.
        var vg = await SharedLvm.VolumeGroupOfFileSystemAsync(run, fs).ConfigureAwait(false);
        if (vg is null)
        {
            return Missing(run, remove
                ? $"rmfs: 0506-915 No record matching {fs} was found in /etc/filesystems."
                : $"chfs: 0506-914 The file system {fs} is not in /etc/filesystems.");
        }
        if (vg == "rootvg")
        {
            return CspocRun.Usage($"{run.Name}: {fs} is not a file system of a shared volume group (it is in rootvg); C-SPOC changes only shared file systems.");
        }
        var aix = remove ? "rmfs" : "chfs";
        await SharedLvm.ChangeAsync(run, vg, null, async runner =>
            (await run.RunAsync([runner], _ => [aix, .. g.Words(), fs]).ConfigureAwait(false)).AllOk).ConfigureAwait(false);
        if (remove && !run.AnyFailed)
        {
            // importvg -L drops stanzas only for file systems with a separate log: remove what is left.
            var left = await run.QueryAsync(run.Targets, ["lsfs", fs]).ConfigureAwait(false);
            var stale = run.Targets.Where(n => left[n].Outcome == NodeOutcome.Ok).ToList();
            if (stale.Count > 0)
            {
                await run.RunAsync(stale, _ => ["rmfs", .. g.Words(), fs]).ConfigureAwait(false);
            }
        }
        return null;
    }

    /// <summary>Runs a change on the volume group that holds <paramref name="lv"/>.</summary>
    private static async Task<CommandResult?> OnLvAsync(CspocRun run, string lv, string? reference, Func<string, Task<bool>> change)
    {
        var vg = await SharedLvm.VolumeGroupOfLvAsync(run, lv).ConfigureAwait(false);
        if (vg is null)
        {
            return Missing(run, $"0516-306 {run.Name}: Unable to find logical volume {lv} in a volume group\n\tvaried on on any of the nodes {string.Join(',', run.Targets)}.");
        }
        await SharedLvm.ChangeAsync(run, vg, reference, change).ConfigureAwait(false);
        return null;
    }

    private static CommandResult? Missing(CspocRun run, string message)
    {
        if (run.AnyFailed)
        {
            run.General(message);
            return null;
        }
        return CommandResult.Local(1, "", message + "\n");
    }

    private static string Reference(CspocRun run, string? reference, string runner) =>
        reference is not null && run.Targets.Contains(reference) ? reference : runner;
}
