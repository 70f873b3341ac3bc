using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Clients;
using PaulMassage.Web.Features.Scheduling;
using PaulMassage.Web.Features.Screening;
using PaulMassage.Web.Infrastructure.Data;

namespace PaulMassage.IntegrationTests.Infrastructure;

/// <summary>Arranges clients and visits in a test practice, and reads pages as text.</summary>
public static partial class ClientArrange
{
    /// <summary>
    /// Stores a visit of a known client (the address's own record, found or created by e-mail), with
    /// intake and slot claims, optionally moved on to another status by the therapist.
    /// </summary>
    public static async Task<ArrangedVisit> VisitAsync(
        this PracticeAppFactory factory,
        string email,
        DateTime startUtc,
        AppointmentStatus status = AppointmentStatus.Confirmed,
        string name = "Test Client",
        string phone = "07700 900001",
        string postcode = "SE1 7PB",
        string serviceSlug = "deep-tissue-massage",
        int minutes = 60,
        string complaint = "Aching lower back after long days at the desk",
        BodyArea areas = BodyArea.LowerBack,
        int intensity = 6,
        Contraindication contraindications = Contraindication.None)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var service = await db.Services.Include(s => s.Options).SingleAsync(s => s.Slug == serviceSlug);
        // The address's own record, found or made as Paul's phone booking does; one already there keeps its name and phone.
        var clients = scope.ServiceProvider.GetRequiredService<ClientIdentities>();
        var client = await clients.ForBookingAsync(new Booker.Therapist(), email, string.Empty, string.Empty)
            ?? await clients.ForBookingAsync(new Booker.Therapist(), email, name, phone)
            ?? throw new InvalidOperationException("A new client record needs a name and phone.");
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var keys = new VisitKeys(ManageToken.CreateReference(), ManageToken.Create(), ProtectedToken: null);
        var intake = new IntakeDetails(complaint, areas, intensity, PainDuration.OverTwelveWeeks, PainFeeling.MuscleAcheOrTension,
            contraindications, MedicalHistory: null, RedFlag.None);
        var appointment = Appointment.Request(
            new VisitPlan(service.Id, minutes, service.Options.Single(o => o.Minutes == minutes).PriceGbp, startUtc, "1 Test Street", null, "London", postcode, null, intake),
            client, keys, BookingService.ClientActor, now, AvailabilityRules.Defaults.TravelBufferMinutes);
        if (status is AppointmentStatus.Confirmed or AppointmentStatus.Completed or AppointmentStatus.NoShow)
        {
            appointment.ChangeStatus(AppointmentStatus.Confirmed, "therapist", now);
        }

        if (status is not AppointmentStatus.Requested and not AppointmentStatus.Confirmed)
        {
            appointment.ChangeStatus(status, "therapist", now);
        }

        db.Appointments.Add(appointment);
        await db.SaveChangesAsync();
        return new ArrangedVisit(appointment.Id, client.Id, appointment.Reference, keys.Token, startUtc);
    }

    /// <summary>Records the pain score (and a short note) of a visit.</summary>
    public static async Task NoteAsync(this PracticeAppFactory factory, int appointmentId, int painScore)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        db.TreatmentNotes.Add(new TreatmentNote { AppointmentId = appointmentId, Subjective = "Arranged note", PainScore = painScore, CreatedUtc = now, UpdatedUtc = now });
        await db.SaveChangesAsync();
    }

    /// <summary>The page's text with tags removed and entities decoded, for "the page says" assertions.</summary>
    public static string Text(string html) =>
        Whitespace().Replace(WebUtility.HtmlDecode(Tags().Replace(html, " ")), " ");

    public static async Task<string> TextAsync(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return Text(await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
