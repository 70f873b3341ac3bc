using System.Net;
using PaulMassage.IntegrationTests.Infrastructure;

namespace PaulMassage.IntegrationTests.Features.Admin;

public sealed class TheBackOffice(PracticeAppFactoryFixture fixture) : IClassFixture<PracticeAppFactoryFixture>
{
    private PracticeAppFactory Factory => fixture.Factory;

    [Fact]
    public async Task refuses_a_wrong_password_with_a_message_and_no_cookie()
    {
        using var client = Factory.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await FormPost.PostAsync(client, "/account/sign-in", "/account/sign-in",
            [new("Email", PracticeAppFactory.TherapistEmail), new("Password", "not-the-passphrase")]);
        var page = await response.ReadHtmlAsync();
        using var admin = await client.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(PaulMassage.Web.Features.Account.AccountController.NotRightMessage, page.ErrorSummary());
        Assert.Equal(PracticeAppFactory.TherapistEmail, page.FieldValue("Email"));
        Assert.Equal(string.Empty, page.FieldValue("Password"));
        Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
    }

    [Fact]
    public async Task lists_the_requests_for_the_therapist_signed_in_through_the_form()
    {
        var token = (await BookingFlow.BookAsync(Factory, new VisitRequest
        {
            StartUtc = new DateTime(2027, 3, 9, 11, 0, 0, DateTimeKind.Utc),
            Name = "Petronella Listed",
            Email = "petronella@example.com",
        })).Token;
        var reference = await Factory.WithDbAsync(db => Task.FromResult(db.Appointments.Single(a => a.ManageTokenHash == Web.Features.Booking.ManageToken.Hash(token)).Reference));
        using var client = await Factory.TherapistAsync(followRedirects: false);
        using var response = await client.GetAsync("/admin");
        var page = await response.ReadHtmlAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Requests", page.QuerySelector("h1")?.TextContent.Trim());
        Assert.StartsWith("Waiting for your answer", page.QuerySelector("#waiting-heading")?.TextContent.Trim(), StringComparison.Ordinal);
        var row = page.QuerySelectorAll("#waiting-heading ~ .list-group article").Single(a => a.TextContent.Contains(reference, StringComparison.Ordinal));
        Assert.Contains("Petronella Listed", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Tue 9 Mar 11:00", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Deep tissue massage", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? string.Empty, StringComparison.Ordinal);
    }
}
