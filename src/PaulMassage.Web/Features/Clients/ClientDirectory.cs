using Microsoft.EntityFrameworkCore;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Courses;
using PaulMassage.Web.Features.Screening;
using PaulMassage.Web.Infrastructure.Data;
using PaulMassage.Web.Infrastructure.Time;

namespace PaulMassage.Web.Features.Clients;

/// <summary>One client in Paul's list; <paramref name="Provisional"/>: a booking's own record, its booker not proven to own the address.</summary>
public sealed record ClientRow(int Id, string Name, string Email, string Phone, DateTimeOffset? LastVisit, int Visits, bool NeedsReview, bool HasAccount, bool Provisional = false);

public sealed record ClientSearchPage(string? Query, IReadOnlyList<ClientRow> Clients, bool Truncated);

/// <summary>An intake assessment with the site's words for every answer.</summary>
public sealed record IntakeView(
    string MainComplaint,
    IReadOnlyList<string> Areas,
    int PainIntensity,
    string Duration,
    IReadOnlyList<string> Feelings,
    IReadOnlyList<string> Contraindications,
    string? MedicalHistory,
    ScreeningOutcome Outcome,
    DateTimeOffset ConsentLocal);

public sealed record NoteView(string Subjective, string? Objective, string? Assessment, string? Plan, int PainScore, DateTimeOffset UpdatedLocal);

public sealed record VisitView(
    int Id,
    string Reference,
    DateTimeOffset LocalStart,
    string ServiceName,
    int DurationMinutes,
    decimal PriceGbp,
    AppointmentStatus Status,
    string Address,
    bool NeedsReview,
    IntakeView? Intake,
    NoteView? Note,
    bool MayWriteNote);

public sealed record ClientRecord(
    int Id,
    string Name,
    string Email,
    string Phone,
    DateTimeOffset FirstSeenLocal,
    bool HasAccount,
    bool NeedsReview,
    IReadOnlyList<string> Contraindications,
    IReadOnlyList<VisitView> Visits,
    IReadOnlyList<CourseView> Courses,
    string? Message,
    bool Provisional = false,
    IReadOnlyList<Plans.PlanView>? Plans = null);

/// <summary>Finds clients and puts together everything the therapist knows about one.</summary>
public sealed class ClientDirectory(AppDbContext db, PracticeClock clock, CourseService courses, Plans.CarePlans plans)
{
    public const int MaxResults = 50;

    public async Task<ClientSearchPage> SearchAsync(string? query, CancellationToken cancellationToken = default)
    {
        var terms = ClientSearchTerms.Parse(query);
        var clients = db.Clients.AsNoTracking();
        if (terms is not null)
        {
            var text = terms.Text;
            var compact = terms.Compact;
            var digits = terms.PhoneDigits;
#pragma warning disable CA1862 // Runs in SQL: the StringComparison overload has no translation, upper-casing both sides does.
            clients = clients.Where(c =>
                c.Name.ToUpper().Contains(text)
                || c.NormalizedEmail.Contains(text)
                || (digits != null && c.Phone.Replace(" ", string.Empty).Replace("-", string.Empty).Replace("(", string.Empty).Replace(")", string.Empty).Contains(digits))
                || c.Appointments.Any(a => a.Postcode.Replace(" ", string.Empty).Contains(compact)));
#pragma warning restore CA1862
        }

        var rows = await clients
            .Select(c => new
            {
                c.Id, c.Name, c.Email, c.Phone, HasAccount = c.UserId != null, c.CreatedUtc, c.Provisional,
                Last = c.Appointments.Max(a => (DateTime?)a.StartUtc),
                Visits = c.Appointments.Count,
                NeedsReview = c.Appointments.Any(a => a.NeedsReview && (a.Status == AppointmentStatus.Requested || a.Status == AppointmentStatus.AlternativeProposed || a.Status == AppointmentStatus.Confirmed)),
            })
            .OrderByDescending(c => c.Last ?? c.CreatedUtc)
            .Take(MaxResults + 1)
            .ToListAsync(cancellationToken);
        var list = rows.Take(MaxResults)
            .Select(r => new ClientRow(r.Id, r.Name, r.Email, r.Phone, r.Last is DateTime last ? clock.ToLocal(last) : null, r.Visits, r.NeedsReview, r.HasAccount, r.Provisional))
            .ToList();
        return new ClientSearchPage(query?.Trim(), list, rows.Count > MaxResults);
    }

    public async Task<ClientRecord?> RecordAsync(int id, string? message, CancellationToken cancellationToken = default)
    {
        var client = await db.Clients.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (client is null)
        {
            return null;
        }

        var appointments = await db.Appointments.AsNoTracking()
            .Where(a => a.ClientId == id)
            .Include(a => a.Service)
            .Include(a => a.Intake)
            .OrderByDescending(a => a.StartUtc)
            .ToListAsync(cancellationToken);
        var ids = appointments.Select(a => a.Id).ToList();
        var notes = await db.TreatmentNotes.AsNoTracking().Where(n => ids.Contains(n.AppointmentId)).ToDictionaryAsync(n => n.AppointmentId, cancellationToken);

        var visits = appointments.Select(a => new VisitView(
            a.Id,
            a.Reference,
            clock.ToLocal(a.StartUtc),
            a.Service!.Name,
            a.DurationMinutes,
            a.PriceGbp,
            a.Status,
            string.Join(", ", new[] { a.AddressLine1, a.AddressLine2, a.Town, a.Postcode }.Where(p => !string.IsNullOrWhiteSpace(p))),
            a.NeedsReview,
            a.Intake is { } i ? Describe(i) : null,
            notes.TryGetValue(a.Id, out var n) ? new NoteView(n.Subjective, n.Objective, n.Assessment, n.Plan, n.PainScore, clock.ToLocal(n.UpdatedUtc)) : null,
            TreatmentNotes.MayWrite(a.Status, a.StartUtc, clock.UtcNow))).ToList();

        var contraindications = appointments
            .Where(a => a.Intake is not null)
            .Aggregate(Contraindication.None, (all, a) => all | a.Intake!.Contraindications);
        return new ClientRecord(
            client.Id,
            client.Name,
            client.Email,
            client.Phone,
            clock.ToLocal(client.CreatedUtc),
            client.UserId is not null,
            appointments.Any(a => a.NeedsReview && BookingStateMachine.HoldsTime(a.Status)),
            IntakeLabels.Describe(contraindications, IntakeLabels.Contraindications).ToList(),
            visits,
            await courses.ForClientAsync(id, cancellationToken),
            message,
            client.Provisional,
            await plans.ForClientsAsync([id], cancellationToken));
    }

    public IntakeView Describe(IntakeAssessment intake)
    {
        ArgumentNullException.ThrowIfNull(intake);
        return new IntakeView(
            intake.MainComplaint,
            IntakeLabels.Describe(intake.PainAreas, IntakeLabels.Areas).ToList(),
            intake.PainIntensity,
            IntakeLabels.Durations.GetValueOrDefault(intake.Duration, "Not given"),
            IntakeLabels.Describe(intake.Feelings, IntakeLabels.Feelings).ToList(),
            IntakeLabels.Describe(intake.Contraindications, IntakeLabels.Contraindications).ToList(),
            intake.MedicalHistory,
            intake.Outcome,
            clock.ToLocal(intake.HealthDataConsentUtc));
    }
}

/// <summary>A search box's text in the forms the client fields are compared in. Pure.</summary>
public sealed record ClientSearchTerms(string Text, string Compact, string? PhoneDigits)
{
    /// <summary>Null for an empty search (list the latest clients).</summary>
    public static ClientSearchTerms? Parse(string? query)
    {
        var text = query?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var upper = text.ToUpperInvariant();
        var compact = new string(upper.Where(c => !char.IsWhiteSpace(c)).ToArray());

        // A phone number is matched on its digits, whether typed as 07700 900123 or +44 7700 900123.
        string? digits = null;
        if (text.All(c => char.IsDigit(c) || c is ' ' or '+' or '-' or '(' or ')'))
        {
            var only = new string(text.Where(char.IsDigit).ToArray());
            only = only.StartsWith("44", StringComparison.Ordinal) && text.StartsWith('+') ? only[2..] : only.TrimStart('0');
            digits = only.Length >= 4 ? only : null;
        }

        return new ClientSearchTerms(upper, compact, digits);
    }
}
