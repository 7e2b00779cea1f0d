using System.Globalization;
using System.Text;
using ClAdmin.Cluster;
using ClAdmin.Cluster.Verification;
using ClAdmin.Contracts;
using ClAdmin.Exec.Dispatch;
using ClAdmin.Exec.FanOut;
using ClAdmin.Shell;
using ClAdmin.Store;

namespace ClAdmin.Exec.Verification;

/// <summary>The settings of "Automatic Cluster Configuration Monitoring": whether the daily
/// verification runs, on which node ("Default": the first cluster node in alphabetical order) and
/// at which hour of the day.</summary>
public sealed record AutoVerifySettings(bool Enabled = true, string Node = AutoVerifySettings.DefaultNode, int Hour = 0)
{
    public const string DefaultNode = "Default";
}

/// <summary>
/// clautover, the automatic cluster configuration verification (outputs reference §1.1 [DOC]: one
/// node, by default the first in alphabetical order, verifies the cluster every 24 hours, at
/// midnight unless set otherwise, and when cluster services start; the detail goes to clverify.log
/// on that node, a summary to /var/hacmp/log/clutils.log on every node reached).
/// <c>clautover -e Enabled|Disabled -n NODE|Default -h HOUR</c> sets it (the "Automatic Cluster
/// Configuration Monitoring" dialog), <c>clautover -c</c> prints the settings in colon form, and
/// <c>clautover</c> alone runs the verification now, as the daily timer does
/// (<see cref="VerifyAsync"/>, which the cluster manager calls at services start).
/// </summary>
public sealed class ClautoverHandler(Func<ObjectRepository> openRepository, ClusterVerification verification, FanOutEngine engine) : ICommandHandler
{
    /// <summary>Where the settings are kept in the repository (a named document beside the simulated world).</summary>
    public const string SettingsDocument = "clautover";

    /// <summary>Where the summary lines go on every node ([DOC] outputs reference §1.1).</summary>
    public const string UtilsLog = "/var/hacmp/log/clutils.log";

    /// <summary>The summary lines, in clutils.log's record form "DATE: clautover: TEXT" (the form of
    /// the clfileprop records the reference quotes; these texts are ClAdmin's, not found verbatim).</summary>
    public static class Text
    {
        public const string Started = "Automatic cluster configuration verification started on node {0}.";
        public const string Passed = "Automatic cluster configuration verification completed on node {0}: no errors were found.";
        public const string Failed = "Automatic cluster configuration verification completed on node {0}: {1} error(s) were found; see {2} on node {0}.";
        public const string Unreachable = "Automatic cluster configuration verification did not run: node {0} cannot be reached.";
    }

    public IReadOnlyCollection<string> Names { get; } = ["clautover"];

    public async Task<CommandResult> RunAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var g = Getopt.Parse(invocation.Arguments, "ce:n:h:");
        if (g.BadFlag is { } bad)
        {
            return Usage($"Not a recognized flag: {bad}");
        }
        if (g.Operands.Count > 0)
        {
            return Usage($"unexpected argument \"{QuotedText.Escape(g.Operands[0])}\"");
        }
        try
        {
            if (g.Has('c'))
            {
                var s = Load();
                return CommandResult.Local(0, $"#ENABLED:NODE:HOUR\n{(s.Enabled ? "Enabled" : "Disabled")}:{s.Node}:{s.Hour.ToString("00", CultureInfo.InvariantCulture)}\n");
            }
            if (g.Flags.Count > 0)
            {
                return Set(g);
            }
        }
        catch (StoreException e)
        {
            return CommandResult.Local(1, "", $"clautover: {e.Message}\n");
        }
        return await VerifyAsync(null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The settings, or the defaults when none were set.</summary>
    public AutoVerifySettings Load()
    {
        using var repo = openRepository();
        return repo.LoadWorld(SettingsDocument) is { } doc && Parse(doc.Json) is { } s ? s : new AutoVerifySettings();
    }

    private CommandResult Set(Getopt g)
    {
        var s = Load();
        if (g.Value('e') is { } e)
        {
            bool? enabled = e.ToUpperInvariant() switch { "ENABLED" or "YES" => true, "DISABLED" or "NO" => false, _ => null };
            if (enabled is null)
            {
                return Usage($"-e: \"{QuotedText.Escape(e)}\" is not Enabled or Disabled");
            }
            s = s with { Enabled = enabled.Value };
        }
        if (g.Value('n') is { } node)
        {
            if (!node.Equals(AutoVerifySettings.DefaultNode, StringComparison.OrdinalIgnoreCase) && !ClusterNodes().Contains(node))
            {
                return Usage($"-n: \"{QuotedText.Escape(node)}\" is not a cluster node (nor Default)");
            }
            s = s with { Node = node.Equals(AutoVerifySettings.DefaultNode, StringComparison.OrdinalIgnoreCase) ? AutoVerifySettings.DefaultNode : node };
        }
        if (g.Value('h') is { } h)
        {
            if (!int.TryParse(h, NumberStyles.None, CultureInfo.InvariantCulture, out var hour) || hour > 23)
            {
                return Usage($"-h: \"{QuotedText.Escape(h)}\" is not an hour from 00 to 23");
            }
            s = s with { Hour = hour };
        }
        using (var repo = openRepository())
        {
            repo.SaveWorld(SettingsDocument, Format(s), repo.LoadWorld(SettingsDocument)?.Version ?? 0);
        }
        return CommandResult.Local(0, "");
    }

    private List<string> ClusterNodes()
    {
        using var repo = openRepository();
        return [.. repo.LoadConfiguration(ConfigDirectory.Default).Nodes.Select(n => n.Name)];
    }

    /// <summary>
    /// Runs the automatic verification now on <paramref name="node"/> (null: the configured node):
    /// the active configuration (the default one before any synchronization) verified from that
    /// node, clverify.log written there, and the summary appended to clutils.log on every node
    /// reached. Exit code 0 when verification found no error, 1 otherwise. The cluster manager
    /// calls this when cluster services start.
    /// </summary>
    public async Task<CommandResult> VerifyAsync(string? node, CancellationToken cancellationToken)
    {
        ClusterConfiguration configuration;
        AutoVerifySettings settings;
        try
        {
            settings = Load();
            using var repo = openRepository();
            configuration = repo.LoadConfiguration(ConfigDirectory.Active);
            if (configuration.Nodes.Count == 0)
            {
                configuration = repo.LoadConfiguration(ConfigDirectory.Default);
            }
        }
        catch (StoreException e)
        {
            return CommandResult.Local(1, "", $"clautover: {e.Message}\n");
        }
        var nodes = configuration.Nodes.Select(n => n.Name).ToList();
        if (nodes.Count == 0)
        {
            return CommandResult.Local(1, "", "clautover: no cluster is configured: there is nothing to verify.\n");
        }
        var on = node ?? (settings.Node == AutoVerifySettings.DefaultNode || !nodes.Contains(settings.Node)
            ? nodes.Order(StringComparer.Ordinal).First() : settings.Node);

        var date = await RunOn([on], ["date", "+%Y%m%d%H%M%S"], "", cancellationToken).ConfigureAwait(false);
        var reached = date.Results.Any(r => r.Outcome is NodeOutcome.Ok or NodeOutcome.Failed);
        var when = reached && DateTime.TryParseExact(date.Results[0].Stdout.Trim(), "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : DateTime.Now;
        string Record(string format, params object[] args) =>
            when.ToString("ddd MMM dd HH:mm:ss yyyy", CultureInfo.InvariantCulture) + ": clautover: " + string.Format(CultureInfo.InvariantCulture, format, args) + "\n";

        var summary = new StringBuilder();
        var stderr = new StringBuilder();
        int rc;
        if (!reached)
        {
            summary.Append(Record(Text.Unreachable, on));
            rc = 1;
        }
        else
        {
            summary.Append(Record(Text.Started, on));
            var run = await verification.RunAsync(configuration, cancellationToken).ConfigureAwait(false);
            var log = run.Log;
            var firstLine = log.IndexOf('\n', StringComparison.Ordinal);
            log = string.Format(CultureInfo.InvariantCulture, ClverifyReport.Text.LogHeader, on, when.ToString("ddd MMM dd HH:mm:ss yyyy", CultureInfo.InvariantCulture))
                + (firstLine < 0 ? "\n" : log[firstLine..]);
            await RunOn([on], ["mkdir", "-p", Path.GetDirectoryName(ClverifyReport.LogPath)!], "", cancellationToken).ConfigureAwait(false);
            var written = await RunOn([on], ["tee", ClverifyReport.LogPath], log, cancellationToken).ConfigureAwait(false);
            if (written.Results.FirstOrDefault() is { ExitCode: not 0 } w)
            {
                stderr.Append($"clautover: {ClverifyReport.LogPath} cannot be written on node {on}: {w.Stderr.Trim()}\n");
            }
            summary.Append(run.Errors == 0 ? Record(Text.Passed, on) : Record(Text.Failed, on, run.Errors, ClverifyReport.LogPath));
            stderr.Append(run.Stderr);
            rc = run.Errors == 0 ? 0 : 1;
        }
        await RunOn(nodes, ["mkdir", "-p", Path.GetDirectoryName(UtilsLog)!], "", cancellationToken).ConfigureAwait(false);
        var utils = await RunOn(nodes, ["tee", "-a", UtilsLog], summary.ToString(), cancellationToken).ConfigureAwait(false);
        foreach (var r in utils.Results.Where(r => r.Outcome != NodeOutcome.Ok && r.Node != on))
        {
            stderr.Append($"clautover: {UtilsLog} was not updated on node {r.Node} ({r.Outcome.ToString().ToLowerInvariant()}).\n");
        }
        return CommandResult.Local(rc, summary.ToString(), stderr.ToString());
    }

    private Task<FanOutResult> RunOn(IReadOnlyList<string> nodes, IReadOnlyList<string> argv, string stdin, CancellationToken cancellationToken) =>
        engine.RunAsync(nodes, NodeOperation.Same(argv, stdin), new FanOutOptions(), null, cancellationToken);

    /// <summary>The stored form: "Enabled:NODE:HOUR" (one line, as clautover -c prints it).</summary>
    private static string Format(AutoVerifySettings s) =>
        $"{(s.Enabled ? "Enabled" : "Disabled")}:{s.Node}:{s.Hour.ToString(CultureInfo.InvariantCulture)}";

    private static AutoVerifySettings? Parse(string text)
    {
        var f = text.Trim().Split(':');
        return f.Length == 3 && int.TryParse(f[2], NumberStyles.None, CultureInfo.InvariantCulture, out var hour) && hour <= 23
            ? new AutoVerifySettings(f[0] == "Enabled", f[1], hour) : null;
    }

    private static CommandResult Usage(string message) =>
        CommandResult.Local(2, "", $"clautover: {message}\nUsage: clautover [-c] | [-e Enabled|Disabled] [-n Node|Default] [-h Hour]\n");
}
