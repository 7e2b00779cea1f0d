namespace ClAdmin.Sim;

/// <summary>
/// Times on the simulated clock (<see cref="Model.SimWorld.Clock"/>), for what runs at a time of
/// day as the clock moves: the automatic verification at its hour, and the cluster manager's timers.
/// </summary>
public static class SimClock
{
    /// <summary>The latest moment at <paramref name="hour"/>:00 after <paramref name="from"/> and no
    /// later than <paramref name="to"/>, or null when the clock does not pass that hour in between.</summary>
    public static DateTime? LastDaily(DateTime from, DateTime to, int hour)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(hour);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(hour, 23);
        var candidate = to.Date.AddHours(hour);
        if (candidate > to)
        {
            if (to.Date == DateTime.MinValue.Date)
            {
                return null;
            }
            candidate = candidate.AddDays(-1);
        }
        return candidate > from ? candidate : null;
    }
}
