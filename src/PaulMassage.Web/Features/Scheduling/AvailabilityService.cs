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
    /// Blocking visits and time off around a range, read in ONE statement whatever the number of
    /// weeks (<see cref="AvailabilityQueries.HeldInWindow"/>): the visits, and the other times
    /// proposed to clients (a visit waiting for the client's answer holds its own time and the
    /// proposed one), UNION ALL the time off that overlaps the range. The visits side is a range
    /// on the start column OR a range on the proposed start, which SQLite answers with a range
    /// scan of each index ((StartUtc, Status) and ProposedStartUtc); the time-off side searches
    /// its (StartUtc, EndUtc) index. The status and the visit being moved are checked in memory on
    /// the few rows of the window, because a status test in SQL tempts SQLite's planner into the
    /// (Status, NeedsReview) index, which reads every open visit ever stored instead of the weeks
    /// asked for (see docs/performance.md). The statement is compiled once per model
    /// (<see cref="AvailabilityQueries"/>): building and translating the expression tree was a
    /// fifth of the request.
    /// </summary>
    private async Task<(List<BusyInterval> Visits, List<BusyInterval> TimeOff)> BusyAsync(
        DateTime rangeStart, DateTime rangeEnd, int bufferMinutes, int? ignoringAppointmentId, CancellationToken cancellationToken)
    {
        var buffer = TimeSpan.FromMinutes(bufferMinutes);
        var from = rangeStart - buffer - LongestVisit;
        var to = rangeEnd + buffer;
        var visits = new List<BusyInterval>();
        var timeOff = new List<BusyInterval>();
        await foreach (var row in AvailabilityQueries.For(db).Held(db, from, to, rangeStart, rangeEnd).WithCancellation(cancellationToken))
        {
            if (row.IsTimeOff)
            {
                timeOff.Add(new BusyInterval(row.StartUtc, row.EndUtc));
                continue;
            }

            if (row.Id == ignoringAppointmentId)
            {
                continue; // a visit being moved: its own times do not block its new one
            }

            if (row.Status is AppointmentStatus status && BookingStateMachine.HoldsTime(status) && row.StartUtc >= from && row.StartUtc < to)
            {
                visits.Add(new BusyInterval(row.StartUtc, row.EndUtc));
            }

            if (row.Status == AppointmentStatus.AlternativeProposed
                && row.ProposedStartUtc is DateTime proposed && proposed >= from && proposed < to)
            {
                visits.Add(new BusyInterval(proposed, proposed.AddMinutes(row.DurationMinutes)));
            }
        }

        return (visits, timeOff);
    }
}

/// <summary>
/// The availability statement, compiled once per EF Core model. A compiled query may only run
/// against the model it was compiled with, and a process can hold several: each site has a model
/// of its own (the encrypted columns' converters hold its key ring, see
/// ProtectorAwareModelCacheKeyFactory), and EF Core rebuilds a model its cache has let go (the
/// integration tests start many sites in one process). So the compiled delegate is kept per
/// model, and goes with it.
/// </summary>
internal sealed class AvailabilityQueries
{
    private static readonly ConditionalWeakTable<IModel, AvailabilityQueries> ByModel = new();

    /// <summary>
    /// One statement, two range-bounded sides joined by UNION ALL: every visit, whatever its
    /// status, that starts, or has another time proposed, from <c>visitsFrom</c> (inclusive) to
    /// <c>visitsTo</c> (exclusive); then the time off that overlaps <c>timeOffFrom</c> to
    /// <c>timeOffTo</c>. Both sides project to <see cref="HeldTimeRow"/> with the same column
    /// types and nullability, as a set operation needs.
    /// </summary>
    internal static readonly Expression<Func<AppDbContext, DateTime, DateTime, DateTime, DateTime, IQueryable<HeldTimeRow>>> HeldInWindow =
        (db, visitsFrom, visitsTo, timeOffFrom, timeOffTo) => db.Appointments.AsNoTracking()
            .Where(a => (a.StartUtc >= visitsFrom && a.StartUtc < visitsTo) || (a.ProposedStartUtc >= visitsFrom && a.ProposedStartUtc < visitsTo))
            .Select(a => new HeldTimeRow
            {
                IsTimeOff = false,
                Id = a.Id,
                StartUtc = a.StartUtc,
                EndUtc = a.EndUtc,
                Status = a.Status,
                ProposedStartUtc = a.ProposedStartUtc,
                DurationMinutes = a.DurationMinutes,
            })
            .Concat(db.TimeOff.AsNoTracking()
                .Where(t => t.StartUtc < timeOffTo && t.EndUtc > timeOffFrom)
                .Select(t => new HeldTimeRow
                {
                    IsTimeOff = true,
                    Id = t.Id,
                    StartUtc = t.StartUtc,
                    EndUtc = t.EndUtc,
                    Status = null,
                    ProposedStartUtc = null,
                    DurationMinutes = 0,
                }));

    private AvailabilityQueries()
    {
    }

    internal Func<AppDbContext, DateTime, DateTime, DateTime, DateTime, IAsyncEnumerable<HeldTimeRow>> Held { get; } = EF.CompileAsyncQuery(HeldInWindow);

    /// <summary>The statement compiled for this context's model.</summary>
    internal static AvailabilityQueries For(AppDbContext db) => ByModel.GetValue(db.Model, _ => new AvailabilityQueries());
}

/// <summary>
/// One row of the availability statement: a visit (its own time, its status and any time proposed
/// instead) or, when <see cref="IsTimeOff"/>, a stretch of time off (only its times count).
/// </summary>
internal sealed class HeldTimeRow
{
    public bool IsTimeOff { get; init; }

    public int Id { get; init; }

    public DateTime StartUtc { get; init; }

    public DateTime EndUtc { get; init; }

    /// <summary>Null for time off.</summary>
    public AppointmentStatus? Status { get; init; }

    public DateTime? ProposedStartUtc { get; init; }

    public int DurationMinutes { get; init; }
}
