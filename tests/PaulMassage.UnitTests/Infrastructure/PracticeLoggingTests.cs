using PaulMassage.Web.Infrastructure.Logging;

namespace PaulMassage.UnitTests.Infrastructure;

public sealed class PracticeLoggingTests
{
    [Theory]
    [InlineData("/bookings/abcDEF123/cancel", "/bookings/***/cancel")]
    [InlineData("/calendar/abcDEF123_-x.ics", "/calendar/***")]
    [InlineData("/admin/calendar", "/admin/calendar")]
    [InlineData("/admin/calendar/feed", "/admin/calendar/feed")]
    public void secrets_in_paths_are_masked(string path, string logged) =>
        Assert.Equal(logged, PracticeLogging.MaskSecrets(path));
}
