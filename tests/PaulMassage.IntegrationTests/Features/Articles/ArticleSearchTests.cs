using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using PaulMassage.IntegrationTests.Infrastructure;

namespace PaulMassage.IntegrationTests.Features.Articles;

/// <summary>Finding the articles: the search box on /articles, /search, the tags and their pages.</summary>
public sealed class FindingArticles(PracticeAppFactoryFixture fixture) : IClassFixture<PracticeAppFactoryFixture>
{
    private PracticeAppFactory Factory => fixture.Factory;

    [Fact]
    public async Task the_articles_page_has_a_search_form_that_works_without_javascript_and_links_every_tag()
    {
        using var client = Factory.CreateClient();

        var page = await (await client.GetAsync("/articles")).ReadHtmlAsync();

        var form = (IHtmlFormElement)page.QuerySelector("form[role='search']")!;
        Assert.Equal("get", form.Method, ignoreCase: true);
        Assert.Equal("/search", form.GetAttribute("action"));
        var box = ((IHtmlInputElement)page.QuerySelector("input[name='q']")!);
        Assert.Equal("Search the articles", page.QuerySelector($"label[for='{box.Id}']")!.TextContent.Trim());
        var tagLinks = page.QuerySelectorAll("main a[href^='/articles/tag/']").Select(a => a.GetAttribute("href")).Distinct().ToList();
        Assert.Contains("/articles/tag/stretches", tagLinks);
        Assert.Contains("/articles/tag/posture", tagLinks);
        foreach (var link in tagLinks)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(link)).StatusCode);
        }
    }

    [Fact]
    public async Task search_returns_the_articles_about_the_words_best_first_with_the_words_marked()
    {
        using var client = Factory.CreateClient();

        var page = await (await client.GetAsync("/search?q=tennis+ball")).ReadHtmlAsync();

        var results = Results(page);
        Assert.Equal("/articles/self-help-between-visits", results[0]);
        Assert.Contains("/articles/keeping-your-back-pain-free", results);
        Assert.DoesNotContain("/articles/understanding-back-pain", results);
        Assert.Equal("tennis ball", ((IHtmlInputElement)page.QuerySelector("input[name='q']")!).Value);
        var marked = page.QuerySelectorAll(".search-results mark").Select(m => m.TextContent.ToLowerInvariant()).Distinct().Order().ToList();
        Assert.Equal(["ball", "tennis"], marked);

        var sciatica = Results(await (await client.GetAsync("/search?q=NICE+guideline")).ReadHtmlAsync());
        Assert.Contains("/articles/how-massage-helps-back-pain", sciatica);

        var stretches = Results(await (await client.GetAsync("/search?q=stretching")).ReadHtmlAsync());
        Assert.Equal("/articles/self-help-between-visits", stretches[0]);
    }

    [Fact]
    public async Task asking_articles_with_q_or_tag_leads_to_the_search_and_the_tag_page_even_once_the_list_is_cached()
    {
        using var client = Factory.CreateClient(new() { AllowAutoRedirect = false });
        _ = await client.GetStringAsync("/articles"); // now in the output cache

        using var search = await client.GetAsync("/articles?q=sleep");
        using var tag = await client.GetAsync("/articles?tag=Self+help");

        Assert.Equal(HttpStatusCode.Redirect, search.StatusCode);
        Assert.Equal("/search?q=sleep", search.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, tag.StatusCode);
        Assert.Equal("/articles/tag/self-help", tag.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task a_tag_page_lists_only_the_articles_with_that_tag_and_links_the_other_tags()
    {
        using var client = Factory.CreateClient();

        using var response = await client.GetAsync("/articles/tag/stretches");
        var page = await response.ReadHtmlAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Articles about stretches", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("/articles/tag/stretches", new Uri(page.Canonical()!).AbsolutePath);
        var listed = page.QuerySelectorAll("main article h2 a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/articles/self-help-between-visits"], listed);
        Assert.NotNull(page.QuerySelector("main a[href='/articles/tag/posture']"));

        var article = await (await client.GetAsync("/articles/self-help-between-visits")).ReadHtmlAsync();
        Assert.NotNull(article.QuerySelector("article a[href='/articles/tag/stretches']"));
    }

    [Theory]
    [InlineData("/articles/tag/no-such-topic")]
    [InlineData("/articles/tag/%3Cb%3E")]
    public async Task a_tag_no_article_has_answers_404_with_the_tags_to_try(string path)
    {
        using var client = Factory.CreateClient();

        using var response = await client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        var page = Html.Parse(html);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("No articles with that topic", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("main a[href='/articles/tag/stretches']"));
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_script_typed_into_the_search_comes_back_as_text_with_the_no_match_message_and_the_tags()
    {
        using var client = Factory.CreateClient();
        const string Query = "<script>alert('x')</script>";

        using var response = await client.GetAsync("/search?q=" + Uri.EscapeDataString(Query));
        var html = await response.Content.ReadAsStringAsync();
        var page = Html.Parse(html);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Equal(Query, ((IHtmlInputElement)page.QuerySelector("input[name='q']")!).Value);
        Assert.Contains($"No articles match “{Query}”", page.QuerySelector("[role='status']")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("main a[href='/articles/tag/self-help']"));
        Assert.Contains("noindex", page.QuerySelector("meta[name='robots']")?.GetAttribute("content") ?? string.Empty, StringComparison.Ordinal);
        Assert.Null(response.Content.Headers.ContentEncoding.FirstOrDefault());
    }

    [Fact]
    public async Task search_with_nothing_typed_asks_for_a_word()
    {
        using var client = Factory.CreateClient();

        var page = await (await client.GetAsync("/search")).ReadHtmlAsync();

        Assert.Contains("Type a word or two", page.QuerySelector("[role='status']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task an_article_pauls_edits_is_found_by_its_new_words_and_tags_at_once()
    {
        using var paul = await Factory.TherapistAsync(followRedirects: false);
        using var visitor = Factory.CreateClient();
        Assert.Empty(Results(await (await visitor.GetAsync("/search?q=hammock")).ReadHtmlAsync())); // the index is built now
        var id = await Factory.WithDbAsync(db => db.Articles.Where(a => a.Slug == "why-a-course-of-treatment").Select(a => a.Id).SingleAsync());

        var refused = await FormPost.PostAsync(paul, $"/admin/settings/articles/{id}", $"/admin/settings/articles/{id}",
            ArticleFields("Why a course of treatment?", "Sleeping in a hammock is not advised.", "treatments, Bad_Tag!"));
        var form = await refused.ReadHtmlAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("\"bad_tag!\" cannot be a tag", form.QuerySelector("#Tags-error")?.TextContent ?? form.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("treatments, Bad_Tag!", form.FieldValue("Tags"));

        var saved = await FormPost.PostAsync(paul, $"/admin/settings/articles/{id}", $"/admin/settings/articles/{id}",
            ArticleFields("Why a course of treatment?", "Sleeping in a hammock is not advised.", "treatments, Sleep"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(["/articles/why-a-course-of-treatment"], Results(await (await visitor.GetAsync("/search?q=hammock")).ReadHtmlAsync()));
        var tagPage = await (await visitor.GetAsync("/articles/tag/sleep")).ReadHtmlAsync();
        Assert.NotNull(tagPage.QuerySelector("main a[href='/articles/why-a-course-of-treatment']"));
        Assert.Equal("treatments, sleep", (await (await paul.GetAsync($"/admin/settings/articles/{id}")).ReadHtmlAsync()).FieldValue("Tags"));

        await FormPost.PostAsync(paul, "/admin/settings/articles", $"/admin/settings/articles/{id}/unpublish", []);
        Assert.Empty(Results(await (await visitor.GetAsync("/search?q=hammock")).ReadHtmlAsync()));
    }

    [Fact]
    public async Task each_article_has_an_author_box_with_pauls_credentials_and_a_link_to_about()
    {
        using var paul = await Factory.TherapistAsync(followRedirects: false);
        using var visitor = Factory.CreateClient();
        await FormPost.PostAsync(paul, "/admin/settings/pages", "/admin/settings/pages/credentials",
        [
            new("Qualifications", "Level 3 Diploma in Massage"),
            new("ProfessionalBody", "Example Federation of Therapists"),
            new("MembershipNumber", "EFT-12345"),
            new("Insurance", "Public liability insurance"),
        ]);

        var page = await (await visitor.GetAsync("/articles/understanding-back-pain")).ReadHtmlAsync();

        var box = page.QuerySelector("aside.author-box")!;
        Assert.Contains("Level 3 Diploma in Massage", box.TextContent, StringComparison.Ordinal);
        Assert.Contains("Example Federation of Therapists (membership number EFT-12345)", box.TextContent, StringComparison.Ordinal);
        Assert.NotNull(box.QuerySelector("a[href='/about']"));
    }

    private static List<KeyValuePair<string, string>> ArticleFields(string title, string body, string tags) =>
    [
        new("Title", title), new("Slug", "why-a-course-of-treatment"), new("Description", "Why several sessions help more than one."),
        new("BodyMarkdown", body), new("Tags", tags), new("IsPublished", "true"), new("intent", "save"),
    ];

    private static List<string> Results(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll(".search-results h3 a").Select(a => a.GetAttribute("href")!).ToList();
}
