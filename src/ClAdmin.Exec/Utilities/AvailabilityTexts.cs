using System.Globalization;

namespace ClAdmin.Exec.Utilities;

/// <summary>
/// The Application Availability Analysis report. Its layout was not found in any reachable source
/// (outputs §8): [RECONSTRUCTED] from memory of the HACMP 5.x Administration Guide, kept here as
/// data so that a checked layout replaces it in one place.
/// </summary>
public static class AvailabilityTexts
{
    public static IEnumerable<string> Report(string app, DateTime begin, DateTime end, TimeSpan total, TimeSpan up, TimeSpan longestUp, TimeSpan down, TimeSpan longestDown) =>
    [
        $"Analysis begins:          {Stamp(begin)}",
        $"Analysis ends:            {Stamp(end)}",
        $"Application analyzed:     {app}",
        "",
        $"Total time:               {Duration(total)}",
        "",
        "Uptime:",
        $"    Amount:               {Duration(up)}",
        $"    Percentage:           {Percent(up, total)}",
        $"    Longest period:       {Duration(longestUp)}",
        "",
        "Downtime:",
        $"    Amount:               {Duration(down)}",
        $"    Percentage:           {Percent(down, total)}",
        $"    Longest period:       {Duration(longestDown)}",
        "",
        "Application monitoring was suspended for 0.00% of the time period analyzed.",
    ];

    /// <summary><c>Wednesday, 12-March-2008, 09:00:00</c>.</summary>
    public static string Stamp(DateTime t) => t.ToString("dddd, dd-MMMM-yyyy, HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary><c>0 days, 0 hours, 5 minutes, 10 seconds</c>.</summary>
    public static string Duration(TimeSpan d) =>
        string.Create(CultureInfo.InvariantCulture, $"{(int)d.TotalDays} days, {d.Hours} hours, {d.Minutes} minutes, {d.Seconds} seconds");

    public static string Percent(TimeSpan part, TimeSpan total) =>
        (total.Ticks == 0 ? 0 : 100.0 * part.Ticks / total.Ticks).ToString("0.00", CultureInfo.InvariantCulture) + "%";
}
