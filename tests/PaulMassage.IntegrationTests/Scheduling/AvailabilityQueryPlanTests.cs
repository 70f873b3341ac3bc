using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PaulMassage.IntegrationTests.Infrastructure;
using PaulMassage.Web.Features.Scheduling;
using PaulMassage.Web.Infrastructure.Data;

namespace PaulMassage.IntegrationTests.Scheduling;

public sealed class TheAvailabilityQuery(PracticeAppFactoryFixture fixture) : IClassFixture<PracticeAppFactoryFixture>
{
    [Fact]
    public async Task reads_the_visits_of_the_weeks_asked_for_by_a_range_scan_of_the_start_index()
    {
        await using var scope = fixture.Factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var from = new DateTime(2027, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        var query = AvailabilityService.VisitsStarting.Compile()(db, from.AddHours(-5), from.AddDays(56));

        var plan = await ExplainAsync(db, query);

        // SQLite's words for an index range scan: SEARCH ... USING INDEX ... (StartUtc>? AND StartUtc<?)
        var line = Assert.Single(plan);
        Assert.Contains("SEARCH", line, StringComparison.Ordinal);
        Assert.Contains("IX_Appointments_StartUtc_Status", line, StringComparison.Ordinal);
        Assert.Contains("StartUtc>? AND StartUtc<?", line, StringComparison.Ordinal);
    }

    private static async Task<List<string>> ExplainAsync<T>(AppDbContext db, IQueryable<T> query)
    {
        await db.Database.OpenConnectionAsync();
        try
        {
            await using DbCommand command = query.CreateDbCommand();
            command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
            var lines = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetString(reader.GetOrdinal("detail")));
            }

            return lines;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
