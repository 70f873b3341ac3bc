using PaulMassage.Web.Features.Scheduling;
using PaulMassage.Web.Features.Screening;

namespace PaulMassage.Web.Features.Booking;

/// <summary>A home-visit request as the booking rules see it, already checked for shape by the form.</summary>
public sealed record BookingRequest(
    string ServiceSlug,
    int Minutes,
    DateTime StartUtc,
    UkPostcode Postcode,
    string Name,
    string Email,
    string Phone,
    string AddressLine1,
    string? AddressLine2,
    string Town,
    string? AccessNotes,
    IntakeDetails Intake);

public sealed record IntakeDetails(
    string MainComplaint,
    BodyArea PainAreas,
    int PainIntensity,
    PainDuration Duration,
    PainFeeling Feelings,
    Contraindication Contraindications,
    string? MedicalHistory,
    RedFlag RedFlags);

/// <summary>What became of a request.</summary>
public abstract record BookingOutcome
{
    public sealed record Accepted(string Reference, string ManageToken, bool NeedsReview) : BookingOutcome;

    /// <summary>Another visit took the slot first.</summary>
    public sealed record SlotTaken(IReadOnlyList<FreeSlot> Alternatives) : BookingOutcome;

    /// <summary>The time is not one the practice offers (any more): too soon, too far ahead, or outside working hours.</summary>
    public sealed record SlotNotOffered(IReadOnlyList<FreeSlot> Alternatives) : BookingOutcome;

    public sealed record OutOfArea(string District) : BookingOutcome;

    public sealed record StoppedForSafety(ScreeningResult Screening) : BookingOutcome;

    public sealed record UnknownService : BookingOutcome;
}
