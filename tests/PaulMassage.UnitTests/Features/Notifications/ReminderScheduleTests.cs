using PaulMassage.Web.Features.Notifications;

namespace PaulMassage.UnitTests.Features.Notifications;

public sealed class TheReminderSchedule
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly TimeOnly Nine = new(9, 0);

    private static DateTime Utc(int month, int day, int hour, int minute = 0) => new(2027, month, day, hour, minute, 0, DateTimeKind.Utc);

    [Fact]
    public void in_winter_the_reminder_is_due_at_nine_gmt_the_day_before() =>
        Assert.Equal(Utc(3, 9, 9), ReminderSchedule.DueUtc(Utc(3, 10, 15), London, Nine));

    [Fact]
    public void on_the_day_the_clocks_go_forward_nine_oclock_is_eight_utc() =>
        // Visit Monday 29 March 10:00 BST (09:00 UTC); the reminder on Sunday 28 March at 09:00 BST.
        Assert.Equal(Utc(3, 28, 8), ReminderSchedule.DueUtc(Utc(3, 29, 9), London, Nine));

    [Fact]
    public void on_the_day_the_clocks_go_back_nine_oclock_is_nine_utc() =>
        // Visit Monday 1 November 10:00 GMT; the reminder on Sunday 31 October at 09:00 GMT.
        Assert.Equal(Utc(10, 31, 9), ReminderSchedule.DueUtc(Utc(11, 1, 10), London, Nine));

    [Fact]
    public void a_reminder_time_the_clocks_skip_moves_to_the_first_real_minute() =>
        // 01:30 on 28 March 2027 does not exist in London; 02:00 BST (01:00 UTC) is the first time after it.
        Assert.Equal(Utc(3, 28, 1), ReminderSchedule.DueUtc(Utc(3, 29, 9), London, new TimeOnly(1, 30)));

    [Fact]
    public void the_reminder_of_an_early_visit_is_due_by_the_local_day_not_the_utc_day() =>
        // Visit Tuesday 1 June 00:30 BST is Monday 31 May 23:30 UTC: the day before is Monday 31 May local.
        Assert.Equal(Utc(5, 31, 8), ReminderSchedule.DueUtc(Utc(5, 31, 23, 30), London, Nine));

    [Theory]
    [InlineData(3, 9, 8, 59, false)]
    [InlineData(3, 9, 9, 0, true)]
    [InlineData(3, 10, 8, 59, true)]
    [InlineData(3, 10, 9, 0, false)] // less than an hour before the 10:00 visit
    public void it_is_sent_from_the_due_time_until_an_hour_before_the_visit(int month, int day, int hour, int minute, bool due) =>
        Assert.Equal(due, ReminderSchedule.IsDue(Utc(3, 10, 10), Utc(month, day, hour, minute), London, Nine));
}
