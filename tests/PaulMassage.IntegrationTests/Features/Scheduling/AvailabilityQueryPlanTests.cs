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
    public async Task reads_the_visits_proposed_times_and_time_off_of_the_weeks_asked_for_in_one_statement_by_range_scans_of_three_indexes()
    {
        await using var scope = fixture.Factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var from = new DateTime(2027, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        var to = from.AddDays(56);
        var query = AvailabilityQueries.ScheduleInWindow.Compile()(db, from.AddHours(-5), to.AddMinutes(30), from, to);

        var (sql, plan) = await ExplainAsync(db, query);

        // One statement, the two sides joined by UNION ALL.
        Assert.Contains("UNION ALL", sql, StringComparison.Ordinal);
        Assert.Contains(plan, line => line.Contains("UNION ALL", StringComparison.Ordinal));

        // SQLite's words for an index range scan: SEARCH ... USING INDEX ... (StartUtc>? AND StartUtc<?).
        // The visits side is answered by a range scan of each index (a "MULTI-INDEX OR"), the
        // time-off side by a search of its own index, and neither table is SCANned.
        Assert.DoesNotContain(plan, line => line.StartsWith("SCAN", StringComparison.Ordinal));
        Assert.Contains(plan, line => line.Contains("SEARCH", StringComparison.Ordinal)
            && line.Contains("IX_Appointments_StartUtc_Status", StringComparison.Ordinal)
            && line.Contains("StartUtc>? AND StartUtc<?", StringComparison.Ordinal));
        Assert.Contains(plan, line => line.Contains("SEARCH", StringComparison.Ordinal)
            && line.Contains("IX_Appointments_ProposedStartUtc", StringComparison.Ordinal)
            && line.Contains("ProposedStartUtc>? AND ProposedStartUtc<?", StringComparison.Ordinal));
        Assert.Contains(plan, line => line.Contains("SEARCH", StringComparison.Ordinal)
            && line.Contains("IX_TimeOff_StartUtc_EndUtc", StringComparison.Ordinal)
            && line.Contains("StartUtc<?", StringComparison.Ordinal));
    }

    private static async Task<(string Sql, List<string> Plan)> ExplainAsync<T>(AppDbContext db, IQueryable<T> query)
    {
        await db.Database.OpenConnectionAsync();
        try
        {
            await using DbCommand command = query.CreateDbCommand();
            var sql = command.CommandText;
            command.CommandText = "EXPLAIN QUERY PLAN " + sql;
            var lines = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetString(reader.GetOrdinal("detail")));
            }

            return (sql, lines);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
