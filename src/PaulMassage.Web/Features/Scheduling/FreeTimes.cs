namespace PaulMassage.Web.Features.Scheduling;

/// <summary>
/// The free starts of a visit length over the whole bookable range, as offered at one moment.
/// The sweep (<see cref="AvailabilityCalculator"/>, by <see cref="VisitTimeRules"/>) runs once per
/// schedule version, day and length, without the notice and horizon (<see cref="Sweep"/>, cached
/// by <see cref="AvailabilityService.FreeTimesAsync"/>); each answer then cuts that sorted list to
/// the notice and horizon of its own moment by two binary searches, so the boundary moves with the
/// clock exactly as an uncached sweep would.
/// </summary>
public sealed class FreeTimes
{
    private readonly Sweep _sweep;
    private readonly int _first;
    private readonly int _end;

    internal FreeTimes(Sweep sweep, DateTime earliest, DateTime latest)
    {
        _sweep = sweep;
        _first = sweep.IndexOfFirstFrom(earliest);
        _end = sweep.IndexOfFirstFrom(latest.AddTicks(1));
    }

    /// <summary>The first day of the bookable range (today).</summary>
    public DateOnly FirstDay => _sweep.FirstDay;

    /// <summary>The last day on which a start can be offered (the horizon).</summary>
    public DateOnly LastDay => _sweep.FirstDay.AddDays(_sweep.Days - 1);

    /// <summary>The free starts on the local days from <paramref name="fromLocal"/> for <paramref name="days"/> days, in order.</summary>
    public IReadOnlyList<FreeSlot> Between(DateOnly fromLocal, int days)
    {
        var (first, end) = Range(fromLocal, days);
        return end > first ? new ArraySegment<FreeSlot>(_sweep.Slots, first, end - first) : Array.Empty<FreeSlot>();
    }

    public IReadOnlyList<FreeSlot> On(DateOnly day) => Between(day, 1);

    /// <summary>Whether this start is one of the free times offered now (the public's rule: on the grid, every rule kept).</summary>
    public bool Offers(DateTime startUtc)
    {
        var i = _sweep.IndexOfFirstFrom(startUtc);
        return i >= _first && i < _end && _sweep.Slots[i].StartUtc == startUtc;
    }

    /// <summary>
    /// The answer for a range, as positions in the sweep: equal positions and the same sweep mean the
    /// same free times, which lets a rendering of them be cached.
    /// </summary>
    internal (Sweep Sweep, int First, int End) Identity(DateOnly fromLocal, int days)
    {
        var (first, end) = Range(fromLocal, days);
        return (_sweep, first, Math.Max(first, end));
    }

    private (int First, int End) Range(DateOnly fromLocal, int days)
    {
        var from = Math.Clamp(fromLocal.DayNumber - (long)_sweep.FirstDay.DayNumber, 0, _sweep.Days);
        var to = Math.Clamp(fromLocal.DayNumber + (long)Math.Max(days, 0) - _sweep.FirstDay.DayNumber, 0, _sweep.Days);
        return (Math.Max(_sweep.DayStarts[from], _first), Math.Min(_sweep.DayStarts[to], _end));
    }

    /// <summary>Every start the rules allow but the notice and horizon, from <see cref="FirstDay"/> for <see cref="Days"/> local days.</summary>
    internal sealed class Sweep
    {
        public Sweep(DateOnly firstDay, int days, IReadOnlyList<FreeSlot> slots)
        {
            FirstDay = firstDay;
            Days = days;
            Slots = [.. slots];
            DayStarts = new int[days + 1];
            var i = 0;
            for (var day = 0; day <= days; day++)
            {
                var date = firstDay.AddDays(day);
                while (i < Slots.Length && DateOnly.FromDateTime(Slots[i].LocalStart.DateTime) < date)
                {
                    i++;
                }

                DayStarts[day] = i;
            }

            DayStarts[days] = Slots.Length;
        }

        public DateOnly FirstDay { get; }

        public int Days { get; }

        /// <summary>Rising by start.</summary>
        public FreeSlot[] Slots { get; }

        /// <summary>The position of each day's first start; the last entry is the count.</summary>
        public int[] DayStarts { get; }

        /// <summary>The position of the first start at or after <paramref name="instant"/>.</summary>
        public int IndexOfFirstFrom(DateTime instant)
        {
            int low = 0, high = Slots.Length;
            while (low < high)
            {
                var middle = (low + high) >>> 1;
                if (Slots[middle].StartUtc < instant)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }

            return low;
        }
    }
}
