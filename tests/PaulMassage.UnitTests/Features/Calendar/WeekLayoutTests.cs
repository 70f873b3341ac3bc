using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Calendar;
using PaulMassage.Web.Features.Scheduling;

namespace PaulMassage.UnitTests.Features.Calendar;

public sealed class TheWeekLayout
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly DateOnly Monday = new(2027, 3, 1);

    private static DateTime Utc(int month, int day, int hour, int minute = 0) => new(2027, month, day, hour, minute, 0, DateTimeKind.Utc);

    private static CalendarVisit Visit(DateTime start, int minutes = 60, AppointmentStatus status = AppointmentStatus.Confirmed, int id = 1) =>
        new(id, "PM-TEST01", "Ann Example", "Swedish massage", "SE1 7PB", start, start.AddMinutes(minutes), status);

    [Theory]
    [InlineData("2027-03-01", "2027-03-01")]
    [InlineData("2027-03-03", "2027-03-01")]
    [InlineData("2027-03-07", "2027-03-01")]
    [InlineData("2027-03-08", "2027-03-08")]
    public void a_week_starts_on_monday(string any, string monday) =>
        Assert.Equal(DateOnly.Parse(monday, System.Globalization.CultureInfo.InvariantCulture), WeekLayout.MondayOf(DateOnly.Parse(any, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void the_hours_shown_cover_the_working_hours_and_rows_are_quarter_hours_from_the_first()
    {
        var week = WeekLayout.Build(Monday, Monday, AvailabilityRules.Defaults, [Visit(Utc(3, 2, 10))], [], London);

        Assert.Equal((9, 19), (week.FirstHour, week.LastHour));
        Assert.Equal(7, week.Days.Count);
        Assert.Equal(new DateOnly(2027, 2, 22), week.PreviousWeek);
        Assert.Equal(new DateOnly(2027, 3, 8), week.NextWeek);
        var tuesday = week.Days[1];
        var visit = Assert.Single(tuesday.Entries, e => e.Kind == WeekEntryKind.Visit);
        Assert.Equal((5, 4, "10:00", "11:00"), (visit.Row, visit.Span, visit.From, visit.To));
        var travel = Assert.Single(tuesday.Entries, e => e.Kind == WeekEntryKind.Travel);
        Assert.Equal((9, 2, "11:00", "11:30"), (travel.Row, travel.Span, travel.From, travel.To));
        var hours = Assert.Single(tuesday.WorkingHours);
        Assert.Equal((1, 40), (hours.Row, hours.Span));
        Assert.Empty(week.Days[6].WorkingHours); // Sunday
        Assert.Equal(10, week.Hours.Count());
        Assert.Equal(new HourMark(10, 5), week.Hours.ElementAt(1));
    }

    [Fact]
    public void an_early_visit_widens_the_hours_shown_for_the_whole_week()
    {
        var week = WeekLayout.Build(Monday, Monday, AvailabilityRules.Defaults, [Visit(Utc(3, 3, 7, 15))], [], London);

        Assert.Equal(7, week.FirstHour);
        var visit = Assert.Single(week.Days[2].Entries, e => e.Kind == WeekEntryKind.Visit);
        Assert.Equal((2, 4), (visit.Row, visit.Span));
        Assert.Equal(9, week.Days[0].WorkingHours[0].Row); // Monday 09:00 is two hours down
    }

    [Fact]
    public void today_is_marked_only_when_in_the_week()
    {
        var thisWeek = WeekLayout.Build(Monday, new DateOnly(2027, 3, 3), AvailabilityRules.Defaults, [], [], London);
        var nextWeek = WeekLayout.Build(Monday.AddDays(7), new DateOnly(2027, 3, 3), AvailabilityRules.Defaults, [], [], London);

        Assert.Equal([new DateOnly(2027, 3, 3)], thisWeek.Days.Where(d => d.IsToday).Select(d => d.Date));
        Assert.True(thisWeek.ContainsToday);
        Assert.False(nextWeek.ContainsToday);
    }

    [Fact]
    public void time_off_across_days_is_cut_per_day_and_does_not_stretch_the_hours_shown()
    {
        TimeOffPeriod[] holiday = [new(Utc(3, 3, 14), Utc(3, 5, 0), "Holiday")];

        var week = WeekLayout.Build(Monday, Monday, AvailabilityRules.Defaults, [], holiday, London);

        Assert.Equal((9, 19), (week.FirstHour, week.LastHour));
        var wednesday = Assert.Single(week.Days[2].Entries);
        Assert.Equal((WeekEntryKind.TimeOff, "14:00", "24:00", 21, 20, "Holiday"), (wednesday.Kind, wednesday.From, wednesday.To, wednesday.Row, wednesday.Span, wednesday.Reason));
        var thursday = Assert.Single(week.Days[3].Entries);
        Assert.True(thursday.IsAllDay);
        Assert.Equal((1, 40), (thursday.Row, thursday.Span));
        Assert.Empty(week.Days[4].Entries);
    }

    [Fact]
    public void pending_visits_and_proposed_times_are_told_apart_from_confirmed_ones()
    {
        CalendarVisit[] visits =
        [
            Visit(Utc(3, 1, 10), status: AppointmentStatus.Requested, id: 1),
            Visit(Utc(3, 2, 10), status: AppointmentStatus.AlternativeProposed, id: 2),
            Visit(Utc(3, 4, 10), status: AppointmentStatus.AlternativeProposed, id: 2) with { IsProposedTime = true },
            Visit(Utc(3, 5, 10), status: AppointmentStatus.Confirmed, id: 3),
        ];

        var week = WeekLayout.Build(Monday, Monday, AvailabilityRules.Defaults, visits, [], London);
        var drawn = week.Days.SelectMany(d => d.Entries).Where(e => e.Kind == WeekEntryKind.Visit).Select(e => e.Visit!).ToList();

        Assert.Equal([true, true, true, false], drawn.Select(v => v.IsPending));
        Assert.Equal([false, false, true, false], drawn.Select(v => v.IsProposedTime));
    }

    [Fact]
    public void a_week_with_the_clocks_going_forward_keeps_wall_clock_times()
    {
        // Sunday 28 March 2027 the UK moves to BST; the Monday after, 10:00 local is 09:00 UTC.
        var week = WeekLayout.Build(new DateOnly(2027, 3, 29), new DateOnly(2027, 3, 29), AvailabilityRules.Defaults, [Visit(Utc(3, 29, 9))], [], London);

        var visit = Assert.Single(week.Days[0].Entries, e => e.Kind == WeekEntryKind.Visit);
        Assert.Equal(("10:00", "11:00", 5), (visit.From, visit.To, visit.Row));
    }

    [Fact]
    public void a_visit_the_evening_before_reaches_into_the_next_day_only_with_what_crosses_midnight()
    {
        var rules = AvailabilityRules.Defaults with { TravelBufferMinutes = 45 };

        var week = WeekLayout.Build(Monday, Monday, rules, [Visit(Utc(3, 1, 22, 30), 90)], [], London);

        Assert.Equal(["22:30-24:00"], week.Days[0].Entries.Where(e => e.Kind == WeekEntryKind.Visit).Select(e => $"{e.From}-{e.To}"));
        Assert.Equal(["00:00-00:45"], week.Days[1].Entries.Select(e => $"{e.From}-{e.To}"));
        Assert.Equal((0, 24), (week.FirstHour, week.LastHour));
    }
}
