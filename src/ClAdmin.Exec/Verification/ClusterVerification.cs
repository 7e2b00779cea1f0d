using System.Text;
using ClAdmin.Cluster;
using ClAdmin.Cluster.Verification;
using ClAdmin.Contracts;

namespace ClAdmin.Exec.Verification;

/// <summary>What one verification run produced: the console text (ERROR lines on standard
/// error, outputs reference §2.3), the findings and the number of errors.</summary>
public sealed record VerificationRun(string Stdout, string Stderr, IReadOnlyList<CheckResult> Results, int Errors);

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

    public async Task<VerificationRun> RunAsync(ClusterConfiguration configuration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var facts = await collector.CollectAsync(configuration, cancellationToken).ConfigureAwait(false);
        var results = Verifier.Run(new VerificationInput(configuration, facts));
        var nodes = configuration.Nodes.Select(n => n.Name).ToList();
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        foreach (var line in ClverifyReport.Console(nodes, facts, results))
        {
            (line.IsError ? stderr : stdout).Append(line.Text).Append('\n');
        }
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(logPath)) ?? ".");
            await File.WriteAllTextAsync(logPath, ClverifyReport.Log(localNode(), DateTime.Now, nodes, facts, results), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            WriteFailed?.Invoke(logPath, e);
        }
        return new VerificationRun(stdout.ToString(), stderr.ToString(), results, ClverifyReport.ErrorCount(results));
    }

    /// <summary>clverify.log beside cspoc.log: the directory of <paramref name="commandLogPath"/>.</summary>
    public static string LogBeside(string commandLogPath) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(commandLogPath)) ?? ".", "clverify.log");
}
