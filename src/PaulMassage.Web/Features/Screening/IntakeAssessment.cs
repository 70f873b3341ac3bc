using PaulMassage.Web.Infrastructure.Data.Encryption;

namespace PaulMassage.Web.Features.Screening;

/// <summary>
/// The client's answers about their back, kept per request. Health data: only the therapist and
/// the client it belongs to may see it, and it is never logged. Every answer is stored encrypted
/// ([Encrypted]), so none can be used in a query's WHERE or ORDER BY: filter on the appointment.
/// </summary>
public class IntakeAssessment
{
    public int Id { get; set; }

    public int AppointmentId { get; set; }

    /// <summary>The main complaint in the client's own words.</summary>
    [Encrypted]
    public required string MainComplaint { get; set; }

    [Encrypted]
    public BodyArea PainAreas { get; set; }

    /// <summary>0 (none) to 10 (worst imaginable).</summary>
    [Encrypted]
    public int PainIntensity { get; set; }

    [Encrypted]
    public PainDuration Duration { get; set; }

    [Encrypted]
    public PainFeeling Feelings { get; set; }

    [Encrypted]
    public Contraindication Contraindications { get; set; }

    [Encrypted]
    public string? MedicalHistory { get; set; }

    public ScreeningOutcome Outcome { get; set; }

    public DateTime HealthDataConsentUtc { get; set; }

    public DateTime CancellationPolicyAcceptedUtc { get; set; }
}
