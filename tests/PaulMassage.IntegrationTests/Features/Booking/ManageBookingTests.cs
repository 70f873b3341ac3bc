using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PaulMassage.IntegrationTests.Infrastructure;
using PaulMassage.Web.Features.Booking;

namespace PaulMassage.IntegrationTests.Features.Booking;

public sealed class TheManageLink(PracticeAppFactoryFixture fixture) : IClassFixture<PracticeAppFactoryFixture>
{
    private PracticeAppFactory Factory => fixture.Factory;

    private HttpClient NewClient() => Factory.CreateClient(new() { AllowAutoRedirect = false });

    private Task<Appointment> AppointmentAsync(string token) =>
        Factory.WithDbAsync(db => db.Appointments.AsNoTracking().Include(a => a.History).Include(a => a.SlotClaims)
            .SingleAsync(a => a.ManageTokenHash == ManageToken.Hash(token)));

    private async Task<IReadOnlyList<string>> FreeStartsAsync(string day)
    {
        using var client = NewClient();
        var json = JsonDocument.Parse(await client.GetStringAsync($"/api/availability?service=deep-tissue-massage&minutes=60&from={day}&days=1&version=1"));
        return json.RootElement.GetProperty("slots").EnumerateArray().Select(s => s.GetProperty("startUtc").GetString()!).ToList();
    }

    [Fact]
    public async Task shows_the_visit_its_status_and_the_cancellation_policy()
    {
        var token = (await BookingFlow.BookAsync(Factory, new VisitRequest { StartUtc = new DateTime(2027, 3, 8, 14, 0, 0, DateTimeKind.Utc), Email = "show@example.com" })).Token;
        var appointment = await AppointmentAsync(token);
        using var client = NewClient();

        using var response = await client.GetAsync("/bookings/" + token);
        var page = await response.ReadHtmlAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"Your visit {appointment.Reference}", page.QuerySelector("main h1")?.TextContent.Trim());
        Assert.Equal("Waiting for Paul to confirm", page.QuerySelector(".status-badge")?.TextContent.Trim());
        var main = page.QuerySelector("main")!.TextContent;
        Assert.Contains("Monday 8 March 2027 at 14:00", main, StringComparison.Ordinal);
        Assert.Contains("Deep tissue massage, 60 minutes, £70", main, StringComparison.Ordinal);
        Assert.Contains("up to 24 hours before it starts", main, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"form[action='/bookings/{token}/cancel'] button[type='submit']"));
        Assert.DoesNotContain(appointment.AddressLine1, main, StringComparison.Ordinal);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? string.Empty, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("meta[name='robots'][content='noindex']"));
    }

    [Fact]
    public async Task cancels_a_visit_more_than_24_hours_ahead_and_frees_its_time()
    {
        var start = new DateTime(2027, 3, 2, 10, 0, 0, DateTimeKind.Utc); // 25 hours after "now"
        var token = (await BookingFlow.BookAsync(Factory, new VisitRequest { StartUtc = start, Email = "cancel@example.com" })).Token;
        Assert.DoesNotContain("2027-03-02T10:00:00Z", await FreeStartsAsync("2027-03-02"));
        using var client = NewClient();

        using var cancel = await FormPost.PostAsync(client, "/bookings/" + token, $"/bookings/{token}/cancel", []);

        Assert.Equal(HttpStatusCode.Redirect, cancel.StatusCode);
        Assert.Equal("/bookings/" + token, cancel.Headers.Location?.OriginalString);
        var page = await (await client.GetAsync("/bookings/" + token)).ReadHtmlAsync();
        Assert.Equal("Cancelled", page.QuerySelector(".status-badge")?.TextContent.Trim());
        Assert.Contains("Your visit is cancelled.", page.QuerySelector("main .alert-info")?.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form[action$='/cancel']"));

        var appointment = await AppointmentAsync(token);
        Assert.Equal(AppointmentStatus.Cancelled, appointment.Status);
        Assert.Empty(appointment.SlotClaims);
        var cancelled = appointment.History.Single(e => e.ToStatus == AppointmentStatus.Cancelled);
        Assert.Equal((AppointmentStatus.Requested, BookingService.ClientActor, PracticeAppFactory.DefaultNow.UtcDateTime),
            (cancelled.FromStatus!.Value, cancelled.Actor, cancelled.AtUtc));

        Assert.Contains("2027-03-02T10:00:00Z", await FreeStartsAsync("2027-03-02"));
        await BookingFlow.BookAsync(Factory, new VisitRequest { StartUtc = start, Email = "next-in-line@example.com" });
    }

    [Fact]
    public async Task says_a_cancelled_visit_cannot_be_cancelled_again()
    {
        var token = (await BookingFlow.BookAsync(Factory, new VisitRequest { StartUtc = new DateTime(2027, 3, 9, 15, 0, 0, DateTimeKind.Utc), Email = "twice@example.com" })).Token;
        using var client = NewClient();
        var antiforgery = await FormPost.AntiforgeryTokenAsync(client, "/bookings/" + token);
        using var first = await client.PostAsync($"/bookings/{token}/cancel", new FormUrlEncodedContent([new("__RequestVerificationToken", antiforgery)]));

        using var second = await client.PostAsync($"/bookings/{token}/cancel", new FormUrlEncodedContent([new("__RequestVerificationToken", antiforgery)]));
        var page = await (await client.GetAsync("/bookings/" + token)).ReadHtmlAsync();

        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Contains("can no longer be cancelled online", page.QuerySelector("main .alert-info")?.TextContent, StringComparison.Ordinal);
        Assert.Single((await AppointmentAsync(token)).History, e => e.ToStatus == AppointmentStatus.Cancelled);
    }

    [Theory]
    [InlineData("not-a-real-token")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task answers_a_wrong_token_with_the_friendly_404(string token)
    {
        using var client = NewClient();

        using var show = await client.GetAsync("/bookings/" + token);
        var antiforgery = await FormPost.AntiforgeryTokenAsync(client, "/account/sign-in");
        using var cancel = await client.PostAsync($"/bookings/{token}/cancel", new FormUrlEncodedContent([new("__RequestVerificationToken", antiforgery)]));

        Assert.Equal(HttpStatusCode.NotFound, show.StatusCode);
        Assert.Equal("We cannot find that page", (await show.ReadHtmlAsync()).QuerySelector("h1")?.TextContent.Trim());
        Assert.Equal(HttpStatusCode.NotFound, cancel.StatusCode);
    }

    [Fact]
    public async Task only_opens_with_the_exact_token()
    {
        var token = (await BookingFlow.BookAsync(Factory, new VisitRequest { StartUtc = new DateTime(2027, 3, 10, 16, 0, 0, DateTimeKind.Utc), Email = "exact@example.com" })).Token;
        using var client = NewClient();

        var lastChanged = token[..^1] + (token[^1] == '0' ? '1' : '0');
        using var exact = await client.GetAsync("/bookings/" + token);
        using var altered = await client.GetAsync("/bookings/" + lastChanged);
        using var upper = await client.GetAsync("/bookings/" + token.ToUpperInvariant());
        using var shorter = await client.GetAsync("/bookings/" + token[..^1]);

        Assert.Equal(HttpStatusCode.OK, exact.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, altered.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, upper.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, shorter.StatusCode);
    }
}

/// <summary>Moves the clock on, so it has a practice of its own.</summary>
public sealed class TheManageLinkCloseToTheVisit : IDisposable
{
    private readonly PracticeAppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task refuses_to_cancel_inside_24_hours_and_explains_the_policy()
    {
        var token = (await BookingFlow.BookAsync(_factory, new VisitRequest { StartUtc = new DateTime(2027, 3, 2, 10, 0, 0, DateTimeKind.Utc) })).Token;
        using var client = _factory.CreateClient(new() { AllowAutoRedirect = false });
        var antiforgery = await FormPost.AntiforgeryTokenAsync(client, "/bookings/" + token);

        _factory.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1)); // now 23:59:59 before the visit
        var before = await (await client.GetAsync("/bookings/" + token)).ReadHtmlAsync();
        using var cancel = await client.PostAsync($"/bookings/{token}/cancel", new FormUrlEncodedContent([new("__RequestVerificationToken", antiforgery)]));
        var after = await (await client.GetAsync("/bookings/" + token)).ReadHtmlAsync();

        Assert.Null(before.QuerySelector("form[action$='/cancel']"));
        Assert.Contains("starts within 24 hours, so it can no longer be cancelled online", before.QuerySelector("main .alert-warning")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, cancel.StatusCode);
        Assert.Equal("This visit starts in less than 24 hours, so it can no longer be cancelled online. Please phone or e-mail Paul.",
            after.QuerySelector("main .alert-info")?.TextContent.Trim());
        Assert.Equal("Waiting for Paul to confirm", after.QuerySelector(".status-badge")?.TextContent.Trim());
        Assert.NotNull(after.QuerySelector("main a[href^='tel:']"));

        var appointment = await _factory.WithDbAsync(db => db.Appointments.AsNoTracking().Include(a => a.SlotClaims).SingleAsync());
        Assert.Equal(AppointmentStatus.Requested, appointment.Status);
        Assert.Equal(6, appointment.SlotClaims.Count);
    }
}
