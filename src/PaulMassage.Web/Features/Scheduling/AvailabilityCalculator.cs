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
    /// <param name="visits">Blocking visits (requested or confirmed), without their travel buffer.</param>
    /// <param name="timeOff">The therapist's time off.</param>
    public IReadOnlyList<FreeSlot> FreeSlots(
        DateOnly fromLocal,
        int days,
        int durationMinutes,
        IEnumerable<BusyInterval> visits,
        IEnumerable<BusyInterval> timeOff,
        DateTimeOffset now) =>
        FreeSlots(fromLocal, days, durationMinutes, visits, timeOff, _rules.EarliestStart(now), _rules.LatestStart(now));

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
        DateTime latest)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(durationMinutes);
        var duration = TimeSpan.FromMinutes(durationMinutes);

        // Widen each visit by its travel time once here instead of at every candidate.
        var blocked = visits
            .Select(_rules.Blocks)
            .Concat(timeOff)
            .OrderBy(b => b.StartUtc)
            .ToArray();

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
