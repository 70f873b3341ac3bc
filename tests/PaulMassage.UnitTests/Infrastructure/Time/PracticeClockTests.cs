using Moq;
using PaulMassage.Web.Infrastructure.Time;

namespace PaulMassage.UnitTests.Infrastructure.Time;

public sealed class ThePracticeClock
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private static PracticeClock At(DateTimeOffset now)
    {
        var time = new Mock<TimeProvider>();
        time.Setup(t => t.GetUtcNow()).Returns(now);
        return new PracticeClock(time.Object, London);
    }

    [Fact]
    public void reads_the_current_instant_from_its_time_provider()
    {
        var now = new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);

        var clock = At(now);

        Assert.Equal(now, clock.Now);
        Assert.Equal(now.UtcDateTime, clock.UtcNow);
        Assert.Equal(DateTimeKind.Utc, clock.UtcNow.Kind);
    }

    [Fact]
    public void says_today_is_the_local_date_just_after_midnight_in_summer()
    {
        // 23:30 UTC on 30 June is 00:30 on 1 July in London.
        var clock = At(new DateTimeOffset(2027, 6, 30, 23, 30, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2027, 7, 1), clock.Today);
    }

    [Theory]
    [InlineData("2027-06-30T22:59:00Z", "2027-06-30")] // 23:59 BST
    [InlineData("2027-06-30T23:00:00Z", "2027-07-01")] // midnight BST
    [InlineData("2027-01-31T23:59:00Z", "2027-01-31")] // GMT: UTC's own day
    [InlineData("2027-03-28T00:30:00Z", "2027-03-28")] // the night the clocks go forward
    [InlineData("2027-10-30T23:30:00Z", "2027-10-31")] // 00:30 BST, the night they go back
    public void puts_an_instant_on_its_local_day_with_or_without_a_clock(string instant, string day)
    {
        var utc = DateTime.Parse(instant, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);
        var expected = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(expected, PracticeClock.LocalDay(utc, London));
        Assert.Equal(expected, At(DateTimeOffset.UnixEpoch).LocalDay(utc));
        Assert.Equal(expected, At(new DateTimeOffset(utc, TimeSpan.Zero)).Today);
    }

    [Fact]
    public void shows_an_instant_in_london_time_with_its_offset()
    {
        var clock = At(DateTimeOffset.UnixEpoch);

        Assert.Equal(new DateTimeOffset(2027, 7, 1, 10, 0, 0, TimeSpan.FromHours(1)), clock.ToLocal(new DateTime(2027, 7, 1, 9, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(new DateTimeOffset(2027, 12, 1, 9, 0, 0, TimeSpan.Zero), clock.ToLocal(new DateTime(2027, 12, 1, 9, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(TimeSpan.Zero, clock.ToLocal(new DateTime(2027, 12, 1, 9, 0, 0, DateTimeKind.Unspecified)).Offset);
    }

    [Fact]
    public void turns_a_local_time_into_utc_either_side_of_the_clocks_changing()
    {
        var clock = At(DateTimeOffset.UnixEpoch);

        Assert.Equal(new DateTime(2027, 3, 27, 9, 0, 0, DateTimeKind.Utc), clock.ToUtc(new DateOnly(2027, 3, 27), new TimeOnly(9, 0)));
        Assert.Equal(new DateTime(2027, 3, 29, 8, 0, 0, DateTimeKind.Utc), clock.ToUtc(new DateOnly(2027, 3, 29), new TimeOnly(9, 0)));
        Assert.Equal(new DateTime(2027, 11, 1, 9, 0, 0, DateTimeKind.Utc), clock.ToUtc(new DateOnly(2027, 11, 1), new TimeOnly(9, 0)));
    }

    [Fact]
    public void moves_a_skipped_local_time_to_the_moment_the_clocks_go_forward()
    {
        var clock = At(DateTimeOffset.UnixEpoch);

        Assert.Equal(new DateTime(2027, 3, 28, 1, 0, 0, DateTimeKind.Utc), clock.ToUtc(new DateOnly(2027, 3, 28), new TimeOnly(1, 30)));
    }

    [Fact]
    public void starts_each_local_day_at_its_own_midnight()
    {
        var clock = At(DateTimeOffset.UnixEpoch);

        Assert.Equal(new DateTime(2027, 3, 28, 0, 0, 0, DateTimeKind.Utc), clock.StartOfDayUtc(new DateOnly(2027, 3, 28)));
        Assert.Equal(new DateTime(2027, 3, 28, 23, 0, 0, DateTimeKind.Utc), clock.StartOfDayUtc(new DateOnly(2027, 3, 29)));
        Assert.Equal(new DateTime(2027, 10, 30, 23, 0, 0, DateTimeKind.Utc), clock.StartOfDayUtc(new DateOnly(2027, 10, 31)));
        Assert.Equal(new DateTime(2027, 11, 1, 0, 0, 0, DateTimeKind.Utc), clock.StartOfDayUtc(new DateOnly(2027, 11, 1)));
    }

    [Theory]
    [InlineData("2027-03-28", "2027-03-28T00:00:00Z")] // the clocks go forward at 01:00 GMT: the day starts in GMT
    [InlineData("2027-03-29", "2027-03-28T23:00:00Z")] // the first day wholly in BST
    [InlineData("2027-10-31", "2027-10-30T23:00:00Z")] // the clocks go back at 02:00 BST: the day starts in BST
    [InlineData("2027-11-01", "2027-11-01T00:00:00Z")] // the first day wholly in GMT
    [InlineData("2027-07-01", "2027-06-30T23:00:00Z")] // summer midnight falls on UTC's day before
    public void starts_a_local_day_at_its_own_midnight_without_a_clock(string day, string instant)
    {
        var localDay = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);
        var expected = DateTime.Parse(instant, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);

        var start = PracticeClock.StartOfDayUtc(localDay, London);

        Assert.Equal(expected, start);
        Assert.Equal(DateTimeKind.Utc, start.Kind);
        Assert.Equal(start, At(DateTimeOffset.UnixEpoch).StartOfDayUtc(localDay));
    }

    [Theory]
    [InlineData("2027-03-28")]
    [InlineData("2027-03-29")]
    [InlineData("2027-10-31")]
    [InlineData("2027-11-01")]
    [InlineData("2027-07-01")]
    public void puts_the_start_of_a_local_day_on_that_day_and_the_tick_before_on_the_day_before(string day)
    {
        var localDay = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);

        var start = PracticeClock.StartOfDayUtc(localDay, London);

        Assert.Equal(localDay, PracticeClock.LocalDay(start, London));
        Assert.Equal(localDay.AddDays(-1), PracticeClock.LocalDay(start.AddTicks(-1), London));
    }

    [Fact]
    public void brings_a_day_typed_into_an_address_within_fifty_years_of_today()
    {
        var clock = At(new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2027, 3, 1), clock.DayWithinReach(null));
        Assert.Equal(new DateOnly(2027, 5, 4), clock.DayWithinReach(new DateOnly(2027, 5, 4)));
        Assert.Equal(new DateOnly(1977, 3, 1), clock.DayWithinReach(DateOnly.MinValue));
        Assert.Equal(new DateOnly(2077, 3, 1), clock.DayWithinReach(DateOnly.MaxValue));
    }
}
