using PaulMassage.Web.Infrastructure.Time;

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

    /// <summary>The first visit of the day starts before Paul can drive there from home after opening time.</summary>
    TravelFromHome,

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

    private readonly TravelTimes _travel = settings.Travel;

    public AvailabilityRules Settings => settings;

    public TravelTimes Travel => _travel;

    /// <summary>The first start the notice allows.</summary>
    public DateTime EarliestStart(DateTimeOffset now) => now.UtcDateTime.AddHours(settings.MinimumNoticeHours);

    /// <summary>The last start the horizon allows.</summary>
    public DateTime LatestStart(DateTimeOffset now) => now.UtcDateTime.AddDays(settings.BookingHorizonDays);

    /// <summary>
    /// The time a visit keeps a new visit in <paramref name="zone"/> out of: its own time, the drive
    /// from the new visit's place to it before, and the drive from it to the new visit's place after
    /// (<see cref="TravelTimes.Minutes"/>: the flat buffer when either place is in no zone).
    /// </summary>
    public BusyInterval Blocks(BusyInterval visit, int? zone = null) =>
        new(visit.StartUtc.AddMinutes(-_travel.Minutes(zone, visit.Zone)), visit.EndUtc.AddMinutes(_travel.Minutes(visit.Zone, zone)), visit.Zone);

    /// <summary>
    /// Whether a visit from <paramref name="startUtc"/> to <paramref name="endUtc"/> in
    /// <paramref name="zone"/> overlaps another visit or the drive between the two: the one rule of
    /// travel between visits, for the slot finder, the checks of a time and the guard at the save.
    /// </summary>
    public bool Clashes(DateTime startUtc, DateTime endUtc, int? zone, BusyInterval other) =>
        Blocks(other, zone).Overlaps(startUtc, endUtc);

    /// <summary>
    /// The earliest start of the day's first visit in <paramref name="zone"/>: the day's opening and
    /// the drive from home (none for a place in no zone). Null on a day without working hours.
    /// </summary>
    public DateTime? FirstStartFromHome(DateOnly day, int? zone)
    {
        DateTime? opens = null;
        foreach (var (open, _) in WorkingPeriodsUtc(day))
        {
            opens = opens is null || open < opens ? open : opens;
        }

        return opens?.AddMinutes(_travel.FromHome(zone));
    }

    /// <summary>The practice's local day of an instant.</summary>
    public DateOnly LocalDay(DateTime utc) => PracticeClock.LocalDay(utc, timeZone);

    /// <summary>
    /// The stretch of calendar <see cref="Check"/> needs to see for a visit: the start's whole
    /// local day (whether the visit would be the day's first decides the drive from home), and the
    /// visit itself should it run past midnight.
    /// </summary>
    public (DateTime FromUtc, DateTime ToUtc) CheckedWindow(DateTime startUtc, int durationMinutes)
    {
        var day = LocalDay(startUtc);
        var from = PracticeClock.StartOfDayUtc(day, timeZone);
        var to = PracticeClock.StartOfDayUtc(day.AddDays(1), timeZone);
        var endUtc = startUtc.AddMinutes(durationMinutes);
        return (from < startUtc ? from : startUtc, to > endUtc ? to : endUtc);
    }

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
    /// <param name="visits">Visits (and proposed times) that hold time, without their travel time; all of the start's local day, so the first of the day is known.</param>
    /// <param name="onGrid">The public's rule: the start is one <see cref="Starts"/> offers. The therapist may pick any minute.</param>
    /// <param name="zone">The new visit's travel zone; null for a place in no zone (the flat buffer, and no drive from home).</param>
    public IReadOnlyList<RuleBreach> Check(
        DateTime startUtc,
        int durationMinutes,
        IReadOnlyList<BusyInterval> visits,
        IReadOnlyList<BusyInterval> timeOff,
        DateTimeOffset now,
        bool onGrid = true,
        int? zone = null)
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
        else if (startUtc < FirstStartFromHome(LocalDay(startUtc), zone) && IsFirstOfDay(startUtc, visits))
        {
            breaches.Add(new(BookingRule.TravelFromHome));
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
            if (Clashes(startUtc, endUtc, zone, visits[i]))
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
        BookingRule.TravelFromHome => "That time is too early for Paul to reach you from his base at the start of his day.",
        _ => "That time clashes with another visit (Paul needs time to travel between visits).",
    };

    /// <summary>No visit of the same local day starts before this start.</summary>
    private bool IsFirstOfDay(DateTime startUtc, IReadOnlyList<BusyInterval> visits)
    {
        var day = LocalDay(startUtc);
        return !visits.Any(v => v.StartUtc < startUtc && LocalDay(v.StartUtc) == day);
    }

    /// <summary>Within one of its local day's working periods, counted in real time from the opening instant (and on its grid).</summary>
    private bool IsInWorkingHours(DateTime startUtc, DateTime endUtc, bool onGrid)
    {
        foreach (var (opens, closes) in WorkingPeriodsUtc(LocalDay(startUtc)))
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
