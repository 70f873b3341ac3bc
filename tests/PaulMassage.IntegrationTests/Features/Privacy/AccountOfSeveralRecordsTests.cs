using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PaulMassage.IntegrationTests.Infrastructure;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Notifications;
using PaulMassage.Web.Features.Payments;
using PaulMassage.Web.Features.Privacy;

namespace PaulMassage.IntegrationTests.Features.Privacy;

/// <summary>
/// An account that owns two client records (<c>ClientAccounts.OwnRecordsAsync</c>): its data export
/// and its erasure request cover both, and never the record of a stranger who booked without
/// signing in using the account's address. Each test has a practice of its own.
/// </summary>
public sealed class TheRightsOfAnAccountWithSeveralRecords : IDisposable
{
    private const string Email = "olive.owner@test.example";
    private const string FirstComplaint = "Olive's first-record complaint: stiff neck";
    private const string SecondComplaint = "Olive's second-record complaint: sore calves";
    private const string StrangerComplaint = "Sam's own complaint: clicking jaw";

    private readonly PracticeAppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private sealed record Arranged(ArrangedVisit First, ArrangedVisit Second, ArrangedVisit Stranger, string UserId);

    /// <summary>
    /// Olive's account owns her address's record (a visit, with a note) and a second record (a paid
    /// visit under an address she used before), linked to the account here the way a joined record
    /// is: its UserId is the account's. A stranger then books with Olive's address, in capitals.
    /// </summary>
    private async Task<Arranged> ArrangeAsync()
    {
        var first = await _factory.VisitAsync(Email, new DateTime(2027, 2, 20, 10, 0, 0, DateTimeKind.Utc), AppointmentStatus.Completed,
            name: "Olive Owner", complaint: FirstComplaint);
        await _factory.NoteAsync(first.Id, 4);
        var second = await _factory.VisitAsync("olive.earlier@test.example", new DateTime(2027, 2, 27, 10, 0, 0, DateTimeKind.Utc), AppointmentStatus.Completed,
            name: "Olive Owner", complaint: SecondComplaint);
        await _factory.NoteAsync(second.Id, 7);
        var userId = await _factory.ClientAccountAsync(Email);
        await _factory.WithDbAsync(async db =>
        {
            (await db.Clients.SingleAsync(c => c.Id == second.ClientId)).UserId = userId;
            db.Payments.Add(Payment.Record(second.Id, PaymentKind.Visit, 70m, PaymentMethods.Card, 1, _factory.Clock.GetUtcNow().UtcDateTime));
            return await db.SaveChangesAsync();
        });
        var start = (await _factory.FreeStartsAsync(1))[0];
        var stranger = await _factory.BookAsync(start, "Sam Stranger", Email.ToUpperInvariant(), f => f["Intake.MainComplaint"] = StrangerComplaint);
        Assert.NotEqual(first.ClientId, stranger.ClientId);
        return new Arranged(first, second, stranger, userId);
    }

    [Fact]
    public async Task export_the_visits_intakes_notes_and_payments_of_both_records_and_nothing_of_the_strangers()
    {
        var olive = await ArrangeAsync();

        using var browser = await _factory.SignedInAsync(Email);
        var export = await browser.GetStringAsync("/account/privacy/my-data");

        using (var json = JsonDocument.Parse(export))
        {
            var root = json.RootElement;
            Assert.Equal(
                [(olive.First.Reference, FirstComplaint), (olive.Second.Reference, SecondComplaint)],
                root.GetProperty("appointments").EnumerateArray().Select(a => (a.GetProperty("reference").GetString(), a.GetProperty("intake").GetProperty("mainComplaint").GetString())));
            Assert.Equal(
                [Email, "olive.earlier@test.example"],
                root.GetProperty("clientRecords").EnumerateArray().Select(c => c.GetProperty("email").GetString()));
            Assert.Equal(Email, root.GetProperty("client").GetProperty("email").GetString());
            Assert.Equal(
                [olive.First.Reference, olive.Second.Reference],
                root.GetProperty("other").GetProperty("treatmentRecords").GetProperty("treatmentNotes").EnumerateArray().Select(n => n.GetProperty("reference").GetString()));
            var payment = Assert.Single(root.GetProperty("other").GetProperty("payments").EnumerateArray());
            Assert.Equal(olive.Second.Reference, payment.GetProperty("reference").GetString());
        }

        foreach (var secret in new[] { olive.Stranger.Reference, "Sam", StrangerComplaint })
        {
            Assert.DoesNotContain(secret, export, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ask_erasure_of_both_records_at_once_and_never_of_the_strangers()
    {
        var olive = await ArrangeAsync();

        using var browser = await _factory.SignedInAsync(Email);
        using (var ask = await FormPost.PostAsync(browser, "/account/privacy", "/account/privacy/erasure", []))
        {
            Assert.Equal(HttpStatusCode.Redirect, ask.StatusCode);
        }

        Assert.Contains("You have asked for this", await browser.GetStringAsync("/account/privacy"), StringComparison.Ordinal);
        var requests = await _factory.WithDbAsync(db => db.Set<ErasureRequest>().AsNoTracking().OrderBy(r => r.ClientId).ToListAsync());
        Assert.Equal(
            [(olive.First.ClientId, (int?)null, "account"), (olive.Second.ClientId, null, "account")],
            requests.Select(r => (r.ClientId, r.AppointmentId, r.Channel)));
        Assert.Equal(1, await _factory.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Kind == NotificationKind.TherapistErasureRequested)));

        // Asking again adds nothing.
        using (var again = await FormPost.PostAsync(browser, "/account/privacy", "/account/privacy/erasure", []))
        {
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        }

        Assert.Equal(2, await _factory.WithDbAsync(db => db.Set<ErasureRequest>().CountAsync()));
    }

    [Fact]
    public async Task give_the_stranger_who_booked_with_the_address_nothing_of_either_record()
    {
        var olive = await ArrangeAsync();

        // The stranger's record stays apart from Olive's account...
        Assert.Null(await _factory.WithDbAsync(db => db.Clients.Where(c => c.Id == olive.Stranger.ClientId).Select(c => c.UserId).SingleAsync()));

        // ...and the stranger's link shows and exports the stranger's booking only.
        using var stranger = _factory.Browser();
        var page = await stranger.GetStringAsync(olive.Stranger.ManageUrl);
        var export = await stranger.GetStringAsync($"/bookings/{olive.Stranger.Token}/my-data");
        using (var json = JsonDocument.Parse(export))
        {
            Assert.Equal([olive.Stranger.Reference], json.RootElement.GetProperty("appointments").EnumerateArray().Select(a => a.GetProperty("reference").GetString()));
            Assert.Equal(["Sam Stranger"], json.RootElement.GetProperty("clientRecords").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        }

        foreach (var secret in new[] { "Olive", "olive.earlier", olive.First.Reference, olive.Second.Reference, FirstComplaint, SecondComplaint })
        {
            Assert.DoesNotContain(secret, page, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, export, StringComparison.Ordinal);
        }

        // An erasure asked through the stranger's link reaches the stranger's booking only.
        using (var ask = await FormPost.PostAsync(stranger, olive.Stranger.ManageUrl, $"/bookings/{olive.Stranger.Token}/erasure", []))
        {
            Assert.Equal(HttpStatusCode.Redirect, ask.StatusCode);
        }

        var request = await _factory.WithDbAsync(db => db.Set<ErasureRequest>().AsNoTracking().SingleAsync());
        Assert.Equal((olive.Stranger.ClientId, (int?)olive.Stranger.Id), (request.ClientId, request.AppointmentId));
    }
}

/// <summary>
/// Erasing one record of an account with two (Paul completing a request for it, or the retention
/// rule reaching the older one) keeps the account, which the other record's client still signs in
/// with; the account goes with its last record.
/// </summary>
public sealed class TheErasureOfOneRecordOfAnAccountWithTwo : IDisposable
{
    private const string Email = "olive.owner@test.example";

    private readonly PracticeAppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task keeps_the_account_and_the_other_record_until_the_last_is_erased()
    {
        var first = await _factory.VisitAsync(Email, new DateTime(2027, 2, 20, 10, 0, 0, DateTimeKind.Utc), AppointmentStatus.Completed, name: "Olive Owner");
        var older = await _factory.VisitAsync("olive.earlier@test.example", new DateTime(2027, 2, 27, 10, 0, 0, DateTimeKind.Utc), AppointmentStatus.Completed, name: "Olive Owner");
        var userId = await _factory.ClientAccountAsync(Email);
        await _factory.WithDbAsync(async db =>
        {
            (await db.Clients.SingleAsync(c => c.Id == older.ClientId)).UserId = userId;
            return await db.SaveChangesAsync();
        });

        await EraseAsync(older.ClientId);

        Assert.True(await _factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == userId)));
        Assert.Equal(userId, await _factory.WithDbAsync(db => db.Clients.Where(c => c.Id == first.ClientId).Select(c => c.UserId).SingleAsync()));
        Assert.Null(await _factory.WithDbAsync(db => db.Clients.Where(c => c.Id == older.ClientId).Select(c => c.UserId).SingleAsync()));
        using (var olive = await _factory.SignedInAsync(Email))
        {
            var visits = await olive.GetStringAsync("/account");
            Assert.Contains(first.Reference, visits, StringComparison.Ordinal);
            Assert.DoesNotContain(older.Reference, visits, StringComparison.Ordinal);
        }

        await EraseAsync(first.ClientId);

        Assert.False(await _factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == userId)));
    }

    private async Task EraseAsync(int clientId)
    {
        await using var scope = _factory.Scope();
        await scope.ServiceProvider.GetRequiredService<PrivacyService>().EraseClientAsync(clientId, "test");
    }
}
