using ClAdmin.Contracts;
using ClAdmin.Exec.Dispatch;
using ClAdmin.Exec.FanOut;
using ClAdmin.Exec.Nodes;
using ClAdmin.Shell;

namespace ClAdmin.Exec.Cspoc;

/// <summary>
/// The C-SPOC commands that change a shared volume group's characteristics, its mirrors and its
/// logical volumes (powerha-menus.md §5.6, semantics §8):
/// <c>cl_chvg [chvg flags] VG</c>, <c>cl_mirrorvg [-R node] [-S|-s] [-Q] [-c n] [-m] VG [PV ...]</c>,
/// <c>cl_unmirrorvg [-R node] [-c n] VG [PV ...]</c>, <c>cl_mklvcopy [-R node] [mklvcopy flags] LV copies [PV ...]</c>,
/// <c>cl_rmlvcopy [-R node] LV copies [PV ...]</c>, <c>cl_chlv [chlv flags] [-n NewName] LV</c> (the
/// "Rename a Shared Logical Volume" dialog, SMIT id cl_chlv1, runs <c>cl_chlv -n</c>), and
/// <c>cl_syncvg [-P n] [-f] [-H] {-v VG | -l LV}</c>. Each runs the AIX command where the volume
/// group is varied on (on for the change only, when no node has it on); the other nodes then learn the
/// change with <c>importvg -L</c>. When one of them cannot, the change is undone where it was made.
/// Auto-varyon (<c>chvg -a</c>) is each node's own attribute: it is set on every node, and put back
/// where it was set when a node fails.
/// </summary>
public sealed class LvmMirrorHandler(FanOutEngine engine, IClusterNodes clusterNodes) : CspocHandler(engine, clusterNodes)
{
    private const string Cspoc = "[-cspoc \"[-f] [-g ResourceGroup | -n Node,...]\"]";

    public override IReadOnlyCollection<string> Names { get; } =
        ["cl_chvg", "cl_mirrorvg", "cl_unmirrorvg", "cl_mklvcopy", "cl_rmlvcopy", "cl_chlv", "cl_syncvg"];

    internal override Task<CommandResult?> PlanAsync(CspocRun run, CommandInvocation invocation) => invocation.Name switch
    {
        "cl_chvg" => ChvgAsync(run, invocation),
        "cl_mirrorvg" => MirrorvgAsync(run, invocation, mirror: true),
        "cl_unmirrorvg" => MirrorvgAsync(run, invocation, mirror: false),
        "cl_mklvcopy" => LvCopyAsync(run, invocation, add: true),
        "cl_rmlvcopy" => LvCopyAsync(run, invocation, add: false),
        "cl_chlv" => ChlvAsync(run, invocation),
        _ => SyncvgAsync(run, invocation),
    };

    private static async Task<CommandResult?> ChvgAsync(CspocRun run, CommandInvocation invocation)
    {
        var g = Getopt.Parse(invocation.Arguments, "a:Q:CgGBt:L:s:h:u");
        if (g.BadFlag is not null || g.Operands.Count != 1 || g.Words().Count == 0)
        {
            return CspocRun.Usage($"Usage: cl_chvg {Cspoc} [-a y|n] [-Q y|n] [-C] [-g] [-s y|n] [-h y|Y|n|r] [-L LTGSize] [-t Factor] VolumeGroup");
        }
        var vg = g.Operands[0];
        var shared = g.Words("a");
        if (shared.Count > 0)
        {
            await SharedLvm.ChangeAsync(run, vg, null, async runner =>
                (await run.RunAsync([runner], _ => ["chvg", .. shared, vg]).ConfigureAwait(false)).AllOk).ConfigureAwait(false);
            if (run.AnyFailed)
            {
                return null;
            }
        }
        if (g.Value('a') is { } auto)
        {
            var place = await SharedLvm.LocateAsync(run, vg).ConfigureAwait(false);
            if (place is null)
            {
                return null;
            }
            // Put each node's own previous value back when another node fails.
            var before = await run.QueryAsync(place.Known, ["lsattr", "-El", vg, "-a", "auto_on", "-F", "value"]).ConfigureAwait(false);
            string Previous(string node) => before[node].Stdout.Trim() is "y" ? "y" : "n";
            await run.RunAsync(place.Known, _ => ["chvg", "-a", auto, vg], rollback: n => ["chvg", "-a", Previous(n), vg]).ConfigureAwait(false);
        }
        return null;
    }

    private static async Task<CommandResult?> MirrorvgAsync(CspocRun run, CommandInvocation invocation, bool mirror)
    {
        var g = Getopt.Parse(invocation.Arguments, mirror ? "R:Ssc:Qm" : "R:c:");
        if (g.BadFlag is not null || g.Operands.Count < 1)
        {
            return CspocRun.Usage(mirror
                ? $"Usage: cl_mirrorvg {Cspoc} [-R ReferenceNode] [-S | -s] [-Q] [-c Copies] [-m] VolumeGroup [PhysicalVolume ...]"
                : $"Usage: cl_unmirrorvg {Cspoc} [-R ReferenceNode] [-c Copies] VolumeGroup [PhysicalVolume ...]");
        }
        var vg = g.Operands[0];
        var reference = g.Value('R');
        List<string> pvs = [];
        await SharedLvm.ChangeAsync(run, vg, reference, async runner =>
        {
            var translated = await SharedLvm.TranslateAsync(run, Reference(run, reference, runner), runner, g.Operands.Skip(1).ToList()).ConfigureAwait(false);
            if (translated is null)
            {
                return false;
            }
            pvs = translated;
            var aix = mirror ? "mirrorvg" : "unmirrorvg";
            return (await run.RunAsync([runner], _ => [aix, .. g.Words("R"), vg, .. pvs]).ConfigureAwait(false)).AllOk;
        },
        undo: mirror
            ? _ => ["unmirrorvg", vg, .. pvs]
            : _ => ["mirrorvg", "-Q", "-c", g.Value('c') == "2" ? "3" : "2", vg]).ConfigureAwait(false);
        return null;
    }

    private static async Task<CommandResult?> LvCopyAsync(CspocRun run, CommandInvocation invocation, bool add)
    {
        var g = Getopt.Parse(invocation.Arguments, add ? "R:a:e:km:s:u:" : "R:");
        if (g.BadFlag is not null || g.Operands.Count < 2)
        {
            return CspocRun.Usage(add
                ? $"Usage: cl_mklvcopy {Cspoc} [-R ReferenceNode] [-a Position] [-e Range] [-k] [-s Strict] [-u UpperBound] LogicalVolume Copies [PhysicalVolume ...]"
                : $"Usage: cl_rmlvcopy {Cspoc} [-R ReferenceNode] LogicalVolume Copies [PhysicalVolume ...]");
        }
        var (lv, copies) = (g.Operands[0], g.Operands[1]);
        var reference = g.Value('R');
        var had = "1";
        return await OnLvAsync(run, lv, reference, async runner =>
        {
            var pvs = await SharedLvm.TranslateAsync(run, Reference(run, reference, runner), runner, g.Operands.Skip(2).ToList()).ConfigureAwait(false);
            if (pvs is null)
            {
                return false;
            }
            had = await CopiesAsync(run, runner, lv).ConfigureAwait(false) ?? had;
            var aix = add ? "mklvcopy" : "rmlvcopy";
            return (await run.RunAsync([runner], _ => [aix, .. g.Words("R"), lv, copies, .. pvs]).ConfigureAwait(false)).AllOk;
        },
        undo: add ? _ => ["rmlvcopy", lv, had] : _ => ["mklvcopy", "-k", lv, had]).ConfigureAwait(false);
    }

    private static async Task<CommandResult?> ChlvAsync(CspocRun run, CommandInvocation invocation)
    {
        var g = Getopt.Parse(invocation.Arguments, "n:t:x:L:a:e:u:w:s:r:b:d:v:o:");
        if (g.BadFlag is not null || g.Operands.Count != 1 || g.Words().Count == 0)
        {
            return CspocRun.Usage($"Usage: cl_chlv {Cspoc} [-n NewLogicalVolume] [-t Type] [-x Maximum] [-L Label] [-a Position] [-e Range] [-u UpperBound] [-w MirrorWriteConsistency] [-s Strict] [-r Relocate] [-b BadBlocks] [-d Schedule] [-v Verify] [-o y|n] LogicalVolume");
        }
        var lv = g.Operands[0];
        var renamed = g.Value('n');
        return await OnLvAsync(run, lv, null, async runner =>
            (await run.RunAsync([runner], _ => ["chlv", .. g.Words(), lv]).ConfigureAwait(false)).AllOk,
            undo: renamed is null ? null : _ => ["chlv", "-n", lv, renamed]).ConfigureAwait(false);
    }

    private static async Task<CommandResult?> SyncvgAsync(CspocRun run, CommandInvocation invocation)
    {
        var g = Getopt.Parse(invocation.Arguments, "v:l:P:fH");
        var vg = g.Value('v') ?? (g.Operands.Count == 1 && g.Value('l') is null ? g.Operands[0] : null);
        if (g.BadFlag is not null || (vg is null) == (g.Value('l') is null) || g.Operands.Count > (g.Value('v') is null && g.Value('l') is null ? 1 : 0))
        {
            return CspocRun.Usage($"Usage: cl_syncvg {Cspoc} [-P NumParallelLps] [-f] [-H] {{-v VolumeGroup | -l LogicalVolume}}");
        }
        List<string> flags = [.. g.Words("vl")];
        if (vg is not null)
        {
            await SharedLvm.ChangeAsync(run, vg, null, async runner =>
                (await run.RunAsync([runner], _ => ["syncvg", .. flags, "-v", vg]).ConfigureAwait(false)).AllOk, update: false).ConfigureAwait(false);
            return null;
        }
        var lv = g.Value('l')!;
        return await OnLvAsync(run, lv, null, async runner =>
            (await run.RunAsync([runner], _ => ["syncvg", .. flags, "-l", lv]).ConfigureAwait(false)).AllOk, update: false).ConfigureAwait(false);
    }

    /// <summary>The number of copies of <paramref name="lv"/> (lslv COPIES) on <paramref name="node"/>.</summary>
    private static async Task<string?> CopiesAsync(CspocRun run, string node, string lv)
    {
        var r = await run.TryAsync(node, ["lslv", lv]).ConfigureAwait(false);
        var line = r.Stdout.Split('\n').FirstOrDefault(l => l.StartsWith("COPIES:", StringComparison.Ordinal));
        return line?["COPIES:".Length..].Trim().Split(' ')[0];
    }

    /// <summary>Runs a change on the volume group that holds <paramref name="lv"/>.</summary>
    private static async Task<CommandResult?> OnLvAsync(CspocRun run, string lv, string? reference, Func<string, Task<bool>> change,
        Func<string, IReadOnlyList<string>>? undo = null, bool update = true)
    {
        var vg = await SharedLvm.VolumeGroupOfLvAsync(run, lv).ConfigureAwait(false);
        if (vg is null)
        {
            var message = $"0516-306 {run.Name}: Unable to find logical volume {lv} in a volume group\n\tvaried on on any of the nodes {string.Join(',', run.Targets)}.";
            if (run.AnyFailed)
            {
                run.General(message);
                return null;
            }
            return CommandResult.Local(1, "", message + "\n");
        }
        await SharedLvm.ChangeAsync(run, vg, reference, change, undo, update).ConfigureAwait(false);
        return null;
    }

    private static string Reference(CspocRun run, string? reference, string runner) =>
        reference is not null && run.Targets.Contains(reference) ? reference : runner;
}
