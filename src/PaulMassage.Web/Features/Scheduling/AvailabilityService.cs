using Microsoft.EntityFrameworkCore;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Infrastructure.Data;
using PaulMassage.Web.Infrastructure.Time;

namespace PaulMassage.Web.Features.Scheduling;

/// <summary>Loads what the availability calculation needs for a date range and runs it.</summary>
public sealed class AvailabilityService(AppDbContext db, SchedulingSettings settings, PracticeClock clock)
{
    /// <summary>No visit is longer than this; it bounds the range query from below.</summary>
    private static readonly TimeSpan LongestVisit = TimeSpan.FromHours(4);

    public async Task<IReadOnlyList<FreeSlot>> FreeSlotsAsync(int minutes, DateOnly fromLocal, int days, CancellationToken cancellationToken = default)
    {
        var snapshot = await settings.GetAsync(cancellationToken);

        // Nothing is bookable before today or past the booking horizon: clamp the range to that
        // window, so any date a visitor types (0001-01-01, 9999-12-31) is answered with no slots.
        var today = clock.Today;
        var lastDay = today.AddDays(snapshot.Rules.BookingHorizonDays + 1);
        if (days <= 0 || fromLocal > lastDay)
        {
            return [];
        }

        var end = fromLocal.DayNumber + (long)days > lastDay.DayNumber ? lastDay : fromLocal.AddDays(days);
        fromLocal = fromLocal < today ? today : fromLocal;
        days = end.DayNumber - fromLocal.DayNumber;
        if (days <= 0)
        {
            return [];
        }

        var rangeStart = clock.StartOfDayUtc(fromLocal);
        var rangeEnd = clock.StartOfDayUtc(fromLocal.AddDays(days));
        var (visits, timeOff) = await BusyAsync(rangeStart, rangeEnd, snapshot.Rules.TravelBufferMinutes, cancellationToken);
        return new AvailabilityCalculator(snapshot.Rules, clock.TimeZone).FreeSlots(fromLocal, days, minutes, visits, timeOff, clock.Now);
    }

    public async Task<bool> IsFreeAsync(DateTime startUtc, int minutes, CancellationToken cancellationToken = default)
    {
        if (startUtc < clock.UtcNow.AddDays(-1) || startUtc > clock.UtcNow.AddYears(1))
        {
            return false; // far outside any booking window (and clear of DateTime's edges)
        }

        var localDay = DateOnly.FromDateTime(clock.ToLocal(startUtc).DateTime);
        var slots = await FreeSlotsAsync(minutes, localDay, 1, cancellationToken);
        return slots.Any(s => s.StartUtc == startUtc);
    }

    /// <summary>
    /// Blocking visits and time off around a range, in one indexed query each: both ends of the
    /// range are bounded on the start column, so the index on StartUtc is used as a range scan.
    /// </summary>
    private async Task<(List<BusyInterval> Visits, List<BusyInterval> TimeOff)> BusyAsync(
        DateTime rangeStart, DateTime rangeEnd, int bufferMinutes, CancellationToken cancellationToken)
    {
        var buffer = TimeSpan.FromMinutes(bufferMinutes);
        var from = rangeStart - buffer - LongestVisit;
        var to = rangeEnd + buffer;
        var visits = await db.Appointments.AsNoTracking()
            .Where(a => a.StartUtc >= from && a.StartUtc < to
                && (a.Status == AppointmentStatus.Requested || a.Status == AppointmentStatus.Confirmed || a.Status == AppointmentStatus.AlternativeProposed))
            .Select(a => new BusyInterval(a.StartUtc, a.EndUtc))
            .ToListAsync(cancellationToken);
        var timeOff = await db.TimeOff.AsNoTracking()
            .Where(t => t.StartUtc < rangeEnd && t.EndUtc > rangeStart)
            .Select(t => new BusyInterval(t.StartUtc, t.EndUtc))
            .ToListAsync(cancellationToken);
        return (visits, timeOff);
    }
}
