using PaulMassage.Web.Features.Scheduling;

namespace PaulMassage.UnitTests.Features.Scheduling;

/// <summary>
/// The free times and the checks of one time when travel is by zone: East (E1, home) and West
/// (SW7), 15 minutes within a zone, 45 minutes east to west and 60 minutes west to east.
/// </summary>
public sealed class FreeTimesWithTravelByZone
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private static readonly DateTimeOffset LongBefore = new(2027, 2, 20, 12, 0, 0, TimeSpan.Zero);

    private static readonly TravelTimes Travel = TravelTimes.Parse("E1", "East: E1\nWest: SW7", "15 45\n60 15", 30);

    private static readonly int East = Travel.ZoneOf("E1")!.Value;
    private static readonly int West = Travel.ZoneOf("SW7")!.Value;

    private static readonly DateOnly Tuesday = new(2027, 3, 2);

    private static AvailabilityRules Rules(AvailabilityRules? rules = null) => (rules ?? AvailabilityRules.Defaults) with { Zones = Travel };

    private static DateTime At(DateOnly day, int hour, int minute = 0) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(hour, minute)), London);

    private static List<DateTime> Starts(int? zone, IEnumerable<BusyInterval> visits, DateOnly? day = null, AvailabilityRules? rules = null) =>
        new AvailabilityCalculator(Rules(rules), London)
            .FreeSlots(day ?? Tuesday, 1, 60, visits, [], new DateTimeOffset((day ?? Tuesday).AddDays(-10).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), zone)
            .Select(s => s.StartUtc)
            .ToList();

    [Fact]
    public void after_a_visit_wait_for_the_drive_from_its_zone_to_the_new_one()
    {
        BusyInterval west = new(At(Tuesday, 10), At(Tuesday, 11), West);

        Assert.Equal(At(Tuesday, 12), Starts(East, [west]).First(s => s > At(Tuesday, 10)));
        Assert.Equal(At(Tuesday, 11, 15), Starts(West, [west]).First(s => s > At(Tuesday, 10)));
    }

    [Fact]
    public void before_a_visit_leave_the_drive_from_the_new_one_to_it()
    {
        BusyInterval west = new(At(Tuesday, 14), At(Tuesday, 15), West);

        Assert.Equal(At(Tuesday, 12, 15), Starts(East, [west]).Last(s => s < At(Tuesday, 14))); // ends 13:15, 45 minutes before
        Assert.Equal(At(Tuesday, 12, 45), Starts(West, [west]).Last(s => s < At(Tuesday, 14))); // ends 13:45, 15 minutes before
    }

    [Fact]
    public void the_first_visit_of_the_day_waits_for_the_drive_from_home_and_a_place_in_no_zone_for_none()
    {
        Assert.Equal(At(Tuesday, 9, 15), Starts(East, [])[0]);
        Assert.Equal(At(Tuesday, 9, 45), Starts(West, [])[0]);
        Assert.Equal(At(Tuesday, 9), Starts(null, [])[0]);
    }

    [Fact]
    public void only_the_first_of_the_day_waits_for_the_drive_from_home()
    {
        // A later visit is no reason to start the day earlier; one before is where the drive starts.
        BusyInterval early = new(At(Tuesday, 9, 15), At(Tuesday, 10, 15), East);

        Assert.Equal(At(Tuesday, 11), Starts(West, [early])[0]); // 10:15 and 45 minutes
        Assert.DoesNotContain(At(Tuesday, 9), Starts(West, [new(At(Tuesday, 16), At(Tuesday, 17), West)]));
    }

    [Fact]
    public void without_a_zone_travel_by_the_flat_buffer_as_before_zones()
    {
        BusyInterval west = new(At(Tuesday, 10), At(Tuesday, 11), West);

        var starts = Starts(null, [west]);

        Assert.Equal(At(Tuesday, 11, 30), starts.First(s => s > At(Tuesday, 10)));
        Assert.DoesNotContain(At(Tuesday, 9), starts); // would end 30 minutes before
    }

    [Theory]
    [InlineData(2027, 3, 28)]  // the clocks go forward at 01:00 UTC
    [InlineData(2027, 10, 31)] // the clocks go back at 01:00 UTC
    public void count_the_drive_from_home_and_between_visits_in_real_time_on_the_days_the_clocks_change(int year, int month, int day)
    {
        var date = new DateOnly(year, month, day);
        var sundays = AvailabilityRules.Defaults with { WeeklyHours = [new WorkingPeriod(DayOfWeek.Sunday, new(9, 0), new(19, 0))] };
        BusyInterval west = new(At(date, 13), At(date, 14), West);

        var starts = Starts(East, [west], date, sundays);

        Assert.Equal(At(date, 9, 15), starts[0]);
        Assert.Equal(At(date, 15), starts.First(s => s > At(date, 13))); // 60 minutes from west to east
        Assert.Equal(At(date, 11, 15), starts.Last(s => s < At(date, 13)));
    }

    [Fact]
    public void the_check_of_one_time_says_the_same_as_the_free_times()
    {
        var rules = new VisitTimeRules(Rules(), London);
        BusyInterval west = new(At(Tuesday, 10), At(Tuesday, 11), West);

        Assert.Contains(new RuleBreach(BookingRule.Clash, 0), rules.Check(At(Tuesday, 11, 45), 60, [west], [], LongBefore, zone: East));
        Assert.Empty(rules.Check(At(Tuesday, 12), 60, [west], [], LongBefore, zone: East));
        Assert.Empty(rules.Check(At(Tuesday, 11, 15), 60, [west], [], LongBefore, zone: West));
        Assert.Equal([new RuleBreach(BookingRule.TravelFromHome)], rules.Check(At(Tuesday, 9), 60, [], [], LongBefore, zone: East));
        Assert.Empty(rules.Check(At(Tuesday, 9), 60, [], [], LongBefore));
    }
}
