using System.Globalization;
using PaulMassage.Web.Features.Scheduling;

namespace PaulMassage.Web.Features.Admin;

/// <summary>A time already held in the calendar by a visit (or by a time proposed to a client).</summary>
public sealed record HeldVisit(int Id, string Reference, string ClientName, DateTime StartUtc, DateTime EndUtc, bool IsProposedTime = false, string? Postcode = null);

/// <summary>Why a time does not fit; the therapist may override some reasons, never a clash.</summary>
public sealed record VisitTimeProblem(BookingRule Kind, string Message, HeldVisit? ClashesWith = null)
{
    public bool CanOverride => NotOverridableBecause is null;

    /// <summary>Why this problem cannot be overridden, in the words the form shows; null when it can be.</summary>
    public string? NotOverridableBecause => Kind switch
    {
        BookingRule.InThePast => "A time that has already passed cannot be booked.",
        BookingRule.Clash => "A clash with another visit or its travel time cannot be overridden.",
        _ => null,
    };
}

/// <summary>
/// A visit time the therapist enters himself (a booking taken on the phone), judged by the one
/// rule set (<see cref="VisitTimeRules"/>, at any minute: the form checks its quarter-hour start),
/// every broken rule in his words, naming the visit or time off in the way, so he can decide.
/// Pure: no database, no clock of its own.
/// </summary>
public sealed class VisitTimeChecks(AvailabilityRules rules, TimeZoneInfo timeZone)
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    private readonly VisitTimeRules _rules = new(rules, timeZone);

    public IReadOnlyList<VisitTimeProblem> Check(
        DateTime startUtc,
        int durationMinutes,
        IEnumerable<HeldVisit> held,
        IEnumerable<TimeOffPeriod> timeOff,
        DateTimeOffset now,
        string? postcode = null) =>
        Check(startUtc, durationMinutes, Calendar(held, timeOff), now, _rules.Travel.ZoneOf(postcode));

    /// <summary>The calendar to judge times against, read once for as many times as are checked (<see cref="HeldCalendar"/>).</summary>
    public HeldCalendar Calendar(IEnumerable<HeldVisit> held, IEnumerable<TimeOffPeriod> timeOff) => new(held, timeOff, _rules.Travel);

    /// <summary>Judges a time against a calendar already read; <paramref name="zone"/> is the new visit's travel zone (<see cref="TravelTimes.ZoneOf"/>).</summary>
    public IReadOnlyList<VisitTimeProblem> Check(DateTime startUtc, int durationMinutes, HeldCalendar calendar, DateTimeOffset now, int? zone)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var travel = _rules.Travel;
        var breaches = _rules.Check(startUtc, durationMinutes, calendar.Intervals, calendar.TimeOffIntervals, now, onGrid: false, zone: zone);
        return breaches.Select(b => b.Rule switch
        {
            BookingRule.InThePast => new VisitTimeProblem(b.Rule, "That time has already passed."),
            BookingRule.TooSoon => new(b.Rule, $"It is less than {rules.MinimumNoticeHours} hours from now, your usual notice."),
            BookingRule.TooFarAhead => new(b.Rule, $"It is more than {rules.BookingHorizonDays} days ahead, further than you usually take bookings."),
            BookingRule.OutsideWorkingHours => new(b.Rule, OutsideWorkingHoursMessage(startUtc)),
            BookingRule.TimeOff => TimeOffProblem(calendar.TimeOff[b.Index]),
            BookingRule.TravelFromHome => new(b.Rule, $"It is too early to drive there from home ({travel.FromHome(zone)} minutes) after your day starts."),
            _ => ClashProblem(calendar.Visits[b.Index], calendar.Intervals[b.Index].Zone, startUtc, zone),
        }).ToList();
    }

    /// <summary>Whether a time breaks no rule (<see cref="Check(DateTime, int, HeldCalendar, DateTimeOffset, int?)"/> without putting the problems in words).</summary>
    public bool Fits(DateTime startUtc, int durationMinutes, HeldCalendar calendar, DateTimeOffset now, int? zone)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return _rules.Check(startUtc, durationMinutes, calendar.Intervals, calendar.TimeOffIntervals, now, onGrid: false, zone: zone).Count == 0;
    }

    private VisitTimeProblem ClashProblem(HeldVisit visit, int? other, DateTime startUtc, int? zone)
    {
        var travel = _rules.Travel;
        var minutes = visit.StartUtc < startUtc ? travel.Minutes(other, zone) : travel.Minutes(zone, other);
        var whose = visit.IsProposedTime
            ? $"the time you proposed to {visit.ClientName} ({visit.Reference})"
            : $"{visit.ClientName}'s visit ({visit.Reference})";
        return new(
            BookingRule.Clash,
            $"It clashes with {whose} on {Format(visit.StartUtc, "dddd d MMMM")}, {Format(visit.StartUtc, "HH:mm")} to {Format(visit.EndUtc, "HH:mm")}. "
                + $"You need {minutes} minutes to travel between them.",
            visit);
    }

    private VisitTimeProblem TimeOffProblem(TimeOffPeriod off)
    {
        var reason = string.IsNullOrWhiteSpace(off.Reason) ? string.Empty : $" ({off.Reason})";
        return new(BookingRule.TimeOff, $"It falls in your time off{reason}: {TimeOffWording.Describe(Local(off.StartUtc), Local(off.EndUtc))}.");
    }

    /// <summary>Names the day's working hours, or says it is not a working day.</summary>
    private string OutsideWorkingHoursMessage(DateTime startUtc)
    {
        var start = Local(startUtc);
        var periods = rules.WeeklyHours.Where(p => p.Day == start.DayOfWeek).OrderBy(p => p.Opens).ToList();
        var dayName = start.ToString("dddd", British);
        if (periods.Count == 0)
        {
            return $"You do not work on {dayName}s.";
        }

        var hours = string.Join(" and ", periods.Select(p => $"{p.Opens.ToString("HH:mm", British)} to {p.Closes.ToString("HH:mm", British)}"));
        return $"It is outside your working hours on {dayName}s ({hours}).";
    }

    private string Format(DateTime utc, string format) => Local(utc).ToString(format, British);

    private DateTimeOffset Local(DateTime utc) =>
        TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), timeZone);
}

/// <summary>
/// The visits and time off times are judged against, read once: the visits in order of start, each
/// with its travel zone, so that checking many times (a series and the alternatives for each of its
/// visits) neither sorts the calendar nor looks up a zone again per time.
/// </summary>
public sealed class HeldCalendar
{
    private readonly List<HeldVisit> _visits;
    private readonly List<BusyInterval> _intervals;
    private readonly TravelTimes _travel;

    internal HeldCalendar(IEnumerable<HeldVisit> held, IEnumerable<TimeOffPeriod> timeOff, TravelTimes travel)
    {
        ArgumentNullException.ThrowIfNull(held);
        ArgumentNullException.ThrowIfNull(timeOff);
        _travel = travel;
        _visits = held.OrderBy(v => v.StartUtc).ToList();
        _intervals = _visits.ConvertAll(IntervalOf);
        TimeOff = timeOff.ToList();
        TimeOffIntervals = TimeOff.Select(t => t.Interval).ToList();
    }

    public IReadOnlyList<HeldVisit> Visits => _visits;

    /// <summary>The visits' times and zones, in the same order as <see cref="Visits"/>.</summary>
    public IReadOnlyList<BusyInterval> Intervals => _intervals;

    public IReadOnlyList<TimeOffPeriod> TimeOff { get; }

    public IReadOnlyList<BusyInterval> TimeOffIntervals { get; }

    /// <summary>Adds a visit in its place by start, after any that start at the same moment.</summary>
    public void Add(HeldVisit visit)
    {
        ArgumentNullException.ThrowIfNull(visit);
        var at = _visits.FindLastIndex(v => v.StartUtc <= visit.StartUtc) + 1;
        _visits.Insert(at, visit);
        _intervals.Insert(at, IntervalOf(visit));
    }

    private BusyInterval IntervalOf(HeldVisit visit) => new(visit.StartUtc, visit.EndUtc, _travel.ZoneOf(visit.Postcode));
}
