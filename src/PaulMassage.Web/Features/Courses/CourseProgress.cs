using PaulMassage.Web.Features.Booking;

namespace PaulMassage.Web.Features.Courses;

/// <summary>A visit of the client as the course sees it.</summary>
public sealed record CourseVisit(int AppointmentId, string Reference, DateTime StartUtc, DateOnly LocalDate, AppointmentStatus Status, int? PainScore);

/// <summary>Where a course stands.</summary>
public sealed record CourseProgressResult(
    int Planned,
    int Done,
    int Booked,
    int ToBook,
    bool IsFinished,
    DateOnly? SuggestedNextDate,
    IReadOnlyList<CourseVisit> DoneVisits,
    IReadOnlyList<CourseVisit> BookedVisits,
    IReadOnlyList<PainReading> PainReadings)
{
    /// <summary>Sessions still to happen: planned minus done, never below zero.</summary>
    public int Remaining => Math.Max(0, Planned - Done);
}

/// <summary>
/// Works out a course's progress from the client's visits: the completed ones since the course
/// started (and before the client's next course, if any) are done; the ones booked for the future
/// are to come; the rest still need booking, and the next is suggested an interval after the last.
/// Pure: no database, no clock.
/// </summary>
public static class CourseProgress
{
    public static CourseProgressResult Calculate(
        int sessions,
        int intervalDays,
        DateOnly startDate,
        DateOnly? nextCourseStart,
        IEnumerable<CourseVisit> visits,
        DateTime nowUtc,
        DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(visits);
        var inCourse = visits
            .Where(v => v.LocalDate >= startDate && (nextCourseStart is not DateOnly next || v.LocalDate < next))
            .OrderBy(v => v.StartUtc)
            .ToList();
        var done = inCourse.Where(v => v.Status == AppointmentStatus.Completed).ToList();
        var booked = inCourse.Where(v => BookingStateMachine.HoldsTime(v.Status) && v.StartUtc >= nowUtc).ToList();
        var toBook = Math.Max(0, sessions - done.Count - booked.Count);

        DateOnly? suggested = null;
        if (toBook > 0)
        {
            var last = done.Concat(booked).Select(v => (DateOnly?)v.LocalDate).Max();
            var due = last is DateOnly l ? l.AddDays(intervalDays) : startDate;
            suggested = due < today ? today : due;
        }

        var readings = inCourse
            .Where(v => v.PainScore is not null && v.Status is AppointmentStatus.Completed or AppointmentStatus.Confirmed)
            .Select(v => new PainReading(v.LocalDate, v.PainScore!.Value))
            .ToList();
        return new CourseProgressResult(sessions, done.Count, booked.Count, toBook, done.Count >= sessions, suggested, done, booked, readings);
    }
}
