using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PaulMassage.Web.Features.Catalogue;
using PaulMassage.Web.Features.Site;
using PaulMassage.Web.Infrastructure.Data;
using PaulMassage.Web.Infrastructure.Web;

namespace PaulMassage.Web.Features.Settings;

public sealed class ServiceOptionRow
{
    public string? Minutes { get; set; }

    public string? Price { get; set; }
}

/// <summary>The treatment form. The slug is typed only when the treatment is created; after that it is fixed.</summary>
public sealed class ServiceForm
{
    /// <summary>Null for a new treatment.</summary>
    public int? Id { get; set; }

    [Display(Name = "Web address name")]
    public string? Slug { get; set; }

    [Required(ErrorMessage = "Enter the treatment's name.")]
    [StringLength(100, ErrorMessage = "The name can be at most 100 characters.")]
    [Display(Name = "Name")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "Enter one sentence on what the treatment is for.")]
    [StringLength(300, ErrorMessage = "The summary can be at most 300 characters.")]
    [Display(Name = "Summary (one sentence)")]
    public string? Summary { get; set; }

    [Required(ErrorMessage = "Enter one sentence on who the treatment suits.")]
    [StringLength(300, ErrorMessage = "\"Suits\" can be at most 300 characters.")]
    [Display(Name = "Suits (one sentence)")]
    public string? Suits { get; set; }

    [Required(ErrorMessage = "Enter the description.")]
    [StringLength(20000, ErrorMessage = "The description can be at most 20,000 characters.")]
    [Display(Name = "Description (Markdown)")]
    [DataType(DataType.MultilineText)]
    public string? DescriptionMarkdown { get; set; }

    [Range(0, 999, ErrorMessage = "The position must be a number from 0 to 999.")]
    [Display(Name = "Position in lists")]
    [NumberBox]
    public int? SortOrder { get; set; }

    /// <summary>An unticked box sends nothing, so the default is false; a new treatment starts ticked.</summary>
    [Display(Name = "Offered to clients")]
    public bool IsActive { get; set; }

    public List<ServiceOptionRow> Options { get; set; } = [];

    /// <summary>Adds empty rows so there is always room for another length.</summary>
    public ServiceForm WithBlankRows(int atLeast = 4)
    {
        while (Options.Count < atLeast || !string.IsNullOrWhiteSpace(Options[^1].Minutes))
        {
            Options.Add(new ServiceOptionRow());
        }

        return this;
    }
}

public sealed record ServiceListRow(int Id, string Slug, string Name, bool IsActive, int SortOrder, IReadOnlyList<ServiceOptionView> Options);

/// <summary>Creates and edits treatments; every save refreshes the public pages.</summary>
public sealed class ServiceEditor(AppDbContext db, PublicContentChanged publicContent)
{
    public const int SlugMaxLength = 80;

    public async Task<IReadOnlyList<ServiceListRow>> AllAsync(CancellationToken cancellationToken = default)
    {
        var services = await db.Services.AsNoTracking().Include(s => s.Options).OrderBy(s => s.SortOrder).ThenBy(s => s.Name).ToListAsync(cancellationToken);
        return services.Select(s => new ServiceListRow(s.Id, s.Slug, s.Name, s.IsActive, s.SortOrder,
            s.Options.OrderBy(o => o.Minutes).Select(o => new ServiceOptionView(o.Minutes, o.PriceGbp)).ToList())).ToList();
    }

    public async Task<ServiceForm?> FormAsync(int id, CancellationToken cancellationToken = default)
    {
        var s = await db.Services.AsNoTracking().Include(x => x.Options).SingleOrDefaultAsync(x => x.Id == id, cancellationToken);
        return s is null
            ? null
            : new ServiceForm
            {
                Id = s.Id,
                Slug = s.Slug,
                Name = s.Name,
                Summary = s.Summary,
                Suits = s.Suits,
                DescriptionMarkdown = s.DescriptionMarkdown,
                SortOrder = s.SortOrder,
                IsActive = s.IsActive,
                Options = s.Options.OrderBy(o => o.Minutes)
                    .Select(o => new ServiceOptionRow { Minutes = o.Minutes.ToString(CultureInfo.InvariantCulture), Price = o.PriceGbp.ToString("0.##", CultureInfo.InvariantCulture) })
                    .ToList(),
            };
    }

    public async Task<int> NextSortOrderAsync(CancellationToken cancellationToken = default) =>
        (await db.Services.MaxAsync(s => (int?)s.SortOrder, cancellationToken) ?? 0) + 1;

    /// <summary>Checks what needs the database (a new slug must be unique) on top of the form's own rules.</summary>
    public async Task<IReadOnlyList<FieldError>> CheckSlugAsync(string? slug, CancellationToken cancellationToken = default)
    {
        if (SlugRules.Check(slug, SlugMaxLength) is string problem)
        {
            return [new FieldError(nameof(ServiceForm.Slug), problem)];
        }

        return await db.Services.AnyAsync(s => s.Slug == slug, cancellationToken)
            ? [new FieldError(nameof(ServiceForm.Slug), $"Another treatment already uses the address /services/{slug}. Choose another.")]
            : [];
    }

    /// <summary>Saves the form; null when the treatment to edit no longer exists. Returns the id.</summary>
    public async Task<int?> SaveAsync(ServiceForm form, IReadOnlyList<ServiceOptionValue> options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(options);
        Service? service;
        if (form.Id is int id)
        {
            service = await db.Services.Include(s => s.Options).SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
            if (service is null)
            {
                return null;
            }
        }
        else
        {
            service = new Service { Slug = form.Slug!, Name = string.Empty, Summary = string.Empty, Suits = string.Empty, DescriptionMarkdown = string.Empty };
            db.Services.Add(service);
        }

        service.Name = form.Name!.Trim();
        service.Summary = form.Summary!.Trim();
        service.Suits = form.Suits!.Trim();
        service.DescriptionMarkdown = form.DescriptionMarkdown!.Trim() + "\n";
        service.SortOrder = form.SortOrder ?? service.SortOrder;
        service.IsActive = form.IsActive;

        // Keep the rows of lengths that stay (their ids), change prices, drop and add the rest.
        foreach (var gone in service.Options.Where(o => options.All(n => n.Minutes != o.Minutes)).ToList())
        {
            service.Options.Remove(gone);
        }

        foreach (var option in options)
        {
            if (service.Options.SingleOrDefault(o => o.Minutes == option.Minutes) is { } existing)
            {
                existing.PriceGbp = option.PriceGbp;
            }
            else
            {
                service.Options.Add(new ServiceOption { Minutes = option.Minutes, PriceGbp = option.PriceGbp });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await publicContent.NotifyAsync("treatment " + service.Slug, cancellationToken);
        return service.Id;
    }
}
