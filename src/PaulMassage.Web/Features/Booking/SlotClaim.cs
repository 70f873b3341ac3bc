using PaulMassage.Web.Features.Scheduling;

namespace PaulMassage.Web.Features.Booking;

/// <summary>
/// One quarter-hour cell of the calendar held by a visit. The cell's start is the primary key, so
/// the database itself refuses a second visit that overlaps the first or its travel buffer, even
/// when two requests race past the availability check at the same moment (see docs/adr).
/// </summary>
public class SlotClaim
{
    public DateTime CellStartUtc { get; set; }

    public int AppointmentId { get; set; }

    /// <summary>
    /// A visit claims [start, end + buffer). Two visits then share a cell exactly when one starts
    /// before the other's end plus the buffer, which is the travel rule.
    /// </summary>
    public static IEnumerable<DateTime> CellsFor(DateTime startUtc, DateTime endUtc, int travelBufferMinutes)
    {
        var grid = TimeSpan.FromMinutes(AvailabilityRules.GridMinutes);
        var first = new DateTime(startUtc.Ticks - (startUtc.Ticks % grid.Ticks), DateTimeKind.Utc);
        var end = endUtc.AddMinutes(travelBufferMinutes);
        for (var cell = first; cell < end; cell += grid)
        {
            yield return cell;
        }
    }
}
