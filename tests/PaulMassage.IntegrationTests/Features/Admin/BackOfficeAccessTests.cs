using System.Net;
using PaulMassage.IntegrationTests.Infrastructure;

namespace PaulMassage.IntegrationTests.Features.Admin;

public sealed class TheBackOfficeAccess(PracticeAppFactoryFixture fixture) : IClassFixture<PracticeAppFactoryFixture>
{
    private PracticeAppFactory Factory => fixture.Factory;

    private static readonly string[] Pages =
    [
        "/admin",
        "/admin/requests/1",
        "/admin/calendar",
        "/admin/calendar?week=2027-03-08",
        "/admin/day",
        "/admin/day?date=2027-03-02",
        "/admin/bookings/new",
    ];

    public static TheoryData<string> BackOfficePages => new(Pages);

    public static TheoryData<string> BackOfficeActions => new()
    {
        "/admin/requests/1/confirm",
        "/admin/requests/1/decline",
        "/admin/requests/1/propose",
        "/admin/visits/1/complete",
        "/admin/visits/1/no-show",
        "/admin/bookings/new",
        "/admin/calendar/feed",
    };

    [Theory]
    [MemberData(nameof(BackOfficePages))]
    public async Task an_anonymous_visitor_is_sent_to_sign_in(string path)
    {
        using var client = Factory.Browser();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BackOfficeActions))]
    public async Task an_anonymous_post_changes_nothing_and_is_sent_to_sign_in(string path)
    {
        var visit = await Visits.RequestNextFreeAsync(Factory);
        using var client = Factory.Browser();
        var version = await Visits.VersionAsync(Factory, visit.Id);
        var actionUrl = path.Replace("/1/", $"/{visit.Id}/", StringComparison.Ordinal);

        var response = await Sessions.PostAsync(client, "/account/sign-in", actionUrl, ("Version", version), ("Reason", "No"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(PaulMassage.Web.Features.Booking.AppointmentStatus.Requested, (await Visits.LoadAsync(Factory, visit.Id)).Status);
    }

    [Theory]
    [MemberData(nameof(BackOfficePages))]
    public async Task a_signed_in_client_gets_403(string path)
    {
        using var client = await SignedInClientAsync();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Aching lower back", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BackOfficeActions))]
    public async Task a_signed_in_client_cannot_post_a_back_office_action(string path)
    {
        var visit = await Visits.RequestNextFreeAsync(Factory);
        using var client = await SignedInClientAsync();
        var version = await Visits.VersionAsync(Factory, visit.Id);
        var actionUrl = path.Replace("/1/", $"/{visit.Id}/", StringComparison.Ordinal);

        var response = await Sessions.PostAsync(client, "/", actionUrl, ("Version", version), ("Reason", "No"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(PaulMassage.Web.Features.Booking.AppointmentStatus.Requested, (await Visits.LoadAsync(Factory, visit.Id)).Status);
    }

    [Fact]
    public async Task the_therapist_reaches_every_back_office_page()
    {
        var visit = await Visits.RequestNextFreeAsync(Factory);
        using var client = await Factory.TherapistAsync();

        foreach (var path in Pages)
        {
            var response = await client.GetAsync(path.Replace("/1", $"/{visit.Id}", StringComparison.Ordinal));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {response.StatusCode}");
        }
    }

    /// <summary>A client with an account of their own (a new address each time), signed in.</summary>
    private async Task<HttpClient> SignedInClientAsync()
    {
        var email = $"registered-{Guid.NewGuid():N}@client.example";
        await Factory.ClientAccountAsync(email);
        return await Factory.SignedInAsync(email, followRedirects: true);
    }
}
