using System.Net;
using Microsoft.EntityFrameworkCore;
using PaulMassage.IntegrationTests.Infrastructure;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Courses;
using static PaulMassage.IntegrationTests.Infrastructure.ClientArrange;

namespace PaulMassage.IntegrationTests.Features.Account;

/// <summary>Two clients with accounts: Alice, and Bob with a completed visit, a pain score and a course plan.</summary>
public sealed class TwoClientsFixture : IAsyncLifetime, IDisposable
{
    public const string PasswordA = "alice's long passphrase";
    public const string PasswordB = "bobby's long passphrase";

    public PracticeAppFactory Factory { get; } = new();

    public ArrangedVisit AliceVisit { get; private set; } = null!;

    public ArrangedVisit BobVisit { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        AliceVisit = await Factory.VisitAsync("alice@test.example", Visits.March(22, 10), name: "Alice Able", complaint: "Alice's own complaint");
        BobVisit = await Factory.VisitAsync("bob@test.example", Visits.March(23, 10), name: "Bob Baker", complaint: "Bob's private complaint");
        var bobPast = await Factory.VisitAsync("bob@test.example", new DateTime(2027, 2, 9, 10, 0, 0, DateTimeKind.Utc), AppointmentStatus.Completed);
        await Factory.NoteAsync(bobPast.Id, 8);
        await Factory.WithDbAsync(async db =>
        {
            var serviceId = await db.Services.Where(s => s.Slug == "deep-tissue-massage").Select(s => s.Id).SingleAsync();
            db.Courses.Add(new CourseOfTreatment { ClientId = BobVisit.ClientId, ServiceId = serviceId, SessionMinutes = 60, Sessions = 5, IntervalDays = 7, Goal = "Bob's secret goal", StartDate = new DateOnly(2027, 2, 1) });
            return await db.SaveChangesAsync();
        });
        await Factory.ClientAccountAsync("alice@test.example", PasswordA);
        await Factory.ClientAccountAsync("bob@test.example", PasswordB);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => Factory.Dispose();
}

/// <summary>Client A can reach nothing of client B's: not by id, not by reference, not through A's own link or account.</summary>
public sealed class TheClientPrivacy(TwoClientsFixture fixture) : IClassFixture<TwoClientsFixture>
{
    private const string PasswordA = TwoClientsFixture.PasswordA;

    private PracticeAppFactory Factory => fixture.Factory;

    private ArrangedVisit AliceVisit => fixture.AliceVisit;

    private ArrangedVisit BobVisit => fixture.BobVisit;

    [Fact]
    public async Task the_account_page_shows_only_the_signed_in_clients_own_visits_and_plan()
    {
        using var alice = await Factory.SignedInAsync("alice@test.example", PasswordA);
        var html = await alice.GetStringAsync("/account");
        Assert.Contains(AliceVisit.Reference, html, StringComparison.Ordinal);
        Assert.DoesNotContain(BobVisit.Reference, html, StringComparison.Ordinal);
        Assert.DoesNotContain("Bob", html, StringComparison.Ordinal);
        Assert.DoesNotContain("pain-chart", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task another_clients_visit_cannot_be_moved_or_cancelled_from_an_account()
    {
        using var alice = await Factory.SignedInAsync("alice@test.example", PasswordA);
        Assert.Equal(HttpStatusCode.NotFound, (await alice.GetAsync($"/account/visits/{BobVisit.Reference}/move")).StatusCode);

        var cancel = await FormPost.PostAsync(alice, "/account", $"/account/visits/{BobVisit.Reference}/cancel", []);
        Assert.Equal(HttpStatusCode.NotFound, cancel.StatusCode);
        var move = await FormPost.PostAsync(alice, "/account", $"/account/visits/{BobVisit.Reference}/move", [new("Start", "2027-03-24T12:00:00Z")]);
        Assert.Equal(HttpStatusCode.NotFound, move.StatusCode);

        var bob = await Factory.WithDbAsync(db => db.Appointments.SingleAsync(a => a.Id == BobVisit.Id));
        Assert.Equal(AppointmentStatus.Confirmed, bob.Status);
        Assert.Equal(BobVisit.StartUtc, bob.StartUtc);
    }

    [Fact]
    public async Task a_client_cannot_open_another_clients_record_notes_or_plan_by_id()
    {
        using var alice = await Factory.SignedInAsync("alice@test.example", PasswordA);
        var courseId = await Factory.WithDbAsync(db => db.Courses.Where(c => c.ClientId == BobVisit.ClientId).Select(c => c.Id).SingleAsync());
        foreach (var path in new[] { $"/admin/clients/{BobVisit.ClientId}", $"/admin/clients/{BobVisit.ClientId}/visits/{BobVisit.Id}/note", $"/admin/clients/{BobVisit.ClientId}/courses/{courseId}", $"/admin/clients?q=bob" })
        {
            var response = await alice.GetAsync(path);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode); // signed in, but not theirs: a plain 403 with the friendly page
        }
    }

    [Fact]
    public async Task a_manage_link_shows_its_own_booking_and_nothing_of_another_clients()
    {
        var token = (await Factory.VisitAsync("alice@test.example", Visits.March(24, 15))).Token;
        using var anyone = Factory.Browser();
        var response = await anyone.GetAsync($"/bookings/{token}");
        Assert.True(response.Headers.CacheControl?.NoStore);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(BobVisit.Reference, html, StringComparison.Ordinal);
        Assert.DoesNotContain("Bob's secret goal", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Bob", html, StringComparison.Ordinal);

        var moveWithWrongToken = await anyone.GetAsync($"/bookings/{token}x/move");
        Assert.Equal(HttpStatusCode.NotFound, moveWithWrongToken.StatusCode);
    }

    [Fact]
    public async Task health_pages_are_never_cached()
    {
        using var alice = await Factory.SignedInAsync("alice@test.example", PasswordA);
        foreach (var path in new[] { "/account", $"/account/visits/{AliceVisit.Reference}/move" })
        {
            var response = await alice.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Headers.CacheControl?.NoStore, path);
        }

        using var paul = await Factory.TherapistAsync(followRedirects: false);
        foreach (var path in new[] { "/admin/clients", $"/admin/clients/{BobVisit.ClientId}", $"/admin/clients/{BobVisit.ClientId}/courses/new" })
        {
            var response = await paul.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Headers.CacheControl?.NoStore, path);
        }
    }

    [Fact]
    public async Task the_therapist_is_not_a_client_and_visitors_are_sent_to_sign_in()
    {
        using var visitor = Factory.Browser();
        var anonymous = await visitor.GetAsync("/account");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/sign-in", anonymous.Headers.Location?.PathAndQuery, StringComparison.Ordinal);

        using var paul = await Factory.TherapistAsync(followRedirects: false);
        var therapist = await paul.GetAsync("/account");
        Assert.Equal(HttpStatusCode.Forbidden, therapist.StatusCode); // signed in, but not theirs: a plain 403 with the friendly page
    }
}
