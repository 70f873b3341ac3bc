namespace PaulMassage.Web.Features.Scheduling;

/// <summary>
/// The slot finder: which visit start times are free, by <see cref="VisitTimeRules"/>. Pure: it
/// takes the rules, what is already booked, the time off and the current instant, and touches no
/// database or clock of its own.
/// </summary>
public sealed class AvailabilityCalculator(AvailabilityRules settings, TimeZoneInfo timeZone)
{
    private readonly VisitTimeRules _rules = new(settings, timeZone);

    /// <summary>
    /// Free slots for a visit of <paramref name="durationMinutes"/>, on the local days from
    /// <paramref name="fromLocal"/> for <paramref name="days"/> days.
    /// </summary>
    /// <param name="visits">Blocking visits (requested or confirmed), without their travel time, each with its zone.</param>
    /// <param name="timeOff">The therapist's time off.</param>
    /// <param name="zone">The new visit's travel zone; null for a place in no zone or not given (the flat buffer).</param>
    public IReadOnlyList<FreeSlot> FreeSlots(
        DateOnly fromLocal,
        int days,
        int durationMinutes,
        IEnumerable<BusyInterval> visits,
        IEnumerable<BusyInterval> timeOff,
        DateTimeOffset now,
        int? zone = null) =>
        FreeSlots(fromLocal, days, durationMinutes, visits, timeOff, _rules.EarliestStart(now), _rules.LatestStart(now), zone);

    /// <summary>
    /// The same sweep with the notice and horizon given as instants: <see cref="DateTime.MinValue"/>
    /// and <see cref="DateTime.MaxValue"/> give every start the other rules allow, which
    /// <see cref="FreeTimes"/> keeps and cuts to the notice and horizon of each moment it is asked.
    /// </summary>
    public IReadOnlyList<FreeSlot> FreeSlots(
        DateOnly fromLocal,
        int days,
        int durationMinutes,
        IEnumerable<BusyInterval> visits,
        IEnumerable<BusyInterval> timeOff,
        DateTime earliest,
        DateTime latest,
        int? zone = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(durationMinutes);
        var duration = TimeSpan.FromMinutes(durationMinutes);
        var held = visits as IReadOnlyCollection<BusyInterval> ?? visits.ToList();

        // Widen each visit by the travel to and from the new visit's zone once here instead of at every candidate.
        var blocked = held
            .Select(v => _rules.Blocks(v, zone))
            .Concat(timeOff)
            .OrderBy(b => b.StartUtc)
            .ToArray();

        // The first visit of a day waits for the drive from home: each day's first booked start, to
        // tell whether a candidate would be the first.
        var firstOfDay = new Dictionary<DateOnly, DateTime>();
        if (_rules.Travel.FromHome(zone) > 0)
        {
            foreach (var visit in held)
            {
                var day = _rules.LocalDay(visit.StartUtc);
                if (!firstOfDay.TryGetValue(day, out var first) || visit.StartUtc < first)
                {
                    firstOfDay[day] = visit.StartUtc;
                }
            }
        }

        var homeDay = DateOnly.MinValue;
        DateTime? fromHome = null;

        var slots = new List<FreeSlot>();
        var firstBlock = 0;

        foreach (var startUtc in _rules.Starts(fromLocal, days, duration))
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

            if (_rules.Travel.FromHome(zone) > 0)
            {
                var day = _rules.LocalDay(startUtc);
                if (day != homeDay)
                {
                    homeDay = day;
                    fromHome = _rules.FirstStartFromHome(day, zone);
                }

                if (startUtc < fromHome && !(firstOfDay.TryGetValue(day, out var first) && first < startUtc))
                {
                    continue;
                }
            }

            if (!IsBlocked(blocked, firstBlock, startUtc, endUtc))
            {
                slots.Add(new FreeSlot(startUtc, endUtc, TimeZoneInfo.ConvertTime(new DateTimeOffset(startUtc), timeZone)));
            }
        }

        return slots;
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
