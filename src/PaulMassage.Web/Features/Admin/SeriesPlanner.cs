using PaulMassage.Web.Features.Scheduling;
using PaulMassage.Web.Infrastructure.Time;

namespace PaulMassage.Web.Features.Admin;

/// <summary>
/// One visit of a planned course or repeating series: its time, every rule that time breaks (in
/// the therapist's words, as for one phone booking) and, when it breaks one, the nearest time that
/// breaks none.
/// </summary>
public sealed record PlannedVisit(int Number, DateTime StartUtc, IReadOnlyList<VisitTimeProblem> Problems, DateTime? AlternativeUtc)
{
    /// <summary>A clash (or a time gone): no override books it; only another time does.</summary>
    public bool Blocked => Problems.Any(p => !p.CanOverride);
}

/// <summary>
/// Plans a course or a repeating series the therapist books in one go: the visits every so many
/// weeks at the same local time of day (so across the clock changes a 10:00 visit stays at 10:00),
/// each judged by the one availability rule set through <see cref="VisitTimeChecks"/>, with an
/// alternative per visit that breaks a rule: the nearest free start that day, or else on the next
/// day with one. Pure: no database, no clock of its own.
/// </summary>
public sealed class SeriesPlanner(AvailabilityRules rules, TimeZoneInfo timeZone)
{
    /// <summary>The most visits one series books.</summary>
    public const int MaxVisits = 12;

    /// <summary>How many days after a visit's own day an alternative is looked for.</summary>
    public const int AlternativeDays = 14;

    private readonly VisitTimeChecks _checks = new(rules, timeZone);

    private readonly VisitTimeRules _rules = new(rules, timeZone);

    /// <summary>
    /// The starts of a series: from <paramref name="firstDay"/> every <paramref name="everyWeeks"/>
    /// weeks at <paramref name="time"/> (UK time), <paramref name="visits"/> of them, or as many as
    /// fall on or before <paramref name="until"/> (whichever ends first; at most <see cref="MaxVisits"/>).
    /// </summary>
    public static IReadOnlyList<DateTime> Starts(DateOnly firstDay, TimeOnly time, int everyWeeks, int? visits, DateOnly? until, TimeZoneInfo timeZone)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(everyWeeks, 1);
        var count = Math.Min(visits ?? MaxVisits, MaxVisits);
        var starts = new List<DateTime>();
        for (var day = firstDay; starts.Count < count && (until is not DateOnly last || day <= last); day = day.AddDays(7 * everyWeeks))
        {
            starts.Add(PracticeClock.ToUtc(day, time, timeZone));
        }

        return starts;
    }

    /// <summary>
    /// Judges each start against the visits and time off already in the calendar and against the
    /// series' own earlier visits, and finds an alternative for each that breaks a rule.
    /// </summary>
    /// <param name="held">Every visit (and proposed time) holding time around the series, as the phone booking reads them.</param>
    public IReadOnlyList<PlannedVisit> Plan(
        IReadOnlyList<DateTime> starts,
        int minutes,
        IEnumerable<HeldVisit> held,
        IEnumerable<TimeOffPeriod> timeOff,
        DateTimeOffset now,
        string? postcode = null)
    {
        ArgumentNullException.ThrowIfNull(starts);

        // Read once for the whole plan: every alternative tried for every visit is judged against it.
        var calendar = _checks.Calendar(held, timeOff);
        var zone = _rules.Travel.ZoneOf(postcode);
        var planned = new List<PlannedVisit>();
        foreach (var start in starts)
        {
            var problems = _checks.Check(start, minutes, calendar, now, zone);
            var alternative = problems.Count == 0 ? (DateTime?)null : Alternative(start, minutes, calendar, now, zone);
            var visit = new PlannedVisit(planned.Count + 1, start, problems, alternative);
            planned.Add(visit);

            // The series' own visits hold time for the ones after them.
            var taken = alternative ?? start;
            calendar.Add(new HeldVisit(0, $"visit {visit.Number} of this series", "This series", taken, taken.AddMinutes(minutes), Postcode: postcode));
        }

        return planned;
    }

    /// <summary>The start nearest to <paramref name="wanted"/> that breaks no rule: that day, or on the next day with one, nearest the same time of day.</summary>
    private DateTime? Alternative(DateTime wanted, int minutes, HeldCalendar calendar, DateTimeOffset now, int? zone)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(wanted, timeZone);
        var day = DateOnly.FromDateTime(local);
        var time = TimeOnly.FromDateTime(local);
        for (var offset = 0; offset <= AlternativeDays; offset++)
        {
            var target = offset == 0 ? wanted : PracticeClock.ToUtc(day.AddDays(offset), time, timeZone);
            var free = _rules.Starts(day.AddDays(offset), 1, TimeSpan.FromMinutes(minutes))
                .Where(s => _checks.Fits(s, minutes, calendar, now, zone))
                .OrderBy(s => Math.Abs((s - target).Ticks))
                .ThenBy(s => s)
                .ToList();
            if (free.Count > 0)
            {
                return free[0];
            }
        }

        return null;
    }
}
