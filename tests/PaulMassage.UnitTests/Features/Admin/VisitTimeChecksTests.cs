using PaulMassage.Web.Features.Admin;
using PaulMassage.Web.Features.Scheduling;

namespace PaulMassage.UnitTests.Features.Admin;

public sealed class TheVisitTimeChecks
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>Monday 1 March 2027, 09:00 UK time (GMT).</summary>
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static readonly VisitTimeChecks Checks = new(AvailabilityRules.Defaults, London);

    private static DateTime Utc(int month, int day, int hour, int minute = 0) => new(2027, month, day, hour, minute, 0, DateTimeKind.Utc);

    private static HeldVisit Ann => new(7, "PM-ANN777", "Ann Other", Utc(3, 2, 10), Utc(3, 2, 11));

    [Fact]
    public void a_free_time_in_working_hours_with_notice_has_no_problems() =>
        Assert.Empty(Checks.Check(Utc(3, 2, 12), 60, [Ann], [], Now));

    [Theory]
    [InlineData(9, 30)]   // overlaps the visit
    [InlineData(11, 15)]  // inside the 30 minutes' travel after it
    [InlineData(8, 45)]   // would end inside the travel time before it (and before opening)
    public void a_time_overlapping_a_visit_or_its_travel_clashes_and_names_it(int hour, int minute)
    {
        var problems = Checks.Check(Utc(3, 2, hour, minute), 60, [Ann], [], Now);

        var clash = Assert.Single(problems, p => p.Kind == BookingRule.Clash);
        Assert.False(clash.CanOverride);
        Assert.Equal(7, clash.ClashesWith!.Id);
        Assert.Equal("It clashes with Ann Other's visit (PM-ANN777) on Tuesday 2 March, 10:00 to 11:00. You need 30 minutes to travel between them.", clash.Message);
    }

    [Theory]
    [InlineData(11, 30)] // exactly the travel time after
    [InlineData(8, 30)]  // ends at 09:30, exactly the travel time before Ann at 10:00
    public void a_time_exactly_the_travel_time_away_does_not_clash(int hour, int minute) =>
        Assert.DoesNotContain(Checks.Check(Utc(3, 2, hour, minute), 60, [Ann], [], Now), p => p.Kind == BookingRule.Clash);

    [Fact]
    public void a_proposed_time_is_named_as_such()
    {
        var proposal = Ann with { IsProposedTime = true };

        var clash = Assert.Single(Checks.Check(Utc(3, 2, 10), 60, [proposal], [], Now));

        Assert.StartsWith("It clashes with the time you proposed to Ann Other (PM-ANN777)", clash.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void outside_working_hours_names_the_days_hours_and_may_be_overridden()
    {
        var problem = Assert.Single(Checks.Check(Utc(3, 2, 18, 30), 60, [], [], Now));

        Assert.Equal(BookingRule.OutsideWorkingHours, problem.Kind);
        Assert.True(problem.CanOverride);
        Assert.Equal("It is outside your working hours on Tuesdays (09:00 to 19:00).", problem.Message);
    }

    [Fact]
    public void the_checks_leave_the_quarter_hour_start_to_the_form() =>
        Assert.Empty(Checks.Check(Utc(3, 2, 12, 10), 60, [Ann], [], Now));

    [Fact]
    public void a_day_off_says_so() =>
        Assert.Equal("You do not work on Sundays.", Assert.Single(Checks.Check(Utc(3, 7, 10), 60, [], [], Now)).Message);

    [Fact]
    public void a_visit_that_runs_past_midnight_is_outside_working_hours_even_on_a_long_day()
    {
        var rules = AvailabilityRules.Defaults with { WeeklyHours = [new(DayOfWeek.Tuesday, new(9, 0), new(23, 59))] };

        var problems = new VisitTimeChecks(rules, London).Check(Utc(3, 2, 23, 30), 60, [], [], Now);

        Assert.Contains(problems, p => p.Kind == BookingRule.OutsideWorkingHours);
    }

    [Fact]
    public void time_off_short_notice_and_the_horizon_are_reported_and_may_be_overridden()
    {
        TimeOffPeriod[] off = [new(Utc(3, 1, 13), Utc(3, 1, 17), "Dentist")];

        var soon = Checks.Check(Utc(3, 1, 14), 60, [], off, Now);
        var far = Checks.Check(Utc(5, 3, 10), 60, [], [], Now);

        Assert.Equal([BookingRule.TooSoon, BookingRule.TimeOff], soon.Select(p => p.Kind));
        Assert.Equal("It is less than 24 hours from now, your usual notice.", soon[0].Message);
        Assert.Equal("It falls in your time off (Dentist): Mon 1 Mar 2027, 13:00 to 17:00.", soon[1].Message);
        Assert.Equal(BookingRule.TooFarAhead, Assert.Single(far).Kind);
        Assert.All(soon.Concat(far), p => Assert.True(p.CanOverride));
    }

    [Fact]
    public void a_time_already_gone_can_never_be_booked()
    {
        var problem = Assert.Single(Checks.Check(Utc(3, 1, 8, 45), 15, [], [], Now), p => p.Kind == BookingRule.InThePast);

        Assert.False(problem.CanOverride);
        Assert.Equal("That time has already passed.", problem.Message);
    }

    [Fact]
    public void working_hours_are_read_in_uk_summer_time()
    {
        // 2 June 2027 is in BST: 08:00 UTC is 09:00 in London, the opening time.
        Assert.Empty(Checks.Check(Utc(6, 2, 8), 60, [], [], new DateTimeOffset(2027, 5, 1, 9, 0, 0, TimeSpan.Zero)));
        Assert.Contains(Checks.Check(Utc(6, 2, 7, 45), 60, [], [], new DateTimeOffset(2027, 5, 1, 9, 0, 0, TimeSpan.Zero)),
            p => p.Kind == BookingRule.OutsideWorkingHours);
    }

    [Fact]
    public void a_calendar_read_once_keeps_its_visits_in_order_of_start_with_their_zones_as_more_are_added()
    {
        var byZone = new VisitTimeChecks(AvailabilityRules.Defaults with { Zones = TravelTimes.Parse("E1", "East: E14\nWest: SW7", "30 60\n60 30", 30) }, London);
        var calendar = byZone.Calendar([Ann with { Postcode = "SW7 2AZ" }], []);

        calendar.Add(new HeldVisit(0, "visit 1 of this series", "This series", Utc(3, 2, 12), Utc(3, 2, 13), Postcode: "E14 5AB"));
        calendar.Add(new HeldVisit(0, "visit 2 of this series", "This series", Utc(3, 2, 8), Utc(3, 2, 9)));
        calendar.Add(new HeldVisit(0, "visit 3 of this series", "This series", Utc(3, 2, 10), Utc(3, 2, 11)));

        Assert.Equal(["visit 2 of this series", "PM-ANN777", "visit 3 of this series", "visit 1 of this series"], calendar.Visits.Select(v => v.Reference));
        Assert.Equal([null, 1, null, 0], calendar.Intervals.Select(i => i.Zone));
        Assert.Equal(calendar.Visits.Select(v => v.StartUtc), calendar.Intervals.Select(i => i.StartUtc));
    }

    [Fact]
    public void a_time_judged_against_a_calendar_read_once_is_judged_as_against_the_visits_themselves()
    {
        var calendar = Checks.Calendar([Ann], []);

        foreach (var hour in new[] { 9, 11, 12 })
        {
            var start = Utc(3, 2, hour, 15);
            Assert.Equal(
                Checks.Check(start, 60, [Ann], [], Now).Select(p => p.Message),
                Checks.Check(start, 60, calendar, Now, zone: null).Select(p => p.Message));
            Assert.Equal(Checks.Check(start, 60, [Ann], [], Now).Count == 0, Checks.Fits(start, 60, calendar, Now, zone: null));
        }
    }
}
