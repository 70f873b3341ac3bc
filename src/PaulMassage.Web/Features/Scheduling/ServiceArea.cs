namespace PaulMassage.Web.Features.Scheduling;

/// <summary>The postcode districts the therapist drives to.</summary>
public sealed class ServiceArea
{
    private readonly HashSet<string> _districts;

    public ServiceArea(IEnumerable<string> districts)
    {
        _districts = districts
            .Select(UkPostcode.NormaliseDistrict)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
    }

    public IReadOnlyCollection<string> Districts => _districts;

    /// <summary>
    /// The postcode's district is listed, or it is a lettered part of a listed district: central
    /// London's W1, EC1 or WC2 are written without the letter but split into W1T, EC1R, WC2H and so on.
    /// </summary>
    public bool Covers(UkPostcode postcode)
    {
        ArgumentNullException.ThrowIfNull(postcode);
        var district = postcode.District;
        return _districts.Contains(district)
            || (char.IsAsciiLetter(district[^1]) && _districts.Contains(district[..^1]));
    }

    /// <summary>Parses the stored, comma or space separated list.</summary>
    public static ServiceArea Parse(string? stored) =>
        new((stored ?? string.Empty).Split([',', ' ', ';', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));

    public string Format() => string.Join(", ", _districts.Order(StringComparer.Ordinal));
}
