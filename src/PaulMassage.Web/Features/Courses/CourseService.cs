using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Infrastructure.Data;
using PaulMassage.Web.Infrastructure.Time;

namespace PaulMassage.Web.Features.Courses;

/// <summary>A course with its progress, chart and the client's link to book the next session.</summary>
public sealed record CourseView(
    int Id,
    int ClientId,
    int ServiceId,
    string ServiceName,
    int SessionMinutes,
    int Sessions,
    int IntervalDays,
    string Goal,
    DateOnly StartDate,
    bool IsCurrent,
    CourseProgressResult Progress,
    PainChart Chart,
    string? BookNextLink);

/// <summary>Reads a client's courses with their progress, and saves the therapist's plans.</summary>
public sealed class CourseService(AppDbContext db, PracticeClock clock)
{
    /// <summary>Every course of a client, the current (latest) one first.</summary>
    public async Task<IReadOnlyList<CourseView>> ForClientAsync(int clientId, CancellationToken cancellationToken = default)
    {
        var courses = await db.Courses.AsNoTracking()
            .Where(c => c.ClientId == clientId)
            .OrderByDescending(c => c.StartDate).ThenByDescending(c => c.Id)
            .Select(c => new
            {
                c.Id, c.ServiceId, ServiceName = c.Service!.Name, ServiceSlug = c.Service.Slug, ServiceActive = c.Service.IsActive,
                c.SessionMinutes, c.Sessions, c.IntervalDays, c.Goal, c.StartDate,
                Offered = c.Service.Options.Select(o => o.Minutes).ToList(),
            })
            .ToListAsync(cancellationToken);
        if (courses.Count == 0)
        {
            return [];
        }

        var rows = await db.Appointments.AsNoTracking()
            .Where(a => a.ClientId == clientId)
            .Select(a => new
            {
                a.Id, a.Reference, a.StartUtc, a.Status, a.Postcode,
                PainScore = db.TreatmentNotes.Where(n => n.AppointmentId == a.Id).Select(n => (int?)n.PainScore).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        // The client's own scores, from check-ins between visits: they join the chart, marked as theirs.
        var checkIns = (await db.CheckIns.AsNoTracking()
                .Where(c => c.ClientId == clientId && c.AnsweredUtc != null)
                .Select(c => new { c.AnsweredUtc, c.PainScore })
                .ToListAsync(cancellationToken))
            .Where(c => c.PainScore is not null)
            .Select(c => new PainReading(clock.LocalDay(c.AnsweredUtc!.Value), c.PainScore!.Value, ClientsOwn: true))
            .ToList();
        var visits = rows.Select(r => new CourseVisit(r.Id, r.Reference, r.StartUtc, clock.LocalDay(r.StartUtc), r.Status, r.PainScore)).ToList();
        var postcode = rows.OrderByDescending(r => r.StartUtc).Select(r => r.Postcode).FirstOrDefault();

        var views = new List<CourseView>(courses.Count);
        DateOnly? nextStart = null;
        foreach (var c in courses)
        {
            var progress = CourseProgress.Calculate(c.Sessions, c.IntervalDays, c.StartDate, nextStart, visits, clock.UtcNow, clock.Today);
            var isCurrent = views.Count == 0;
            var link = isCurrent && progress.ToBook > 0
                ? BookNextLink(c.ServiceSlug, c.ServiceActive, c.Offered.Contains(c.SessionMinutes) ? c.SessionMinutes : null, postcode, progress.SuggestedNextDate)
                : null;
            views.Add(new CourseView(c.Id, clientId, c.ServiceId, c.ServiceName, c.SessionMinutes, c.Sessions, c.IntervalDays, c.Goal, c.StartDate,
                isCurrent, progress,
                PainChartBuilder.Build(progress.PainReadings.Concat(checkIns.Where(r => r.Date >= c.StartDate && (nextStart is not DateOnly n || r.Date < n))), $"pain-chart-{c.Id}"),
                link));
            nextStart = c.StartDate;
        }

        return views;
    }

    /// <summary>
    /// The link into the booking steps with the course's treatment and length chosen and the week
    /// starting on the suggested day; without a known postcode it opens the first step pre-filled.
    /// </summary>
    public static string BookNextLink(string serviceSlug, bool serviceActive, int? minutes, string? postcode, DateOnly? suggested)
    {
        if (!serviceActive)
        {
            return "/book";
        }

        return minutes is int m && !string.IsNullOrEmpty(postcode)
            ? BookingLinks.Slots(serviceSlug, m, postcode, week: suggested)
            : BookingLinks.Choose(serviceSlug, minutes, postcode);
    }

    public async Task<CourseForm?> FormAsync(int clientId, int courseId, CancellationToken cancellationToken = default)
    {
        var c = await db.Courses.AsNoTracking().SingleOrDefaultAsync(x => x.Id == courseId && x.ClientId == clientId, cancellationToken);
        return c is null
            ? null
            : new CourseForm
            {
                Id = c.Id,
                Sessions = c.Sessions,
                IntervalDays = c.IntervalDays,
                Goal = c.Goal,
                StartDate = c.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Treatment = $"{c.ServiceId}:{c.SessionMinutes}",
            };
    }

    /// <summary>The treatment-and-length choices for the plan's focus.</summary>
    public async Task<IReadOnlyList<TreatmentChoice>> TreatmentChoicesAsync(CancellationToken cancellationToken = default)
    {
        var services = await db.Services.AsNoTracking().Include(s => s.Options).Where(s => s.IsActive).OrderBy(s => s.SortOrder).ToListAsync(cancellationToken);
        return services
            .SelectMany(s => s.Options.OrderBy(o => o.Minutes).Select(o => new TreatmentChoice($"{s.Id}:{o.Minutes}", s.Id, o.Minutes, $"{s.Name}, {o.Minutes} minutes")))
            .ToList();
    }

    /// <summary>Creates or updates a plan. Null when the course to edit is not this client's.</summary>
    public async Task<int?> SaveAsync(int clientId, int? courseId, CoursePlanValues plan, TreatmentChoice treatment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(treatment);
        var now = clock.UtcNow;
        CourseOfTreatment? course;
        if (courseId is int id)
        {
            course = await db.Courses.SingleOrDefaultAsync(c => c.Id == id && c.ClientId == clientId, cancellationToken);
            if (course is null)
            {
                return null;
            }
        }
        else
        {
            course = new CourseOfTreatment { ClientId = clientId, Goal = plan.Goal, CreatedUtc = now };
            db.Courses.Add(course);
        }

        course.Sessions = plan.Sessions;
        course.IntervalDays = plan.IntervalDays;
        course.Goal = plan.Goal;
        course.StartDate = plan.StartDate;
        course.ServiceId = treatment.ServiceId;
        course.SessionMinutes = treatment.Minutes;
        course.UpdatedUtc = now;
        await db.SaveChangesAsync(cancellationToken);
        return course.Id;
    }

    public Task<string?> ClientNameAsync(int clientId, CancellationToken cancellationToken = default) =>
        db.Clients.AsNoTracking().Where(c => c.Id == clientId).Select(c => c.Name).SingleOrDefaultAsync(cancellationToken);

    public async Task<bool> DeleteAsync(int clientId, int courseId, CancellationToken cancellationToken = default) =>
        await db.Courses.Where(c => c.Id == courseId && c.ClientId == clientId).ExecuteDeleteAsync(cancellationToken) > 0;
}

/// <summary>One "treatment, length" option of the plan form; Value is "serviceId:minutes".</summary>
public sealed record TreatmentChoice(string Value, int ServiceId, int Minutes, string Label);
