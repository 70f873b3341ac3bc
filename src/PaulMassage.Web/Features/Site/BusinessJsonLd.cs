using System.Text.Json;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using PaulMassage.Web.Features.Pages;
using PaulMassage.Web.Features.Reviews;

namespace PaulMassage.Web.Features.Site;

/// <summary>
/// The practice's schema.org description, in every page's head: the practice's settings and the
/// therapist's credentials (qualifications, professional body, insurance) as he edits them, and the
/// AggregateRating of the published reviews. It is
/// serialised once and kept in memory until the public content changes
/// (<see cref="PublicContentVersion"/>), not on every page view.
/// </summary>
public sealed class BusinessJsonLd(IOptions<PracticeOptions> options, SitePages pages, PublishedReviews reviews, IMemoryCache cache, PublicContentVersion contentVersion)
{
    private const string CacheKey = "site:business-json-ld";

    public async Task<string> JsonAsync(CancellationToken cancellationToken = default)
    {
        if (cache.TryGetValue(CacheKey, out string? cached) && cached is not null)
        {
            return cached;
        }

        var changed = contentVersion.Token;
        CredentialsView credentials;
        IReadOnlyList<PublishedReview> published;
        try
        {
            credentials = await pages.CredentialsAsync(cancellationToken);
            published = await reviews.AllAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
        {
            // The error page renders this head too, perhaps because the database is down: it must still render.
            return Serialize(options.Value, CredentialsView.Empty);
        }

        var json = Serialize(options.Value, credentials, ReviewJsonLd.AggregateRating(published));
        cache.Set(CacheKey, json, new MemoryCacheEntryOptions().AddExpirationToken(changed).SetAbsoluteExpiration(PublicContent.Lifetime));
        return json;
    }

    /// <summary>The practice's node id, so that a page's own JSON-LD (its reviews) can speak of the same business.</summary>
    public static string Id(PracticeOptions practice)
    {
        ArgumentNullException.ThrowIfNull(practice);
        return practice.BaseUrl.TrimEnd('/') + "/#practice";
    }

    public static string Serialize(PracticeOptions practice, CredentialsView credentials, Dictionary<string, object>? aggregateRating = null)
    {
        ArgumentNullException.ThrowIfNull(practice);
        ArgumentNullException.ThrowIfNull(credentials);
        var business = new Dictionary<string, object>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "HealthAndBeautyBusiness",
            ["@id"] = Id(practice),
            ["name"] = practice.Name,
            ["url"] = practice.BaseUrl.TrimEnd('/') + "/",
            ["telephone"] = practice.Phone,
            ["email"] = practice.Email,
            ["areaServed"] = practice.Area,
            ["priceRange"] = "££",
            ["description"] = "Mobile massage therapy for back pain, given in the client's own home.",
        };
        if (!credentials.IsEmpty)
        {
            var therapist = new Dictionary<string, object> { ["@type"] = "Person", ["name"] = practice.TherapistName, ["jobTitle"] = "Massage therapist" };
            if (credentials.Qualifications.Count > 0)
            {
                therapist["hasCredential"] = credentials.Qualifications
                    .Select(q => new Dictionary<string, object> { ["@type"] = "EducationalOccupationalCredential", ["name"] = q })
                    .ToList();
            }

            if (credentials.ProfessionalBody.Length > 0)
            {
                var membership = new Dictionary<string, object>
                {
                    ["@type"] = "OrganizationRole",
                    ["memberOf"] = new Dictionary<string, object> { ["@type"] = "Organization", ["name"] = credentials.ProfessionalBody },
                };
                if (credentials.MembershipNumber.Length > 0)
                {
                    membership["identifier"] = credentials.MembershipNumber;
                }

                therapist["memberOf"] = membership;
            }

            business["employee"] = therapist;
            if (credentials.Insurance.Length > 0)
            {
                business["hasCredential"] = new Dictionary<string, object> { ["@type"] = "EducationalOccupationalCredential", ["credentialCategory"] = "Insurance", ["name"] = credentials.Insurance };
            }
        }

        if (aggregateRating is not null)
        {
            business["aggregateRating"] = aggregateRating;
        }

        return JsonSerializer.Serialize(business);
    }
}
