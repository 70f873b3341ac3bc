using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PaulMassage.Web.Features.Catalogue;
using PaulMassage.Web.Features.Site;

namespace PaulMassage.Web.Features.Articles;

[AllowAnonymous]
[Route("articles")]
public sealed class ArticlesController(ArticleService articles, CatalogueService catalogue) : Controller
{
    [HttpGet("")]
    [PublicContent]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View("Index", await articles.PublishedAsync(cancellationToken: cancellationToken));

    [HttpGet("{slug}")]
    [PublicContent]
    public async Task<IActionResult> Show(string slug, CancellationToken cancellationToken)
    {
        var article = await articles.FindPublishedAsync(slug, cancellationToken);
        if (article is null)
        {
            return NotFound();
        }

        var services = (await catalogue.ActiveServicesAsync(cancellationToken))
            .Where(s => article.RelatedServiceSlugs.Contains(s.Slug, StringComparer.Ordinal))
            .ToList();
        return View("Show", new ArticlePage(article, services));
    }
}

public sealed record ArticlePage(ArticleDetail Article, IReadOnlyList<ServiceSummary> Services);
