using PaulMassage.Web.Features.Scheduling;

namespace PaulMassage.UnitTests.Features.Scheduling;

/// <summary>The one availability rule set, as a single time is judged by it (the slot finder's tests are <see cref="TheAvailabilityCalculator"/>).</summary>
public sealed class TheVisitTimeRules
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>Monday 1 March 2027, 09:00 UK time (GMT).</summary>
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static readonly VisitTimeRules Rules = new(AvailabilityRules.Defaults, London);

    private static DateTime Utc(int day, int hour, int minute = 0) => new(2027, 3, day, hour, minute, 0, DateTimeKind.Utc);

    private static BookingRule[] Broken(DateTime start, BusyInterval[]? visits = null, BusyInterval[]? timeOff = null, bool onGrid = true, VisitTimeRules? rules = null) =>
        [.. (rules ?? Rules).Check(start, 60, visits ?? [], timeOff ?? [], Now, onGrid).Select(b => b.Rule)];

    [Fact]
    public void a_free_time_breaks_no_rule() => Assert.Empty(Broken(Utc(3, 10)));

    [Fact]
    public void a_time_inside_the_notice_window_is_too_soon() => Assert.Equal([BookingRule.TooSoon], Broken(Utc(1, 15)));

    [Fact]
    public void a_time_already_gone_is_in_the_past_and_not_also_too_soon_or_a_clash()
    {
        // Issue 14, bug 4: a past phone-booking time was reported as gone and as short notice (and its footnote spoke of a clash).
        var breaches = Rules.Check(Utc(1, 10), 60, [], [], new DateTimeOffset(Utc(1, 12)), onGrid: false);

        Assert.Equal([new RuleBreach(BookingRule.InThePast)], breaches);
    }

    [Fact]
    public void a_time_beyond_the_horizon_is_too_far_ahead() => Assert.Equal([BookingRule.TooFarAhead], Broken(Utc(1, 10).AddDays(57)));

    [Theory]
    [InlineData(3, 8, 0)] // before opening
    [InlineData(3, 18, 15)] // would end after 19:00
    [InlineData(7, 10, 0)] // Sunday
    [InlineData(3, 10, 10)] // off the quarter-hour grid
    public void a_time_outside_the_working_hours_is_refused_as_such(int day, int hour, int minute) =>
        Assert.Equal([BookingRule.OutsideWorkingHours], Broken(Utc(day, hour, minute)));

    [Fact]
    public void the_therapist_may_pick_a_minute_off_the_grid() => Assert.Empty(Broken(Utc(3, 10, 10), onGrid: false));

    [Fact]
    public void every_rule_broken_is_named_once_time_off_before_other_visits()
    {
        var breaches = Rules.Check(Utc(3, 10), 60, [new(Utc(3, 10), Utc(3, 11)), new(Utc(3, 14), Utc(3, 15))], [new(Utc(3, 9), Utc(3, 12))], Now);

        Assert.Equal([new RuleBreach(BookingRule.TimeOff, 0), new RuleBreach(BookingRule.Clash, 0)], breaches);
    }

    [Theory]
    [InlineData(11, 0)] // overlaps the visit
    [InlineData(12, 15)] // inside the travel time after it
    [InlineData(9, 45)] // its travel time would run into it
    public void another_visit_or_its_travel_time_is_a_clash(int hour, int minute) =>
        Assert.Equal([BookingRule.Clash], Broken(Utc(3, hour, minute), [new(Utc(3, 11), Utc(3, 12))]));

    [Fact]
    public void a_visit_right_after_the_travel_time_is_free() =>
        Assert.Empty(Broken(Utc(3, 12, 30), [new(Utc(3, 11), Utc(3, 12))]));

    [Fact]
    public void in_summer_time_the_working_hours_are_read_in_uk_time()
    {
        // 8 April 2027 is in British Summer Time: 08:00 UTC is 09:00 in London.
        var rules = new VisitTimeRules(AvailabilityRules.Defaults with { BookingHorizonDays = 60 }, London);
        Assert.Empty(Broken(new DateTime(2027, 4, 8, 8, 0, 0, DateTimeKind.Utc), rules: rules));
        Assert.Equal([BookingRule.OutsideWorkingHours], Broken(new DateTime(2027, 4, 8, 7, 45, 0, DateTimeKind.Utc), rules: rules));
    }

    [Fact]
    public void a_point_check_agrees_with_the_slot_finder_on_every_start_of_a_day_the_clocks_change()
    {
        // 28 March 2027: the clocks go forward at 01:00. Open from 00:00 to 03:00 local that Sunday.
        var settings = AvailabilityRules.Defaults with { WeeklyHours = [new(DayOfWeek.Sunday, new(0, 0), new(3, 0))], MinimumNoticeHours = 0 };
        var rules = new VisitTimeRules(settings, London);
        var now = new DateTimeOffset(2027, 3, 20, 0, 0, 0, TimeSpan.Zero);
        var offered = new AvailabilityCalculator(settings, London).FreeSlots(new DateOnly(2027, 3, 28), 1, 60, [], [], now).Select(s => s.StartUtc).ToHashSet();

        for (var start = new DateTime(2027, 3, 27, 22, 0, 0, DateTimeKind.Utc); start < new DateTime(2027, 3, 28, 4, 0, 0, DateTimeKind.Utc); start = start.AddMinutes(15))
        {
            Assert.Equal(offered.Contains(start), rules.Check(start, 60, [], [], now).Count == 0);
        }
    }

    [Fact]
    public void every_rule_has_words_a_client_can_act_on()
    {
        foreach (var rule in Enum.GetValues<BookingRule>())
        {
            Assert.False(string.IsNullOrWhiteSpace(Rules.Describe(rule)));
        }

        Assert.Equal("That time is too soon: visits need at least 24 hours' notice.", Rules.Describe(BookingRule.TooSoon));
        Assert.Equal("That time has already passed.", Rules.Describe(BookingRule.InThePast));
    }

    [Fact]
    public void checks_a_time_against_its_whole_local_day()
    {
        // 10:00 BST on 1 July is 09:00 UTC; the local day runs from 23:00 UTC the night before.
        var start = new DateTime(2027, 7, 1, 9, 0, 0, DateTimeKind.Utc);

        Assert.Equal((new DateTime(2027, 6, 30, 23, 0, 0, DateTimeKind.Utc), new DateTime(2027, 7, 1, 23, 0, 0, DateTimeKind.Utc)), Rules.CheckedWindow(start, 60));
    }

    [Fact]
    public void checks_a_time_running_past_midnight_to_its_end()
    {
        var start = Utc(3, 23, 30);

        Assert.Equal((Utc(3, 0), Utc(4, 0, 30)), Rules.CheckedWindow(start, 60));
    }
}
