using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.EntityFrameworkCore.Metadata;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Infrastructure.Data;
using PaulMassage.Web.Infrastructure.Time;

namespace PaulMassage.Web.Features.Scheduling;

/// <summary>Loads what the availability calculation needs for a date range and runs it.</summary>
public sealed class AvailabilityService(AppDbContext db, SchedulingSettings settings, PracticeClock clock, ScheduleVersions versions, IMemoryCache cache)
{
    /// <summary>No visit is longer than this; it bounds the range query from below.</summary>
    internal static readonly TimeSpan LongestVisit = TimeSpan.FromHours(4);

    /// <summary>The free starts on the local days asked for, as offered now (from <see cref="FreeTimesAsync"/>).</summary>
    /// <param name="postcode">The new visit's place: travel by its zone; none, the flat buffer.</param>
    public async Task<IReadOnlyList<FreeSlot>> FreeSlotsAsync(int minutes, DateOnly fromLocal, int days, string? postcode, CancellationToken cancellationToken = default) =>
        (await FreeTimesAsync(minutes, postcode, cancellationToken)).Between(fromLocal, days);

    /// <summary>The free starts for a place in no zone (the flat buffer).</summary>
    public Task<IReadOnlyList<FreeSlot>> FreeSlotsAsync(int minutes, DateOnly fromLocal, int days, CancellationToken cancellationToken = default) =>
        FreeSlotsAsync(minutes, fromLocal, days, postcode: null, cancellationToken);

    /// <summary>
    /// Every free start of a visit length from today to the booking horizon, as offered now. The
    /// sweep behind it is read and computed once per schedule version (<see cref="ScheduleVersion"/>),
    /// day, length and travel zone and kept in memory; the notice and horizon are applied per call,
    /// for the current instant.
    /// </summary>
    /// <param name="postcode">The new visit's place: travel to and from its neighbours by its zone (and from home to the day's first); none, or a place in no zone, the flat buffer.</param>
    public async Task<FreeTimes> FreeTimesAsync(int minutes, string? postcode = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minutes);
        var version = await versions.CurrentAsync(db, cancellationToken); // before any data it describes
        var snapshot = await settings.GetAsync(cancellationToken);
        var zone = snapshot.Rules.Travel.ZoneOf(postcode);
        var today = clock.Today;
        var key = new SweepKey(version, minutes, today, zone);
        if (!cache.TryGetValue(key, out FreeTimes.Sweep? sweep) || sweep is null)
        {
            var days = snapshot.Rules.BookingHorizonDays + 1;
            var (visits, timeOff) = await BusyAsync(clock.StartOfDayUtc(today), clock.StartOfDayUtc(today.AddDays(days)), snapshot.Rules, null, cancellationToken);
            var slots = new AvailabilityCalculator(snapshot.Rules, clock.TimeZone).FreeSlots(today, days, minutes, visits, timeOff, DateTime.MinValue, DateTime.MaxValue, zone);
            sweep = new FreeTimes.Sweep(today, days, slots);
            cache.Set(key, sweep, SweepLifetime);
        }

        var rules = new VisitTimeRules(snapshot.Rules, clock.TimeZone);
        return new FreeTimes(sweep, rules.EarliestStart(clock.Now), rules.LatestStart(clock.Now));
    }

    /// <summary>A newer version replaces an entry at once; this only lets old ones go.</summary>
    private static readonly TimeSpan SweepLifetime = TimeSpan.FromMinutes(10);

    /// <summary>One sweep per version, length, day and zone (a handful of zones, so a handful of entries).</summary>
    private sealed record SweepKey(long Version, int Minutes, DateOnly Today, int? Zone);

    /// <param name="ignoringAppointmentId">A visit being moved: its own time does not block its new one.</param>
    /// <param name="postcode">The visit's place (see <see cref="FreeTimesAsync"/>).</param>
    public Task<IReadOnlyList<FreeSlot>> FreeSlotsAsync(int minutes, DateOnly fromLocal, int days, int? ignoringAppointmentId, string? postcode, CancellationToken cancellationToken = default) =>
        ignoringAppointmentId is null
            ? FreeSlotsAsync(minutes, fromLocal, days, postcode, cancellationToken)
            : ReadFreeSlotsAsync(minutes, fromLocal, days, ignoringAppointmentId, postcode, cancellationToken);

    /// <summary>
    /// The free starts on the local days asked for, read from the database now, past the cached free
    /// times: for the times offered to a request that has just lost its time to another visit. That
    /// visit and its raise of the schedule version commit together (see
    /// <see cref="ScheduleVersionInterceptor"/>), but an instance learns of the new number only once
    /// the saving request's save returns here, or within <see cref="ScheduleVersions.PollInterval"/>
    /// on another instance; until then the cached free times still offer its time, and the loser
    /// would be offered the very times it lost. A refusal is rare; the pages and the API keep the cache.
    /// </summary>
    /// <param name="postcode">The visit's place (see <see cref="FreeTimesAsync"/>).</param>
    public Task<IReadOnlyList<FreeSlot>> FreeSlotsFromDatabaseAsync(int minutes, DateOnly fromLocal, int days, string? postcode, CancellationToken cancellationToken = default) =>
        ReadFreeSlotsAsync(minutes, fromLocal, days, ignoringAppointmentId: null, postcode, cancellationToken);

    /// <summary>The free starts swept from what the database holds now (no cache).</summary>
    private async Task<IReadOnlyList<FreeSlot>> ReadFreeSlotsAsync(int minutes, DateOnly fromLocal, int days, int? ignoringAppointmentId, string? postcode, CancellationToken cancellationToken)
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
        var (visits, timeOff) = await BusyAsync(rangeStart, rangeEnd, snapshot.Rules, ignoringAppointmentId, cancellationToken);
        return new AvailabilityCalculator(snapshot.Rules, clock.TimeZone)
            .FreeSlots(fromLocal, days, minutes, visits, timeOff, clock.Now, snapshot.Rules.Travel.ZoneOf(postcode));
    }

    /// <summary>The rules as they stand now, to judge a time by or put a refusal in words.</summary>
    public async Task<VisitTimeRules> RulesAsync(CancellationToken cancellationToken = default) =>
        new((await settings.GetAsync(cancellationToken)).Rules, clock.TimeZone);

    public Task<bool> IsFreeAsync(DateTime startUtc, int minutes, CancellationToken cancellationToken = default) =>
        IsFreeAsync(startUtc, minutes, null, cancellationToken);

    public async Task<bool> IsFreeAsync(DateTime startUtc, int minutes, int? ignoringAppointmentId, string? postcode, CancellationToken cancellationToken = default) =>
        (await CheckAsync(startUtc, minutes, ignoringAppointmentId, postcode, cancellationToken)).Count == 0;

    public Task<bool> IsFreeAsync(DateTime startUtc, int minutes, int? ignoringAppointmentId, CancellationToken cancellationToken = default) =>
        IsFreeAsync(startUtc, minutes, ignoringAppointmentId, null, cancellationToken);

    /// <inheritdoc cref="CheckAsync(DateTime, int, int?, string?, CancellationToken)"/>
    public Task<IReadOnlyList<RuleBreach>> CheckAsync(DateTime startUtc, int minutes, int? ignoringAppointmentId = null, CancellationToken cancellationToken = default) =>
        CheckAsync(startUtc, minutes, ignoringAppointmentId, null, cancellationToken);

    /// <summary>
    /// Every rule a visit at this start would break for the public (<see cref="VisitTimeRules.Check"/>,
    /// on the grid), each once; empty when it is free.
    /// </summary>
    /// <param name="ignoringAppointmentId">A visit being moved: its own time does not block its new one.</param>
    /// <param name="postcode">The visit's place (see <see cref="FreeTimesAsync"/>).</param>
    public async Task<IReadOnlyList<RuleBreach>> CheckAsync(DateTime startUtc, int minutes, int? ignoringAppointmentId, string? postcode, CancellationToken cancellationToken = default)
    {
        if (IsFarOutside(startUtc))
        {
            return [new(startUtc < clock.UtcNow ? BookingRule.InThePast : BookingRule.TooFarAhead)];
        }

        var rules = await RulesAsync(cancellationToken);

        var (from, to) = rules.CheckedWindow(startUtc, minutes);
        var (visits, timeOff) = await BusyAsync(from, to, rules.Settings, ignoringAppointmentId, cancellationToken);
        return rules.Check(startUtc, minutes, visits, timeOff, clock.Now, zone: rules.Travel.ZoneOf(postcode));
    }

    /// <summary>Far outside any booking window, and so clear of DateTime's edges for the arithmetic that follows.</summary>
    private bool IsFarOutside(DateTime startUtc) => startUtc < clock.UtcNow.AddDays(-1) || startUtc > clock.UtcNow.AddYears(1);

    /// <summary>
    /// What is on the calendar around a UTC window, for the back office's calendar and checks:
    /// every visit time, of any status (<see cref="VisitTime.HoldsTime"/> says whether it blocks),
    /// that can reach into the window with its travel time, and the time off that overlaps it.
    /// The same single statement as the availability search; see <see cref="ReadScheduleAsync"/>.
    /// </summary>
    /// <param name="rules">The caller's rules, read once for its whole request (only the travel time is used here).</param>
    public Task<Schedule> ScheduleAsync(DateTime fromUtc, DateTime toUtc, AvailabilityRules rules, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return ReadScheduleAsync(fromUtc, toUtc, rules.Travel.LongestMinutes, cancellationToken);
    }

    /// <summary>Visits (and proposed times) that block a new visit, and time off, around a range.</summary>
    /// <param name="ignoringAppointmentId">A visit being moved: its own times do not block its new one.</param>
    private async Task<(List<BusyInterval> Visits, List<BusyInterval> TimeOff)> BusyAsync(
        DateTime rangeStart, DateTime rangeEnd, AvailabilityRules rules, int? ignoringAppointmentId, CancellationToken cancellationToken)
    {
        var travel = rules.Travel;
        var schedule = await ReadScheduleAsync(rangeStart, rangeEnd, travel.LongestMinutes, cancellationToken);
        var visits = schedule.Visits.Where(v => v.HoldsTime && v.AppointmentId != ignoringAppointmentId).Select(v => v.In(travel)).ToList();
        var timeOff = schedule.TimeOff.Select(t => t.Interval).ToList();
        return (visits, timeOff);
    }

    /// <summary>
    /// Visits and time off around a range, read in ONE statement whatever the number of weeks
    /// (<see cref="AvailabilityQueries.ScheduleInWindow"/>): the visits, and the other times
    /// proposed to clients (a visit waiting for the client's answer holds its own time and the
    /// proposed one), that start from the longest visit and its travel time before the range to
    /// the travel time after it, UNION ALL the time off that overlaps the range. The visits side
    /// is a range on the start column OR a range on the proposed start, which SQLite answers with
    /// a range scan of each index ((StartUtc, Status) and ProposedStartUtc); the time-off side
    /// searches its (StartUtc, EndUtc) index. Which of a visit's two times falls in the window is
    /// sorted out in memory, and the status by the callers, on the few rows of the window, because
    /// a status test in SQL tempts SQLite's planner into the (Status, NeedsReview) index, which
    /// reads every open visit ever stored instead of the weeks asked for (see docs/performance.md).
    /// The statement is compiled once per model (<see cref="AvailabilityQueries"/>): building and
    /// translating the expression tree was a fifth of the request.
    /// </summary>
    private Task<Schedule> ReadScheduleAsync(DateTime rangeStart, DateTime rangeEnd, int bufferMinutes, CancellationToken cancellationToken) =>
        AvailabilityQueries.ReadScheduleAsync(db, rangeStart, rangeEnd, bufferMinutes, cancellationToken);
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
    /// <c>timeOffTo</c>. Both sides project to <see cref="ScheduleRow"/> with the same column
    /// types and nullability, as a set operation needs.
    /// </summary>
    internal static readonly Expression<Func<AppDbContext, DateTime, DateTime, DateTime, DateTime, IQueryable<ScheduleRow>>> ScheduleInWindow =
        (db, visitsFrom, visitsTo, timeOffFrom, timeOffTo) => db.Appointments.AsNoTracking()
            .Where(a => (a.StartUtc >= visitsFrom && a.StartUtc < visitsTo) || (a.ProposedStartUtc >= visitsFrom && a.ProposedStartUtc < visitsTo))
            .Select(a => new ScheduleRow
            {
                Id = a.Id,
                StartUtc = a.StartUtc,
                EndUtc = a.EndUtc,
                Status = a.Status,
                ProposedStartUtc = a.ProposedStartUtc,
                DurationMinutes = a.DurationMinutes,
                Reason = null,
                Postcode = a.Postcode,
            })
            .Concat(db.TimeOff.AsNoTracking()
                .Where(t => t.StartUtc < timeOffTo && t.EndUtc > timeOffFrom)
                .Select(t => new ScheduleRow
                {
                    Id = t.Id,
                    StartUtc = t.StartUtc,
                    EndUtc = t.EndUtc,
                    Status = null,
                    ProposedStartUtc = null,
                    DurationMinutes = 0,
                    Reason = t.Reason,
                    Postcode = null,
                }));

    /// <summary>
    /// The visits (their own times and the times proposed instead) that start from the longest
    /// visit and its travel before the range to the travel after it, and the time off overlapping
    /// it, from the one statement (see <see cref="AvailabilityService"/>'s schedule reading).
    /// </summary>
    internal static async Task<Schedule> ReadScheduleAsync(AppDbContext db, DateTime rangeStart, DateTime rangeEnd, int bufferMinutes, CancellationToken cancellationToken)
    {
        var buffer = TimeSpan.FromMinutes(bufferMinutes);
        var from = Saturating(rangeStart, -(buffer + AvailabilityService.LongestVisit));
        var to = Saturating(rangeEnd, buffer);
        var visits = new List<VisitTime>();
        var timeOff = new List<TimeOffPeriod>();
        await foreach (var row in AvailabilityQueries.For(db).Schedule(db, from, to, rangeStart, rangeEnd).WithCancellation(cancellationToken))
        {
            if (row.Status is not AppointmentStatus status)
            {
                timeOff.Add(new TimeOffPeriod(row.StartUtc, row.EndUtc, row.Reason));
                continue;
            }

            if (row.StartUtc >= from && row.StartUtc < to)
            {
                visits.Add(new VisitTime(row.Id, status, row.StartUtc, row.EndUtc, Postcode: row.Postcode));
            }

            if (status == AppointmentStatus.AlternativeProposed
                && row.ProposedStartUtc is DateTime proposed && proposed >= from && proposed < to)
            {
                visits.Add(new VisitTime(row.Id, status, proposed, proposed.AddMinutes(row.DurationMinutes), IsProposedTime: true, Postcode: row.Postcode));
            }
        }

        return new Schedule(visits, timeOff);
    }

    /// <summary>An instant moved by a span, stopping at DateTime's edges rather than throwing.</summary>
    private static DateTime Saturating(DateTime instant, TimeSpan by) =>
        by < TimeSpan.Zero && instant - DateTime.MinValue < -by ? DateTime.SpecifyKind(DateTime.MinValue, instant.Kind)
        : by > TimeSpan.Zero && DateTime.MaxValue - instant < by ? DateTime.SpecifyKind(DateTime.MaxValue, instant.Kind)
        : instant + by;

    private AvailabilityQueries()
    {
    }

    internal Func<AppDbContext, DateTime, DateTime, DateTime, DateTime, IAsyncEnumerable<ScheduleRow>> Schedule { get; } = EF.CompileAsyncQuery(ScheduleInWindow);

    /// <summary>The schedule's version number (<see cref="ScheduleVersion"/>); 0 before the row exists.</summary>
    internal Func<AppDbContext, CancellationToken, Task<long>> Version { get; } = EF.CompileAsyncQuery(
        (AppDbContext db, CancellationToken _) => db.ScheduleVersions.Where(v => v.Id == ScheduleVersion.SingletonId).Select(v => v.Value).FirstOrDefault());

    /// <summary>The statement compiled for this context's model.</summary>
    internal static AvailabilityQueries For(AppDbContext db) => ByModel.GetValue(db.Model, _ => new AvailabilityQueries());
}

/// <summary>
/// One row of the availability statement: a visit (its own time, its status and any time proposed
/// instead) or, when <see cref="Status"/> is null, a stretch of time off (its times and reason).
/// </summary>
internal sealed class ScheduleRow
{
    public int Id { get; init; }

    public DateTime StartUtc { get; init; }

    public DateTime EndUtc { get; init; }

    /// <summary>Null for time off; a visit always has one.</summary>
    public AppointmentStatus? Status { get; init; }

    public DateTime? ProposedStartUtc { get; init; }

    public int DurationMinutes { get; init; }

    /// <summary>Time off's reason; null for a visit.</summary>
    public string? Reason { get; init; }

    /// <summary>A visit's postcode, for its travel zone; null for time off.</summary>
    public string? Postcode { get; init; }
}
