using Microsoft.Extensions.Time.Testing;
using PaulMassage.Web.Features.Admin;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Privacy;
using PaulMassage.Web.Infrastructure.Time;

namespace PaulMassage.UnitTests.Features.Privacy;

public sealed class TheErasureDeadline
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private static PracticeClock At(DateTime utc) => new(new FakeTimeProvider(new DateTimeOffset(utc, TimeSpan.Zero)), London);

    [Fact]
    public void is_the_same_day_next_month()
    {
        var deadline = ErasureDeadline.For(new DateTime(2027, 3, 4, 9, 0, 0, DateTimeKind.Utc), At(new DateTime(2027, 3, 4, 9, 0, 0, DateTimeKind.Utc)));

        Assert.Equal(new DateOnly(2027, 4, 4), deadline.DueDate);
        Assert.Equal(31, deadline.DaysLeft);
        Assert.False(deadline.IsNear);
        Assert.Equal("Due by Sun 4 Apr 2027 (31 days left)", deadline.Describe());
    }

    [Fact]
    public void is_the_last_day_of_a_shorter_month()
    {
        var deadline = ErasureDeadline.For(new DateTime(2027, 1, 31, 12, 0, 0, DateTimeKind.Utc), At(new DateTime(2027, 1, 31, 12, 0, 0, DateTimeKind.Utc)));

        Assert.Equal(new DateOnly(2027, 2, 28), deadline.DueDate);
    }

    [Fact]
    public void counts_the_day_asked_in_the_practices_time_zone()
    {
        // 23:30 UTC on 31 May is 00:30 on 1 June in London (summer time).
        var deadline = ErasureDeadline.For(new DateTime(2027, 5, 31, 23, 30, 0, DateTimeKind.Utc), At(new DateTime(2027, 6, 1, 8, 0, 0, DateTimeKind.Utc)));

        Assert.Equal(new DateOnly(2027, 7, 1), deadline.DueDate);
    }

    [Theory]
    [InlineData(7, true, false, "Due by Sun 4 Apr 2027 (7 days left)")]
    [InlineData(8, false, false, "Due by Sun 4 Apr 2027 (8 days left)")]
    [InlineData(1, true, false, "Due by Sun 4 Apr 2027 (1 day left)")]
    [InlineData(0, true, false, "Due today")]
    [InlineData(-2, true, true, "Overdue: was due Sun 4 Apr 2027")]
    public void warns_a_week_before(int daysLeft, bool near, bool overdue, string text)
    {
        var today = new DateTime(2027, 4, 4, 10, 0, 0, DateTimeKind.Utc).AddDays(-daysLeft);

        var deadline = ErasureDeadline.For(new DateTime(2027, 3, 4, 9, 0, 0, DateTimeKind.Utc), At(today));

        Assert.Equal(daysLeft, deadline.DaysLeft);
        Assert.Equal(near, deadline.IsNear);
        Assert.Equal(overdue, deadline.IsOverdue);
        Assert.Equal(text, deadline.Describe());
    }
}

public sealed class AClientChangeOnTheBackOfficeList
{
    [Theory]
    [InlineData(AppointmentStatus.AlternativeProposed, AppointmentStatus.Confirmed, "accepted the time you proposed")]
    [InlineData(AppointmentStatus.AlternativeProposed, AppointmentStatus.Cancelled, "turned down the time you proposed")]
    [InlineData(AppointmentStatus.Confirmed, AppointmentStatus.Cancelled, "cancelled")]
    [InlineData(AppointmentStatus.Requested, AppointmentStatus.Cancelled, "cancelled")]
    [InlineData(AppointmentStatus.Confirmed, AppointmentStatus.Confirmed, "moved the visit")]
    [InlineData(AppointmentStatus.Requested, AppointmentStatus.Requested, "moved the visit")]
    public void says_what_the_client_did(AppointmentStatus from, AppointmentStatus to, string verb) =>
        Assert.Equal(verb, ClientChangesQuery.Verb(from, to));
}
