namespace PaulMassage.Web.Features.Screening;

/// <summary>
/// The client's answers about their back, kept per request. Health data: only the therapist and
/// the client it belongs to may see it, and it is never logged.
/// </summary>
public class IntakeAssessment
{
    public int Id { get; set; }

    public int AppointmentId { get; set; }

    /// <summary>The main complaint in the client's own words.</summary>
    public required string MainComplaint { get; set; }

    public BodyArea PainAreas { get; set; }

    /// <summary>0 (none) to 10 (worst imaginable).</summary>
    public int PainIntensity { get; set; }

    public PainDuration Duration { get; set; }

    public PainFeeling Feelings { get; set; }

    public Contraindication Contraindications { get; set; }

    public string? MedicalHistory { get; set; }

    public ScreeningOutcome Outcome { get; set; }

    public DateTime HealthDataConsentUtc { get; set; }

    public DateTime CancellationPolicyAcceptedUtc { get; set; }
}
