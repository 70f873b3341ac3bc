using System.Net;
using Microsoft.EntityFrameworkCore;
using PaulMassage.IntegrationTests.Infrastructure;
using PaulMassage.Web.Features.Notifications;

namespace PaulMassage.IntegrationTests.Features.Calendar;

/// <summary>Paul's day on the road: each visit leads to the client's record and notes, and "I'm on my way" e-mails an arrival time.</summary>
public sealed class TheDayOnTheRoad
{
    [Fact]
    public async Task lets_paul_tell_the_client_he_is_on_his_way_with_an_arrival_time()
    {
        using var factory = new PracticeAppFactory();
        var visit = await ConfirmedVisits.RequestAndConfirmAsync(factory, Visits.March(3, 10), name: "Olive Onway");
        factory.Clock.SetUtcNow(new DateTimeOffset(Visits.March(3, 9, 17), TimeSpan.Zero));
        using var paul = await factory.TherapistAsync();

        var before = WebUtility.HtmlDecode(await paul.GetStringAsync("/admin/day"));
        var clientId = await factory.WithDbAsync(db => db.Appointments.Where(a => a.Id == visit.Id).Select(a => a.ClientId).SingleAsync());
        Assert.Contains($"id=\"client-record-{visit.Id}\" href=\"/admin/clients/{clientId}\"", before, StringComparison.Ordinal);
        Assert.Contains($"id=\"notes-{visit.Id}\" href=\"/admin/clients/{clientId}/visits/{visit.Id}/note\"", before, StringComparison.Ordinal);
        Assert.Contains($"id=\"on-my-way-{visit.Id}-20\"", before, StringComparison.Ordinal);

        using var sent = await Sessions.PostAsync(paul, "/admin/day", $"/admin/day/{visit.Id}/on-my-way", ("minutes", "20"), ("date", "2027-03-03"));

        var page = WebUtility.HtmlDecode(await sent.Content.ReadAsStringAsync());
        Assert.Contains("The client has been told you will arrive at about 09:40.", page, StringComparison.Ordinal); // 09:37 rounded up
        Assert.Contains($"id=\"arrival-{visit.Id}\">You told the client you would arrive at about 09:40.", page, StringComparison.Ordinal);
        var email = await factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.AppointmentId == visit.Id && m.Kind == NotificationKind.OnMyWay));
        Assert.Equal("Paul is on his way: arriving at about 09:40", email.Subject);
        var client = await factory.WithDbAsync(db => db.Clients.AsNoTracking().SingleAsync(c => c.Id == clientId));
        Assert.Equal(client.Email, email.ToAddress);
    }

    [Fact]
    public async Task offers_on_my_way_only_for_a_confirmed_visit_of_the_next_hours()
    {
        using var factory = new PracticeAppFactory();
        var tomorrow = await ConfirmedVisits.RequestAndConfirmAsync(factory, Visits.March(4, 10), name: "Tom Orrow");
        var request = await Visits.RequestAsync(factory, Visits.March(3, 12), name: "Rita Request");
        factory.Clock.SetUtcNow(new DateTimeOffset(Visits.March(3, 9), TimeSpan.Zero));
        using var paul = await factory.TherapistAsync();

        Assert.DoesNotContain($"on-my-way-{tomorrow.Id}", await paul.GetStringAsync("/admin/day?date=2027-03-04"), StringComparison.Ordinal);
        foreach (var id in new[] { tomorrow.Id, request.Id })
        {
            using var refused = await Sessions.PostAsync(paul, "/admin/day", $"/admin/day/{id}/on-my-way", ("minutes", "20"));
            Assert.Contains("nothing was sent", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        Assert.False(await factory.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.Kind == NotificationKind.OnMyWay)));
    }

    [Fact]
    public async Task is_not_open_to_a_client_or_a_visitor()
    {
        using var factory = new PracticeAppFactory();
        var visit = await ConfirmedVisits.RequestAndConfirmAsync(factory, Visits.March(3, 10));
        factory.Clock.SetUtcNow(new DateTimeOffset(Visits.March(3, 9), TimeSpan.Zero));
        using var visitor = factory.Browser();

        using var response = await Sessions.PostAsync(visitor, "/account/sign-in", $"/admin/day/{visit.Id}/on-my-way", ("minutes", "20"));

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.Kind == NotificationKind.OnMyWay)));
    }
}
