using PaulMassage.Web.Features.Admin;
using PaulMassage.Web.Features.Scheduling;

namespace PaulMassage.UnitTests.Features.Admin;

public sealed class TheSeriesPlanner
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>Monday 1 March 2027, 09:00 UK time (GMT).</summary>
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The default hours, and Sundays 09:00 to 14:00 so that the clock-change Sundays can be booked.</summary>
    private static readonly AvailabilityRules WithSundays = AvailabilityRules.Defaults with
    {
        WeeklyHours = [.. AvailabilityRules.Defaults.WeeklyHours, new(DayOfWeek.Sunday, new(9, 0), new(14, 0))],
    };

    private static readonly SeriesPlanner Planner = new(AvailabilityRules.Defaults, London);

    private static DateTime Utc(int month, int day, int hour, int minute = 0) => new(2027, month, day, hour, minute, 0, DateTimeKind.Utc);

    private static TimeOnly LocalTime(DateTime utc) => TimeOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, London));

    [Fact]
    public void repeats_every_so_many_weeks_at_the_same_local_time()
    {
        var starts = SeriesPlanner.Starts(new DateOnly(2027, 3, 2), new TimeOnly(10, 0), 2, 3, null, London);

        Assert.Equal([Utc(3, 2, 10), Utc(3, 16, 10), Utc(3, 30, 9)], starts); // 30 March is British Summer Time
    }

    [Fact]
    public void repeats_until_a_date_when_given_one_and_never_beyond_the_most_a_series_books()
    {
        Assert.Equal(4, SeriesPlanner.Starts(new DateOnly(2027, 3, 2), new TimeOnly(10, 0), 1, null, new DateOnly(2027, 3, 23), London).Count);
        Assert.Equal(2, SeriesPlanner.Starts(new DateOnly(2027, 3, 2), new TimeOnly(10, 0), 1, 2, new DateOnly(2027, 3, 23), London).Count);
        Assert.Equal(SeriesPlanner.MaxVisits, SeriesPlanner.Starts(new DateOnly(2027, 3, 2), new TimeOnly(10, 0), 1, null, new DateOnly(2029, 1, 1), London).Count);
    }

    [Theory]
    [InlineData(3, 21, 10, 3, 28, 9)]   // the clocks go forward on the last Sunday of March: 10:00 BST is 09:00 UTC
    [InlineData(10, 24, 9, 10, 31, 10)] // and back on the last Sunday of October: 10:00 GMT is 10:00 UTC
    public void keeps_the_local_time_of_day_on_the_sundays_the_clocks_change(int month, int day, int utcHourBefore, int changeMonth, int changeDay, int utcHourOnTheDay)
    {
        var starts = SeriesPlanner.Starts(new DateOnly(2027, month, day), new TimeOnly(10, 0), 1, 2, null, London);

        Assert.Equal([Utc(month, day, utcHourBefore), Utc(changeMonth, changeDay, utcHourOnTheDay)], starts);
        Assert.All(starts, s => Assert.Equal(new TimeOnly(10, 0), LocalTime(s)));
    }

    [Theory]
    [InlineData(3, 28, 9, 3, 1)]
    [InlineData(10, 31, 10, 10, 4)]
    public void books_a_clock_change_sunday_by_its_local_working_hours(int month, int day, int utcHour, int nowMonth, int nowDay)
    {
        var planner = new SeriesPlanner(WithSundays, London);
        var now = new DateTimeOffset(2027, nowMonth, nowDay, 9, 0, 0, TimeSpan.Zero);

        var visit = Assert.Single(planner.Plan([Utc(month, day, utcHour)], 60, [], [], now));

        Assert.Empty(visit.Problems);
        Assert.Null(visit.AlternativeUtc);
    }

    [Fact]
    public void shows_a_clash_on_its_own_visit_and_offers_the_nearest_free_start_that_day()
    {
        var ann = new HeldVisit(7, "PM-ANN777", "Ann Other", Utc(3, 9, 10), Utc(3, 9, 11));
        var starts = SeriesPlanner.Starts(new DateOnly(2027, 3, 2), new TimeOnly(10, 0), 1, 3, null, London);

        var plan = Planner.Plan(starts, 60, [ann], [], Now);

        Assert.Empty(plan[0].Problems);
        Assert.Empty(plan[2].Problems);
        Assert.True(plan[1].Blocked);
        Assert.Contains("Ann Other's visit (PM-ANN777)", Assert.Single(plan[1].Problems).Message, StringComparison.Ordinal);
        Assert.Equal(Utc(3, 9, 11, 30), plan[1].AlternativeUtc); // 09:00 would end inside the travel time before Ann
        Assert.Equal([1, 2, 3], plan.Select(v => v.Number));
    }

    [Fact]
    public void offers_the_next_free_day_at_the_nearest_time_when_the_day_has_no_free_start()
    {
        var off = new TimeOffPeriod(Utc(3, 9, 0), Utc(3, 10, 0), "Training day");

        var visit = Assert.Single(Planner.Plan([Utc(3, 9, 10)], 60, [], [off], Now));

        Assert.Equal(BookingRule.TimeOff, Assert.Single(visit.Problems).Kind);
        Assert.False(visit.Blocked); // time off may be overridden
        Assert.Equal(Utc(3, 10, 10), visit.AlternativeUtc);
    }

    [Fact]
    public void lets_its_own_earlier_visits_hold_time_for_the_later_ones()
    {
        var visits = Planner.Plan([Utc(3, 9, 10), Utc(3, 9, 10, 30)], 60, [], [], Now);

        Assert.Empty(visits[0].Problems);
        Assert.True(visits[1].Blocked);
        Assert.Contains("visit 1 of this series", visits[1].Problems[0].Message, StringComparison.Ordinal);
        Assert.Equal(Utc(3, 9, 11, 30), visits[1].AlternativeUtc);
    }

    [Fact]
    public void offers_an_alternative_for_a_time_outside_working_hours_within_them()
    {
        var visit = Assert.Single(Planner.Plan([Utc(3, 9, 19)], 60, [], [], Now));

        Assert.Equal(BookingRule.OutsideWorkingHours, Assert.Single(visit.Problems).Kind);
        Assert.Equal(Utc(3, 9, 18), visit.AlternativeUtc);
    }
}
