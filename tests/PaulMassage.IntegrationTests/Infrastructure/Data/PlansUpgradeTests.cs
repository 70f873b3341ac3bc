using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PaulMassage.IntegrationTests.Infrastructure;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Infrastructure.Data;

namespace PaulMassage.IntegrationTests.Infrastructure.Data;

/// <summary>
/// A database made before the self-help library and plans (its last migration "Vouchers"), with a
/// client, a finished visit and one to come, opens in this version with every booking intact, the
/// library seeded, and a plan can be made for the visit that took place before the upgrade.
/// </summary>
public sealed class ADatabaseFromBeforePlans
{
    [Fact]
    public async Task keeps_every_booking_gets_the_self_help_library_and_takes_a_plan_for_an_old_visit()
    {
        using var factory = new PracticeAppFactory();
        await using (var db = new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={factory.DatabasePath};Pooling=False").Options))
        {
            var before = db.Database.GetMigrations().Last(id => id.EndsWith("_Vouchers", StringComparison.Ordinal));
            await db.GetService<IMigrator>().MigrateAsync(before);
            const string rows = """
                INSERT INTO Services (Id, Slug, Name, Summary, Suits, DescriptionMarkdown, IsActive, SortOrder) VALUES (1, 'deep-tissue-massage', 'Deep tissue massage', 'Slow, firm work on long-held tension.', 's', 'd', 1, 1);
                INSERT INTO Clients (Id, Name, Email, NormalizedEmail, Phone, UserId, CreatedUtc, Provisional) VALUES (7, 'Uma Upgrade', 'uma@example.com', 'UMA@EXAMPLE.COM', '07700 900321', NULL, '2027-02-01 10:00:00', 0);
                INSERT INTO Appointments (Id, Reference, ManageTokenHash, ClientId, ServiceId, DurationMinutes, PriceGbp, StartUtc, EndUtc, Status, NeedsReview, AddressLine1, Town, Postcode, CreatedUtc, Version, CancelledLate)
                    VALUES (11, 'PM-UPG111', 'hash-one', 7, 1, 60, '70.0', '2027-02-20 10:00:00', '2027-02-20 11:00:00', 4, 0, '1 Old Road', 'London', 'E1 6AN', '2027-02-01 10:00:00', '8A0D5B1E-0C7E-4A8E-9F1D-111111111111', 0),
                           (12, 'PM-UPG222', 'hash-two', 7, 1, 60, '70.0', '2027-03-10 10:00:00', '2027-03-10 11:00:00', 1, 0, '1 Old Road', 'London', 'E1 6AN', '2027-02-01 10:00:00', '8A0D5B1E-0C7E-4A8E-9F1D-222222222222', 0);
                """;
            await db.Database.ExecuteSqlRawAsync(rows);
        }

        var appointments = await factory.WithDbAsync(db => db.Appointments.AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.Reference, a.Status, a.ClientId }).ToListAsync());
        Assert.Equal(["PM-UPG111", "PM-UPG222"], appointments.Select(a => a.Reference));
        Assert.Equal([AppointmentStatus.Completed, AppointmentStatus.Confirmed], appointments.Select(a => a.Status));
        Assert.Equal(10, await factory.WithDbAsync(db => db.SelfHelpItems.CountAsync()));

        using var paul = await factory.TherapistAsync(followRedirects: false);
        var kneeHugs = await factory.WithDbAsync(db => db.SelfHelpItems.Where(i => i.Title == "Knee hugs").Select(i => i.Id).SingleAsync());
        var form = await paul.GetStringAsync("/admin/visits/11/plan");
        Assert.Contains("Slow, firm work on long-held tension.", form, StringComparison.Ordinal); // no intake then: the treatment's own words
        using var saved = await FormPost.PostAsync(paul, "/admin/visits/11/plan", "/admin/visits/11/plan",
        [
            new("Techniques[0].ServiceId", "1"), new("Techniques[0].UsedToday", "true"), new("Techniques[0].Planned", "true"), new("Techniques[0].Reason", "Long-held tension."),
            new("SelfHelp[0].ItemId", kneeHugs.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("SelfHelp[0].Chosen", "true"), new("SelfHelp[0].Note", string.Empty),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(7, await factory.WithDbAsync(db => db.CarePlans.Where(p => p.AppointmentId == 11).Select(p => p.ClientId).SingleAsync()));
    }
}
