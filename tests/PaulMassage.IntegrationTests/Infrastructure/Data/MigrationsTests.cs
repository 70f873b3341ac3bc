using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PaulMassage.Web.Infrastructure.Data;

namespace PaulMassage.IntegrationTests.Infrastructure.Data;

public sealed class TheMigrations
{
    private static SqliteAppDbContext Sqlite(string connectionString) =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(connectionString).Options);

    /// <summary>Built without ever connecting: no SQL Server is needed to compare the model.</summary>
    private static SqlServerAppDbContext SqlServer() =>
        new(new DbContextOptionsBuilder<SqlServerAppDbContext>()
            .UseSqlServer("Server=(no-server);Database=PaulMassage;Trusted_Connection=True;TrustServerCertificate=True").Options);

    private static IEnumerable<string> Names(IEnumerable<string> migrationIds) => migrationIds.Select(id => id[(id.IndexOf('_', StringComparison.Ordinal) + 1)..]);

    [Fact]
    public void for_sqlite_match_the_model()
    {
        using var db = Sqlite("Data Source=:memory:");

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changed since the last SQLite migration: run scripts/add-migration.sh.");
    }

    [Fact]
    public void for_sql_server_match_the_model()
    {
        using var db = SqlServer();

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changed since the last SQL Server migration: run scripts/add-migration.sh.");
    }

    [Fact]
    public void come_in_the_same_steps_for_both_providers()
    {
        using var sqlite = Sqlite("Data Source=:memory:");
        using var sqlServer = SqlServer();

        Assert.Equal(Names(sqlite.Database.GetMigrations()), Names(sqlServer.Database.GetMigrations()));
        Assert.Empty(sqlite.Database.GetMigrations().Intersect(sqlServer.Database.GetMigrations()));
    }

    [Fact]
    public async Task for_sqlite_apply_to_an_empty_file_and_again_without_harm()
    {
        var folder = Path.Combine(Path.GetTempPath(), "paulmassage-tests", Guid.NewGuid().ToString("N"));
        var connectionString = DatabaseSetup.SqliteConnectionString("Data Source=App_Data/empty.db", folder);
        try
        {
            await using (var db = Sqlite(connectionString))
            {
                Assert.Empty(await db.Database.GetAppliedMigrationsAsync());

                await DatabaseSetup.MigrateAsync(db);

                Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
            }

            await using (var again = Sqlite(connectionString))
            {
                await DatabaseSetup.MigrateAsync(again);
                Assert.Empty(await again.Database.GetPendingMigrationsAsync());

                var tables = await again.Database.SqlQueryRaw<string>("SELECT name AS Value FROM sqlite_master WHERE type = 'table'").ToListAsync();
                Assert.Superset(
                    new HashSet<string>(["Services", "ServiceOptions", "Articles", "Clients", "Appointments", "AppointmentEvents", "SlotClaims",
                        "IntakeAssessments", "PracticeSettings", "WorkingHours", "TimeOff", "AspNetUsers", "AspNetRoles"]),
                    tables.ToHashSet());
                var journal = await again.Database.SqlQueryRaw<string>("SELECT journal_mode AS Value FROM pragma_journal_mode").SingleAsync();
                Assert.Equal("wal", journal);
                Assert.Equal(0, await again.Appointments.CountAsync());
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task for_sqlite_make_the_slot_cell_the_key_that_refuses_a_second_visit()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await using var db = Sqlite(connection.ConnectionString);
        db.Database.SetDbConnection(connection);
        await db.Database.MigrateAsync();

        var key = db.Model.FindEntityType(typeof(Web.Features.Booking.SlotClaim))!.FindPrimaryKey()!;

        Assert.Equal(["CellStartUtc"], key.Properties.Select(p => p.Name));
        Assert.True(db.Model.FindEntityType(typeof(Web.Features.Clients.Client))!.GetIndexes()
            .Single(i => i.Properties.Select(p => p.Name).SequenceEqual(["NormalizedEmail"])).IsUnique);
    }
}
