using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PaulMassage.Web.Features.Account;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Clients;
using PaulMassage.Web.Features.Scheduling;
using PaulMassage.Web.Features.Screening;
using PaulMassage.Web.Infrastructure.Data;

namespace PaulMassage.IntegrationTests.Infrastructure;

/// <summary>A visit arranged straight in the database, with the manage-link token the client would have.</summary>
public sealed record ArrangedVisit(int Id, int ClientId, string Reference, string Token, DateTime StartUtc);

/// <summary>Arranges clients, visits and accounts in a test practice, and signs people in.</summary>
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
        var normalized = Client.Normalize(email);
        var client = await db.Clients.SingleOrDefaultAsync(c => c.NormalizedEmail == normalized && !c.Provisional)
            ?? db.Clients.Add(Client.ForAddress(name, email, phone, factory.Clock.GetUtcNow().UtcDateTime)).Entity;
        var token = ManageToken.Create();
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var appointment = new Appointment
        {
            Reference = ManageToken.CreateReference(),
            ManageTokenHash = ManageToken.Hash(token),
            Client = client,
            ServiceId = service.Id,
            DurationMinutes = minutes,
            PriceGbp = service.Options.Single(o => o.Minutes == minutes).PriceGbp,
            StartUtc = startUtc,
            EndUtc = startUtc.AddMinutes(minutes),
            NeedsReview = contraindications != Contraindication.None,
            AddressLine1 = "1 Test Street",
            Town = "London",
            Postcode = postcode,
            CreatedUtc = now,
            Intake = new IntakeAssessment
            {
                MainComplaint = complaint,
                PainAreas = areas,
                PainIntensity = intensity,
                Duration = PainDuration.OverTwelveWeeks,
                Feelings = PainFeeling.MuscleAcheOrTension,
                Contraindications = contraindications,
                Outcome = contraindications == Contraindication.None ? ScreeningOutcome.Clear : ScreeningOutcome.NeedsReview,
                HealthDataConsentUtc = now,
                CancellationPolicyAcceptedUtc = now,
            },
        };
        appointment.History.Add(new AppointmentEvent { ToStatus = AppointmentStatus.Requested, Actor = BookingService.ClientActor, AtUtc = now });
        appointment.ClaimSlots(AvailabilityRules.Defaults.TravelBufferMinutes);
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
        return new ArrangedVisit(appointment.Id, client.Id, appointment.Reference, token, startUtc);
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

    /// <summary>A confirmed client account, linked to the client records booked with its address.</summary>
    public static async Task ClientAccountAsync(this PracticeAppFactory factory, string email, string password)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var scope = factory.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true };
        var created = await users.CreateAsync(user, password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, Roles.Client);
        await scope.ServiceProvider.GetRequiredService<ClientAccounts>().LinkClientRecordsAsync(user);
    }

    /// <summary>A client that keeps cookies and does not follow redirects, so tests see each response.</summary>
    public static HttpClient Browser(this PracticeAppFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
    }

    public static async Task<HttpClient> SignedInAsync(this PracticeAppFactory factory, string email, string password)
    {
        var browser = factory.Browser();
        var response = await FormPost.PostAsync(browser, "/account/sign-in", "/account/sign-in",
            [new("Email", email), new("Password", password)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return browser;
    }

    /// <summary>The page's text with tags removed and entities decoded, for "the page says" assertions.</summary>
    public static string Text(string html) =>
        Whitespace().Replace(WebUtility.HtmlDecode(Tags().Replace(html, " ")), " ");

    public static async Task<string> TextAsync(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return Text(await response.Content.ReadAsStringAsync());
    }

    /// <summary>A UTC instant in the test practice's week (London is on GMT in early March 2027).</summary>
    public static DateTime Utc(int day, int hour, int minute = 0) => new(2027, 3, day, hour, minute, 0, DateTimeKind.Utc);

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
