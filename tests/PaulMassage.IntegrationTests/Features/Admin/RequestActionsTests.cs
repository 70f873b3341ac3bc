using System.Net;
using Microsoft.EntityFrameworkCore;
using PaulMassage.IntegrationTests.Infrastructure;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Screening;

namespace PaulMassage.IntegrationTests.Features.Admin;

public sealed class TheRequestActions(PracticeAppFactoryFixture fixture) : IClassFixture<PracticeAppFactoryFixture>
{
    private PracticeAppFactory Factory => fixture.Factory;

    [Fact]
    public async Task the_requests_page_lists_flagged_requests_first_with_their_intake_and_screening()
    {
        var plain = await Visits.RequestAsync(Factory, Visits.March(2, 10), name: "Plain Request");
        var flagged = await Visits.RequestAsync(Factory, Visits.March(4, 10), name: "Flagged Request", contraindications: Contraindication.BloodThinners);
        using var therapist = await Factory.TherapistAsync();

        var html = await therapist.GetStringAsync("/admin");

        var flaggedAt = html.IndexOf($"id=\"request-{flagged.Id}\"", StringComparison.Ordinal);
        var plainAt = html.IndexOf($"id=\"request-{plain.Id}\"", StringComparison.Ordinal);
        Assert.True(flaggedAt >= 0 && plainAt > flaggedAt, "The flagged request should come first.");
        var flaggedCard = html[flaggedAt..plainAt];
        Assert.Contains("Needs review", flaggedCard, StringComparison.Ordinal);
        Assert.Contains("Flagged Request", flaggedCard, StringComparison.Ordinal);
        Assert.Contains("Deep tissue massage (60 min)", flaggedCard, StringComparison.Ordinal);
        Assert.Contains("Thu 4 Mar 10:00", flaggedCard, StringComparison.Ordinal);
        Assert.Contains("SE1 7PB", flaggedCard, StringComparison.Ordinal);
        Assert.Contains("Aching lower back after long days at the desk", flaggedCard, StringComparison.Ordinal);
        Assert.Contains("Lower back, Hips", flaggedCard, StringComparison.Ordinal);
        Assert.Contains("6 out of 10", flaggedCard, StringComparison.Ordinal);
        Assert.Contains("6 to 12 weeks", flaggedCard, StringComparison.Ordinal);
        Assert.Contains("An aching or tense muscle", flaggedCard, StringComparison.Ordinal);
        Assert.Contains("Taking blood-thinning medicine", flaggedCard, StringComparison.Ordinal);
        Assert.Contains("Needs review before you confirm", flaggedCard, StringComparison.Ordinal);
        Assert.Contains("Clear: nothing in the answers needs checking", html[plainAt..], StringComparison.Ordinal);
    }

    [Fact]
    public async Task confirming_a_request_records_who_and_when_and_shows_it_in_the_history()
    {
        var visit = await Visits.RequestAsync(Factory, Visits.March(2, 12));
        using var therapist = await Factory.TherapistAsync();

        var response = await Sessions.PostAsync(therapist, $"/admin/requests/{visit.Id}", $"/admin/requests/{visit.Id}/confirm",
            ("Version", await Visits.VersionAsync(Factory, visit.Id)));

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"/admin/requests/{visit.Id}", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.StartsWith($"Confirmed {visit.Reference}", Sessions.AdminMessage(html), StringComparison.Ordinal);
        var stored = await Visits.LoadAsync(Factory, visit.Id);
        Assert.Equal(AppointmentStatus.Confirmed, stored.Status);
        var confirmed = Assert.Single(stored.History, e => e.ToStatus == AppointmentStatus.Confirmed);
        Assert.Equal(PracticeAppFactory.TherapistEmail, confirmed.Actor);
        Assert.Equal(Factory.Clock.GetUtcNow().UtcDateTime, confirmed.AtUtc);
        Assert.NotEmpty(stored.SlotClaims);
        Assert.Contains($"{PracticeAppFactory.TherapistEmail}:", html, StringComparison.Ordinal);
        Assert.Contains("Request, not confirmed \u2192 Confirmed", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_request_cannot_be_confirmed_twice()
    {
        var visit = await Visits.RequestAsync(Factory, Visits.March(2, 14));
        using var therapist = await Factory.TherapistAsync();
        var version = await Visits.VersionAsync(Factory, visit.Id);

        await Sessions.PostAsync(therapist, "/admin", $"/admin/requests/{visit.Id}/confirm", ("Version", version), ("ReturnUrl", "/admin"));
        var second = await Sessions.PostAsync(therapist, "/admin", $"/admin/requests/{visit.Id}/confirm", ("Version", version), ("ReturnUrl", "/admin"));

        Assert.Equal("This visit is already confirmed.", Sessions.AdminMessage(await second.Content.ReadAsStringAsync()));
        var stored = await Visits.LoadAsync(Factory, visit.Id);
        Assert.Equal(AppointmentStatus.Confirmed, stored.Status);
        Assert.Single(stored.History, e => e.ToStatus == AppointmentStatus.Confirmed);
    }

    [Fact]
    public async Task a_request_cannot_be_confirmed_after_the_client_cancelled()
    {
        var visit = await Visits.RequestAsync(Factory, Visits.March(2, 16));
        using var therapist = await Factory.TherapistAsync();
        var versionOnHisPage = await Visits.VersionAsync(Factory, visit.Id);
        using var client = Factory.Browser(followRedirects: true);
        await Sessions.PostAsync(client, visit.ManageUrl, visit.ManageUrl + "/cancel");

        var response = await Sessions.PostAsync(therapist, "/admin", $"/admin/requests/{visit.Id}/confirm", ("Version", versionOnHisPage));

        Assert.Equal("The client cancelled this request, so it cannot be confirmed.", Sessions.AdminMessage(await response.Content.ReadAsStringAsync()));
        var stored = await Visits.LoadAsync(Factory, visit.Id);
        Assert.Equal(AppointmentStatus.Cancelled, stored.Status);
        Assert.DoesNotContain(stored.History, e => e.ToStatus == AppointmentStatus.Confirmed);
        Assert.Empty(stored.SlotClaims);
    }

    [Fact]
    public async Task a_change_posted_from_a_stale_page_is_refused_with_the_current_state()
    {
        var visit = await Visits.RequestAsync(Factory, Visits.March(3, 9));
        using var therapist = await Factory.TherapistAsync();

        var response = await Sessions.PostAsync(therapist, "/admin", $"/admin/requests/{visit.Id}/decline",
            ("Version", Guid.NewGuid().ToString()), ("Reason", "Fully booked that morning."));

        var message = Sessions.AdminMessage(await response.Content.ReadAsStringAsync());
        Assert.Equal("This visit changed after you opened the page: it is now waiting for your answer. Nothing was changed; look at it again and decide.", message);
        Assert.Equal(AppointmentStatus.Requested, (await Visits.LoadAsync(Factory, visit.Id)).Status);
    }

    [Fact]
    public async Task declining_needs_a_reason_and_keeps_the_request_open_without_one()
    {
        var visit = await Visits.RequestAsync(Factory, Visits.March(3, 11));
        using var therapist = await Factory.TherapistAsync();

        var response = await Sessions.PostAsync(therapist, $"/admin/requests/{visit.Id}", $"/admin/requests/{visit.Id}/decline",
            ("Version", await Visits.VersionAsync(Factory, visit.Id)), ("Reason", "   "));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Give the client a reason; they will see it on their booking page.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(AppointmentStatus.Requested, (await Visits.LoadAsync(Factory, visit.Id)).Status);
    }

    [Fact]
    public async Task a_declined_request_frees_its_time_and_the_client_sees_the_reason()
    {
        var visit = await Visits.RequestAsync(Factory, Visits.March(3, 13));
        using var therapist = await Factory.TherapistAsync();

        await Sessions.PostAsync(therapist, $"/admin/requests/{visit.Id}", $"/admin/requests/{visit.Id}/decline",
            ("Version", await Visits.VersionAsync(Factory, visit.Id)), ("Reason", "I am away on a course that afternoon, sorry."));

        var stored = await Visits.LoadAsync(Factory, visit.Id);
        Assert.Equal(AppointmentStatus.Declined, stored.Status);
        Assert.Empty(stored.SlotClaims);
        using var client = Factory.Browser(followRedirects: true);
        var manage = await client.GetStringAsync(visit.ManageUrl);
        Assert.Contains("Declined", manage, StringComparison.Ordinal);
        Assert.Contains("I am away on a course that afternoon, sorry.", manage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_request_whose_time_has_passed_cannot_be_confirmed()
    {
        var visit = await Visits.RequestAsync(Factory, Visits.March(3, 15));
        var stalePast = await Factory.WithDbAsync(async db =>
        {
            // Move it into the past as if it had waited unanswered (no visit can be moved there through the site).
            var past = Factory.Clock.GetUtcNow().UtcDateTime.AddHours(-2);
            await db.Appointments.Where(x => x.Id == visit.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.StartUtc, past).SetProperty(x => x.EndUtc, past.AddHours(1)));
            return (await db.Appointments.SingleAsync(x => x.Id == visit.Id)).Version.ToString();
        });
        using var therapist = await Factory.TherapistAsync();

        var response = await Sessions.PostAsync(therapist, "/admin", $"/admin/requests/{visit.Id}/confirm", ("Version", stalePast));

        Assert.StartsWith("The requested time has passed", Sessions.AdminMessage(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(AppointmentStatus.Requested, (await Visits.LoadAsync(Factory, visit.Id)).Status);
    }

    [Fact]
    public async Task an_unknown_visit_is_not_found()
    {
        using var therapist = await Factory.TherapistAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await therapist.GetAsync("/admin/requests/999999")).StatusCode);
        var post = await Sessions.PostAsync(therapist, "/admin", "/admin/requests/999999/confirm", ("Version", Guid.NewGuid().ToString()));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
    }
}
