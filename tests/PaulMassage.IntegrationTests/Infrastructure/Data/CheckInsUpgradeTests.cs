using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PaulMassage.IntegrationTests.Infrastructure;
using PaulMassage.Web.Infrastructure.Data;

namespace PaulMassage.IntegrationTests.Infrastructure.Data;

/// <summary>
/// A database whose check-ins carried their own expiry (its last migration "CheckIns") opens in
/// this version with every check-in kept: only the copied expiry goes, the visit's end replacing it.
/// </summary>
public sealed class ADatabaseWithCopiedCheckInExpiries
{
    [Fact]
    public async Task keeps_every_check_in_and_drops_only_the_copied_expiry()
    {
        using var factory = new PracticeAppFactory();
        var connectionString = $"Data Source={factory.DatabasePath};Pooling=False";
        await using (var db = new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(connectionString).Options))
        {
            var before = db.Database.GetMigrations().Last(id => id.EndsWith("_CheckIns", StringComparison.Ordinal));
            await db.GetService<IMigrator>().MigrateAsync(before);
            const string rows = """
                INSERT INTO Services (Slug, Name, Summary, Suits, DescriptionMarkdown, IsActive, SortOrder)
                    SELECT 'upgrade-massage', 'Upgrade massage', 's', 's', 'd', 1, 99 WHERE NOT EXISTS (SELECT 1 FROM Services);
                INSERT INTO Clients (Id, Name, Email, NormalizedEmail, Phone, UserId, CreatedUtc, Provisional) VALUES (7, 'Uma Upgrade', 'uma@example.com', 'UMA@EXAMPLE.COM', '07700 900321', NULL, '2027-02-01 10:00:00', 0);
                INSERT INTO Appointments (Id, Reference, ManageTokenHash, ClientId, ServiceId, DurationMinutes, PriceGbp, StartUtc, EndUtc, Status, NeedsReview, AddressLine1, Town, Postcode, CreatedUtc, Version, CancelledLate)
                    VALUES (12, 'PM-UPG222', 'hash-two', 7, (SELECT MIN(Id) FROM Services), 60, '70.0', '2027-03-10 10:00:00', '2027-03-10 11:00:00', 1, 0, '1 Old Road', 'London', 'E1 6AN', '2027-02-01 10:00:00', '8A0D5B1E-0C7E-4A8E-9F1D-222222222222', 0);
                INSERT INTO CheckIns (Id, AppointmentId, ClientId, TokenHash, SentUtc, ExpiresUtc, AnsweredUtc, PainScore, Changes, RedFlags, Alerted)
                    VALUES (5, 12, 7, 'check-in-hash', '2027-03-08 09:00:00', '2027-03-10 11:00:00', NULL, NULL, NULL, '0', 0);
                """;
            await db.Database.ExecuteSqlRawAsync(rows);
        }

        // Opening the site runs the new migration.
        Assert.Equal(1, await factory.WithDbAsync(db => db.Appointments.CountAsync()));

        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT Id, AppointmentId, ClientId, TokenHash, SentUtc FROM CheckIns";
            await using var reader = await read.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            Assert.Equal((5L, 12L, 7L, "check-in-hash", "2027-03-08 09:00:00"),
                (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetString(3), reader.GetString(4)));
            Assert.False(await reader.ReadAsync());
        }

        await using var columns = connection.CreateCommand();
        columns.CommandText = "SELECT COUNT(*) FROM pragma_table_info('CheckIns') WHERE name = 'ExpiresUtc'";
        Assert.Equal(0L, (long)(await columns.ExecuteScalarAsync())!);
    }
}
