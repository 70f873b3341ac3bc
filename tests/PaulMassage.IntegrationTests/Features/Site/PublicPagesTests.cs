using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using PaulMassage.IntegrationTests.Infrastructure;
using PaulMassage.Web.Features.Site;

namespace PaulMassage.IntegrationTests.Features.Site;

public sealed class ThePublicPages(PracticeAppFactoryFixture fixture) : IClassFixture<PracticeAppFactoryFixture>
{
    private const string BaseUrl = "http://localhost:5080";

    public static readonly string[] ServiceSlugs = ["swedish-massage", "deep-tissue-massage", "trigger-point-therapy", "myofascial-release"];

    public static readonly string[] ArticleSlugs =
    [
        "understanding-back-pain", "how-massage-helps-back-pain", "choosing-a-massage-technique",
        "why-a-course-of-treatment", "self-help-between-visits", "keeping-your-back-pain-free",
    ];

    /// <summary>The seeded articles' tags (Content/articles), each with its own page.</summary>
    public static readonly string[] ArticleTagNames =
        ["causes", "desk-work", "exercise", "massage", "posture", "research", "self-help", "sleep", "stretches", "treatments", "warning-signs"];

    /// <summary>Every distinct public page, by its canonical path.</summary>
    public static IEnumerable<string> PagePaths =>
        new[] { "/", "/services", "/articles", "/book", "/about", "/faq", "/terms", "/privacy", "/reviews" }
            .Concat(ServiceSlugs.Select(s => "/services/" + s))
            .Concat(ArticleSlugs.Select(s => "/articles/" + s))
            .Concat(ArticleTagNames.Select(t => "/articles/tag/" + t));

    public static TheoryData<string> Pages => new(PagePaths);

    private PracticeAppFactory Factory => fixture.Factory;

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task answer_200_with_a_title_a_description_and_a_canonical_link(string path)
    {
        using var client = Factory.CreateClient();

        using var response = await client.GetAsync(path);
        var page = await response.ReadHtmlAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Single(page.QuerySelectorAll("head title"));
        Assert.EndsWith("Paul Massage", page.Title(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(page.MetaDescription()));
        Assert.Equal(BaseUrl + path, page.Canonical());
        Assert.Null(page.QuerySelector("meta[name='robots'][content*='noindex']"));
        Assert.Contains("does not replace a doctor", page.QuerySelector("footer")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("a[href='/book']"));
    }

    /// <summary>
    /// What the first paint waits for (issue 17): one stylesheet and nothing else; no Bootstrap
    /// script; the main menu in the page itself, with no toggler that only a script could open.
    /// Public content has no form, so no script at all; a page with a form gets site.js, deferred.
    /// </summary>
    [Theory]
    [MemberData(nameof(Pages))]
    public async Task wait_for_one_stylesheet_only_and_show_the_menu_without_a_script(string path)
    {
        using var client = Factory.CreateClient();

        var page = await (await client.GetAsync(path)).ReadHtmlAsync();

        var stylesheet = Assert.Single(page.QuerySelectorAll("link[rel='stylesheet']"));
        Assert.StartsWith("/css/bundle.", stylesheet.GetAttribute("href"), StringComparison.Ordinal);
        Assert.DoesNotContain(page.QuerySelectorAll("script[src]"), s => s.GetAttribute("src")!.Contains("bootstrap", StringComparison.Ordinal));
        Assert.All(page.QuerySelectorAll("script[src]"), s => Assert.True(s.HasAttribute("defer"), $"{s.GetAttribute("src")} holds up the first paint."));
        Assert.Empty(page.QuerySelectorAll("[data-bs-toggle], .collapse"));
        Assert.NotNull(page.QuerySelector("nav[aria-label='Main'] a[href='/services']"));

        var scripts = page.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!).ToList();
        if (path == "/book")
        {
            Assert.Contains(scripts, s => s.StartsWith("/js/site.", StringComparison.Ordinal));
        }
        else
        {
            Assert.Empty(scripts);
        }
    }

    /// <summary>
    /// Not only the public pages: every page a visitor, a client or the therapist can open, those
    /// reached by posting a form included, has a title and a description of its own, and none falls
    /// back to the layout's default. A page kept out of search results names no canonical link.
    /// </summary>
    [Fact]
    public async Task each_have_a_title_and_description_of_their_own()
    {
        var heads = new List<(string Page, string Title, string Description)>();
        async Task ReadAsync(string page, Task<HttpResponseMessage> answer)
        {
            using var response = await answer;
            Assert.True(response.Content.Headers.ContentType?.MediaType == "text/html", $"{page} answered {(int)response.StatusCode} {response.Headers.Location}");
            var html = await response.ReadHtmlAsync();
            if (html.QuerySelector("meta[name='robots'][content='noindex']") is not null)
            {
                Assert.True(html.Canonical() is null, $"{page} is kept out of search results but names a canonical link.");
            }

            heads.Add((page, html.Title(), html.MetaDescription() ?? string.Empty));
        }

        var starts = await Factory.FreeStartsAsync(2);
        const string email = "heads.client@test.example";
        var visit = await Factory.BookAsync(starts[0], "Hester Heads", email);
        await Factory.ClientAccountAsync(email);
        var articleId = await Factory.WithDbAsync(db => db.Articles.Select(a => a.Id).FirstAsync());
        var serviceId = await Factory.WithDbAsync(db => db.Services.Select(a => a.Id).FirstAsync());

        using var visitor = Factory.Browser();
        string[] visitorPages =
        [
            .. PagePaths,
            "/book/slots?service=deep-tissue-massage&minutes=60&postcode=SE1%207PB",
            SecurityScenario.DetailsPage(starts[1]),
            $"/bookings/{visit.Token}",
            $"/bookings/{visit.Token}/move", // the same page as a signed-in client's /account/visits/{reference}/move
            "/no-such-page", "/status/403", "/status/400", "/status/429", "/error",
            "/account/sign-in", "/account/register", "/account/forgot-password", "/account/resend-confirmation",
            "/account/confirm-email", "/account/reset-password?email=heads.client%40test.example&code=not-a-real-code", "/account/access-denied",
        ];
        foreach (var path in visitorPages)
        {
            await ReadAsync(path, visitor.GetAsync(path));
        }

        var redFlag = SecurityScenario.ValidBookingFields(starts[1], "Rhian Redflag", "rhian.redflag@test.example");
        redFlag.Remove("Intake.NoRedFlags");
        redFlag["Intake.RedFlags"] = "SaddleNumbness";
        await ReadAsync("the booking's safety stop", SecurityScenario.PostBookingAsync(visitor, starts[1], redFlag));
        await ReadAsync("the e-mail sent page", FormPost.PostAsync(visitor, "/account/forgot-password", "/account/forgot-password", [new("Email", email)]));

        using var client = await Factory.SignedInAsync(email);
        foreach (var path in new[] { "/account", "/account/security", "/account/security/password", "/account/privacy" })
        {
            await ReadAsync(path, client.GetAsync(path));
        }

        (await FormPost.PostAsync(client, "/account/security", "/account/security/two-factor/setup", [])).Dispose(); // makes the key the page shows
        await ReadAsync("/account/security/two-factor/enable", client.GetAsync("/account/security/two-factor/enable"));

        using var therapist = await Factory.TherapistAsync(followRedirects: false);
        string[] backOffice =
        [
            "/admin", $"/admin/requests/{visit.Id}", "/admin/bookings/new", "/admin/calendar", "/admin/day",
            "/admin/clients", $"/admin/clients/{visit.ClientId}", $"/admin/clients/{visit.ClientId}/visits/{visit.Id}/note",
            $"/admin/clients/{visit.ClientId}/courses/new", "/admin/outbox", "/admin/erasure-requests",
            "/admin/settings", "/admin/settings/hours", "/admin/settings/booking-rules", "/admin/settings/area", "/admin/settings/travel", "/admin/settings/time-off",
            "/admin/settings/articles", "/admin/settings/articles/new", $"/admin/settings/articles/{articleId}",
            "/admin/settings/services", "/admin/settings/services/new", $"/admin/settings/services/{serviceId}",
            "/admin/settings/pages", "/admin/settings/pages/about", "/admin/settings/pages/faq", "/admin/settings/pages/terms",
        ];
        foreach (var path in backOffice)
        {
            await ReadAsync(path, therapist.GetAsync(path));
        }

        await ReadAsync("the phone booking's safety stop", FormPost.PostAsync(therapist, "/admin/bookings/new", "/admin/bookings/new", [new("Email", "phoned@test.example"), new("Intake.RedFlags", "BackPainWithFever")]));

        Assert.All(heads, h => Assert.False(string.IsNullOrWhiteSpace(h.Title), $"{h.Page} has no title."));
        Assert.All(heads, h => Assert.False(string.IsNullOrWhiteSpace(h.Description), $"{h.Page} has no description."));
        var defaults = heads.Where(h => h.Description == PageMeta.DefaultDescription).Select(h => h.Page).ToList();
        Assert.True(defaults.Count == 0, "These pages fall back to the default description: " + string.Join(", ", defaults));
        Assert.Empty(Shared(heads, h => h.Title));
        Assert.Empty(Shared(heads, h => h.Description));
    }

    /// <summary>Each value given by more than one page, with those pages.</summary>
    private static List<string> Shared(IEnumerable<(string Page, string Title, string Description)> heads, Func<(string Page, string Title, string Description), string> value) =>
        heads.GroupBy(value, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => $"\"{g.Key}\": {string.Join(", ", g.Select(h => h.Page))}")
            .ToList();

    [Fact]
    public async Task home_shows_the_four_services_the_latest_articles_and_the_business_as_json_ld()
    {
        using var client = Factory.CreateClient();

        var page = await (await client.GetAsync("/")).ReadHtmlAsync();

        foreach (var slug in ServiceSlugs)
        {
            Assert.NotNull(page.QuerySelector($"a[href='/services/{slug}']"));
        }

        Assert.NotEmpty(page.QuerySelectorAll("a[href^='/articles/']"));
        var business = page.JsonLd().Select(j => JsonDocument.Parse(j).RootElement)
            .Single(j => j.GetProperty("@type").GetString() == "HealthAndBeautyBusiness");
        Assert.Equal("https://schema.org", business.GetProperty("@context").GetString());
        Assert.Equal("Paul Massage", business.GetProperty("name").GetString());
        Assert.Equal(BaseUrl + "/", business.GetProperty("url").GetString());
        Assert.False(string.IsNullOrEmpty(business.GetProperty("telephone").GetString()));
    }

    [Theory]
    [InlineData("swedish-massage", "Swedish massage", "£60")]
    [InlineData("deep-tissue-massage", "Deep tissue massage", "£70")]
    [InlineData("trigger-point-therapy", "Trigger point therapy", "£95")]
    [InlineData("myofascial-release", "Myofascial release", "£95")]
    public async Task show_each_service_with_its_lengths_prices_and_a_booking_link(string slug, string name, string price)
    {
        using var client = Factory.CreateClient();

        var page = await (await client.GetAsync("/services/" + slug)).ReadHtmlAsync();

        Assert.Equal(name, page.QuerySelector("h1")!.TextContent.Trim());
        Assert.StartsWith(name, page.Title(), StringComparison.Ordinal);
        var text = page.Body!.TextContent;
        Assert.Contains("60", text, StringComparison.Ordinal);
        Assert.Contains("90", text, StringComparison.Ordinal);
        Assert.Contains(price, text, StringComparison.Ordinal);
        var books = page.QuerySelectorAll($"a[href^='/book?service={slug}']").Select(a => a.TextContent.Trim()).ToList();
        Assert.Contains("Book " + name, books); // the name as written: "Book Swedish massage", not "swedish"
    }

    [Theory]
    [MemberData(nameof(ArticleSlugs_))]
    public async Task show_each_article_with_its_json_ld_and_links_to_services_and_booking(string slug)
    {
        using var client = Factory.CreateClient();

        var page = await (await client.GetAsync("/articles/" + slug)).ReadHtmlAsync();

        var headline = page.QuerySelector("article h1")!.TextContent.Trim();
        var article = page.JsonLd().Select(j => JsonDocument.Parse(j).RootElement)
            .Single(j => j.GetProperty("@type").GetString() == "Article");
        Assert.Equal(headline, article.GetProperty("headline").GetString());
        Assert.Equal(BaseUrl + "/articles/" + slug, article.GetProperty("mainEntityOfPage").GetString());
        Assert.True(DateOnly.TryParseExact(article.GetProperty("datePublished").GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _));
        Assert.NotEmpty(page.QuerySelectorAll("a[href^='/services/']"));
        Assert.NotEmpty(page.QuerySelectorAll("a[href^='/book']"));
        Assert.True(page.QuerySelectorAll("article p").Length >= 3, "The article body should be rendered from Markdown into paragraphs.");
    }

    public static TheoryData<string> ArticleSlugs_ => new(ArticleSlugs);

    [Fact]
    public async Task list_all_six_articles_on_the_articles_page()
    {
        using var client = Factory.CreateClient();

        var page = await (await client.GetAsync("/articles")).ReadHtmlAsync();

        foreach (var slug in ArticleSlugs)
        {
            Assert.NotNull(page.QuerySelector($"a[href='/articles/{slug}']"));
        }
    }

    [Theory]
    [InlineData("deep-tissue-massage")]
    [InlineData("myofascial-release")]
    public async Task start_a_booking_with_the_service_chosen_from_the_query_string(string slug)
    {
        using var client = Factory.CreateClient();

        using var response = await client.GetAsync("/book?service=" + slug);
        var page = await response.ReadHtmlAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([slug], page.Checked("Service"));
        Assert.Equal(BaseUrl + "/book", page.Canonical());
        Assert.Empty(page.ErrorSummary());
    }

    [Fact]
    public async Task are_all_listed_in_the_sitemap()
    {
        using var client = Factory.CreateClient();

        using var response = await client.GetAsync("/sitemap.xml");
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        Assert.Equal(ns + "urlset", xml.Root!.Name);
        var locations = xml.Descendants(ns + "loc").Select(l => l.Value).ToList();
        Assert.Equal(PagePaths.Select(p => BaseUrl + p).Order(StringComparer.Ordinal), locations.Order(StringComparer.Ordinal));
        Assert.All(
            xml.Descendants(ns + "url").Where(u => u.Element(ns + "loc")!.Value.Contains("/articles/", StringComparison.Ordinal)),
            u => Assert.NotNull(u.Element(ns + "lastmod")));
    }

    [Fact]
    public async Task offer_an_rss_feed_with_the_six_articles()
    {
        using var client = Factory.CreateClient();

        using var response = await client.GetAsync("/articles/feed.xml");
        var rss = XDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/rss+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("rss", rss.Root!.Name.LocalName);
        Assert.Equal("2.0", rss.Root.Attribute("version")?.Value);
        var channel = rss.Root.Element("channel")!;
        Assert.False(string.IsNullOrWhiteSpace(channel.Element("title")?.Value));
        Assert.Equal(BaseUrl + "/articles", channel.Element("link")?.Value);
        Assert.False(string.IsNullOrWhiteSpace(channel.Element("description")?.Value));
        var items = channel.Elements("item").ToList();
        Assert.Equal(6, items.Count);
        Assert.Equal(
            ArticleSlugs.Select(s => BaseUrl + "/articles/" + s).Order(StringComparer.Ordinal),
            items.Select(i => i.Element("link")!.Value).Order(StringComparer.Ordinal));
        Assert.All(items, item =>
        {
            Assert.False(string.IsNullOrWhiteSpace(item.Element("title")?.Value));
            Assert.False(string.IsNullOrWhiteSpace(item.Element("description")?.Value));
            Assert.Equal(item.Element("link")!.Value, item.Element("guid")!.Value);
            Assert.True(DateTimeOffset.TryParseExact(item.Element("pubDate")!.Value, "r", CultureInfo.InvariantCulture, DateTimeStyles.None, out _));
        });
    }

    [Fact]
    public async Task date_the_copyright_by_the_practice_clock()
    {
        using var client = Factory.CreateClient();

        var page = await (await client.GetAsync("/")).ReadHtmlAsync();

        Assert.Contains("© 2027 Paul Massage", page.QuerySelector("footer")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task tell_robots_what_to_skip_and_where_the_sitemap_is()
    {
        using var client = Factory.CreateClient();

        using var response = await client.GetAsync("/robots.txt");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Disallow: /admin", text, StringComparison.Ordinal);
        Assert.Contains("Disallow: /bookings/", text, StringComparison.Ordinal);
        Assert.Contains($"Sitemap: {BaseUrl}/sitemap.xml", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task report_health_when_the_database_answers()
    {
        using var client = Factory.CreateClient();

        using var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    /// <summary>Link checkers and uptime monitors ask with HEAD: it answers as GET would, headers only.</summary>
    [Theory]
    [MemberData(nameof(Pages))]
    [InlineData("/sitemap.xml")]
    [InlineData("/articles/feed.xml")]
    [InlineData("/robots.txt")]
    public async Task answer_a_head_request_as_they_answer_get(string path)
    {
        using var client = Factory.CreateClient();

        using var get = await client.GetAsync(path);
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/services/hot-stone-massage")]
    [InlineData("/articles/no-such-article")]
    [InlineData("/no-such-page")]
    public async Task answer_an_unknown_address_with_a_friendly_404(string path)
    {
        using var client = Factory.CreateClient();

        using var response = await client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        var page = Html.Parse(html);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("We cannot find that page", page.QuerySelector("h1")?.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("main a[href='/']"));
        Assert.NotNull(page.QuerySelector("meta[name='robots'][content='noindex']"));
        Assert.Null(page.Canonical()); // not /status/404, where the page was rendered from
        Assert.Null(page.QuerySelector("meta[property='og:url']"));
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" at PaulMassage", html, StringComparison.Ordinal);
    }
}
