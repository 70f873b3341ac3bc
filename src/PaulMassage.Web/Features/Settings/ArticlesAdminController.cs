using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PaulMassage.Web.Features.Account;
using PaulMassage.Web.Features.Site;
using PaulMassage.Web.Infrastructure.Data;

namespace PaulMassage.Web.Features.Settings;

public sealed record ArticleListPage(IReadOnlyList<ArticleListRow> Articles, string? Message);

public sealed class ArticleEditPage
{
    public required ArticleForm Form { get; init; }

    public required IReadOnlyList<ServiceChoice> Services { get; init; }

    /// <summary>Set when the therapist asked for a preview: the form is shown again with the rendered article.</summary>
    public bool ShowPreview { get; init; }
}

/// <summary>The advice articles: write in Markdown, preview as the site will show it, publish or withdraw.</summary>
[Authorize(Roles = Roles.Therapist)]
[Route("admin/settings/articles")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class ArticlesAdminController(ArticleEditor editor) : Controller
{
    private const string MessageKey = "ArticlesMessage";
    private const string PreviewIntent = "preview";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View("Index", new ArticleListPage(await editor.AllAsync(cancellationToken), TempData[MessageKey] as string));

    [HttpGet("new")]
    public async Task<IActionResult> New(CancellationToken cancellationToken) =>
        await EditViewAsync(new ArticleForm(), false, cancellationToken);

    [HttpPost("new")]
    public Task<IActionResult> Create([FromForm] ArticleForm form, [FromForm] string? intent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        form.Id = null;
        return SaveAsync(form, intent, cancellationToken);
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken) =>
        await editor.FormAsync(id, cancellationToken) is { } form ? await EditViewAsync(form, false, cancellationToken) : NotFound();

    [HttpPost("{id:int}")]
    public Task<IActionResult> Update(int id, [FromForm] ArticleForm form, [FromForm] string? intent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        form.Id = id;
        return SaveAsync(form, intent, cancellationToken);
    }

    [HttpPost("{id:int}/publish")]
    public Task<IActionResult> Publish(int id, CancellationToken cancellationToken) => PublishAsync(id, true, cancellationToken);

    [HttpPost("{id:int}/unpublish")]
    public Task<IActionResult> Unpublish(int id, CancellationToken cancellationToken) => PublishAsync(id, false, cancellationToken);

    private async Task<IActionResult> PublishAsync(int id, bool publish, CancellationToken cancellationToken)
    {
        if (!await editor.PublishAsync(id, publish, cancellationToken))
        {
            return NotFound();
        }

        TempData[MessageKey] = publish ? "Article published: it is on the site now." : "Article withdrawn: it is no longer on the site.";
        return RedirectToAction(nameof(Index));
    }

    private async Task<IActionResult> SaveAsync(ArticleForm form, string? intent, CancellationToken cancellationToken)
    {
        form.Slug = string.IsNullOrWhiteSpace(form.Slug) ? SlugRules.FromTitle(form.Title) : form.Slug.Trim();
        if (form.Id is int id && await editor.FormAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }

        if (intent == PreviewIntent)
        {
            // A preview saves nothing and judges nothing yet: it shows the article as it stands.
            ModelState.Clear();
            return await EditViewAsync(form, true, cancellationToken);
        }

        ModelState.AddFieldErrors(await editor.CheckAsync(form, cancellationToken));
        if (!ModelState.IsValid)
        {
            return await EditViewAsync(form, false, cancellationToken);
        }

        try
        {
            await editor.SaveAsync(form, cancellationToken);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Involves(ex, "Articles"))
        {
            ModelState.AddModelError(nameof(ArticleForm.Slug), "Another article has just taken that web address name. Choose another.");
            return await EditViewAsync(form, false, cancellationToken);
        }

        TempData[MessageKey] = form.IsPublished ? $"\"{form.Title}\" saved and published." : $"\"{form.Title}\" saved as a draft (not on the site).";
        return RedirectToAction(nameof(Index));
    }

    private async Task<IActionResult> EditViewAsync(ArticleForm form, bool preview, CancellationToken cancellationToken) =>
        View("Edit", new ArticleEditPage { Form = form, Services = await editor.ServiceChoicesAsync(cancellationToken), ShowPreview = preview });
}
