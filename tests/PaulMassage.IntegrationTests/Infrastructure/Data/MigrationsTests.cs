using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
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

    /// <summary>
    /// A database made by the main before provisional client records (its last migration "Security"),
    /// holding a client, two bookings with intake answers and an erasure request, opens in this
    /// version with every row and link intact: the client becomes its address's own record.
    /// </summary>
    [Fact]
    public async Task for_sqlite_keep_every_client_booking_intake_and_request_of_a_database_from_before_provisional_records()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await using var db = Sqlite(connection.ConnectionString);
        db.Database.SetDbConnection(connection);
        var migrator = db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>();
        var before = db.Database.GetMigrations().Last(id => id.EndsWith("_Security", StringComparison.Ordinal));
        await migrator.MigrateAsync(before);

        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO Services (Id, Slug, Name, Summary, Suits, DescriptionMarkdown, IsActive, SortOrder) VALUES (1, 'swedish-massage', 'Swedish massage', 's', 's', 'd', 1, 1);
            INSERT INTO Clients (Id, Name, Email, NormalizedEmail, Phone, UserId, CreatedUtc) VALUES (7, 'Olga Older', 'Olga@Example.com', 'OLGA@EXAMPLE.COM', '07700 900321', NULL, '2026-11-01 10:00:00');
            INSERT INTO Appointments (Id, Reference, ManageTokenHash, ClientId, ServiceId, DurationMinutes, PriceGbp, StartUtc, EndUtc, Status, NeedsReview, AddressLine1, Town, Postcode, CreatedUtc, Version)
                VALUES (11, 'PM-OLD111', 'hash-one', 7, 1, 60, '70.0', '2026-11-10 10:00:00', '2026-11-10 11:00:00', 3, 0, '1 Old Road', 'London', 'E1 6AN', '2026-11-01 10:00:00', '8a0d5b1e-0c7e-4a8e-9f1d-111111111111'),
                       (12, 'PM-OLD222', 'hash-two', 7, 1, 60, '70.0', '2026-12-20 10:00:00', '2026-12-20 11:00:00', 1, 0, '1 Old Road', 'London', 'E1 6AN', '2026-11-20 10:00:00', '8a0d5b1e-0c7e-4a8e-9f1d-222222222222');
            INSERT INTO IntakeAssessments (Id, AppointmentId, MainComplaint, PainAreas, PainIntensity, Duration, Feelings, Contraindications, MedicalHistory, Outcome, HealthDataConsentUtc, CancellationPolicyAcceptedUtc)
                VALUES (21, 11, 'Old complaint one', 'LowerBack', '5', 'UnderSixWeeks', 'Stiffness', 'None', NULL, 0, '2026-11-01 10:00:00', '2026-11-01 10:00:00'),
                       (22, 12, 'Old complaint two', 'Neck', '4', 'UnderSixWeeks', 'Stiffness', 'None', NULL, 0, '2026-11-20 10:00:00', '2026-11-20 10:00:00');
            INSERT INTO ErasureRequests (Id, ClientId, Channel, RequestedUtc) VALUES (31, 7, 'booking PM-OLD222', '2026-11-25 10:00:00');
            """);

        await db.Database.MigrateAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        var client = await db.Clients.AsNoTracking().Include(c => c.Appointments).SingleAsync();
        Assert.Equal((7, "Olga Older", "07700 900321", false), (client.Id, client.Name, client.Phone, client.Provisional));
        Assert.Equal(["PM-OLD111", "PM-OLD222"], client.Appointments.OrderBy(a => a.Id).Select(a => a.Reference));
        Assert.Equal(["hash-one", "hash-two"], client.Appointments.OrderBy(a => a.Id).Select(a => a.ManageTokenHash));
        Assert.All(client.Appointments, a => Assert.Null(a.DisownedUtc));
        Assert.Equal([11, 12], await db.Database.SqlQueryRaw<int>("SELECT AppointmentId AS Value FROM IntakeAssessments ORDER BY Id").ToListAsync());
        Assert.Equal(["Old complaint one", "Old complaint two"], await db.Database.SqlQueryRaw<string>("SELECT MainComplaint AS Value FROM IntakeAssessments ORDER BY Id").ToListAsync());
        var request = await db.Set<Web.Features.Privacy.ErasureRequest>().AsNoTracking().SingleAsync();
        Assert.Equal((31, 7, (int?)null), (request.Id, request.ClientId, request.AppointmentId));

        // The address keeps one record of its own; bookings from unproven bookers may share it.
        await Assert.ThrowsAsync<SqliteException>(() => db.Database.ExecuteSqlRawAsync(
            "INSERT INTO Clients (Name, Email, NormalizedEmail, Phone, CreatedUtc, Provisional) VALUES ('Second', 'olga@example.com', 'OLGA@EXAMPLE.COM', '1', '2026-12-01', 0)"));
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO Clients (Name, Email, NormalizedEmail, Phone, CreatedUtc, Provisional) VALUES ('Stranger', 'olga@example.com', 'OLGA@EXAMPLE.COM', '1', '2026-12-01', 1)");
    }
}
