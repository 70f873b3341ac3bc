using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PaulMassage.IntegrationTests.Infrastructure;
using PaulMassage.Web.Features.Scheduling;
using PaulMassage.Web.Infrastructure.Data;

namespace PaulMassage.IntegrationTests.Features.Scheduling;

public sealed class TheAvailabilityQueryPlan(PracticeAppFactoryFixture fixture) : IClassFixture<PracticeAppFactoryFixture>
{
    [Fact]
    public async Task reads_the_visits_and_proposed_times_of_the_weeks_asked_for_by_range_scans_of_two_indexes()
    {
        await using var scope = fixture.Factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var from = new DateTime(2027, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        var query = AvailabilityQueries.VisitsInWindow.Compile()(db, from.AddHours(-5), from.AddDays(56));

        var plan = await ExplainAsync(db, query);

        // SQLite's words for an index range scan: SEARCH ... USING INDEX ... (StartUtc>? AND StartUtc<?).
        // One statement, answered by a range scan of each index (a "MULTI-INDEX OR"), and no SCAN of the table.
        Assert.DoesNotContain(plan, line => line.StartsWith("SCAN", StringComparison.Ordinal));
        Assert.Contains(plan, line => line.Contains("SEARCH", StringComparison.Ordinal)
            && line.Contains("IX_Appointments_StartUtc_Status", StringComparison.Ordinal)
            && line.Contains("StartUtc>? AND StartUtc<?", StringComparison.Ordinal));
        Assert.Contains(plan, line => line.Contains("SEARCH", StringComparison.Ordinal)
            && line.Contains("IX_Appointments_ProposedStartUtc", StringComparison.Ordinal)
            && line.Contains("ProposedStartUtc>? AND ProposedStartUtc<?", StringComparison.Ordinal));
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
