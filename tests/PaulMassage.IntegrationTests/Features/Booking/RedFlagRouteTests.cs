using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using PaulMassage.IntegrationTests.Infrastructure;
using PaulMassage.Web.Features.Screening;

namespace PaulMassage.IntegrationTests.Features.Booking;

/// <summary>
/// The red-flag stop page: Paul's number, what to do, and for a fall or accident the client's GP
/// has seen since, a way on to Paul's review. The cauda equina signs still stop, always.
/// </summary>
public sealed class TheRedFlagStop(PracticeAppFactoryFixture fixture) : IClassFixture<PracticeAppFactoryFixture>
{
    private PracticeAppFactory Factory => fixture.Factory;

    private async Task<(HttpClient Client, IDocument Page, DateTime Start)> StopAsync(string email, params string[] flags)
    {
        var start = (await Factory.FreeStartsAsync(1))[0];
        var client = Factory.Browser();
        var fields = SecurityScenario.ValidBookingFields(start, "Fay Fall", email)
            .Where(f => f.Key != "Intake.NoRedFlags")
            .Concat(flags.Select(f => new KeyValuePair<string, string>("Intake.RedFlags", f)));
        using var response = await SecurityScenario.PostBookingAsync(client, start, fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.Equal("Please get medical help before booking a massage", page.QuerySelector("main h1")?.TextContent.Trim());
        return (client, page, start);
    }

    private Task<bool> AnythingStoredForAsync(string email)
    {
        var normalized = email.ToUpperInvariant();
        return Factory.WithDbAsync(db => db.Appointments.AnyAsync(a => a.Client!.NormalizedEmail == normalized));
    }

    [Fact]
    public async Task gives_pauls_number_and_what_to_do()
    {
        var (client, page, _) = await StopAsync("fay.advice@test.example", "BackPainWithFever");
        using var _client = client;

        Assert.NotNull(page.QuerySelector("main a[href='tel:07700900123']"));
        Assert.NotNull(page.QuerySelector("main a[href='tel:111']"));
        Assert.NotNull(page.QuerySelector("main a[href='tel:999']"));
        Assert.Null(page.QuerySelector("main form input[name='Intake.SeenByGpSince']")); // a fever is not the GP-seen route
    }

    [Fact]
    public async Task lets_a_client_whose_gp_has_seen_them_since_a_fall_send_the_request_for_pauls_review()
    {
        const string email = "fay.fall@test.example";
        var (client, page, _) = await StopAsync(email, "PainAfterFallOrAccident");
        using var _client = client;
        Assert.False(await AnythingStoredForAsync(email));

        var form = page.QuerySelector("main form:has(input[name='Intake.SeenByGpSince'])")!;
        var fields = form.QuerySelectorAll("input[type='hidden']").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? string.Empty)).ToList();
        Assert.Contains(fields, f => f.Key == "Intake.RedFlags" && f.Value == "PainAfterFallOrAccident");
        using var content = new FormUrlEncodedContent(fields);
        using var sent = await client.PostAsync(form.GetAttribute("action"), content);

        Assert.True(sent.StatusCode == HttpStatusCode.Redirect, $"{(int)sent.StatusCode}: {string.Join("; ", (await sent.ReadHtmlAsync()).ErrorSummary())}");
        var normalized = email.ToUpperInvariant();
        var stored = await Factory.WithDbAsync(db => db.Appointments.Include(a => a.History).Include(a => a.Intake)
            .Where(a => a.Client!.NormalizedEmail == normalized).SingleAsync());
        Assert.True(stored.NeedsReview);
        Assert.Equal(ScreeningOutcome.NeedsReview, stored.Intake!.Outcome);
        Assert.Contains(stored.History, h => h.Note is not null && h.Note.Contains(IntakeLabels.SeenByGpSinceReview, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("SaddleNumbness")]
    [InlineData("NewBladderOrBowelProblems")]
    [InlineData("WorseningLegWeakness")]
    public async Task still_stops_the_cauda_equina_signs_even_with_the_gp_answer(string flag)
    {
        var email = $"fay.{flag}@test.example".ToLowerInvariant();
        var start = (await Factory.FreeStartsAsync(1))[0];
        using var client = Factory.Browser();
        var fields = SecurityScenario.ValidBookingFields(start, "Fay Emergency", email)
            .Where(f => f.Key != "Intake.NoRedFlags")
            .Concat([new("Intake.RedFlags", flag), new("Intake.RedFlags", "PainAfterFallOrAccident"), new("Intake.SeenByGpSince", "true")]);

        using var response = await SecurityScenario.PostBookingAsync(client, start, fields);
        var page = await response.ReadHtmlAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Call 999 or go to A&E now.", page.QuerySelector("main .alert-danger")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("main form input[name='Intake.SeenByGpSince']"));
        Assert.False(await AnythingStoredForAsync(email));
    }
}
