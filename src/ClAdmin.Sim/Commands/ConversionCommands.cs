using System.Globalization;
using System.Text.RegularExpressions;
using ClAdmin.Sim.Model;
using ClAdmin.Sim.Shell;
using ClAdmin.Sim.Software;
using ClAdmin.Shell;

namespace ClAdmin.Sim.Commands;

/// <summary>
/// The configuration conversion of a migration (semantics §11, outputs §6.1, seeds 000):
/// <c>cl_convert [-F] -v RELEASE</c> converts the node's HACMP ODM from an earlier release, and
/// <c>clconvert_snapshot [-C] -v RELEASE -s NAME</c> a snapshot in the snapshot directory (the
/// original kept as NAME.odm.old; it cannot be reverted). Both log to /tmp/clconvert.log. The
/// console and log texts are RECONSTRUCTED (outputs §6.2: NOT FOUND); the cluster_version a
/// release writes is <see cref="SoftwareRelease.OdmVersion"/>.
/// </summary>
internal static partial class ConversionCommands
{
    public const string Log = "/tmp/clconvert.log";

    public const string SnapshotDirectory = "/usr/es/sbin/cluster/snapshots";

    /// <summary>The active configuration on a node, where synchronization puts it.</summary>
    private const string ActiveBundle = "/usr/es/sbin/cluster/etc/objrepos/active/cluster.odm";

    public static void Register(Dictionary<string, Func<CommandContext, int>> t)
    {
        t["cl_convert"] = ClConvert;
        t["clconvert_snapshot"] = ClconvertSnapshot;
    }

    /// <summary>The HACMP release installed on the node, or null.</summary>
    public static SoftwareRelease? Installed(SimNode node) =>
        node.Software.Find(SoftwareCatalog.ServerFileset) is { State: "COMMITTED" or "APPLIED" } f ? SoftwareCatalog.OfLevel(f.Level) : null;

    /// <summary>An ODM text with the cluster_version (HACMPcluster) and version (HACMPnode) a release writes.</summary>
    public static string Stamp(string odm, int version) =>
        VersionLine().Replace(odm, m => m.Groups[1].Value + version.ToString(CultureInfo.InvariantCulture));

    [GeneratedRegex(@"(?m)^(\s*(?:cluster_)?version = )\d+$")]
    private static partial Regex VersionLine();

    private static (SoftwareRelease? From, SoftwareRelease? To, int Rc) Releases(CommandContext ctx, string name, string? from)
    {
        var to = Installed(ctx.Node);
        if (to is null)
        {
            return (null, null, ctx.Fail($"{name}: HACMP is not installed on {ctx.Node.Name} ({SoftwareCatalog.ServerFileset}): install the new release first."));
        }
        var source = from is null ? null : SoftwareCatalog.Find(from);
        if (source is null || source.OdmVersion >= to.OdmVersion)
        {
            return (null, null, ctx.Fail($"{name}: {from ?? "(no -v)"} is not a release HACMP {to.Release} converts from; give the release the configuration was saved with: {string.Join(", ", SoftwareCatalog.Releases.Where(r => r.OdmVersion < to.OdmVersion).Select(r => r.Release))}.", 2));
        }
        return (source, to, 0);
    }

    private static void Append(CommandContext ctx, string line) =>
        FileTree.Write(ctx.World, ctx.Node, Log, line + "\n", append: true);

    private static string Now(CommandContext ctx) => ctx.World.Clock.ToString("ddd MMM dd HH:mm:ss yyyy", CultureInfo.InvariantCulture);

    private static int ClConvert(CommandContext ctx)
    {
        var g = Getopt.Parse(ctx.Args, "Fv:s:i");
        if (g.BadFlag is not null || g.Value('v') is null)
        {
            return ctx.Fail("Usage: cl_convert [-F] -v Release [-s SimulationFile] [-i]", 2);
        }
        var (from, to, rc) = Releases(ctx, "cl_convert", g.Value('v'));
        if (to is null)
        {
            return rc;
        }
        Append(ctx, $"cl_convert: {Now(ctx)}: {string.Join(' ', ["cl_convert", .. ctx.Args])}");
        if (!g.Has('F') && ctx.Node.Files.ContainsKey(ActiveBundle))
        {
            Append(ctx, "cl_convert: HACMPcluster already holds a configuration; nothing converted (use -F to force). Exit status 1.");
            return ctx.Fail("cl_convert: The HACMPcluster class already holds a configuration: nothing was converted.\n\tUse -F to force the conversion.");
        }
        if (ctx.Node.Files.TryGetValue(ActiveBundle, out var bundle))
        {
            bundle.Content = Stamp(bundle.Content, to.OdmVersion);
        }
        foreach (var cls in new[] { "HACMPcluster", "HACMPnode", "HACMPnetwork", "HACMPadapter", "HACMPgroup", "HACMPresource", "HACMPserver" })
        {
            Append(ctx, $"cl_convert: {cls}: converted from HACMP {from!.Release} to {to.Release}.");
        }
        Append(ctx, $"cl_convert: {Now(ctx)}: conversion to HACMP {to.Release} completed. Exit status 0.");
        ctx.Line($"cl_convert: Conversion of the HACMP configuration database from {from!.Release} to {to.Release} completed; see {Log}.");
        return 0;
    }

    private static int ClconvertSnapshot(CommandContext ctx)
    {
        var g = Getopt.Parse(ctx.Args, "Cv:s:");
        if (g.BadFlag is not null || g.Value('v') is null || g.Value('s') is not { Length: > 0 } name)
        {
            return ctx.Fail("Usage: clconvert_snapshot [-C] -v Release -s SnapshotFile", 2);
        }
        var file = name.Contains('/', StringComparison.Ordinal) ? FileTree.Absolute(name) : $"{SnapshotDirectory}/{name}";
        file = file.EndsWith(".odm", StringComparison.Ordinal) ? file : file + ".odm";
        if (!ctx.Node.Files.TryGetValue(file, out var snapshot))
        {
            return ctx.Fail($"clconvert_snapshot: The snapshot file {file} does not exist on {ctx.Node.Name}.");
        }
        var (from, to, rc) = Releases(ctx, "clconvert_snapshot", g.Value('v'));
        if (to is null)
        {
            return rc;
        }
        if (ctx.Node.Files.ContainsKey(file + ".old"))
        {
            return ctx.Fail($"clconvert_snapshot: {file} was already converted ({file}.old holds the original); a conversion cannot be repeated or reverted.");
        }
        Append(ctx, $"clconvert_snapshot: {Now(ctx)}: {string.Join(' ', ["clconvert_snapshot", .. ctx.Args])}");
        ctx.Node.Files[file + ".old"] = new SimFile { Content = snapshot.Content, Mode = snapshot.Mode, Modified = ctx.World.Clock };
        snapshot.Content = Stamp(snapshot.Content, to.OdmVersion);
        snapshot.Modified = ctx.World.Clock;
        Append(ctx, $"clconvert_snapshot: {file}: converted from HACMP {from!.Release} to {to.Release}; the original is {file}.old.");
        Append(ctx, $"clconvert_snapshot: {Now(ctx)}: Exit status 0.");
        ctx.Line($"clconvert_snapshot: The snapshot {file} was converted from HACMP {from.Release} to {to.Release}; see {Log}.");
        return 0;
    }
}
