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
    public bool CanOverride => Kind is not (VisitTimeProblemKind.InThePast or VisitTimeProblemKind.Clash);
}

/// <summary>
/// Checks a visit time the therapist enters himself (a booking taken on the phone) against the
/// same rules as the public booking, but says which rule it breaks, so he can decide. Pure: no
/// database, no clock of its own.
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

        if (!WithinWorkingHours(startUtc, endUtc, out var hoursMessage))
        {
            problems.Add(new(VisitTimeProblemKind.OutsideWorkingHours, hoursMessage));
        }

        foreach (var off in timeOff.Where(t => t.StartUtc < endUtc && startUtc < t.EndUtc))
        {
            var reason = string.IsNullOrWhiteSpace(off.Reason) ? string.Empty : $" ({off.Reason})";
            problems.Add(new(
                VisitTimeProblemKind.TimeOff,
                $"It falls in your time off{reason}, {Format(off.StartUtc, "ddd d MMM HH:mm")} to {Format(off.EndUtc, "ddd d MMM HH:mm")}."));
        }

        if (startUtc >= now.UtcDateTime && startUtc < now.UtcDateTime.AddHours(rules.MinimumNoticeHours))
        {
            problems.Add(new(VisitTimeProblemKind.ShortNotice, $"It is less than {rules.MinimumNoticeHours} hours from now, your usual notice."));
        }

        if (startUtc > now.UtcDateTime.AddDays(rules.BookingHorizonDays))
        {
            problems.Add(new(VisitTimeProblemKind.BeyondHorizon, $"It is more than {rules.BookingHorizonDays} days ahead, further than you usually take bookings."));
        }

        return problems;
    }

    /// <summary>
    /// Visits whose time plus travel buffer overlaps the new one plus its buffer: the same rule
    /// the slot claims enforce in the database.
    /// </summary>
    public IEnumerable<HeldVisit> Clashes(DateTime startUtc, DateTime endUtc, IEnumerable<HeldVisit> held)
    {
        ArgumentNullException.ThrowIfNull(held);
        var buffer = TimeSpan.FromMinutes(rules.TravelBufferMinutes);
        return held.Where(v => startUtc < v.EndUtc + buffer && v.StartUtc < endUtc + buffer).OrderBy(v => v.StartUtc);
    }

    private bool WithinWorkingHours(DateTime startUtc, DateTime endUtc, out string message)
    {
        var start = Local(startUtc);
        var end = Local(endUtc);
        var day = DateOnly.FromDateTime(start.DateTime);
        var periods = rules.WeeklyHours.Where(p => p.Day == start.DayOfWeek).OrderBy(p => p.Opens).ToList();
        var dayName = start.ToString("dddd", British);
        if (periods.Count == 0)
        {
            message = $"You do not work on {dayName}s.";
            return false;
        }

        var sameDay = DateOnly.FromDateTime(end.DateTime) == day || (DateOnly.FromDateTime(end.DateTime) == day.AddDays(1) && end.TimeOfDay == TimeSpan.Zero);
        var startTime = TimeOnly.FromTimeSpan(start.TimeOfDay);
        var endTime = end.TimeOfDay == TimeSpan.Zero && sameDay ? TimeSpan.FromDays(1) : end.TimeOfDay;
        if (sameDay && periods.Any(p => p.Opens <= startTime && endTime <= p.Closes.ToTimeSpan()))
        {
            message = string.Empty;
            return true;
        }

        var hours = string.Join(" and ", periods.Select(p => $"{p.Opens.ToString("HH:mm", British)} to {p.Closes.ToString("HH:mm", British)}"));
        message = $"It is outside your working hours on {dayName}s ({hours}).";
        return false;
    }

    private string Format(DateTime utc, string format) => Local(utc).ToString(format, British);

    private DateTimeOffset Local(DateTime utc) =>
        TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), timeZone);
}
