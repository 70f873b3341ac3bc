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
/// so a refusal can name its reason. Pure: no database, no clock.
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
        var duration = TimeSpan.FromMinutes(durationMinutes);
        var endUtc = startUtc + duration;
        if (startUtc < now.UtcDateTime.AddHours(rules.MinimumNoticeHours))
        {
            return SlotClash.TooSoon;
        }

        if (startUtc > now.UtcDateTime.AddDays(rules.BookingHorizonDays))
        {
            return SlotClash.TooFarAhead;
        }

        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(startUtc, DateTimeKind.Utc), timeZone);
        var time = TimeOnly.FromDateTime(local);
        var inHours = rules.WeeklyHours.Any(p =>
            p.Day == local.DayOfWeek
            && time >= p.Opens
            && time.ToTimeSpan() + duration <= p.Closes.ToTimeSpan()
            && (time - p.Opens).Ticks % TimeSpan.FromMinutes(AvailabilityRules.GridMinutes).Ticks == 0);
        if (!inHours)
        {
            return SlotClash.OutsideWorkingHours;
        }

        if (timeOff.Any(t => t.Overlaps(startUtc, endUtc)))
        {
            return SlotClash.TimeOff;
        }

        var buffer = TimeSpan.FromMinutes(rules.TravelBufferMinutes);
        return visits.Any(v => new BusyInterval(v.StartUtc - buffer, v.EndUtc + buffer).Overlaps(startUtc, endUtc))
            ? SlotClash.OverlapsVisit
            : null;
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
