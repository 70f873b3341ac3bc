using System.Net;
using System.Text.Json;
using PaulMassage.IntegrationTests.Infrastructure;
using PaulMassage.Web.Features.Scheduling;

namespace PaulMassage.IntegrationTests.Features.Settings;

/// <summary>
/// The travel settings (/admin/settings/travel): home, zones and the minutes between them. Each test
/// has a practice of its own because each changes settings the others would see.
/// </summary>
public sealed class TheTravelSettings
{
    private const string Page = "/admin/settings/travel";

    private static List<KeyValuePair<string, string>> Fields(string home, string zones, IReadOnlyList<string> shown, params string[] minutes)
    {
        var fields = new List<KeyValuePair<string, string>> { new("HomeDistrict", home), new("Zones", zones) };
        fields.AddRange(shown.Select((zone, i) => new KeyValuePair<string, string>($"Shown[{i}]", zone)));
        fields.AddRange(minutes.Select((m, i) => new KeyValuePair<string, string>($"Minutes[{i}]", m)));
        return fields;
    }

    private static async Task<string> FirstFreeAsync(HttpClient visitor, string postcode)
    {
        using var response = await visitor.GetAsync("/api/availability?service=deep-tissue-massage&minutes=60&from=2027-03-03&days=1&postcode=" + Uri.EscapeDataString(postcode));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("free")[0].GetProperty("windows")[0][0].GetString()!;
    }

    [Fact]
    public async Task a_new_practice_starts_with_zones_from_its_area_and_the_page_shows_them_in_a_table()
    {
        using var factory = new TravelByZonePractice();
        using var paul = await factory.TherapistAsync(followRedirects: false);

        var page = await (await paul.GetAsync(Page)).ReadHtmlAsync();

        Assert.Equal("E1", page.FieldValue("HomeDistrict"));
        Assert.Equal(TravelTimes.Defaults.Zones, page.QuerySelector("textarea[name='Zones']")!.TextContent.Trim().ReplaceLineEndings("\n"));
        Assert.Equal(25, page.QuerySelectorAll("input[name^='Minutes[']").Length);
        Assert.NotNull(page.QuerySelector("input[aria-label='From East to Kensington and Chelsea, minutes']"));
        var overview = await (await paul.GetAsync("/admin/settings")).TextAsync();
        Assert.Contains("By zone: 5 zones, 30 to 60 minutes a drive; the day starts from E1.", overview, StringComparison.Ordinal);
    }

    [Fact]
    public async Task new_zones_and_minutes_show_at_once_in_the_free_times()
    {
        using var factory = new PracticeAppFactory(); // no zones: the flat buffer
        using var paul = await factory.TherapistAsync(followRedirects: false);
        using var visitor = factory.CreateClient();
        Assert.Equal("09:00+00:00", await FirstFreeAsync(visitor, "SW7 2AZ"));

        using var first = await FormPost.PostAsync(paul, Page, Page, Fields("e1", "East: E1, E14\nWest: sw7, SW3", []));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var drawn = await (await paul.GetAsync(Page)).ReadHtmlAsync();
        Assert.Contains("The drives to and from East and West start at 30 minutes", drawn.QuerySelector("[role='status']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("30", drawn.FieldValue("Minutes[1]"));

        // The table as drawn (East, West), with the West zone now listed first: minutes follow the names.
        using var second = await FormPost.PostAsync(paul, Page, Page, Fields("E1", "West: SW7, SW3\nEast: E1, E14", ["East", "West"], "15", "75", "60", "20"));

        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal("10:15+00:00", await FirstFreeAsync(visitor, "SW7 2AZ")); // 75 minutes from home in E1
        Assert.Equal("09:15+00:00", await FirstFreeAsync(visitor, "E14 5AB"));
        Assert.Equal("09:00+00:00", await FirstFreeAsync(visitor, "SE1 7PB")); // in no zone
        var saved = await (await paul.GetAsync(Page)).ReadHtmlAsync();
        Assert.Equal(["West", "East"], saved.QuerySelectorAll("input[name^='Shown[']").Select(i => i.GetAttribute("value")));
        Assert.Equal(["20", "60", "75", "15"], saved.QuerySelectorAll("input[name^='Minutes[']").Select(i => i.GetAttribute("value")));
    }

    [Theory]
    [InlineData("E1", "East: E1, E14\nWest: E14", "15", "Zones", "E14 is in two zones (East and West); put it in one.")]
    [InlineData("E1", "East E1", "15", "Zones", "Write each zone as its name, a colon and its districts")]
    [InlineData("Home!", "East: E1, E14", "15", "HomeDistrict", "Enter the district of your home base")]
    [InlineData("N1", "East: E1, E14", "15", "HomeDistrict", "N1 is in none of your zones")]
    [InlineData("E1", "East: E1, E14", "fifteen", "Minutes", "Travel times are whole minutes from 0 to 180. \"fifteen\" is not.")]
    public async Task bad_input_is_refused_beside_its_field_with_what_was_typed_kept(string home, string zones, string minutes, string field, string message)
    {
        using var factory = new PracticeAppFactory();
        using var paul = await factory.TherapistAsync(followRedirects: false);
        await FormPost.PostAsync(paul, Page, Page, Fields("E1", "East: E1, E14", []));

        using var response = await FormPost.PostAsync(paul, Page, Page, Fields(home, zones, ["East"], minutes));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.Contains(page.ErrorSummary(), e => e.Contains(message, StringComparison.Ordinal));
        Assert.Contains(message, page.QuerySelector($"#{field}-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(home, page.FieldValue("HomeDistrict"));
        Assert.Equal(zones, page.QuerySelector("textarea[name='Zones']")!.TextContent.Trim().ReplaceLineEndings("\n"));
        Assert.Equal(minutes, page.FieldValue("Minutes[0]"));
        Assert.DoesNotContain("Exception", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var stored = await (await paul.GetAsync(Page)).ReadHtmlAsync();
        Assert.Equal("East: E1, E14", stored.QuerySelector("textarea[name='Zones']")!.TextContent.Trim());
    }

    [Fact]
    public async Task the_page_is_the_therapists_alone()
    {
        using var factory = new PracticeAppFactory();
        using var stranger = factory.CreateClient(new() { AllowAutoRedirect = false });
        await factory.ClientAccountAsync("a.client@example.com", SigningIn.ClientPassword);
        using var client = await factory.SignedInAsync("a.client@example.com", SigningIn.ClientPassword);

        using var anonymous = await stranger.GetAsync(Page);
        using var signedIn = await client.GetAsync(Page);

        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/account/sign-in", anonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.True(signedIn.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect or HttpStatusCode.NotFound, $"{(int)signedIn.StatusCode}");
        Assert.DoesNotContain("Minutes to drive", await signedIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
