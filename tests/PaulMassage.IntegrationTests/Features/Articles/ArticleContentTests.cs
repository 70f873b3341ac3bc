using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AngleSharp.Dom;
using PaulMassage.IntegrationTests.Features.Site;
using PaulMassage.IntegrationTests.Infrastructure;

namespace PaulMassage.IntegrationTests.Features.Articles;

/// <summary>What the articles and the treatments say: drawings that do not shift the page, sources for their claims, each treatment's own cautions.</summary>
public sealed partial class ArticleContent(PracticeAppFactoryFixture fixture) : IClassFixture<PracticeAppFactoryFixture>
{
    private PracticeAppFactory Factory => fixture.Factory;

    [Fact]
    public async Task each_stretch_and_self_help_step_has_a_sized_lazy_drawing_of_the_sites_own_with_alt_text()
    {
        using var client = Factory.CreateClient();

        var page = await (await client.GetAsync("/articles/self-help-between-visits")).ReadHtmlAsync();

        var images = page.QuerySelectorAll("article img").ToList();
        Assert.Equal(6, images.Count); // the tennis ball, the massager and four stretches
        foreach (var image in images)
        {
            var src = image.GetAttribute("src")!;
            Assert.StartsWith("/img/drawings/", src, StringComparison.Ordinal);
            Assert.True((image.GetAttribute("alt") ?? string.Empty).Length > 30, $"{src} needs alt text that says what it shows.");
            Assert.Equal("lazy", image.GetAttribute("loading"));
            using var file = await client.GetAsync(src);
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.Equal("image/svg+xml", file.Content.Headers.ContentType!.MediaType);
            var svg = XDocument.Parse(await file.Content.ReadAsStringAsync()).Root!;
            Assert.Equal(svg.Attribute("width")!.Value, image.GetAttribute("width"));
            Assert.Equal(svg.Attribute("height")!.Value, image.GetAttribute("height"));
            Assert.False(string.IsNullOrWhiteSpace(svg.Element(svg.Name.Namespace + "title")?.Value), $"{src} has no <title>.");
            Assert.DoesNotContain(svg.Descendants(), e => e.Name.LocalName is "script" or "style" or "image" or "foreignObject");
            Assert.True(file.Content.Headers.ContentLength is null or < 2048, $"{src} should be a small drawing.");
        }
    }

    [Theory]
    [InlineData("how-massage-helps-back-pain")]
    [InlineData("why-a-course-of-treatment")]
    [InlineData("understanding-back-pain")]
    [InlineData("self-help-between-visits")]
    [InlineData("keeping-your-back-pain-free")]
    public async Task articles_that_cite_evidence_link_nice_ng59_in_a_sources_list(string slug)
    {
        using var client = Factory.CreateClient();

        var page = await (await client.GetAsync("/articles/" + slug)).ReadHtmlAsync();

        var sources = page.QuerySelector("h2#sources")!;
        var list = sources.NextElementSibling!;
        Assert.Equal("UL", list.TagName);
        Assert.NotNull(list.QuerySelector("a[href='https://www.nice.org.uk/guidance/ng59']"));
        Assert.Contains("Low back pain and sciatica in over 16s", list.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task no_article_says_studies_without_naming_them()
    {
        using var client = Factory.CreateClient();

        foreach (var slug in ThePublicPages.ArticleSlugs)
        {
            var body = (await (await client.GetAsync("/articles/" + slug)).ReadHtmlAsync()).QuerySelector("article")!;
            foreach (var paragraph in body.QuerySelectorAll("p, li").Where(p => p.Closest(".tag-list") is null && StudiesClaim().IsMatch(p.TextContent)))
            {
                Assert.True(paragraph.QuerySelector("a[href^='https://']") is not null, $"{slug}: \"{paragraph.TextContent}\" cites no source.");
            }
        }
    }

    [Fact]
    public async Task each_treatment_has_its_own_words_on_when_it_is_not_the_right_choice()
    {
        using var client = Factory.CreateClient();
        var sentences = new Dictionary<string, string>(StringComparer.Ordinal);

        foreach (var slug in ThePublicPages.ServiceSlugs)
        {
            var page = await (await client.GetAsync("/services/" + slug)).ReadHtmlAsync();
            var heading = page.QuerySelectorAll("h2").Single(h => h.TextContent.Trim() == "When it is not the right choice");
            var section = string.Join(' ', Following(heading).Select(e => e.TextContent));
            foreach (var sentence in Sentences().Split(section).Select(s => s.Trim()).Where(s => s.Length > 25))
            {
                Assert.False(sentences.TryGetValue(sentence, out var other), $"\"{sentence}\" is on both {other} and {slug}.");
                sentences[sentence] = slug;
            }

            Assert.Contains("999", section, StringComparison.Ordinal);
            Assert.NotNull(Following(heading).SelectMany(e => e.QuerySelectorAll("a")).FirstOrDefault(a => a.GetAttribute("href") == "/articles/understanding-back-pain#when-to-get-medical-help-first"));
        }

        var warnings = await (await client.GetAsync("/articles/understanding-back-pain")).ReadHtmlAsync();
        Assert.NotNull(warnings.QuerySelector("h2#when-to-get-medical-help-first"));
    }

    private static IEnumerable<IElement> Following(IElement heading)
    {
        for (var e = heading.NextElementSibling; e is not null && e.TagName != "H2"; e = e.NextElementSibling)
        {
            yield return e;
        }
    }

    [GeneratedRegex(@"\b(studies|research|trials?|review)\b", RegexOptions.IgnoreCase)]
    private static partial Regex StudiesClaim();

    [GeneratedRegex(@"(?<=[.:!?])\s+")]
    private static partial Regex Sentences();
}
