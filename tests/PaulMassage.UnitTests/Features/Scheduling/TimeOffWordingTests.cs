using PaulMassage.Web.Features.Scheduling;

namespace PaulMassage.UnitTests.Features.Scheduling;

public sealed class TimeOffReads
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private static DateTimeOffset Local(int year, int month, int day, int hour = 0, int minute = 0)
    {
        var wall = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(wall, London.GetUtcOffset(wall));
    }

    [Fact]
    public void one_whole_day_as_that_day()
    {
        Assert.Equal("Thu 10 Dec 2026, all day", TimeOffWording.Describe(Local(2026, 12, 10), Local(2026, 12, 11)));
    }

    [Fact]
    public void several_whole_days_from_the_first_to_the_last()
    {
        Assert.Equal("Thu 24 Dec 2026 to Sat 2 Jan 2027 (10 days)", TimeOffWording.Describe(Local(2026, 12, 24), Local(2027, 1, 3)));
    }

    [Theory]
    [InlineData(3, 28, "Sun 28 Mar 2027, all day")] // the clocks go forward: a 23-hour day
    [InlineData(10, 31, "Sun 31 Oct 2027, all day")] // the clocks go back: a 25-hour day
    public void a_day_when_the_clocks_change_as_one_day(int month, int day, string expected)
    {
        var start = Local(2027, month, day);
        var next = DateOnly.FromDateTime(start.DateTime).AddDays(1);

        Assert.Equal(expected, TimeOffWording.Describe(start, Local(next.Year, next.Month, next.Day)));
    }

    [Fact]
    public void part_of_a_day_with_its_hours()
    {
        Assert.Equal("Thu 10 Dec 2026, 13:00 to 17:30", TimeOffWording.Describe(Local(2026, 12, 10, 13), Local(2026, 12, 10, 17, 30)));
    }

    [Fact]
    public void hours_across_days_with_both_days()
    {
        Assert.Equal("Thu 10 Dec 2026 13:00 to Fri 11 Dec 2026 12:00", TimeOffWording.Describe(Local(2026, 12, 10, 13), Local(2026, 12, 11, 12)));
    }
}
