using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PaulMassage.Web.Features.Articles;
using PaulMassage.Web.Features.Site;

namespace PaulMassage.Web.Features.Catalogue;

[AllowAnonymous]
[Route("services")]
public sealed class CatalogueController(CatalogueService catalogue, ArticleService articles) : Controller
{
    [HttpGet("")]
    [PublicContent]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View("Index", await catalogue.ActiveServicesAsync(cancellationToken));

    [HttpGet("{slug}")]
    [PublicContent]
    public async Task<IActionResult> Show(string slug, CancellationToken cancellationToken)
    {
        var service = await catalogue.FindActiveAsync(slug, cancellationToken);
        if (service is null)
        {
            return NotFound();
        }

        var related = await articles.MentioningServiceAsync(slug, cancellationToken);
        return View("Show", new ServicePage(service, related));
    }
}

public sealed record ServicePage(ServiceDetail Detail, IReadOnlyList<ArticleSummary> RelatedArticles);
