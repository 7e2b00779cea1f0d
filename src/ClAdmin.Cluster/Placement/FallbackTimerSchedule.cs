namespace ClAdmin.Cluster.Placement;

/// <summary>When a delayed fallback timer fires next (R-FB-3): daily, weekly (DayOfWeek 0 = Sunday), monthly,
/// yearly, or once on a specific date. Null when a once-only date is in the past or a date is invalid: the
/// delayed fallback policy is then ignored (with a warning).</summary>
public static class FallbackTimerSchedule
{
    public static DateTime? NextFire(FallbackTimer timer, DateTime now)
    {
        if (timer.Hour is < 0 or > 23 || timer.Minute is < 0 or > 59)
        {
            return null;
        }
        var time = new TimeSpan(timer.Hour, timer.Minute, 0);
        switch (timer.Repeats)
        {
            case "once":
                var once = At(timer.Year, timer.Month, timer.DayOfMonth, time);
                return once > now ? once : null;
            case "daily":
                var today = now.Date + time;
                return today > now ? today : today.AddDays(1);
            case "weekly":
                if (timer.DayOfWeek is < 0 or > 6)
                {
                    return null;
                }
                var days = ((timer.DayOfWeek - (int)now.DayOfWeek) + 7) % 7;
                var week = now.Date.AddDays(days) + time;
                return week > now ? week : week.AddDays(7);
            case "monthly":
                for (var m = 0; m <= 12; m++)
                {
                    var month = now.AddMonths(m);
                    if (At(month.Year, month.Month, timer.DayOfMonth, time) is { } d && d > now)
                    {
                        return d;
                    }
                }
                return null;
            case "yearly":
                for (var y = 0; y <= 8; y++)
                {
                    if (At(now.Year + y, timer.Month, timer.DayOfMonth, time) is { } d && d > now)
                    {
                        return d;
                    }
                }
                return null;
            default:
                return null;
        }
    }

    private static DateTime? At(int year, int month, int day, TimeSpan time) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Unspecified) + time
            : null;
}
