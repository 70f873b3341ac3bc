using System.Net;
using Microsoft.EntityFrameworkCore;
using PaulMassage.IntegrationTests.Infrastructure;
using PaulMassage.Web.Features.Notifications;

namespace PaulMassage.IntegrationTests.Features.Notifications;

/// <summary>
/// Every form that takes an e-mail address accepts only one MailKit can send to: an address like
/// "victim;attacker@evil.example" comes back with the message, as typed, and nothing is stored or sent.
/// (The booking form's own case is in <c>ABookingFormWithMistakes</c>.)
/// </summary>
public sealed class TheEmailAddressRule(PracticeAppFactoryFixture fixture) : IClassFixture<PracticeAppFactoryFixture>
{
    private const string Hostile = "victim;attacker@evil.example";

    private PracticeAppFactory Factory => fixture.Factory;

    [Theory]
    [InlineData("/account/register", "Password=a perfectly long password&ConfirmPassword=a perfectly long password")]
    [InlineData("/account/resend-confirmation", "")]
    [InlineData("/account/forgot-password", "")]
    [InlineData("/account/sign-in", "Password=a perfectly long password")]
    public async Task refuses_an_address_mailkit_cannot_read_as_one_mailbox_on_the_public_forms(string page, string others)
    {
        using var browser = Factory.Browser(followRedirects: true);

        var response = await FormPost.PostAsync(browser, page, page, Fields(others));

        await AssertRefusedAsync(response);
    }

    [Fact]
    public async Task refuses_it_on_the_phone_booking_form_too()
    {
        using var therapist = await Factory.TherapistAsync();

        var response = await Sessions.PostAsync(therapist, "/admin/bookings/new", "/admin/bookings/new",
            ("Email", Hostile), ("Name", "Vic Tim"), ("Date", "2027-03-15"), ("Time", "10:00"), ("Service", "deep-tissue-massage"), ("Minutes", "60"));

        await AssertRefusedAsync(response);
    }

    private static IEnumerable<KeyValuePair<string, string>> Fields(string others) =>
        others.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(pair => new KeyValuePair<string, string>(pair[0], pair[1]))
            .Prepend(new KeyValuePair<string, string>("Email", Hostile));

    private async Task AssertRefusedAsync(HttpResponseMessage response)
    {
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(MailboxAttribute.Message, html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{Hostile}\"", html, StringComparison.Ordinal);
        Assert.False(await Factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Email!.Contains("evil.example"))));
        Assert.False(await Factory.WithDbAsync(db => db.Clients.AnyAsync(c => c.Email.Contains("evil.example"))));
        Assert.False(await Factory.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.ToAddress.Contains("evil.example"))));
    }
}
