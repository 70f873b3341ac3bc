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

    /// <summary>The postcode's district is listed, or it is a lettered part of a listed district (<see cref="UkPostcode.WholeDistrictOf"/>).</summary>
    public bool Covers(UkPostcode postcode)
    {
        ArgumentNullException.ThrowIfNull(postcode);
        var district = postcode.District;
        return _districts.Contains(district)
            || (UkPostcode.WholeDistrictOf(district) is { } whole && _districts.Contains(whole));
    }

    /// <summary>Parses the stored, comma or space separated list.</summary>
    public static ServiceArea Parse(string? stored) =>
        new((stored ?? string.Empty).Split([',', ' ', ';', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));

    public string Format() => string.Join(", ", _districts.Order(StringComparer.Ordinal));
}
