using System.Globalization;
using System.Text.Json;
using PaulMassage.Web.Features.Site;

namespace PaulMassage.Web.Features.Reviews;

/// <summary>
/// schema.org <c>Review</c> and <c>AggregateRating</c> built from published reviews only (the
/// callers pass <see cref="PublishedReviews"/>): the rating in the practice's description on every
/// page, the reviews themselves on the pages that show them.
/// </summary>
public static class ReviewJsonLd
{
    /// <summary>The AggregateRating of these reviews; null when there are none (schema.org wants at least one).</summary>
    public static Dictionary<string, object>? AggregateRating(IReadOnlyCollection<PublishedReview> reviews)
    {
        ArgumentNullException.ThrowIfNull(reviews);
        if (reviews.Count == 0)
        {
            return null;
        }

        return new Dictionary<string, object>
        {
            ["@type"] = "AggregateRating",
            ["ratingValue"] = Math.Round(reviews.Average(r => r.Rating), 1),
            ["bestRating"] = 5,
            ["worstRating"] = 1,
            ["ratingCount"] = reviews.Count,
            ["reviewCount"] = reviews.Count,
        };
    }

    public static List<Dictionary<string, object>> Reviews(IEnumerable<PublishedReview> reviews) =>
        reviews.Select(r => new Dictionary<string, object>
        {
            ["@type"] = "Review",
            ["reviewRating"] = new Dictionary<string, object> { ["@type"] = "Rating", ["ratingValue"] = r.Rating, ["bestRating"] = 5, ["worstRating"] = 1 },
            ["author"] = new Dictionary<string, object> { ["@type"] = "Person", ["name"] = r.FirstName },
            ["reviewBody"] = r.Text,
            ["datePublished"] = r.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }).ToList();

    /// <summary>Adds the rating and the reviews to a node (a Service) when there are any.</summary>
    public static void AddTo(Dictionary<string, object> node, IReadOnlyCollection<PublishedReview> reviews)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (AggregateRating(reviews) is { } rating)
        {
            node["aggregateRating"] = rating;
            node["review"] = Reviews(reviews);
        }
    }

    /// <summary>
    /// The reviews a page shows, on the practice itself (the same <c>@id</c> as its description in
    /// the head, which carries the AggregateRating of all of them); null when the page shows none.
    /// </summary>
    public static string? ForPractice(PracticeOptions practice, IReadOnlyCollection<PublishedReview> shown)
    {
        ArgumentNullException.ThrowIfNull(practice);
        ArgumentNullException.ThrowIfNull(shown);
        if (shown.Count == 0)
        {
            return null;
        }

        return JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "HealthAndBeautyBusiness",
            ["@id"] = BusinessJsonLd.Id(practice),
            ["name"] = practice.Name,
            ["review"] = Reviews(shown),
        });
    }
}
