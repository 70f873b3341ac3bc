using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PaulMassage.IntegrationTests.Infrastructure;
using PaulMassage.Web.Features.Account;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Privacy;
using PaulMassage.Web.Infrastructure.Data;

namespace PaulMassage.IntegrationTests.Security;

/// <summary>A client's copy of their data, erasure on request completed by the therapist, anonymous history left behind.</summary>
public sealed class ThePrivacyRights(PracticeAppFactoryFixture fixture) : IClassFixture<PracticeAppFactoryFixture>
{
    private PracticeAppFactory Factory => fixture.Factory;

    [Fact]
    public async Task give_a_manage_link_a_json_copy_of_that_booking_only()
    {
        var email = $"dana-{Guid.NewGuid():N}@test.example";
        var starts = await Factory.FreeStartsAsync(2);
        var first = await Factory.BookAsync(starts[0], "Dana Download", email, f => f["MainComplaint"] = "First visit: tight shoulders");
        var second = await Factory.BookAsync(starts[1], "Dana Download", email, f => f["MainComplaint"] = "Second visit: stiff lower back");

        using var client = Factory.Visitor();
        using var response = await client.GetAsync($"/bookings/{first.Token}/my-data");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? string.Empty, StringComparison.Ordinal);

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal("Dana Download", root.GetProperty("client").GetProperty("name").GetString());
        Assert.Equal(email, root.GetProperty("client").GetProperty("email").GetString());
        var appointment = Assert.Single(root.GetProperty("appointments").EnumerateArray());
        Assert.Equal(first.Reference, appointment.GetProperty("reference").GetString());
        Assert.Equal("12 Example Street", appointment.GetProperty("address").GetProperty("line1").GetString());
        Assert.Equal("First visit: tight shoulders", appointment.GetProperty("intake").GetProperty("mainComplaint").GetString());
        Assert.Contains("Lower back", appointment.GetProperty("intake").GetProperty("painAreas").EnumerateArray().Select(a => a.GetString()));
        Assert.DoesNotContain(second.Reference, root.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task erase_through_a_manage_link_that_booking_only_and_keep_the_clients_other_visits()
    {
        var email = $"erin-{Guid.NewGuid():N}@test.example";
        var starts = await Factory.FreeStartsAsync(2);
        var done = await Factory.BookAsync(starts[0], "Erin Erasable", email, f => f["AddressLine1"] = "7 Secret Lane");
        var upcoming = await Factory.BookAsync(starts[1], "Erin Erasable", email, f => f["AddressLine1"] = "7 Secret Lane");
        await Factory.ProveAddressAsync(email, done.Reference);
        await Factory.ProveAddressAsync(email, upcoming.Reference);
        await CompleteVisitAsync(done.AppointmentId);
        var clientId = await Factory.WithDbAsync(db => db.Appointments.Where(a => a.Id == done.AppointmentId).Select(a => a.ClientId).SingleAsync());
        Assert.Equal(clientId, await Factory.WithDbAsync(db => db.Appointments.Where(a => a.Id == upcoming.AppointmentId).Select(a => a.ClientId).SingleAsync()));

        using var client = Factory.Visitor();
        using (var ask = await FormPost.PostAsync(client, $"/bookings/{upcoming.Token}", $"/bookings/{upcoming.Token}/erasure", []))
        {
            Assert.Equal(HttpStatusCode.Redirect, ask.StatusCode);
        }

        Assert.Contains("request to erase your data is with Paul", await client.GetStringAsync($"/bookings/{upcoming.Token}"), StringComparison.Ordinal);
        using (var again = await FormPost.PostAsync(client, $"/bookings/{upcoming.Token}", $"/bookings/{upcoming.Token}/erasure", []))
        {
            Assert.Contains("already asked", await client.GetStringAsync($"/bookings/{upcoming.Token}"), StringComparison.Ordinal);
        }

        using var therapist = await Factory.TherapistAsync(followRedirects: false);
        var list = WebUtility.HtmlDecode(await therapist.GetStringAsync("/admin/erasure-requests"));
        Assert.Contains("Erin Erasable", list, StringComparison.Ordinal);
        Assert.Contains($"Booking {upcoming.Reference} only", list, StringComparison.Ordinal);
        Assert.Contains("1 upcoming, will be cancelled", list, StringComparison.Ordinal);
        var requestId = await Factory.WithDbAsync(db => db.Set<ErasureRequest>().Where(r => r.AppointmentId == upcoming.AppointmentId).Select(r => r.Id).SingleAsync());
        using (var complete = await FormPost.PostAsync(therapist, "/admin/erasure-requests", $"/admin/erasure-requests/{requestId}/complete", []))
        {
            Assert.Equal(HttpStatusCode.Redirect, complete.StatusCode);
        }

        // The booking is anonymous history now: its time, service and status stay; the rest is gone.
        var erased = await Factory.WithDbAsync(db => db.Appointments.AsNoTracking().Include(a => a.Intake).SingleAsync(a => a.Id == upcoming.AppointmentId));
        Assert.Equal((AppointmentStatus.Cancelled, starts[1]), (erased.Status, erased.StartUtc));
        Assert.Null(erased.Intake);
        Assert.Equal(string.Empty, erased.AddressLine1);
        Assert.Equal(string.Empty, erased.Postcode);
        Assert.Null(erased.AccessNotes);
        Assert.Null(erased.ManageTokenProtected);
        Assert.Empty(await Factory.WithDbAsync(db => db.SlotClaims.Where(c => c.AppointmentId == upcoming.AppointmentId).ToListAsync()));
        using (var link = await client.GetAsync($"/bookings/{upcoming.Token}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, link.StatusCode);
        }

        // A manage link reaches its own booking only: the client's other visit and details stay.
        var kept = await Factory.WithDbAsync(db => db.Appointments.AsNoTracking().Include(a => a.Intake).Include(a => a.Client).SingleAsync(a => a.Id == done.AppointmentId));
        Assert.Equal((AppointmentStatus.Completed, "7 Secret Lane", "Erin Erasable"), (kept.Status, kept.AddressLine1, kept.Client!.Name));
        Assert.NotNull(kept.Intake);
        Assert.Null(kept.Client.ErasedUtc);
    }

    [Fact]
    public async Task erase_a_record_that_held_only_the_erased_booking_and_keep_only_anonymous_history()
    {
        var email = $"fred-{Guid.NewGuid():N}@test.example";
        var start = (await Factory.FreeStartsAsync(1))[0];
        var only = await Factory.BookAsync(start, "Fred Forgettable", email, f => f["AddressLine1"] = "9 Hidden Row");
        using var client = Factory.Visitor();
        using (var ask = await FormPost.PostAsync(client, $"/bookings/{only.Token}", $"/bookings/{only.Token}/erasure", []))
        {
            Assert.Equal(HttpStatusCode.Redirect, ask.StatusCode);
        }

        using var therapist = await Factory.TherapistAsync(followRedirects: false);
        var requestId = await Factory.WithDbAsync(db => db.Set<ErasureRequest>().Where(r => r.ClientId == only.ClientId).Select(r => r.Id).SingleAsync());
        using (var complete = await FormPost.PostAsync(therapist, "/admin/erasure-requests", $"/admin/erasure-requests/{requestId}/complete", []))
        {
            Assert.Equal(HttpStatusCode.Redirect, complete.StatusCode);
        }

        Assert.Contains("the client's personal and health data is erased", WebUtility.HtmlDecode(await therapist.GetStringAsync("/admin/erasure-requests")), StringComparison.Ordinal);
        var erased = await Factory.WithDbAsync(db => db.Clients.AsNoTracking().SingleAsync(c => c.Id == only.ClientId));
        Assert.Equal(PrivacyService.ErasedName, erased.Name);
        Assert.DoesNotContain("fred", erased.Email, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(string.Empty, erased.Phone);
        Assert.NotNull(erased.ErasedUtc);
        var history = await Factory.WithDbAsync(db => db.Appointments.AsNoTracking().Include(a => a.Intake).SingleAsync(a => a.Id == only.AppointmentId));
        Assert.Equal((AppointmentStatus.Cancelled, start, string.Empty), (history.Status, history.StartUtc, history.AddressLine1));
        Assert.Equal("deep-tissue-massage", await Factory.WithDbAsync(db => db.Services.Where(s => s.Id == history.ServiceId).Select(s => s.Slug).SingleAsync()));

        await AssertNotInDatabaseFilesAsync("Fred Forgettable", "9 Hidden Row", email);
    }

    [Fact]
    public async Task give_a_signed_in_client_all_their_data_and_delete_their_account_on_erasure()
    {
        var email = $"ali-{Guid.NewGuid():N}@test.example";
        var starts = await Factory.FreeStartsAsync(2);
        var one = await Factory.BookAsync(starts[0], "Ali Account", email);
        var two = await Factory.BookAsync(starts[1], "Ali Account", email);
        await Factory.ProveAddressAsync(email, one.Reference);
        await Factory.ProveAddressAsync(email, two.Reference);
        var userId = await Factory.CreateClientAccountAsync(email);

        using var client = await Factory.SignedInAsync(email, SecurityScenario.ClientPassword);
        using (var download = await client.GetAsync("/account/privacy/my-data"))
        using (var json = JsonDocument.Parse(await download.Content.ReadAsStringAsync()))
        {
            Assert.Equal("application/json", download.Content.Headers.ContentType?.MediaType);
            Assert.Equal("utf-8", download.Content.Headers.ContentType?.CharSet);
            var root = json.RootElement;
            Assert.Equal("account", root.GetProperty("scope").GetString());
            Assert.Equal(email, root.GetProperty("account").GetProperty("email").GetString());
            Assert.Equal(["Client"], root.GetProperty("account").GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
            Assert.Equal([one.Reference, two.Reference], root.GetProperty("appointments").EnumerateArray().Select(a => a.GetProperty("reference").GetString()));
        }

        using (var ask = await FormPost.PostAsync(client, "/account/privacy", "/account/privacy/erasure", []))
        {
            Assert.Equal(HttpStatusCode.Redirect, ask.StatusCode);
        }

        Assert.Contains("You have asked for this", await client.GetStringAsync("/account/privacy"), StringComparison.Ordinal);

        using var therapist = await Factory.TherapistAsync(followRedirects: false);
        var requestId = await Factory.WithDbAsync(db => db.Set<ErasureRequest>().Where(r => r.ClientId == one.ClientId).Select(r => r.Id).SingleAsync());
        using var complete = await FormPost.PostAsync(therapist, "/admin/erasure-requests", $"/admin/erasure-requests/{requestId}/complete", []);

        await using var scope = Factory.Scope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(userId));
        Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        using var after = await client.GetAsync("/account/privacy");
        Assert.True(TheAccessMatrix.IsSignInChallenge(after, "/account/privacy"), "The deleted account's session must end.");
    }

    private async Task CompleteVisitAsync(int appointmentId)
    {
        await using var scope = Factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var appointment = await db.Appointments.Include(a => a.SlotClaims).SingleAsync(a => a.Id == appointmentId);
        var now = Factory.Clock.GetUtcNow().UtcDateTime;
        appointment.ChangeStatus(AppointmentStatus.Confirmed, "therapist", now);
        appointment.ChangeStatus(AppointmentStatus.Completed, "therapist", now);
        await db.SaveChangesAsync();
    }

    private async Task AssertNotInDatabaseFilesAsync(params string[] texts)
    {
        await using (var connection = new SqliteConnection($"Data Source={Factory.DatabasePath};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            await checkpoint.ExecuteNonQueryAsync();
        }

        foreach (var file in Directory.EnumerateFiles(Factory.Folder, "practice.db*"))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            foreach (var text in texts)
            {
                Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) < 0, $"{text} is still in {Path.GetFileName(file)}");
            }
        }
    }
}

/// <summary>A practice that applies the retention rule itself, with the clock moved on by years.</summary>
public sealed class RetentionFixture : IDisposable
{
    public RetentionFixture()
    {
        Factory.Settings["Privacy:RetentionYears"] = "8";
        Factory.Settings["Privacy:RetentionWorkerEnabled"] = "false";
    }

    public PracticeAppFactory Factory { get; } = new();

    public void Dispose() => Factory.Dispose();
}

public sealed class TheRetentionRule(RetentionFixture fixture) : IClassFixture<RetentionFixture>
{
    [Fact]
    public async Task anonymises_clients_whose_last_visit_is_older_than_the_retention_period_and_no_one_else()
    {
        var factory = fixture.Factory;
        var old = await factory.BookAsync((await factory.FreeStartsAsync(1))[0], "Olive Oldclient", "olive@test.example");
        factory.Clock.Advance(TimeSpan.FromDays(7 * 365));
        var recent = await factory.BookAsync((await factory.FreeStartsAsync(1))[0], "Rita Recent", "rita@test.example");

        await using (var scope = factory.Scope())
        {
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<RetentionService>().ApplyAsync());
        }

        factory.Clock.Advance(TimeSpan.FromDays(366 + 7));
        await using (var scope = factory.Scope())
        {
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<RetentionService>().ApplyAsync());
        }

        var clients = await factory.WithDbAsync(db => db.Clients.AsNoTracking().ToDictionaryAsync(c => c.Id));
        Assert.Equal(PrivacyService.ErasedName, clients[old.ClientId].Name);
        Assert.Equal("Rita Recent", clients[recent.ClientId].Name);
        Assert.True(await factory.WithDbAsync(db => db.Appointments.AnyAsync(a => a.Id == old.AppointmentId && a.Intake == null)));
        Assert.True(await factory.WithDbAsync(db => db.IntakeAssessments.AnyAsync(i => i.AppointmentId == recent.AppointmentId)));
    }
}
