using PaulMassage.Web.Infrastructure.Logging;

namespace PaulMassage.UnitTests.Infrastructure.Logging;

public sealed class TheCalendarFeedPath
{
    [Theory]
    [InlineData("/calendar/abcDEF123_-x.ics", "/calendar/***")]
    [InlineData("/admin/calendar", "/admin/calendar")]
    [InlineData("/admin/calendar/feed", "/admin/calendar/feed")]
    public void never_shows_the_feed_token_in_the_request_log(string path, string logged) =>
        Assert.Equal(logged, PracticeLogging.MaskSecrets(path));
}
