using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PaulMassage.Web.Features.Account;
using PaulMassage.Web.Features.Site;
using PaulMassage.Web.Infrastructure.Data;

namespace PaulMassage.Web.Features.Settings;

public sealed record ServiceListPage(IReadOnlyList<ServiceListRow> Services, string? Message);

/// <summary>The treatments, their lengths and prices, as the public pages and the booking form offer them.</summary>
[Authorize(Roles = Roles.Therapist)]
[Route("admin/settings/services")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class ServicesAdminController(ServiceEditor editor) : Controller
{
    private const string MessageKey = "ServicesMessage";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View("Index", new ServiceListPage(await editor.AllAsync(cancellationToken), TempData[MessageKey] as string));

    [HttpGet("new")]
    public async Task<IActionResult> New(CancellationToken cancellationToken) =>
        View("Edit", new ServiceForm
        {
            SortOrder = await editor.NextSortOrderAsync(cancellationToken),
            IsActive = true,
            Options = [new() { Minutes = "60" }, new() { Minutes = "90" }],
        }.WithBlankRows());

    [HttpPost("new")]
    public async Task<IActionResult> Create([FromForm] ServiceForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        form.Id = null;
        form.Slug = form.Slug?.Trim();
        ModelState.AddFieldErrors(await editor.CheckSlugAsync(form.Slug, cancellationToken));
        return await SaveAsync(form, cancellationToken);
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken) =>
        await editor.FormAsync(id, cancellationToken) is { } form ? View("Edit", form.WithBlankRows()) : NotFound();

    [HttpPost("{id:int}")]
    public async Task<IActionResult> Update(int id, [FromForm] ServiceForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var existing = await editor.FormAsync(id, cancellationToken);
        if (existing is null)
        {
            return NotFound();
        }

        // The slug is part of every link to the treatment: it never changes once created.
        form.Id = id;
        form.Slug = existing.Slug;
        return await SaveAsync(form, cancellationToken);
    }

    private async Task<IActionResult> SaveAsync(ServiceForm form, CancellationToken cancellationToken)
    {
        var (options, errors) = ServiceRules.ValidateOptions(form.Options.Select(o => new ServiceOptionInput(o.Minutes, o.Price)).ToList());
        ModelState.AddFieldErrors(errors);
        if (!ModelState.IsValid)
        {
            return View("Edit", form.WithBlankRows());
        }

        int? id;
        try
        {
            id = await editor.SaveAsync(form, options, cancellationToken);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Involves(ex, "Services"))
        {
            ModelState.AddModelError(nameof(ServiceForm.Slug), "Another treatment has just taken that web address name. Choose another.");
            return View("Edit", form.WithBlankRows());
        }

        if (id is null)
        {
            return NotFound();
        }

        TempData[MessageKey] = $"{form.Name} saved{(form.IsActive ? "; the public pages show it now." : ". It is hidden from clients.")}";
        return RedirectToAction(nameof(Index));
    }
}
