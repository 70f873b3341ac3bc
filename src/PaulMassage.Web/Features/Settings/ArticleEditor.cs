using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using PaulMassage.Web.Features.Articles;
using PaulMassage.Web.Features.Site;
using PaulMassage.Web.Infrastructure.Data;
using PaulMassage.Web.Infrastructure.Time;

namespace PaulMassage.Web.Features.Settings;

public sealed class ArticleForm
{
    /// <summary>Null for a new article.</summary>
    public int? Id { get; set; }

    [Required(ErrorMessage = "Enter the title.")]
    [StringLength(200, ErrorMessage = "The title can be at most 200 characters.")]
    [Display(Name = "Title")]
    public string? Title { get; set; }

    [Display(Name = "Web address name")]
    public string? Slug { get; set; }

    [Required(ErrorMessage = "Enter a one-sentence description; search engines show it under the title.")]
    [StringLength(300, ErrorMessage = "The description can be at most 300 characters.")]
    [Display(Name = "Description (one sentence)")]
    public string? Description { get; set; }

    [Required(ErrorMessage = "Write the article before saving it.")]
    [StringLength(50000, ErrorMessage = "The article can be at most 50,000 characters.")]
    [Display(Name = "Article (Markdown)")]
    [DataType(DataType.MultilineText)]
    public string? BodyMarkdown { get; set; }

    public List<string> RelatedServices { get; set; } = [];

    [Display(Name = "Tags")]
    public string? Tags { get; set; }

    [Display(Name = "Published (visible on the site)")]
    public bool IsPublished { get; set; }
}

public sealed record ArticleListRow(int Id, string Slug, string Title, bool IsPublished, DateTime PublishedUtc, DateTime UpdatedUtc);

public sealed record ServiceChoice(string Slug, string Name);

/// <summary>Creates and edits articles, publishes and withdraws them; every change refreshes the public pages.</summary>
public sealed class ArticleEditor(AppDbContext db, PublicContentChanged publicContent, PracticeClock clock)
{
    public const int SlugMaxLength = 120;

    public async Task<IReadOnlyList<ArticleListRow>> AllAsync(CancellationToken cancellationToken = default) =>
        await db.Articles.AsNoTracking()
            .OrderBy(a => a.IsPublished).ThenByDescending(a => a.UpdatedUtc)
            .Select(a => new ArticleListRow(a.Id, a.Slug, a.Title, a.IsPublished, a.PublishedUtc, a.UpdatedUtc))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<ServiceChoice>> ServiceChoicesAsync(CancellationToken cancellationToken = default) =>
        await db.Services.AsNoTracking().OrderBy(s => s.SortOrder).Select(s => new ServiceChoice(s.Slug, s.Name)).ToListAsync(cancellationToken);

    public async Task<ArticleForm?> FormAsync(int id, CancellationToken cancellationToken = default)
    {
        var a = await db.Articles.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, cancellationToken);
        return a is null
            ? null
            : new ArticleForm
            {
                Id = a.Id,
                Title = a.Title,
                Slug = a.Slug,
                Description = a.Description,
                BodyMarkdown = a.BodyMarkdown,
                RelatedServices = a.RelatedServices.ToList(),
                Tags = string.Join(", ", a.TagList),
                IsPublished = a.IsPublished,
            };
    }

    /// <summary>The checks that need the database: a valid, unused slug and services that exist.</summary>
    public async Task<IReadOnlyList<FieldError>> CheckAsync(ArticleForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new List<FieldError>();
        if (SlugRules.Check(form.Slug, SlugMaxLength) is string problem)
        {
            errors.Add(new FieldError(nameof(ArticleForm.Slug), problem));
        }
        else if (await db.Articles.AnyAsync(a => a.Slug == form.Slug && a.Id != (form.Id ?? 0), cancellationToken))
        {
            errors.Add(new FieldError(nameof(ArticleForm.Slug), $"Another article already uses the address /articles/{form.Slug}. Choose another."));
        }

        if (ArticleTags.Check(form.Tags) is string tagProblem)
        {
            errors.Add(new FieldError(nameof(ArticleForm.Tags), tagProblem));
        }

        var known = (await ServiceChoicesAsync(cancellationToken)).Select(s => s.Slug).ToHashSet(StringComparer.Ordinal);
        var unknown = form.RelatedServices.Where(s => !known.Contains(s)).ToList();
        if (unknown.Count > 0)
        {
            errors.Add(new FieldError(nameof(ArticleForm.RelatedServices), "Choose related treatments from the list only."));
        }

        return errors;
    }

    /// <summary>Saves the article; null when the article to edit no longer exists. Returns the id.</summary>
    public async Task<int?> SaveAsync(ArticleForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var now = clock.UtcNow;
        Article? article;
        if (form.Id is int id)
        {
            article = await db.Articles.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
            if (article is null)
            {
                return null;
            }
        }
        else
        {
            article = new Article { Slug = string.Empty, Title = string.Empty, Description = string.Empty, BodyMarkdown = string.Empty, IsPublished = false, PublishedUtc = now };
            db.Articles.Add(article);
        }

        article.Edit(form.Slug!, form.Title!, form.Description!, form.BodyMarkdown!, form.RelatedServices, ArticleTags.Parse(form.Tags), now);
        article.SetPublished(form.IsPublished, now);
        await db.SaveChangesAsync(cancellationToken);
        await publicContent.NotifyAsync("article " + article.Slug, cancellationToken);
        return article.Id;
    }

    /// <summary>Publishes or withdraws an article; false when there is no such article.</summary>
    public async Task<bool> PublishAsync(int id, bool publish, CancellationToken cancellationToken = default)
    {
        var article = await db.Articles.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (article is null)
        {
            return false;
        }

        article.SetPublished(publish, clock.UtcNow);
        await db.SaveChangesAsync(cancellationToken);
        await publicContent.NotifyAsync("article " + article.Slug, cancellationToken);
        return true;
    }
}
