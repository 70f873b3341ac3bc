using System.Net;
using AngleSharp.Html.Parser;
using PaulMassage.IntegrationTests.Infrastructure;
using PaulMassage.Web.Features.Booking;

namespace PaulMassage.IntegrationTests.Features.Booking;

/// <summary>
/// Step 3 keeps the markup of its questions once rendered for a visitor who has typed nothing
/// (issue 17 item 6). What is kept must never reach anyone whose form is not blank: a signed-in
/// client's own details, or a form sent back with a mistake, are rendered for that request.
/// </summary>
public sealed class UntouchedDetailsFormTests : IDisposable
{
    private readonly PracticeAppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task is_the_same_for_every_visitor_while_a_returning_client_and_a_form_sent_back_get_their_own()
    {
        var starts = await _factory.FreeStartsAsync(3);
        var first = await QuestionsAsync(_factory.Browser(), starts[0]);
        var second = await QuestionsAsync(_factory.Browser(), starts[1]);
        Assert.Equal(first, second);
        Assert.Contains("name=\"Intake.MainComplaint\"", first, StringComparison.Ordinal);

        // A returning client signed in, after visitors warmed the kept markup: their own address.
        await _factory.VisitAsync("rita.return@test.example", new DateTime(2027, 2, 10, 10, 0, 0, DateTimeKind.Utc), AppointmentStatus.Completed, name: "Rita Return");
        await _factory.ClientAccountAsync("rita.return@test.example");
        using var rita = await _factory.SignedInAsync("rita.return@test.example");
        var ritas = await rita.GetStringAsync(SecurityScenario.DetailsPage(starts[2]));
        Assert.Contains("value=\"1 Test Street\"", ritas, StringComparison.Ordinal);
        Assert.DoesNotContain("1 Test Street", await QuestionsAsync(_factory.Browser(), starts[2]), StringComparison.Ordinal);

        // A form sent back with a mistake keeps what was typed, not the kept blank markup.
        var fields = SecurityScenario.ValidBookingFields(starts[0], "Tom Typed", "tom.typed@test.example");
        fields["Intake.MainComplaint"] = "Tom's stiff neck after a long drive";
        fields["Address.Town"] = string.Empty;
        using var sentBack = await SecurityScenario.PostBookingAsync(_factory.Browser(), starts[0], fields);
        Assert.Equal(HttpStatusCode.OK, sentBack.StatusCode);
        var page = await sentBack.Content.ReadAsStringAsync();
        Assert.Contains("Tom&#x27;s stiff neck after a long drive", page, StringComparison.Ordinal);
        Assert.Contains("field-validation-error", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task is_compressed_only_while_nothing_on_it_is_anyones_own()
    {
        var starts = await _factory.FreeStartsAsync(2);
        using var visitor = Accepting(_factory.Browser());
        using var untouched = await visitor.GetAsync(SecurityScenario.DetailsPage(starts[0]));
        Assert.Equal("br", Assert.Single(untouched.Content.Headers.ContentEncoding));

        // A signed-in client's own details, or what a visitor typed, beside the form's token: never compressed (BREACH).
        await _factory.VisitAsync("cora.compress@test.example", new DateTime(2027, 2, 10, 10, 0, 0, DateTimeKind.Utc), AppointmentStatus.Completed, name: "Cora Compress");
        await _factory.ClientAccountAsync("cora.compress@test.example");
        using var cora = Accepting(await _factory.SignedInAsync("cora.compress@test.example"));
        using var own = await cora.GetAsync(SecurityScenario.DetailsPage(starts[1]));
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Empty(own.Content.Headers.ContentEncoding);

        using var typist = _factory.Browser();
        var fields = SecurityScenario.ValidBookingFields(starts[0], "Tom Typed", "tom.typed@test.example");
        fields["Address.Town"] = string.Empty;
        fields["__RequestVerificationToken"] = await FormPost.AntiforgeryTokenAsync(typist, SecurityScenario.DetailsPage(starts[0]));
        using var post = new HttpRequestMessage(HttpMethod.Post, "/book/details") { Content = new FormUrlEncodedContent(fields) };
        post.Headers.AcceptEncoding.Add(new System.Net.Http.Headers.StringWithQualityHeaderValue("br"));
        using var sentBack = await typist.SendAsync(post);
        Assert.Equal(HttpStatusCode.OK, sentBack.StatusCode);
        Assert.Empty(sentBack.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task goes_out_in_gzip_to_a_browser_that_takes_both_while_a_kept_public_page_goes_out_in_brotli()
    {
        // The step is compressed afresh for every visitor (gzip costs less CPU per response); a
        // public page is compressed once and served from the output cache (Brotli's smaller bytes).
        var starts = await _factory.FreeStartsAsync(1);
        using var browser = _factory.Browser();
        browser.DefaultRequestHeaders.Add("Accept-Encoding", "br, gzip");

        using var step = await browser.GetAsync(SecurityScenario.DetailsPage(starts[0]));
        using var home = await browser.GetAsync("/services");

        Assert.Equal("gzip", Assert.Single(step.Content.Headers.ContentEncoding));
        Assert.Equal("br", Assert.Single(home.Content.Headers.ContentEncoding));
    }

    [Fact]
    public async Task offers_a_visitor_to_sign_in_and_come_back_to_the_same_time_whatever_else_the_address_carried()
    {
        // The offer is made from the step's own values, never from the address as typed (the kept
        // markup and the offer must not carry what one visitor added to the query to the next).
        var starts = await _factory.FreeStartsAsync(1);
        var step = SecurityScenario.DetailsPage(starts[0]);
        using var visitor = _factory.Browser();
        var html = await visitor.GetStringAsync(step + "&utm_source=%22%3Eodd");
        var offer = new HtmlParser().ParseDocument(html).QuerySelector("#sign-in-offer a")!;

        var returnUrl = Uri.UnescapeDataString(offer.GetAttribute("href")!.Split("returnUrl=")[1]);
        Assert.StartsWith("/account/sign-in", offer.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Equal(QueryOf(step), QueryOf(returnUrl));
        Assert.StartsWith("/book/details?", returnUrl, StringComparison.Ordinal);
        Assert.DoesNotContain("odd", html, StringComparison.Ordinal);

        await _factory.ClientAccountAsync("sam.signin@test.example");
        using var signedIn = await _factory.SignedInAsync("sam.signin@test.example");
        Assert.DoesNotContain("sign-in-offer", await signedIn.GetStringAsync(returnUrl), StringComparison.Ordinal);
    }

    private static Dictionary<string, string> QueryOf(string url) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(new Uri("https://localhost"), url).Query)
            .ToDictionary(p => p.Key, p => p.Value.ToString());

    private static HttpClient Accepting(HttpClient client)
    {
        client.DefaultRequestHeaders.AcceptEncoding.Add(new System.Net.Http.Headers.StringWithQualityHeaderValue("br"));
        return client;
    }

    /// <summary>The address, intake, health and agreement questions of step 3 for a visitor.</summary>
    private static async Task<string> QuestionsAsync(HttpClient visitor, DateTime start)
    {
        using var response = await visitor.GetAsync(SecurityScenario.DetailsPage(start));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        return string.Join("\n", document.QuerySelectorAll("form fieldset").Skip(1).Select(f => f.OuterHtml));
    }
}
