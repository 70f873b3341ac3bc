using System.Text.Json;
using Microsoft.Extensions.Options;

namespace PaulMassage.Web.Features.Site;

/// <summary>
/// The practice's schema.org description, in every page's head. It depends only on the practice's
/// settings, so it is serialised once rather than on every page view.
/// </summary>
public sealed class BusinessJsonLd(IOptions<PracticeOptions> options)
{
    public string Json { get; } = Serialize(options.Value);

    private static string Serialize(PracticeOptions practice) => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["@context"] = "https://schema.org",
        ["@type"] = "HealthAndBeautyBusiness",
        ["name"] = practice.Name,
        ["url"] = practice.BaseUrl.TrimEnd('/') + "/",
        ["telephone"] = practice.Phone,
        ["email"] = practice.Email,
        ["areaServed"] = practice.Area,
        ["priceRange"] = "££",
        ["description"] = "Mobile massage therapy for back pain, given in the client's own home.",
    });
}
