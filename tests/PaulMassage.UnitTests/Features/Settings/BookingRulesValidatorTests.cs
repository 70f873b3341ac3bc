using PaulMassage.Web.Features.Settings;

namespace PaulMassage.UnitTests.Features.Settings;

public sealed class TheBookingRulesValidator
{
    [Theory]
    [InlineData(0, 0, 1)]
    [InlineData(30, 24, 56)]
    [InlineData(120, 336, 365)]
    public void sensible_values_pass(int buffer, int notice, int horizon) =>
        Assert.Empty(BookingRulesValidator.Validate(buffer, notice, horizon));

    [Theory]
    [InlineData(20)]
    [InlineData(-15)]
    [InlineData(135)]
    public void a_travel_buffer_off_the_quarter_hour_or_out_of_range_is_refused(int buffer)
    {
        var error = Assert.Single(BookingRulesValidator.Validate(buffer, 24, 56));
        Assert.Equal("TravelBufferMinutes", error.Field);
        Assert.Contains("0 to 120 minutes in steps of 15", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void missing_values_each_get_their_own_message()
    {
        var errors = BookingRulesValidator.Validate(null, null, null);
        Assert.Equal(["TravelBufferMinutes", "MinimumNoticeHours", "BookingHorizonDays"], errors.Select(e => e.Field));
    }

    [Fact]
    public void a_horizon_that_does_not_reach_past_the_notice_is_refused()
    {
        var error = Assert.Single(BookingRulesValidator.Validate(30, 48, 2));
        Assert.Equal("BookingHorizonDays", error.Field);
        Assert.Contains("must reach further than the notice", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1, 56)]
    [InlineData(337, 56)]
    [InlineData(24, 0)]
    [InlineData(24, 366)]
    public void notice_and_horizon_out_of_range_are_refused(int notice, int horizon) =>
        Assert.NotEmpty(BookingRulesValidator.Validate(30, notice, horizon));
}
