using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PaulMassage.IntegrationTests.Infrastructure;
using PaulMassage.Web.Features.Backups;
using PaulMassage.Web.Features.Privacy;

namespace PaulMassage.IntegrationTests.Features.Backups;

/// <summary>
/// Copies taken from the running site restore into a fresh one with exactly the data they held, and
/// an erasure made after a copy was taken is made again when that copy is restored.
/// </summary>
public sealed class TheBackups
{
    [Fact]
    public async Task restore_into_a_fresh_site_finds_exactly_the_bookings_made_before_the_backup()
    {
        using var site = new PracticeAppFactory();
        var starts = await site.FreeStartsAsync(3);
        var before = new[]
        {
            await site.BookAsync(starts[0], "Bea Before", "bea@test.example"),
            await site.BookAsync(starts[1], "Bob Before", "bob@test.example"),
        };
        var copy = await BackUpAsync(site);
        var after = await site.BookAsync(starts[2], "Al After", "al@test.example");

        using var fresh = new PracticeAppFactory();
        Assert.Equal(0, Restore(copy, fresh.DatabasePath));

        var restored = await fresh.WithDbAsync(db => db.Appointments.Select(a => a.Reference).ToListAsync());
        Assert.Equal(before.Select(b => b.Reference).Order(), restored.Order());
        Assert.DoesNotContain(after.Reference, restored);
        Assert.Equal(["Bea Before", "Bob Before"], await fresh.WithDbAsync(db => db.Clients.OrderBy(c => c.Name).Select(c => c.Name).ToListAsync()));
    }

    [Fact]
    public async Task a_copy_is_one_checked_file_readable_by_the_site_only()
    {
        using var site = new PracticeAppFactory();
        await site.BookAsync((await site.FreeStartsAsync(1))[0], "Cy Copy", "cy@test.example");

        var copy = await BackUpAsync(site);

        Assert.Null(SqliteCopies.Problem(copy));
        Assert.False(File.Exists(copy + "-wal"));
        Assert.Empty(Directory.EnumerateFiles(site.BackupFolder, "*.partial"));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(copy));
        }

        var status = site.Services.GetRequiredService<BackupStatusStore>().Current;
        Assert.Equal(Path.GetFileName(copy), status.LastGoodFile);
        Assert.True(status.LastAttemptGood);
    }

    [Fact]
    public async Task restore_refuses_a_file_that_is_not_a_sound_copy_of_the_site_and_leaves_the_database_alone()
    {
        using var site = new PracticeAppFactory();
        var booked = await site.BookAsync((await site.FreeStartsAsync(1))[0], "Stay Put", "stay@test.example");
        var target = Path.Combine(site.Folder, "target.db");
        Assert.Equal(0, Restore(await BackUpAsync(site), target));
        var before = await File.ReadAllBytesAsync(target);

        var garbage = Path.Combine(site.Folder, "garbage.db");
        await File.WriteAllTextAsync(garbage, "not a database at all, just some text that is long enough to look like a file");
        var stranger = Path.Combine(site.Folder, "stranger.db");
        using (var connection = new SqliteConnection($"Data Source={stranger};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE Notes (Id INTEGER PRIMARY KEY, Text TEXT);";
            command.ExecuteNonQuery();
        }

        Assert.Equal(1, Restore(garbage, target));
        Assert.Equal(1, Restore(stranger, target));
        Assert.Equal(1, Restore(Path.Combine(site.Folder, "missing.db"), target));
        Assert.Equal(before, await File.ReadAllBytesAsync(target));
        Assert.NotNull(booked);
    }

    [Fact]
    public async Task an_erased_client_is_erased_again_when_a_backup_from_before_the_erasure_is_restored()
    {
        using var site = new PracticeAppFactory();
        var starts = await site.FreeStartsAsync(2);
        var kept = await site.BookAsync(starts[0], "Kim Kept", "kim@test.example");
        var erased = await site.BookAsync(starts[1], "Eve Erased", "eve@test.example", f =>
        {
            f["Phone"] = "07700 900555";
            f["Address.AddressLine1"] = "3 Gone Street";
        });
        var copy = await BackUpAsync(site);
        await using (var scope = site.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<PrivacyService>().EraseClientAsync(erased.ClientId, "therapist");
        }

        // A new machine: a fresh site whose backup drive (copies and erasure ledger) is the old one's.
        using var fresh = new PracticeAppFactory();
        fresh.Settings["Backup:Folder"] = site.BackupFolder;
        Assert.Equal(0, Restore(copy, fresh.DatabasePath));
        Assert.Equal("Eve Erased", ReadDirectly(fresh.DatabasePath, $"SELECT Name FROM Clients WHERE Id = {erased.ClientId}"));

        var clients = await fresh.WithDbAsync(db => db.Clients.AsNoTracking().Include(c => c.Appointments).ToDictionaryAsync(c => c.Id));
        Assert.Equal((PrivacyService.ErasedName, string.Empty), (clients[erased.ClientId].Name, clients[erased.ClientId].Phone));
        Assert.All(clients[erased.ClientId].Appointments, a => Assert.Equal(string.Empty, a.AddressLine1));
        Assert.Equal("Kim Kept", clients[kept.ClientId].Name);
        Assert.Single(site.Services.GetRequiredService<ErasureLedger>().Entries());
    }

    [Fact]
    public async Task an_erased_booking_is_erased_again_and_its_request_closed_when_an_older_backup_is_restored()
    {
        using var site = new PracticeAppFactory();
        var starts = await site.FreeStartsAsync(2);
        const string email = "bo@test.example";
        var other = await site.BookAsync(starts[0], "Bo Twice", email, f => f["Address.AddressLine1"] = "1 Other Road");
        var asked = await site.BookAsync(starts[1], "Bo Twice", email, f => f["Address.AddressLine1"] = "2 Asked Road");
        int requestId;
        await using (var scope = site.Scope())
        {
            var privacy = scope.ServiceProvider.GetRequiredService<PrivacyService>();
            Assert.Equal(ErasureAsk.Recorded, await privacy.RequestErasureForBookingAsync(asked.Token));
            requestId = (await privacy.RequestsAsync()).Single().Id;
        }

        var copy = await BackUpAsync(site);
        await using (var scope = site.Scope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<PrivacyService>().CompleteRequestAsync(requestId, "therapist"));
        }

        using var fresh = new PracticeAppFactory();
        fresh.Settings["Backup:Folder"] = site.BackupFolder;
        Assert.Equal(0, Restore(copy, fresh.DatabasePath));

        var appointments = await fresh.WithDbAsync(db => db.Appointments.AsNoTracking().Include(a => a.Intake).ToDictionaryAsync(a => a.Id));
        Assert.Equal((string.Empty, true), (appointments[asked.Id].AddressLine1, appointments[asked.Id].Intake is null));
        Assert.Equal("1 Other Road", appointments[other.Id].AddressLine1);
        var request = await fresh.WithDbAsync(db => db.Set<ErasureRequest>().AsNoTracking().SingleAsync(r => r.Id == requestId));
        Assert.Equal(ErasureLedgerReplay.Actor, request.CompletedBy);
    }

    [Fact]
    public async Task a_new_client_who_gets_an_erased_clients_id_after_a_restore_is_left_alone()
    {
        using var site = new PracticeAppFactory();
        var starts = await site.FreeStartsAsync(2);
        await site.BookAsync(starts[0], "Ola Older", "ola@test.example");
        var copy = await BackUpAsync(site);
        var gone = await site.BookAsync(starts[1], "Gil Gone", "gil@test.example");
        await using (var scope = site.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<PrivacyService>().EraseClientAsync(gone.ClientId, "therapist");
        }

        using var fresh = new PracticeAppFactory();
        fresh.Settings["Backup:Folder"] = site.BackupFolder;
        Assert.Equal(0, Restore(copy, fresh.DatabasePath));
        fresh.Clock.Advance(TimeSpan.FromHours(1));
        var newcomer = await fresh.BookAsync((await fresh.FreeStartsAsync(1))[0], "Nia Newcomer", "nia@test.example");
        Assert.Equal(gone.ClientId, newcomer.ClientId); // the restored id counter hands the id out again

        await using (var scope = fresh.Scope())
        {
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<ErasureLedgerReplay>().ApplyAsync());
        }

        Assert.Equal("Nia Newcomer", await fresh.WithDbAsync(db => db.Clients.Where(c => c.Id == newcomer.ClientId).Select(c => c.Name).SingleAsync()));
    }

    [Fact]
    public async Task the_nightly_copy_is_taken_at_the_set_time_on_the_sites_clock_and_shown_in_the_back_office()
    {
        using var site = new PracticeAppFactory();
        site.Settings["Backup:Enabled"] = "true";
        using (var therapist = await site.TherapistAsync())
        {
            Assert.Contains("No good backup has been taken yet", await therapist.GetStringAsync(new Uri("/admin", UriKind.Relative)), StringComparison.Ordinal);
        }

        // 09:00 GMT on 1 March: the copy is due at 02:30 on 2 March. Up to a minute before, nothing.
        var status = site.Services.GetRequiredService<BackupStatusStore>();
        site.Clock.Advance(new TimeSpan(17, 29, 0));
        await Task.Delay(200);
        Assert.Null(status.Current.LastAttemptUtc);
        for (var step = 0; step < 100 && status.Current.LastGoodUtc is null; step++)
        {
            site.Clock.Advance(TimeSpan.FromSeconds(30));
            await Task.Delay(100);
        }

        var taken = Assert.IsType<DateTime>(status.Current.LastGoodUtc);
        Assert.InRange(taken, new DateTime(2027, 3, 2, 2, 30, 0, DateTimeKind.Utc), new DateTime(2027, 3, 2, 3, 30, 0, DateTimeKind.Utc));
        Assert.Single(site.Services.GetRequiredService<BackupService>().Copies());
        using (var therapist = await site.TherapistAsync())
        {
            var page = await therapist.GetStringAsync(new Uri("/admin", UriKind.Relative));
            Assert.Contains("Last good backup: Tue 2 Mar 2027", page, StringComparison.Ordinal);
            Assert.DoesNotContain("backup-alert", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task the_privacy_text_says_how_long_backups_keep_data()
    {
        using var site = new PracticeAppFactory();
        var booked = await site.BookAsync((await site.FreeStartsAsync(1))[0], "Pat Policy", "pat@test.example");
        using var visitor = site.Browser();

        var page = await visitor.GetStringAsync(new Uri($"/bookings/{booked.Token}", UriKind.Relative));

        Assert.Contains("keep a copy of the data for up to 12 months (a copy of each night for 14 days, then one a month)", page, StringComparison.Ordinal);
    }

    private static async Task<string> BackUpAsync(PracticeAppFactory site)
    {
        var result = await site.Services.GetRequiredService<BackupService>().BackUpAsync();
        Assert.True(result.Good, result.Problem);
        return Path.Combine(site.BackupFolder, result.File!);
    }

    private static int Restore(string copy, string database)
    {
        using var output = new StringWriter();
        var code = RestoreCommand.Restore(copy, database, output);
        Assert.Contains("The site must be stopped", output.ToString(), StringComparison.Ordinal);
        return code;
    }

    private static string? ReadDirectly(string database, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar() as string;
    }
}
