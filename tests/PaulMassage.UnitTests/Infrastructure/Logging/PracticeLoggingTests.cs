using PaulMassage.Web.Infrastructure.Logging;

namespace PaulMassage.UnitTests.Infrastructure.Logging;

public sealed class TheRequestLogPath
{
    [Theory]
    [InlineData("/bookings/AbC-123_xyz", "/bookings/***")]
    [InlineData("/bookings/AbC-123_xyz/cancel", "/bookings/***/cancel")]
    [InlineData("/BOOKINGS/secret", "/BOOKINGS/***")]
    [InlineData("/review/abc123", "/review/***")]
    [InlineData("/no-review-requests/abc123", "/no-review-requests/***")]
    [InlineData("/check-in/abc123/stop", "/check-in/***/stop")]
    [InlineData("/reviews", "/reviews")]
    [InlineData("/admin/reviews/3/publish", "/admin/reviews/3/publish")]
    [InlineData("/book/details", "/book/details")]
    [InlineData("/services/swedish-massage", "/services/swedish-massage")]
    [InlineData("", "/")]
    [InlineData(null, "/")]
    public void never_shows_a_manage_link_token(string? path, string logged)
    {
        Assert.Equal(logged, PracticeLogging.MaskSecrets(path));
    }
}
