namespace PaulMassage.Web.Features.Scheduling;

/// <summary>Why a visit cannot start at a given time.</summary>
public enum SlotClash
{
    TooSoon,
    TooFarAhead,
    OutsideWorkingHours,
    TimeOff,
    OverlapsVisit,
}

/// <summary>
/// Says why a start time is not free, with the same rules as <see cref="AvailabilityCalculator"/>,
/// so a refusal can name its reason. Each rule is also a method of its own, so the back office's
/// checks (which list every rule a time breaks) apply the very same rules. Pure: no database, no clock.
/// </summary>
public static class SlotClashExplainer
{
    /// <returns>Null when the time is free.</returns>
    public static SlotClash? Explain(
        AvailabilityRules rules,
        TimeZoneInfo timeZone,
        DateTime startUtc,
        int durationMinutes,
        IEnumerable<BusyInterval> visits,
        IEnumerable<BusyInterval> timeOff,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(timeZone);
        ArgumentNullException.ThrowIfNull(visits);
        ArgumentNullException.ThrowIfNull(timeOff);
        var endUtc = startUtc.AddMinutes(durationMinutes);
        if (IsTooSoon(rules, startUtc, now))
        {
            return SlotClash.TooSoon;
        }

        if (IsTooFarAhead(rules, startUtc, now))
        {
            return SlotClash.TooFarAhead;
        }

        if (!IsInWorkingHours(rules, timeZone, startUtc, durationMinutes))
        {
            return SlotClash.OutsideWorkingHours;
        }

        if (timeOff.Any(t => t.Overlaps(startUtc, endUtc)))
        {
            return SlotClash.TimeOff;
        }

        return visits.Any(v => ClashesWithVisit(rules, v, startUtc, endUtc)) ? SlotClash.OverlapsVisit : null;
    }

    /// <summary>Inside the notice window (or already gone).</summary>
    public static bool IsTooSoon(AvailabilityRules rules, DateTime startUtc, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return startUtc < now.UtcDateTime.AddHours(rules.MinimumNoticeHours);
    }

    /// <summary>Beyond the booking horizon.</summary>
    public static bool IsTooFarAhead(AvailabilityRules rules, DateTime startUtc, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return startUtc > now.UtcDateTime.AddDays(rules.BookingHorizonDays);
    }

    /// <summary>
    /// Starts and ends within one of the day's working periods, in local time; and, unless
    /// <paramref name="anyMinute"/>, on the quarter-hour grid counted from its opening (the back
    /// office's phone-booking form checks its own quarter-hour start instead).
    /// </summary>
    public static bool IsInWorkingHours(AvailabilityRules rules, TimeZoneInfo timeZone, DateTime startUtc, int durationMinutes, bool anyMinute = false)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(timeZone);
        var duration = TimeSpan.FromMinutes(durationMinutes);
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(startUtc, DateTimeKind.Utc), timeZone);
        var time = TimeOnly.FromDateTime(local);
        return rules.WeeklyHours.Any(p =>
            p.Day == local.DayOfWeek
            && time >= p.Opens
            && time.ToTimeSpan() + duration <= p.Closes.ToTimeSpan()
            && (anyMinute || (time - p.Opens).Ticks % TimeSpan.FromMinutes(AvailabilityRules.GridMinutes).Ticks == 0));
    }

    /// <summary>
    /// The new visit overlaps another, or the travel time before or after it: the same rule the
    /// slot claims enforce in the database.
    /// </summary>
    public static bool ClashesWithVisit(AvailabilityRules rules, BusyInterval visit, DateTime startUtc, DateTime endUtc)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var buffer = TimeSpan.FromMinutes(rules.TravelBufferMinutes);
        return new BusyInterval(visit.StartUtc - buffer, visit.EndUtc + buffer).Overlaps(startUtc, endUtc);
    }

    /// <summary>The reason in words a client can act on.</summary>
    public static string Describe(SlotClash clash, AvailabilityRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return clash switch
        {
            SlotClash.TooSoon => $"That time is too soon: visits need at least {rules.MinimumNoticeHours} hours' notice.",
            SlotClash.TooFarAhead => $"That time is too far ahead: visits can be booked up to {rules.BookingHorizonDays} days ahead.",
            SlotClash.OutsideWorkingHours => "Paul does not take visits at that time.",
            SlotClash.TimeOff => "Paul is away at that time.",
            _ => "That time clashes with another visit (Paul needs time to travel between visits).",
        };
    }
}
