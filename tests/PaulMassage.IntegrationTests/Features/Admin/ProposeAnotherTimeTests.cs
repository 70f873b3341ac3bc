using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PaulMassage.IntegrationTests.Infrastructure;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Scheduling;

namespace PaulMassage.IntegrationTests.Features.Admin;

public sealed class ProposingAnotherTime(PracticeAppFactoryFixture fixture) : IClassFixture<PracticeAppFactoryFixture>
{
    private PracticeAppFactory Factory => fixture.Factory;

    [Fact]
    public async Task the_request_page_offers_the_free_times_of_a_chosen_day()
    {
        var visit = await Visits.RequestAsync(Factory, Visits.March(2, 10));
        using var therapist = await Factory.TherapistAsync();

        var html = await therapist.GetStringAsync($"/admin/requests/{visit.Id}?day=2027-03-09");

        Assert.Contains("Tuesday 9 March", html, StringComparison.Ordinal);
        Assert.Contains("id=\"propose-202703090900\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"propose-202703091800\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"propose-202703091815\"", html, StringComparison.Ordinal); // would end after 19:00
    }

    [Fact]
    public async Task a_proposed_time_holds_both_times_until_the_client_answers()
    {
        var visit = await Visits.RequestAsync(Factory, Visits.March(2, 12));
        var proposed = Visits.March(5, 14);
        using var therapist = await Factory.TherapistAsync();

        var response = await ProposeAsync(therapist, visit, proposed);

        Assert.StartsWith("Proposed Friday 5 March at 14:00 to the client.", Sessions.AdminMessage(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var stored = await Visits.LoadAsync(Factory, visit.Id);
        Assert.Equal(AppointmentStatus.AlternativeProposed, stored.Status);
        Assert.Equal(proposed, stored.ProposedStartUtc);
        Assert.Equal(Visits.March(2, 12), stored.StartUtc);
        var cells = stored.SlotClaims.Select(c => c.CellStartUtc).ToHashSet();
        Assert.Equal(SlotClaim.CellsFor(Visits.March(2, 12), Visits.March(2, 13), 30).Concat(SlotClaim.CellsFor(proposed, Visits.March(5, 15), 30)).ToHashSet(), cells);
        Assert.False(await IsFreeAsync(Visits.March(2, 12)));
        Assert.False(await IsFreeAsync(proposed));

        using var client = Factory.Browser(followRedirects: true);
        var manage = await client.GetStringAsync(visit.ManageUrl);
        Assert.Contains("Paul suggests another time", manage, StringComparison.Ordinal);
        Assert.Contains("Friday 5 March 2027 at 14:00", manage, StringComparison.Ordinal);
        Assert.Contains("id=\"accept-proposed-time\"", manage, StringComparison.Ordinal);

        var list = await therapist.GetStringAsync("/admin");
        Assert.Contains("you proposed", list, StringComparison.Ordinal);
        Assert.Contains("Fri 5 Mar 14:00", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task when_the_client_accepts_the_visit_moves_there_is_confirmed_and_lets_the_old_time_go()
    {
        var visit = await Visits.RequestAsync(Factory, Visits.March(2, 15, 30));
        var proposed = Visits.March(8, 10);
        using var therapist = await Factory.TherapistAsync();
        await ProposeAsync(therapist, visit, proposed);
        using var client = Factory.Browser(followRedirects: true);

        var response = await Sessions.PostAsync(client, visit.ManageUrl, visit.ManageUrl + "/accept-proposed-time");

        var html = await response.Content.ReadAsStringAsync();
        Assert.True(html.Contains("your visit is confirmed at the new time", StringComparison.Ordinal), html[html.IndexOf("<main", StringComparison.Ordinal)..]);
        var stored = await Visits.LoadAsync(Factory, visit.Id);
        Assert.Equal(AppointmentStatus.Confirmed, stored.Status);
        Assert.Equal(proposed, stored.StartUtc);
        Assert.Equal(Visits.March(8, 11), stored.EndUtc);
        Assert.Null(stored.ProposedStartUtc);
        Assert.Equal(SlotClaim.CellsFor(proposed, Visits.March(8, 11), 30).ToHashSet(), stored.SlotClaims.Select(c => c.CellStartUtc).ToHashSet());
        Assert.True(await IsFreeAsync(Visits.March(2, 15, 30)));
        var accepted = stored.History.OrderBy(e => e.Id).Last();
        Assert.Equal(BookingService.ClientActor, accepted.Actor);
        Assert.Equal(AppointmentStatus.AlternativeProposed, accepted.FromStatus);
        Assert.Equal(AppointmentStatus.Confirmed, accepted.ToStatus);
        Assert.Contains("Tuesday 2 March at 15:30", accepted.Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task when_the_client_rejects_the_request_is_closed_and_both_times_are_freed()
    {
        var visit = await Visits.RequestAsync(Factory, Visits.March(3, 10));
        var proposed = Visits.March(9, 15);
        using var therapist = await Factory.TherapistAsync();
        await ProposeAsync(therapist, visit, proposed);
        using var client = Factory.Browser(followRedirects: true);

        var response = await Sessions.PostAsync(client, visit.ManageUrl, visit.ManageUrl + "/reject-proposed-time");

        Assert.Contains("You turned down the new time", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var stored = await Visits.LoadAsync(Factory, visit.Id);
        Assert.Equal(AppointmentStatus.Cancelled, stored.Status);
        Assert.Empty(stored.SlotClaims);
        Assert.True(await IsFreeAsync(Visits.March(3, 10)));
        Assert.True(await IsFreeAsync(proposed));
    }

    [Fact]
    public async Task a_time_that_is_not_free_cannot_be_proposed()
    {
        var other = await Visits.RequestAsync(Factory, Visits.March(4, 10));
        var visit = await Visits.RequestAsync(Factory, Visits.March(4, 14));
        using var therapist = await Factory.TherapistAsync();

        var response = await ProposeAsync(therapist, visit, Visits.March(4, 11));

        Assert.Equal("Thursday 4 March at 11:00 is not free for a 60-minute visit any more. Choose another time.", Sessions.AdminMessage(await response.Content.ReadAsStringAsync()));
        var stored = await Visits.LoadAsync(Factory, visit.Id);
        Assert.Equal(AppointmentStatus.Requested, stored.Status);
        Assert.Null(stored.ProposedStartUtc);
        Assert.Equal(AppointmentStatus.Requested, (await Visits.LoadAsync(Factory, other.Id)).Status);
    }

    [Fact]
    public async Task while_the_client_has_not_answered_the_therapist_cannot_confirm_and_the_client_cannot_answer_twice()
    {
        var visit = await Visits.RequestAsync(Factory, Visits.March(5, 9));
        using var therapist = await Factory.TherapistAsync();
        await ProposeAsync(therapist, visit, Visits.March(10, 9));

        var confirm = await Sessions.PostAsync(therapist, "/admin", $"/admin/requests/{visit.Id}/confirm", ("Version", await Visits.VersionAsync(Factory, visit.Id)));
        Assert.Equal("You proposed another time; it cannot be confirmed until the client accepts or rejects it.", Sessions.AdminMessage(await confirm.Content.ReadAsStringAsync()));

        using var client = Factory.Browser(followRedirects: true);
        await Sessions.PostAsync(client, visit.ManageUrl, visit.ManageUrl + "/reject-proposed-time");
        var again = await Sessions.PostAsync(client, "/account/sign-in", visit.ManageUrl + "/accept-proposed-time");
        Assert.Contains("There is no other time waiting for your answer", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(AppointmentStatus.Cancelled, (await Visits.LoadAsync(Factory, visit.Id)).Status);
    }

    [Fact]
    public async Task an_unknown_manage_link_cannot_answer_a_proposal()
    {
        using var client = Factory.Browser(followRedirects: true);
        var token = await FormPost.AntiforgeryTokenAsync(client, "/account/sign-in");
        using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]);

        var response = await client.PostAsync("/bookings/not-a-real-token/accept-proposed-time", content);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<HttpResponseMessage> ProposeAsync(HttpClient therapist, ArrangedVisit visit, DateTime startUtc) =>
        await Sessions.PostAsync(therapist, $"/admin/requests/{visit.Id}", $"/admin/requests/{visit.Id}/propose",
            ("Version", await Visits.VersionAsync(Factory, visit.Id)), ("Start", startUtc.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture)));

    private async Task<bool> IsFreeAsync(DateTime startUtc)
    {
        await using var scope = Factory.Scope();
        return await scope.ServiceProvider.GetRequiredService<AvailabilityService>().IsFreeAsync(startUtc, 60);
    }
}
