using System.Globalization;
using System.Text;

namespace PaulMassage.Web.Features.Scheduling;

/// <summary>A group of postcode districts Paul treats as one place for travel (for example "East": E1, E14, SE16).</summary>
public sealed record TravelZone(string Name, IReadOnlyList<string> Districts);

/// <summary>
/// How long Paul takes to drive between two visits: by zone, from the table he keeps in Settings
/// (<see cref="Minutes"/>[from, to], not necessarily the same both ways), and from his home base to
/// the first visit of the day. A place no zone names (no postcode, or a district outside the
/// zones) travels by the flat buffer, as before zones existed, and nobody waits for the drive from
/// home to it. Pure: no database, no clock.
/// </summary>
public sealed class TravelTimes
{
    public const int MinMinutes = 0;
    public const int MaxMinutes = 180;

    private readonly Dictionary<string, int> _zoneByDistrict;
    private readonly int[,] _minutes;

    public TravelTimes(string? homeDistrict, IReadOnlyList<TravelZone> zones, int[,] minutes, int flatBufferMinutes)
    {
        ArgumentNullException.ThrowIfNull(zones);
        ArgumentNullException.ThrowIfNull(minutes);
        if (minutes.GetLength(0) != zones.Count || minutes.GetLength(1) != zones.Count)
        {
            throw new ArgumentException("The table needs one row and one column per zone.", nameof(minutes));
        }

        Zones = zones;
        _minutes = minutes;
        FlatBufferMinutes = flatBufferMinutes;
        _zoneByDistrict = new(StringComparer.Ordinal);
        for (var i = 0; i < zones.Count; i++)
        {
            foreach (var district in zones[i].Districts)
            {
                _zoneByDistrict.TryAdd(district, i);
            }
        }

        HomeDistrict = UkPostcode.NormaliseDistrict(homeDistrict);
        HomeZone = HomeDistrict is null ? null : ZoneOfDistrict(HomeDistrict);

        // Read on every check of a time and every save that books one: worked out once here.
        LongestMinutes = FlatBufferMinutes;
        ShortestMinutes = FlatBufferMinutes;
        foreach (var drive in minutes)
        {
            LongestMinutes = Math.Max(LongestMinutes, drive);
            ShortestMinutes = Math.Min(ShortestMinutes, drive);
        }
    }

    /// <summary>Travel by the flat buffer alone: no zones, no home base (a practice that has not set them).</summary>
    public static TravelTimes Flat(int bufferMinutes) => new(null, [], new int[0, 0], bufferMinutes);

    public IReadOnlyList<TravelZone> Zones { get; }

    public string? HomeDistrict { get; }

    /// <summary>The zone of the home base; null when it is in none (then the first visit waits for no drive).</summary>
    public int? HomeZone { get; }

    /// <summary>The travel time for a place no zone names.</summary>
    public int FlatBufferMinutes { get; }

    /// <summary>Whether zones are in use at all.</summary>
    public bool ByZone => Zones.Count > 0;

    public int MinutesBetweenZones(int from, int to) => _minutes[from, to];

    /// <summary>The zone of a postcode (or a district), or null when none names it or it is not one.</summary>
    public int? ZoneOf(string? postcodeOrDistrict)
    {
        if (string.IsNullOrWhiteSpace(postcodeOrDistrict) || !ByZone)
        {
            return null;
        }

        var district = UkPostcode.TryParse(postcodeOrDistrict, out var postcode) ? postcode.District : UkPostcode.NormaliseDistrict(postcodeOrDistrict);
        return district is null ? null : ZoneOfDistrict(district);
    }

    /// <summary>
    /// The drive from a visit in zone <paramref name="from"/> to one in zone <paramref name="to"/>;
    /// the flat buffer when either place is in no zone.
    /// </summary>
    public int Minutes(int? from, int? to) =>
        from is int a && to is int b ? _minutes[a, b] : FlatBufferMinutes;

    /// <summary>The drive from home to the first visit of the day; none when either end is in no zone.</summary>
    public int FromHome(int? to) =>
        HomeZone is int home && to is int zone ? _minutes[home, zone] : 0;

    /// <summary>The longest drive in the table or the flat buffer, whichever is longer: how far a visit's travel can reach.</summary>
    public int LongestMinutes { get; }

    /// <summary>
    /// The shortest drive there is (in the table, or the flat buffer for a place in no zone): what
    /// every visit holds after its end whatever comes next (<see cref="Booking.SlotClaim.CellsFor"/>).
    /// </summary>
    public int ShortestMinutes { get; }

    /// <summary>A lettered part of a listed district (W1T of W1) is in the district's zone (<see cref="UkPostcode.WholeDistrictOf"/>).</summary>
    private int? ZoneOfDistrict(string district) =>
        _zoneByDistrict.TryGetValue(district, out var zone) ? zone
        : UkPostcode.WholeDistrictOf(district) is { } whole && _zoneByDistrict.TryGetValue(whole, out zone) ? zone
        : null;

    // ---- The stored form: one zone a line ("East: E1, E14, SE16"), the table one row a line ("30 45 60"). ----

    /// <summary>The zones as stored and edited, one a line.</summary>
    public string FormatZones() => FormatZones(Zones);

    public static string FormatZones(IEnumerable<TravelZone> zones) =>
        string.Join("\n", zones.Select(z => $"{z.Name}: {string.Join(", ", z.Districts)}"));

    /// <summary>The table as stored, one row a line, in the zones' order.</summary>
    public string FormatMinutes() => FormatMinutes(_minutes);

    public static string FormatMinutes(int[,] minutes)
    {
        ArgumentNullException.ThrowIfNull(minutes);
        var text = new StringBuilder();
        for (var row = 0; row < minutes.GetLength(0); row++)
        {
            if (row > 0)
            {
                text.Append('\n');
            }

            for (var column = 0; column < minutes.GetLength(1); column++)
            {
                if (column > 0)
                {
                    text.Append(' ');
                }

                text.Append(minutes[row, column].ToString(CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }

    /// <summary>The practice's travel as its settings row stores it (see <see cref="Parse"/>).</summary>
    public static TravelTimes Of(PracticeSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Parse(settings.HomeDistrict, settings.TravelZones, settings.TravelMinutes, settings.TravelBufferMinutes);
    }

    /// <summary>
    /// Reads the stored settings. What the settings page has checked always reads back; anything
    /// else (a hand-edited row) falls back to the flat buffer rather than stopping the site.
    /// </summary>
    public static TravelTimes Parse(string? homeDistrict, string? zones, string? minutes, int flatBufferMinutes)
    {
        if (ParseZones(zones, out var parsed) is not null || ParseMinutes(minutes, parsed.Count, out var table) is not null)
        {
            return Flat(flatBufferMinutes);
        }

        return new TravelTimes(homeDistrict, parsed, table, flatBufferMinutes);
    }

    /// <summary>Reads the zones, one a line as "Name: district, district"; a message when they do not read, else null.</summary>
    public static string? ParseZones(string? text, out List<TravelZone> zones)
    {
        zones = [];
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in (text ?? string.Empty).Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var name = colon > 0 ? line[..colon].Trim() : string.Empty;
            if (name.Length == 0 || name.Length > 40)
            {
                return $"Write each zone as its name, a colon and its districts, for example \"East: E1, E14\" (\"{Shorten(line)}\" is not).";
            }

            if (!names.Add(name))
            {
                return $"The zone name \"{name}\" is used twice.";
            }

            var districts = new List<string>();
            foreach (var typed in line[(colon + 1)..].Split([',', ' ', ';', '\t'], StringSplitOptions.RemoveEmptyEntries))
            {
                if (UkPostcode.NormaliseDistrict(typed) is not { } district)
                {
                    return $"\"{Shorten(typed)}\" in zone {name} is not a postcode district (for example E1 or SW1A).";
                }

                if (seen.TryGetValue(district, out var other))
                {
                    return $"{district} is in two zones ({other} and {name}); put it in one.";
                }

                seen[district] = name;
                districts.Add(district);
            }

            if (districts.Count == 0)
            {
                return $"Zone {name} has no districts.";
            }

            zones.Add(new TravelZone(name, districts));
        }

        return zones.Count > 20 ? "Up to 20 zones." : null;
    }

    /// <summary>Reads the table: <paramref name="size"/> lines of <paramref name="size"/> whole minutes; a message when it does not read, else null.</summary>
    public static string? ParseMinutes(string? text, int size, out int[,] minutes)
    {
        minutes = new int[size, size];
        var rows = (text ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (rows.Length != size)
        {
            return "The table needs one row per zone.";
        }

        for (var row = 0; row < size; row++)
        {
            var cells = rows[row].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (cells.Length != size)
            {
                return "The table needs one column per zone.";
            }

            for (var column = 0; column < size; column++)
            {
                if (CheckMinutes(cells[column]) is { } problem)
                {
                    return problem;
                }

                minutes[row, column] = int.Parse(cells[column], NumberStyles.None, CultureInfo.InvariantCulture);
            }
        }

        return null;
    }

    /// <summary>A message when a typed travel time is not whole minutes in range, else null.</summary>
    public static string? CheckMinutes(string? typed) =>
        int.TryParse(typed?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= MinMinutes and <= MaxMinutes
            ? null
            : $"Travel times are whole minutes from {MinMinutes} to {MaxMinutes}.";

    /// <summary>
    /// The practice's starting zones, from the districts it serves (see the seed): the City and
    /// Islington; the West End and Westminster; Kensington and Chelsea; the South Bank; the East
    /// End and Docklands. Half an hour within a zone (the brief's least travel between visits),
    /// more across town; home is in E1.
    /// </summary>
    public static class Defaults
    {
        public const string HomeDistrict = "E1";

        public const string Zones =
            "City: EC1, EC2, EC4, WC1, WC2, N1\n"
            + "West End: W1, W2, NW1, SW1A, SW1V, SW1W\n"
            + "Kensington and Chelsea: SW3, SW7\n"
            + "South Bank: SE1, SE11\n"
            + "East: E1, E14, SE16";

        public const string Minutes =
            "30 30 45 30 30\n"
            + "30 30 30 30 45\n"
            + "45 30 30 45 60\n"
            + "30 30 45 30 45\n"
            + "30 45 60 45 30";
    }

    private static string Shorten(string text) => text.Length > 20 ? text[..20] + "…" : text;
}
