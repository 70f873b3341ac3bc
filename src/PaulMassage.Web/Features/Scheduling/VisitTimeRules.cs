namespace PaulMassage.Web.Features.Scheduling;

/// <summary>A rule a visit's time (or place) can break; listed in the order they are reported.</summary>
public enum BookingRule
{
    /// <summary>The time has already gone (never bookable, not even by the therapist).</summary>
    InThePast,

    /// <summary>Inside the minimum notice (and not yet gone).</summary>
    TooSoon,

    /// <summary>Beyond the booking horizon.</summary>
    TooFarAhead,

    /// <summary>Outside the day's working hours (or, for the public, off the quarter-hour grid).</summary>
    OutsideWorkingHours,

    TimeOff,

    /// <summary>Overlaps another visit or the travel time around it (never bookable).</summary>
    Clash,

    /// <summary>The address is outside the districts served (<see cref="ServiceArea"/>, not a rule of the time).</summary>
    OutsideArea,
}

/// <summary>
/// A rule a time breaks; for <see cref="BookingRule.Clash"/> and <see cref="BookingRule.TimeOff"/>,
/// <paramref name="Index"/> is the position of the visit or time off in the list checked, else -1.
/// </summary>
public readonly record struct RuleBreach(BookingRule Rule, int Index = -1);

/// <summary>
/// The practice's availability rules, stated once: notice, horizon, working hours on the
/// quarter-hour grid, the travel time around visits, time off. The slot finder
/// (<see cref="AvailabilityCalculator"/>) enumerates <see cref="Starts"/> and tests each with
/// <see cref="EarliestStart"/>, <see cref="LatestStart"/> and <see cref="Blocks"/>; a single time
/// (a client's move, the public booking's check, a phone booking) is judged by <see cref="Check"/>,
/// which names every rule it breaks, each once. Pure: no database, no clock of its own.
/// </summary>
public sealed class VisitTimeRules(AvailabilityRules settings, TimeZoneInfo timeZone)
{
    private static readonly TimeSpan Grid = TimeSpan.FromMinutes(AvailabilityRules.GridMinutes);

    private readonly TimeSpan _buffer = TimeSpan.FromMinutes(settings.TravelBufferMinutes);

    public AvailabilityRules Settings => settings;

    /// <summary>The first start the notice allows.</summary>
    public DateTime EarliestStart(DateTimeOffset now) => now.UtcDateTime.AddHours(settings.MinimumNoticeHours);

    /// <summary>The last start the horizon allows.</summary>
    public DateTime LatestStart(DateTimeOffset now) => now.UtcDateTime.AddDays(settings.BookingHorizonDays);

    /// <summary>
    /// The time a visit keeps others out of: its own time and the travel time on both sides (the
    /// same rule the slot claims enforce in the database).
    /// </summary>
    public BusyInterval Blocks(BusyInterval visit) => new(visit.StartUtc - _buffer, visit.EndUtc + _buffer);

    /// <summary>
    /// Every start within working hours, in rising order and each once. Counted in real time from
    /// the opening instant, so on the days the clocks change a visit still ends by closing time,
    /// a skipped local time is never offered and a repeated one is offered at both of its instants.
    /// </summary>
    public SortedSet<DateTime> Starts(DateOnly fromLocal, int days, TimeSpan duration)
    {
        var starts = new SortedSet<DateTime>();
        for (var day = fromLocal; day < fromLocal.AddDays(days); day = day.AddDays(1))
        {
            foreach (var (opens, closes) in WorkingPeriodsUtc(day))
            {
                for (var start = opens; start + duration <= closes; start += Grid)
                {
                    starts.Add(start);
                }
            }
        }

        return starts;
    }

    /// <summary>
    /// Every rule a visit at <paramref name="startUtc"/> breaks, each once, in
    /// <see cref="BookingRule"/>'s order; empty when it may be booked.
    /// </summary>
    /// <param name="visits">Visits (and proposed times) that hold time, without their travel time.</param>
    /// <param name="onGrid">The public's rule: the start is one <see cref="Starts"/> offers. The therapist may pick any minute.</param>
    public IReadOnlyList<RuleBreach> Check(
        DateTime startUtc,
        int durationMinutes,
        IReadOnlyList<BusyInterval> visits,
        IReadOnlyList<BusyInterval> timeOff,
        DateTimeOffset now,
        bool onGrid = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(durationMinutes);
        ArgumentNullException.ThrowIfNull(visits);
        ArgumentNullException.ThrowIfNull(timeOff);
        var endUtc = startUtc.AddMinutes(durationMinutes);
        var breaches = new List<RuleBreach>();
        if (startUtc < now.UtcDateTime)
        {
            breaches.Add(new(BookingRule.InThePast));
        }
        else if (startUtc < EarliestStart(now))
        {
            breaches.Add(new(BookingRule.TooSoon));
        }

        if (startUtc > LatestStart(now))
        {
            breaches.Add(new(BookingRule.TooFarAhead));
        }

        if (!IsInWorkingHours(startUtc, endUtc, onGrid))
        {
            breaches.Add(new(BookingRule.OutsideWorkingHours));
        }

        for (var i = 0; i < timeOff.Count; i++)
        {
            if (timeOff[i].Overlaps(startUtc, endUtc))
            {
                breaches.Add(new(BookingRule.TimeOff, i));
            }
        }

        for (var i = 0; i < visits.Count; i++)
        {
            if (Blocks(visits[i]).Overlaps(startUtc, endUtc))
            {
                breaches.Add(new(BookingRule.Clash, i));
            }
        }

        return breaches;
    }

    /// <summary>The reason in words a client can act on.</summary>
    public string Describe(BookingRule rule) => rule switch
    {
        BookingRule.InThePast => "That time has already passed.",
        BookingRule.TooSoon => $"That time is too soon: visits need at least {settings.MinimumNoticeHours} hours' notice.",
        BookingRule.TooFarAhead => $"That time is too far ahead: visits can be booked up to {settings.BookingHorizonDays} days ahead.",
        BookingRule.OutsideWorkingHours => "Paul does not take visits at that time.",
        BookingRule.TimeOff => "Paul is away at that time.",
        _ => "That time clashes with another visit (Paul needs time to travel between visits).",
    };

    /// <summary>Within one of its local day's working periods, counted in real time from the opening instant (and on its grid).</summary>
    private bool IsInWorkingHours(DateTime startUtc, DateTime endUtc, bool onGrid)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(startUtc, DateTimeKind.Utc), timeZone));
        foreach (var (opens, closes) in WorkingPeriodsUtc(day))
        {
            if (startUtc >= opens && endUtc <= closes && (!onGrid || (startUtc - opens).Ticks % Grid.Ticks == 0))
            {
                return true;
            }
        }

        return false;
    }

    private IEnumerable<(DateTime Opens, DateTime Closes)> WorkingPeriodsUtc(DateOnly day)
    {
        foreach (var period in settings.WeeklyHours)
        {
            if (period.Day == day.DayOfWeek)
            {
                yield return (ToUtc(day, period.Opens, earlier: true), ToUtc(day, period.Closes, earlier: false));
            }
        }
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
}
