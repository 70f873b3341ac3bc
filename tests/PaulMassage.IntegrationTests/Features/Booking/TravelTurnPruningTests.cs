using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PaulMassage.IntegrationTests.Infrastructure;
using PaulMassage.Web.Features.Booking;

namespace PaulMassage.IntegrationTests.Features.Booking;

/// <summary>The travel turns of days gone are deleted by the daily housekeeping; yesterday's and later stay.</summary>
public sealed class TheTravelTurnPruning : IDisposable
{
    private readonly PracticeAppFactory factory = new();

    // The housekeeping worker stays off, so that only the test prunes.
    public TheTravelTurnPruning() => factory.Settings["Privacy:RetentionWorkerEnabled"] = "false";

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task deletes_the_turns_of_the_days_before_yesterday_and_keeps_the_rest()
    {
        // The site's clock: Monday 1 March 2027, 09:00 (GMT).
        var cells = new[]
        {
            Visits.March(1, 0).AddDays(-3).AddHours(23).AddMinutes(45), // Friday night: gone
            Visits.March(1, 0).AddDays(-1).AddMinutes(-15),             // the last cell of Saturday: gone
            Visits.March(1, 0).AddDays(-1),                             // Sunday, yesterday: kept
            Visits.March(1, 10),                                        // today: kept
            Visits.March(8, 10),                                        // next week: kept
        };
        await factory.WithDbAsync(async db =>
        {
            db.TravelTurns.AddRange(cells.Select(c => new TravelTurn { CellStartUtc = c, Turn = 1 }));
            db.TravelTurns.Add(new TravelTurn { CellStartUtc = cells[0], Turn = 2 });
            return await db.SaveChangesAsync();
        });

        int pruned;
        await using (var scope = factory.Scope())
        {
            pruned = await scope.ServiceProvider.GetRequiredService<TravelTurnPruning>().PruneAsync();
        }

        Assert.Equal(3, pruned);
        var left = await factory.WithDbAsync(db => db.TravelTurns.AsNoTracking().Select(t => t.CellStartUtc).OrderBy(c => c).ToListAsync());
        Assert.Equal(cells[2..], left);
    }
}
