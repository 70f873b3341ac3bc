using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PaulMassage.IntegrationTests.Infrastructure;

namespace PaulMassage.IntegrationTests.Features.Calendar;

public sealed partial class TheCalendarFeed(PracticeAppFactoryFixture fixture) : IClassFixture<PracticeAppFactoryFixture>
{
    private PracticeAppFactory Factory => fixture.Factory;

    [Fact]
    public async Task the_feed_serves_confirmed_visits_with_first_name_postcode_and_service_only()
    {
        var confirmed = await ConfirmedVisits.RequestAndConfirmAsync(Factory, Visits.March(2, 10), name: "Fiona Feedwell");
        await Visits.RequestAsync(Factory, Visits.March(2, 14), name: "Percy Pending");
        var cancelled = await Visits.RequestAsync(Factory, Visits.March(3, 10), name: "Cecil Cancelled");
        using (var client = Factory.Browser(followRedirects: true))
        {
            await Sessions.PostAsync(client, cancelled.ManageUrl, cancelled.ManageUrl + "/cancel");
        }

        using var therapist = await Factory.TherapistAsync();
        var feedUrl = await RegenerateAsync(therapist);
        using var phone = Factory.Browser(followRedirects: true);

        var response = await phone.GetAsync(feedUrl);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        var ics = await response.Content.ReadAsStringAsync();
        var calendar = Ical.Net.Calendar.Load(ics)!;
        var visit = Assert.Single(calendar.Events);
        Assert.Equal("Fiona \u00b7 SE1 7PB \u00b7 Deep tissue massage", visit.Summary);
        Assert.Equal("SE1 7PB", visit.Location);
        Assert.Equal(Visits.March(2, 10), visit.Start!.AsUtc);
        Assert.Equal(Visits.March(2, 11), visit.End!.AsUtc);
        Assert.Equal($"{confirmed.Reference}@localhost", visit.Uid);
        Assert.Equal("CONFIRMED", visit.Status);
        foreach (var secret in new[] { "Feedwell", "Percy", "Cecil", "07700", "@client.example", "Test Street", "Ring the top bell", "Aching", "asthma" })
        {
            Assert.DoesNotContain(secret, ics, StringComparison.OrdinalIgnoreCase);
        }

    }

    [Fact]
    public async Task regenerating_the_address_stops_the_old_one_working()
    {
        using var therapist = await Factory.TherapistAsync();
        var oldUrl = await RegenerateAsync(therapist);
        var newUrl = await RegenerateAsync(therapist);
        using var phone = Factory.Browser(followRedirects: true);

        Assert.NotEqual(oldUrl, newUrl);
        Assert.Equal(HttpStatusCode.NotFound, (await phone.GetAsync(oldUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync(newUrl)).StatusCode);
    }

    [Fact]
    public async Task the_address_is_shown_once_and_only_its_hash_is_stored()
    {
        using var therapist = await Factory.TherapistAsync();
        var url = await RegenerateAsync(therapist);
        var token = url["/calendar/".Length..^".ics".Length];

        var later = await therapist.GetStringAsync("/admin/calendar");

        Assert.DoesNotContain(token, later, StringComparison.Ordinal);
        Assert.Contains("id=\"feed-status\"", later, StringComparison.Ordinal);
        Assert.True(token.Length >= 43, "The token carries at least 256 bits.");
        var stored = await Factory.WithDbAsync(db => db.CalendarFeeds.AsNoTracking().SingleAsync());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token))), stored.TokenHash);
    }

    [Fact]
    public async Task a_made_up_address_is_not_found()
    {
        using var phone = Factory.Browser(followRedirects: true);

        Assert.Equal(HttpStatusCode.NotFound, (await phone.GetAsync("/calendar/guessed-token.ics")).StatusCode);
    }

    [Fact]
    public async Task making_the_first_address_asks_nothing_and_replacing_it_asks_a_real_question()
    {
        using var factory = new PracticeAppFactory();
        using var therapist = await factory.TherapistAsync();

        var first = await (await therapist.GetAsync("/admin/calendar")).ReadHtmlAsync();
        var firstForm = first.QuerySelector("form:has(#feed-regenerate)")!;
        Assert.False(firstForm.HasAttribute("data-confirm"), "The first address asks no confirmation (an empty data-confirm opens an empty box).");

        await RegenerateAsync(therapist);
        var again = await (await therapist.GetAsync("/admin/calendar")).ReadHtmlAsync();
        Assert.Equal("Make a new address? The old one stops working at once.", again.QuerySelector("form:has(#feed-regenerate)")!.GetAttribute("data-confirm"));
    }

    /// <summary>Makes a new feed address from the calendar page and returns its path, as shown to the therapist.</summary>
    private static async Task<string> RegenerateAsync(HttpClient therapist)
    {
        var response = await Sessions.PostAsync(therapist, "/admin/calendar", "/admin/calendar/feed");
        var html = await response.Content.ReadAsStringAsync();
        var match = FeedUrl().Match(html);
        Assert.True(match.Success, "The new address is shown after regenerating.");
        Assert.Contains("href=\"webcal://localhost/calendar/", html, StringComparison.Ordinal);
        return new Uri(match.Groups[1].Value).AbsolutePath;
    }

    [GeneratedRegex("id=\"feed-url\" readonly value=\"([^\"]+)\"")]
    private static partial Regex FeedUrl();
}
