using System.Globalization;

namespace PaulMassage.Web.Features.Site;

/// <summary>
/// How the site and its e-mails write counts, money and names: one way everywhere.
/// "1 visit", "4 treatments"; "£70", or "£70.50" when there are pence; "Sarah" for "Sarah Okafor".
/// </summary>
public static class Wording
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>"1 visit", "2 visits"; the plural given when it is not the singular plus "s" ("1 entry", "3 entries").</summary>
    public static string Count(int count, string singular, string? plural = null) =>
        $"{count.ToString("N0", British)} {Noun(count, singular, plural)}";

    /// <summary>The noun alone, for a count written elsewhere: "visit" or "visits".</summary>
    public static string Noun(int count, string singular, string? plural = null) =>
        count == 1 ? singular : plural ?? singular + "s";

    /// <summary>Pounds sterling: "£70", "£70.50", "£1,200".</summary>
    public static string Money(decimal amount) =>
        amount.ToString(decimal.Truncate(amount) == amount ? "C0" : "C2", British);

    /// <summary>The name to greet someone by: the first word of their name ("Sarah Okafor" → "Sarah").</summary>
    public static string FirstName(string name)
    {
        var trimmed = (name ?? string.Empty).Trim();
        var space = trimmed.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 ? trimmed[..space] : trimmed;
    }
}
