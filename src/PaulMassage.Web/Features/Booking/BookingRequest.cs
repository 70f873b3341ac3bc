using PaulMassage.Web.Features.Clients;
using PaulMassage.Web.Features.Scheduling;
using PaulMassage.Web.Features.Screening;

namespace PaulMassage.Web.Features.Booking;

/// <summary>
/// A home-visit request as the booking rules see it, already checked for shape by the form.
/// <see cref="Booker"/> says who is asking; for a signed-in client <see cref="Email"/> is the
/// account's confirmed address, never a typed one.
/// </summary>
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
    IntakeDetails Intake,
    Booker Booker,
    bool NoReviewRequests = false);

public sealed record IntakeDetails(
    string MainComplaint,
    BodyArea PainAreas,
    int PainIntensity,
    PainDuration Duration,
    PainFeeling Feelings,
    Contraindication Contraindications,
    string? MedicalHistory,
    RedFlag RedFlags,
    bool SeenByGpSince = false);

/// <summary>What became of a request.</summary>
public abstract record BookingOutcome
{
    /// <summary>Stored. <paramref name="AddressCheckSent"/>: the booker was not signed in, so the address was sent a link to prove it.</summary>
    public sealed record Accepted(string Reference, string ManageToken, bool NeedsReview, bool AddressCheckSent = false) : BookingOutcome;

    /// <summary>Another visit took the slot first.</summary>
    public sealed record SlotTaken(IReadOnlyList<FreeSlot> Alternatives) : BookingOutcome;

    /// <summary>The time is not one the practice offers (any more): too soon, too far ahead, or outside working hours.</summary>
    public sealed record SlotNotOffered(IReadOnlyList<FreeSlot> Alternatives) : BookingOutcome;

    public sealed record OutOfArea(string District) : BookingOutcome;

    public sealed record StoppedForSafety(ScreeningResult Screening) : BookingOutcome;

    public sealed record UnknownService : BookingOutcome;
}
