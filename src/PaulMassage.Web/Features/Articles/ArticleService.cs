using Microsoft.EntityFrameworkCore;
using PaulMassage.Web.Infrastructure.Data;

namespace PaulMassage.Web.Features.Articles;

public sealed record ArticleSummary(string Slug, string Title, string Description, DateTime PublishedUtc, DateTime UpdatedUtc);

public sealed record ArticleDetail(ArticleSummary Summary, string BodyMarkdown, IReadOnlyList<string> RelatedServiceSlugs);

/// <summary>Reads published articles.</summary>
public sealed class ArticleService(AppDbContext db)
{
    public async Task<IReadOnlyList<ArticleSummary>> PublishedAsync(int? take = null, CancellationToken cancellationToken = default)
    {
        var query = db.Articles.AsNoTracking()
            .Where(a => a.IsPublished)
            .OrderByDescending(a => a.PublishedUtc)
            .Select(a => new ArticleSummary(a.Slug, a.Title, a.Description, a.PublishedUtc, a.UpdatedUtc));
        return take is int n ? await query.Take(n).ToListAsync(cancellationToken) : await query.ToListAsync(cancellationToken);
    }

    /// <summary>Published articles that discuss a service (a handful, so filtering in memory is fine).</summary>
    public async Task<IReadOnlyList<ArticleSummary>> MentioningServiceAsync(string serviceSlug, CancellationToken cancellationToken = default)
    {
        var candidates = await db.Articles.AsNoTracking()
            .Where(a => a.IsPublished && a.RelatedServiceSlugs.Contains(serviceSlug))
            .OrderByDescending(a => a.PublishedUtc)
            .ToListAsync(cancellationToken);
        return candidates
            .Where(a => a.RelatedServices.Contains(serviceSlug, StringComparer.Ordinal))
            .Select(a => new ArticleSummary(a.Slug, a.Title, a.Description, a.PublishedUtc, a.UpdatedUtc))
            .ToList();
    }

    public async Task<ArticleDetail?> FindPublishedAsync(string slug, CancellationToken cancellationToken = default)
    {
        var article = await db.Articles.AsNoTracking().SingleOrDefaultAsync(a => a.Slug == slug && a.IsPublished, cancellationToken);
        return article is null
            ? null
            : new ArticleDetail(
                new ArticleSummary(article.Slug, article.Title, article.Description, article.PublishedUtc, article.UpdatedUtc),
                article.BodyMarkdown,
                article.RelatedServices);
    }
}
