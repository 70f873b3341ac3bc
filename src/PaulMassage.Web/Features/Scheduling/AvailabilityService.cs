using System.Linq.Expressions;
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
        var rangeStart = clock.StartOfDayUtc(fromLocal);
        var rangeEnd = clock.StartOfDayUtc(fromLocal.AddDays(days));
        var (visits, timeOff) = await BusyAsync(rangeStart, rangeEnd, snapshot.Rules.TravelBufferMinutes, cancellationToken);
        return new AvailabilityCalculator(snapshot.Rules, clock.TimeZone).FreeSlots(fromLocal, days, minutes, visits, timeOff, clock.Now);
    }

    public async Task<bool> IsFreeAsync(DateTime startUtc, int minutes, CancellationToken cancellationToken = default)
    {
        var localDay = DateOnly.FromDateTime(clock.ToLocal(startUtc).DateTime);
        var slots = await FreeSlotsAsync(minutes, localDay, 1, cancellationToken);
        return slots.Any(s => s.StartUtc == startUtc);
    }

    /// <summary>
    /// Blocking visits and time off around a range. The visits come from one range scan of the
    /// (StartUtc, Status) index: both ends of the range are bounded on the start column, and the
    /// status is checked in memory on the few rows of the window, because a status test in SQL
    /// tempts SQLite's planner into the (Status, NeedsReview) index, which reads every open visit
    /// ever stored instead of the weeks asked for (see docs/performance.md). Both queries are
    /// compiled once: building and translating the expression tree was a fifth of the request.
    /// </summary>
    private async Task<(List<BusyInterval> Visits, List<BusyInterval> TimeOff)> BusyAsync(
        DateTime rangeStart, DateTime rangeEnd, int bufferMinutes, CancellationToken cancellationToken)
    {
        var buffer = TimeSpan.FromMinutes(bufferMinutes);
        var visits = new List<BusyInterval>();
        await foreach (var visit in CompiledVisits(db, rangeStart - buffer - LongestVisit, rangeEnd + buffer).WithCancellation(cancellationToken))
        {
            if (BookingStateMachine.HoldsTime(visit.Status))
            {
                visits.Add(new BusyInterval(visit.StartUtc, visit.EndUtc));
            }
        }

        var timeOff = new List<BusyInterval>();
        await foreach (var interval in CompiledTimeOff(db, rangeStart, rangeEnd).WithCancellation(cancellationToken))
        {
            timeOff.Add(interval);
        }

        return (visits, timeOff);
    }

    /// <summary>Every visit, whatever its status, starting from <c>from</c> (inclusive) to <c>to</c> (exclusive).</summary>
    internal static readonly Expression<Func<AppDbContext, DateTime, DateTime, IQueryable<VisitTimes>>> VisitsStarting =
        (db, from, to) => db.Appointments.AsNoTracking()
            .Where(a => a.StartUtc >= from && a.StartUtc < to)
            .Select(a => new VisitTimes(a.StartUtc, a.EndUtc, a.Status));

    private static readonly Func<AppDbContext, DateTime, DateTime, IAsyncEnumerable<VisitTimes>> CompiledVisits =
        EF.CompileAsyncQuery(VisitsStarting);

    private static readonly Func<AppDbContext, DateTime, DateTime, IAsyncEnumerable<BusyInterval>> CompiledTimeOff =
        EF.CompileAsyncQuery((AppDbContext db, DateTime start, DateTime end) => db.TimeOff.AsNoTracking()
            .Where(t => t.StartUtc < end && t.EndUtc > start)
            .Select(t => new BusyInterval(t.StartUtc, t.EndUtc)));
}

internal sealed record VisitTimes(DateTime StartUtc, DateTime EndUtc, AppointmentStatus Status);
