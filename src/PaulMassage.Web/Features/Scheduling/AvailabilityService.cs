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

    public Task<IReadOnlyList<FreeSlot>> FreeSlotsAsync(int minutes, DateOnly fromLocal, int days, CancellationToken cancellationToken = default) =>
        FreeSlotsAsync(minutes, fromLocal, days, null, cancellationToken);

    /// <param name="ignoringAppointmentId">A visit being moved: its own time does not block its new one.</param>
    public async Task<IReadOnlyList<FreeSlot>> FreeSlotsAsync(int minutes, DateOnly fromLocal, int days, int? ignoringAppointmentId, CancellationToken cancellationToken = default)
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
        var (visits, timeOff) = await BusyAsync(rangeStart, rangeEnd, snapshot.Rules.TravelBufferMinutes, ignoringAppointmentId, cancellationToken);
        return new AvailabilityCalculator(snapshot.Rules, clock.TimeZone).FreeSlots(fromLocal, days, minutes, visits, timeOff, clock.Now);
    }

    public Task<bool> IsFreeAsync(DateTime startUtc, int minutes, CancellationToken cancellationToken = default) =>
        IsFreeAsync(startUtc, minutes, null, cancellationToken);

    public async Task<bool> IsFreeAsync(DateTime startUtc, int minutes, int? ignoringAppointmentId, CancellationToken cancellationToken = default) =>
        await CheckAsync(startUtc, minutes, ignoringAppointmentId, cancellationToken) == SlotCheck.Free;

    /// <summary>Whether a start is free, taken by another visit, or not offered at all.</summary>
    public async Task<SlotCheck> CheckAsync(DateTime startUtc, int minutes, int? ignoringAppointmentId = null, CancellationToken cancellationToken = default)
    {
        if (IsFarOutside(startUtc))
        {
            return SlotCheck.NotOffered;
        }

        var snapshot = await settings.GetAsync(cancellationToken);
        var localDay = DateOnly.FromDateTime(clock.ToLocal(startUtc).DateTime);
        var (visits, timeOff) = await BusyAsync(clock.StartOfDayUtc(localDay), clock.StartOfDayUtc(localDay.AddDays(1)), snapshot.Rules.TravelBufferMinutes, ignoringAppointmentId, cancellationToken);
        return new AvailabilityCalculator(snapshot.Rules, clock.TimeZone).Check(startUtc, minutes, visits, timeOff, clock.Now);
    }

    /// <summary>Why a visit could not start at a time, or null when it can.</summary>
    public async Task<SlotClash?> ClashAsync(DateTime startUtc, int minutes, int? ignoringAppointmentId = null, CancellationToken cancellationToken = default)
    {
        if (IsFarOutside(startUtc))
        {
            return startUtc < clock.UtcNow ? SlotClash.TooSoon : SlotClash.TooFarAhead;
        }

        var snapshot = await settings.GetAsync(cancellationToken);
        var (visits, timeOff) = await BusyAsync(startUtc, startUtc.AddMinutes(minutes), snapshot.Rules.TravelBufferMinutes, ignoringAppointmentId, cancellationToken);
        return SlotClashExplainer.Explain(snapshot.Rules, clock.TimeZone, startUtc, minutes, visits, timeOff, clock.Now);
    }

    /// <summary>Far outside any booking window, and so clear of DateTime's edges for the arithmetic that follows.</summary>
    private bool IsFarOutside(DateTime startUtc) => startUtc < clock.UtcNow.AddDays(-1) || startUtc > clock.UtcNow.AddYears(1);

    /// <summary>
    /// Blocking visits and time off around a range, in one indexed query each: both ends of the
    /// range are bounded on the start column, so the index on StartUtc is used as a range scan.
    /// </summary>
    private async Task<(List<BusyInterval> Visits, List<BusyInterval> TimeOff)> BusyAsync(
        DateTime rangeStart, DateTime rangeEnd, int bufferMinutes, int? ignoringAppointmentId, CancellationToken cancellationToken)
    {
        var buffer = TimeSpan.FromMinutes(bufferMinutes);
        var from = rangeStart - buffer - LongestVisit;
        var to = rangeEnd + buffer;
        var visits = await db.Appointments.AsNoTracking()
            .Where(a => a.StartUtc >= from && a.StartUtc < to && a.Id != ignoringAppointmentId
                && (a.Status == AppointmentStatus.Requested || a.Status == AppointmentStatus.Confirmed || a.Status == AppointmentStatus.AlternativeProposed))
            .Select(a => new BusyInterval(a.StartUtc, a.EndUtc))
            .ToListAsync(cancellationToken);

        // A visit waiting for the client's answer to another time holds that time too.
        var proposals = await db.Appointments.AsNoTracking()
            .Where(a => a.Status == AppointmentStatus.AlternativeProposed && a.ProposedStartUtc >= from && a.ProposedStartUtc < to && a.Id != ignoringAppointmentId)
            .Select(a => new { a.ProposedStartUtc, a.DurationMinutes })
            .ToListAsync(cancellationToken);
        visits.AddRange(proposals.Select(p => new BusyInterval(p.ProposedStartUtc!.Value, p.ProposedStartUtc.Value.AddMinutes(p.DurationMinutes))));
        var timeOff = await db.TimeOff.AsNoTracking()
            .Where(t => t.StartUtc < rangeEnd && t.EndUtc > rangeStart)
            .Select(t => new BusyInterval(t.StartUtc, t.EndUtc))
            .ToListAsync(cancellationToken);
        return (visits, timeOff);
    }
}
