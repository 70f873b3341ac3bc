using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
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
    /// Blocking visits and time off around a range. The visits, and the other times proposed to
    /// clients (a visit waiting for the client's answer holds its own time and the proposed one),
    /// come from ONE query, whatever the number of weeks: a range on the start column OR a range
    /// on the proposed start, which SQLite answers with a range scan of each index
    /// ((StartUtc, Status) and ProposedStartUtc). The status and the visit being moved are checked
    /// in memory on the few rows of the window, because a status test in SQL tempts SQLite's
    /// planner into the (Status, NeedsReview) index, which reads every open visit ever stored
    /// instead of the weeks asked for (see docs/performance.md). Both queries are compiled once
    /// per model (<see cref="AvailabilityQueries"/>): building and translating the expression
    /// tree was a fifth of the request.
    /// </summary>
    private async Task<(List<BusyInterval> Visits, List<BusyInterval> TimeOff)> BusyAsync(
        DateTime rangeStart, DateTime rangeEnd, int bufferMinutes, int? ignoringAppointmentId, CancellationToken cancellationToken)
    {
        var buffer = TimeSpan.FromMinutes(bufferMinutes);
        var from = rangeStart - buffer - LongestVisit;
        var to = rangeEnd + buffer;
        var queries = AvailabilityQueries.For(db);
        var visits = new List<BusyInterval>();
        await foreach (var visit in queries.Visits(db, from, to).WithCancellation(cancellationToken))
        {
            if (visit.Id == ignoringAppointmentId)
            {
                continue; // a visit being moved: its own times do not block its new one
            }

            if (BookingStateMachine.HoldsTime(visit.Status) && visit.StartUtc >= from && visit.StartUtc < to)
            {
                visits.Add(new BusyInterval(visit.StartUtc, visit.EndUtc));
            }

            if (visit.Status == AppointmentStatus.AlternativeProposed
                && visit.ProposedStartUtc is DateTime proposed && proposed >= from && proposed < to)
            {
                visits.Add(new BusyInterval(proposed, proposed.AddMinutes(visit.DurationMinutes)));
            }
        }

        var timeOff = new List<BusyInterval>();
        await foreach (var interval in queries.TimeOff(db, rangeStart, rangeEnd).WithCancellation(cancellationToken))
        {
            timeOff.Add(interval);
        }

        return (visits, timeOff);
    }
}

/// <summary>
/// The availability queries, compiled once per EF Core model. A compiled query may only run
/// against the model it was compiled with, and a process can hold several: each site has a model
/// of its own (the encrypted columns' converters hold its key ring, see
/// ProtectorAwareModelCacheKeyFactory), and EF Core rebuilds a model its cache has let go (the
/// integration tests start many sites in one process). So the compiled delegates are kept per
/// model, and go with it.
/// </summary>
internal sealed class AvailabilityQueries
{
    private static readonly ConditionalWeakTable<IModel, AvailabilityQueries> ByModel = new();

    /// <summary>
    /// Every visit, whatever its status, that starts, or has another time proposed, from
    /// <c>from</c> (inclusive) to <c>to</c> (exclusive).
    /// </summary>
    internal static readonly Expression<Func<AppDbContext, DateTime, DateTime, IQueryable<VisitTimes>>> VisitsInWindow =
        (db, from, to) => db.Appointments.AsNoTracking()
            .Where(a => (a.StartUtc >= from && a.StartUtc < to) || (a.ProposedStartUtc >= from && a.ProposedStartUtc < to))
            .Select(a => new VisitTimes(a.Id, a.StartUtc, a.EndUtc, a.Status, a.ProposedStartUtc, a.DurationMinutes));

    private AvailabilityQueries()
    {
    }

    internal Func<AppDbContext, DateTime, DateTime, IAsyncEnumerable<VisitTimes>> Visits { get; } = EF.CompileAsyncQuery(VisitsInWindow);

    /// <summary>Time off that overlaps <c>start</c> to <c>end</c>.</summary>
    internal Func<AppDbContext, DateTime, DateTime, IAsyncEnumerable<BusyInterval>> TimeOff { get; } =
        EF.CompileAsyncQuery((AppDbContext db, DateTime start, DateTime end) => db.TimeOff.AsNoTracking()
            .Where(t => t.StartUtc < end && t.EndUtc > start)
            .Select(t => new BusyInterval(t.StartUtc, t.EndUtc)));

    /// <summary>The queries compiled for this context's model.</summary>
    internal static AvailabilityQueries For(AppDbContext db) => ByModel.GetValue(db.Model, _ => new AvailabilityQueries());
}

internal sealed record VisitTimes(int Id, DateTime StartUtc, DateTime EndUtc, AppointmentStatus Status, DateTime? ProposedStartUtc, int DurationMinutes);
