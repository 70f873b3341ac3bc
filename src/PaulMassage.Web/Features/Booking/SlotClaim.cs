using PaulMassage.Web.Features.Scheduling;

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
