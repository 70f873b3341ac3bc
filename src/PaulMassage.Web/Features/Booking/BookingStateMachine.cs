namespace PaulMassage.Web.Features.Booking;

/// <summary>
/// Which status changes a visit may go through. The one place that says so, so that a
/// controller, a background job or the back office cannot invent a transition of its own.
/// </summary>
public static class BookingStateMachine
{
    private static readonly Dictionary<AppointmentStatus, AppointmentStatus[]> Allowed = new()
    {
        [AppointmentStatus.Requested] =
            [AppointmentStatus.Confirmed, AppointmentStatus.Declined, AppointmentStatus.Cancelled, AppointmentStatus.AlternativeProposed],
        [AppointmentStatus.AlternativeProposed] =
            [AppointmentStatus.Confirmed, AppointmentStatus.Declined, AppointmentStatus.Cancelled],
        [AppointmentStatus.Confirmed] =
            [AppointmentStatus.Cancelled, AppointmentStatus.Completed, AppointmentStatus.NoShow],
        [AppointmentStatus.Declined] = [],
        [AppointmentStatus.Cancelled] = [],
        [AppointmentStatus.Completed] = [],
        [AppointmentStatus.NoShow] = [],
    };

    public static bool CanMove(AppointmentStatus from, AppointmentStatus to) =>
        Allowed.TryGetValue(from, out var targets) && targets.Contains(to);

    public static IReadOnlyList<AppointmentStatus> NextStatuses(AppointmentStatus from) =>
        Allowed.TryGetValue(from, out var targets) ? targets : [];

    /// <summary>Statuses that hold a place in the calendar, so no other visit may overlap them.</summary>
    public static bool HoldsTime(AppointmentStatus status) =>
        status is AppointmentStatus.Requested or AppointmentStatus.Confirmed or AppointmentStatus.AlternativeProposed;

    public static bool IsFinal(AppointmentStatus status) => NextStatuses(status).Count == 0;
}

/// <summary>Thrown when a status change breaks <see cref="BookingStateMachine"/>.</summary>
public sealed class InvalidStatusChangeException(AppointmentStatus from, AppointmentStatus to)
    : InvalidOperationException($"A visit cannot go from {from} to {to}.")
{
    public AppointmentStatus From { get; } = from;

    public AppointmentStatus To { get; } = to;
}
