using System.Text.RegularExpressions;
using PaulMassage.Web.Features.Settings;

namespace PaulMassage.Web.Features.Articles;

/// <summary>
/// An article's tags: short lowercase words joined by hyphens ("stretches", "self-help"), each the
/// last part of its tag page's address, /articles/tag/{tag}. The therapist types them separated by commas.
/// </summary>
public static partial class ArticleTags
{
    public const int MaxTags = 8;
    public const int MaxLength = 30;

    /// <summary>The stored column's length: every tag at its longest, with the commas.</summary>
    public const int ColumnLength = MaxTags * (MaxLength + 1);

    /// <summary>The stored list, in its stored order.</summary>
    public static IReadOnlyList<string> Split(string? stored) =>
        (stored ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static string Join(IEnumerable<string> tags) => string.Join(',', tags.Distinct(StringComparer.Ordinal));

    /// <summary>What the therapist typed, for example "Stretches, self help", as tags: "stretches", "self-help".</summary>
    public static IReadOnlyList<string> Parse(string? typed) =>
        (typed ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => Spaces().Replace(t.ToLowerInvariant(), "-"))
            .Distinct(StringComparer.Ordinal)
            .ToList();

    /// <summary>Why the typed tags cannot be saved, or null when they can.</summary>
    public static string? Check(string? typed)
    {
        var tags = Parse(typed);
        if (tags.Count > MaxTags)
        {
            return $"Give an article at most {MaxTags} tags.";
        }

        var bad = tags.FirstOrDefault(t => t.Length > MaxLength || !SlugRules.IsWellFormed(t));
        return bad is null
            ? null
            : $"\"{bad}\" cannot be a tag: use lowercase letters, digits and single hyphens, at most {MaxLength} characters, and separate tags with commas, for example stretches, self-help.";
    }

    /// <summary>Whether a value could be a tag at all (a tag page's address), before looking it up.</summary>
    public static bool IsWellFormed(string? tag) => tag is { Length: > 0 and <= MaxLength } && SlugRules.IsWellFormed(tag);

    /// <summary>The tag as a reader sees it: "self-help" reads "self help".</summary>
    public static string Label(string? tag) => (tag ?? string.Empty).Replace('-', ' ');

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();
}
