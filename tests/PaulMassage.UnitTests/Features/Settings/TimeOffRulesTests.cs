using PaulMassage.Web.Features.Settings;

namespace PaulMassage.UnitTests.Features.Settings;

public sealed class TheTimeOffRules
{
    [Fact]
    public void a_single_day_without_times_runs_from_midnight_to_the_next_midnight()
    {
        var (timeOff, errors) = TimeOffRules.Validate(new TimeOffInput("2027-03-03", null, null, null, "  Training  "));

        Assert.Empty(errors);
        Assert.NotNull(timeOff);
        Assert.Equal(new DateOnly(2027, 3, 3), timeOff.FromDate);
        Assert.Equal(TimeOnly.MinValue, timeOff.FromTime);
        Assert.Equal(new DateOnly(2027, 3, 4), timeOff.EndDay);
        Assert.Equal(TimeOnly.MinValue, timeOff.EndTime);
        Assert.Equal("Training", timeOff.Reason);
    }

    [Fact]
    public void a_part_day_ends_at_its_time_on_its_day()
    {
        var (timeOff, errors) = TimeOffRules.Validate(new TimeOffInput("03/03/2027", "13:00", "", "16:30", null));

        Assert.Empty(errors);
        Assert.Equal(new DateOnly(2027, 3, 3), timeOff!.EndDay);
        Assert.Equal(new TimeOnly(16, 30), timeOff.EndTime);
        Assert.Equal(new TimeOnly(13, 0), timeOff.FromTime);
    }

    [Fact]
    public void several_whole_days_end_after_the_last_one()
    {
        var (timeOff, _) = TimeOffRules.Validate(new TimeOffInput("2027-08-02", null, "2027-08-13", null, null));
        Assert.Equal(new DateOnly(2027, 8, 14), timeOff!.EndDay);
    }

    [Theory]
    [InlineData("2027-03-03", "15:00", "2027-03-03", "11:00", "ToTime")]
    [InlineData("2027-03-05", null, "2027-03-03", null, "ToTime")]
    [InlineData("", null, null, null, "FromDate")]
    [InlineData("31/02/2027", null, null, null, "FromDate")]
    [InlineData("2027-03-03", "25:00", null, null, "FromTime")]
    [InlineData("2027-01-01", null, "2028-06-01", null, "ToDate")]
    public void impossible_time_off_is_refused_on_the_right_field(string from, string? fromTime, string? to, string? toTime, string field)
    {
        var (timeOff, errors) = TimeOffRules.Validate(new TimeOffInput(from, fromTime, to, toTime, null));
        Assert.Null(timeOff);
        Assert.Contains(errors, e => e.Field == field);
    }

    [Fact]
    public void a_long_note_is_refused()
    {
        var (_, errors) = TimeOffRules.Validate(new TimeOffInput("2027-03-03", null, null, null, new string('x', 201)));
        Assert.Contains(errors, e => e.Field == "Reason");
    }
}
