using System.Globalization;
using System.Xml.Linq;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using PaulMassage.Web.Features.Articles;
using PaulMassage.Web.Features.Catalogue;
using PaulMassage.Web.Features.Site;

namespace PaulMassage.Web.Features.Seo;

/// <summary>The sitemap, the articles' RSS feed and robots.txt: public content, built from the database and output-cached.</summary>
[AllowAnonymous]
public sealed class SeoController(CatalogueService catalogue, ArticleService articles, IOptions<PracticeOptions> practice) : Controller
{
    private static readonly XNamespace SitemapNs = "http://www.sitemaps.org/schemas/sitemap/0.9";

    [HttpGet("/sitemap.xml")]
    [PublicContent]
    public async Task<IActionResult> Sitemap(CancellationToken cancellationToken)
    {
        var urls = new List<(string Path, DateTime? Modified)> { ("/", null), ("/services", null), ("/articles", null), ("/book", null), ("/about", null), ("/faq", null), ("/terms", null), ("/privacy", null), ("/reviews", null) };
        urls.AddRange((await catalogue.ActiveServicesAsync(cancellationToken)).Select(s => ("/services/" + s.Slug, (DateTime?)null)));
        // The articles and their tags from the one cached index (invalidated by any article edit).
        var index = await articles.IndexAsync(cancellationToken);
        urls.AddRange(index.Articles.Select(a => ("/articles/" + a.Summary.Slug, (DateTime?)a.Summary.UpdatedUtc)));
        // Each tag's page lists articles by topic, so it changed when the newest of them did.
        urls.AddRange(index.Tags.Select(t => ("/articles/tag/" + Uri.EscapeDataString(t.Tag), (DateTime?)index.Tagged(t.Tag).Max(a => a.Summary.UpdatedUtc))));

        var doc = new XDocument(new XElement(SitemapNs + "urlset",
            urls.Select(u => new XElement(SitemapNs + "url",
                new XElement(SitemapNs + "loc", Absolute(u.Path)),
                u.Modified is DateTime m ? new XElement(SitemapNs + "lastmod", m.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) : null))));
        return Content(doc.Declaration + doc.ToString(SaveOptions.DisableFormatting), "application/xml; charset=utf-8");
    }

    [HttpGet("/articles/feed.xml")]
    [PublicContent]
    public async Task<IActionResult> Feed(CancellationToken cancellationToken)
    {
        var items = await articles.PublishedAsync(20, cancellationToken);
        var rss = new XElement("rss", new XAttribute("version", "2.0"),
            new XElement("channel",
                new XElement("title", practice.Value.Name + ": back pain advice"),
                new XElement("link", Absolute("/articles")),
                new XElement("description", "Advice on back pain and massage from a mobile massage therapist."),
                new XElement("language", "en-gb"),
                items.Select(a => new XElement("item",
                    new XElement("title", a.Title),
                    new XElement("link", Absolute("/articles/" + a.Slug)),
                    new XElement("guid", new XAttribute("isPermaLink", "true"), Absolute("/articles/" + a.Slug)),
                    new XElement("description", a.Description),
                    new XElement("pubDate", a.PublishedUtc.ToString("r", CultureInfo.InvariantCulture))))));
        return Content(new XDocument(rss).ToString(SaveOptions.DisableFormatting), "application/rss+xml; charset=utf-8");
    }

    [HttpGet("/robots.txt")]
    [PublicContent]
    public IActionResult Robots() =>
        Content($"User-agent: *\nDisallow: /admin\nDisallow: /bookings/\nDisallow: /account/\nSitemap: {Absolute("/sitemap.xml")}\n", "text/plain");

    private string Absolute(string path) => practice.Value.BaseUrl.TrimEnd('/') + path;
}
