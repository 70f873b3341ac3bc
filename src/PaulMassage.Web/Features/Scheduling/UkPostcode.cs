using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace PaulMassage.Web.Features.Scheduling;

/// <summary>A UK postcode, normalised to upper case with one space before the inward code.</summary>
public sealed partial record UkPostcode
{
    private UkPostcode(string outward, string inward)
    {
        District = outward;
        Inward = inward;
    }

    /// <summary>The outward code, for example <c>SW1A</c>: the postcode district the area list names.</summary>
    public string District { get; }

    public string Inward { get; }

    public override string ToString() => $"{District} {Inward}";

    public static bool TryParse(string? text, [NotNullWhen(true)] out UkPostcode? postcode)
    {
        postcode = null;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 16)
        {
            return false;
        }

        var compact = new string(text.Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();
        var match = Pattern().Match(compact);
        if (!match.Success)
        {
            return false;
        }

        postcode = new UkPostcode(match.Groups["outward"].Value, match.Groups["inward"].Value);
        return true;
    }

    /// <summary>Normalises a district as the therapist types it (" se1 " becomes "SE1"), or null if it is not one.</summary>
    public static string? NormaliseDistrict(string? text)
    {
        var compact = (text ?? string.Empty).Trim().ToUpperInvariant();
        return DistrictPattern().IsMatch(compact) ? compact : null;
    }

    /// <summary>
    /// The district a lettered part of a district belongs to ("SW1P" is part of "SW1"; central
    /// London's W1, EC1 or WC2 are written without the letter but split into W1T, EC1R, WC2H and so
    /// on), or null when <paramref name="district"/> is not a lettered part. Lists of districts (the
    /// area served, the travel zones) name the whole district and so cover its parts.
    /// </summary>
    public static string? WholeDistrictOf(string district)
    {
        ArgumentException.ThrowIfNullOrEmpty(district);
        return district.Length > 2 && char.IsAsciiLetter(district[^1]) ? district[..^1] : null;
    }

    // Outward code: area (1-2 letters), district (digit, optional digit or letter); inward: digit and two letters.
    [GeneratedRegex("^(?<outward>[A-Z]{1,2}[0-9][A-Z0-9]?)(?<inward>[0-9][A-Z]{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    [GeneratedRegex("^[A-Z]{1,2}[0-9][A-Z0-9]?$", RegexOptions.CultureInvariant)]
    private static partial Regex DistrictPattern();
}
