using PaulMassage.UnitTests.Features.Booking;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Courses;
using PaulMassage.Web.Features.Plans;
using PaulMassage.Web.Features.Screening;

namespace PaulMassage.UnitTests.Features.Plans;

public sealed class TheCheckInSchedule
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly TimeOnly Nine = new(9, 0);

    private static DateTime Utc(int month, int day, int hour) => new(2027, month, day, hour, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void sends_at_nine_london_time_the_set_number_of_days_before_the_visits_day() =>
        Assert.Equal(Utc(3, 2, 9), CheckInRules.DueUtc(Utc(3, 4, 10), London, 2, Nine));

    [Fact]
    public void follows_the_clocks_going_forward_nine_in_summer_time_is_eight_utc()
    {
        // Clocks go forward on Sunday 28 March 2027: a visit on Tuesday 30 March, two days before, is Sunday at 09:00 BST.
        Assert.Equal(Utc(3, 28, 8), CheckInRules.DueUtc(Utc(3, 30, 9), London, 2, Nine));
        // Three days before: Saturday 27 March, still GMT.
        Assert.Equal(Utc(3, 27, 9), CheckInRules.DueUtc(Utc(3, 30, 9), London, 3, Nine));
    }

    [Fact]
    public void follows_the_clocks_going_back()
    {
        // Clocks go back on Sunday 31 October 2027: a visit on Tuesday 2 November, two days before, is Sunday at 09:00 GMT.
        Assert.Equal(Utc(10, 31, 9), CheckInRules.DueUtc(Utc(11, 2, 10), London, 2, Nine));
        // Four days before: Friday 29 October, still BST.
        Assert.Equal(Utc(10, 29, 8), CheckInRules.DueUtc(Utc(11, 2, 10), London, 4, Nine));
    }

    [Fact]
    public void takes_the_visits_london_day_not_its_utc_day()
    {
        // 00:30 BST on Thursday 1 April is still Wednesday 31 March in UTC: two days before Thursday is Tuesday.
        Assert.Equal(Utc(3, 30, 8), CheckInRules.DueUtc(new DateTime(2027, 3, 31, 23, 30, 0, DateTimeKind.Utc), London, 2, Nine));
    }

    [Theory]
    [InlineData(2, "2027-03-02T08:59:00Z", false)]
    [InlineData(2, "2027-03-02T09:00:00Z", true)]
    [InlineData(2, "2027-03-04T09:59:00Z", true)]
    [InlineData(2, "2027-03-04T10:00:00Z", false)]
    [InlineData(0, "2027-03-03T12:00:00Z", false)]
    public void is_due_from_then_until_the_visit_starts_and_never_when_turned_off(int days, string now, bool due) =>
        Assert.Equal(due, CheckInRules.IsDue(Utc(3, 4, 10), DateTime.Parse(now, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal), London, days, Nine));

    [Theory]
    [InlineData(6, 4, true)]
    [InlineData(5, 4, false)]
    [InlineData(2, 6, false)]
    [InlineData(9, null, false)]
    public void calls_a_score_clearly_worse_two_points_or_more_above_the_last(int score, int? last, bool worse) =>
        Assert.Equal(worse, CheckInRules.IsClearlyWorse(score, last));
}

public sealed class ACheckIn
{
    private static readonly DateTime Now = Appointments.At;

    private static (CheckIn CheckIn, Appointment Visit) Sent()
    {
        var visit = Appointments.In(AppointmentStatus.Confirmed);
        return (CheckIn.Send(visit, "hash", Now), visit);
    }

    [Fact]
    public void is_answered_once_and_closes()
    {
        var (checkIn, visit) = Sent();
        Assert.True(checkIn.IsOpen(visit, Now));

        checkIn.Answer(visit, 5, "  Easier mornings ", RedFlag.None, alert: false, Now.AddHours(1));

        Assert.Equal((5, "Easier mornings", false), (checkIn.PainScore, checkIn.Changes, checkIn.IsOpen(visit, Now.AddHours(2))));
        Assert.Throws<InvalidOperationException>(() => checkIn.Answer(visit, 3, null, RedFlag.None, false, Now.AddHours(2)));
    }

    [Fact]
    public void expires_when_the_visit_ends()
    {
        var (checkIn, visit) = Sent();

        Assert.True(checkIn.IsOpen(visit, Appointments.Start.AddMinutes(59)));
        Assert.False(checkIn.IsOpen(visit, visit.EndUtc));
    }

    [Fact]
    public void follows_its_visit_when_the_visit_moves_later()
    {
        var (checkIn, visit) = Sent();

        visit.MoveTo(Appointments.Start.AddDays(2), Appointments.Buffer, "therapist", Now, "Moved");

        Assert.True(checkIn.IsOpen(visit, Appointments.Start.AddDays(1)));
        Assert.False(checkIn.IsOpen(visit, visit.EndUtc));
    }

    [Fact]
    public void closes_when_its_visit_is_cancelled()
    {
        var (checkIn, visit) = Sent();

        visit.ChangeStatus(AppointmentStatus.Cancelled, "client", Now);

        Assert.False(checkIn.IsOpen(visit, Now));
        Assert.Throws<InvalidOperationException>(() => checkIn.Answer(visit, 3, null, RedFlag.None, false, Now));
    }
}

public sealed class TheCheckInCourseRule
{
    private static readonly DateTime Now = new(2027, 3, 1, 9, 0, 0, DateTimeKind.Utc);

    private static CourseVisit Visit(int id, int month, int day, AppointmentStatus status) =>
        new(id, $"PM-{id}", new DateTime(2027, month, day, 10, 0, 0, DateTimeKind.Utc), new DateOnly(2027, month, day), status, null);

    private static CourseProgressResult Course(int sessions, DateOnly start, params CourseVisit[] visits) =>
        CourseProgress.Calculate(sessions, 7, start, null, visits, Now, DateOnly.FromDateTime(Now));

    [Fact]
    public void counts_a_booked_visit_within_the_sessions_planned_as_part_of_the_course()
    {
        var course = Course(6, new DateOnly(2027, 2, 15), Visit(1, 2, 15, AppointmentStatus.Completed), Visit(2, 2, 22, AppointmentStatus.Completed), Visit(3, 3, 4, AppointmentStatus.Confirmed));

        Assert.True(CheckInRules.IsCourseSession(course, 3));
    }

    [Fact]
    public void leaves_out_a_visit_after_a_course_that_ended_long_ago()
    {
        // Two sessions, both done in 2026: a visit booked a year later is not one of them.
        var course = Course(2, new DateOnly(2026, 1, 5), Visit(1, 1, 5, AppointmentStatus.Completed) with { StartUtc = new DateTime(2026, 1, 5, 10, 0, 0, DateTimeKind.Utc), LocalDate = new DateOnly(2026, 1, 5) },
            Visit(2, 1, 12, AppointmentStatus.Completed) with { StartUtc = new DateTime(2026, 1, 12, 10, 0, 0, DateTimeKind.Utc), LocalDate = new DateOnly(2026, 1, 12) },
            Visit(3, 3, 4, AppointmentStatus.Confirmed));

        Assert.True(course.IsFinished);
        Assert.False(CheckInRules.IsCourseSession(course, 3));
    }

    [Fact]
    public void leaves_out_the_booked_visits_beyond_the_last_planned_session()
    {
        var course = Course(2, new DateOnly(2027, 2, 15), Visit(1, 2, 15, AppointmentStatus.Completed), Visit(2, 3, 4, AppointmentStatus.Confirmed), Visit(3, 3, 11, AppointmentStatus.Confirmed));

        Assert.True(CheckInRules.IsCourseSession(course, 2));
        Assert.False(CheckInRules.IsCourseSession(course, 3));
    }

    [Fact]
    public void leaves_out_a_visit_before_the_course_started()
    {
        var course = Course(6, new DateOnly(2027, 3, 8), Visit(1, 3, 4, AppointmentStatus.Confirmed));

        Assert.False(CheckInRules.IsCourseSession(course, 1));
    }
}
