using ClAdmin.Contracts;
using ClAdmin.Exec.Dispatch;
using ClAdmin.Exec.FanOut;
using ClAdmin.Exec.Nodes;
using ClAdmin.Shell;

namespace ClAdmin.Exec.Cspoc;

/// <summary>
/// C-SPOC's HACMP Physical Volume Management (powerha-menus.md §2.1, cl_disk_man):
/// <c>cl_mkdisk [-p Parent] [-a pv=yes|no] [hdisk]</c> (cfgmgr on every node, then a PVID),
/// <c>cl_rmdisk [-d] hdisk</c> (rmdev on every node), <c>cl_diskreplace SourceDisk DestinationDisk</c>
/// (replacepv where the volume group is varied on, importvg -L on the others) and
/// <c>cl_ssa_fence -c hdisk ...</c> (Clear SSA Disk Fence Registers). A disk is named as the reference
/// node (the local node, where the dialogs' lspv lists run, else the first target) names it, and found
/// on the other nodes by its PVID. A step that fails on a node undoes the earlier steps on every node.
/// </summary>
public sealed class DiskHandler(FanOutEngine engine, IClusterNodes clusterNodes) : CspocHandler(engine, clusterNodes)
{
    private const string Cspoc = "[-cspoc \"[-f] [-g ResourceGroup | -n Node,...]\"]";

    public override IReadOnlyCollection<string> Names { get; } = ["cl_mkdisk", "cl_rmdisk", "cl_diskreplace", "cl_ssa_fence"];

    internal override Task<CommandResult?> PlanAsync(CspocRun run, CommandInvocation invocation) => invocation.Name switch
    {
        "cl_mkdisk" => MkdiskAsync(run, invocation),
        "cl_rmdisk" => RmdiskAsync(run, invocation),
        "cl_diskreplace" => DiskreplaceAsync(run, invocation),
        _ => SsaFenceAsync(run, invocation),
    };

    private static string ReferenceOf(CspocRun run, CommandInvocation invocation) =>
        run.Targets.Contains(invocation.LocalNode) ? invocation.LocalNode : run.Targets[0];

    /// <summary>lspv on every target: null, with "nothing was changed", when a node cannot answer (unless -f).</summary>
    private static async Task<Dictionary<string, List<PhysicalVolume>>?> PrecheckAsync(CspocRun run)
    {
        var disks = await SharedLvm.LspvAsync(run, run.Targets).ConfigureAwait(false);
        if (disks.Count == 0 || (!run.Force && run.AnyFailed))
        {
            run.General($"{run.Name}: nothing was changed.");
            return null;
        }
        return disks;
    }

    /// <summary>The hdisk name on each node of the disk <paramref name="name"/> of the reference node;
    /// nodes without it are failed.</summary>
    private static Dictionary<string, PhysicalVolume> Locate(CspocRun run, Dictionary<string, List<PhysicalVolume>> disks, string reference, string name)
    {
        var found = new Dictionary<string, PhysicalVolume>(StringComparer.Ordinal);
        if (!disks.TryGetValue(reference, out var own) || SharedLvm.Find(own, name) is not { } pv)
        {
            if (disks.ContainsKey(reference))
            {
                run.Fail(reference, $"0516-306 {run.Name}: Unable to find physical volume {name} in the Device\n\tConfiguration Database.");
            }
            return found;
        }
        foreach (var (node, list) in disks)
        {
            var there = node == reference ? pv : pv.Pvid == "none" ? null : SharedLvm.Find(list, pv.Pvid);
            if (there is null)
            {
                run.Fail(node, pv.Pvid == "none"
                    ? $"{run.Name}: {name} on {reference} has no PVID: C-SPOC cannot find it on {node}."
                    : $"{run.Name}: node {node} has no disk with PVID {pv.Pvid} ({name} on {reference}).");
                continue;
            }
            found[node] = there;
        }
        return found;
    }

    private static async Task<CommandResult?> RmdiskAsync(CspocRun run, CommandInvocation invocation)
    {
        var g = Getopt.Parse(invocation.Arguments, "d");
        if (g.BadFlag is not null || g.Operands.Count != 1)
        {
            return CspocRun.Usage($"Usage: cl_rmdisk {Cspoc} [-d] PhysicalVolume");
        }
        var disks = await PrecheckAsync(run).ConfigureAwait(false);
        if (disks is null)
        {
            return null;
        }
        var found = Locate(run, disks, ReferenceOf(run, invocation), g.Operands[0]);
        foreach (var (node, pv) in found.Where(x => x.Value.VolumeGroup != "None").ToList())
        {
            run.Fail(node, $"{run.Name}: {pv.Name} belongs to volume group {pv.VolumeGroup} on {node}; remove it from the volume group first.");
            found.Remove(node);
        }
        if (found.Count == 0 || (!run.Force && run.AnyFailed))
        {
            run.General($"{run.Name}: nothing was changed.");
            return null;
        }
        var delete = g.Has('d');
        // rmdev -d deletes the definition (cfgmgr finds the disk again); rmdev leaves it Defined (mkdev -l configures it).
        await run.RunAsync(run.Targets.Where(found.ContainsKey).ToList(),
            n => delete ? ["rmdev", "-d", "-l", found[n].Name] : ["rmdev", "-l", found[n].Name],
            rollback: n => delete ? ["cfgmgr"] : ["mkdev", "-l", found[n].Name]).ConfigureAwait(false);
        return null;
    }

    private static async Task<CommandResult?> MkdiskAsync(CspocRun run, CommandInvocation invocation)
    {
        var g = Getopt.Parse(invocation.Arguments, "p:a:");
        var pv = g.Value('a');
        if (g.BadFlag is not null || g.Operands.Count > 1 || pv is not (null or "pv=yes" or "pv=no"))
        {
            return CspocRun.Usage($"Usage: cl_mkdisk {Cspoc} [-p ParentAdapter] [-a pv=yes|no] [PhysicalVolume]");
        }
        var before = await PrecheckAsync(run).ConfigureAwait(false);
        if (before is null)
        {
            return null;
        }
        var nodes = run.Targets.Where(before.ContainsKey).ToList();
        await run.RunAsync(nodes, _ => g.Value('p') is { } parent ? ["cfgmgr", "-l", parent] : ["cfgmgr"]).ConfigureAwait(false);
        var after = await SharedLvm.LspvAsync(run, nodes).ConfigureAwait(false);
        var added = nodes.Where(after.ContainsKey).ToDictionary(n => n,
            n => after[n].Where(d => before[n].TrueForAll(b => b.Name != d.Name)).Select(d => d.Name).ToList(), StringComparer.Ordinal);
        foreach (var (node, names) in added)
        {
            foreach (var name in names)
            {
                run.Note(node, $"{name} Available");
            }
        }
        if (run.AnyFailed)
        {
            await UndoAsync(run, added).ConfigureAwait(false);
            return null;
        }
        if (pv == "pv=yes")
        {
            // The PVID is written on the disk where it is assigned first (the reference node); the
            // other nodes then read it from the disk.
            var reference = ReferenceOf(run, invocation);
            var wanted = added.ToDictionary(x => x.Key, x => x.Value.ToList(), StringComparer.Ordinal);
            if (g.Operands.Count == 1 && added.ContainsKey(reference))
            {
                wanted[reference] = [g.Operands[0]];
            }
            foreach (var group in new[] { nodes.Where(n => n == reference).ToList(), nodes.Where(n => n != reference).ToList() })
            {
                foreach (var node in group.Where(wanted.ContainsKey))
                {
                    foreach (var disk in wanted[node])
                    {
                        await run.RunAsync([node], _ => ["chdev", "-l", disk, "-a", "pv=yes"]).ConfigureAwait(false);
                    }
                }
                if (run.AnyFailed)
                {
                    await UndoAsync(run, added).ConfigureAwait(false);
                    return null;
                }
            }
        }
        foreach (var node in nodes.Where(n => added.TryGetValue(n, out var a) && a.Count == 0))
        {
            run.Note(node, $"{run.Name}: cfgmgr found no new disk on {node}.");
        }
        return null;
    }

    /// <summary>Removes again, on every node, the disks this command configured.</summary>
    private static async Task UndoAsync(CspocRun run, Dictionary<string, List<string>> added)
    {
        foreach (var (node, names) in added)
        {
            foreach (var name in names)
            {
                await run.UndoAsync(node, ["rmdev", "-d", "-l", name]).ConfigureAwait(false);
            }
        }
    }

    private static async Task<CommandResult?> DiskreplaceAsync(CspocRun run, CommandInvocation invocation)
    {
        var g = Getopt.Parse(invocation.Arguments, "");
        if (g.BadFlag is not null || g.Operands.Count != 2)
        {
            return CspocRun.Usage($"Usage: cl_diskreplace {Cspoc} SourcePhysicalVolume DestinationPhysicalVolume");
        }
        var reference = ReferenceOf(run, invocation);
        var (source, destination) = (g.Operands[0], g.Operands[1]);
        var own = await SharedLvm.LspvAsync(run, [reference]).ConfigureAwait(false);
        if (!own.TryGetValue(reference, out var list))
        {
            run.General($"{run.Name}: nothing was changed.");
            return null;
        }
        var pv = SharedLvm.Find(list, source);
        if (pv is null || pv.VolumeGroup == "None")
        {
            var message = pv is null
                ? $"0516-306 {run.Name}: Unable to find physical volume {source} in the Device\n\tConfiguration Database."
                : $"{run.Name}: {source} is not in a volume group on {reference}: there is nothing to replace.";
            return CommandResult.Local(1, "", message + "\n");
        }
        List<string> onRunner = [];
        await SharedLvm.ChangeAsync(run, pv.VolumeGroup, null, async runner =>
        {
            var translated = await SharedLvm.TranslateAsync(run, reference, runner, [source, destination]).ConfigureAwait(false);
            if (translated is null)
            {
                return false;
            }
            onRunner = translated;
            return (await run.RunAsync([runner], _ => ["replacepv", translated[0], translated[1]]).ConfigureAwait(false)).AllOk;
        },
        undo: _ => ["replacepv", onRunner[1], onRunner[0]]).ConfigureAwait(false);
        return null;
    }

    private static async Task<CommandResult?> SsaFenceAsync(CspocRun run, CommandInvocation invocation)
    {
        var g = Getopt.Parse(invocation.Arguments, "c");
        if (g.BadFlag is not null || !g.Has('c') || g.Operands.Count == 0)
        {
            return CspocRun.Usage("Usage: cl_ssa_fence -c hdisk ...");
        }
        var disks = await PrecheckAsync(run).ConfigureAwait(false);
        if (disks is null)
        {
            return null;
        }
        var reference = ReferenceOf(run, invocation);
        var devices = await run.QueryAsync(disks.Keys.ToList(), ["lsdev", "-Cc", "disk"]).ConfigureAwait(false);
        foreach (var name in g.Operands)
        {
            foreach (var (node, pv) in Locate(run, disks, reference, name))
            {
                var description = Description(devices[node].Stdout, pv.Name);
                // No simulated disk is an SSA disk; cladmin does not drive SSA adapters on real nodes either.
                run.Fail(node, description.Contains("SSA", StringComparison.Ordinal)
                    ? $"{run.Name}: {pv.Name} is an SSA disk: cladmin does not drive SSA adapters; run cl_ssa_fence -c {pv.Name} on {node} itself."
                    : $"{run.Name}: {pv.Name} is not an SSA disk ({description}): it has no fence register to clear.");
            }
        }
        return null;
    }

    /// <summary>The description column of <c>lsdev -Cc disk</c> for one disk (after name, state and location code).</summary>
    private static string Description(string lsdev, string disk)
    {
        var line = lsdev.Split('\n').FirstOrDefault(l => l.Split(' ', 2)[0] == disk);
        if (line is null)
        {
            return "unknown";
        }
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(2).ToList();
        if (words.Count > 0 && words[0].Contains('-', StringComparison.Ordinal) && char.IsDigit(words[0][0]))
        {
            words.RemoveAt(0);
        }
        return string.Join(' ', words);
    }
}
