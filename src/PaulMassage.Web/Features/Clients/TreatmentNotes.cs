using System.ComponentModel.DataAnnotations;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Screening;
using PaulMassage.Web.Infrastructure.Data;
using PaulMassage.Web.Infrastructure.Time;
using PaulMassage.Web.Infrastructure.Web;

namespace PaulMassage.Web.Features.Clients;

public sealed class TreatmentNoteForm
{
    [Required(ErrorMessage = "Write what the client told you (S), even briefly.")]
    [StringLength(TreatmentNote.TextMaxLength, ErrorMessage = "Keep each part under 4,000 characters.")]
    [Display(Name = "Subjective: what the client reports")]
    [DataType(DataType.MultilineText)]
    public string? Subjective { get; set; }

    [StringLength(TreatmentNote.TextMaxLength, ErrorMessage = "Keep each part under 4,000 characters.")]
    [Display(Name = "Objective: what you found")]
    [DataType(DataType.MultilineText)]
    public string? Objective { get; set; }

    [StringLength(TreatmentNote.TextMaxLength, ErrorMessage = "Keep each part under 4,000 characters.")]
    [Display(Name = "Assessment")]
    [DataType(DataType.MultilineText)]
    public string? Assessment { get; set; }

    [StringLength(TreatmentNote.TextMaxLength, ErrorMessage = "Keep each part under 4,000 characters.")]
    [Display(Name = "Plan")]
    [DataType(DataType.MultilineText)]
    public string? Plan { get; set; }

    [Required(ErrorMessage = "Record the client's pain score today, from 0 to 10.")]
    [Range(0, 10, ErrorMessage = "The pain score is a whole number from 0 to 10.")]
    [Display(Name = "Pain score today (0 to 10)")]
    [NumberBox]
    public int? PainScore { get; set; }
}

/// <summary>The note's fields as a partial draws them; <paramref name="Prefix"/> names them ("Note." inside the finish-a-visit form).</summary>
public sealed record TreatmentNoteFields(TreatmentNoteForm Form, string Prefix, int? IntakePainIntensity, bool Exists);

public sealed class TreatmentNotePage
{
    public required int ClientId { get; init; }

    public required string ClientName { get; init; }

    public required int AppointmentId { get; init; }

    public required string Reference { get; init; }

    public required DateTimeOffset LocalStart { get; init; }

    public required string ServiceName { get; init; }

    public required int? IntakePainIntensity { get; init; }

    public required bool Exists { get; init; }

    public required TreatmentNoteForm Form { get; init; }
}

public enum NoteSaveResult
{
    Saved,
    NotFound,
    NotYet,
}

/// <summary>Reads and writes the SOAP note of one visit.</summary>
public sealed class TreatmentNotes(AppDbContext db, PracticeClock clock, ILogger<TreatmentNotes> logger)
{
    /// <summary>A note belongs to a visit that took place (<see cref="VisitPermissions.TherapistMayWriteUp"/>).</summary>
    public static bool MayWrite(AppointmentStatus status, DateTime startUtc, DateTime nowUtc) =>
        VisitPermissions.TherapistMayWriteUp(status, startUtc, nowUtc);

    /// <summary>The "S" of a new note, from the client's own intake answers for that visit.</summary>
    public static string SubjectiveFromIntake(IntakeAssessment? intake)
    {
        if (intake is null)
        {
            return string.Empty;
        }

        var text = new StringBuilder();
        text.AppendLine($"Main complaint: {intake.MainComplaint.Trim()}");
        var areas = IntakeLabels.Describe(intake.PainAreas, IntakeLabels.Areas).ToList();
        text.AppendLine($"Where: {(areas.Count > 0 ? string.Join(", ", areas) : "not given")}");
        text.AppendLine($"Pain at its worst (intake): {intake.PainIntensity}/10");
        if (IntakeLabels.Durations.TryGetValue(intake.Duration, out var duration))
        {
            text.AppendLine($"How long: {duration}");
        }

        var feelings = IntakeLabels.Describe(intake.Feelings, IntakeLabels.Feelings).ToList();
        if (feelings.Count > 0)
        {
            text.AppendLine($"Feels like: {string.Join("; ", feelings)}");
        }

        return text.ToString().TrimEnd();
    }

    public async Task<TreatmentNotePage?> PageAsync(int clientId, int appointmentId, CancellationToken cancellationToken = default)
    {
        var visit = await VisitAsync(clientId, appointmentId, cancellationToken);
        if (visit is null)
        {
            return null;
        }

        var exists = await db.TreatmentNotes.AnyAsync(n => n.AppointmentId == appointmentId, cancellationToken);
        return ToPage(visit, await FormAsync(appointmentId, visit.Intake, cancellationToken), exists);
    }

    /// <summary>The page again around a form that did not validate, keeping what was typed.</summary>
    public async Task<TreatmentNotePage?> PageAsync(int clientId, int appointmentId, TreatmentNoteForm form, CancellationToken cancellationToken = default)
    {
        var visit = await VisitAsync(clientId, appointmentId, cancellationToken);
        return visit is null
            ? null
            : ToPage(visit, form, await db.TreatmentNotes.AnyAsync(n => n.AppointmentId == appointmentId, cancellationToken));
    }

    public async Task<NoteSaveResult> SaveAsync(int clientId, int appointmentId, TreatmentNoteForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var visit = await VisitAsync(clientId, appointmentId, cancellationToken);
        if (visit is null)
        {
            return NoteSaveResult.NotFound;
        }

        var now = clock.UtcNow;
        if (!MayWrite(visit.Status, visit.StartUtc, now))
        {
            return NoteSaveResult.NotYet;
        }

        await ApplyAsync(appointmentId, form, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Treatment note saved for booking {Reference}", visit.Reference);
        return NoteSaveResult.Saved;
    }

    /// <summary>
    /// Writes a validated form into the visit's note (made when it has none) without saving: the
    /// note page saves it alone, finishing a visit saves it with the outcome and the payment.
    /// </summary>
    public async Task ApplyAsync(int appointmentId, TreatmentNoteForm form, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var note = await db.TreatmentNotes.SingleOrDefaultAsync(n => n.AppointmentId == appointmentId, cancellationToken);
        if (note is null)
        {
            note = new TreatmentNote { AppointmentId = appointmentId, Subjective = string.Empty, CreatedUtc = nowUtc };
            db.TreatmentNotes.Add(note);
        }

        note.Subjective = form.Subjective!.Trim();
        note.Objective = Clean(form.Objective);
        note.Assessment = Clean(form.Assessment);
        note.Plan = Clean(form.Plan);
        note.PainScore = form.PainScore!.Value;
        note.UpdatedUtc = nowUtc;
    }

    public Task<bool> ExistsAsync(int appointmentId, CancellationToken cancellationToken = default) =>
        db.TreatmentNotes.AnyAsync(n => n.AppointmentId == appointmentId, cancellationToken);

    /// <summary>The note form for a visit: its note as written, or a new one with the "S" from the intake.</summary>
    public async Task<TreatmentNoteForm> FormAsync(int appointmentId, IntakeAssessment? intake, CancellationToken cancellationToken = default)
    {
        var note = await db.TreatmentNotes.AsNoTracking().SingleOrDefaultAsync(n => n.AppointmentId == appointmentId, cancellationToken);
        return note is null
            ? new TreatmentNoteForm { Subjective = SubjectiveFromIntake(intake) }
            : new TreatmentNoteForm { Subjective = note.Subjective, Objective = note.Objective, Assessment = note.Assessment, Plan = note.Plan, PainScore = note.PainScore };
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private TreatmentNotePage ToPage(Appointment visit, TreatmentNoteForm form, bool exists) => new()
    {
        ClientId = visit.ClientId,
        ClientName = visit.Client!.Name,
        AppointmentId = visit.Id,
        Reference = visit.Reference,
        LocalStart = clock.ToLocal(visit.StartUtc),
        ServiceName = visit.Service!.Name,
        IntakePainIntensity = visit.Intake?.PainIntensity,
        Exists = exists,
        Form = form,
    };

    /// <summary>The visit, only when it is this client's: a mismatched pair of ids finds nothing.</summary>
    private Task<Appointment?> VisitAsync(int clientId, int appointmentId, CancellationToken cancellationToken) =>
        db.Appointments.AsNoTracking()
            .Include(a => a.Client)
            .Include(a => a.Service)
            .Include(a => a.Intake)
            .SingleOrDefaultAsync(a => a.Id == appointmentId && a.ClientId == clientId, cancellationToken);
}
