using PaulMassage.Web.Features.Scheduling;

namespace PaulMassage.UnitTests.Scheduling;

public sealed class SlotClashExplainerTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly AvailabilityRules Rules = AvailabilityRules.Defaults;

    private static DateTime Utc(int day, int hour, int minute = 0) => new(2027, 3, day, hour, minute, 0, DateTimeKind.Utc);

    private static SlotClash? Explain(DateTime start, BusyInterval[]? visits = null, BusyInterval[]? timeOff = null) =>
        SlotClashExplainer.Explain(Rules, London, start, 60, visits ?? [], timeOff ?? [], Now);

    [Fact]
    public void a_free_time_has_no_clash() => Assert.Null(Explain(Utc(3, 10)));

    [Fact]
    public void a_time_inside_the_notice_window_is_too_soon() => Assert.Equal(SlotClash.TooSoon, Explain(Utc(2, 8, 45)));

    [Fact]
    public void a_time_beyond_the_horizon_is_too_far_ahead() => Assert.Equal(SlotClash.TooFarAhead, Explain(Utc(1, 10).AddDays(57)));

    [Theory]
    [InlineData(3, 8, 0)] // before opening
    [InlineData(3, 18, 15)] // would end after 19:00
    [InlineData(7, 10, 0)] // Sunday
    [InlineData(3, 10, 10)] // off the quarter-hour grid
    public void a_time_outside_the_working_hours_is_refused_as_such(int day, int hour, int minute) =>
        Assert.Equal(SlotClash.OutsideWorkingHours, Explain(Utc(day, hour, minute)));

    [Fact]
    public void time_off_is_named_before_other_visits() =>
        Assert.Equal(SlotClash.TimeOff, Explain(Utc(3, 10), [new(Utc(3, 10), Utc(3, 11))], [new(Utc(3, 9), Utc(3, 12))]));

    [Theory]
    [InlineData(11, 0)] // overlaps the visit
    [InlineData(12, 15)] // inside the travel time after it
    [InlineData(9, 45)] // its travel time would run into it
    public void another_visit_or_its_travel_time_is_a_clash(int hour, int minute) =>
        Assert.Equal(SlotClash.OverlapsVisit, Explain(Utc(3, hour, minute), [new(Utc(3, 11), Utc(3, 12))]));

    [Fact]
    public void a_visit_right_after_the_travel_time_is_free() =>
        Assert.Null(Explain(Utc(3, 12, 30), [new(Utc(3, 11), Utc(3, 12))]));

    [Fact]
    public void in_summer_time_the_working_hours_are_read_in_uk_time()
    {
        // 8 April 2027 is in British Summer Time: 08:00 UTC is 09:00 in London.
        var rules = Rules with { BookingHorizonDays = 60 };
        Assert.Null(SlotClashExplainer.Explain(rules, London, new DateTime(2027, 4, 8, 8, 0, 0, DateTimeKind.Utc), 60, [], [], Now));
        Assert.Equal(SlotClash.OutsideWorkingHours, SlotClashExplainer.Explain(rules, London, new DateTime(2027, 4, 8, 7, 45, 0, DateTimeKind.Utc), 60, [], [], Now));
    }

    [Fact]
    public void every_clash_has_words_a_client_can_act_on()
    {
        foreach (var clash in Enum.GetValues<SlotClash>())
        {
            Assert.False(string.IsNullOrWhiteSpace(SlotClashExplainer.Describe(clash, Rules)));
        }

        Assert.Equal("That time is too soon: visits need at least 24 hours' notice.", SlotClashExplainer.Describe(SlotClash.TooSoon, Rules));
    }
}
