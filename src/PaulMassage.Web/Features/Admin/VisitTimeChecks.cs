using System.Globalization;
using PaulMassage.Web.Features.Scheduling;

namespace PaulMassage.Web.Features.Admin;

/// <summary>A time already held in the calendar by a visit (or by a time proposed to a client).</summary>
public sealed record HeldVisit(int Id, string Reference, string ClientName, DateTime StartUtc, DateTime EndUtc, bool IsProposedTime = false);

public enum VisitTimeProblemKind
{
    /// <summary>The time has already gone.</summary>
    InThePast,

    /// <summary>Overlaps another visit or the travel time around it.</summary>
    Clash,

    OutsideWorkingHours,

    TimeOff,

    ShortNotice,

    BeyondHorizon,

    OutsideArea,
}

/// <summary>Why a time does not fit; the therapist may override some reasons, never a clash.</summary>
public sealed record VisitTimeProblem(VisitTimeProblemKind Kind, string Message, HeldVisit? ClashesWith = null)
{
    public bool CanOverride => NotOverridableBecause is null;

    /// <summary>Why this problem cannot be overridden, in the words the form shows; null when it can be.</summary>
    public string? NotOverridableBecause => Kind switch
    {
        VisitTimeProblemKind.InThePast => "A time that has already passed cannot be booked.",
        VisitTimeProblemKind.Clash => "A clash with another visit or its travel time cannot be overridden.",
        _ => null,
    };
}

/// <summary>
/// Checks a visit time the therapist enters himself (a booking taken on the phone) against the
/// same rules as the public booking (<see cref="SlotClashExplainer"/>'s; the form checks the
/// quarter-hour start), but lists every rule it breaks, so he can decide. Pure: no database, no
/// clock of its own.
/// </summary>
public sealed class VisitTimeChecks(AvailabilityRules rules, TimeZoneInfo timeZone)
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    public IReadOnlyList<VisitTimeProblem> Check(
        DateTime startUtc,
        int durationMinutes,
        IEnumerable<HeldVisit> held,
        IEnumerable<TimeOffPeriod> timeOff,
        DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(durationMinutes);
        var endUtc = startUtc.AddMinutes(durationMinutes);
        var problems = new List<VisitTimeProblem>();

        if (startUtc < now.UtcDateTime)
        {
            problems.Add(new(VisitTimeProblemKind.InThePast, "That time has already passed."));
        }

        foreach (var visit in Clashes(startUtc, endUtc, held))
        {
            var whose = visit.IsProposedTime
                ? $"the time you proposed to {visit.ClientName} ({visit.Reference})"
                : $"{visit.ClientName}'s visit ({visit.Reference})";
            problems.Add(new(
                VisitTimeProblemKind.Clash,
                $"It clashes with {whose} on {Format(visit.StartUtc, "dddd d MMMM")}, {Format(visit.StartUtc, "HH:mm")} to {Format(visit.EndUtc, "HH:mm")}. "
                    + $"Visits need {rules.TravelBufferMinutes} minutes' travel between them.",
                visit));
        }

        if (!SlotClashExplainer.IsInWorkingHours(rules, timeZone, startUtc, durationMinutes, anyMinute: true))
        {
            problems.Add(new(VisitTimeProblemKind.OutsideWorkingHours, OutsideWorkingHoursMessage(startUtc)));
        }

        foreach (var off in timeOff.Where(t => t.Interval.Overlaps(startUtc, endUtc)))
        {
            var reason = string.IsNullOrWhiteSpace(off.Reason) ? string.Empty : $" ({off.Reason})";
            problems.Add(new(
                VisitTimeProblemKind.TimeOff,
                $"It falls in your time off{reason}, {Format(off.StartUtc, "ddd d MMM HH:mm")} to {Format(off.EndUtc, "ddd d MMM HH:mm")}."));
        }

        if (startUtc >= now.UtcDateTime && SlotClashExplainer.IsTooSoon(rules, startUtc, now))
        {
            problems.Add(new(VisitTimeProblemKind.ShortNotice, $"It is less than {rules.MinimumNoticeHours} hours from now, your usual notice."));
        }

        if (SlotClashExplainer.IsTooFarAhead(rules, startUtc, now))
        {
            problems.Add(new(VisitTimeProblemKind.BeyondHorizon, $"It is more than {rules.BookingHorizonDays} days ahead, further than you usually take bookings."));
        }

        return problems;
    }

    /// <summary>
    /// Visits whose time plus travel buffer overlaps the new one: the same rule the slot claims
    /// enforce in the database.
    /// </summary>
    public IEnumerable<HeldVisit> Clashes(DateTime startUtc, DateTime endUtc, IEnumerable<HeldVisit> held)
    {
        ArgumentNullException.ThrowIfNull(held);
        return held.Where(v => SlotClashExplainer.ClashesWithVisit(rules, new BusyInterval(v.StartUtc, v.EndUtc), startUtc, endUtc)).OrderBy(v => v.StartUtc);
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
