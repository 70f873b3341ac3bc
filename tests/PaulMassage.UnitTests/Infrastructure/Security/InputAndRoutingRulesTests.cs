using Microsoft.AspNetCore.Http;
using PaulMassage.Web.Infrastructure.Security;

namespace PaulMassage.UnitTests.Infrastructure.Security;

public sealed class TheUnsafeCharacterRule
{
    [Theory]
    [InlineData("Ann O'Neill")]
    [InlineData("Zoë Brontë-Smith")]
    [InlineData("محمد العلي")]
    [InlineData("שרה כהן")]
    [InlineData("Back pain 😣 after the gym 💪")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("'; DROP TABLE Clients; --")]
    [InlineData("Family 👨\u200D👩\u200D👧 and a joined Persian word: می\u200Cخواهم")]
    public void accepts_any_text_a_person_can_type(string text) =>
        Assert.True(UnsafeCharactersFilter.IsAcceptable(text, multiline: false));

    [Theory]
    [InlineData("Ann\0Smith")]
    [InlineData("Ann\u001bSmith")]
    [InlineData("Ann\u0085Smith")]
    [InlineData("Ann\u007fSmith")]
    [InlineData("Ann\uffff")]
    [InlineData("Ann\nSmith")]
    public void refuses_control_characters_and_broken_text_in_a_single_line_field(string text) =>
        Assert.False(UnsafeCharactersFilter.IsAcceptable(text, multiline: false));

    [Theory]
    [InlineData("Ann \u202Aleft-to-right embedding")]
    [InlineData("Ann \u202Bright-to-left embedding")]
    [InlineData("Ann \u202Cpop")]
    [InlineData("Ann \u202Dleft-to-right override")]
    [InlineData("Ann \u202Eexe.gnp")]
    [InlineData("Ann \u2066isolate")]
    [InlineData("Ann \u2067isolate")]
    [InlineData("Ann \u2068isolate")]
    [InlineData("Ann\u2069")]
    [InlineData("Ann\u200BSmith")]
    [InlineData("\uFEFFAnn")]
    public void refuses_text_direction_controls_zero_width_spaces_and_byte_order_marks_in_any_field(string text)
    {
        Assert.False(UnsafeCharactersFilter.IsAcceptable(text, multiline: false));
        Assert.False(UnsafeCharactersFilter.IsAcceptable(text, multiline: true));
    }

    [Fact]
    public void refuses_half_of_a_surrogate_pair()
    {
        Assert.False(UnsafeCharactersFilter.IsAcceptable("Ann" + '\ud800' + "Smith", multiline: true));
        Assert.False(UnsafeCharactersFilter.IsAcceptable("Ann" + '\udc00', multiline: true));
        Assert.True(UnsafeCharactersFilter.IsAcceptable("Ann " + char.ConvertFromUtf32(0x1F600), multiline: false));
    }

    [Fact]
    public void allows_line_breaks_and_tabs_only_in_multi_line_fields()
    {
        Assert.True(UnsafeCharactersFilter.IsAcceptable("Line one\r\nLine two\tend", multiline: true));
        Assert.False(UnsafeCharactersFilter.IsAcceptable("Line one\0", multiline: true));
    }
}

public sealed class TheRouteRules
{
    [Theory]
    [InlineData("admin", true)]
    [InlineData("/admin", true)]
    [InlineData("~/Admin/calendar/{id}", true)]
    [InlineData("admin/erasure-requests", true)]
    [InlineData("administrator", false)]
    [InlineData("account/admin", false)]
    [InlineData(null, false)]
    public void treat_everything_under_admin_as_the_back_office(string? template, bool admin) =>
        Assert.Equal(admin, AdminAreaConvention.IsAdminRoute(template));

    [Theory]
    [InlineData("/account/sign-in", "/account/sign-in")]
    [InlineData("/Account/Sign-In/", "/account/sign-in")]
    [InlineData("/bookings/abc123/erasure", "/bookings/*/*")]
    [InlineData("/bookings/abc123/cancel", "/bookings/*/*")]
    [InlineData("/account/resend-confirmation", "/account/resend-confirmation")]
    [InlineData("/account/visits/PM-ABC234/move", "/account/visits/*/*")]
    [InlineData("/book/details", "/book/details")]
    [InlineData("/book", null)]
    [InlineData("/bookings/abc/def/erasure", null)]
    public void match_rate_limited_paths_segment_by_segment(string path, string? pattern) =>
        Assert.Equal(pattern, RateLimitPaths.Pattern(new RateLimitOptions().Paths, new PathString(path)));
}
