using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Courses;
using PaulMassage.Web.Features.Screening;
using PaulMassage.Web.Infrastructure.Data.Encryption;
using PaulMassage.Web.Infrastructure.Time;

namespace PaulMassage.Web.Features.Plans;

/// <summary>
/// The client's check-in before a visit of their course: a one-time link, e-mailed some days before
/// (<see cref="CheckInOptions.DaysBefore"/>), to say how the pain is now and what has changed, with
/// the red-flag questions asked again. The answers are health data, encrypted at rest; the link
/// works once, while its visit still stands and has not ended (<see cref="IsOpen"/>, read from the
/// visit as it is now, so a moved visit takes its link along and a cancelled one closes it).
/// Changed only by its own methods.
/// </summary>
public class CheckIn
{
    public const int ChangesMaxLength = 2000;

    public int Id { get; private set; }

    /// <summary>The visit it comes before (one check-in per visit).</summary>
    public int AppointmentId { get; private set; }

    public Appointment? Appointment { get; private set; }

    public int ClientId { get; private set; }

    /// <summary>The visit's booking was linked to the address's own client record (the visit moved with it).</summary>
    public void MoveToClient(int clientId) => ClientId = clientId;

    /// <summary>SHA-256 of the link's token (<see cref="ManageToken.Hash"/>): the database alone opens nothing.</summary>
    public string TokenHash { get; private set; } = string.Empty;

    public DateTime SentUtc { get; private set; }

    public DateTime? AnsweredUtc { get; private set; }

    /// <summary>Pain now, 0 to 10, the intake's scale (health data: encrypted).</summary>
    [Encrypted]
    public int? PainScore { get; private set; }

    /// <summary>What has changed since the last visit, in the client's words (encrypted).</summary>
    [Encrypted]
    public string? Changes { get; private set; }

    /// <summary>Red flags ticked this time (encrypted); any one gave the medical advice and alerted Paul.</summary>
    [Encrypted]
    public RedFlag RedFlags { get; private set; }

    /// <summary>Paul was alerted: a red flag, or a score clearly worse than the last one.</summary>
    public bool Alerted { get; private set; }

    public static CheckIn Send(Appointment visit, string tokenHash, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(visit);
        return new CheckIn { AppointmentId = visit.Id, ClientId = visit.ClientId, TokenHash = tokenHash, SentUtc = nowUtc };
    }

    /// <summary>
    /// Open to an answer: not answered yet, and its visit, as it stands now, still holds its time
    /// and has not ended. Read from the visit rather than copied at sending, so that moving the
    /// visit moves the link's end and cancelling it closes the link.
    /// </summary>
    public bool IsOpen(Appointment visit, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(visit);
        if (visit.Id != AppointmentId)
        {
            throw new ArgumentException("The check-in is for another visit.", nameof(visit));
        }

        return AnsweredUtc is null && BookingStateMachine.HoldsTime(visit.Status) && nowUtc < visit.EndUtc;
    }

    /// <summary>
    /// What its page shows, beside <see cref="IsOpen"/>: answered, open, closed because the visit
    /// is over (given, missed, or its time has passed), or called off (cancelled, declined).
    /// </summary>
    public CheckInState StateFor(Appointment visit, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(visit);
        return AnsweredUtc is not null ? CheckInState.Answered
            : IsOpen(visit, nowUtc) ? CheckInState.Open
            : BookingStateMachine.HoldsTime(visit.Status) || visit.Status is AppointmentStatus.Completed or AppointmentStatus.NoShow ? CheckInState.Closed
            : CheckInState.VisitCalledOff;
    }

    /// <summary>Records the answers once; <paramref name="alert"/> says Paul was told.</summary>
    public void Answer(Appointment visit, int? painScore, string? changes, RedFlag redFlags, bool alert, DateTime nowUtc)
    {
        if (!IsOpen(visit, nowUtc))
        {
            throw new InvalidOperationException("This check-in is closed.");
        }

        PainScore = painScore;
        Changes = string.IsNullOrWhiteSpace(changes) ? null : changes.Trim();
        RedFlags = redFlags;
        Alerted = alert;
        AnsweredUtc = nowUtc;
    }
}

/// <summary>The check-ins' one setting: how many days before each visit of a course the link goes out (0: none).</summary>
public sealed class CheckInOptions
{
    public const string Section = "CheckIns";

    public int DaysBefore { get; set; } = 2;
}

/// <summary>When a check-in goes out, and when an answer needs Paul: plain rules, no database.</summary>
public static class CheckInRules
{
    /// <summary>A score this much above the last one is "clearly worse": Paul is told, red flag or not.</summary>
    public const int WorseBy = 2;

    /// <summary>
    /// The UTC instant from which the check-in of a visit starting at <paramref name="startUtc"/> is
    /// due: <paramref name="sendTime"/> London time, <paramref name="daysBefore"/> local days before
    /// the visit's local day (the reminder's rule, <see cref="PracticeClock.LocalDaysBefore"/>, with the days set apart).
    /// </summary>
    public static DateTime DueUtc(DateTime startUtc, TimeZoneInfo zone, int daysBefore, TimeOnly sendTime) =>
        PracticeClock.LocalDaysBefore(startUtc, daysBefore, sendTime, zone);

    /// <summary>
    /// Due now: the day has come and the visit has not started. Never with check-ins turned off.
    /// Unlike the reminder (<see cref="Notifications.ReminderSchedule.MinimumLead"/>) it is still sent in
    /// the last hour: its red-flag questions are worth asking however late.
    /// </summary>
    public static bool IsDue(DateTime startUtc, DateTime nowUtc, TimeZoneInfo zone, int daysBefore, TimeOnly sendTime) =>
        daysBefore > 0 && nowUtc >= DueUtc(startUtc, zone, daysBefore, sendTime) && nowUtc < startUtc;

    /// <summary>
    /// The visit is one of the sessions of the client's current course: counted in order among the
    /// course's completed and booked visits (<see cref="CourseProgress"/>), it falls within the
    /// sessions planned. A visit after the course's last session, or outside it, gets no check-in:
    /// a course that ended long ago does not make every later visit one of it.
    /// </summary>
    public static bool IsCourseSession(CourseProgressResult currentCourse, int appointmentId)
    {
        ArgumentNullException.ThrowIfNull(currentCourse);
        var position = currentCourse.DoneVisits.Concat(currentCourse.BookedVisits)
            .OrderBy(v => v.StartUtc)
            .Select(v => v.AppointmentId)
            .ToList()
            .IndexOf(appointmentId);
        return position >= 0 && position < currentCourse.Planned;
    }

    /// <summary>Clearly worse than the last score Paul has (a visit's, or an earlier check-in's).</summary>
    public static bool IsClearlyWorse(int score, int? lastScore) => lastScore is int last && score - last >= WorseBy;
}
