using Microsoft.EntityFrameworkCore;
using PaulMassage.Web.Features.Notifications;
using PaulMassage.Web.Infrastructure.Data;
using PaulMassage.Web.Infrastructure.Time;

namespace PaulMassage.Web.Features.Calendar;

public enum OnMyWayResult
{
    Sent,
    NotFound,
    NotNow,
}

/// <summary>
/// "I'm on my way" from the day agenda: the client is e-mailed the time Paul expects to arrive, and
/// the agenda shows what he told them.
/// </summary>
public sealed class OnMyWay(AppDbContext db, BookingNotifications notifications, PracticeClock clock, ILogger<OnMyWay> logger)
{
    /// <summary>The choices on the agenda, in minutes from now.</summary>
    public static readonly IReadOnlyList<int> MinutesAway = [10, 20, 30, 45, 60];

    public async Task<(OnMyWayResult Result, DateTimeOffset? ArrivalLocal)> SendAsync(int appointmentId, int minutesAway, CancellationToken cancellationToken = default)
    {
        if (!MinutesAway.Contains(minutesAway))
        {
            return (OnMyWayResult.NotNow, null);
        }

        var appointment = await db.Appointments.SingleOrDefaultAsync(a => a.Id == appointmentId, cancellationToken);
        if (appointment is null)
        {
            return (OnMyWayResult.NotFound, null);
        }

        var now = clock.UtcNow;
        if (!appointment.TherapistMayAnnounceArrival(now))
        {
            return (OnMyWayResult.NotNow, null);
        }

        appointment.AnnounceArrival(ArrivalAfter(now, minutesAway), now);
        await notifications.OnMyWayAsync(appointment, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Booking {Reference}: the therapist is on his way ({Minutes} min)", appointment.Reference, minutesAway);
        return (OnMyWayResult.Sent, clock.ToLocal(appointment.AnnouncedArrivalUtc!.Value));
    }

    /// <summary>Now plus the minutes, rounded up to the next five minutes: "about 14:20", not "about 14:17".</summary>
    public static DateTime ArrivalAfter(DateTime nowUtc, int minutesAway)
    {
        var arrival = nowUtc.AddMinutes(minutesAway);
        var fiveMinutes = TimeSpan.FromMinutes(5).Ticks;
        var remainder = arrival.Ticks % fiveMinutes;
        return remainder == 0 ? arrival : new DateTime(arrival.Ticks - remainder + fiveMinutes, DateTimeKind.Utc);
    }
}
