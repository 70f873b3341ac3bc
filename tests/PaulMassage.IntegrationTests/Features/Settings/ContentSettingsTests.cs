using System.Net;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PaulMassage.IntegrationTests.Infrastructure;
using PaulMassage.Web.Features.Site;
using static PaulMassage.IntegrationTests.Infrastructure.ClientArrange;

namespace PaulMassage.IntegrationTests.Features.Settings;

/// <summary>Treatments, prices and articles as the therapist edits them, and what the public pages show straight after.</summary>
public sealed class TheContentSettings(PracticeAppFactoryFixture fixture) : IClassFixture<PracticeAppFactoryFixture>
{
    private PracticeAppFactory Factory => fixture.Factory;

    private static List<KeyValuePair<string, string>> ServiceFields(
        string name, string summary = "A sentence on what it is for.", string suits = "People who sit all day.", string description = "## About\n\nText.",
        string active = "true", params (string Minutes, string Price)[] options)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Name", name), new("Summary", summary), new("Suits", suits), new("DescriptionMarkdown", description), new("SortOrder", "9"),
        };
        if (active == "true")
        {
            fields.Add(new("IsActive", "true"));
        }

        for (var i = 0; i < options.Length; i++)
        {
            fields.Add(new($"Options[{i}].Minutes", options[i].Minutes));
            fields.Add(new($"Options[{i}].Price", options[i].Price));
        }

        return fields;
    }

    private async Task<int> ServiceIdAsync(string slug) =>
        await Factory.WithDbAsync(db => db.Services.Where(s => s.Slug == slug).Select(s => s.Id).SingleAsync());

    [Fact]
    public async Task a_changed_price_shows_on_the_treatments_page_at_once()
    {
        using var paul = await Factory.TherapistAsync(followRedirects: false);
        using var visitor = Factory.CreateClient();
        var id = await ServiceIdAsync("trigger-point-therapy");

        var response = await FormPost.PostAsync(paul, $"/admin/settings/services/{id}", $"/admin/settings/services/{id}",
            ServiceFields("Trigger point therapy", options: [("60", "71.50"), ("90", "99"), ("45", "50")]));

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, Text(await response.Content.ReadAsStringAsync()));
        var page = Text(await visitor.GetStringAsync("/services/trigger-point-therapy"));
        Assert.Contains("£71.50 for 60 minutes", page, StringComparison.Ordinal); // pence shown when there are some, as everywhere
        Assert.Contains("£50 for 45 minutes", page, StringComparison.Ordinal);
        Assert.Contains("£99 for 90 minutes", page, StringComparison.Ordinal);
        var options = await Factory.WithDbAsync(db => db.ServiceOptions.Where(o => o.ServiceId == id).OrderBy(o => o.Minutes).Select(o => o.PriceGbp).ToListAsync());
        Assert.Equal([50m, 71.50m, 99m], options);
    }

    [Fact]
    public async Task lengths_off_the_quarter_hour_and_prices_that_are_not_positive_are_refused_and_kept()
    {
        using var paul = await Factory.TherapistAsync(followRedirects: false);
        var id = await ServiceIdAsync("swedish-massage");
        var response = await FormPost.PostAsync(paul, $"/admin/settings/services/{id}", $"/admin/settings/services/{id}",
            ServiceFields("Swedish massage renamed", options: [("50", "60"), ("90", "-5"), ("90", "80")]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var text = Text(html);
        Assert.Contains("Row 1: a length must be 15 to 240 minutes in steps of 15", text, StringComparison.Ordinal);
        Assert.Contains("Row 2: enter the price in pounds", text, StringComparison.Ordinal);
        Assert.Contains("Row 3: 90 minutes is listed twice.", text, StringComparison.Ordinal);
        Assert.Contains("value=\"Swedish massage renamed\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"-5\"", html, StringComparison.Ordinal);
        Assert.Equal("Swedish massage", await Factory.WithDbAsync(db => db.Services.Where(s => s.Id == id).Select(s => s.Name).SingleAsync()));
    }

    [Fact]
    public async Task a_new_treatment_needs_a_valid_unused_slug_which_then_stays_fixed()
    {
        using var paul = await Factory.TherapistAsync(followRedirects: false);
        using var visitor = Factory.CreateClient();

        var badSlug = await FormPost.PostAsync(paul, "/admin/settings/services/new", "/admin/settings/services/new",
            [new("Slug", "Sports Massage!"), .. ServiceFields("Sports massage", options: [("60", "70")])]);
        Assert.Contains("Use lowercase letters, digits and single hyphens only", Text(await badSlug.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var taken = await FormPost.PostAsync(paul, "/admin/settings/services/new", "/admin/settings/services/new",
            [new("Slug", "swedish-massage"), .. ServiceFields("Sports massage", options: [("60", "70")])]);
        Assert.Contains("Another treatment already uses the address /services/swedish-massage", Text(await taken.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var created = await FormPost.PostAsync(paul, "/admin/settings/services/new", "/admin/settings/services/new",
            [new("Slug", "sports-massage"), .. ServiceFields("Sports massage", options: [("60", "70")])]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Contains("Sports massage", Text(await visitor.GetStringAsync("/services")), StringComparison.Ordinal);
        Assert.Contains("sports-massage", await visitor.GetStringAsync("/api/availability?service=sports-massage&minutes=60&from=2027-03-03&days=1"), StringComparison.Ordinal);

        var id = await ServiceIdAsync("sports-massage");
        await FormPost.PostAsync(paul, $"/admin/settings/services/{id}", $"/admin/settings/services/{id}",
            [new("Slug", "renamed-slug"), .. ServiceFields("Sports massage", options: [("60", "70")])]);
        Assert.Equal("sports-massage", await Factory.WithDbAsync(db => db.Services.Where(s => s.Id == id).Select(s => s.Slug).SingleAsync()));
    }

    [Fact]
    public async Task a_treatment_taken_off_the_list_disappears_from_the_public_pages_and_the_api()
    {
        using var paul = await Factory.TherapistAsync(followRedirects: false);
        using var visitor = Factory.CreateClient();
        var created = await FormPost.PostAsync(paul, "/admin/settings/services/new", "/admin/settings/services/new",
            [new("Slug", "hot-stone-massage"), .. ServiceFields("Hot stone massage", options: [("60", "80")])]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = await ServiceIdAsync("hot-stone-massage");

        await FormPost.PostAsync(paul, $"/admin/settings/services/{id}", $"/admin/settings/services/{id}",
            ServiceFields("Hot stone massage", active: "false", options: [("60", "80")]));

        Assert.DoesNotContain("Hot stone massage", await visitor.GetStringAsync("/services"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/services/hot-stone-massage")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/api/availability?service=hot-stone-massage&minutes=60")).StatusCode);
        Assert.Contains("Hidden from clients", Text(await paul.GetStringAsync("/admin/settings/services")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_preview_renders_the_markdown_safely_without_saving()
    {
        using var paul = await Factory.TherapistAsync(followRedirects: false);
        var response = await FormPost.PostAsync(paul, "/admin/settings/articles/new", "/admin/settings/articles/new",
            [new("Title", "Stretches for the desk"), new("Slug", "stretches-for-the-desk"), new("Description", "Three stretches."),
             new("BodyMarkdown", "## Shoulder rolls\n\nRoll **slowly**.\n\n<script>alert(1)</script>"), new("intent", "preview")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Preview: not saved yet", html, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"shoulder-rolls\">Shoulder rolls</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<strong>slowly</strong>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)</script>", html, StringComparison.Ordinal);
        Assert.False(await Factory.WithDbAsync(db => db.Articles.AnyAsync(a => a.Slug == "stretches-for-the-desk")));
    }

    [Fact]
    public async Task a_draft_stays_off_the_site_until_published_and_leaves_it_when_withdrawn()
    {
        using var paul = await Factory.TherapistAsync(followRedirects: false);
        using var visitor = Factory.CreateClient();
        var saved = await FormPost.PostAsync(paul, "/admin/settings/articles/new", "/admin/settings/articles/new",
            [new("Title", "Sleeping positions for a sore back"), new("Slug", ""), new("Description", "How to lie so the back can rest."),
             new("BodyMarkdown", "Lie on your side with a pillow between the knees."), new("RelatedServices", "myofascial-release"), new("intent", "save")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/articles/sleeping-positions-for-a-sore-back")).StatusCode);

        var id = await Factory.WithDbAsync(db => db.Articles.Where(a => a.Slug == "sleeping-positions-for-a-sore-back").Select(a => a.Id).SingleAsync());
        await FormPost.PostAsync(paul, "/admin/settings/articles", $"/admin/settings/articles/{id}/publish", []);
        var article = await visitor.GetAsync("/articles/sleeping-positions-for-a-sore-back");
        Assert.Equal(HttpStatusCode.OK, article.StatusCode);
        Assert.Contains("pillow between the knees", await article.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Sleeping positions for a sore back", await visitor.GetStringAsync("/articles"), StringComparison.Ordinal);
        Assert.Contains("Sleeping positions for a sore back", await visitor.GetStringAsync("/services/myofascial-release"), StringComparison.Ordinal);

        await FormPost.PostAsync(paul, "/admin/settings/articles", $"/admin/settings/articles/{id}/unpublish", []);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/articles/sleeping-positions-for-a-sore-back")).StatusCode);
        Assert.DoesNotContain("Sleeping positions for a sore back", await visitor.GetStringAsync("/articles"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task an_edited_article_shows_its_new_words_at_once()
    {
        using var paul = await Factory.TherapistAsync(followRedirects: false);
        using var visitor = Factory.CreateClient();
        var id = await Factory.WithDbAsync(db => db.Articles.Where(a => a.Slug == "self-help-between-visits").Select(a => a.Id).SingleAsync());
        var form = await paul.GetStringAsync($"/admin/settings/articles/{id}");
        Assert.Contains("value=\"self-help-between-visits\"", form, StringComparison.Ordinal);

        var response = await FormPost.PostAsync(paul, $"/admin/settings/articles/{id}", $"/admin/settings/articles/{id}",
            [new("Title", "Looking after your back between visits"), new("Slug", "self-help-between-visits"), new("Description", "Small things that help."),
             new("BodyMarkdown", "A tennis ball against the wall works wonders."), new("IsPublished", "true"), new("intent", "save")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await visitor.GetStringAsync("/articles/self-help-between-visits");
        Assert.Contains("Looking after your back between visits", page, StringComparison.Ordinal);
        Assert.Contains("tennis ball against the wall works wonders", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task an_article_needs_a_title_a_valid_unique_slug_and_a_body_and_keeps_what_was_typed()
    {
        using var paul = await Factory.TherapistAsync(followRedirects: false);
        var response = await FormPost.PostAsync(paul, "/admin/settings/articles/new", "/admin/settings/articles/new",
            [new("Title", ""), new("Slug", "understanding-back-pain"), new("Description", "Kept description"), new("BodyMarkdown", ""), new("intent", "save")]);

        var html = await response.Content.ReadAsStringAsync();
        var text = Text(html);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Enter the title.", text, StringComparison.Ordinal);
        Assert.Contains("Write the article before saving it.", text, StringComparison.Ordinal);
        Assert.Contains("Another article already uses the address /articles/understanding-back-pain", text, StringComparison.Ordinal);
        Assert.Contains("value=\"Kept description\"", html, StringComparison.Ordinal);

        var badSlug = await FormPost.PostAsync(paul, "/admin/settings/articles/new", "/admin/settings/articles/new",
            [new("Title", "Fine title"), new("Slug", "Not--A Slug"), new("Description", "d"), new("BodyMarkdown", "b"), new("intent", "save")]);
        Assert.Contains("Use lowercase letters, digits and single hyphens only", Text(await badSlug.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task saving_content_evicts_the_cached_public_pages()
    {
        var store = Factory.Services.GetRequiredService<IOutputCacheStore>();
        await store.SetAsync("cached-home", [1, 2, 3], [PublicContent.CacheTag], TimeSpan.FromHours(1), default);
        await store.SetAsync("unrelated", [4], ["other"], TimeSpan.FromHours(1), default);
        Assert.NotNull(await store.GetAsync("cached-home", default));

        using var paul = await Factory.TherapistAsync(followRedirects: false);
        var id = await Factory.WithDbAsync(db => db.Articles.Where(a => a.Slug == "why-a-course-of-treatment").Select(a => a.Id).SingleAsync());
        await FormPost.PostAsync(paul, "/admin/settings/articles", $"/admin/settings/articles/{id}/unpublish", []);

        Assert.Null(await store.GetAsync("cached-home", default));
        Assert.NotNull(await store.GetAsync("unrelated", default));
    }

    [Fact]
    public async Task settings_pages_are_for_the_therapist_only()
    {
        using var visitor = Factory.Browser();
        var anonymous = await visitor.GetAsync("/admin/settings/services");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/sign-in", anonymous.Headers.Location?.PathAndQuery, StringComparison.Ordinal);

        await Factory.VisitAsync("settings-snoop@test.example", Visits.March(12, 10));
        await Factory.ClientAccountAsync("settings-snoop@test.example", "a long client passphrase");
        using var client = await Factory.SignedInAsync("settings-snoop@test.example", "a long client passphrase");
        foreach (var path in new[] { "/admin/settings", "/admin/settings/hours", "/admin/settings/articles/new", "/admin/settings/services" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode); // signed in, but not theirs: a plain 403 with the friendly page
        }

        var refused = await client.PostAsync("/admin/settings/area", new FormUrlEncodedContent([new("Districts", "ZZ1")]));
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        Assert.DoesNotContain("ZZ1", await Factory.WithDbAsync(db => db.PracticeSettings.Select(s => s.ServedDistricts).SingleAsync()), StringComparison.Ordinal);
    }

}
