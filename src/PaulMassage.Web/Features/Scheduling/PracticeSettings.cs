namespace PaulMassage.Web.Features.Scheduling;

/// <summary>The practice's scheduling settings: one row, edited by the therapist.</summary>
public class PracticeSettings
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    public int TravelBufferMinutes { get; set; } = AvailabilityRules.Defaults.TravelBufferMinutes;

    public int MinimumNoticeHours { get; set; } = AvailabilityRules.Defaults.MinimumNoticeHours;

    public int BookingHorizonDays { get; set; } = AvailabilityRules.Defaults.BookingHorizonDays;

    /// <summary>Served postcode districts, comma separated, for example "SW1A, SE1, E14".</summary>
    public string ServedDistricts { get; set; } = string.Empty;

    /// <summary>The postcode district of Paul's home base, where each working day starts (empty: none).</summary>
    public string HomeDistrict { get; set; } = string.Empty;

    /// <summary>The travel zones, one a line: "East: E1, E14, SE16" (<see cref="TravelTimes.ParseZones"/>; empty: the flat buffer).</summary>
    public string TravelZones { get; set; } = string.Empty;

    /// <summary>Minutes between zones, one row a line in the zones' order (<see cref="TravelTimes.ParseMinutes"/>).</summary>
    public string TravelMinutes { get; set; } = string.Empty;
}

/// <summary>Opening hours for one weekday, in the practice's local time.</summary>
public class WorkingHours
{
    public int Id { get; set; }

    public DayOfWeek Day { get; set; }

    public TimeOnly Opens { get; set; }

    public TimeOnly Closes { get; set; }
}

/// <summary>A stretch when the therapist does not take visits: a holiday, training, a part day off.</summary>
public class TimeOff
{
    public int Id { get; set; }

    public DateTime StartUtc { get; set; }

    public DateTime EndUtc { get; set; }

    public string? Reason { get; set; }
}
