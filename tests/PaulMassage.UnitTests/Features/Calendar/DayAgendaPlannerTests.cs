using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Calendar;

namespace PaulMassage.UnitTests.Features.Calendar;

public sealed class TheDayAgendaPlanner
{
    private static AgendaVisit Visit(int id, int hour, int minute, int minutes = 60)
    {
        var start = new DateTime(2027, 3, 2, hour, minute, 0, DateTimeKind.Utc);
        return new AgendaVisit(id, 1, "PM-" + id, Guid.NewGuid(), "Ann Example", "07700 900 123", "Swedish massage", minutes, start, start.AddMinutes(minutes),
            new DateTimeOffset(start), new DateTimeOffset(start.AddMinutes(minutes)), "1 High St", null, "London", "SE1 7PB", null, AppointmentStatus.Confirmed);
    }

    [Fact]
    public void visits_are_put_in_time_order_with_the_gap_after_each_but_the_last()
    {
        var stops = DayAgendaPlanner.Plan([Visit(3, 15, 0), Visit(1, 9, 0), Visit(2, 10, 30)], Web.Features.Scheduling.TravelTimes.Flat(30), TimeZoneInfo.Utc);

        Assert.Equal([1, 2, 3], stops.Select(s => s.Visit.Id));
        Assert.Equal([30, 210], stops.Take(2).Select(s => s.GapToNext!.Minutes));
        Assert.Null(stops[2].GapToNext);
    }

    [Theory]
    [InlineData(45, 30, false, false, "45 minutes until the next visit.")]
    [InlineData(30, 30, false, false, "30 minutes until the next visit.")]
    [InlineData(15, 30, true, false, "Only 15 minutes until the next visit: less than the 30 minutes you keep for travel.")]
    [InlineData(0, 30, true, false, "The next visit starts as this one ends: less than the 30 minutes you keep for travel.")]
    [InlineData(0, 0, false, false, "The next visit starts as this one ends.")]
    [InlineData(-15, 30, true, true, "Overlaps the next visit by 15 minutes.")]
    [InlineData(60, 30, false, false, "1 hour until the next visit.")]
    [InlineData(150, 30, false, false, "2 h 30 min until the next visit.")]
    [InlineData(120, 30, false, false, "2 hours until the next visit.")]
    public void a_gap_shorter_than_the_travel_time_is_flagged(int minutes, int buffer, bool isShort, bool overlaps, string text)
    {
        var gap = new AgendaGap(minutes, buffer);

        Assert.Equal((isShort, overlaps, text), (gap.IsShort, gap.Overlaps, gap.Describe()));
    }

    [Fact]
    public void the_map_link_and_phone_link_are_plain_links_built_from_the_visit()
    {
        var visit = Visit(1, 9, 0) with { AddressLine2 = "Flat 3", ClientPhone = "+44 7700 900123" };

        Assert.Equal("1 High St, Flat 3, London, SE1 7PB", visit.FullAddress);
        Assert.Equal("https://www.google.com/maps/search/?api=1&query=1%20High%20St%2C%20Flat%203%2C%20London%2C%20SE1%207PB", visit.MapUrl);
        Assert.Equal("tel:+447700900123", visit.PhoneLink);
    }
}
