using PaulMassage.Web.Features.Booking;

namespace PaulMassage.Web.Features.ClientVisits;

/// <summary>The page where a client picks a new time for a visit (or learns why they cannot).</summary>
public sealed class MoveVisitPage
{
    public required MovableVisit Visit { get; init; }

    /// <summary>Where the form posts: the manage link's or the account's move address.</summary>
    public required string FormAction { get; init; }

    /// <summary>Where "back" goes: the manage page or the account page.</summary>
    public required string BackLink { get; init; }

    public required bool MayMove { get; init; }

    /// <summary>Set when the visit may not be moved because it starts within 24 hours.</summary>
    public bool TooLate { get; init; }

    public DateOnly WeekStart { get; init; }

    public DateOnly? PreviousWeek { get; init; }

    public DateOnly? NextWeek { get; init; }

    public IReadOnlyList<SlotDay> Days { get; init; } = [];

    /// <summary>Why the last attempt was refused, if it was.</summary>
    public string? Refusal { get; init; }
}
