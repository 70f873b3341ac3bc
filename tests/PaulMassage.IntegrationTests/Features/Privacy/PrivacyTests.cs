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
using PaulMassage.Web.Features.Notifications;
using PaulMassage.Web.Features.Privacy;
using PaulMassage.Web.Infrastructure.Data;

namespace PaulMassage.IntegrationTests.Features.Privacy;

/// <summary>A client's copy of their data, erasure on request completed by the therapist, anonymous history left behind.</summary>
public sealed class ThePrivacyRights(PracticeAppFactoryFixture fixture) : IClassFixture<PracticeAppFactoryFixture>
{
    private PracticeAppFactory Factory => fixture.Factory;

    [Fact]
    public async Task give_a_manage_link_a_json_copy_of_that_booking_only()
    {
        var email = $"dana-{Guid.NewGuid():N}@test.example";
        var starts = await Factory.FreeStartsAsync(2);
        var first = await Factory.BookAsync(starts[0], "Dana Download", email, f => f["Intake.MainComplaint"] = "First visit: tight shoulders");
        var second = await Factory.BookAsync(starts[1], "Dana Download", email, f => f["Intake.MainComplaint"] = "Second visit: stiff lower back");

        using var client = Factory.Browser();
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
        var done = await Factory.BookAsync(starts[0], "Erin Erasable", email, f => f["Address.AddressLine1"] = "7 Secret Lane");
        var upcoming = await Factory.BookAsync(starts[1], "Erin Erasable", email, f => f["Address.AddressLine1"] = "7 Secret Lane");
        await Factory.ProveAddressAsync(email, done.Reference);
        await Factory.ProveAddressAsync(email, upcoming.Reference);
        await CompleteVisitAsync(done.Id);
        var clientId = await Factory.WithDbAsync(db => db.Appointments.Where(a => a.Id == done.Id).Select(a => a.ClientId).SingleAsync());
        Assert.Equal(clientId, await Factory.WithDbAsync(db => db.Appointments.Where(a => a.Id == upcoming.Id).Select(a => a.ClientId).SingleAsync()));

        using var client = Factory.Browser();
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
        var requestId = await Factory.WithDbAsync(db => db.Set<ErasureRequest>().Where(r => r.AppointmentId == upcoming.Id).Select(r => r.Id).SingleAsync());
        using (var complete = await FormPost.PostAsync(therapist, "/admin/erasure-requests", $"/admin/erasure-requests/{requestId}/complete", []))
        {
            Assert.Equal(HttpStatusCode.Redirect, complete.StatusCode);
        }

        // The booking is anonymous history now: its time, service and status stay; the rest is gone.
        var erased = await Factory.WithDbAsync(db => db.Appointments.AsNoTracking().Include(a => a.Intake).SingleAsync(a => a.Id == upcoming.Id));
        Assert.Equal((AppointmentStatus.Cancelled, starts[1]), (erased.Status, erased.StartUtc));
        Assert.Null(erased.Intake);
        Assert.Equal(string.Empty, erased.AddressLine1);
        Assert.Equal(string.Empty, erased.Postcode);
        Assert.Null(erased.AccessNotes);
        Assert.Null(erased.ManageTokenProtected);
        Assert.Empty(await Factory.WithDbAsync(db => db.SlotClaims.Where(c => c.AppointmentId == upcoming.Id).ToListAsync()));
        using (var link = await client.GetAsync($"/bookings/{upcoming.Token}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, link.StatusCode);
        }

        // A manage link reaches its own booking only: the client's other visit and details stay.
        var kept = await Factory.WithDbAsync(db => db.Appointments.AsNoTracking().Include(a => a.Intake).Include(a => a.Client).SingleAsync(a => a.Id == done.Id));
        Assert.Equal((AppointmentStatus.Completed, "7 Secret Lane", "Erin Erasable"), (kept.Status, kept.AddressLine1, kept.Client!.Name));
        Assert.NotNull(kept.Intake);
        Assert.Null(kept.Client.ErasedUtc);
    }

    [Fact]
    public async Task erase_a_record_that_held_only_the_erased_booking_and_keep_only_anonymous_history()
    {
        var email = $"fred-{Guid.NewGuid():N}@test.example";
        var start = (await Factory.FreeStartsAsync(1))[0];
        var only = await Factory.BookAsync(start, "Fred Forgettable", email, f =>
        {
            f["Address.AddressLine1"] = "9 Hidden Row";
            f["Phone"] = "07700 900913";
        });
        Assert.NotEmpty(await MailPickup.ToAsync(Factory, email));
        using var client = Factory.Browser();
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
        var history = await Factory.WithDbAsync(db => db.Appointments.AsNoTracking().Include(a => a.Intake).SingleAsync(a => a.Id == only.Id));
        Assert.Equal((AppointmentStatus.Cancelled, start, string.Empty), (history.Status, history.StartUtc, history.AddressLine1));
        Assert.Equal("deep-tissue-massage", await Factory.WithDbAsync(db => db.Services.Where(s => s.Id == history.ServiceId).Select(s => s.Slug).SingleAsync()));

        await AssertLeftNowhereAsync("Fred Forgettable", "9 Hidden Row", "07700 900913", email);
    }

    [Fact]
    public async Task erase_a_whole_record_and_leave_no_trace_of_it_in_the_database_files_mail_or_logs()
    {
        const string name = "Vera Vanishing";
        const string phone = "07700 900871";
        const string address = "41 Vanishing Mews";
        const string access = "Key safe code 9931";
        var email = $"vera-{Guid.NewGuid():N}@test.example";
        var starts = await Factory.FreeStartsAsync(2);
        void Details(Dictionary<string, string> f)
        {
            f["Phone"] = phone;
            f["Address.AddressLine1"] = address;
            f["Address.AccessNotes"] = access;
        }

        var first = await Factory.BookAsync(starts[0], name, email, Details);
        var second = await Factory.BookAsync(starts[1], name, email, Details);
        await Factory.ProveAddressAsync(email, first.Reference);
        await Factory.ProveAddressAsync(email, second.Reference);
        var clientId = await Factory.WithDbAsync(db => db.Appointments.Where(a => a.Id == first.Id).Select(a => a.ClientId).SingleAsync());
        Assert.True((await MailPickup.ToAsync(Factory, email)).Count >= 2);
        Assert.Contains(Directory.EnumerateFiles(Factory.MailFolder), f => File.ReadAllText(f).Contains(phone, StringComparison.Ordinal));

        await using (var scope = Factory.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<PrivacyService>().EraseClientAsync(clientId, "therapist");
        }

        var erased = await Factory.WithDbAsync(db => db.Clients.AsNoTracking().Include(c => c.Appointments).SingleAsync(c => c.Id == clientId));
        Assert.Equal((PrivacyService.ErasedName, string.Empty), (erased.Name, erased.Phone));
        Assert.Equal(2, erased.Appointments.Count);
        Assert.All(erased.Appointments, a => Assert.Equal((string.Empty, (string?)null, (string?)null), (a.AddressLine1, a.AccessNotes, a.ManageTokenProtected)));
        Assert.False(await Factory.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.ToAddress == email || m.AppointmentId == first.Id || m.AppointmentId == second.Id)));
        await AssertLeftNowhereAsync(name, email, phone, address, access);
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
        var userId = await Factory.ClientAccountAsync(email);

        using var client = await Factory.SignedInAsync(email);
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
        Assert.True(SigningIn.IsSignInChallenge(after, "/account/privacy"), "The deleted account's session must end.");
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

    /// <summary>
    /// Every byte of every file the site keeps (the database with its -wal and -shm, the mail pickup
    /// folder, the logs) is free of the texts. The site must have emptied the write-ahead log itself:
    /// nothing is checkpointed here.
    /// </summary>
    private async Task AssertLeftNowhereAsync(params string[] texts)
    {
        var files = Directory.EnumerateFiles(Factory.Folder, "*", SearchOption.AllDirectories).ToList();
        Assert.Contains(files, f => f.EndsWith("practice.db", StringComparison.Ordinal));
        Assert.Contains(files, f => Path.GetDirectoryName(f) == Path.Combine(Factory.Folder, "logs"));
        foreach (var file in files)
        {
            byte[] bytes;
            await using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            using (var copy = new MemoryStream())
            {
                await stream.CopyToAsync(copy);
                bytes = copy.ToArray();
            }

            foreach (var text in texts)
            {
                Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) < 0, $"{text} is still in {Path.GetRelativePath(Factory.Folder, file)}");
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
        Assert.True(await factory.WithDbAsync(db => db.Appointments.AnyAsync(a => a.Id == old.Id && a.Intake == null)));
        Assert.True(await factory.WithDbAsync(db => db.IntakeAssessments.AnyAsync(i => i.AppointmentId == recent.Id)));
    }
}

/// <summary>The pickup folder keeps no e-mail longer than Email:PickupRetentionDays (30), counted on the site's clock.</summary>
public sealed class ThePickupRetention : IDisposable
{
    private readonly PracticeAppFactory factory = new();

    // The background sender also deletes expired files on each pass; switched off here so that the
    // files counted are the ones this test's own call deletes.
    public ThePickupRetention() => factory.Settings["Email:DispatcherEnabled"] = "false";

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task deletes_pickup_files_once_they_are_older_than_the_retention_period()
    {
        var email = $"pia-{Guid.NewGuid():N}@test.example";
        await factory.BookAsync((await factory.FreeStartsAsync(1))[0], "Pia Pickup", email);
        Assert.NotEmpty(await MailPickup.ToAsync(factory, email));
        var pickup = factory.Services.GetRequiredService<PickupDirectoryTransport>();

        factory.Clock.Advance(TimeSpan.FromDays(29));
        Assert.Equal(0, pickup.DeleteExpired());
        Assert.NotEmpty(Directory.EnumerateFiles(factory.MailFolder, "*.eml"));

        var written = Directory.EnumerateFiles(factory.MailFolder, "*.eml").Count();
        Assert.True(written >= 2, "the client's acknowledgement and Paul's notice");
        factory.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(written, pickup.DeleteExpired());
        Assert.Empty(Directory.EnumerateFiles(factory.MailFolder));
    }
}
