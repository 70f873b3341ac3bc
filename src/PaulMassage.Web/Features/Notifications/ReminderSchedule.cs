using PaulMassage.Web.Infrastructure.Time;

namespace PaulMassage.Web.Features.Notifications;

/// <summary>
/// When the day-before reminder of a visit goes out: from a set local time (Europe/London) on the
/// local day before the visit, so it follows the clocks when they change, and not in the last hour.
/// </summary>
public static class ReminderSchedule
{
    /// <summary>A reminder this close to the visit is not worth sending.</summary>
    public static readonly TimeSpan MinimumLead = TimeSpan.FromHours(1);

    /// <summary>The UTC instant from which the reminder of a visit starting at <paramref name="startUtc"/> is due.</summary>
    public static DateTime DueUtc(DateTime startUtc, TimeZoneInfo zone, TimeOnly reminderTime) =>
        PracticeClock.LocalDaysBefore(startUtc, 1, reminderTime, zone);

    /// <summary>Whether the reminder should go now (it is due and the visit is still far enough ahead).</summary>
    public static bool IsDue(DateTime startUtc, DateTime nowUtc, TimeZoneInfo zone, TimeOnly reminderTime) =>
        nowUtc >= DueUtc(startUtc, zone, reminderTime) && nowUtc < startUtc - MinimumLead;

    /// <summary>
    /// Whether an e-mail that states the visit's time, sent now, makes the reminder unnecessary:
    /// it is sent inside the reminder window, so a reminder would follow it within minutes.
    /// </summary>
    public static bool CoveredBy(DateTime startUtc, DateTime nowUtc, TimeZoneInfo zone, TimeOnly reminderTime) =>
        nowUtc >= DueUtc(startUtc, zone, reminderTime);
}
