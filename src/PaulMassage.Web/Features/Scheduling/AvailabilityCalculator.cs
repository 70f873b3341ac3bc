namespace PaulMassage.Web.Features.Scheduling;

/// <summary>
/// Works out which visit start times are free. Pure: it takes the rules, what is already booked,
/// the time off and the current instant, and touches no database or clock of its own.
/// </summary>
public sealed class AvailabilityCalculator(AvailabilityRules rules, TimeZoneInfo timeZone)
{
    public AvailabilityRules Rules => rules;

    /// <summary>
    /// Free slots for a visit of <paramref name="durationMinutes"/>, on the local days from
    /// <paramref name="fromLocal"/> for <paramref name="days"/> days.
    /// </summary>
    /// <param name="visits">Blocking visits (requested or confirmed), without their travel buffer.</param>
    /// <param name="timeOff">The therapist's time off.</param>
    public IReadOnlyList<FreeSlot> FreeSlots(
        DateOnly fromLocal,
        int days,
        int durationMinutes,
        IEnumerable<BusyInterval> visits,
        IEnumerable<BusyInterval> timeOff,
        DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(durationMinutes);
        var buffer = TimeSpan.FromMinutes(rules.TravelBufferMinutes);
        var duration = TimeSpan.FromMinutes(durationMinutes);

        // A visit needs the travel buffer free on both sides of every other visit, so widen
        // each visit by the buffer once here instead of at every candidate.
        var blocked = visits
            .Select(v => new BusyInterval(v.StartUtc - buffer, v.EndUtc + buffer))
            .Concat(timeOff)
            .OrderBy(b => b.StartUtc)
            .ToArray();

        var earliest = now.UtcDateTime.AddHours(rules.MinimumNoticeHours);
        var latest = now.UtcDateTime.AddDays(rules.BookingHorizonDays);
        var slots = new List<FreeSlot>();
        var firstBlock = 0;

        for (var day = fromLocal; day < fromLocal.AddDays(days); day = day.AddDays(1))
        {
            foreach (var period in rules.WeeklyHours.Where(p => p.Day == day.DayOfWeek).OrderBy(p => p.Opens))
            {
                for (var local = period.Opens; CanEndBy(local, duration, period.Closes); local = local.AddMinutes(AvailabilityRules.GridMinutes))
                {
                    var localStart = day.ToDateTime(local, DateTimeKind.Unspecified);
                    if (timeZone.IsInvalidTime(localStart))
                    {
                        continue; // the clocks skip this hour
                    }

                    var startUtc = TimeZoneInfo.ConvertTimeToUtc(localStart, timeZone);
                    var endUtc = startUtc + duration;
                    if (startUtc < earliest || startUtc > latest)
                    {
                        continue;
                    }

                    // Candidates rise through the day, so blocks that end before this one starts never matter again.
                    while (firstBlock < blocked.Length && blocked[firstBlock].EndUtc <= startUtc)
                    {
                        firstBlock++;
                    }

                    if (!IsBlocked(blocked, firstBlock, startUtc, endUtc))
                    {
                        slots.Add(new FreeSlot(startUtc, endUtc, new DateTimeOffset(localStart, timeZone.GetUtcOffset(startUtc))));
                    }
                }
            }
        }

        return slots;
    }

    /// <summary>Whether a visit over the given UTC interval fits the rules and is free.</summary>
    public bool IsFree(
        DateTime startUtc,
        int durationMinutes,
        IEnumerable<BusyInterval> visits,
        IEnumerable<BusyInterval> timeOff,
        DateTimeOffset now)
    {
        var localDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(startUtc, timeZone));
        return FreeSlots(localDay, 1, durationMinutes, visits, timeOff, now).Any(s => s.StartUtc == startUtc);
    }

    private static bool CanEndBy(TimeOnly start, TimeSpan duration, TimeOnly closes) =>
        start.ToTimeSpan() + duration <= closes.ToTimeSpan();

    private static bool IsBlocked(BusyInterval[] blocked, int from, DateTime startUtc, DateTime endUtc)
    {
        for (var i = from; i < blocked.Length && blocked[i].StartUtc < endUtc; i++)
        {
            if (blocked[i].Overlaps(startUtc, endUtc))
            {
                return true;
            }
        }

        return false;
    }
}
