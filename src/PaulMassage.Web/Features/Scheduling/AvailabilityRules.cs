namespace PaulMassage.Web.Features.Scheduling;

/// <summary>Opening hours for one day of the week, in the practice's local time.</summary>
public sealed record WorkingPeriod(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes);

/// <summary>
/// A stretch of time, in UTC, that a new visit may not overlap; for a visit, <paramref name="Zone"/>
/// is its place's travel zone (<see cref="TravelTimes.ZoneOf"/>), null when it is in none.
/// </summary>
public readonly record struct BusyInterval(DateTime StartUtc, DateTime EndUtc, int? Zone = null)
{
    public bool Overlaps(DateTime startUtc, DateTime endUtc) => startUtc < EndUtc && StartUtc < endUtc;
}

/// <summary>A bookable start time.</summary>
public readonly record struct FreeSlot(DateTime StartUtc, DateTime EndUtc, DateTimeOffset LocalStart);

/// <summary>The practice's scheduling settings, as the availability calculation needs them.</summary>
public sealed record AvailabilityRules(
    IReadOnlyList<WorkingPeriod> WeeklyHours,
    int TravelBufferMinutes,
    int MinimumNoticeHours,
    int BookingHorizonDays,
    TravelTimes? Zones = null)
{
    /// <summary>The travel between visits: by zone when the practice has set zones, else the flat buffer.</summary>
    public TravelTimes Travel => Zones ?? TravelTimes.Flat(TravelBufferMinutes);

    /// <summary>Visits start on a quarter-hour grid.</summary>
    public const int GridMinutes = 15;

    public static AvailabilityRules Defaults { get; } = new(
        [
            new(DayOfWeek.Monday, new(9, 0), new(19, 0)),
            new(DayOfWeek.Tuesday, new(9, 0), new(19, 0)),
            new(DayOfWeek.Wednesday, new(9, 0), new(19, 0)),
            new(DayOfWeek.Thursday, new(9, 0), new(19, 0)),
            new(DayOfWeek.Friday, new(9, 0), new(19, 0)),
            new(DayOfWeek.Saturday, new(9, 0), new(14, 0)),
        ],
        TravelBufferMinutes: 30,
        MinimumNoticeHours: 24,
        BookingHorizonDays: 56);
}
