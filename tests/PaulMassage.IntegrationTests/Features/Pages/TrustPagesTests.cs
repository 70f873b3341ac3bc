using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using PaulMassage.IntegrationTests.Infrastructure;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Pages;
using PaulMassage.Web.Infrastructure.Data;

namespace PaulMassage.IntegrationTests.Features.Pages;

/// <summary>The pages a visitor reads before letting a stranger into their home: about, FAQ, terms and privacy.</summary>
public sealed class TheTrustPages(PracticeAppFactoryFixture fixture) : IClassFixture<PracticeAppFactoryFixture>
{
    public static TheoryData<string, string> Pages => new()
    {
        { "/about", "About Paul" },
        { "/faq", "Questions and answers" },
        { "/terms", "Terms of booking" },
        { "/privacy", "Privacy notice" },
    };

    private PracticeAppFactory Factory => fixture.Factory;

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task answer_200_with_their_title_are_linked_from_every_footer_and_carry_valid_json_ld(string path, string heading)
    {
        using var client = Factory.CreateClient();

        using var response = await client.GetAsync(path);
        var page = await response.ReadHtmlAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(heading, page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(heading + " | Paul Massage", page.Title());
        var home = await (await client.GetAsync("/")).ReadHtmlAsync();
        Assert.NotNull(home.QuerySelector($"footer a[href='{path}']"));
        Assert.NotNull(page.QuerySelector($"footer a[href='{path}']"));
        Assert.All(page.JsonLd(), json => Assert.Equal("https://schema.org", JsonDocument.Parse(json).RootElement.GetProperty("@context").GetString()));
    }

    [Fact]
    public async Task faq_gives_a_valid_faq_page_json_ld_with_every_question_the_page_shows()
    {
        using var client = Factory.CreateClient();

        var page = await (await client.GetAsync("/faq")).ReadHtmlAsync();

        var faq = page.JsonLd().Select(j => JsonDocument.Parse(j).RootElement).Single(j => j.GetProperty("@type").GetString() == "FAQPage");
        var questions = faq.GetProperty("mainEntity").EnumerateArray().ToList();
        Assert.True(questions.Count >= 6, "The FAQ should answer the common questions.");
        Assert.All(questions, q =>
        {
            Assert.Equal("Question", q.GetProperty("@type").GetString());
            Assert.False(string.IsNullOrWhiteSpace(q.GetProperty("name").GetString()));
            var answer = q.GetProperty("acceptedAnswer");
            Assert.Equal("Answer", answer.GetProperty("@type").GetString());
            Assert.False(string.IsNullOrWhiteSpace(answer.GetProperty("text").GetString()));
        });
        var headings = page.QuerySelectorAll("article h2").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(headings, questions.Select(q => q.GetProperty("name").GetString()));
        foreach (var topic in new[] { "home visit", "bring", "space", "park", "pay", "cancel" })
        {
            Assert.Contains(headings, h => h.Contains(topic, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task terms_state_the_cancellation_policy_the_site_applies()
    {
        using var client = Factory.CreateClient();

        var page = await (await client.GetAsync("/terms")).ReadHtmlAsync();

        Assert.Equal(CancellationPolicy.Summary, page.QuerySelector("#cancellation-policy")!.TextContent.Trim());
        Assert.Contains($"{CancellationPolicy.Notice.TotalHours:0} hours", CancellationPolicy.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task privacy_lists_the_cookies_the_site_actually_sets_and_links_to_export_and_erasure()
    {
        using var client = Factory.Browser();
        var booking = await client.GetAsync("/account/sign-in");
        var set = booking.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(v => v.Split('=')[0]).ToList() : [];

        var page = await (await client.GetAsync("/privacy")).ReadHtmlAsync();

        var listed = page.QuerySelectorAll("#cookies ~ div table tbody td:first-child code").Select(c => c.TextContent).ToList();
        Assert.NotEmpty(set);
        Assert.All(set, name => Assert.Contains(name, listed));
        Assert.NotNull(page.QuerySelector("a[href='/account/privacy']"));
        Assert.NotNull(page.QuerySelector("a[href^='https://ico.org.uk']"));
        Assert.Contains("0303 123 1113", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("9(2)(a)", page.Body.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task are_linked_from_the_booking_forms_consent_and_from_registration()
    {
        using var client = Factory.Browser();
        var starts = await Factory.FreeStartsAsync(1);

        var details = await (await client.GetAsync(SecurityScenario.DetailsPage(starts[0]))).ReadHtmlAsync();
        var register = await (await client.GetAsync("/account/register")).ReadHtmlAsync();

        Assert.NotNull(details.QuerySelector("#consent-help a[href='/privacy']"));
        Assert.Contains("consent-help", details.QuerySelector("#ConsentToHealthData")!.GetAttribute("aria-describedby") ?? string.Empty, StringComparison.Ordinal);
        Assert.NotNull(register.QuerySelector("form a[href='/privacy']"));
    }

    [Fact]
    public async Task favicon_touch_icon_and_manifest_are_served_and_linked()
    {
        using var client = Factory.CreateClient();

        foreach (var (path, type) in new[] { ("/favicon.ico", "image/x-icon"), ("/apple-touch-icon.png", "image/png"), ("/site.webmanifest", "application/manifest+json"), ("/icon.svg", "image/svg+xml"), ("/icon-192.png", "image/png") })
        {
            using var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}");
            Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
            Assert.True((await response.Content.ReadAsByteArrayAsync()).Length < 4096, $"{path} should stay small.");
        }

        var manifest = JsonDocument.Parse(await client.GetStringAsync("/site.webmanifest")).RootElement;
        foreach (var icon in manifest.GetProperty("icons").EnumerateArray())
        {
            using var response = await client.GetAsync(icon.GetProperty("src").GetString());
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var home = await (await client.GetAsync("/")).ReadHtmlAsync();
        Assert.NotNull(home.QuerySelector("link[rel='manifest'][href='/site.webmanifest']"));
        Assert.NotNull(home.QuerySelector("link[rel='icon'][href='/favicon.ico']"));
        Assert.NotNull(home.QuerySelector("link[rel='apple-touch-icon'][href='/apple-touch-icon.png']"));
    }
}

/// <summary>The privacy notice states the retention figures the site applies: change a setting and the page changes.</summary>
public sealed class ThePrivacyNoticeFigures
{
    [Fact]
    public async Task are_the_defaults_of_a_site_with_no_settings_of_its_own()
    {
        using var factory = new PracticeAppFactory();

        var figures = await FiguresAsync(factory);

        Assert.Equal(("8 years", "30 days", "30 days", "12 months", "14 days"), figures);
    }

    [Fact]
    public async Task follow_the_settings()
    {
        using var factory = new PracticeAppFactory();
        factory.Settings["Privacy:RetentionYears"] = "6";
        factory.Settings["Privacy:ManageLinkDaysAfterVisit"] = "45";
        factory.Settings["Email:PickupRetentionDays"] = "10";
        factory.Settings[BackupRetention.MonthlyCopiesKey] = "9";
        factory.Settings[BackupRetention.DailyCopiesKey] = "7";

        var figures = await FiguresAsync(factory);

        Assert.Equal(("6 years", "45 days", "10 days", "9 months", "7 days"), figures);
    }

    private static async Task<(string, string, string, string, string)> FiguresAsync(PracticeAppFactory factory)
    {
        using var client = factory.CreateClient();
        var page = await (await client.GetAsync("/privacy")).ReadHtmlAsync();
        string Strong(string id, int index = 0) => page.QuerySelectorAll($"#{id} strong")[index].TextContent.Trim();
        var backups = page.QuerySelector("#backup-retention")!.TextContent;
        var daily = System.Text.RegularExpressions.Regex.Match(backups, @"last (\d+ days?)").Groups[1].Value;
        return (Strong("retention-years"), Strong("manage-link-days"), Strong("mail-copy-days"), Strong("backup-retention"), daily);
    }
}

/// <summary>The therapist edits the pages and his credentials in Settings; nobody else can.</summary>
public sealed class ThePagesEditor(PracticeAppFactoryFixture fixture) : IClassFixture<PracticeAppFactoryFixture>
{
    private PracticeAppFactory Factory => fixture.Factory;

    [Fact]
    public async Task lets_the_therapist_rewrite_the_faq_and_the_site_shows_it_at_once_json_ld_included()
    {
        using var therapist = await Factory.TherapistAsync(followRedirects: false);
        using var visitor = Factory.CreateClient();
        Assert.Contains("/faq", await visitor.GetStringAsync("/faq"), StringComparison.Ordinal); // cached before the edit

        var settings = await (await therapist.GetAsync("/admin/settings")).ReadHtmlAsync();
        Assert.NotNull(settings.QuerySelector("a[href='/admin/settings/pages/faq']"));
        var saved = await FormPost.PostAsync(therapist, "/admin/settings/pages/faq", "/admin/settings/pages/faq",
        [
            new("Title", "Your questions"),
            new("Description", "Answers to what people ask before a home visit."),
            new("BodyMarkdown", "## Do you bring towels?\n\nYes, clean towels and linen for every visit.\n\n## Can I pay by card?\n\nYes, at the end of the visit."),
            new("intent", "save"),
        ]);

        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, $"{(int)saved.StatusCode} {saved.Headers.Location} {string.Join("; ", (await saved.ReadHtmlAsync()).ErrorSummary())}");
        var page = await (await visitor.GetAsync("/faq")).ReadHtmlAsync();
        Assert.Equal("Your questions", page.QuerySelector("h1")!.TextContent.Trim());
        var faq = page.JsonLd().Select(j => JsonDocument.Parse(j).RootElement).Single(j => j.GetProperty("@type").GetString() == "FAQPage");
        Assert.Equal(["Do you bring towels?", "Can I pay by card?"], faq.GetProperty("mainEntity").EnumerateArray().Select(q => q.GetProperty("name").GetString()));
        Assert.Equal("Yes, at the end of the visit.", faq.GetProperty("mainEntity")[1].GetProperty("acceptedAnswer").GetProperty("text").GetString());
    }

    [Fact]
    public async Task refuses_an_empty_page_and_keeps_the_old_one()
    {
        using var therapist = await Factory.TherapistAsync(followRedirects: false);

        var refused = await FormPost.PostAsync(therapist, "/admin/settings/pages/terms", "/admin/settings/pages/terms",
            [new("Title", "Terms"), new("Description", "d"), new("BodyMarkdown", " "), new("intent", "save")]);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.NotEmpty((await refused.ReadHtmlAsync()).ErrorSummary());
        Assert.Equal("Terms of booking", await Factory.WithDbAsync(db => db.SitePages.Where(p => p.Slug == SitePages.Terms).Select(p => p.Title).SingleAsync()));
    }

    [Fact]
    public async Task lets_the_therapist_set_his_credentials_which_about_and_the_business_json_ld_then_give()
    {
        using var therapist = await Factory.TherapistAsync(followRedirects: false);
        using var visitor = Factory.CreateClient();
        _ = await visitor.GetStringAsync("/about"); // cached before the edit

        var saved = await FormPost.PostAsync(therapist, "/admin/settings/pages", "/admin/settings/pages/credentials",
        [
            new("Qualifications", "Level 3 Diploma in Massage\nLevel 4 Certificate in Sports Massage"),
            new("ProfessionalBody", "Example Federation of Therapists"),
            new("MembershipNumber", "EFT-12345"),
            new("Insurance", "Professional and public liability insurance"),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var about = await (await visitor.GetAsync("/about")).ReadHtmlAsync();
        var text = about.QuerySelector("#credentials-heading")!.ParentElement!.TextContent;
        Assert.Contains("Level 4 Certificate in Sports Massage", text, StringComparison.Ordinal);
        Assert.Contains("Example Federation of Therapists, membership number EFT-12345", text, StringComparison.Ordinal);
        Assert.Contains("Professional and public liability insurance", text, StringComparison.Ordinal);
        var business = about.JsonLd().Select(j => JsonDocument.Parse(j).RootElement).Single(j => j.GetProperty("@type").GetString() == "HealthAndBeautyBusiness");
        var employee = business.GetProperty("employee");
        Assert.Equal(2, employee.GetProperty("hasCredential").GetArrayLength());
        Assert.Equal("EFT-12345", employee.GetProperty("memberOf").GetProperty("identifier").GetString());
        Assert.Equal("Example Federation of Therapists", employee.GetProperty("memberOf").GetProperty("memberOf").GetProperty("name").GetString());
        Assert.Equal("Professional and public liability insurance", business.GetProperty("hasCredential").GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("/admin/settings/pages")]
    [InlineData("/admin/settings/pages/about")]
    public async Task is_out_of_reach_of_visitors_and_clients(string path)
    {
        using var visitor = Factory.Browser();
        using var anonymous = await visitor.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/sign-in", anonymous.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        var email = $"pages.client.{path.Length}@test.example";
        await Factory.ClientAccountAsync(email);
        using var client = await Factory.SignedInAsync(email);
        using var refused = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var post = await client.PostAsync("/admin/settings/pages/credentials", new FormUrlEncodedContent([new("ProfessionalBody", "Fake")]));
        Assert.True(post.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest, $"A client's post answered {(int)post.StatusCode}");
        Assert.NotEqual("Fake", await Factory.WithDbAsync(db => db.TherapistCredentials.Select(c => c.ProfessionalBody).SingleAsync()));
    }
}

/// <summary>A database made by today's main gets the pages at its next start, with every booking intact.</summary>
public sealed class ThePagesOnAnOlderDatabase
{
    [Fact]
    public async Task are_added_at_the_next_start_and_every_booking_is_kept()
    {
        using var factory = new PracticeAppFactory();
        await using (var db = new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={factory.DatabasePath}").Options))
        {
            var migrator = db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>();
            await migrator.MigrateAsync(db.Database.GetMigrations().Last(id => id.EndsWith("_EncryptAccessNotesGoalsAndHistory", StringComparison.Ordinal)));
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO Services (Id, Slug, Name, Summary, Suits, DescriptionMarkdown, IsActive, SortOrder) VALUES (1, 'swedish-massage', 'Swedish massage', 's', 's', 'd', 1, 1);
                INSERT INTO Clients (Id, Name, Email, NormalizedEmail, Phone, UserId, CreatedUtc, Provisional) VALUES (7, 'Olga Older', 'olga@example.com', 'OLGA@EXAMPLE.COM', '07700 900321', NULL, '2026-11-01 10:00:00', 0);
                INSERT INTO Appointments (Id, Reference, ManageTokenHash, ClientId, ServiceId, DurationMinutes, PriceGbp, StartUtc, EndUtc, Status, NeedsReview, AddressLine1, Town, Postcode, CreatedUtc, Version)
                    VALUES (11, 'PM-OLD111', 'hash-one', 7, 1, 60, '70.0', '2027-03-10 10:00:00', '2027-03-10 11:00:00', 1, 0, '1 Old Road', 'London', 'E1 6AN', '2026-11-01 10:00:00', '8a0d5b1e-0c7e-4a8e-9f1d-111111111111');
                """);
        }

        SqliteConnection.ClearAllPools();
        using var client = factory.CreateClient();
        using var about = await client.GetAsync("/about");

        Assert.Equal(HttpStatusCode.OK, about.StatusCode);
        Assert.Equal(SitePages.Slugs.Order(), await factory.WithDbAsync(async db => (await db.SitePages.Select(p => p.Slug).ToListAsync()).Order().ToList()));
        Assert.Equal(("PM-OLD111", 7, "hash-one"), await factory.WithDbAsync(db => db.Appointments.Select(a => new ValueTuple<string, int, string>(a.Reference, a.ClientId, a.ManageTokenHash)).SingleAsync()));
    }
}
