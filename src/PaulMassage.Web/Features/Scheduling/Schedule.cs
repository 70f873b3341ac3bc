using PaulMassage.Web.Features.Booking;

namespace PaulMassage.Web.Features.Scheduling;

/// <summary>
/// A time a visit takes on the calendar: its own, or the other time proposed to its client while
/// the visit waits for the client's answer (such a visit holds both).
/// </summary>
public sealed record VisitTime(int AppointmentId, AppointmentStatus Status, DateTime StartUtc, DateTime EndUtc, bool IsProposedTime = false, string? Postcode = null)
{
    /// <summary>Blocks other visits (with the travel time around it); false for a visit that is over.</summary>
    public bool HoldsTime => BookingStateMachine.HoldsTime(Status);

    public BusyInterval Interval => new(StartUtc, EndUtc);

    /// <summary>The visit's time with its place's travel zone, as the availability rules weigh it.</summary>
    public BusyInterval In(TravelTimes travel) => new(StartUtc, EndUtc, travel.ZoneOf(Postcode));
}

/// <summary>A stretch of time off: a holiday, training, a part day off.</summary>
public sealed record TimeOffPeriod(DateTime StartUtc, DateTime EndUtc, string? Reason)
{
    public BusyInterval Interval => new(StartUtc, EndUtc);
}

/// <summary>
/// What is on the calendar around a UTC window (<see cref="AvailabilityService.ScheduleAsync"/>):
/// every visit time, of any status, that can reach into the window with its travel time, and the
/// time off that overlaps it.
/// </summary>
public sealed record Schedule(IReadOnlyList<VisitTime> Visits, IReadOnlyList<TimeOffPeriod> TimeOff);
