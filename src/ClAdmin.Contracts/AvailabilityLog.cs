using System.Globalization;

namespace ClAdmin.Contracts;

/// <summary>
/// clavan.log, the application availability records the cluster manager writes on each node and
/// the Application Availability Analysis reads (semantics §4.4, outputs §8): one line per record,
/// <c>AAA: Ddd Mmm DD hh:mm:ss YYYY: mnemonic:data:data: text</c>, time as the IBM examples print it.
/// </summary>
public static class AvailabilityLog
{
    /// <summary>The 5.x location [RECONSTRUCTED: 7.x keeps it in /var/hacmp/log/clavan.log].</summary>
    public const string Path = "/usr/es/sbin/cluster/history/clavan.log";

    /// <summary>One record: <c>AAA: Thu Feb 21 15:30:19 2002: umtappstart:umtappa2:titan: Application umtappa2 started on node titan</c> [DOC].</summary>
    public static string Record(DateTime time, string mnemonic, IReadOnlyList<string> data, string text) =>
        string.Create(CultureInfo.InvariantCulture, $"AAA: {time:ddd MMM} {time.Day,2} {time:HH:mm:ss yyyy}: {mnemonic}:{string.Join(':', data)}: {text}");

    /// <summary>The texts after the fields: event and application ones [DOC examples]; offline and stop [RECONSTRUCTED on their model].</summary>
    public static string EventStarted(string evt) => $"Cluster event {evt} started";

    public static string EventCompleted(string evt) => $"Cluster event {evt} completed";

    public static string ApplicationStarted(string app, string node) => $"Application {app} started on node {node}";

    public static string ApplicationStopped(string app, string node) => $"Application {app} stopped on node {node}";

    public static string GroupOnline(string group, string node) => $"Resource group {group} online on node {node}";

    public static string GroupOffline(string group, string node) => $"Resource group {group} offline on node {node}";

    /// <summary>A parsed record: its time, mnemonic and data fields.</summary>
    public sealed record Entry(DateTime Time, string Mnemonic, IReadOnlyList<string> Data);

    /// <summary>Reads a record line; null when the line is not one.</summary>
    public static Entry? Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (!line.StartsWith("AAA: ", StringComparison.Ordinal) || line.Length < 30)
        {
            return null;
        }
        var stamp = line.Substring(5, 24);
        if (!DateTime.TryParseExact(stamp.Replace("  ", " ", StringComparison.Ordinal), "ddd MMM d HH:mm:ss yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return null;
        }
        var rest = line[29..];
        if (!rest.StartsWith(": ", StringComparison.Ordinal))
        {
            return null;
        }
        var end = rest.IndexOf(": ", 2, StringComparison.Ordinal);
        var fields = (end < 0 ? rest[2..] : rest[2..end]).Split(':');
        return new Entry(time, fields[0], fields[1..]);
    }
}
