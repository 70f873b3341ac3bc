using Ical.Net;
using PaulMassage.Web.Features.Notifications;

namespace PaulMassage.UnitTests.Features.Notifications;

public sealed class TheVisitInvitation
{
    private static readonly PracticeFacts Practice = new("Paul Massage", "Paul", "07700 900123", "hello@paulmassage.example", "https://paulmassage.example");

    private static readonly VisitFacts Visit = new(
        "PM-ABC234", "Ann Client", "ann@example.com", "07700 900456", "Myofascial release", 90, 85m,
        new DateTimeOffset(2027, 3, 29, 10, 0, 0, TimeSpan.FromHours(1)), "SE1 7PB", "https://paulmassage.example/bookings/Tok3n");

    private static readonly DateTime Stamp = new(2027, 3, 1, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void the_invitation_reads_back_as_the_visit_in_london_time()
    {
        var calendar = Ical.Net.Calendar.Load(VisitInvitation.Create(Practice, Visit, "Europe/London", VisitInvitation.Request, Stamp))!;

        Assert.Equal("REQUEST", calendar.Method);
        var timeZone = Assert.Single(calendar.TimeZones);
        Assert.Equal("Europe/London", timeZone.TzId);
        var visit = Assert.Single(calendar.Events);
        Assert.Equal("PM-ABC234@paulmassage.example", visit.Uid);
        Assert.Equal("Europe/London", visit.Start!.TzId);
        Assert.Equal(new DateTime(2027, 3, 29, 10, 0, 0), visit.Start.Value);
        Assert.Equal(new DateTime(2027, 3, 29, 9, 0, 0, DateTimeKind.Utc), visit.Start.AsUtc);
        Assert.Equal(new DateTime(2027, 3, 29, 10, 30, 0, DateTimeKind.Utc), visit.End!.AsUtc);
        Assert.Equal("SE1 7PB", visit.Location);
        Assert.Equal("Myofascial release (90 min) with Paul", visit.Summary);
        Assert.Contains("https://paulmassage.example/bookings/Tok3n", visit.Description, StringComparison.Ordinal);
        Assert.Equal("mailto:hello@paulmassage.example", visit.Organizer!.Value!.ToString());
        Assert.Equal("mailto:ann@example.com", Assert.Single(visit.Attendees).Value!.ToString());
    }

    [Fact]
    public void a_cancellation_keeps_the_uid_and_raises_the_sequence()
    {
        var first = Ical.Net.Calendar.Load(VisitInvitation.Create(Practice, Visit, "Europe/London", VisitInvitation.Request, Stamp))!.Events.Single();
        var cancel = Ical.Net.Calendar.Load(VisitInvitation.Create(Practice, Visit, "Europe/London", VisitInvitation.Cancel, Stamp.AddDays(2)))!;

        Assert.Equal("CANCEL", cancel.Method);
        var cancelled = cancel.Events.Single();
        Assert.Equal(first.Uid, cancelled.Uid);
        Assert.Equal("CANCELLED", cancelled.Status);
        Assert.True(cancelled.Sequence > first.Sequence);
    }
}
