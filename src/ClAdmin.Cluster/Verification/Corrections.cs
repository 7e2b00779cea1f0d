using System.Globalization;

namespace ClAdmin.Cluster.Verification;

/// <summary>The corrective actions verification can take (powerha-semantics.md §9.3).</summary>
public enum CorrectionKind
{
    /// <summary>§9.3 item 2: a cluster IP label missing from a node's /etc/hosts is added there.</summary>
    AddHostsEntry,

    /// <summary>§9.3 item 3: a shared volume group whose disks the node sees is imported there, with the cluster's major number.</summary>
    ImportVolumeGroup,

    /// <summary>§9.3 item 5: a shared volume group set to vary on at system restart is set not to.</summary>
    AutoVaryonOff,

    /// <summary>An application script (or monitor method) present but not executable is made executable.</summary>
    MakeExecutable,
}

/// <summary>One corrective action for one error: its kind, the node it acts on and the object (IP
/// label, volume group, script); <paramref name="Address"/> for an /etc/hosts entry,
/// <paramref name="Disk"/> (the node's hdisk) and <paramref name="Major"/> for an import.</summary>
public sealed record Correction(CorrectionKind Kind, string Node, string Object, string Address = "", string Disk = "", int Major = 0);

/// <summary>
/// Which errors of a verification run can be corrected, and how: pure, from the findings, the
/// configuration and the nodes' facts. An error whose correction needs a fact nobody has (the
/// address of a label no node knows, a disk the node does not see) is left to the user.
/// </summary>
public static class Corrections
{
    /// <summary>The corrections for the errors of <paramref name="results"/>, in the order they were found, each once.</summary>
    public static IReadOnlyList<Correction> Plan(VerificationInput input, IReadOnlyList<CheckResult> results)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(results);
        var plan = new List<Correction>();
        foreach (var f in results.SelectMany(r => r.Findings).Where(f => f.IsError && f.Node is not null))
        {
            var node = f.Node!;
            Correction? c = f.RuleId switch
            {
                "R-VER-HOSTS-1" when Address(input, f.Object) is { } address => new(CorrectionKind.AddHostsEntry, node, f.Object, Address: address),
                "R-VG-IMPORT" when Import(input, node, f.Object) is { } import => new(CorrectionKind.ImportVolumeGroup, node, f.Object, Disk: import.Disk, Major: import.Major),
                "R-VG-AUTO" => new(CorrectionKind.AutoVaryonOff, node, f.Object),
                "R-APP-EXEC" => new(CorrectionKind.MakeExecutable, node, f.Object),
                "R-MON-SCRIPT" when input.Of(node)?.File(f.Object) is { Exists: true, Executable: false } => new(CorrectionKind.MakeExecutable, node, f.Object),
                _ => null,
            };
            if (c is not null && !plan.Contains(c))
            {
                plan.Add(c);
            }
        }
        return plan;
    }

    /// <summary>The address of a cluster IP label: as configured, else as the first node's /etc/hosts that has it gives it.</summary>
    private static string? Address(VerificationInput input, string label)
    {
        var c = input.Configuration;
        var configured = c.Interfaces.Where(i => i.Label == label).Select(i => i.Address)
            .Concat(c.ServiceIps.Where(s => s.Label == label).Select(s => s.Address))
            .Concat(c.PersistentIps.Where(p => p.Label == label).Select(p => p.Address))
            .FirstOrDefault(a => a.Length > 0);
        return configured ?? c.Nodes.Select(n => input.Of(n.Name)?.Hosts.FirstOrDefault(h => h.Label == label)?.Address).FirstOrDefault(a => a is not null);
    }

    /// <summary>The node's hdisk that holds a physical volume of the group (by PVID, as the nodes that
    /// imported it see them) and the major number to import it with: the configured one, else the
    /// one most nodes use.</summary>
    private static (string Disk, int Major)? Import(VerificationInput input, string node, string vg)
    {
        var others = input.Configuration.Nodes.Where(n => n.Name != node).Select(n => input.Of(n.Name)).OfType<NodeFacts>().ToList();
        var pvids = others.SelectMany(f => f.Disks).Where(d => d.VolumeGroup == vg).Select(d => d.Pvid).ToHashSet(StringComparer.Ordinal);
        var disk = input.Of(node)?.Disks.FirstOrDefault(d => pvids.Contains(d.Pvid) && d.VolumeGroup == "None");
        var configured = input.Configuration.VolumeGroups.FirstOrDefault(v => v.Name == vg)?.MajorNumber ?? 0;
        var major = configured > 0 ? configured
            : others.Select(f => f.VolumeGroup(vg)?.Major ?? 0).Where(m => m > 0).GroupBy(m => m).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();
        return disk is null || major <= 0 ? null : (disk.Name, major);
    }
}

/// <summary>
/// The texts verification prints about corrective actions, as data (outputs reference §1.3, §1.6:
/// the mode line and the import question are recollections, RECONSTRUCTED; the rest is ClAdmin's,
/// worded like them). Arguments: {0} node, {1} object, {2} address, {3} disk, {4} major number.
/// </summary>
public static class CorrectionMessages
{
    public static IReadOnlyList<MessageText> All { get; } =
    [
        new("MODE-Yes", "RECONSTRUCTED", "Verification will automatically correct verification errors."),
        new("MODE-Interactively", "RECONSTRUCTED", "Verification will interactively correct verification errors."),
        new("NO-PROMPT", "ClAdmin", "Verification was asked to correct errors interactively, but there is no one to ask (no terminal: cladmin cmd, cladmin run or a script). No error was corrected, as with \"No\"; use the screens, linear mode or FIX=yes."),
        new("ACTIVE", "ClAdmin", "Cluster services are active on node {0}: errors are corrected only while the cluster is inactive. No error was corrected."),
        new("ASK-AddHostsEntry", "ClAdmin", "Would you like to add IP label: {1} with address: {2} to /etc/hosts on node: {0}? (y/n)"),
        new("ASK-ImportVolumeGroup", "RECONSTRUCTED", "Would you like to import shared volume group: {1} onto node: {0}? (y/n)"),
        new("ASK-AutoVaryonOff", "ClAdmin", "Would you like to turn off auto-varyon of shared volume group: {1} on node: {0}? (y/n)"),
        new("ASK-MakeExecutable", "ClAdmin", "Would you like to make script: {1} executable on node: {0}? (y/n)"),
        new("DONE-AddHostsEntry", "ClAdmin", "Added IP label: {1} with address: {2} to /etc/hosts on node: {0}."),
        new("DONE-ImportVolumeGroup", "ClAdmin", "Imported shared volume group: {1} onto node: {0} from physical volume {3} with major number {4}, auto-varyon off."),
        new("DONE-AutoVaryonOff", "ClAdmin", "Turned off auto-varyon of shared volume group: {1} on node: {0}."),
        new("DONE-MakeExecutable", "ClAdmin", "Made script: {1} executable on node: {0}."),
        new("BACKUP", "ClAdmin", "The previous /etc/hosts of node {0} is kept as {1}."),
        new("FAILED", "ClAdmin", "The correction on node {0} failed: {1}"),
        new("AGAIN", "ClAdmin", "Corrective actions were taken: verifying the cluster again."),
    ];

    private static readonly Dictionary<string, string> ByKey = All.ToDictionary(m => m.Key, m => m.Text, StringComparer.Ordinal);

    /// <summary>The message <paramref name="key"/> with its arguments filled in.</summary>
    public static string Format(string key, params object?[] args) =>
        string.Format(CultureInfo.InvariantCulture, ByKey[key], args);

    /// <summary>The question asked before <paramref name="correction"/> (Interactively).</summary>
    public static string Question(Correction correction) => Of("ASK-", correction);

    /// <summary>The line saying <paramref name="correction"/> was made.</summary>
    public static string Done(Correction correction) => Of("DONE-", correction);

    private static string Of(string prefix, Correction c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return Format(prefix + c.Kind, c.Node, c.Object, c.Address, c.Disk, c.Major);
    }
}
