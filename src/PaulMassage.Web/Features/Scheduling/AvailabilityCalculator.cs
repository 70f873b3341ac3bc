namespace PaulMassage.Web.Features.Scheduling;

/// <summary>
/// Works out which visit start times are free. Pure: it takes the rules, what is already booked,
/// the time off and the current instant, and touches no database or clock of its own.
/// </summary>
/// <remarks>
/// Runs on every availability request, so it is kept linear: the busy intervals are sorted and
/// merged once, then one pointer sweeps them as the candidates rise through the days; and the
/// time zone is consulted a few times per opening period instead of three times per candidate
/// (see tests/PaulMassage.Benchmarks).
/// </remarks>
public sealed class AvailabilityCalculator
{
    private readonly AvailabilityRules _rules;
    private readonly TimeZoneInfo _timeZone;
    private readonly WorkingPeriod[][] _periodsByDay;

    public AvailabilityCalculator(AvailabilityRules rules, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(timeZone);
        _rules = rules;
        _timeZone = timeZone;
        _periodsByDay = Enumerable.Range(0, 7)
            .Select(day => rules.WeeklyHours.Where(p => (int)p.Day == day).OrderBy(p => p.Opens).ToArray())
            .ToArray();
    }

    public AvailabilityRules Rules => _rules;

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
        var duration = TimeSpan.FromMinutes(durationMinutes);
        var blocked = Merge(visits, timeOff, TimeSpan.FromMinutes(_rules.TravelBufferMinutes));
        var sweep = new Sweep(blocked);

        var earliest = now.UtcDateTime.AddHours(_rules.MinimumNoticeHours);
        var latest = now.UtcDateTime.AddDays(_rules.BookingHorizonDays);
        var slots = new List<FreeSlot>();
        var grid = TimeSpan.FromMinutes(AvailabilityRules.GridMinutes);

        for (var day = fromLocal; day < fromLocal.AddDays(days); day = day.AddDays(1))
        {
            foreach (var period in _periodsByDay[(int)day.DayOfWeek])
            {
                if (period.Closes.ToTimeSpan() - period.Opens.ToTimeSpan() < duration)
                {
                    continue;
                }

                var opens = day.ToDateTime(period.Opens, DateTimeKind.Unspecified);
                var lastStart = day.ToDateTime(period.Closes, DateTimeKind.Unspecified) - duration;
                if (TryOneOffset(opens, day.ToDateTime(period.Closes, DateTimeKind.Unspecified), out var offset))
                {
                    // No clock change in the period: every local time maps by the same offset.
                    for (var localStart = opens; localStart <= lastStart; localStart += grid)
                    {
                        var startUtc = DateTime.SpecifyKind(localStart - offset, DateTimeKind.Utc);
                        Consider(startUtc, new DateTimeOffset(localStart, offset));
                    }
                }
                else
                {
                    // The clocks change during the period: ask the time zone about each time.
                    for (var localStart = opens; localStart <= lastStart; localStart += grid)
                    {
                        if (_timeZone.IsInvalidTime(localStart))
                        {
                            continue; // the clocks skip this hour
                        }

                        var startUtc = TimeZoneInfo.ConvertTimeToUtc(localStart, _timeZone);
                        Consider(startUtc, new DateTimeOffset(localStart, _timeZone.GetUtcOffset(startUtc)));
                    }
                }
            }
        }

        return slots;

        void Consider(DateTime startUtc, DateTimeOffset localStart)
        {
            if (startUtc < earliest || startUtc > latest)
            {
                return;
            }

            var endUtc = startUtc + duration;
            if (!sweep.IsBlocked(startUtc, endUtc))
            {
                slots.Add(new FreeSlot(startUtc, endUtc, localStart));
            }
        }
    }

    /// <summary>Whether a visit over the given UTC interval fits the rules and is free.</summary>
    public bool IsFree(
        DateTime startUtc,
        int durationMinutes,
        IEnumerable<BusyInterval> visits,
        IEnumerable<BusyInterval> timeOff,
        DateTimeOffset now)
    {
        var localDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(startUtc, _timeZone));
        return FreeSlots(localDay, 1, durationMinutes, visits, timeOff, now).Any(s => s.StartUtc == startUtc);
    }

    /// <summary>
    /// The one UTC offset of every local time from <paramref name="opens"/> to <paramref name="closes"/>,
    /// when the clocks do not change between them (a period is never long enough to hold two changes).
    /// </summary>
    private bool TryOneOffset(DateTime opens, DateTime closes, out TimeSpan offset)
    {
        offset = default;
        if (_timeZone.IsInvalidTime(opens) || _timeZone.IsAmbiguousTime(opens) || _timeZone.IsInvalidTime(closes) || _timeZone.IsAmbiguousTime(closes))
        {
            return false;
        }

        offset = _timeZone.GetUtcOffset(opens);
        return offset == _timeZone.GetUtcOffset(closes);
    }

    /// <summary>
    /// Visits widened by the travel buffer on both sides (a new visit needs the buffer free around
    /// every other visit), plus the time off, sorted and merged into disjoint intervals.
    /// </summary>
    private static BusyInterval[] Merge(IEnumerable<BusyInterval> visits, IEnumerable<BusyInterval> timeOff, TimeSpan buffer)
    {
        var all = visits
            .Select(v => new BusyInterval(v.StartUtc - buffer, v.EndUtc + buffer))
            .Concat(timeOff)
            .Where(b => b.StartUtc < b.EndUtc)
            .ToArray();
        if (all.Length < 2)
        {
            return all;
        }

        Array.Sort(all, static (a, b) => a.StartUtc.CompareTo(b.StartUtc));
        var merged = new List<BusyInterval>(all.Length) { all[0] };
        for (var i = 1; i < all.Length; i++)
        {
            var last = merged[^1];
            if (all[i].StartUtc <= last.EndUtc)
            {
                if (all[i].EndUtc > last.EndUtc)
                {
                    merged[^1] = last with { EndUtc = all[i].EndUtc };
                }
            }
            else
            {
                merged.Add(all[i]);
            }
        }

        return [.. merged];
    }

    /// <summary>
    /// Walks disjoint, sorted busy intervals alongside the candidates, whose UTC starts rise
    /// through the days, so each interval is passed over once. (Should opening periods ever
    /// overlap and a candidate go back in time, the walk starts again from the first interval.)
    /// </summary>
    private sealed class Sweep(BusyInterval[] blocked)
    {
        private int _next;
        private DateTime _lastStart = DateTime.MinValue;

        public bool IsBlocked(DateTime startUtc, DateTime endUtc)
        {
            if (startUtc < _lastStart)
            {
                _next = 0;
            }

            _lastStart = startUtc;
            while (_next < blocked.Length && blocked[_next].EndUtc <= startUtc)
            {
                _next++;
            }

            return _next < blocked.Length && blocked[_next].StartUtc < endUtc;
        }
    }
}
