using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Calendar;

namespace PaulMassage.UnitTests.Features.Calendar;

public sealed class OnMyWayRules
{
    private static readonly DateTime Start = new(2027, 3, 3, 14, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("2027-03-03T13:37:00Z", 20, "2027-03-03T14:00:00Z")]
    [InlineData("2027-03-03T13:38:00Z", 20, "2027-03-03T14:00:00Z")]
    [InlineData("2027-03-03T13:41:00Z", 10, "2027-03-03T13:55:00Z")]
    [InlineData("2027-03-03T13:40:30Z", 10, "2027-03-03T13:55:00Z")]
    public void round_the_arrival_up_to_five_minutes(string now, int minutes, string arrival) =>
        Assert.Equal(DateTime.Parse(arrival, null, System.Globalization.DateTimeStyles.AdjustToUniversal), OnMyWay.ArrivalAfter(DateTime.Parse(now, null, System.Globalization.DateTimeStyles.AdjustToUniversal), minutes));

    [Theory]
    [InlineData(AppointmentStatus.Confirmed, -12 * 60, true)] // 12 hours before
    [InlineData(AppointmentStatus.Confirmed, -12 * 60 - 1, false)]
    [InlineData(AppointmentStatus.Confirmed, 30, true)] // running late, the visit has started
    [InlineData(AppointmentStatus.Confirmed, 60, false)] // it has ended
    [InlineData(AppointmentStatus.Requested, -30, false)]
    [InlineData(AppointmentStatus.AlternativeProposed, -30, false)]
    [InlineData(AppointmentStatus.Cancelled, -30, false)]
    [InlineData(AppointmentStatus.Completed, -30, false)]
    public void are_for_a_confirmed_visit_of_the_next_hours(AppointmentStatus status, int minutesFromStart, bool allowed) =>
        Assert.Equal(allowed, VisitPermissions.TherapistMayAnnounceArrival(status, Start, Start.AddHours(1), Start.AddMinutes(minutesFromStart)));
}
