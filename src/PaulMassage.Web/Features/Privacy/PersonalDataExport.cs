namespace PaulMassage.Web.Features.Privacy;

/// <summary>
/// Everything the practice holds about a client, as the JSON file they download. An account may own
/// several client records: <see cref="Client"/> is the first (oldest) of them, <see cref="ClientRecords"/>
/// lists each one's details, and the other lists hold the data of every record together.
/// </summary>
public sealed record PersonalDataExport(
    DateTime ExportedAtUtc,
    string Practice,
    string Scope,
    ExportedClient? Client,
    ExportedAccount? Account,
    IReadOnlyList<ExportedAppointment> Appointments,
    IReadOnlyList<ExportedErasureRequest> ErasureRequests,
    IReadOnlyDictionary<string, object?> Other,
    IReadOnlyList<ExportedClient> ClientRecords);

public sealed record ExportedClient(string Name, string Email, string Phone, DateTime CreatedUtc);

public sealed record ExportedAccount(string? Email, string? DisplayName, bool EmailConfirmed, bool TwoFactorEnabled, IReadOnlyList<string> Roles);

public sealed record ExportedAppointment(
    string Reference,
    string Service,
    int DurationMinutes,
    decimal PriceGbp,
    DateTime StartUtc,
    DateTimeOffset StartLocal,
    string Status,
    ExportedAddress Address,
    string? AccessNotes,
    string? DeclineReason,
    DateTime CreatedUtc,
    ExportedIntake? Intake,
    IReadOnlyList<ExportedEvent> History);

public sealed record ExportedAddress(string Line1, string? Line2, string Town, string Postcode);

public sealed record ExportedIntake(
    string MainComplaint,
    IReadOnlyList<string> PainAreas,
    int PainIntensity,
    string Duration,
    IReadOnlyList<string> Feelings,
    IReadOnlyList<string> Contraindications,
    string? MedicalHistory,
    string ScreeningOutcome,
    DateTime HealthDataConsentUtc,
    DateTime CancellationPolicyAcceptedUtc);

public sealed record ExportedEvent(string? From, string To, string By, DateTime AtUtc, string? Note);

public sealed record ExportedErasureRequest(DateTime RequestedUtc, DateTime? CompletedUtc);
