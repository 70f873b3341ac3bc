using PaulMassage.Web.Features.Scheduling;

namespace PaulMassage.UnitTests.Features.Scheduling;

public sealed class TheAvailabilityCalculator
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>A "now" well before the days under test, so neither notice nor horizon gets in the way.</summary>
    private static readonly DateTimeOffset EarlyMarch = new(2027, 2, 20, 12, 0, 0, TimeSpan.Zero);

    private static readonly DateOnly Tuesday = new(2027, 3, 2);

    private static DateTime Utc(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute, 0, DateTimeKind.Utc);

    private static DateTime TuesdayAt(int hour, int minute = 0) => Utc(2027, 3, 2, hour, minute);

    private static IReadOnlyList<FreeSlot> Slots(
        DateOnly day,
        int minutes,
        DateTimeOffset now,
        AvailabilityRules? rules = null,
        IEnumerable<BusyInterval>? visits = null,
        IEnumerable<BusyInterval>? timeOff = null,
        int days = 1) =>
        new AvailabilityCalculator(rules ?? AvailabilityRules.Defaults, London)
            .FreeSlots(day, days, minutes, visits ?? [], timeOff ?? [], now);

    private static AvailabilityRules OpenOnly(DayOfWeek day, TimeOnly opens, TimeOnly closes) =>
        AvailabilityRules.Defaults with { WeeklyHours = [new WorkingPeriod(day, opens, closes)] };

    [Fact]
    public void offers_starts_on_a_quarter_hour_grid_from_opening_until_the_last_visit_that_fits()
    {
        var slots = Slots(Tuesday, 60, EarlyMarch);

        Assert.Equal(TuesdayAt(9), slots[0].StartUtc);
        Assert.Equal(TuesdayAt(18), slots[^1].StartUtc);
        Assert.Equal(37, slots.Count);
        Assert.All(slots, s => Assert.Equal(0, s.StartUtc.Minute % 15));
        Assert.All(slots.Zip(slots.Skip(1)), pair => Assert.Equal(TimeSpan.FromMinutes(15), pair.Second.StartUtc - pair.First.StartUtc));
        Assert.All(slots, s => Assert.Equal(s.StartUtc.AddMinutes(60), s.EndUtc));
    }

    [Theory]
    [InlineData(1, 9, 19)] // Monday
    [InlineData(2, 9, 19)]
    [InlineData(3, 9, 19)]
    [InlineData(4, 9, 19)]
    [InlineData(5, 9, 19)] // Friday
    [InlineData(6, 9, 14)] // Saturday
    public void follows_the_default_working_hours_of_each_weekday(int dayOfMonth, int opens, int closes)
    {
        var day = new DateOnly(2027, 3, dayOfMonth);
        var slots = Slots(day, 60, EarlyMarch);

        Assert.Equal(Utc(2027, 3, dayOfMonth, opens), slots[0].StartUtc);
        Assert.Equal(Utc(2027, 3, dayOfMonth, closes - 1), slots[^1].StartUtc);
        Assert.Equal((closes - opens - 1) * 4 + 1, slots.Count);
    }

    [Fact]
    public void offers_nothing_on_a_sunday()
    {
        Assert.Empty(Slots(new DateOnly(2027, 3, 7), 60, EarlyMarch));
    }

    [Theory]
    [InlineData(60, 17, 45, true)]
    [InlineData(60, 18, 0, true)]
    [InlineData(60, 18, 15, false)]
    [InlineData(90, 17, 30, true)]
    [InlineData(90, 17, 45, false)]
    public void lets_a_visit_end_exactly_at_closing_time_but_not_after(int minutes, int hour, int minute, bool offered)
    {
        var slots = Slots(Tuesday, minutes, EarlyMarch);

        Assert.Equal(offered, slots.Any(s => s.StartUtc == TuesdayAt(hour, minute)));
        Assert.All(slots, s => Assert.True(s.EndUtc <= TuesdayAt(19)));
    }

    [Theory]
    [InlineData(60, 13, 0)]
    [InlineData(90, 12, 30)]
    public void ends_the_saturday_visits_by_two_o_clock(int minutes, int lastHour, int lastMinute)
    {
        var slots = Slots(new DateOnly(2027, 3, 6), minutes, EarlyMarch);

        Assert.Equal(Utc(2027, 3, 6, 9), slots[0].StartUtc);
        Assert.Equal(Utc(2027, 3, 6, lastHour, lastMinute), slots[^1].StartUtc);
    }

    [Theory]
    [InlineData(10, 15, true)]
    [InlineData(10, 30, true)] // ends 11:30, exactly the 30-minute buffer before the 12:00 visit
    [InlineData(10, 45, false)] // ends 11:45, only 15 minutes to travel
    [InlineData(11, 0, false)]
    [InlineData(12, 0, false)]
    [InlineData(13, 0, false)]
    [InlineData(13, 15, false)] // starts 15 minutes after the visit ends
    [InlineData(13, 30, true)] // starts exactly 30 minutes after the visit ends
    [InlineData(13, 45, true)]
    public void keeps_the_travel_buffer_free_before_and_after_an_existing_visit(int hour, int minute, bool offered)
    {
        var visit = new BusyInterval(TuesdayAt(12), TuesdayAt(13));

        var slots = Slots(Tuesday, 60, EarlyMarch, visits: [visit]);

        Assert.Equal(offered, slots.Any(s => s.StartUtc == TuesdayAt(hour, minute)));
    }

    [Fact]
    public void uses_the_travel_buffer_from_the_rules()
    {
        var rules = AvailabilityRules.Defaults with { TravelBufferMinutes = 45 };
        var visit = new BusyInterval(TuesdayAt(12), TuesdayAt(13));

        var starts = Slots(Tuesday, 60, EarlyMarch, rules, visits: [visit]).Select(s => s.StartUtc).ToList();

        Assert.Contains(TuesdayAt(10, 15), starts);
        Assert.DoesNotContain(TuesdayAt(10, 30), starts);
        Assert.DoesNotContain(TuesdayAt(13, 30), starts);
        Assert.Contains(TuesdayAt(13, 45), starts);
    }

    [Fact]
    public void leaves_only_the_gaps_wide_enough_for_a_visit_and_both_buffers()
    {
        // 10:00-11:00 and 13:00-14:30: between them a 60-minute visit fits only at 11:30.
        BusyInterval[] visits = [new(TuesdayAt(13), TuesdayAt(14, 30)), new(TuesdayAt(10), TuesdayAt(11))];

        var starts = Slots(Tuesday, 60, EarlyMarch, visits: visits).Select(s => s.StartUtc).ToList();

        Assert.Equal(
            [TuesdayAt(11, 30), TuesdayAt(15), TuesdayAt(15, 15), TuesdayAt(15, 30), TuesdayAt(15, 45)],
            starts.Where(s => s >= TuesdayAt(9, 30) && s <= TuesdayAt(15, 45)));
        Assert.DoesNotContain(TuesdayAt(9), starts); // 09:00-10:00 leaves no time to reach the 10:00 visit
    }

    [Theory]
    [InlineData(11, 0, true)] // ends as the time off starts
    [InlineData(11, 15, false)]
    [InlineData(13, 45, false)]
    [InlineData(14, 0, true)] // starts as the time off ends
    public void refuses_visits_that_overlap_time_off(int hour, int minute, bool offered)
    {
        var timeOff = new BusyInterval(TuesdayAt(12), TuesdayAt(14));

        var slots = Slots(Tuesday, 60, EarlyMarch, timeOff: [timeOff]);

        Assert.Equal(offered, slots.Any(s => s.StartUtc == TuesdayAt(hour, minute)));
    }

    [Fact]
    public void offers_nothing_on_a_day_off()
    {
        var holiday = new BusyInterval(Utc(2027, 3, 2, 0), Utc(2027, 3, 3, 0));

        Assert.Empty(Slots(Tuesday, 60, EarlyMarch, timeOff: [holiday]));
        Assert.NotEmpty(Slots(Tuesday.AddDays(1), 60, EarlyMarch, timeOff: [holiday]));
    }

    [Fact]
    public void offers_a_start_exactly_at_the_end_of_the_notice_window()
    {
        var now = new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero); // Monday 09:00

        var slots = Slots(new DateOnly(2027, 3, 1), 60, now, days: 2);

        Assert.Equal(TuesdayAt(9), slots[0].StartUtc); // exactly 24 hours ahead
        Assert.DoesNotContain(slots, s => s.StartUtc < now.UtcDateTime.AddHours(24));
    }

    [Fact]
    public void refuses_a_start_a_moment_inside_the_notice_window()
    {
        var now = new DateTimeOffset(2027, 3, 1, 9, 0, 1, TimeSpan.Zero);

        var slots = Slots(Tuesday, 60, now);

        Assert.Equal(TuesdayAt(9, 15), slots[0].StartUtc);
    }

    [Fact]
    public void uses_the_notice_from_the_rules()
    {
        var rules = AvailabilityRules.Defaults with { MinimumNoticeHours = 48 };
        var now = new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);

        var slots = Slots(Tuesday, 60, now, rules, days: 2);

        Assert.Equal(Utc(2027, 3, 3, 9), slots[0].StartUtc);
    }

    [Fact]
    public void offers_a_start_exactly_at_the_booking_horizon_and_nothing_after_it()
    {
        var now = new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);
        var horizonDay = new DateOnly(2027, 4, 26); // 56 days later; British Summer Time by then

        var slots = Slots(horizonDay, 60, now, days: 3);

        // 09:00 UTC on 26 April is 10:00 local: the last start on offer.
        Assert.Equal([Utc(2027, 4, 26, 8), Utc(2027, 4, 26, 8, 15), Utc(2027, 4, 26, 8, 30), Utc(2027, 4, 26, 8, 45), Utc(2027, 4, 26, 9)],
            slots.Select(s => s.StartUtc));
    }

    [Fact]
    public void uses_the_horizon_from_the_rules()
    {
        var rules = AvailabilityRules.Defaults with { BookingHorizonDays = 7 };
        var now = new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);

        var slots = Slots(new DateOnly(2027, 3, 1), 60, now, rules, days: 14);

        Assert.Equal(Utc(2027, 3, 8, 9), slots[^1].StartUtc);
    }

    [Fact]
    public void keeps_sunday_closed_on_the_day_the_clocks_go_forward()
    {
        Assert.Empty(Slots(new DateOnly(2027, 3, 28), 60, new DateTimeOffset(2027, 3, 20, 12, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void starts_at_nine_british_summer_time_on_the_monday_after_the_clocks_go_forward()
    {
        var now = new DateTimeOffset(2027, 3, 20, 12, 0, 0, TimeSpan.Zero);

        var saturday = Slots(new DateOnly(2027, 3, 27), 60, now);
        var monday = Slots(new DateOnly(2027, 3, 29), 60, now);

        Assert.Equal(Utc(2027, 3, 27, 9), saturday[0].StartUtc);
        Assert.Equal(new DateTimeOffset(2027, 3, 27, 9, 0, 0, TimeSpan.Zero), saturday[0].LocalStart);
        Assert.Equal(Utc(2027, 3, 29, 8), monday[0].StartUtc);
        Assert.Equal(new DateTimeOffset(2027, 3, 29, 9, 0, 0, TimeSpan.FromHours(1)), monday[0].LocalStart);
        Assert.Equal(Utc(2027, 3, 29, 17), monday[^1].StartUtc); // 18:00 local, ending at 19:00 local
        Assert.All(monday, s => Assert.Equal(TimeSpan.FromHours(1), s.LocalStart.Offset));
    }

    [Fact]
    public void skips_the_missing_hour_when_open_across_the_clocks_going_forward()
    {
        var rules = OpenOnly(DayOfWeek.Sunday, new(0, 0), new(4, 0));
        var now = new DateTimeOffset(2027, 3, 20, 12, 0, 0, TimeSpan.Zero);

        var slots = Slots(new DateOnly(2027, 3, 28), 60, now, rules);

        // 00:00 GMT to 04:00 BST is three real hours: 60-minute starts from 00:00 to 02:00 UTC.
        Assert.Equal(Enumerable.Range(0, 9).Select(i => Utc(2027, 3, 28, 0).AddMinutes(15 * i)), slots.Select(s => s.StartUtc));
        Assert.DoesNotContain(slots, s => s.LocalStart.Hour == 1);
        Assert.Equal(
            ["00:00+00:00", "00:15+00:00", "00:30+00:00", "00:45+00:00", "02:00+01:00", "02:15+01:00", "02:30+01:00", "02:45+01:00", "03:00+01:00"],
            slots.Select(s => s.LocalStart.ToString("HH:mmzzz", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.All(slots, s => Assert.Equal(s.StartUtc, s.LocalStart.UtcDateTime));
    }

    [Fact]
    public void ends_visits_by_closing_time_in_real_time_when_the_clocks_go_forward()
    {
        // Open 00:00 to 02:00 local: the clocks jump from 01:00 to 02:00, so there is one real hour.
        var rules = OpenOnly(DayOfWeek.Sunday, new(0, 0), new(2, 0));
        var now = new DateTimeOffset(2027, 3, 20, 12, 0, 0, TimeSpan.Zero);

        var slots = Slots(new DateOnly(2027, 3, 28), 60, now, rules);

        Assert.Equal([Utc(2027, 3, 28, 0)], slots.Select(s => s.StartUtc));
    }

    [Fact]
    public void opens_when_the_clocks_reach_an_opening_time_that_does_not_exist()
    {
        var rules = OpenOnly(DayOfWeek.Sunday, new(1, 30), new(4, 0));
        var now = new DateTimeOffset(2027, 3, 20, 12, 0, 0, TimeSpan.Zero);

        var slots = Slots(new DateOnly(2027, 3, 28), 60, now, rules);

        Assert.Equal(Utc(2027, 3, 28, 1), slots[0].StartUtc); // 02:00 BST, the moment 01:30 is skipped
        Assert.Equal(new DateTimeOffset(2027, 3, 28, 2, 0, 0, TimeSpan.FromHours(1)), slots[0].LocalStart);
        Assert.Equal(Utc(2027, 3, 28, 2), slots[^1].StartUtc);
    }

    [Fact]
    public void offers_the_repeated_hour_twice_when_open_across_the_clocks_going_back()
    {
        var rules = OpenOnly(DayOfWeek.Sunday, new(0, 0), new(4, 0));
        var now = new DateTimeOffset(2027, 10, 20, 12, 0, 0, TimeSpan.Zero);

        var slots = Slots(new DateOnly(2027, 10, 31), 60, now, rules);

        // 00:00 BST (23:00 UTC the day before) to 04:00 GMT is five real hours: 17 starts.
        Assert.Equal(Enumerable.Range(0, 17).Select(i => Utc(2027, 10, 30, 23).AddMinutes(15 * i)), slots.Select(s => s.StartUtc));
        Assert.Equal(
            ["01:00+01:00", "01:15+01:00", "01:30+01:00", "01:45+01:00", "01:00+00:00", "01:15+00:00", "01:30+00:00", "01:45+00:00"],
            slots.Where(s => s.LocalStart.Hour == 1).Select(s => s.LocalStart.ToString("HH:mmzzz", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.All(slots, s => Assert.Equal(s.StartUtc, s.LocalStart.UtcDateTime));
    }

    [Fact]
    public void ends_visits_by_closing_time_in_real_time_when_the_clocks_go_back()
    {
        // Open 00:00 to 02:00 local: with the repeated hour that is three real hours.
        var rules = OpenOnly(DayOfWeek.Sunday, new(0, 0), new(2, 0));
        var now = new DateTimeOffset(2027, 10, 20, 12, 0, 0, TimeSpan.Zero);

        var slots = Slots(new DateOnly(2027, 10, 31), 60, now, rules);

        Assert.Equal(Utc(2027, 10, 30, 23), slots[0].StartUtc);
        Assert.Equal(Utc(2027, 10, 31, 1), slots[^1].StartUtc); // 01:00 GMT, ending 02:00 GMT
        Assert.Equal(9, slots.Count);
    }

    [Fact]
    public void opens_at_the_first_of_two_repeated_times_when_the_clocks_go_back()
    {
        var rules = OpenOnly(DayOfWeek.Sunday, new(1, 0), new(3, 0));
        var now = new DateTimeOffset(2027, 10, 20, 12, 0, 0, TimeSpan.Zero);

        var slots = Slots(new DateOnly(2027, 10, 31), 60, now, rules);

        Assert.Equal(new DateTimeOffset(2027, 10, 31, 1, 0, 0, TimeSpan.FromHours(1)), slots[0].LocalStart);
        Assert.Equal(Utc(2027, 10, 31, 0), slots[0].StartUtc);
        Assert.Equal(Utc(2027, 10, 31, 2), slots[^1].StartUtc); // 02:00 GMT, ending 03:00 GMT
    }

    [Fact]
    public void starts_at_nine_greenwich_mean_time_after_the_clocks_go_back()
    {
        var now = new DateTimeOffset(2027, 10, 20, 12, 0, 0, TimeSpan.Zero);

        var saturday = Slots(new DateOnly(2027, 10, 30), 60, now);
        var sunday = Slots(new DateOnly(2027, 10, 31), 60, now);
        var monday = Slots(new DateOnly(2027, 11, 1), 60, now);

        Assert.Equal(Utc(2027, 10, 30, 8), saturday[0].StartUtc);
        Assert.Equal(new DateTimeOffset(2027, 10, 30, 9, 0, 0, TimeSpan.FromHours(1)), saturday[0].LocalStart);
        Assert.Empty(sunday);
        Assert.Equal(Utc(2027, 11, 1, 9), monday[0].StartUtc);
        Assert.Equal(new DateTimeOffset(2027, 11, 1, 9, 0, 0, TimeSpan.Zero), monday[0].LocalStart);
        Assert.All(monday, s => Assert.Equal(TimeSpan.Zero, s.LocalStart.Offset));
    }

    [Fact]
    public void offers_both_parts_of_a_split_day_and_nothing_between_them()
    {
        var rules = AvailabilityRules.Defaults with
        {
            WeeklyHours = [new(DayOfWeek.Tuesday, new(17, 0), new(20, 0)), new(DayOfWeek.Tuesday, new(9, 0), new(12, 0))],
        };

        var starts = Slots(Tuesday, 60, EarlyMarch, rules).Select(s => s.StartUtc).ToList();

        Assert.Equal(TuesdayAt(9), starts[0]);
        Assert.Equal(TuesdayAt(19), starts[^1]);
        Assert.DoesNotContain(starts, s => s > TuesdayAt(11) && s < TuesdayAt(17));
        Assert.Equal(starts.Order(), starts);
    }

    [Fact]
    public void offers_each_start_once_when_working_periods_overlap()
    {
        var rules = AvailabilityRules.Defaults with
        {
            WeeklyHours = [new(DayOfWeek.Tuesday, new(9, 0), new(13, 0)), new(DayOfWeek.Tuesday, new(11, 0), new(15, 0))],
        };
        var visit = new BusyInterval(TuesdayAt(12, 30), TuesdayAt(13));

        var starts = Slots(Tuesday, 60, EarlyMarch, rules, visits: [visit]).Select(s => s.StartUtc).ToList();

        Assert.Equal(starts.Distinct().Order(), starts);
        Assert.DoesNotContain(starts, s => s > TuesdayAt(11) && s < TuesdayAt(13, 30));
        Assert.Contains(TuesdayAt(11), starts);
        Assert.Contains(TuesdayAt(13, 30), starts);
        Assert.Equal(TuesdayAt(14), starts[^1]);
    }

    [Fact]
    public void spans_several_days_in_order()
    {
        var slots = Slots(new DateOnly(2027, 3, 1), 60, EarlyMarch, days: 7);

        Assert.Equal(slots.Select(s => s.StartUtc).Order(), slots.Select(s => s.StartUtc));
        Assert.Equal(6, slots.Select(s => s.LocalStart.Date).Distinct().Count()); // Monday to Saturday
    }

    [Fact]
    public void agrees_with_a_plain_check_of_every_rule_on_random_calendars()
    {
        var random = new Random(20270301);
        var now = new DateTimeOffset(2027, 3, 1, 10, 20, 0, TimeSpan.Zero);
        for (var round = 0; round < 200; round++)
        {
            var minutes = random.Next(2) == 0 ? 60 : 90;
            var visits = Enumerable.Range(0, random.Next(0, 12)).Select(_ =>
            {
                var start = Utc(2027, 3, 1, 8).AddMinutes(15 * random.Next(0, 4 * 24 * 4));
                return new BusyInterval(start, start.AddMinutes(random.Next(2) == 0 ? 60 : 90));
            }).ToList();
            var timeOff = Enumerable.Range(0, random.Next(0, 3)).Select(_ =>
            {
                var start = Utc(2027, 3, 1, 0).AddMinutes(5 * random.Next(0, 12 * 24 * 4));
                return new BusyInterval(start, start.AddMinutes(5 * random.Next(1, 12 * 30)));
            }).ToList();

            var slots = Slots(new DateOnly(2027, 3, 1), minutes, now, visits: visits, timeOff: timeOff, days: 4);

            var expected = new List<DateTime>();
            for (var day = new DateOnly(2027, 3, 1); day < new DateOnly(2027, 3, 5); day = day.AddDays(1))
            {
                var period = AvailabilityRules.Defaults.WeeklyHours.Single(p => p.Day == day.DayOfWeek);
                for (var start = day.ToDateTime(period.Opens, DateTimeKind.Utc); start.AddMinutes(minutes) <= day.ToDateTime(period.Closes, DateTimeKind.Utc); start = start.AddMinutes(15))
                {
                    var end = start.AddMinutes(minutes);
                    var free = start >= now.UtcDateTime.AddHours(24)
                        && visits.All(v => !(start < v.EndUtc.AddMinutes(30) && v.StartUtc < end.AddMinutes(30)))
                        && timeOff.All(t => !(start < t.EndUtc && t.StartUtc < end));
                    if (free)
                    {
                        expected.Add(start);
                    }
                }
            }

            Assert.Equal(expected, slots.Select(s => s.StartUtc));
        }
    }

    [Fact]
    public void refuses_a_visit_length_of_zero()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Slots(Tuesday, 0, EarlyMarch));
    }
}
