using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PaulMassage.Web.Features.Catalogue;
using PaulMassage.Web.Features.Pages;
using PaulMassage.Web.Features.Site;

namespace PaulMassage.Web.Features.Articles;

[AllowAnonymous]
[Route("articles")]
public sealed class ArticlesController(ArticleService articles, CatalogueService catalogue) : Controller
{
    /// <summary>The list. Asked with ?tag= or ?q= (never cached, see <see cref="PublicContent.QueryKeysActedOn"/>) it sends the visitor to the tag page or the search.</summary>
    [HttpGet("")]
    [PublicContent]
    public async Task<IActionResult> Index([FromQuery] string? tag, [FromQuery] string? q, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(q))
        {
            return RedirectToAction(nameof(Search), new { q = q.Length > ArticleSearchIndex.MaxQueryLength ? q[..ArticleSearchIndex.MaxQueryLength] : q });
        }

        if (!string.IsNullOrWhiteSpace(tag))
        {
            return RedirectToAction(nameof(Tag), new { tag = ArticleTags.Parse(tag) is [var first, ..] && ArticleTags.IsWellFormed(first) ? first : "-" });
        }

        return View("Index", await articles.IndexAsync(cancellationToken));
    }

    /// <summary>The articles with a tag; a tag no article carries answers 404 with the tags there are.</summary>
    [HttpGet("tag/{tag}")]
    [PublicContent]
    public async Task<IActionResult> Tag(string? tag, CancellationToken cancellationToken)
    {
        tag ??= string.Empty;
        var index = await articles.IndexAsync(cancellationToken);
        var tagged = ArticleTags.IsWellFormed(tag) ? index.Tagged(tag) : [];
        if (tagged.Count == 0)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return View("Tag", new ArticleTagPage(tag, tagged, index.Tags));
    }

    /// <summary>
    /// Search across the articles. The page repeats what was typed, so it is neither cached nor
    /// compressed (it is not <see cref="PublicContentAttribute"/>).
    /// </summary>
    [HttpGet("/search")]
    public async Task<IActionResult> Search([FromQuery] string? q, CancellationToken cancellationToken)
    {
        var index = await articles.IndexAsync(cancellationToken);
        return View("Search", new ArticleSearchPage(index.Search(q), index.Tags));
    }

    [HttpGet("{slug}")]
    [PublicContent]
    public async Task<IActionResult> Show(string slug, [FromServices] SitePages pages, CancellationToken cancellationToken)
    {
        var article = await articles.FindPublishedAsync(slug, cancellationToken);
        if (article is null)
        {
            return NotFound();
        }

        var services = (await catalogue.ActiveServicesAsync(cancellationToken))
            .Where(s => article.RelatedServiceSlugs.Contains(s.Slug, StringComparer.Ordinal))
            .ToList();
        return View("Show", new ArticlePage(article, services, await pages.CredentialsAsync(cancellationToken)));
    }
}

public sealed record ArticlePage(ArticleDetail Article, IReadOnlyList<ServiceSummary> Services, CredentialsView Credentials);

public sealed record ArticleTagPage(string Tag, IReadOnlyList<IndexedArticle> Articles, IReadOnlyList<TagCount> Tags)
{
    public string Label => ArticleTags.Label(Tag);
}

public sealed record ArticleSearchPage(ArticleSearchResult Result, IReadOnlyList<TagCount> Tags);
