using System.Globalization;
using System.Text;

namespace ClAdmin.Cluster.Verification;

/// <summary>One line of verification output, and whether it belongs to an ERROR message (clmgr
/// puts those on standard error, outputs reference §2.3).</summary>
public sealed record ReportLine(string Text, bool IsError = false);

/// <summary>
/// The layout of clverify's output (powerha-verify-install-outputs.md §1.2, §1.3, §1.5): the
/// header, data collection per node, the topology and resource phases with their progress lines,
/// each finding as <c>ERROR: </c> or <c>WARNING: </c> at column 0 wrapped at 80 columns without
/// indent, then the trailer. clverify.log holds the same text after a header with the date and the
/// node it ran on, with a description line and <c>Check: PASSED|FAILED</c> per check and a result per node.
/// </summary>
public static class ClverifyReport
{
    /// <summary>The fixed lines, with their evidence (§1.3: V = VERBATIM 7.2 text, B = brief only,
    /// R = recollection): kept here so that they can be corrected in one place.</summary>
    public static class Text
    {
        public const string Header = "Verification to be performed on the following:"; // B
        public const string Topology = "Cluster Topology"; // B
        public const string Resources = "Cluster Resources"; // B
        public const string Retrieving = "Retrieving data from available cluster nodes.  This could take a few minutes."; // B, two blanks R
        public const string StartCollection = "Start data collection on node {0}"; // B/R
        public const string CollectorCompleted = "Collector on node {0} completed"; // R
        public const string CollectorFailed = "Collector on node {0} failed: the node could not be reached"; // ClAdmin
        public const string CollectionComplete = "Data collection complete"; // R
        public const string VerifyingTopology = "Verifying Cluster Topology..."; // B
        public const string VerifyingResources = "Verifying Cluster Resources..."; // R
        public const string Percent = "Completed {0} percent of the verification checks"; // V
        public const string Notification = "Remember to redo automatic error notification if configuration has changed."; // B/R
        public const string Normal = "Verification has completed normally."; // V
        public const string ErrorCount = "Verification exiting with error count: {0}"; // R
        public const string LogHeader = "clverify started on node {0} at {1}"; // ClAdmin (layout §1.5 RECONSTRUCTED)
        public const string CheckPassed = "Check: PASSED"; // VERBATIM-derived, §1.5
        public const string CheckFailed = "Check: FAILED"; // §1.5 (presumed)
        public const string NodePassed = "Verification on node {0}: PASSED"; // ClAdmin
        public const string NodeFailed = "Verification on node {0}: FAILED"; // ClAdmin
    }

    /// <summary>Where clverify writes its log on a node (outputs reference §1.1, [DOC]).</summary>
    public const string LogPath = "/var/hacmp/clverify/clverify.log";

    /// <summary>The width findings are wrapped at.</summary>
    public const int Width = 80;

    private static readonly string[] TopologyPrefixes = ["R-VER-", "R-IPAT-", "R-HB-", "R-LEVEL-", "R-LIMIT", "R-NAME"];

    /// <summary>Whether a check belongs to the topology phase (else to the resource phase).</summary>
    public static bool IsTopology(Check check)
    {
        ArgumentNullException.ThrowIfNull(check);
        return TopologyPrefixes.Any(p => check.Id.StartsWith(p, StringComparison.Ordinal));
    }

    /// <summary>What the user sees: <paramref name="nodes"/> in configuration order, each reached
    /// or not according to <paramref name="facts"/>.</summary>
    public static IReadOnlyList<ReportLine> Console(IReadOnlyList<string> nodes, IReadOnlyDictionary<string, NodeFacts?> facts, IReadOnlyList<CheckResult> results) =>
        Build(nodes, facts, results, log: false);

    /// <summary>The text of clverify.log.</summary>
    public static string Log(string localNode, DateTime when, IReadOnlyList<string> nodes, IReadOnlyDictionary<string, NodeFacts?> facts, IReadOnlyList<CheckResult> results)
    {
        var sb = new StringBuilder();
        sb.Append(F(Text.LogHeader, localNode, when.ToString("ddd MMM dd HH:mm:ss yyyy", CultureInfo.InvariantCulture))).Append('\n').Append('\n');
        foreach (var line in Build(nodes, facts, results, log: true))
        {
            sb.Append(line.Text).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>The number of errors (what makes verification fail).</summary>
    public static int ErrorCount(IReadOnlyList<CheckResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return results.Sum(r => r.Findings.Count(f => f.IsError));
    }

    private static List<ReportLine> Build(IReadOnlyList<string> nodes, IReadOnlyDictionary<string, NodeFacts?> facts, IReadOnlyList<CheckResult> results, bool log)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(results);
        var lines = new List<ReportLine>();
        void Add(string text = "") => lines.Add(new(text));
        Add(Text.Header);
        Add("\t" + Text.Topology);
        Add("\t" + Text.Resources);
        Add();
        Add(Text.Retrieving);
        Add();
        foreach (var n in nodes)
        {
            Add("\t" + F(Text.StartCollection, n));
        }
        foreach (var n in nodes)
        {
            Add("\t" + F(facts.TryGetValue(n, out var f) && f is not null ? Text.CollectorCompleted : Text.CollectorFailed, n));
        }
        Add("\t" + Text.CollectionComplete);
        var ordered = results.Where(r => IsTopology(r.Check)).Concat(results.Where(r => !IsTopology(r.Check))).ToList();
        var printed = 0;
        for (var k = 0; k < ordered.Count; k++)
        {
            var r = ordered[k];
            if (k == 0 || IsTopology(r.Check) != IsTopology(ordered[k - 1].Check))
            {
                Add();
                Add(IsTopology(r.Check) ? Text.VerifyingTopology : Text.VerifyingResources);
                Add();
            }
            if (log)
            {
                Add(r.Check.Description + " (" + r.Check.Id + ")");
            }
            foreach (var finding in r.Findings)
            {
                var prefix = finding.IsError ? "ERROR: " : "WARNING: ";
                lines.AddRange(Wrap(prefix + finding.Message).Select(t => new ReportLine(t, finding.IsError)));
            }
            if (log)
            {
                Add(r.Passed ? Text.CheckPassed : Text.CheckFailed);
            }
            var percent = (k + 1) * 100 / ordered.Count / 10 * 10;
            if (percent > printed)
            {
                printed = percent;
                Add("\t" + F(Text.Percent, percent));
            }
        }
        if (log)
        {
            Add();
            foreach (var n in nodes)
            {
                var failed = results.SelectMany(r => r.Findings).Any(f => f.IsError && f.Node == n);
                Add(F(failed ? Text.NodeFailed : Text.NodePassed, n));
            }
        }
        Add();
        var errors = ErrorCount(results);
        if (errors == 0)
        {
            Add(Text.Notification);
            Add();
            Add(Text.Normal);
        }
        else
        {
            lines.Add(new(F(Text.ErrorCount, errors), IsError: true));
        }
        return lines;
    }

    /// <summary>Wraps at <see cref="Width"/> columns on blanks; continuation lines have no indent.</summary>
    public static IEnumerable<string> Wrap(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var line = new StringBuilder();
        foreach (var word in text.Split(' '))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > Width)
            {
                yield return line.ToString();
                line.Clear();
            }
            if (line.Length > 0)
            {
                line.Append(' ');
            }
            line.Append(word);
        }
        yield return line.ToString();
    }

    private static string F(string format, params object?[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}
