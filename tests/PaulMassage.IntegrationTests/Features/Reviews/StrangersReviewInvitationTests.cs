using Microsoft.EntityFrameworkCore;
using PaulMassage.IntegrationTests.Infrastructure;

namespace PaulMassage.IntegrationTests.Features.Reviews;

/// <summary>
/// A stranger books without signing in, giving the address of Vera, a client with a record of her
/// own; both visits are finished. Whether Vera is asked for a review follows her own record: the
/// stranger's opt-out and invitations, kept on the stranger's provisional record, decide nothing for
/// her. Only Vera's own refusal reaches further, to the review mail her inbox gets for the stranger's visit.
/// </summary>
public sealed class TheReviewInvitationOfAStrangersBooking : IDisposable
{
    private const string VeraEmail = "vera.reviewer@client.example";

    private readonly PracticeAppFactory factory = new();

    public void Dispose() => factory.Dispose();

    /// <summary>Vera's visit on her own record (Paul's phone booking), finished: the after-visit e-mail.</summary>
    private async Task<MimeKit.MimeMessage> VeraFinishedAsync(DateTime startUtc)
    {
        var visit = await factory.VisitAsync(VeraEmail, startUtc, name: "Vera Reviewer", phone: "07700 900111");
        return await ReviewArrange.FinishAsync(factory, visit.Id, VeraEmail, startUtc);
    }

    /// <summary>The stranger's booking with Vera's address, made without signing in, confirmed and finished: the e-mail Vera's inbox gets.</summary>
    private async Task<MimeKit.MimeMessage> StrangerFinishedAsync(DateTime startUtc)
    {
        ReviewArrange.BookTwoDaysAhead(factory, startUtc);
        var visit = await ConfirmedVisits.ConfirmAsync(factory, await Visits.RequestAsync(factory, startUtc, "Sam Stranger", VeraEmail));
        Assert.True(await factory.WithDbAsync(db => db.Clients.Where(c => c.Id == visit.ClientId).Select(c => c.Provisional).SingleAsync()));
        return await ReviewArrange.FinishAsync(factory, visit.Id, VeraEmail, startUtc);
    }

    /// <summary>The records of Vera's address, the stranger's first.</summary>
    private Task<List<(string Name, bool Provisional, DateTime? NoReviewRequestsUtc)>> RecordsAsync()
    {
        var normalized = PaulMassage.Web.Features.Clients.Client.Normalize(VeraEmail);
        return factory.WithDbAsync(async db => (await db.Clients.AsNoTracking().Where(c => c.NormalizedEmail == normalized)
            .OrderBy(c => c.Name).Select(c => new { c.Name, c.Provisional, c.NoReviewRequestsUtc }).ToListAsync())
            .Select(c => (c.Name, c.Provisional, c.NoReviewRequestsUtc)).ToList());
    }

    [Fact]
    public async Task an_opt_out_on_the_strangers_booking_form_does_not_stop_the_clients_invitation()
    {
        var request = new VisitRequest { StartUtc = Visits.March(2, 10), Email = VeraEmail, Name = "Sam Stranger" };
        using var browser = factory.Browser(followRedirects: true);
        using var booked = await BookingFlow.SubmitAsync(browser, request, [.. request.Fields(), new("NoReviewRequests", "true")]);

        var samVisit = await factory.WithDbAsync(db => db.Appointments.Where(a => a.Client!.Name == "Sam Stranger").Select(a => new { a.Id, a.ClientId }).SingleAsync());
        await ConfirmedVisits.ConfirmAsync(factory, new ArrangedVisit(samVisit.Id, samVisit.ClientId, string.Empty, string.Empty, default));
        Assert.False(ReviewArrange.Invites(await ReviewArrange.FinishAsync(factory, samVisit.Id, VeraEmail, request.StartUtc)));

        Assert.True(ReviewArrange.Invites(await VeraFinishedAsync(Visits.March(9, 10))));
        var records = await RecordsAsync();
        Assert.Equal(["Sam Stranger", "Vera Reviewer"], records.Select(r => r.Name));
        Assert.NotNull(records[0].NoReviewRequestsUtc);
        Assert.Null(records[1].NoReviewRequestsUtc);
    }

    [Fact]
    public async Task the_stop_link_of_the_strangers_visit_does_not_stop_the_clients_invitation()
    {
        var samMail = await StrangerFinishedAsync(Visits.March(2, 10));
        Assert.True(ReviewArrange.Invites(samMail));

        await ReviewArrange.StopAskingAsync(factory, samMail);

        // After three months, so only the opt-out could hold Vera's invitation back.
        Assert.True(ReviewArrange.Invites(await VeraFinishedAsync(new DateTime(2027, 6, 8, 10, 0, 0, DateTimeKind.Utc))));
        var records = await RecordsAsync();
        Assert.NotNull(records.Single(r => r.Provisional).NoReviewRequestsUtc);
        Assert.Null(records.Single(r => !r.Provisional).NoReviewRequestsUtc);
    }

    [Fact]
    public async Task the_strangers_invitation_does_not_count_towards_the_clients_three_months()
    {
        Assert.True(ReviewArrange.Invites(await StrangerFinishedAsync(Visits.March(2, 10))));

        Assert.True(ReviewArrange.Invites(await VeraFinishedAsync(Visits.March(9, 10))));
    }

    [Fact]
    public async Task the_clients_own_opt_out_stops_review_mail_to_her_address_for_the_strangers_visit_and_leaves_its_record_alone()
    {
        var veraMail = await VeraFinishedAsync(Visits.March(2, 10));
        await ReviewArrange.StopAskingAsync(factory, veraMail);

        var samMail = await StrangerFinishedAsync(new DateTime(2027, 6, 8, 10, 0, 0, DateTimeKind.Utc));

        Assert.False(ReviewArrange.Invites(samMail));
        Assert.Null((await RecordsAsync()).Single(r => r.Provisional).NoReviewRequestsUtc);
    }

    [Fact]
    public async Task a_refusal_given_with_a_booking_that_proves_to_be_the_clients_own_joins_her_record()
    {
        var starts = await factory.FreeStartsAsync(2);
        await factory.VisitAsync(VeraEmail, starts[0], name: "Vera Reviewer", phone: "07700 900111");
        var booked = await factory.BookAsync(starts[1], "Vera Reviewer", VeraEmail, f =>
        {
            f["Phone"] = "07700 900111";
            f["NoReviewRequests"] = "true";
        });
        Assert.Null((await RecordsAsync()).Single(r => !r.Provisional).NoReviewRequestsUtc);

        await factory.ProveAddressAsync(VeraEmail, booked.Reference);

        var record = Assert.Single(await RecordsAsync());
        Assert.False(record.Provisional);
        Assert.NotNull(record.NoReviewRequestsUtc);
    }
}
