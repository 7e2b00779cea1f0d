using System.Globalization;
using System.Text;
using ClAdmin.Contracts;
using ClAdmin.Exec.Dispatch;
using ClAdmin.Exec.FanOut;
using ClAdmin.Store;

namespace ClAdmin.Exec.Utilities;

/// <summary>
/// The Application Availability Analysis (the SMIT dialog's <c>claa app=NAME begin_year=... end_seconds=...</c>):
/// reads clavan.log on every cluster node (through the transport, so on real hosts it reads the
/// records their cluster managers wrote), and reports for the period how long the application ran
/// on some node (umtappstart / umtappstop records) and how long it was down.
/// </summary>
public sealed class AvailabilityCommand(Func<ObjectRepository> openRepository, FanOutEngine engine) : ICommandHandler
{
    public const string UsageText = "Usage: claa app=application begin_year=YYYY begin_month=MM begin_day=DD begin_hour=hh [begin_minutes=mm] [begin_seconds=ss] "
        + "end_year=YYYY end_month=MM end_day=DD end_hour=hh [end_minutes=mm] [end_seconds=ss]";

    public IReadOnlyCollection<string> Names { get; } = ["claa"];

    public async Task<CommandResult> RunAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var a in invocation.Arguments)
        {
            var eq = a.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                return UtilityHandlers.Usage($"claa: unexpected argument '{a}'", UsageText);
            }
            values[a[..eq]] = a[(eq + 1)..];
        }
        if (!values.TryGetValue("app", out var app) || app.Length == 0)
        {
            return UtilityHandlers.Usage("claa: app= (the application server to analyse) is required", UsageText);
        }
        if (Time(values, "begin", out var error) is not { } begin || Time(values, "end", out error) is not { } end)
        {
            return UtilityHandlers.Usage(error, UsageText);
        }
        if (end <= begin)
        {
            return UtilityHandlers.Usage($"claa: the end of the analysis ({end:yyyy-MM-dd HH:mm:ss}) is not after its beginning ({begin:yyyy-MM-dd HH:mm:ss})", UsageText);
        }
        List<string> nodes;
        using (var repo = openRepository())
        {
            var c = repo.LoadConfiguration(ConfigDirectory.Default);
            if (c.ApplicationControllers.All(s => s.Name != app))
            {
                return UtilityHandlers.Fail($"claa: Application server {app} is not defined in the cluster.");
            }
            nodes = [.. c.Nodes.Select(n => n.Name)];
        }
        var read = await engine.RunAsync(nodes, NodeOperation.Same(["cat", AvailabilityLog.Path]), new FanOutOptions(), null, cancellationToken).ConfigureAwait(false);
        var unreachable = read.Results.Where(r => r.Outcome != NodeOutcome.Ok && r.Outcome != NodeOutcome.Failed).Select(r => r.Node).ToList();
        if (unreachable.Count > 0)
        {
            return UtilityHandlers.Fail($"claa: cannot read {AvailabilityLog.Path} on {string.Join(", ", unreachable)}: the analysis needs the records of every node.");
        }
        var entries = read.Results.SelectMany(r => r.Stdout.Split('\n')).Select(AvailabilityLog.Parse).OfType<AvailabilityLog.Entry>()
            .Where(e => e.Mnemonic is "umtappstart" or "umtappstop" && e.Data.Count >= 2 && e.Data[0] == app)
            .OrderBy(e => e.Time).ToList();
        return UtilityHandlers.Ok(Report(app, begin, end, entries));
    }

    /// <summary>The report for <paramref name="entries"/> (the application's start and stop records, in time order).</summary>
    public static string Report(string app, DateTime begin, DateTime end, IReadOnlyList<AvailabilityLog.Entry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var running = new HashSet<string>(StringComparer.Ordinal);
        var up = TimeSpan.Zero;
        var longestUp = TimeSpan.Zero;
        var longestDown = TimeSpan.Zero;
        var since = begin;
        var isUp = false;
        void Period(DateTime until)
        {
            var span = until - since;
            if (isUp)
            {
                up += span;
                longestUp = span > longestUp ? span : longestUp;
            }
            else
            {
                longestDown = span > longestDown ? span : longestDown;
            }
            since = until;
        }
        foreach (var e in entries)
        {
            var t = e.Time < begin ? begin : e.Time > end ? end : e.Time;
            if (e.Mnemonic == "umtappstart")
            {
                running.Add(e.Data[1]);
            }
            else
            {
                running.Remove(e.Data[1]);
            }
            if (isUp != running.Count > 0)
            {
                Period(t);
                isUp = running.Count > 0;
            }
        }
        Period(end);
        var total = end - begin;
        var down = total - up;
        var sb = new StringBuilder();
        foreach (var line in AvailabilityTexts.Report(app, begin, end, total, up, longestUp, down, longestDown))
        {
            sb.Append(line).Append('\n');
        }
        return sb.ToString();
    }

    private static DateTime? Time(Dictionary<string, string> v, string which, out string? error)
    {
        error = null;
        int Field(string name, bool required, int min, int max, ref string? err)
        {
            var key = $"{which}_{name}";
            if (!v.TryGetValue(key, out var text) || text.Length == 0)
            {
                if (required)
                {
                    err ??= $"claa: {key}= is required";
                }
                return 0;
            }
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < min || n > max)
            {
                err ??= $"claa: {key}={text} is not a number from {min} to {max}";
            }
            return n;
        }
        var year = Field("year", true, 1970, 2038, ref error);
        var month = Field("month", true, 1, 12, ref error);
        var day = Field("day", true, 1, 31, ref error);
        var hour = Field("hour", true, 0, 23, ref error);
        var minutes = Field("minutes", false, 0, 59, ref error);
        var seconds = Field("seconds", false, 0, 59, ref error);
        if (error is not null)
        {
            return null;
        }
        if (day > DateTime.DaysInMonth(year, month))
        {
            error = $"claa: {which}_day={day}: {year:D4}-{month:D2} has {DateTime.DaysInMonth(year, month)} days";
            return null;
        }
        return new DateTime(year, month, day, hour, minutes, seconds, DateTimeKind.Unspecified);
    }
}
