using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using PaulMassage.Web.Features.Site;
using PaulMassage.Web.Infrastructure.Data;

namespace PaulMassage.Web.Features.Catalogue;

public sealed record ServiceOptionView(int Minutes, decimal PriceGbp);

public sealed record ServiceSummary(int Id, string Slug, string Name, string Summary, string Suits, IReadOnlyList<ServiceOptionView> Options)
{
    public decimal FromPrice => Options.Count > 0 ? Options.Min(o => o.PriceGbp) : 0m;
}

public sealed record ServiceDetail(ServiceSummary Service, string DescriptionMarkdown);

/// <summary>
/// Reads the active services for the public pages and the booking form. The list is read on
/// nearly every request (booking form, availability, sitemap...), so it is kept in memory until
/// the public content is evicted (<see cref="PublicContent.CacheTag"/>) or for
/// <see cref="PublicContent.Lifetime"/> at most.
/// </summary>
public sealed class CatalogueService(AppDbContext db, IMemoryCache cache, PublicContentVersion contentVersion)
{
    private const string ActiveServicesKey = "catalogue:active-services";

    public async Task<IReadOnlyList<ServiceSummary>> ActiveServicesAsync(CancellationToken cancellationToken = default)
    {
        if (cache.TryGetValue(ActiveServicesKey, out IReadOnlyList<ServiceSummary>? cached) && cached is not null)
        {
            return cached;
        }

        // Take the token before reading, so an edit made during the read drops what is read.
        var changed = contentVersion.Token;
        var services = await ReadActiveServicesAsync(cancellationToken);
        cache.Set(ActiveServicesKey, services, new MemoryCacheEntryOptions()
            .AddExpirationToken(changed)
            .SetAbsoluteExpiration(PublicContent.Lifetime));
        return services;
    }

    private async Task<IReadOnlyList<ServiceSummary>> ReadActiveServicesAsync(CancellationToken cancellationToken)
    {
        var services = await db.Services.AsNoTracking()
            .Where(s => s.IsActive)
            .OrderBy(s => s.SortOrder)
            .Select(s => new
            {
                s.Id, s.Slug, s.Name, s.Summary, s.Suits,
                Options = s.Options.OrderBy(o => o.Minutes).Select(o => new ServiceOptionView(o.Minutes, o.PriceGbp)).ToList(),
            })
            .ToListAsync(cancellationToken);
        return services.Select(s => new ServiceSummary(s.Id, s.Slug, s.Name, s.Summary, s.Suits, s.Options)).ToList();
    }

    public async Task<ServiceDetail?> FindActiveAsync(string slug, CancellationToken cancellationToken = default)
    {
        var service = await db.Services.AsNoTracking()
            .Include(s => s.Options)
            .SingleOrDefaultAsync(s => s.Slug == slug && s.IsActive, cancellationToken);
        return service is null
            ? null
            : new ServiceDetail(
                new ServiceSummary(service.Id, service.Slug, service.Name, service.Summary, service.Suits,
                    service.Options.OrderBy(o => o.Minutes).Select(o => new ServiceOptionView(o.Minutes, o.PriceGbp)).ToList()),
                service.DescriptionMarkdown);
    }
}
