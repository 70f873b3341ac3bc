using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Courses;
using PaulMassage.Web.Features.Notifications;
using PaulMassage.Web.Features.Screening;
using PaulMassage.Web.Features.Site;
using PaulMassage.Web.Infrastructure.Data;
using PaulMassage.Web.Infrastructure.Time;

namespace PaulMassage.Web.Features.Plans;

public enum CheckInState
{
    Unknown,
    Open,
    Answered,

    /// <summary>The visit is over.</summary>
    Closed,

    /// <summary>The visit no longer stands (cancelled, declined): nothing to prepare.</summary>
    VisitCalledOff,
}

/// <summary>What the client's check-in page shows.</summary>
public sealed record CheckInPageModel(string Token, CheckInState State, DateTimeOffset VisitLocal, bool Stopped);

/// <summary>A check-in as Paul reads it on the visit.</summary>
public sealed record CheckInView(DateTimeOffset SentLocal, DateTimeOffset? AnsweredLocal, int? PainScore, int? LastScore, string? Changes, IReadOnlyList<RedFlag> RedFlags, bool Alerted);

public enum CheckInAnswerOutcome
{
    Unknown,
    Closed,
    Saved,
    RedFlag,
}

/// <summary>
/// Check-ins between visits: queued some days before each confirmed visit that is a session of the
/// client's current course (<see cref="CheckInRules.IsDue"/>, <see cref="CheckInRules.IsCourseSession"/>), answered once through their link until the visit ends, a red
/// flag or a clearly worse score alerting Paul, and stopped by the client with one click.
/// </summary>
public sealed class CheckIns(
    AppDbContext db,
    BookingNotifications notifications,
    CourseService courses,
    PracticeClock clock,
    IOptions<CheckInOptions> options,
    IOptions<EmailOptions> email,
    IOptions<PracticeOptions> practice,
    ILogger<CheckIns> logger)
{
    public async Task<int> QueueDueAsync(CancellationToken cancellationToken = default)
    {
        var days = options.Value.DaysBefore;
        if (days <= 0)
        {
            return 0;
        }

        var now = clock.UtcNow;
        var horizon = now.AddDays(days + 1);
        var candidates = await db.Appointments.AsNoTracking()
            .Where(a => a.Status == AppointmentStatus.Confirmed && a.StartUtc > now && a.StartUtc <= horizon
                && !db.CheckIns.Any(c => c.AppointmentId == a.Id)
                && a.Client!.NoCheckInsUtc == null && a.Client.ErasedUtc == null && !a.Client.Provisional
                && db.Courses.Any(c => c.ClientId == a.ClientId)
                && db.Appointments.Any(p => p.ClientId == a.ClientId && p.Status == AppointmentStatus.Completed && p.StartUtc < a.StartUtc))
            .Select(a => new { a.Id, a.ClientId, a.StartUtc })
            .ToListAsync(cancellationToken);
        var queued = 0;
        foreach (var candidate in candidates.Where(c => CheckInRules.IsDue(c.StartUtc, now, clock.TimeZone, days, email.Value.ReminderTime)))
        {
            if ((await courses.ForClientAsync(candidate.ClientId, cancellationToken)).FirstOrDefault(c => c.IsCurrent) is not { } course
                || !CheckInRules.IsCourseSession(course.Progress, candidate.Id))
            {
                continue;
            }

            var visit = await db.Appointments.Include(a => a.Client).Include(a => a.Service).SingleAsync(a => a.Id == candidate.Id, cancellationToken);
            var token = ManageToken.Create();
            db.CheckIns.Add(CheckIn.Send(visit, ManageToken.Hash(token), now));
            await notifications.CheckInAsync(visit, $"{practice.Value.BaseUrl.TrimEnd('/')}{PathFor(token)}", cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                queued++;
                logger.LogInformation("Check-in sent before booking {Reference}", visit.Reference);
            }
            catch (DbUpdateException ex) when (UniqueViolation.Involves(ex, "CheckIns"))
            {
                // Another instance sent it at the same moment.
                logger.LogInformation("Check-in before booking {Reference} not sent: another instance sent it", visit.Reference);
            }

            db.ChangeTracker.Clear();
        }

        return queued;
    }

    public static string PathFor(string token) => "/check-in/" + token;

    public async Task<CheckInPageModel> PageAsync(string token, bool stopped = false, CancellationToken cancellationToken = default)
    {
        var found = await FindAsync(token, cancellationToken);
        if (found is null)
        {
            return new CheckInPageModel(token, CheckInState.Unknown, default, stopped);
        }

        var (checkIn, visit) = found.Value;
        return new CheckInPageModel(token, checkIn.StateFor(visit, clock.UtcNow), clock.ToLocal(visit.StartUtc), stopped);
    }

    /// <summary>
    /// Records the answers. A red flag (screened first, as on the booking form) alerts Paul and
    /// gives the medical advice; so does nothing else but a score clearly worse than the last one,
    /// which alerts him quietly. <paramref name="painScore"/> may be missing only with a red flag.
    /// </summary>
    public async Task<(CheckInAnswerOutcome Outcome, ScreeningResult? Stop)> AnswerAsync(string token, int? painScore, string? changes, RedFlag redFlags, CancellationToken cancellationToken = default)
    {
        var found = await FindAsync(token, cancellationToken, track: true);
        if (found is null)
        {
            return (CheckInAnswerOutcome.Unknown, null);
        }

        var (checkIn, visit) = found.Value;
        var now = clock.UtcNow;
        if (!checkIn.IsOpen(visit, now))
        {
            return (CheckInAnswerOutcome.Closed, null);
        }

        var stop = ScreeningRules.StopFor(redFlags);
        var worse = painScore is int score && CheckInRules.IsClearlyWorse(score, await LastScoreAsync(visit.ClientId, visit.StartUtc, cancellationToken));
        var alert = stop is not null || worse;
        checkIn.Answer(visit, painScore, changes, redFlags, alert, now);
        if (alert)
        {
            await notifications.CheckInAlertAsync(visit, cancellationToken);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another answer through the same link was saved first (AnsweredUtc is the concurrency token): this one is refused, alert and all.
            logger.LogInformation("Check-in before booking {Reference} was answered twice at once; the second answer was refused", visit.Reference);
            return (CheckInAnswerOutcome.Closed, null);
        }

        logger.LogInformation("Check-in answered before booking {Reference}{Alert}", visit.Reference, alert ? "; Paul alerted" : string.Empty);
        return stop is null ? (CheckInAnswerOutcome.Saved, null) : (CheckInAnswerOutcome.RedFlag, stop);
    }

    /// <summary>The client stops check-ins with one click on the page of any of theirs; false for an unknown link.</summary>
    public async Task<bool> StopAsync(string token, CancellationToken cancellationToken = default)
    {
        // The same lookup as the page's: a link the page would not open stops nothing.
        if (await FindAsync(token, cancellationToken, track: true) is not { } found)
        {
            return false;
        }

        var client = found.Visit.Client!;
        client.StopCheckIns(clock.UtcNow);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Client {ClientId} stopped check-ins", client.Id);
        return true;
    }

    /// <summary>The check-in before this visit, for Paul; null when none was sent.</summary>
    public async Task<CheckInView?> ForVisitAsync(int appointmentId, CancellationToken cancellationToken = default)
    {
        var c = await db.CheckIns.AsNoTracking().Include(x => x.Appointment).SingleOrDefaultAsync(x => x.AppointmentId == appointmentId, cancellationToken);
        if (c is null)
        {
            return null;
        }

        var last = await LastScoreAsync(c.ClientId, c.Appointment!.StartUtc, cancellationToken, before: c.AnsweredUtc);
        return new CheckInView(clock.ToLocal(c.SentUtc), c.AnsweredUtc is DateTime a ? clock.ToLocal(a) : null, c.PainScore, last, c.Changes,
            Enum.GetValues<RedFlag>().Where(f => f != RedFlag.None && c.RedFlags.HasFlag(f)).ToList(), c.Alerted);
    }

    /// <summary>The last score Paul has before this visit: the latest of the visits' notes and the answered check-ins.</summary>
    private async Task<int?> LastScoreAsync(int clientId, DateTime visitStartUtc, CancellationToken cancellationToken, DateTime? before = null)
    {
        var cutoff = before ?? clock.UtcNow;
        var notes = await db.TreatmentNotes.AsNoTracking()
            .Where(n => n.Appointment!.ClientId == clientId && n.Appointment.StartUtc < visitStartUtc && n.Appointment.StartUtc < cutoff)
            .Select(n => new { At = n.Appointment!.StartUtc, Score = (int?)n.PainScore })
            .ToListAsync(cancellationToken);
        var answered = await db.CheckIns.AsNoTracking()
            .Where(c => c.ClientId == clientId && c.AnsweredUtc != null && c.AnsweredUtc < cutoff)
            .Select(c => new { At = c.AnsweredUtc!.Value, Score = c.PainScore })
            .ToListAsync(cancellationToken);
        return notes.Concat(answered).Where(x => x.Score is not null).OrderByDescending(x => x.At).Select(x => x.Score).FirstOrDefault();
    }

    private async Task<(CheckIn CheckIn, Appointment Visit)?> FindAsync(string token, CancellationToken cancellationToken, bool track = false)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 128)
        {
            return null;
        }

        var hash = ManageToken.Hash(token);
        var query = track ? db.CheckIns : db.CheckIns.AsNoTracking();
        var checkIn = await query.Include(c => c.Appointment).ThenInclude(a => a!.Client).Include(c => c.Appointment).ThenInclude(a => a!.Service)
            .SingleOrDefaultAsync(c => c.TokenHash == hash, cancellationToken);
        return checkIn?.Appointment is null || checkIn.Appointment.Client?.ErasedUtc is not null ? null : (checkIn, checkIn.Appointment);
    }
}
