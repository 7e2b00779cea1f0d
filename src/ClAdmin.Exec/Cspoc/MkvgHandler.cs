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
/// Without -V the lowest major number mkvg accepts on the first node is used. With -A (the dialog's
/// "Activate volume group after it is created?", as SMIT's mkvg dialog asks; a ClAdmin flag, designed)
/// the group is then varied on at the first node: <c>varyonvg -c</c> for an enhanced concurrent capable
/// group (-C), which mkvg never varies on itself, else <c>varyonvg</c>; without -A it is left off everywhere.
/// <c>cl_lvlstmajor [Node,...]</c> (designed name) lists the major numbers free on every node named
/// (lvlstmajor on each, intersected): the dialog's F4 list for the major number.
/// </summary>
public sealed class MkvgHandler(FanOutEngine engine, IClusterNodes clusterNodes) : CspocHandler(engine, clusterNodes)
{
    private const string UsageText = "Usage: cl_mkvg -cspoc \"-n Node1,Node2,...\" [-r ResourceGroup] -y VolumeGroup [-s PPsize] [-V MajorNumber] [-C] [-B | -S] [-A] PhysicalVolume ...";
    private const string LvlstmajorUsage = "Usage: cl_lvlstmajor [-cspoc \"-n Node1,Node2,...\"] [Node1,Node2,...]";

    /// <summary>How many numbers of the open-ended range (<c>41...</c>) the list offers.</summary>
    private const int OpenRangeShown = 10;
    private const int FirstMajor = 35;
    private const int MajorsToTry = 64;

    public override IReadOnlyCollection<string> Names { get; } = ["cl_mkvg", "cl_lvlstmajor"];

    internal override async Task<CommandResult?> PlanAsync(CspocRun run, CommandInvocation invocation)
    {
        if (invocation.Name == "cl_lvlstmajor")
        {
            return await FreeMajorsAsync(run, invocation).ConfigureAwait(false);
        }
        var g = Getopt.Parse(invocation.Arguments, "r:y:s:V:CcSBP:v:t:X:GfnA");
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
        if (g.Has('A'))
        {
            IReadOnlyList<string> varyon = g.Has('C') || g.Has('c') ? ["varyonvg", "-c", vg] : ["varyonvg", vg];
            var on = await run.RunAsync([first], _ => varyon).ConfigureAwait(false);
            if (!on.AllOk)
            {
                run.General($"cl_mkvg: volume group {vg} was created on {string.Join(',', run.Targets)} but could not be varied on at {first}.");
            }
        }
        if (g.Value('r') is { Length: > 0 } rg)
        {
            run.General($"cl_mkvg: volume group {vg} is defined on {string.Join(',', run.Targets)}; add it to resource group {rg} with: clmgr modify resource_group {rg} VOLUME_GROUP={vg}");
        }
        return null;
    }

    /// <summary>cl_lvlstmajor: lvlstmajor on each node named (all targets when none), intersected; one
    /// number a line, then the first numbers of the range free from there on.</summary>
    private static async Task<CommandResult?> FreeMajorsAsync(CspocRun run, CommandInvocation invocation)
    {
        if (invocation.Arguments.Count > 1 || invocation.Arguments is [var flag] && flag.StartsWith('-'))
        {
            return CspocRun.Usage(LvlstmajorUsage);
        }
        var nodes = invocation.Arguments is [var list]
            ? list.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList()
            : run.Targets.ToList();
        if (nodes.FirstOrDefault(n => !run.Targets.Contains(n, StringComparer.Ordinal)) is { } stranger)
        {
            return CspocRun.Usage($"cl_lvlstmajor: {stranger} is not a cluster node.");
        }
        if (nodes.Count == 0)
        {
            return CspocRun.Usage(LvlstmajorUsage);
        }
        var answers = await run.QueryAsync(nodes, ["lvlstmajor"]).ConfigureAwait(false);
        var free = new List<(HashSet<int> Listed, int OpenFrom)>();
        foreach (var node in nodes)
        {
            var r = answers[node];
            if (r.Outcome != NodeOutcome.Ok)
            {
                if (r.Outcome == NodeOutcome.Failed)
                {
                    run.Fail(node, r.Stderr.TrimEnd('\n'), Math.Max(1, r.ExitCode));
                }
                continue;
            }
            if (ParseMajors(r.Stdout) is { } parsed)
            {
                free.Add(parsed);
            }
            else
            {
                run.Fail(node, $"cl_lvlstmajor: unexpected output from lvlstmajor on node {node}: {r.Stdout.Trim()}");
            }
        }
        if (run.AnyFailed)
        {
            return run.Result();
        }
        var open = free.Max(f => f.OpenFrom);
        var text = new System.Text.StringBuilder();
        var common = Enumerable.Range(0, open).Where(m => free.All(f => m >= f.OpenFrom || f.Listed.Contains(m)));
        foreach (var m in common.Concat(Enumerable.Range(open, OpenRangeShown)))
        {
            text.Append(Text(m)).Append('\n');
        }
        return CommandResult.Local(0, text.ToString(), "");
    }

    /// <summary>lvlstmajor's line (<c>35,36,38..40,43...</c>): the numbers listed, and where the open range starts.</summary>
    private static (HashSet<int> Listed, int OpenFrom)? ParseMajors(string output)
    {
        var listed = new HashSet<int>();
        int? open = null;
        foreach (var part in output.Trim().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (open is not null)
            {
                return null; // nothing follows the open range
            }
            if (part.EndsWith("...", StringComparison.Ordinal) && Number(part[..^3]) is { } from)
            {
                open = from;
            }
            else if (part.Split("..") is [var lo, var hi] && Number(lo) is { } a && Number(hi) is { } b && a <= b)
            {
                listed.UnionWith(Enumerable.Range(a, b - a + 1));
            }
            else if (Number(part) is { } one)
            {
                listed.Add(one);
            }
            else
            {
                return null;
            }
        }
        return open is { } o ? (listed, o) : null;

        static int? Number(string s) =>
            int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n < 65536 ? n : null;
    }

    private static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);
}
