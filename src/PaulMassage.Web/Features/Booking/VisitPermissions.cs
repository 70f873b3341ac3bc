namespace PaulMassage.Web.Features.Booking;

/// <summary>
/// What the client and the therapist may do with a visit now: one statement per action, read by the
/// pages that show the buttons (through <see cref="Appointment"/>'s methods, or directly for a
/// projection) and by the services that do the work. Which status changes exist at all is
/// <see cref="BookingStateMachine"/>'s; these add who may make them, and when.
/// </summary>
public static class VisitPermissions
{
    /// <summary>Until 24 hours before the visit (<see cref="CancellationPolicy"/>), whatever its answer so far.</summary>
    public static bool ClientMayCancel(AppointmentStatus status, DateTime startUtc, DateTimeOffset now) =>
        ClientMayCallOff(status) && CancellationPolicy.ClientMayCancel(startUtc, now);

    /// <summary>
    /// Requested or confirmed, until 24 hours before. Not while another time is proposed: the visit
    /// then holds two times and Paul waits for an answer, and a move would leave his proposal hanging
    /// with a third time. The client answers it first (accept, or turn it down) or cancels.
    /// </summary>
    public static bool ClientMayMove(AppointmentStatus status, DateTime startUtc, DateTimeOffset now) =>
        status is AppointmentStatus.Requested or AppointmentStatus.Confirmed && CancellationPolicy.ClientMayCancel(startUtc, now);

    /// <summary>The visit is still open but starts within 24 hours: the client has to phone or e-mail Paul.</summary>
    public static bool ClientMustContactTherapist(AppointmentStatus status, DateTime startUtc, DateTimeOffset now) =>
        ClientMayCallOff(status) && !CancellationPolicy.ClientMayCancel(startUtc, now);

    /// <summary>A request, while its time is still ahead.</summary>
    public static bool TherapistMayConfirm(AppointmentStatus status, DateTime startUtc, DateTime nowUtc) =>
        status == AppointmentStatus.Requested && !HasStarted(startUtc, nowUtc);

    /// <summary>A request, or one waiting for the answer to his proposed time (declining withdraws it).</summary>
    public static bool TherapistMayDecline(AppointmentStatus status) =>
        status is AppointmentStatus.Requested or AppointmentStatus.AlternativeProposed;

    /// <summary>A request he has not answered yet; one proposal at a time.</summary>
    public static bool TherapistMayPropose(AppointmentStatus status) => status == AppointmentStatus.Requested;

    /// <summary>Completed or no-show: a confirmed visit, once its time has come.</summary>
    public static bool TherapistMayRecordOutcome(AppointmentStatus status, DateTime startUtc, DateTime nowUtc) =>
        status == AppointmentStatus.Confirmed && HasStarted(startUtc, nowUtc);

    /// <summary>
    /// A confirmed visit until it ends (he is ill, the car broke down, the client phoned). A request
    /// is declined instead, and a visit that has ended gets its outcome recorded.
    /// </summary>
    public static bool TherapistMayCancel(AppointmentStatus status, DateTime endUtc, DateTime nowUtc) =>
        status == AppointmentStatus.Confirmed && nowUtc < endUtc;

    /// <summary>
    /// A confirmed visit, to a time agreed with the client, until it starts. A request gets another
    /// time proposed instead, which the client accepts or not.
    /// </summary>
    public static bool TherapistMayMove(AppointmentStatus status, DateTime startUtc, DateTime nowUtc) =>
        status == AppointmentStatus.Confirmed && nowUtc < startUtc;

    /// <summary>
    /// "Cancelled late by the client": a confirmed visit, once the client can no longer cancel it
    /// online (inside the notice period, or after it started). What the late-cancellation fee and the
    /// reports count.
    /// </summary>
    public static bool TherapistMayRecordLateCancellation(AppointmentStatus status, DateTime startUtc, DateTime nowUtc) =>
        status == AppointmentStatus.Confirmed && !CancellationPolicy.ClientMayCancel(startUtc, new DateTimeOffset(nowUtc, TimeSpan.Zero));

    /// <summary>How long before a visit Paul may tell the client he is on his way.</summary>
    public static readonly TimeSpan ArrivalNoticeWindow = TimeSpan.FromHours(12);

    /// <summary>"I'm on my way": a confirmed visit that starts within the next 12 hours and has not ended.</summary>
    public static bool TherapistMayAnnounceArrival(AppointmentStatus status, DateTime startUtc, DateTime endUtc, DateTime nowUtc) =>
        status == AppointmentStatus.Confirmed && nowUtc < endUtc && startUtc - nowUtc <= ArrivalNoticeWindow;

    /// <summary>
    /// Writing up a visit (the treatment note, the client's plan): one that took place, so completed,
    /// or confirmed and already started (he may write it up before he records the outcome).
    /// </summary>
    public static bool TherapistMayWriteUp(AppointmentStatus status, DateTime startUtc, DateTime nowUtc) =>
        status == AppointmentStatus.Completed || (status == AppointmentStatus.Confirmed && HasStarted(startUtc, nowUtc));

    public static bool HasStarted(DateTime startUtc, DateTime nowUtc) => startUtc <= nowUtc;

    /// <summary>Requested, confirmed or with a time proposed: open, and holding time.</summary>
    private static bool ClientMayCallOff(AppointmentStatus status) => BookingStateMachine.HoldsTime(status);
}
