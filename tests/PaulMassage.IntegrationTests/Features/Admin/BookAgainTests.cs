using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using PaulMassage.IntegrationTests.Infrastructure;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Screening;
using Scenario = PaulMassage.IntegrationTests.Infrastructure.SecurityScenario;

namespace PaulMassage.IntegrationTests.Features.Admin;

/// <summary>
/// Paul's "book again", from a client's record and from the day agenda: the phone booking form
/// filled in from the client's last visit and intake, the red flags and consent asked again.
/// Each test has a practice of its own.
/// </summary>
public sealed class BookingAClientAgain : IDisposable
{
    private const string Email = "bea.again@test.example";
    private const string Complaint = "Bea's tight shoulders after gardening";

    private readonly PracticeAppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private static string? Selected(IDocument page, string name) =>
        page.QuerySelector($"select[name='{name}'] option[selected]")?.GetAttribute("value");

    private async Task<ArrangedVisit> ArrangeBeaAsync()
    {
        var upcoming = (await Scenario.FreeStartsAsync(_factory, 1))[0];
        await _factory.VisitAsync(Email, new DateTime(2027, 2, 20, 10, 0, 0, DateTimeKind.Utc), AppointmentStatus.Completed,
            name: "Bea Again", phone: "07700 900333", postcode: "SE1 7PB", serviceSlug: "swedish-massage", minutes: 90,
            complaint: Complaint, areas: BodyArea.Shoulders, intensity: 4);
        return await _factory.VisitAsync(Email, upcoming, AppointmentStatus.Confirmed, serviceSlug: "swedish-massage", minutes: 90, complaint: Complaint, areas: BodyArea.Shoulders, intensity: 4);
    }

    [Fact]
    public async Task fills_in_the_phone_booking_from_the_clients_record_and_last_visit()
    {
        var visit = await ArrangeBeaAsync();
        using var paul = await _factory.TherapistAsync();

        var record = await (await paul.GetAsync($"/admin/clients/{visit.ClientId}")).ReadHtmlAsync();
        var link = record.QuerySelector("#book-again")?.GetAttribute("href");
        Assert.Equal($"/admin/bookings/new?client={visit.ClientId}", link);

        var form = await (await paul.GetAsync(link)).ReadHtmlAsync();

        Assert.Equal(Email, form.QuerySelector("#phone-booking input[name='Email']")?.GetAttribute("value"));
        Assert.Equal("Bea Again", form.FieldValue("Name"));
        Assert.Equal("07700 900333", form.FieldValue("Phone"));
        Assert.Equal("1 Test Street", form.FieldValue("Address.AddressLine1"));
        Assert.Equal("SE1 7PB", form.FieldValue("Postcode"));
        Assert.Equal("swedish-massage", Selected(form, "Service"));
        Assert.Equal("90", Selected(form, "Minutes"));
        Assert.Equal(Complaint, form.FieldValue("Intake.MainComplaint"));
        Assert.Equal(["Shoulders"], form.Checked("Intake.PainAreas"));
        Assert.Empty(form.Checked("Intake.RedFlags"));
        Assert.DoesNotContain("true", form.Checked("Intake.NoRedFlags"));
        Assert.DoesNotContain("true", form.Checked("IntakeConsent"));
        Assert.Contains("Booking again for", form.QuerySelector("#booking-again")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task is_offered_on_the_day_agenda()
    {
        var visit = await ArrangeBeaAsync();
        using var paul = await _factory.TherapistAsync();
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(visit.StartUtc, TimeZoneInfo.FindSystemTimeZoneById("Europe/London")));

        var agenda = await (await paul.GetAsync("/admin/day?date=" + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))).ReadHtmlAsync();

        Assert.Equal($"/admin/bookings/new?client={visit.ClientId}", agenda.QuerySelector($"#book-again-{visit.Id}")?.GetAttribute("href"));
    }

    [Fact]
    public async Task is_not_offered_for_a_provisional_record_whose_booker_may_not_own_the_address()
    {
        var start = (await Scenario.FreeStartsAsync(_factory, 1))[0];
        var booked = await Scenario.BookAsync(_factory, start, "Sam Stranger", "someone@test.example");
        using var paul = await _factory.TherapistAsync();
        Assert.True(await _factory.WithDbAsync(db => db.Clients.Where(c => c.Id == booked.ClientId).Select(c => c.Provisional).SingleAsync()));

        var record = await (await paul.GetAsync($"/admin/clients/{booked.ClientId}")).ReadHtmlAsync();
        using var again = await paul.GetAsync($"/admin/bookings/new?client={booked.ClientId}");

        Assert.Null(record.QuerySelector("#book-again"));
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task is_the_therapists_only()
    {
        var visit = await ArrangeBeaAsync();
        await _factory.ClientAccountAsync(Email, SigningIn.ClientPassword);
        using var bea = await _factory.SignedInAsync(Email, SigningIn.ClientPassword);
        using var anyone = _factory.Browser();

        foreach (var client in new[] { bea, anyone })
        {
            using var response = await client.GetAsync($"/admin/bookings/new?client={visit.ClientId}");
            Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain(Complaint, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }
}
