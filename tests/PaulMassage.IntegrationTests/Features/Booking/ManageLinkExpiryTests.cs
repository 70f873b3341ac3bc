using System.Net;
using Microsoft.EntityFrameworkCore;
using PaulMassage.IntegrationTests.Infrastructure;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Notifications;
using PaulMassage.Web.Features.Privacy;

namespace PaulMassage.IntegrationTests.Features.Booking;

/// <summary>
/// Manage links stop working 30 days (Privacy:ManageLinkDaysAfterVisit) after the visit: every
/// route under /bookings/{token} shows the expiry page instead of the booking, and the page sends a
/// fresh link to the booking's own address.
/// </summary>
public sealed class TheManageLinkExpiry(PracticeAppFactoryFixture fixture) : IClassFixture<PracticeAppFactoryFixture>
{
    private const string ExpiredTitle = "This booking link has expired";

    private PracticeAppFactory Factory => fixture.Factory;

    private DateTime Now => Factory.Clock.GetUtcNow().UtcDateTime;

    /// <summary>A completed visit that ended <paramref name="daysAgo"/> days (and an hour) before now.</summary>
    private Task<ArrangedVisit> PastVisitAsync(string email, int daysAgo) =>
        Factory.VisitAsync(email, Now.AddDays(-daysAgo).AddHours(-2), AppointmentStatus.Completed, name: "Lena Lapsed");

    [Fact]
    public async Task still_shows_the_booking_until_30_days_after_the_visit()
    {
        var visit = await PastVisitAsync($"recent-{Guid.NewGuid():N}@test.example", daysAgo: 29);
        using var client = Factory.Browser();

        var page = await (await client.GetAsync($"/bookings/{visit.Token}")).TextAsync();
        Assert.Contains($"Your visit {visit.Reference}", page, StringComparison.Ordinal);
        Assert.DoesNotContain(ExpiredTitle, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task shows_the_expiry_page_on_every_route_of_an_expired_link_and_changes_nothing()
    {
        var visit = await PastVisitAsync($"lapsed-{Guid.NewGuid():N}@test.example", daysAgo: 31);
        var routes = SiteRoutes.Discover(Factory)
            .Where(r => r.Template.StartsWith("/bookings/{token}", StringComparison.Ordinal) && !r.Template.EndsWith("/new-link", StringComparison.Ordinal))
            .ToList();
        Assert.Contains(routes, r => r.Template == "/bookings/{token}/my-data");
        Assert.Contains(routes, r => r.Template == "/bookings/{token}/move" && r.Allows("POST"));
        Assert.Contains(routes, r => r.Template == "/bookings/{token}/erasure");

        using var client = Factory.Browser();
        foreach (var route in routes)
        {
            var path = route.Fill(new Dictionary<string, string> { ["token"] = visit.Token });
            using var response = route.Allows("GET")
                ? await client.GetAsync(path)
                : await FormPost.PostAsync(client, $"/bookings/{visit.Token}", path, [new("Start", Now.AddDays(3).ToString("O"))]);
            var text = await response.TextAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK && text.Contains(ExpiredTitle, StringComparison.Ordinal), $"{route} did not show the expiry page ({response.StatusCode}).");
            Assert.DoesNotContain(visit.Reference, text, StringComparison.Ordinal);
            Assert.DoesNotContain("Lena", text, StringComparison.Ordinal);
            Assert.Contains("sign in", text, StringComparison.Ordinal);
            Assert.Contains("07700 900123", text, StringComparison.Ordinal);
        }

        var stored = await Factory.WithDbAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.Id == visit.Id));
        Assert.Equal(AppointmentStatus.Completed, stored.Status);
        Assert.False(await Factory.WithDbAsync(db => db.Set<ErasureRequest>().AnyAsync(r => r.AppointmentId == visit.Id)));
    }

    [Fact]
    public async Task emails_a_fresh_link_to_the_bookings_own_address_and_retires_the_old_one()
    {
        var email = $"renew-{Guid.NewGuid():N}@test.example";
        var visit = await PastVisitAsync(email, daysAgo: 45);
        using var client = Factory.Browser();

        using var sent = await FormPost.PostAsync(client, $"/bookings/{visit.Token}", $"/bookings/{visit.Token}/new-link", []);
        var answer = await sent.TextAsync();
        Assert.Contains("If this booking is ours, we have sent a new link to its e-mail address", answer, StringComparison.Ordinal);
        Assert.DoesNotContain(email, answer, StringComparison.OrdinalIgnoreCase);

        var message = Assert.Single(await MailPickup.ToAsync(Factory, email));
        Assert.Contains(visit.Reference, message.Subject, StringComparison.Ordinal);
        var link = MailPickup.LinkIn(message, "/bookings/");
        Assert.NotEqual($"/bookings/{visit.Token}", link);
        Assert.Equal(NotificationKind.NewManageLink, await Factory.WithDbAsync(db => db.OutboxMessages.Where(m => m.AppointmentId == visit.Id).Select(m => m.Kind).SingleAsync()));

        // The fresh link works (for 30 days from now: Appointment's unit tests); the old one leads nowhere.
        Assert.Contains($"Your visit {visit.Reference}", await (await client.GetAsync(link)).TextAsync(), StringComparison.Ordinal);
        using (var old = await client.GetAsync($"/bookings/{visit.Token}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, old.StatusCode);
        }
    }

    [Fact]
    public async Task gives_the_same_answer_and_sends_nothing_for_a_link_that_is_not_ours()
    {
        var unknown = ManageToken.Create();
        var live = await PastVisitAsync($"live-{Guid.NewGuid():N}@test.example", daysAgo: 2);
        using var client = Factory.Browser();
        var before = await Factory.WithDbAsync(db => db.OutboxMessages.CountAsync());

        foreach (var token in new[] { unknown, live.Token })
        {
            using var sent = await FormPost.PostAsync(client, $"/bookings/{live.Token}", $"/bookings/{token}/new-link", []);
            Assert.Contains("If this booking is ours, we have sent a new link to its e-mail address", await sent.TextAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(before, await Factory.WithDbAsync(db => db.OutboxMessages.CountAsync()));
        Assert.Contains($"Your visit {live.Reference}", await (await client.GetAsync($"/bookings/{live.Token}")).TextAsync(), StringComparison.Ordinal);
    }
}
