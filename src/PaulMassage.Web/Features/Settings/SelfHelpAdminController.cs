using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PaulMassage.Web.Features.Account;
using PaulMassage.Web.Features.Site;

namespace PaulMassage.Web.Features.Settings;

public sealed record SelfHelpListPage(IReadOnlyList<SelfHelpListRow> Items, string? Message);

public sealed class SelfHelpEditPage
{
    public required SelfHelpForm Form { get; init; }

    public required IReadOnlyList<string> Drawings { get; init; }

    public required IReadOnlyList<ArticleChoice> Articles { get; init; }

    /// <summary>Set when Paul asked for a preview: the form again, with the item as the client will see it.</summary>
    public bool ShowPreview { get; init; }
}

/// <summary>The self-help library that plans are made from: write, preview as the client sees it, withdraw or offer again.</summary>
[Authorize(Roles = Roles.Therapist)]
[Route("admin/settings/self-help")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class SelfHelpAdminController(SelfHelpEditor editor) : Controller
{
    private const string MessageKey = "SelfHelpMessage";
    private const string PreviewIntent = "preview";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View("Index", new SelfHelpListPage(await editor.AllAsync(cancellationToken), TempData[MessageKey] as string));

    [HttpGet("new")]
    public async Task<IActionResult> New(CancellationToken cancellationToken) =>
        await EditViewAsync(new SelfHelpForm { IsActive = true }, false, cancellationToken);

    [HttpPost("new")]
    public Task<IActionResult> Create([FromForm] SelfHelpForm form, [FromForm] string? intent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        form.Id = null;
        return SaveAsync(form, intent, cancellationToken);
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken) =>
        await editor.FormAsync(id, cancellationToken) is { } form ? await EditViewAsync(form, false, cancellationToken) : NotFound();

    [HttpPost("{id:int}")]
    public Task<IActionResult> Update(int id, [FromForm] SelfHelpForm form, [FromForm] string? intent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        form.Id = id;
        return SaveAsync(form, intent, cancellationToken);
    }

    [HttpPost("{id:int}/withdraw")]
    public Task<IActionResult> Withdraw(int id, CancellationToken cancellationToken) => SetActiveAsync(id, false, cancellationToken);

    [HttpPost("{id:int}/offer")]
    public Task<IActionResult> Offer(int id, CancellationToken cancellationToken) => SetActiveAsync(id, true, cancellationToken);

    private async Task<IActionResult> SetActiveAsync(int id, bool active, CancellationToken cancellationToken)
    {
        if (!await editor.SetActiveAsync(id, active, cancellationToken))
        {
            return NotFound();
        }

        TempData[MessageKey] = active ? "Offered again: it is on the list when you make a plan." : "Withdrawn: it is no longer offered for new plans; plans that have it keep it.";
        return RedirectToAction(nameof(Index));
    }

    private async Task<IActionResult> SaveAsync(SelfHelpForm form, string? intent, CancellationToken cancellationToken)
    {
        if (form.Id is int id && await editor.FormAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }

        ModelState.AddFieldErrors(await editor.CheckAsync(form, cancellationToken));
        if (intent == PreviewIntent && ModelState.IsValid)
        {
            return await EditViewAsync(form, true, cancellationToken);
        }

        if (!ModelState.IsValid)
        {
            return await EditViewAsync(form, false, cancellationToken);
        }

        await editor.SaveAsync(form, cancellationToken);
        TempData[MessageKey] = form.IsActive ? $"\"{form.Title!.Trim()}\" saved and offered for plans." : $"\"{form.Title!.Trim()}\" saved, not offered for new plans.";
        return RedirectToAction(nameof(Index));
    }

    private async Task<IActionResult> EditViewAsync(SelfHelpForm form, bool preview, CancellationToken cancellationToken) =>
        View("Edit", new SelfHelpEditPage
        {
            Form = form,
            Drawings = editor.DrawingChoices(),
            Articles = await editor.ArticleChoicesAsync(cancellationToken),
            ShowPreview = preview,
        });
}
