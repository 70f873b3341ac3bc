using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Caching.Memory;
using PaulMassage.Web.Features.Scheduling;
using PaulMassage.Web.Infrastructure.Data;
using PaulMassage.Web.Infrastructure.Time;

namespace PaulMassage.Web.Features.Booking;

/// <summary>
/// A visit time refused at the save: another visit took the time, or the travel to or from it, a
/// moment before. A <see cref="DbUpdateException"/> about the slot claims, so every caller that
/// already offers other times when the slot claims' key refuses a save
/// (<see cref="UniqueViolation.Involves"/>) handles it the same way.
/// </summary>
public sealed class SlotClaimConflictException(string message) : DbUpdateException(message);

/// <summary>
/// The travel half of the double-booking guard, run before every save that books a visit time (a
/// new visit, a move, a proposed time or its acceptance; the visit's own methods set its time
/// cells, <see cref="SlotClaim"/>). The time cells hold each visit's time and the shortest drive
/// after it; the longer drives between particular zones depend on both neighbours, so when the
/// travel table has any, for each such time, in the save's own connection, it:
/// <list type="number">
/// <item>reads the last <see cref="TravelTurn"/> of each cell of the time's neighbourhood (its time
/// and half the longest drive each side);</item>
/// <item>then reads the visits around it and checks the time against each by the one travel rule
/// (<see cref="VisitTimeRules.Clashes"/>, by zone), so a visit committed since the caller's own
/// check is seen here and refused with <see cref="SlotClaimConflictException"/>;</item>
/// <item>takes the next turn of each of those cells.</item>
/// </list>
/// Two visits whose drive between them overlaps one of them are closer than the longest drive, so
/// their neighbourhoods share a cell: two saves that read it at the same moment take the same turn
/// and the key lets only one in; one that reads after the other has committed sees its visit at
/// step 2. Bookings further apart share no cell and never wait for each other here (every save that
/// changes the schedule still takes its turn at the one <see cref="ScheduleVersion"/> row, raised in
/// its transaction).
/// </summary>
public sealed class SlotClaimGuard(PracticeClock clock, IMemoryCache cache, ScheduleVersions versions) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is AppDbContext db)
        {
            GuardAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is AppDbContext db)
        {
            await GuardAsync(db, cancellationToken);
        }

        return result;
    }

    private async Task GuardAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var booked = db.ChangeTracker.Entries<Appointment>()
            .Where(e => BookingStateMachine.HoldsTime(e.Entity.Status)
                && (e.State == EntityState.Added
                    || (e.State == EntityState.Modified
                        && (e.Property(a => a.StartUtc).IsModified || e.Property(a => a.ProposedStartUtc).IsModified))))
            .Select(e => e.Entity)
            .ToList();
        if (booked.Count == 0)
        {
            return;
        }

        // The settings every availability answer reads, from the same cache (a singleton here, so
        // the reader is made for the saving context).
        var snapshot = await new SchedulingSettings(db, cache, versions).GetAsync(cancellationToken);
        var rules = new VisitTimeRules(snapshot.Rules, clock.TimeZone);
        var travel = rules.Travel;
        var times = booked.SelectMany(TimesOf).ToList();
        var cells = times
            .SelectMany(t => TravelTurn.CellsFor(t.StartUtc, t.EndUtc, travel.ShortestMinutes, travel.LongestMinutes))
            .ToHashSet();
        if (cells.Count == 0)
        {
            return; // one flat buffer: the time cells guard it all
        }

        // The turns first, then the visits: whatever commits after this read takes the same turns.
        var (from, to) = (cells.Min(), cells.Max().AddMinutes(AvailabilityRules.GridMinutes));
        var last = await db.TravelTurns.AsNoTracking()
            .Where(t => t.CellStartUtc >= from && t.CellStartUtc < to)
            .GroupBy(t => t.CellStartUtc)
            .Select(g => new { Cell = g.Key, Turn = g.Max(t => t.Turn) })
            .ToDictionaryAsync(g => g.Cell, g => g.Turn, cancellationToken);

        var bookedIds = booked.Select(a => a.Id).Where(id => id != 0).ToHashSet();
        var schedule = await AvailabilityQueries.ReadScheduleAsync(db, from, to, travel.LongestMinutes, cancellationToken);
        var others = schedule.Visits
            .Where(v => v.HoldsTime && !bookedIds.Contains(v.AppointmentId))
            .Select(v => (Visit: (Appointment?)null, Interval: v.In(travel)))
            .Concat(times.Select(t => (Visit: (Appointment?)t.Visit, Interval: new BusyInterval(t.StartUtc, t.EndUtc, travel.ZoneOf(t.Visit.Postcode)))))
            .ToList();
        foreach (var (visit, startUtc, endUtc) in times)
        {
            var zone = travel.ZoneOf(visit.Postcode);
            if (others.Any(other => !ReferenceEquals(other.Visit, visit) && rules.Clashes(startUtc, endUtc, zone, other.Interval)))
            {
                throw new SlotClaimConflictException($"Booking {visit.Reference}: another visit took its time or the travel around it a moment ago.");
            }
        }

        foreach (var cell in cells)
        {
            db.TravelTurns.Add(new TravelTurn { CellStartUtc = cell, Turn = last.GetValueOrDefault(cell) + 1 });
        }
    }

    /// <summary>The times a visit holds: its own, and one proposed to its client while it waits for the answer.</summary>
    private static IEnumerable<(Appointment Visit, DateTime StartUtc, DateTime EndUtc)> TimesOf(Appointment visit)
    {
        yield return (visit, visit.StartUtc, visit.EndUtc);
        if (visit.Status == AppointmentStatus.AlternativeProposed && visit.ProposedStartUtc is DateTime proposed)
        {
            yield return (visit, proposed, proposed.AddMinutes(visit.DurationMinutes));
        }
    }
}
