using System.Globalization;
using ClAdmin.Contracts;
using ClAdmin.Shell;

namespace ClAdmin.Exec.Cspoc;

/// <summary>One line of <c>lspv</c>: hdisk name, PVID, volume group (None when in none), state.</summary>
internal sealed record PhysicalVolume(string Name, string Pvid, string VolumeGroup, string State);

/// <summary>Where a shared volume group is defined, and where it is varied on read/write.</summary>
internal sealed record VgPlace(string VolumeGroup, IReadOnlyList<string> Known, string? Active);

/// <summary>
/// The look-ups and the common pattern of C-SPOC's shared LVM commands (powerha-semantics.md §8):
/// disks are matched across nodes by PVID (hdisk names differ per node); a change is made on the
/// node that has the volume group varied on (varied on there for the change and off again when no
/// node has it on), and the other nodes then learn it with <c>importvg -L</c>.
/// </summary>
internal static class SharedLvm
{
    public static List<PhysicalVolume> ParseLspv(string stdout) =>
        stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(f => f.Length >= 3)
            .Select(f => new PhysicalVolume(f[0], f[1], f[2], f.Length > 3 ? f[3] : ""))
            .ToList();

    /// <summary>lspv on each node; nodes that fail it are recorded as failed and left out.</summary>
    public static async Task<Dictionary<string, List<PhysicalVolume>>> LspvAsync(CspocRun run, IReadOnlyList<string> nodes)
    {
        var answers = await run.QueryAsync(nodes, ["lspv"]).ConfigureAwait(false);
        var disks = new Dictionary<string, List<PhysicalVolume>>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            var r = answers[node];
            if (r.Outcome == NodeOutcome.Ok)
            {
                disks[node] = ParseLspv(r.Stdout);
            }
            else if (r.Outcome == NodeOutcome.Failed)
            {
                run.Fail(node, $"{run.Name}: lspv failed on {node}:\n{r.Stderr.TrimEnd()}", r.ExitCode);
            }
        }
        return disks;
    }

    /// <summary>A disk by hdisk name or PVID in one node's lspv.</summary>
    public static PhysicalVolume? Find(List<PhysicalVolume> disks, string nameOrPvid) =>
        disks.Find(d => d.Name == nameOrPvid) ?? disks.Find(d => string.Equals(d.Pvid, nameOrPvid, StringComparison.OrdinalIgnoreCase) && d.Pvid != "none");

    /// <summary>Finds the nodes that define <paramref name="vg"/> and the one with it varied on
    /// read/write. Target nodes that do not define it are failed (refusing the command), unless
    /// -cspoc -f asked to go on without them. Null when the command cannot go on.</summary>
    public static async Task<VgPlace?> LocateAsync(CspocRun run, string vg)
    {
        var lists = await run.QueryAsync(run.Targets, ["lsvg"]).ConfigureAwait(false);
        var known = new List<string>();
        var missing = new List<string>();
        foreach (var node in run.Targets)
        {
            var r = lists[node];
            if (r.Outcome != NodeOutcome.Ok)
            {
                if (r.Outcome == NodeOutcome.Failed)
                {
                    run.Fail(node, r.Stderr.TrimEnd(), r.ExitCode);
                }
                continue;
            }
            (Lines(r.Stdout).Contains(vg) ? known : missing).Add(node);
        }
        foreach (var node in missing)
        {
            run.Fail(node, $"{run.Name}: volume group {vg} is not defined on node {node}.");
        }
        if (known.Count == 0 || (!run.Force && run.AnyFailed))
        {
            run.General($"{run.Name}: nothing was changed.");
            return null;
        }
        var on = await run.QueryAsync(known, ["lsvg", "-o"]).ConfigureAwait(false);
        var variedOn = known.Where(n => on[n].Outcome == NodeOutcome.Ok && Lines(on[n].Stdout).Contains(vg)).ToList();
        string? active = null;
        if (variedOn.Count > 0)
        {
            var detail = await run.QueryAsync(variedOn, ["lsvg", vg]).ConfigureAwait(false);
            active = variedOn.Find(n => detail[n].Outcome == NodeOutcome.Ok && PermissionIsReadWrite(detail[n].Stdout));
        }
        return new VgPlace(vg, known.Where(n => !run.HasFailed(n)).ToList(), active);
    }

    private static bool PermissionIsReadWrite(string lsvg) =>
        lsvg.Split('\n').Any(l => l.StartsWith("VG PERMISSION:", StringComparison.Ordinal) && l.Contains("read/write", StringComparison.Ordinal));

    public static HashSet<string> Lines(string stdout) =>
        stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Runs <paramref name="change"/> on the node that has <paramref name="vg"/> varied on read/write
    /// (varying it on there first, on <paramref name="reference"/> or the first node defining it, and
    /// off again afterwards when no node had it on), then refreshes the definition on the other
    /// nodes with <c>importvg -L</c> (unless <paramref name="update"/> is false). <paramref name="change"/>
    /// gets the node and returns whether it worked. When a node cannot learn the change and
    /// <paramref name="undo"/> is given, the change is undone where it was made (and the nodes that
    /// had learned it learn the undoing), so that every node keeps one definition. <paramref name="undoAlso"/>,
    /// when it gives a command, runs after <paramref name="undo"/> (what the change did besides, such as
    /// mirrorvg turning quorum off); it is read after <paramref name="change"/> ran.
    /// </summary>
    public static async Task ChangeAsync(CspocRun run, string vg, string? reference, Func<string, Task<bool>> change,
        Func<string, IReadOnlyList<string>>? undo = null, bool update = true, Func<string, IReadOnlyList<string>?>? undoAlso = null)
    {
        var place = await LocateAsync(run, vg).ConfigureAwait(false);
        if (place is null)
        {
            return;
        }
        var runner = place.Active ?? (reference is not null && place.Known.Contains(reference) ? reference : place.Known[0]);
        var temporary = place.Active is null;
        if (temporary)
        {
            var on = await run.RunAsync([runner], _ => ["varyonvg", vg]).ConfigureAwait(false);
            if (!on.AllOk)
            {
                run.General($"{run.Name}: volume group {vg} could not be varied on on {runner}; nothing was changed.");
                return;
            }
        }
        var ok = await change(runner).ConfigureAwait(false);
        if (temporary)
        {
            await run.RunAsync([runner], _ => ["varyoffvg", vg]).ConfigureAwait(false);
        }
        if (!ok || !update)
        {
            return;
        }
        var others = place.Known.Where(n => n != runner).ToList();
        var learned = await UpdateAsync(run, vg, others).ConfigureAwait(false);
        var failed = others.Where(run.HasFailed).ToList();
        if (failed.Count == 0 || undo is null)
        {
            return;
        }
        if (temporary)
        {
            await run.RunAsync([runner], _ => ["varyonvg", vg]).ConfigureAwait(false);
        }
        var undone = await run.RunAsync([runner], undo).ConfigureAwait(false);
        var also = undoAlso?.Invoke(runner);
        var said = ShellWords.Join(undo(runner));
        if (undone.AllOk && also is not null)
        {
            undone = await run.RunAsync([runner], _ => also).ConfigureAwait(false);
            said += "; " + ShellWords.Join(also);
        }
        if (temporary)
        {
            await run.RunAsync([runner], _ => ["varyoffvg", vg]).ConfigureAwait(false);
        }
        if (undone.AllOk)
        {
            await UpdateAsync(run, vg, learned).ConfigureAwait(false);
            run.General($"{run.Name}: {string.Join(',', failed)} could not learn the change to volume group {vg}; it was undone on {runner} ({said}).");
        }
        else
        {
            run.General($"{run.Name}: {string.Join(',', failed)} could not learn the change to volume group {vg}, and undoing it on {runner} failed: run importvg -L {vg} there once it can be reached.");
        }
    }

    /// <summary><c>importvg -L VG hdisk</c> on each node, with a disk of the VG as that node names it.
    /// Returns the nodes that learned the definition.</summary>
    public static async Task<List<string>> UpdateAsync(CspocRun run, string vg, IReadOnlyList<string> nodes)
    {
        if (nodes.Count == 0)
        {
            return [];
        }
        var disks = await LspvAsync(run, nodes).ConfigureAwait(false);
        var diskOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var node in nodes.Where(disks.ContainsKey))
        {
            if (disks[node].Find(d => d.VolumeGroup == vg) is { } disk)
            {
                diskOf[node] = disk.Name;
            }
            else
            {
                run.Note(node, $"{run.Name}: no disk of {vg} is left on {node}; its definition was not refreshed.");
            }
        }
        if (diskOf.Count == 0)
        {
            return [];
        }
        var r = await run.RunAsync(diskOf.Keys.ToList(), n => ["importvg", "-L", vg, diskOf[n]]).ConfigureAwait(false);
        return r.Results.Where(x => x.Outcome == NodeOutcome.Ok).Select(x => x.Node).ToList();
    }

    /// <summary>Maps disks named on <paramref name="from"/> (hdisk names or PVIDs) to the hdisk names
    /// <paramref name="to"/> uses. Null, with the node failed, when a disk is not found.</summary>
    public static async Task<List<string>?> TranslateAsync(CspocRun run, string from, string to, IReadOnlyList<string> names)
    {
        if (names.Count == 0)
        {
            return [];
        }
        var nodes = from == to ? new[] { from } : new[] { from, to };
        var disks = await LspvAsync(run, nodes).ConfigureAwait(false);
        if (!disks.ContainsKey(from) || !disks.ContainsKey(to))
        {
            return null;
        }
        var result = new List<string>();
        foreach (var name in names)
        {
            var pvid = Find(disks[from], name)?.Pvid;
            var there = pvid is null ? null : Find(disks[to], pvid);
            if (pvid is null)
            {
                run.Fail(from, $"0516-306 {run.Name}: Unable to find physical volume {name} in the Device\n\tConfiguration Database.");
                return null;
            }
            if (there is null)
            {
                run.Fail(to, $"{run.Name}: node {to} has no disk with PVID {pvid} ({name} on {from}).");
                return null;
            }
            result.Add(there.Name);
        }
        return result;
    }

    /// <summary>The volume group holding logical volume <paramref name="lv"/>, asked with lslv on
    /// the nodes that have a volume group varied on. Null when no node knows it.</summary>
    public static async Task<string?> VolumeGroupOfLvAsync(CspocRun run, string lv)
    {
        var on = await run.QueryAsync(run.Targets, ["lsvg", "-o"]).ConfigureAwait(false);
        var candidates = run.Targets.Where(n => on[n].Outcome == NodeOutcome.Ok && on[n].Stdout.Trim().Length > 0).ToList();
        if (candidates.Count == 0)
        {
            return null;
        }
        var answers = await run.QueryAsync(candidates, ["lslv", lv]).ConfigureAwait(false);
        foreach (var node in candidates)
        {
            if (answers[node].Outcome != NodeOutcome.Ok)
            {
                continue;
            }
            var first = answers[node].Stdout.Split('\n')[0];
            var at = first.IndexOf("VOLUME GROUP:", StringComparison.Ordinal);
            if (at >= 0)
            {
                return first[(at + "VOLUME GROUP:".Length)..].Trim();
            }
        }
        return null;
    }

    /// <summary>The volume group holding a file system (mount point): <c>lsvgfs</c> of each group the target
    /// nodes define, which reads /etc/filesystems and so answers with the group varied off. Null when none holds it.</summary>
    public static async Task<string?> VolumeGroupOfFileSystemAsync(CspocRun run, string mountPoint)
    {
        var lists = await run.QueryAsync(run.Targets, ["lsvg"]).ConfigureAwait(false);
        foreach (var node in run.Targets.Where(n => lists[n].Outcome == NodeOutcome.Ok))
        {
            foreach (var vg in lists[node].Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var fs = await run.TryAsync(node, ["lsvgfs", vg]).ConfigureAwait(false);
                if (fs.Outcome == NodeOutcome.Ok && Lines(fs.Stdout).Contains(mountPoint))
                {
                    return vg;
                }
            }
        }
        return null;
    }

    /// <summary>The logical volume behind a file system (mount point), from <c>lsfs -c</c> on the target nodes.</summary>
    public static async Task<string?> LvOfFileSystemAsync(CspocRun run, string mountPoint)
    {
        var answers = await run.QueryAsync(run.Targets, ["lsfs", "-c", mountPoint]).ConfigureAwait(false);
        foreach (var node in run.Targets)
        {
            if (answers[node].Outcome != NodeOutcome.Ok)
            {
                continue;
            }
            var rows = answers[node].Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith('#')).ToList();
            if (rows.Count > 0 && rows[0].Split(':') is { Length: > 1 } f && f[1].StartsWith("/dev/", StringComparison.Ordinal))
            {
                return f[1][5..];
            }
        }
        return null;
    }

    public static bool IsMajor(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m > 0;
}
