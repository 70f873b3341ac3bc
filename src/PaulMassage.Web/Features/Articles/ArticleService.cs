using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using PaulMassage.Web.Features.Site;
using PaulMassage.Web.Infrastructure.Data;

namespace PaulMassage.Web.Features.Articles;

public sealed record ArticleSummary(string Slug, string Title, string Description, DateTime PublishedUtc, DateTime UpdatedUtc);

public sealed record ArticleDetail(ArticleSummary Summary, string BodyMarkdown, IReadOnlyList<string> RelatedServiceSlugs, IReadOnlyList<string> Tags);

/// <summary>Reads published articles.</summary>
public sealed class ArticleService(AppDbContext db, IMemoryCache cache, PublicContentVersion contentVersion, MarkdownRenderer markdown)
{
    private const string IndexKey = "articles:index";

    /// <summary>
    /// The search index of the published articles (which also lists them and their tags), kept in
    /// memory. Whatever changes an article (the back office's editor saving, publishing or
    /// withdrawing one) reports it through <see cref="PublicContentChanged.NotifyAsync"/>, which drops
    /// this copy at once; the next request builds a new one. A change made some other way shows within
    /// <see cref="PublicContent.Lifetime"/>.
    /// </summary>
    public async Task<ArticleSearchIndex> IndexAsync(CancellationToken cancellationToken = default)
    {
        if (cache.TryGetValue(IndexKey, out ArticleSearchIndex? cached) && cached is not null)
        {
            return cached;
        }

        var changed = contentVersion.Token; // taken before reading, so an edit made meanwhile is not lost
        var articles = await db.Articles.AsNoTracking()
            .Where(a => a.IsPublished)
            .Select(a => new { a.Slug, a.Title, a.Description, a.PublishedUtc, a.UpdatedUtc, a.Tags, a.BodyMarkdown })
            .ToListAsync(cancellationToken);
        var index = new ArticleSearchIndex(articles.Select(a => new IndexedArticle(
            new ArticleSummary(a.Slug, a.Title, a.Description, a.PublishedUtc, a.UpdatedUtc),
            ArticleTags.Split(a.Tags),
            markdown.ToPlainText(a.BodyMarkdown))));
        cache.Set(IndexKey, index, new MemoryCacheEntryOptions().AddExpirationToken(changed).SetAbsoluteExpiration(PublicContent.Lifetime));
        return index;
    }

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
                article.RelatedServices,
                article.TagList);
    }
}
