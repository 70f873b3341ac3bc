using System.Net;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using PaulMassage.IntegrationTests.Infrastructure;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Notifications;

namespace PaulMassage.IntegrationTests.Features.Reviews;

/// <summary>
/// The invitation to review is part of the one after-visit e-mail: at most once per three months
/// (and per course), never after the client opted out on the booking form or by the one-click link.
/// </summary>
public sealed class ReviewInvitationTests : IDisposable
{
    private readonly PracticeAppFactory factory = new();

    public void Dispose() => factory.Dispose();

    /// <summary>A visit booked online with this address, confirmed, then finished by Paul; the client's after-visit e-mail.</summary>
    private async Task<MimeMessage> FinishAsync(string email, DateTime startUtc)
    {
        ReviewArrange.BookTwoDaysAhead(factory, startUtc);
        var visit = await ConfirmedVisits.ConfirmAsync(factory, await Visits.RequestAsync(factory, startUtc, "Ann Reviewer", email));
        return await FinishVisitAsync(visit.Id, email, startUtc);
    }

    /// <summary>
    /// A confirmed visit of the address's own record (as Paul's phone booking makes it), finished by
    /// Paul. Repeated visits need one record: the rule counts per record, and each booking made
    /// without signing in has a provisional record of its own.
    /// </summary>
    private async Task<MimeMessage> FinishOfOwnRecordAsync(string email, DateTime startUtc)
    {
        var visit = await factory.VisitAsync(email, startUtc, name: "Ann Reviewer");
        return await FinishVisitAsync(visit.Id, email, startUtc);
    }

    private Task<MimeMessage> FinishVisitAsync(int visitId, string email, DateTime startUtc) =>
        ReviewArrange.FinishAsync(factory, visitId, email, startUtc);

    private static bool Invites(MimeMessage mail) => ReviewArrange.Invites(mail);

    [Fact]
    public async Task the_one_after_visit_email_carries_the_invitation_with_a_one_click_unsubscribe()
    {
        var mail = await FinishAsync("ann.invited@client.example", Visits.March(2, 10));

        Assert.True(Invites(mail));
        Assert.Contains("/receipt", mail.TextBody, StringComparison.Ordinal); // the same e-mail as the receipt
        var stop = MailPickup.LinkIn(mail, "/no-review-requests/");
        var header = mail.Headers[HeaderId.ListUnsubscribe];
        Assert.StartsWith("<http", header, StringComparison.Ordinal);
        Assert.EndsWith($"{stop}>", header, StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
        Assert.Null(await factory.WithDbAsync(db => db.OutboxMessages.Where(m => m.Kind == NotificationKind.Aftercare).Select(m => m.ListUnsubscribeUrl).SingleAsync()));

        using var browser = factory.Browser(followRedirects: true);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(MailPickup.LinkIn(mail, "/review/"))).StatusCode);
    }

    [Fact]
    public async Task a_client_is_asked_again_only_after_three_months()
    {
        const string email = "ann.regular@client.example";
        Assert.True(Invites(await FinishOfOwnRecordAsync(email, Visits.March(2, 10))));

        var weekLater = await FinishOfOwnRecordAsync(email, Visits.March(9, 10));
        Assert.False(Invites(weekLater));
        Assert.DoesNotContain("review", weekLater.TextBody, StringComparison.OrdinalIgnoreCase);
        Assert.Null(weekLater.Headers[HeaderId.ListUnsubscribe]);

        Assert.True(Invites(await FinishOfOwnRecordAsync(email, new DateTime(2027, 6, 8, 10, 0, 0, DateTimeKind.Utc))));
    }

    [Fact]
    public async Task the_stop_link_asks_first_then_one_post_stops_every_later_invitation()
    {
        const string email = "ann.enough@client.example";
        var mail = await FinishOfOwnRecordAsync(email, Visits.March(2, 10));
        var stop = MailPickup.LinkIn(mail, "/no-review-requests/");
        using var browser = factory.Browser(followRedirects: true);

        var page = await browser.GetAsync(stop);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("id=\"stop-asking\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await OptedOutAsync(email)); // opening the link (as a mail scanner does) changes nothing

        // The one-click POST of a mail program: no cookie, no form token.
        using var oneClick = new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]);
        var stopped = await browser.PostAsync(stop, oneClick);
        Assert.Equal(HttpStatusCode.OK, stopped.StatusCode);
        Assert.Contains("id=\"stopped\"", await stopped.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotNull(await OptedOutAsync(email));

        Assert.False(Invites(await FinishOfOwnRecordAsync(email, new DateTime(2027, 7, 6, 10, 0, 0, DateTimeKind.Utc))));
    }

    [Fact]
    public async Task an_unknown_stop_link_is_a_404_and_changes_nothing()
    {
        using var browser = factory.Browser(followRedirects: true);
        var path = PaulMassage.Web.Features.Reviews.ReviewPaths.StopAsking(ManageToken.Create());

        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(path)).StatusCode);
        using var oneClick = new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.PostAsync(path, oneClick)).StatusCode);
    }

    [Fact]
    public async Task the_opt_out_on_the_booking_form_is_stored_and_the_after_visit_email_then_asks_nothing()
    {
        var request = new VisitRequest { StartUtc = Visits.March(2, 10), Email = "no.reviews@client.example" };
        using var browser = factory.Browser(followRedirects: true);
        var form = await browser.GetStringAsync(request.DetailsUrl);
        Assert.Contains("name=\"NoReviewRequests\"", form, StringComparison.Ordinal);

        using var booked = await BookingFlow.SubmitAsync(browser, request, [.. request.Fields(), new("NoReviewRequests", "true")]);
        var visitId = await factory.WithDbAsync(db => db.Appointments.Where(a => a.Client!.Email == request.Email).Select(a => a.Id).SingleAsync());
        Assert.NotNull(await OptedOutAsync(request.Email));
        await ConfirmedVisits.ConfirmAsync(factory, new ArrangedVisit(visitId, 0, string.Empty, string.Empty, default));

        var mail = await FinishVisitAsync(visitId, request.Email, request.StartUtc);

        Assert.False(Invites(mail));
        Assert.Null(mail.Headers[HeaderId.ListUnsubscribe]);
    }

    [Fact]
    public async Task a_booking_without_the_opt_out_leaves_invitations_on()
    {
        var request = new VisitRequest { StartUtc = Visits.March(2, 10), Email = "happy.to.review@client.example" };
        using var browser = factory.Browser(followRedirects: true);

        using var booked = await BookingFlow.SubmitAsync(browser, request);

        Assert.Null(await OptedOutAsync(request.Email));
    }

    private Task<DateTime?> OptedOutAsync(string email) =>
        factory.WithDbAsync(db => db.Clients.Where(c => c.Email == email).Select(c => c.NoReviewRequestsUtc).FirstAsync());
}
