using PaulMassage.Web.Features.Calendar;

namespace PaulMassage.UnitTests.Features.Calendar;

public sealed class TheVisitFeedWriter
{
    private static readonly Uri Site = new("https://paulmassage.example/");

    [Fact]
    public void the_feed_parses_back_with_one_event_per_visit_in_utc()
    {
        var start = new DateTime(2027, 6, 2, 9, 0, 0, DateTimeKind.Utc);
        FeedVisit[] visits =
        [
            new(12, "PM-ABCDEF", "Ann", "SE1 7PB", "Swedish massage", start, start.AddMinutes(90)),
            new(13, "PM-GHJKLM", "Bob", "E14 9AB", "Myofascial release", start.AddDays(1), start.AddDays(1).AddMinutes(60)),
        ];

        var ics = VisitFeedWriter.Write(visits, new DateTime(2027, 6, 1, 8, 0, 0, DateTimeKind.Utc), Site);
        var calendar = Ical.Net.Calendar.Load(ics)!;

        Assert.Equal(2, calendar.Events.Count);
        var first = calendar.Events.OrderBy(e => e.Start!.AsUtc).First();
        Assert.Equal("Ann \u00b7 SE1 7PB \u00b7 Swedish massage", first.Summary);
        Assert.Equal(start, first.Start!.AsUtc);
        Assert.True(first.Start.IsUtc);
        Assert.Equal(start.AddMinutes(90), first.End!.AsUtc);
        Assert.Equal("PM-ABCDEF@paulmassage.example", first.Uid);
        Assert.Equal(new Uri("https://paulmassage.example/admin/requests/12"), first.Url);
        Assert.Contains("X-WR-CALNAME:Paul Massage visits", ics, StringComparison.Ordinal);
        Assert.StartsWith("BEGIN:VCALENDAR", ics, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Ann Marie Smith", "Ann")]
    [InlineData("  Bob   Jones ", "Bob")]
    [InlineData("Cher", "Cher")]
    [InlineData("", "Client")]
    public void only_the_first_name_is_used(string name, string first) =>
        Assert.Equal(first, VisitFeedWriter.FirstName(name));

    [Fact]
    public void an_empty_feed_is_still_a_valid_calendar()
    {
        var calendar = Ical.Net.Calendar.Load(VisitFeedWriter.Write([], new DateTime(2027, 6, 1, 8, 0, 0, DateTimeKind.Utc), Site))!;

        Assert.Empty(calendar.Events);
    }
}
