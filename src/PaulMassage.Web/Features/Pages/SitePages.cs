using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using PaulMassage.Web.Features.Site;
using PaulMassage.Web.Infrastructure.Data;

namespace PaulMassage.Web.Features.Pages;

public sealed record SitePageView(string Slug, string Title, string Description, string BodyMarkdown, DateTime UpdatedUtc);

public sealed record CredentialsView(IReadOnlyList<string> Qualifications, string ProfessionalBody, string MembershipNumber, string Insurance)
{
    public static readonly CredentialsView Empty = new([], string.Empty, string.Empty, string.Empty);

    public bool IsEmpty => Qualifications.Count == 0 && ProfessionalBody.Length == 0 && MembershipNumber.Length == 0 && Insurance.Length == 0;
}

/// <summary>
/// The practice's own pages and the therapist's credentials, read for the public pages and the
/// business JSON-LD. Kept in memory until the public content changes (<see cref="PublicContentVersion"/>).
/// </summary>
public sealed class SitePages(AppDbContext db, IMemoryCache cache, PublicContentVersion contentVersion)
{
    public const string About = "about";
    public const string Faq = "faq";
    public const string Terms = "terms";

    /// <summary>The pages, in the order the back office lists them.</summary>
    public static readonly IReadOnlyList<string> Slugs = [About, Faq, Terms];

    private const string CredentialsKey = "pages:credentials";

    public async Task<SitePageView?> FindAsync(string slug, CancellationToken cancellationToken = default) =>
        await db.SitePages.AsNoTracking()
            .Where(p => p.Slug == slug)
            .Select(p => new SitePageView(p.Slug, p.Title, p.Description, p.BodyMarkdown, p.UpdatedUtc))
            .SingleOrDefaultAsync(cancellationToken);

    public async Task<CredentialsView> CredentialsAsync(CancellationToken cancellationToken = default)
    {
        if (cache.TryGetValue(CredentialsKey, out CredentialsView? cached) && cached is not null)
        {
            return cached;
        }

        var changed = contentVersion.Token;
        var row = await db.TherapistCredentials.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        var view = row is null
            ? CredentialsView.Empty
            : new CredentialsView(row.QualificationList, row.ProfessionalBody, row.MembershipNumber, row.Insurance);
        cache.Set(CredentialsKey, view, new MemoryCacheEntryOptions().AddExpirationToken(changed).SetAbsoluteExpiration(PublicContent.Lifetime));
        return view;
    }
}
