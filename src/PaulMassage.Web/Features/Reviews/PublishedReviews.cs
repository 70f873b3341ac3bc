using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using PaulMassage.Web.Features.Site;
using PaulMassage.Web.Infrastructure.Data;
using PaulMassage.Web.Infrastructure.Time;

namespace PaulMassage.Web.Features.Reviews;

/// <summary>A published review as the public sees it: first name and area, never more.</summary>
public sealed record PublishedReview(int Id, int Rating, string Text, string FirstName, string Area, DateOnly Date, string ServiceName, string ServiceSlug, string? Reply)
{
    public string Stars => new string('★', Rating) + new string('☆', 5 - Rating);

    public string StarsLabel => $"{Rating} out of 5 stars";

    public string DateText => Date.ToString("MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
}

/// <summary>
/// The published reviews, newest first, for the home page, the treatment pages and /reviews. Only
/// reviews with the client's consent that Paul published; kept in memory until the public content
/// changes (publishing, holding back and replying drop it).
/// </summary>
public sealed class PublishedReviews(AppDbContext db, PracticeClock clock, IMemoryCache cache, PublicContentVersion contentVersion)
{
    private const string CacheKey = "reviews:published";

    public async Task<IReadOnlyList<PublishedReview>> AllAsync(CancellationToken cancellationToken = default)
    {
        if (cache.TryGetValue(CacheKey, out IReadOnlyList<PublishedReview>? cached) && cached is not null)
        {
            return cached;
        }

        var changed = contentVersion.Token;
        var rows = await db.Reviews.AsNoTracking()
            .Where(r => r.Status == ReviewStatus.Published && r.ConsentToPublish)
            .Select(r => new { r.Id, r.Rating, r.Text, r.FirstName, r.Area, r.SubmittedUtc, ServiceName = r.Appointment!.Service!.Name, r.Appointment.Service.Slug, r.Reply })
            .ToListAsync(cancellationToken);
        IReadOnlyList<PublishedReview> reviews = rows
            .OrderByDescending(r => r.SubmittedUtc)
            .Select(r => new PublishedReview(r.Id, r.Rating ?? 0, r.Text ?? string.Empty, r.FirstName ?? string.Empty, r.Area ?? string.Empty,
                clock.LocalDay(r.SubmittedUtc!.Value), r.ServiceName, r.Slug, r.Reply))
            .ToList();
        cache.Set(CacheKey, reviews, new MemoryCacheEntryOptions().AddExpirationToken(changed).SetAbsoluteExpiration(PublicContent.Lifetime));
        return reviews;
    }

    /// <summary>The published reviews of visits for one treatment.</summary>
    public async Task<IReadOnlyList<PublishedReview>> ForServiceAsync(string slug, CancellationToken cancellationToken = default) =>
        (await AllAsync(cancellationToken)).Where(r => r.ServiceSlug == slug).ToList();
}
