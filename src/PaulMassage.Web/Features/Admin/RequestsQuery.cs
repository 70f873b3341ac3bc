using Microsoft.EntityFrameworkCore;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Scheduling;
using PaulMassage.Web.Features.Screening;
using PaulMassage.Web.Infrastructure.Data;
using PaulMassage.Web.Infrastructure.Time;

namespace PaulMassage.Web.Features.Admin;

/// <summary>The intake answers in the therapist's words. Health data: shown to the therapist only.</summary>
public sealed record IntakeSummary(
    string MainComplaint,
    IReadOnlyList<string> PainAreas,
    int PainIntensity,
    string Duration,
    IReadOnlyList<string> Feelings,
    IReadOnlyList<string> Contraindications,
    string? MedicalHistory,
    ScreeningOutcome Outcome)
{
    public static IntakeSummary? From(IntakeAssessment? intake) => intake is null
        ? null
        : new IntakeSummary(
            intake.MainComplaint,
            IntakeLabels.Describe(intake.PainAreas, IntakeLabels.Areas).ToList(),
            intake.PainIntensity,
            IntakeLabels.Durations.GetValueOrDefault(intake.Duration, "not given"),
            IntakeLabels.Describe(intake.Feelings, IntakeLabels.Feelings).ToList(),
            IntakeLabels.Describe(intake.Contraindications, IntakeLabels.Contraindications).ToList(),
            intake.MedicalHistory,
            intake.Outcome);
}

public sealed record RequestRow(
    int Id,
    string Reference,
    Guid Version,
    string ClientName,
    string ServiceName,
    int DurationMinutes,
    DateTimeOffset LocalStart,
    DateTimeOffset? LocalProposedStart,
    string Postcode,
    AppointmentStatus Status,
    bool NeedsReview,
    bool HasPassed,
    IntakeSummary? Intake,
    ClientStanding Standing = default);

/// <summary>What Paul should know about who made a booking (see <see cref="Clients.ClientIdentities"/>).</summary>
public readonly record struct ClientStanding(bool Provisional, bool EmailProven, DateTimeOffset? LocalDisowned)
{
    /// <summary>Someone at the booking's e-mail address said they did not make it.</summary>
    public bool Disowned => LocalDisowned is not null;
}

public sealed record OpenRequests(IReadOnlyList<RequestRow> WaitingForYou, IReadOnlyList<RequestRow> WaitingForClient, int VisitsToday);

public sealed record HistoryLine(DateTimeOffset LocalAt, string Actor, AppointmentStatus? From, AppointmentStatus To, string? Note)
{
    /// <summary>A new time with the status unchanged (<see cref="Appointment.MoveTo"/>): the note says from when to when.</summary>
    public bool IsMove => From == To;
}

public sealed record RequestDetail(
    int Id,
    string Reference,
    Guid Version,
    AppointmentStatus Status,
    bool NeedsReview,
    string ClientName,
    string ClientEmail,
    string ClientPhone,
    string ServiceName,
    int DurationMinutes,
    decimal PriceGbp,
    DateTimeOffset LocalStart,
    DateTimeOffset LocalEnd,
    DateTimeOffset? LocalProposedStart,
    string AddressLine1,
    string? AddressLine2,
    string Town,
    string Postcode,
    string? AccessNotes,
    string? DeclineReason,
    DateTimeOffset LocalCreated,
    IntakeSummary? Intake,
    IReadOnlyList<HistoryLine> History,
    TherapistChoices May,
    int ClientId = 0,
    ClientStanding Standing = default)
{
    public bool CanConfirm => May.Confirm;

    public bool CanDecline => May.Decline;

    public bool CanPropose => May.Propose;

    public bool CanRecordOutcome => May.RecordOutcome;

    public bool CanCancel => May.Cancel;

    public bool CanMove => May.Move;

    public bool CanRecordLateCancellation => May.LateCancellation;

    /// <summary>The visit took place: its treatment note and the client's plan can be written.</summary>
    public bool CanWriteUp => May.WriteUp;
}

/// <summary>Which of his buttons the therapist sees, from the visit's own rules (<see cref="VisitPermissions"/>).</summary>
public sealed record TherapistChoices(bool Confirm, bool Decline, bool Propose, bool RecordOutcome, bool Cancel = false, bool Move = false, bool LateCancellation = false, bool WriteUp = false)
{
    public static TherapistChoices For(Appointment visit, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(visit);
        return new(visit.TherapistMayConfirm(nowUtc), visit.TherapistMayDecline(), visit.TherapistMayPropose(), visit.TherapistMayRecordOutcome(nowUtc),
            visit.TherapistMayCancel(nowUtc), visit.TherapistMayMove(nowUtc), visit.TherapistMayRecordLateCancellation(nowUtc), visit.TherapistMayWriteUp(nowUtc));
    }
}

/// <summary>Reads what the requests pages show.</summary>
public sealed class RequestsQuery(AppDbContext db, PracticeClock clock)
{
    /// <summary>Visits waiting for an answer, flagged ones first, then by time.</summary>
    public async Task<OpenRequests> OpenRequestsAsync(CancellationToken cancellationToken = default)
    {
        var open = await db.Appointments.AsNoTracking()
            .Include(a => a.Client).Include(a => a.Service).Include(a => a.Intake)
            .Where(a => a.Status == AppointmentStatus.Requested || a.Status == AppointmentStatus.AlternativeProposed)
            .OrderByDescending(a => a.NeedsReview).ThenBy(a => a.StartUtc)
            .ToListAsync(cancellationToken);
        var now = clock.UtcNow;
        var rows = open.Select(a => new RequestRow(
            a.Id, a.Reference, a.Version, a.Client!.Name, a.Service!.Name, a.DurationMinutes, clock.ToLocal(a.StartUtc),
            a.ProposedStartUtc is DateTime p ? clock.ToLocal(p) : null,
            a.Postcode, a.Status, a.NeedsReview, VisitPermissions.HasStarted(a.StartUtc, now), IntakeSummary.From(a.Intake), Standing(a))).ToList();

        var today = clock.Today;
        var dayStart = clock.StartOfDayUtc(today);
        var dayEnd = clock.StartOfDayUtc(today.AddDays(1));
        var visitsToday = await db.Appointments.CountAsync(
            a => a.Status == AppointmentStatus.Confirmed && a.StartUtc >= dayStart && a.StartUtc < dayEnd, cancellationToken);

        return new OpenRequests(
            rows.Where(r => r.Status == AppointmentStatus.Requested).ToList(),
            rows.Where(r => r.Status == AppointmentStatus.AlternativeProposed).ToList(),
            visitsToday);
    }

    public async Task<RequestDetail?> DetailAsync(int id, CancellationToken cancellationToken = default)
    {
        var a = await db.Appointments.AsNoTracking()
            .Include(x => x.Client).Include(x => x.Service).Include(x => x.Intake).Include(x => x.History)
            .AsSplitQuery()
            .SingleOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (a is null)
        {
            return null;
        }

        return new RequestDetail(
            a.Id, a.Reference, a.Version, a.Status, a.NeedsReview,
            a.Client!.Name, a.Client.Email, a.Client.Phone,
            a.Service!.Name, a.DurationMinutes, a.PriceGbp,
            clock.ToLocal(a.StartUtc), clock.ToLocal(a.EndUtc),
            a.ProposedStartUtc is DateTime p ? clock.ToLocal(p) : null,
            a.AddressLine1, a.AddressLine2, a.Town, a.Postcode, a.AccessNotes, a.DeclineReason,
            clock.ToLocal(a.CreatedUtc),
            IntakeSummary.From(a.Intake),
            a.History.OrderBy(h => h.AtUtc).ThenBy(h => h.Id)
                .Select(h => new HistoryLine(clock.ToLocal(h.AtUtc), h.Actor, h.FromStatus, h.ToStatus, h.Note)).ToList(),
            TherapistChoices.For(a, clock.UtcNow),
            a.ClientId,
            Standing(a));
    }

    /// <summary>The visit's intake answers (to start its treatment note from); null when it has none.</summary>
    public Task<IntakeAssessment?> IntakeAsync(int id, CancellationToken cancellationToken = default) =>
        db.IntakeAssessments.AsNoTracking().SingleOrDefaultAsync(i => i.AppointmentId == id, cancellationToken);

    private ClientStanding Standing(Appointment a) =>
        new(a.Client!.Provisional, a.Client.EmailProvenUtc is not null, a.DisownedUtc is DateTime disowned ? clock.ToLocal(disowned) : null);

    /// <summary>Free times of the right length on one day, to propose instead of the requested one.</summary>
    public static DateOnly DefaultProposalDay(RequestDetail detail, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(detail);
        var requested = DateOnly.FromDateTime(detail.LocalStart.DateTime);
        return requested > today ? requested : today.AddDays(1);
    }
}

/// <summary>The times a therapist may propose on one day.</summary>
public sealed record ProposalDay(DateOnly Day, IReadOnlyList<FreeSlot> Slots, DateOnly? Previous, DateOnly Next);

/// <summary>
/// One day's free times as a form: posts <c>Start</c> and <c>Version</c> to <paramref name="Action"/>;
/// <paramref name="PageUrl"/> is the page that shows it (for the day before and after);
/// <paramref name="IdPrefix"/> names the form, its anchor and its radio buttons.
/// </summary>
public sealed record TimePicker(ProposalDay Day, Guid Version, int Minutes, string Action, string PageUrl, string IdPrefix, string Legend, string Submit, string? Hint = null);
