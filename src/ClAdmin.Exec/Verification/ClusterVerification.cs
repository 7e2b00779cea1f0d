using System.Text;
using ClAdmin.Cluster;
using ClAdmin.Cluster.Verification;
using ClAdmin.Contracts;

namespace ClAdmin.Exec.Verification;

/// <summary>What one verification run produced: the console text (ERROR lines on standard
/// error, outputs reference §2.3), the findings and the number of errors.</summary>
public sealed record VerificationRun(string Stdout, string Stderr, IReadOnlyList<CheckResult> Results, int Errors)
{
    /// <summary>The text of clverify.log of the (last) verification.</summary>
    public string Log { get; init; } = "";
}

/// <summary>
/// clverify: gathers the nodes' facts, runs every check over the default configuration and them,
/// prints the clverify layout and writes clverify.log to <paramref name="logPath"/> (on the
/// machine cladmin runs on: the node it ran from). Errors make the run fail; warnings do not.
/// </summary>
public sealed class ClusterVerification(FactsCollector collector, string logPath, Func<string> localNode)
{
    /// <summary>Where clverify.log is written.</summary>
    public string LogPath => logPath;

    /// <summary>Told the file and the error when clverify.log cannot be written (verification still reports).</summary>
    public Action<string, Exception>? WriteFailed { get; init; }

    /// <summary>The active configuration (ACD) the change is compared with (cluster services state,
    /// semantics §9.4); null or empty: none yet.</summary>
    public Func<ClusterConfiguration?>? ActiveConfiguration { get; init; }

    /// <summary>Verifies, correcting nothing.</summary>
    public Task<VerificationRun> RunAsync(ClusterConfiguration configuration, CancellationToken cancellationToken) =>
        RunAsync(configuration, AutoCorrect.No, null, cancellationToken);

    /// <summary>
    /// Verifies; with <paramref name="correct"/> Yes or Interactively (asking <paramref name="ask"/>
    /// before each), the errors semantics §9.3 lists as correctable are corrected on their nodes
    /// (<see cref="Corrections"/>, <see cref="Corrector"/>), each correction reported, and the
    /// cluster verified again: that second run's errors are the result. Nothing is corrected while
    /// cluster services are active on a node (§9.3), nor Interactively with no one to ask (said so).
    /// </summary>
    public async Task<VerificationRun> RunAsync(ClusterConfiguration configuration, AutoCorrect correct, ICommandPrompt? ask, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var (first, input) = await VerifyOnceAsync(configuration, cancellationToken).ConfigureAwait(false);
        if (correct == AutoCorrect.No || first.Errors == 0)
        {
            return first;
        }
        var stdout = new StringBuilder(AfterHeader(first.Stdout, CorrectionMessages.Format("MODE-" + correct)));
        var stderr = new StringBuilder(first.Stderr);
        var active = configuration.Nodes.Where(n => input.Of(n.Name) is { ServicesActive: true }).Select(n => n.Name).ToList();
        var refusal = active.Count > 0 ? CorrectionMessages.Format("ACTIVE", string.Join(", ", active))
            : correct == AutoCorrect.Interactively && ask is null ? CorrectionMessages.Format("NO-PROMPT")
            : null;
        if (refusal is not null)
        {
            stdout.Append('\n').Append(refusal).Append('\n');
            return first with { Stdout = stdout.ToString() };
        }
        var corrector = new Corrector(collector.Engine);
        var taken = 0;
        stdout.Append('\n');
        foreach (var c in Corrections.Plan(input, first.Results))
        {
            if (correct == AutoCorrect.Interactively)
            {
                var question = CorrectionMessages.Question(c);
                var yes = await ask!.ConfirmAsync(question, cancellationToken).ConfigureAwait(false);
                stdout.Append(question).Append(' ').Append(yes ? 'y' : 'n').Append('\n');
                if (!yes)
                {
                    continue;
                }
            }
            var outcome = await corrector.ApplyAsync(c, cancellationToken).ConfigureAwait(false);
            if (!outcome.Ok)
            {
                stderr.Append("ERROR: ").Append(CorrectionMessages.Format("FAILED", c.Node, outcome.Failure)).Append('\n');
                continue;
            }
            taken++;
            if (outcome.Backup.Length > 0)
            {
                stdout.Append(CorrectionMessages.Format("BACKUP", c.Node, outcome.Backup)).Append('\n');
            }
            stdout.Append(CorrectionMessages.Done(c)).Append('\n');
        }
        if (taken == 0)
        {
            return first with { Stdout = stdout.ToString(), Stderr = stderr.ToString() };
        }
        stdout.Append('\n').Append(CorrectionMessages.Format("AGAIN")).Append("\n\n");
        var (second, _) = await VerifyOnceAsync(configuration, cancellationToken).ConfigureAwait(false);
        stdout.Append(second.Stdout);
        stderr.Append(second.Stderr);
        return second with { Stdout = stdout.ToString(), Stderr = stderr.ToString() };
    }

    /// <summary>One verification: facts, checks, the console text and clverify.log.</summary>
    private async Task<(VerificationRun Run, VerificationInput Input)> VerifyOnceAsync(ClusterConfiguration configuration, CancellationToken cancellationToken)
    {
        var facts = await collector.CollectAsync(configuration, cancellationToken).ConfigureAwait(false);
        var active = ActiveConfiguration?.Invoke();
        if (active is { Nodes.Count: > 0 })
        {
            // Nodes the change removes: only their cluster services state matters.
            var gone = active.Nodes.Select(n => n.Name).Where(n => !facts.ContainsKey(n)).ToList();
            var states = await collector.ManagerStatesAsync(gone, cancellationToken).ConfigureAwait(false);
            facts = facts.Concat(states.Select(kv => KeyValuePair.Create(kv.Key, (NodeFacts?)kv.Value))).ToDictionary(StringComparer.Ordinal);
        }
        var input = new VerificationInput(configuration, facts) { Active = active };
        var results = Verifier.Run(input);
        var nodes = configuration.Nodes.Select(n => n.Name).ToList();
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        foreach (var line in ClverifyReport.Console(nodes, facts, results))
        {
            (line.IsError ? stderr : stdout).Append(line.Text).Append('\n');
        }
        var log = ClverifyReport.Log(localNode(), DateTime.Now, nodes, facts, results);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(logPath)) ?? ".");
            await File.WriteAllTextAsync(logPath, log, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            WriteFailed?.Invoke(logPath, e);
        }
        return (new VerificationRun(stdout.ToString(), stderr.ToString(), results, ClverifyReport.ErrorCount(results)) { Log = log }, input);
    }

    /// <summary>The console text with <paramref name="line"/> after its header block (outputs reference §1.3).</summary>
    private static string AfterHeader(string text, string line)
    {
        var end = text.IndexOf("\n\n", StringComparison.Ordinal);
        return end < 0 ? line + "\n" + text : text[..(end + 1)] + "\n" + line + "\n" + text[(end + 1)..];
    }

    /// <summary>clverify.log beside cspoc.log: the directory of <paramref name="commandLogPath"/>.</summary>
    public static string LogBeside(string commandLogPath) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(commandLogPath)) ?? ".", "clverify.log");
}
