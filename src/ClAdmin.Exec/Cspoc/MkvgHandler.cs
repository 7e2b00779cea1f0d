using System.Globalization;
using ClAdmin.Contracts;
using ClAdmin.Exec.Dispatch;
using ClAdmin.Exec.FanOut;
using ClAdmin.Exec.Nodes;
using ClAdmin.Shell;

namespace ClAdmin.Exec.Cspoc;

/// <summary>
/// <c>cl_mkvg -cspoc "-n node1,node2" [-r RG] -y VG [-s PPsize] [-V major] [-C] [-B | -S] PV ...</c>
/// (the disks by PVID, or by hdisk name as the first node sees them). Creates a shared volume group
/// as powerha-semantics.md §8 asks: <c>mkvg -n</c> on the first node with the major number, varied
/// off there, then <c>importvg -n -V major -y VG hdiskN</c> on every other node (each finds the disk
/// by its PVID in its own lspv) and <c>chvg -a n</c>, so every node defines it with the same name and
/// major number, auto-varyon off, and leaves it varied off on all nodes for the cluster manager to
/// bring online. Checked first on every node: the disks are seen and free, the name unused. When a
/// later node fails, the nodes done are undone with exportvg.
/// Without -V the lowest major number mkvg accepts on the first node is used.
/// </summary>
public sealed class MkvgHandler(FanOutEngine engine, IClusterNodes clusterNodes) : CspocHandler(engine, clusterNodes)
{
    private const string UsageText = "Usage: cl_mkvg -cspoc \"-n Node1,Node2,...\" [-r ResourceGroup] -y VolumeGroup [-s PPsize] [-V MajorNumber] [-C] [-B | -S] PhysicalVolume ...";
    private const int FirstMajor = 35;
    private const int MajorsToTry = 64;

    public override IReadOnlyCollection<string> Names { get; } = ["cl_mkvg"];

    internal override async Task<CommandResult?> PlanAsync(CspocRun run, CommandInvocation invocation)
    {
        var g = Getopt.Parse(invocation.Arguments, "r:y:s:V:CcSBP:v:t:X:Gfn");
        if (g.BadFlag is { } bad)
        {
            return CspocRun.Usage($"cl_mkvg: Not a recognized flag: {bad}\n{UsageText}");
        }
        var vg = g.Value('y');
        if (vg is null || vg.Length == 0 || g.Operands.Count == 0)
        {
            return CspocRun.Usage(UsageText);
        }
        var major = g.Value('V');
        if (major is not null && !SharedLvm.IsMajor(major))
        {
            return CspocRun.Usage($"cl_mkvg: {major} is not a valid major number.");
        }
        var first = run.Targets[0];
        var others = run.Targets.Skip(1).ToList();

        // Pre-checks on every node: nothing changes when one fails.
        var disks = await SharedLvm.LspvAsync(run, run.Targets).ConfigureAwait(false);
        var names = await run.QueryAsync(run.Targets, ["lsvg"]).ConfigureAwait(false);
        var hdisks = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var pvids = new List<string>();
        if (disks.TryGetValue(first, out var firstDisks))
        {
            foreach (var op in g.Operands)
            {
                if (SharedLvm.Find(firstDisks, op) is { Pvid: not "none" } d)
                {
                    pvids.Add(d.Pvid);
                }
                else
                {
                    run.Fail(first, $"0516-306 cl_mkvg: Unable to find physical volume {op} in the Device\n\tConfiguration Database.");
                }
            }
        }
        foreach (var node in run.Targets.Where(disks.ContainsKey))
        {
            if (names[node].Outcome == NodeOutcome.Ok && SharedLvm.Lines(names[node].Stdout).Contains(vg))
            {
                run.Fail(node, $"cl_mkvg: volume group {vg} already exists on node {node}.");
            }
            var mine = new List<string>();
            foreach (var pvid in pvids)
            {
                var d = SharedLvm.Find(disks[node], pvid);
                if (d is null)
                {
                    run.Fail(node, $"cl_mkvg: node {node} has no disk with PVID {pvid}.");
                }
                else if (d.VolumeGroup != "None")
                {
                    run.Fail(node, $"cl_mkvg: physical volume {d.Name} (PVID {pvid}) on node {node} already belongs to volume group {d.VolumeGroup}.");
                }
                else
                {
                    mine.Add(d.Name);
                }
            }
            hdisks[node] = mine;
        }
        if (run.AnyFailed)
        {
            run.General($"cl_mkvg: volume group {vg} was not created; nothing was changed.");
            return null;
        }

        // Create on the first node.
        List<string> Mkvg(string m)
        {
            var argv = new List<string> { "mkvg", "-n", "-y", vg };
            if (g.Value('s') is { Length: > 0 } pp)
            {
                argv.AddRange(["-s", pp]);
            }
            argv.AddRange(["-V", m]);
            if (g.Has('C') || g.Has('c'))
            {
                argv.Add("-C");
            }
            if (g.Has('B'))
            {
                argv.Add("-B");
            }
            if (g.Has('S'))
            {
                argv.Add("-S");
            }
            argv.AddRange(hdisks[first]);
            return argv;
        }
        NodeResult made;
        if (major is not null)
        {
            made = await run.TryAsync(first, Mkvg(major)).ConfigureAwait(false);
        }
        else
        {
            var candidate = FirstMajor;
            made = await run.TryAsync(first, Mkvg(Text(candidate))).ConfigureAwait(false);
            while (made.Outcome == NodeOutcome.Failed && made.Stderr.Contains("0516-1215", StringComparison.Ordinal) && candidate < FirstMajor + MajorsToTry)
            {
                candidate++;
                made = await run.TryAsync(first, Mkvg(Text(candidate))).ConfigureAwait(false);
            }
            major = Text(candidate);
        }
        run.Absorb(made);
        if (made.Outcome != NodeOutcome.Ok)
        {
            run.General($"cl_mkvg: volume group {vg} was not created; nothing was changed.");
            return null;
        }
        await run.RunAsync([first], _ => ["varyoffvg", vg]).ConfigureAwait(false);

        // Import on the others, by PVID; undo everywhere when one fails.
        if (others.Count > 0)
        {
            var imported = await run.RunAsync(others, n => ["importvg", "-n", "-V", major, "-y", vg, hdisks[n][0]],
                rollback: _ => ["exportvg", vg]).ConfigureAwait(false);
            if (!imported.AllOk)
            {
                run.Warn(first, $"cl_mkvg: undoing the change on {first}: exportvg {vg}");
                await run.RunAsync([first], _ => ["exportvg", vg]).ConfigureAwait(false);
                run.General($"cl_mkvg: volume group {vg} could not be imported on every node; it was removed from the nodes where it had been defined.");
                return null;
            }
            await run.RunAsync(others, _ => ["chvg", "-a", "n", vg]).ConfigureAwait(false);
        }
        if (g.Value('r') is { Length: > 0 } rg)
        {
            run.General($"cl_mkvg: volume group {vg} is defined on {string.Join(',', run.Targets)}; add it to resource group {rg} with: clmgr modify resource_group {rg} VOLUME_GROUP={vg}");
        }
        return null;
    }

    private static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);
}
