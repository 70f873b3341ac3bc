using PaulMassage.Web.Features.Settings;

namespace PaulMassage.UnitTests.Features.Settings;

public sealed class TheWeeklyHoursRules
{
    [Fact]
    public void open_days_become_working_periods_and_closed_days_are_left_out()
    {
        var (periods, errors) = WeeklyHoursRules.Validate(
        [
            new(DayOfWeek.Monday, true, "09:00", "17:30"),
            new(DayOfWeek.Tuesday, false, "09:00", "17:00"),
            new(DayOfWeek.Saturday, true, "9:15", "13:45"),
        ]);

        Assert.Empty(errors);
        Assert.Equal(2, periods.Count);
        Assert.Equal(new TimeOnly(17, 30), periods[0].Closes);
        Assert.Equal(DayOfWeek.Saturday, periods[1].Day);
        Assert.Equal(new TimeOnly(9, 15), periods[1].Opens);
    }

    [Fact]
    public void a_finish_before_or_at_the_start_is_refused_for_that_day()
    {
        var (periods, errors) = WeeklyHoursRules.Validate([new(DayOfWeek.Wednesday, true, "18:00", "18:00")]);

        Assert.Empty(periods);
        var error = Assert.Single(errors);
        Assert.Equal("Days[0].Closes", error.Field);
        Assert.Equal("Wednesday: the finishing time must be after the starting time.", error.Message);
    }

    [Theory]
    [InlineData("09:10", "Monday: use quarter hours")]
    [InlineData("nine", "Monday: \"nine\" is not a time.")]
    [InlineData("", "Monday: enter the time you start")]
    public void a_start_that_is_missing_unreadable_or_off_the_grid_is_refused(string opens, string message)
    {
        var (_, errors) = WeeklyHoursRules.Validate([new(DayOfWeek.Monday, true, opens, "17:00")]);

        var error = Assert.Single(errors);
        Assert.Equal("Days[0].Opens", error.Field);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void times_of_a_closed_day_are_not_checked()
    {
        var (periods, errors) = WeeklyHoursRules.Validate([new(DayOfWeek.Sunday, false, "nonsense", "")]);
        Assert.Empty(periods);
        Assert.Empty(errors);
    }

    [Fact]
    public void the_same_day_twice_is_refused()
    {
        var (_, errors) = WeeklyHoursRules.Validate([new(DayOfWeek.Monday, true, "09:00", "12:00"), new(DayOfWeek.Monday, true, "13:00", "17:00")]);
        Assert.Contains(errors, e => e.Field == "Days");
    }
}
