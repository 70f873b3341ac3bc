using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PaulMassage.Web.Features.Account;
using PaulMassage.Web.Features.Pages;

namespace PaulMassage.Web.Features.Settings;

public sealed record PageListPage(IReadOnlyList<PageListRow> Pages, CredentialsForm Credentials, string? Message);

public sealed record PageEditPage(string Slug, PageForm Form, bool ShowPreview);

/// <summary>The practice's own pages (about, FAQ, terms): edit in Markdown, preview, save. And the credentials /about shows.</summary>
[Authorize(Roles = Roles.Therapist)]
[Route("admin/settings/pages")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class PagesAdminController(PageEditor editor) : Controller
{
    private const string MessageKey = "PagesMessage";
    private const string PreviewIntent = "preview";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View("Index", new PageListPage(await editor.AllAsync(cancellationToken), await editor.CredentialsFormAsync(cancellationToken), TempData[MessageKey] as string));

    [HttpGet("{slug}")]
    public async Task<IActionResult> Edit(string slug, CancellationToken cancellationToken) =>
        await editor.FormAsync(slug, cancellationToken) is { } form ? View("Edit", new PageEditPage(slug, form, false)) : NotFound();

    [HttpPost("{slug}")]
    public async Task<IActionResult> Update(string slug, [FromForm] PageForm form, [FromForm] string? intent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!SitePages.Slugs.Contains(slug))
        {
            return NotFound();
        }

        if (intent == PreviewIntent)
        {
            ModelState.Clear();
            return View("Edit", new PageEditPage(slug, form, true));
        }

        if (!ModelState.IsValid)
        {
            return View("Edit", new PageEditPage(slug, form, false));
        }

        if (!await editor.SaveAsync(slug, form, cancellationToken))
        {
            return NotFound();
        }

        TempData[MessageKey] = $"\"{form.Title!.Trim()}\" saved: it is on the site now.";
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("credentials")]
    public async Task<IActionResult> Credentials([FromForm] CredentialsForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!ModelState.IsValid)
        {
            return View("Index", new PageListPage(await editor.AllAsync(cancellationToken), form, null));
        }

        await editor.SaveCredentialsAsync(form, cancellationToken);
        TempData[MessageKey] = "Qualifications, membership and insurance saved: /about and the site's search-engine description show them now.";
        return RedirectToAction(nameof(Index));
    }
}
