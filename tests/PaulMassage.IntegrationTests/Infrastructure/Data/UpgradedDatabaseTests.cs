using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PaulMassage.IntegrationTests.Infrastructure;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Infrastructure.Data;
using PaulMassage.Web.Infrastructure.Data.Encryption;

namespace PaulMassage.IntegrationTests.Infrastructure.Data;

/// <summary>
/// A database made before access notes, decline reasons, history notes and course goals were
/// encrypted (its last migration "ManageLinkExpiry"), with those stored in clear, opens in this
/// version with each of them encrypted by the start that migrates it, and every booking and course
/// intact and readable.
/// </summary>
public sealed class AnUpgradedDatabase
{
    private const string AccessNotes = "Key safe 4711, code C-3388";
    private const string DeclineReason = "Not with a recent disc prolapse-q2";
    private const string HistoryNote = "Reason given to the client: disc prolapse-q2";
    private const string Goal = "Lift grandchild-k7 without sciatica";

    [Fact]
    public async Task encrypts_the_plaintext_free_text_at_its_first_start_and_keeps_every_booking_and_course_readable()
    {
        using var factory = new PracticeAppFactory();
        var token = ManageToken.Create();
        await using (var db = new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={factory.DatabasePath};Pooling=False").Options))
        {
            var before = db.Database.GetMigrations().Last(id => id.EndsWith("_ManageLinkExpiry", StringComparison.Ordinal));
            await db.GetService<IMigrator>().MigrateAsync(before);
            var rows = $"""
                INSERT INTO Services (Id, Slug, Name, Summary, Suits, DescriptionMarkdown, IsActive, SortOrder) VALUES (1, 'swedish-massage', 'Swedish massage', 's', 's', 'd', 1, 1);
                INSERT INTO Clients (Id, Name, Email, NormalizedEmail, Phone, UserId, CreatedUtc, Provisional) VALUES (7, 'Olga Older', 'olga@example.com', 'OLGA@EXAMPLE.COM', '07700 900321', NULL, '2027-02-01 10:00:00', 0);
                -- Version as EF Core writes a Guid on SQLite (upper-case text): it is the concurrency token the sweep saves with.
                INSERT INTO Appointments (Id, Reference, ManageTokenHash, ClientId, ServiceId, DurationMinutes, PriceGbp, StartUtc, EndUtc, Status, NeedsReview, AddressLine1, Town, Postcode, AccessNotes, DeclineReason, CreatedUtc, Version)
                    VALUES (11, 'PM-OLD111', '{ManageToken.Hash(token)}', 7, 1, 60, '70.0', '2027-03-10 10:00:00', '2027-03-10 11:00:00', 2, 0, '1 Old Road', 'London', 'E1 6AN', '{AccessNotes}', '{DeclineReason}', '2027-02-01 10:00:00', '8A0D5B1E-0C7E-4A8E-9F1D-111111111111'),
                           (12, 'PM-OLD222', 'hash-two', 7, 1, 60, '70.0', '2027-02-10 10:00:00', '2027-02-10 11:00:00', 4, 0, '1 Old Road', 'London', 'E1 6AN', NULL, NULL, '2027-02-01 10:00:00', '8A0D5B1E-0C7E-4A8E-9F1D-222222222222');
                INSERT INTO AppointmentEvents (Id, AppointmentId, FromStatus, ToStatus, Actor, AtUtc, Note)
                    VALUES (41, 11, NULL, 0, 'client', '2027-02-01 10:00:00', NULL),
                           (42, 11, 0, 2, 'paul@test.example', '2027-02-02 10:00:00', '{HistoryNote}'),
                           (43, 12, 1, 4, 'paul@test.example', '2027-02-10 11:00:00', 'Went well');
                INSERT INTO CoursesOfTreatment (Id, ClientId, ServiceId, SessionMinutes, Sessions, IntervalDays, Goal, StartDate, CreatedUtc, UpdatedUtc)
                    VALUES (51, 7, 1, 60, 6, 14, '{Goal}', '2027-02-10', '2027-02-01 10:00:00', '2027-02-01 10:00:00');
                """;
            await db.Database.ExecuteSqlRawAsync(rows);
        }

        // The site's first start applies the new migration and sweeps the plaintext into ciphertext.
        var appointments = await factory.WithDbAsync(db => db.Appointments.AsNoTracking().Include(a => a.History).OrderBy(a => a.Id).ToListAsync());

        Assert.Equal(["PM-OLD111", "PM-OLD222"], appointments.Select(a => a.Reference));
        Assert.Equal((AccessNotes, DeclineReason, AppointmentStatus.Declined, "1 Old Road"), (appointments[0].AccessNotes, appointments[0].DeclineReason, appointments[0].Status, appointments[0].AddressLine1));
        Assert.Equal([null, HistoryNote], appointments[0].History.OrderBy(e => e.Id).Select(e => e.Note));
        Assert.Equal((AppointmentStatus.Completed, (string?)null, "Went well"), (appointments[1].Status, appointments[1].AccessNotes, Assert.Single(appointments[1].History).Note));
        var course = await factory.WithDbAsync(db => db.Courses.AsNoTracking().SingleAsync());
        Assert.Equal((Goal, 6, 14, new DateOnly(2027, 2, 10)), (course.Goal, course.Sessions, course.IntervalDays, course.StartDate));

        var raw = await factory.WithDbAsync(async db => new[]
        {
            await db.Database.SqlQueryRaw<string>("SELECT AccessNotes AS Value FROM Appointments WHERE Id = 11").SingleAsync(),
            await db.Database.SqlQueryRaw<string>("SELECT DeclineReason AS Value FROM Appointments WHERE Id = 11").SingleAsync(),
            await db.Database.SqlQueryRaw<string>("SELECT Note AS Value FROM AppointmentEvents WHERE Id = 42").SingleAsync(),
            await db.Database.SqlQueryRaw<string>("SELECT Note AS Value FROM AppointmentEvents WHERE Id = 43").SingleAsync(),
            await db.Database.SqlQueryRaw<string>("SELECT Goal AS Value FROM CoursesOfTreatment WHERE Id = 51").SingleAsync(),
        });
        Assert.All(raw, value => Assert.StartsWith(ColumnProtector.Prefix, value, StringComparison.Ordinal));

        // The client still reads Paul's reason on the manage page, and the database files hold none of the text.
        using var client = factory.Browser();
        Assert.Contains(DeclineReason, await (await client.GetAsync($"/bookings/{token}")).TextAsync(), StringComparison.Ordinal);
        await using (var connection = new SqliteConnection($"Data Source={factory.DatabasePath};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            await checkpoint.ExecuteNonQueryAsync();
        }

        foreach (var file in Directory.EnumerateFiles(factory.Folder, "practice.db*"))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            foreach (var text in new[] { "4711", "prolapse-q2", "grandchild-k7" })
            {
                Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) < 0, $"{text} is still in {Path.GetFileName(file)}");
            }
        }
    }
}
