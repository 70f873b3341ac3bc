using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PaulMassage.IntegrationTests.Infrastructure;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Privacy;
using PaulMassage.Web.Infrastructure.Data.Encryption;

namespace PaulMassage.IntegrationTests.Features.Plans;

/// <summary>Plans are health data: encrypted at rest, in the client's data export, erased with the client.</summary>
public sealed class ThePlansPrivacy : IDisposable
{
    private const string Email = "priya.private@client.example";
    private readonly PracticeAppFactory factory = new();

    public void Dispose() => factory.Dispose();

    private async Task<(ArrangedVisit First, ArrangedVisit Second)> TwoPlansAsync()
    {
        var first = await factory.VisitAsync(Email, new DateTime(2027, 2, 8, 10, 0, 0, DateTimeKind.Utc), AppointmentStatus.Completed, name: "Priya Private");
        var second = await factory.VisitAsync(Email, new DateTime(2027, 2, 22, 10, 0, 0, DateTimeKind.Utc), AppointmentStatus.Completed);
        await factory.PlanAsync(first, "Sciatic-q1 reason.", ("Knee hugs", "Hernia-n1 side"));
        await factory.PlanAsync(second, "Sciatic-q2 reason.", ("Cat and cow", "Hernia-n2 side"));
        return (first, second);
    }

    [Fact]
    public async Task keeps_the_reasons_and_personal_notes_as_ciphertext_that_the_raw_tables_and_files_do_not_reveal()
    {
        await TwoPlansAsync();
        await using var connection = new SqliteConnection($"Data Source={factory.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        foreach (var sql in new[] { "SELECT Reason FROM CarePlanTechniques", "SELECT Note FROM CarePlanItems" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync();
            var rows = 0;
            while (await reader.ReadAsync())
            {
                Assert.StartsWith(ColumnProtector.Prefix, reader.GetString(0), StringComparison.Ordinal);
                rows++;
            }

            Assert.Equal(2, rows);
        }

        await using (var checkpoint = connection.CreateCommand())
        {
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            await checkpoint.ExecuteNonQueryAsync();
        }

        foreach (var file in Directory.EnumerateFiles(factory.Folder, "practice.db*"))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            foreach (var secret in new[] { "Sciatic-q1", "Hernia-n1", "Hernia-n2" })
            {
                Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)) < 0, $"{secret} is in {Path.GetFileName(file)}");
            }
        }
    }

    [Fact]
    public async Task are_in_the_accounts_data_export_and_a_bookings_export_has_that_visits_plan_only()
    {
        var (first, _) = await TwoPlansAsync();
        await factory.ClientAccountAsync(Email);
        using var client = await factory.SignedInAsync(Email);

        var account = await client.GetStringAsync("/account/privacy/my-data");
        Assert.Contains("\"plans\"", account, StringComparison.Ordinal);
        Assert.Contains("Hernia-n1 side", account, StringComparison.Ordinal);
        Assert.Contains("Hernia-n2 side", account, StringComparison.Ordinal);
        Assert.Contains("Sciatic-q2 reason.", account, StringComparison.Ordinal);

        using var anyone = factory.Browser();
        var booking = await anyone.GetStringAsync($"/bookings/{first.Token}/my-data");
        Assert.Contains("Hernia-n1 side", booking, StringComparison.Ordinal);
        Assert.DoesNotContain("Hernia-n2", booking, StringComparison.Ordinal);
        Assert.DoesNotContain("Sciatic-q2", booking, StringComparison.Ordinal);
    }

    [Fact]
    public async Task erasing_one_booking_takes_its_plan_and_erasing_the_client_takes_every_version()
    {
        var (first, second) = await TwoPlansAsync();

        await using (var scope = factory.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<PrivacyService>().EraseBookingAgainAsync(first.Id, "therapist");
        }

        Assert.Equal([second.Id], await factory.WithDbAsync(db => db.CarePlans.Select(p => p.AppointmentId).ToListAsync()));
        Assert.Equal(1, await factory.WithDbAsync(db => db.CarePlanItems.CountAsync()));

        await using (var scope = factory.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<PrivacyService>().EraseClientAsync(first.ClientId, "therapist");
        }

        Assert.False(await factory.WithDbAsync(db => db.CarePlans.AnyAsync()));
        Assert.False(await factory.WithDbAsync(db => db.CarePlanItems.AnyAsync()));
        Assert.True(await factory.WithDbAsync(db => db.SelfHelpItems.AnyAsync())); // the library is the practice's, not the client's
    }
}
