using Microsoft.EntityFrameworkCore;
using PaulMassage.Web.Features.Scheduling;
using PaulMassage.Web.Infrastructure.Data;
using PaulMassage.Web.Infrastructure.Time;

namespace PaulMassage.Web.Features.Booking;

/// <summary>
/// One quarter-hour cell of the calendar held by a visit. The cell's start is the primary key, so
/// the database itself refuses a second visit that overlaps the first or the shortest travel after
/// it, even when two requests race past the availability check at the same moment (see docs/adr).
/// The longer drives between particular zones are guarded by <see cref="TravelTurn"/>s.
/// </summary>
public class SlotClaim
{
    public DateTime CellStartUtc { get; set; }

    public int AppointmentId { get; set; }

    /// <summary>
    /// A visit claims [start, end + <paramref name="shortestTravelMinutes"/>): the shortest drive to
    /// any next visit (<see cref="TravelTimes.ShortestMinutes"/>; the flat buffer when there are no
    /// zones). Two visits then share a cell exactly when one starts before the other's end plus that
    /// drive, which no travel table allows.
    /// </summary>
    public static IEnumerable<DateTime> CellsFor(DateTime startUtc, DateTime endUtc, int shortestTravelMinutes)
    {
        var grid = TimeSpan.FromMinutes(AvailabilityRules.GridMinutes);
        var first = new DateTime(startUtc.Ticks - (startUtc.Ticks % grid.Ticks), DateTimeKind.Utc);
        var end = endUtc.AddMinutes(shortestTravelMinutes);
        for (var cell = first; cell < end; cell += grid)
        {
            yield return cell;
        }
    }
}

/// <summary>
/// The travel half of the double-booking guard (<see cref="SlotClaimGuard"/>): the n-th booking
/// whose neighbourhood (its time and half the longest drive each side) covered this quarter-hour.
/// Keyed (cell, n), so two bookings that read a cell's last turn at the same moment both take the
/// same next one and the database lets only one in. A counter only: it names no visit and no one.
/// </summary>
public class TravelTurn
{
    public DateTime CellStartUtc { get; set; }

    public int Turn { get; set; }

    /// <summary>
    /// The cells whose turn a visit takes: its time widened by half the longest drive each side, so
    /// two visits closer than the longest drive share a cell; none when every drive is the shortest
    /// (one flat buffer), which the time cells alone then guard.
    /// </summary>
    public static IEnumerable<DateTime> CellsFor(DateTime startUtc, DateTime endUtc, int shortestTravelMinutes, int longestTravelMinutes)
    {
        if (longestTravelMinutes <= shortestTravelMinutes)
        {
            return [];
        }

        var half = (longestTravelMinutes + 1) / 2;
        return SlotClaim.CellsFor(startUtc.AddMinutes(-half), endUtc, half);
    }
}

/// <summary>
/// Deletes the <see cref="TravelTurn"/>s of days gone: a counter only matters while a booking can
/// still take the next turn of its cell, and every booking adds a turn to each cell around it, so
/// without this the table only grows. Run by the daily housekeeping (<see cref="Privacy.RetentionWorker"/>).
/// </summary>
public sealed class TravelTurnPruning(AppDbContext db, PracticeClock clock)
{
    /// <summary>
    /// The first cell whose turns are kept: the start of yesterday (local). No booking starts
    /// before now, but one just after midnight reaches back into yesterday's last hours by half the
    /// longest drive (<see cref="TravelTurn.CellsFor"/>, at most <see cref="TravelTimes.MaxMinutes"/>/2),
    /// and a turn deleted while such a booking reads it would let a second one take the same turn.
    /// </summary>
    public static DateTime KeptFromUtc(DateTime nowUtc, TimeZoneInfo timeZone) =>
        PracticeClock.StartOfDayUtc(PracticeClock.LocalDay(nowUtc, timeZone).AddDays(-1), timeZone);

    /// <summary>Deletes the turns of the cells before <see cref="KeptFromUtc"/>; returns how many.</summary>
    public Task<int> PruneAsync(CancellationToken cancellationToken = default)
    {
        var keptFrom = KeptFromUtc(clock.UtcNow, clock.TimeZone);
        return db.TravelTurns.Where(t => t.CellStartUtc < keptFrom).ExecuteDeleteAsync(cancellationToken);
    }
}
