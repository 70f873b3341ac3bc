using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PaulMassage.Web.Features.Articles;
using PaulMassage.Web.Features.Catalogue;
using PaulMassage.Web.Features.Site;

namespace PaulMassage.Web.Features.Home;

[AllowAnonymous]
public sealed class HomeController(CatalogueService catalogue, ArticleService articles) : Controller
{
    [HttpGet("/")]
    [PublicContent]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View("Index", new HomePage(
            await catalogue.ActiveServicesAsync(cancellationToken),
            await articles.PublishedAsync(3, cancellationToken)));

    /// <summary>The friendly page for any error status (404, 403...) re-executed by the pipeline.</summary>
    [Route("/status/{code:int}")]
    [IgnoreAntiforgeryToken] // re-executed for refused POSTs too (400, 429): the page itself changes nothing
    public IActionResult Status([FromRoute] int code)
    {
        // From the route only: a re-executed POST's form may be unreadable (that is often why it failed).
        code = code is >= 400 and <= 599 ? code : StatusCodes.Status404NotFound;
        Response.StatusCode = code;
        return View("Status", code);
    }

    /// <summary>Unhandled exceptions land here outside Development: no stack trace, just an apology.</summary>
    [Route("/error")]
    [IgnoreAntiforgeryToken]
    public IActionResult Error()
    {
        Response.StatusCode = StatusCodes.Status500InternalServerError;
        return View("Error", HttpContext.TraceIdentifier);
    }
}

public sealed record HomePage(IReadOnlyList<ServiceSummary> Services, IReadOnlyList<ArticleSummary> LatestArticles);
