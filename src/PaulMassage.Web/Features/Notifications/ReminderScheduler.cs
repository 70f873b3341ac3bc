using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Infrastructure.Data;
using PaulMassage.Web.Infrastructure.Time;

namespace PaulMassage.Web.Features.Notifications;

/// <summary>
/// Queues the day-before reminders of confirmed visits. Each visit is marked when its reminder is
/// queued (in the same save as the outbox row), and the row's unique key stops a second instance
/// racing for the same visit: a reminder is queued once per visit and time, never for a visit that
/// is not confirmed.
/// </summary>
public sealed class ReminderScheduler(
    AppDbContext db,
    BookingNotifications notifications,
    PracticeClock clock,
    IOptions<EmailOptions> options,
    ILogger<ReminderScheduler> logger)
{
    public async Task<int> QueueDueRemindersAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.UtcNow;
        var horizon = now.AddDays(2); // the reminder is due at most two local days ahead
        var candidates = await db.Appointments.AsNoTracking()
            .Where(a => a.Status == AppointmentStatus.Confirmed && a.ReminderQueuedUtc == null && a.StartUtc > now && a.StartUtc <= horizon)
            .OrderBy(a => a.StartUtc)
            .Select(a => new { a.Id, a.StartUtc })
            .ToListAsync(cancellationToken);
        var queued = 0;
        foreach (var candidate in candidates.Where(c => ReminderSchedule.IsDue(c.StartUtc, now, clock.TimeZone, options.Value.ReminderTime)))
        {
            // Loaded one at a time, tracked, so each reminder is saved (or refused) on its own.
            var appointment = await db.Appointments.Include(a => a.Client).Include(a => a.Service)
                .SingleOrDefaultAsync(a => a.Id == candidate.Id && a.Status == AppointmentStatus.Confirmed && a.ReminderQueuedUtc == null, cancellationToken);
            if (appointment is null || appointment.StartUtc != candidate.StartUtc)
            {
                continue;
            }

            await notifications.ReminderAsync(appointment, cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                queued++;
                db.ChangeTracker.Clear();
                logger.LogInformation("Reminder queued for booking {Reference}", appointment.Reference);
            }
            catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || UniqueViolation.Involves(ex, "OutboxMessages"))
            {
                // Changed meanwhile (cancelled, moved) or queued by another instance: nothing to add.
                db.ChangeTracker.Clear();
                logger.LogInformation("Reminder for booking {Reference} not queued: the visit changed or another instance queued it", appointment.Reference);
            }
        }

        return queued;
    }
}
