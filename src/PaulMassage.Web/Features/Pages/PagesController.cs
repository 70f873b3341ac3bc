using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using PaulMassage.Web.Features.Notifications;
using PaulMassage.Web.Features.Payments;
using PaulMassage.Web.Features.Privacy;
using PaulMassage.Web.Features.Site;
using PaulMassage.Web.Infrastructure.Security;

namespace PaulMassage.Web.Features.Pages;

public sealed record SitePageModel(SitePageView Page, CredentialsView Credentials);

/// <summary>The practice's own pages: about, FAQ, terms (edited by the therapist) and the privacy notice.</summary>
[AllowAnonymous]
public sealed class PagesController(SitePages pages) : Controller
{
    [HttpGet("/about")]
    [PublicContent]
    public Task<IActionResult> About(CancellationToken cancellationToken) => ShowAsync(SitePages.About, "About", cancellationToken);

    [HttpGet("/faq")]
    [PublicContent]
    public Task<IActionResult> Faq(CancellationToken cancellationToken) => ShowAsync(SitePages.Faq, "Faq", cancellationToken);

    [HttpGet("/terms")]
    [PublicContent]
    public Task<IActionResult> Terms(CancellationToken cancellationToken) => ShowAsync(SitePages.Terms, "Terms", cancellationToken);

    [HttpGet("/privacy")]
    [PublicContent]
    public async Task<IActionResult> Privacy(
        [FromServices] IOptions<PracticeOptions> practice,
        [FromServices] IOptions<PrivacyOptions> privacy,
        [FromServices] IOptions<EmailOptions> email,
        [FromServices] IOptions<SecurityOptions> security,
        [FromServices] IConfiguration configuration,
        [FromServices] PaymentTerms payments,
        CancellationToken cancellationToken) =>
        View("Privacy", PrivacyNotice.From(practice, privacy, email, security, configuration, (await payments.SettingsAsync(cancellationToken)).KeepYearsAfterTaxYear));

    private async Task<IActionResult> ShowAsync(string slug, string view, CancellationToken cancellationToken) =>
        await pages.FindAsync(slug, cancellationToken) is { } page
            ? View(view, new SitePageModel(page, await pages.CredentialsAsync(cancellationToken)))
            : NotFound();
}
