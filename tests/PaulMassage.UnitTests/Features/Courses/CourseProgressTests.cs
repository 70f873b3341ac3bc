using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Courses;

namespace PaulMassage.UnitTests.Features.Courses;

public sealed class TheCourseProgress
{
    private static readonly DateTime Now = new(2027, 3, 1, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = new(2027, 3, 1);
    private static readonly DateOnly Start = new(2027, 2, 1);

    private static CourseVisit Visit(int month, int day, AppointmentStatus status, int? pain = null) =>
        new(day, $"PM-{month}{day:00}", new DateTime(2027, month, day, 10, 0, 0, DateTimeKind.Utc), new DateOnly(2027, month, day), status, pain);

    [Fact]
    public void completed_visits_since_the_start_are_done_and_booked_future_ones_are_to_come()
    {
        var progress = CourseProgress.Calculate(6, 7, Start, null,
        [
            Visit(1, 20, AppointmentStatus.Completed, 9), // before the course
            Visit(2, 8, AppointmentStatus.Completed, 7),
            Visit(2, 15, AppointmentStatus.Cancelled),
            Visit(2, 22, AppointmentStatus.Completed, 5),
            Visit(2, 26, AppointmentStatus.NoShow),
            Visit(3, 8, AppointmentStatus.Confirmed),
            Visit(3, 15, AppointmentStatus.Requested),
        ], Now, Today);

        Assert.Equal(2, progress.Done);
        Assert.Equal(2, progress.Booked);
        Assert.Equal(2, progress.ToBook);
        Assert.Equal(4, progress.Remaining);
        Assert.False(progress.IsFinished);
        Assert.Equal(new DateOnly(2027, 3, 22), progress.SuggestedNextDate);
        Assert.Equal([new PainReading(new DateOnly(2027, 2, 8), 7), new PainReading(new DateOnly(2027, 2, 22), 5)], progress.PainReadings);
    }

    [Fact]
    public void with_nothing_done_the_first_session_is_suggested_for_the_start_date_or_today()
    {
        Assert.Equal(new DateOnly(2027, 3, 10), CourseProgress.Calculate(4, 7, new DateOnly(2027, 3, 10), null, [], Now, Today).SuggestedNextDate);
        Assert.Equal(Today, CourseProgress.Calculate(4, 7, Start, null, [], Now, Today).SuggestedNextDate);
    }

    [Fact]
    public void a_suggestion_that_is_already_past_becomes_today()
    {
        var progress = CourseProgress.Calculate(4, 7, Start, null, [Visit(2, 3, AppointmentStatus.Completed, 6)], Now, Today);
        Assert.Equal(Today, progress.SuggestedNextDate);
    }

    [Fact]
    public void when_every_session_is_done_or_booked_nothing_is_suggested()
    {
        var progress = CourseProgress.Calculate(2, 7, Start, null, [Visit(2, 8, AppointmentStatus.Completed), Visit(3, 8, AppointmentStatus.Confirmed)], Now, Today);
        Assert.Equal(0, progress.ToBook);
        Assert.Null(progress.SuggestedNextDate);
        Assert.False(progress.IsFinished);

        var finished = CourseProgress.Calculate(1, 7, Start, null, [Visit(2, 8, AppointmentStatus.Completed)], Now, Today);
        Assert.True(finished.IsFinished);
        Assert.Equal(0, finished.Remaining);
    }

    [Fact]
    public void visits_from_the_next_course_on_belong_to_the_next_course()
    {
        var progress = CourseProgress.Calculate(6, 7, Start, new DateOnly(2027, 2, 20),
            [Visit(2, 8, AppointmentStatus.Completed, 7), Visit(2, 22, AppointmentStatus.Completed, 3)], Now, Today);

        Assert.Equal(1, progress.Done);
        Assert.Single(progress.PainReadings);
    }

    [Fact]
    public void a_past_visit_still_waiting_for_an_answer_is_neither_done_nor_to_come()
    {
        var progress = CourseProgress.Calculate(3, 7, Start, null, [Visit(2, 25, AppointmentStatus.Requested)], Now, Today);
        Assert.Equal(0, progress.Done);
        Assert.Equal(0, progress.Booked);
        Assert.Equal(3, progress.ToBook);
    }
}
