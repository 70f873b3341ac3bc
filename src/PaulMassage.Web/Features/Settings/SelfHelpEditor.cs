using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using PaulMassage.Web.Features.Plans;
using PaulMassage.Web.Features.Site;
using PaulMassage.Web.Infrastructure.Data;
using PaulMassage.Web.Infrastructure.Time;

namespace PaulMassage.Web.Features.Settings;

public sealed class SelfHelpForm
{
    /// <summary>Null for a new item.</summary>
    public int? Id { get; set; }

    [Required(ErrorMessage = "Enter the name the client will see, for example \"Knee hugs\".")]
    [StringLength(SelfHelpItem.TitleMaxLength, ErrorMessage = "The name can be at most 120 characters.")]
    [Display(Name = "Name")]
    public string? Title { get; set; }

    [Display(Name = "Kind")]
    public SelfHelpKind? Kind { get; set; }

    [Required(ErrorMessage = "Say in one sentence what it is for.")]
    [StringLength(SelfHelpItem.SummaryMaxLength, ErrorMessage = "The sentence can be at most 300 characters.")]
    [Display(Name = "What it is for (one sentence)")]
    public string? Summary { get; set; }

    [Required(ErrorMessage = "Write the steps, one a line.")]
    [StringLength(SelfHelpItem.StepsMaxLength, ErrorMessage = "The steps can be at most 3,000 characters.")]
    [Display(Name = "Steps (one a line)")]
    [DataType(DataType.MultilineText)]
    public string? Steps { get; set; }

    [StringLength(SelfHelpItem.HowOftenMaxLength, ErrorMessage = "\"How often\" can be at most 200 characters.")]
    [Display(Name = "How often")]
    public string? HowOften { get; set; }

    [StringLength(SelfHelpItem.WhenToStopMaxLength, ErrorMessage = "\"When to stop\" can be at most 500 characters.")]
    [Display(Name = "When to stop")]
    [DataType(DataType.MultilineText)]
    public string? WhenToStop { get; set; }

    [Display(Name = "Drawing")]
    public string? Drawing { get; set; }

    [Display(Name = "Article that explains it")]
    public string? ArticleSlug { get; set; }

    [Display(Name = "Offered for new plans")]
    public bool IsActive { get; set; }

    public SelfHelpContent Content() =>
        new(Title ?? string.Empty, Kind ?? SelfHelpKind.Exercise, Summary ?? string.Empty, Steps ?? string.Empty, HowOften, WhenToStop, Drawing, ArticleSlug);
}

public sealed record SelfHelpListRow(int Id, string Title, SelfHelpKind Kind, bool IsActive);

public sealed record ArticleChoice(string Slug, string Title);

/// <summary>The self-help library in the back office: items written, edited, withdrawn and offered again, as the articles are.</summary>
public sealed class SelfHelpEditor(AppDbContext db, Drawings drawings, PracticeClock clock)
{
    public async Task<IReadOnlyList<SelfHelpListRow>> AllAsync(CancellationToken cancellationToken = default) =>
        await db.SelfHelpItems.AsNoTracking()
            .OrderByDescending(i => i.IsActive).ThenBy(i => i.Kind).ThenBy(i => i.SortOrder).ThenBy(i => i.Id)
            .Select(i => new SelfHelpListRow(i.Id, i.Title, i.Kind, i.IsActive))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<ArticleChoice>> ArticleChoicesAsync(CancellationToken cancellationToken = default) =>
        await db.Articles.AsNoTracking().Where(a => a.IsPublished).OrderBy(a => a.Title).Select(a => new ArticleChoice(a.Slug, a.Title)).ToListAsync(cancellationToken);

    public IReadOnlyList<string> DrawingChoices() => drawings.Names();

    public async Task<SelfHelpForm?> FormAsync(int id, CancellationToken cancellationToken = default)
    {
        var i = await db.SelfHelpItems.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, cancellationToken);
        return i is null
            ? null
            : new SelfHelpForm
            {
                Id = i.Id,
                Title = i.Title,
                Kind = i.Kind,
                Summary = i.Summary,
                Steps = i.Steps,
                HowOften = i.HowOften,
                WhenToStop = i.WhenToStop,
                Drawing = i.Drawing,
                ArticleSlug = i.ArticleSlug,
                IsActive = i.IsActive,
            };
    }

    /// <summary>The checks beyond each field's own: a kind, a drawing and an article from the lists.</summary>
    public async Task<IReadOnlyList<FieldError>> CheckAsync(SelfHelpForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new List<FieldError>();
        if (form.Kind is not SelfHelpKind kind || !Enum.IsDefined(kind))
        {
            errors.Add(new FieldError(nameof(SelfHelpForm.Kind), "Choose whether it is an exercise, a self-massage or advice."));
        }

        if (!string.IsNullOrWhiteSpace(form.Steps) && SelfHelpItem.SplitSteps(form.Steps).Count == 0)
        {
            errors.Add(new FieldError(nameof(SelfHelpForm.Steps), "Write the steps, one a line."));
        }

        if (!string.IsNullOrWhiteSpace(form.Drawing) && !drawings.Exists(form.Drawing.Trim()))
        {
            errors.Add(new FieldError(nameof(SelfHelpForm.Drawing), "Choose a drawing from the list, or none."));
        }

        if (!string.IsNullOrWhiteSpace(form.ArticleSlug)
            && !await db.Articles.AnyAsync(a => a.Slug == form.ArticleSlug.Trim() && a.IsPublished, cancellationToken))
        {
            errors.Add(new FieldError(nameof(SelfHelpForm.ArticleSlug), "Choose a published article from the list, or none."));
        }

        return errors;
    }

    /// <summary>Saves the item; null when the item to edit no longer exists. Returns the id.</summary>
    public async Task<int?> SaveAsync(SelfHelpForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var now = clock.UtcNow;
        SelfHelpItem? item;
        if (form.Id is int id)
        {
            item = await db.SelfHelpItems.SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
            if (item is null)
            {
                return null;
            }

            item.Edit(form.Content(), now);
        }
        else
        {
            var last = await db.SelfHelpItems.MaxAsync(i => (int?)i.SortOrder, cancellationToken) ?? 0;
            item = SelfHelpItem.Create(form.Content(), last + 1, now);
            db.SelfHelpItems.Add(item);
        }

        item.SetActive(form.IsActive, now);
        await db.SaveChangesAsync(cancellationToken);
        return item.Id;
    }

    /// <summary>Offers an item for new plans again, or withdraws it; false when there is no such item.</summary>
    public async Task<bool> SetActiveAsync(int id, bool active, CancellationToken cancellationToken = default)
    {
        var item = await db.SelfHelpItems.SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (item is null)
        {
            return false;
        }

        item.SetActive(active, clock.UtcNow);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
