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

        foreach (var startUtc in Candidates(fromLocal, days, duration))
        {
            var endUtc = startUtc + duration;
            if (startUtc < earliest || startUtc > latest)
            {
                continue;
            }

            // Candidates rise, so blocks that end before this one starts never matter again.
            while (firstBlock < blocked.Length && blocked[firstBlock].EndUtc <= startUtc)
            {
                firstBlock++;
            }

            if (!IsBlocked(blocked, firstBlock, startUtc, endUtc))
            {
                slots.Add(new FreeSlot(startUtc, endUtc, TimeZoneInfo.ConvertTime(new DateTimeOffset(startUtc), timeZone)));
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

    /// <summary>Whether a start is free, taken by another visit, or not offered at all.</summary>
    public SlotCheck Check(
        DateTime startUtc,
        int durationMinutes,
        IReadOnlyCollection<BusyInterval> visits,
        IReadOnlyCollection<BusyInterval> timeOff,
        DateTimeOffset now)
    {
        if (IsFree(startUtc, durationMinutes, visits, timeOff, now))
        {
            return SlotCheck.Free;
        }

        return IsFree(startUtc, durationMinutes, [], timeOff, now) ? SlotCheck.Taken : SlotCheck.NotOffered;
    }

    /// <summary>
    /// Every start within working hours, in rising order and each once. Counted in real time from
    /// the opening instant, so on the days the clocks change a visit still ends by closing time,
    /// a skipped local time is never offered and a repeated one is offered at both of its instants.
    /// </summary>
    private SortedSet<DateTime> Candidates(DateOnly fromLocal, int days, TimeSpan duration)
    {
        var grid = TimeSpan.FromMinutes(AvailabilityRules.GridMinutes);
        var starts = new SortedSet<DateTime>();
        for (var day = fromLocal; day < fromLocal.AddDays(days); day = day.AddDays(1))
        {
            foreach (var period in rules.WeeklyHours.Where(p => p.Day == day.DayOfWeek))
            {
                var closesUtc = ToUtc(day, period.Closes, earlier: false);
                for (var start = ToUtc(day, period.Opens, earlier: true); start + duration <= closesUtc; start += grid)
                {
                    starts.Add(start);
                }
            }
        }

        return starts;
    }

    /// <summary>
    /// The instant a local time of day happens. A time the clocks skip happens when they jump past
    /// it; a time they repeat happens twice, and <paramref name="earlier"/> picks which.
    /// </summary>
    private DateTime ToUtc(DateOnly day, TimeOnly time, bool earlier)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        while (timeZone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1); // the first local time after the jump is the jump itself
        }

        if (timeZone.IsAmbiguousTime(local))
        {
            var offsets = timeZone.GetAmbiguousTimeOffsets(local);
            var offset = earlier ? offsets.Max() : offsets.Min();
            return DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, timeZone);
    }

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
