using System.Net;
using AngleSharp.Dom;
using PaulMassage.IntegrationTests.Infrastructure;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Screening;
using Scenario = PaulMassage.IntegrationTests.Infrastructure.SecurityScenario;

namespace PaulMassage.IntegrationTests.Features.Booking;

/// <summary>
/// A returning client's booking form: a signed-in client finds their own details, address and
/// (on "same as last time") their last intake filled in, with the red-flag question unanswered;
/// nobody else does, however they ask. Each test has a practice of its own.
/// </summary>
public sealed class AReturningClientsBookingForm : IDisposable
{
    private const string VeraEmail = "vera.returning@test.example";
    private const string VeraPhone = "07700 900111";
    private const string VeraComplaint = "Vera's own sore lower back";
    private const string OllyEmail = "olly.other@test.example";
    private const string OllyComplaint = "Olly's stiff neck";
    private const string Password = SigningIn.ClientPassword;

    private readonly PracticeAppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private async Task<DateTime> ArrangeVeraAsync()
    {
        var start = (await Scenario.FreeStartsAsync(_factory, 1))[0];
        await _factory.VisitAsync(VeraEmail, new DateTime(2027, 2, 20, 10, 0, 0, DateTimeKind.Utc), AppointmentStatus.Completed,
            name: "Vera Returning", phone: VeraPhone, complaint: VeraComplaint, areas: BodyArea.LowerBack | BodyArea.Hips, intensity: 7,
            contraindications: Contraindication.BloodThinners);
        await _factory.ClientAccountAsync(VeraEmail, Password);
        return start;
    }

    private static async Task<IDocument> SameAsLastTimeAsync(HttpClient browser, DateTime start)
    {
        var form = await (await browser.GetAsync(Scenario.DetailsPage(start))).ReadHtmlAsync();
        var link = form.QuerySelector("#same-as-last-time-link")?.GetAttribute("href");
        Assert.NotNull(link);
        using var response = await browser.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadHtmlAsync();
    }

    [Fact]
    public async Task fills_in_a_signed_in_clients_details_and_offers_their_last_intake_with_the_red_flags_asked_afresh()
    {
        var start = await ArrangeVeraAsync();
        using var vera = await _factory.SignedInAsync(VeraEmail, Password);

        var form = await (await vera.GetAsync(Scenario.DetailsPage(start))).ReadHtmlAsync();
        Assert.Equal("Vera Returning", form.FieldValue("Name"));
        Assert.Equal(VeraPhone, form.FieldValue("Phone"));
        Assert.Equal("1 Test Street", form.FieldValue("Address.AddressLine1"));
        Assert.Equal(string.Empty, form.FieldValue("Intake.MainComplaint")); // offered, not filled in unasked
        Assert.Contains("20 February 2027", form.QuerySelector("#offer-same-as-last-time")!.TextContent, StringComparison.Ordinal);

        var same = await SameAsLastTimeAsync(vera, start);

        Assert.Equal(VeraComplaint, same.FieldValue("Intake.MainComplaint"));
        Assert.Equal(["LowerBack", "Hips"], same.Checked("Intake.PainAreas"));
        Assert.Equal(["7"], same.Checked("Intake.PainIntensity"));
        Assert.Equal(["OverTwelveWeeks"], same.Checked("Intake.Duration"));
        Assert.Equal(["MuscleAcheOrTension"], same.Checked("Intake.Feelings"));
        Assert.Equal(["BloodThinners"], same.Checked("Intake.Contraindications"));
        Assert.Empty(same.Checked("Intake.RedFlags"));
        Assert.DoesNotContain("true", same.Checked("Intake.NoRedFlags"));
        Assert.NotNull(same.QuerySelector("#same-as-last-time"));
        Assert.Equal("Vera Returning", same.FieldValue("Name"));
    }

    [Fact]
    public async Task gives_another_signed_in_client_their_own_answers_not_hers()
    {
        var start = await ArrangeVeraAsync();
        await _factory.VisitAsync(OllyEmail, new DateTime(2027, 2, 22, 10, 0, 0, DateTimeKind.Utc), AppointmentStatus.Completed,
            name: "Olly Other", phone: "07700 900222", complaint: OllyComplaint, areas: BodyArea.Neck);
        await _factory.ClientAccountAsync(OllyEmail, Password);
        using var olly = await _factory.SignedInAsync(OllyEmail, Password);

        var same = await SameAsLastTimeAsync(olly, start);
        var html = same.DocumentElement.OuterHtml;

        Assert.Equal("Olly Other", same.FieldValue("Name"));
        Assert.Equal(OllyComplaint, same.FieldValue("Intake.MainComplaint"));
        foreach (var secret in new[] { "Vera", VeraComplaint, VeraPhone, "BloodThinners\" checked" })
        {
            Assert.DoesNotContain(secret, html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task gives_an_anonymous_visitor_an_empty_form_even_asking_for_the_last_intake()
    {
        var start = await ArrangeVeraAsync();
        using var anyone = _factory.Browser();

        var form = await (await anyone.GetAsync(Scenario.DetailsPage(start) + "&sameAsLastTime=true&email=" + Uri.EscapeDataString(VeraEmail))).ReadHtmlAsync();

        Assert.Equal(string.Empty, form.FieldValue("Name"));
        Assert.Equal(string.Empty, form.FieldValue("Address.AddressLine1"));
        Assert.Equal(string.Empty, form.FieldValue("Intake.MainComplaint"));
        Assert.Null(form.QuerySelector("#offer-same-as-last-time"));
        Assert.Null(form.QuerySelector("#same-as-last-time"));
    }

    [Fact]
    public async Task shows_an_anonymous_booking_with_the_clients_e_mail_nothing_of_hers()
    {
        var start = await ArrangeVeraAsync();
        using var stranger = _factory.Browser();
        var fields = Scenario.ValidBookingFields(start, "Sam Stranger", VeraEmail);
        fields.Remove("Phone");
        fields.Remove("Address.AddressLine1");
        fields.Remove("Intake.MainComplaint");

        using var response = await Scenario.PostBookingAsync(stranger, start, fields);
        var form = await response.ReadHtmlAsync();
        var html = form.DocumentElement.OuterHtml;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Sam Stranger", form.FieldValue("Name"));
        Assert.Equal(string.Empty, form.FieldValue("Phone"));
        Assert.Equal(string.Empty, form.FieldValue("Address.AddressLine1"));
        Assert.Equal(string.Empty, form.FieldValue("Intake.MainComplaint"));
        Assert.Null(form.QuerySelector("#offer-same-as-last-time"));
        foreach (var secret in new[] { "Vera Returning", VeraComplaint, VeraPhone, "1 Test Street" })
        {
            Assert.DoesNotContain(secret, html, StringComparison.Ordinal);
        }
    }
}
