using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using PaulMassage.IntegrationTests.Infrastructure;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Screening;

namespace PaulMassage.IntegrationTests.Features.Booking;

/// <summary>
/// The booking POST through the real form. Tests share one practice, so each books its own day
/// or a time far from the others and looks its rows up by e-mail.
/// </summary>
public sealed class AHomeVisitRequest(PracticeAppFactoryFixture fixture) : IClassFixture<PracticeAppFactoryFixture>
{
    /// <summary>A free slot no test in this class books: the form page for requests that must not be stored.</summary>
    private static readonly DateTime FreeSlot = new(2027, 3, 5, 10, 0, 0, DateTimeKind.Utc);

    private PracticeAppFactory Factory => fixture.Factory;

    private HttpClient NewClient() => Factory.CreateClient(new() { AllowAutoRedirect = false });

    private Task<bool> AnythingStoredForAsync(string email)
    {
        var normalized = email.ToUpperInvariant();
        return Factory.WithDbAsync(async db =>
            await db.Clients.AnyAsync(c => c.NormalizedEmail == normalized)
            || await db.Appointments.AnyAsync(a => a.Client!.NormalizedEmail == normalized));
    }

    [Fact]
    public async Task is_stored_with_client_intake_appointment_and_slot_claims_and_shows_its_reference()
    {
        var visit = new VisitRequest { StartUtc = new DateTime(2027, 3, 2, 10, 0, 0, DateTimeKind.Utc), Email = "stored@example.com" };
        using var client = NewClient();

        using var response = await BookingFlow.SubmitAsync(client, visit);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.Matches("^/bookings/[0-9a-f]{64}$", location);
        var token = location["/bookings/".Length..];

        var appointment = await Factory.WithDbAsync(db => db.Appointments.AsNoTracking()
            .Include(a => a.Client).Include(a => a.Intake).Include(a => a.History).Include(a => a.SlotClaims).Include(a => a.Service)
            .SingleAsync(a => a.Client!.NormalizedEmail == "STORED@EXAMPLE.COM"));
        Assert.Equal(ManageToken.Hash(token), appointment.ManageTokenHash);
        Assert.Matches("^PM-[A-HJ-NP-Z2-9]{6}$", appointment.Reference);
        Assert.Equal(AppointmentStatus.Requested, appointment.Status);
        Assert.Equal("deep-tissue-massage", appointment.Service!.Slug);
        Assert.Equal(visit.StartUtc, appointment.StartUtc);
        Assert.Equal(DateTimeKind.Utc, appointment.StartUtc.Kind);
        Assert.Equal(visit.StartUtc.AddMinutes(60), appointment.EndUtc);
        Assert.Equal(60, appointment.DurationMinutes);
        Assert.Equal(70m, appointment.PriceGbp);
        Assert.False(appointment.NeedsReview);
        Assert.Equal((visit.AddressLine1, visit.AddressLine2, visit.Town, "SE1 7PB", visit.AccessNotes),
            (appointment.AddressLine1, appointment.AddressLine2, appointment.Town, appointment.Postcode, appointment.AccessNotes));
        Assert.Equal(PracticeAppFactory.DefaultNow.UtcDateTime, appointment.CreatedUtc);

        Assert.Equal((visit.Name, visit.Email, visit.Phone), (appointment.Client!.Name, appointment.Client.Email, appointment.Client.Phone));

        var intake = appointment.Intake!;
        Assert.Equal(visit.MainComplaint, intake.MainComplaint);
        Assert.Equal(BodyArea.LowerBack | BodyArea.Hips, intake.PainAreas);
        Assert.Equal(6, intake.PainIntensity);
        Assert.Equal(PainDuration.SixToTwelveWeeks, intake.Duration);
        Assert.Equal(PainFeeling.MuscleAcheOrTension | PainFeeling.Stiffness, intake.Feelings);
        Assert.Equal(Contraindication.None, intake.Contraindications);
        Assert.Equal(visit.MedicalHistory, intake.MedicalHistory);
        Assert.Equal(ScreeningOutcome.Clear, intake.Outcome);
        Assert.Equal(PracticeAppFactory.DefaultNow.UtcDateTime, intake.HealthDataConsentUtc);
        Assert.Equal(PracticeAppFactory.DefaultNow.UtcDateTime, intake.CancellationPolicyAcceptedUtc);

        var created = Assert.Single(appointment.History);
        Assert.Equal((null, AppointmentStatus.Requested, "client"), (created.FromStatus, created.ToStatus, created.Actor));
        Assert.Equal(
            Enumerable.Range(0, 6).Select(i => visit.StartUtc.AddMinutes(15 * i)),
            appointment.SlotClaims.Select(c => c.CellStartUtc).Order());

        using var manage = await client.GetAsync(location);
        var page = await manage.ReadHtmlAsync();
        Assert.Equal(HttpStatusCode.OK, manage.StatusCode);
        Assert.Contains("Thank you", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(appointment.Reference, page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Waiting for Paul to confirm", page.QuerySelector(".status-badge")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Tuesday 2 March 2027 at 10:00", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("meta[name='robots'][content='noindex']"));
    }

    [Fact]
    public async Task once_stored_shows_the_absolute_manage_link_to_keep_on_the_page_it_leads_to()
    {
        var visit = new VisitRequest { StartUtc = new DateTime(2027, 3, 9, 10, 0, 0, DateTimeKind.Utc), Email = "keep-the-link@example.com" };
        using var client = NewClient();

        using var response = await BookingFlow.SubmitAsync(client, visit);
        var location = response.Headers.Location!.OriginalString;
        using var manage = await client.GetAsync(location);
        var page = await manage.ReadHtmlAsync();

        // The site's configured public address (Practice:BaseUrl), as in the e-mails, not the address of this request.
        var expected = "http://localhost:5080" + location;
        var banner = page.QuerySelector("main .alert-success")!;
        var link = banner.QuerySelector("a#manage-link");
        Assert.NotNull(link);
        Assert.Equal(expected, link.GetAttribute("href"));
        Assert.Equal(expected, link.TextContent.Trim());
        Assert.Contains("The same link is in the e-mail we have sent you", banner.TextContent, StringComparison.Ordinal);

        // Only straight after booking: opened again later, the page does not repeat it.
        var again = await (await client.GetAsync(location)).ReadHtmlAsync();
        Assert.Null(again.QuerySelector("#manage-link"));
    }

    [Fact]
    public async Task from_an_e_mail_address_seen_before_gets_a_record_of_its_own_and_changes_nothing_of_the_first()
    {
        await BookingFlow.BookAsync(Factory, new VisitRequest
        {
            StartUtc = new DateTime(2027, 3, 3, 10, 0, 0, DateTimeKind.Utc),
            Email = "Repeat.Client@Example.com",
            Phone = "07700 900001",
        });
        await BookingFlow.BookAsync(Factory, new VisitRequest
        {
            StartUtc = new DateTime(2027, 3, 3, 15, 0, 0, DateTimeKind.Utc),
            Email = "  repeat.client@example.COM ",
            Phone = "07700 900002",
            Name = "Annabel T. Person",
        });

        // Without signing in, knowing an address proves nothing: each booking keeps its own details.
        var clients = await Factory.WithDbAsync(db => db.Clients.AsNoTracking().Include(c => c.Appointments)
            .Where(c => c.NormalizedEmail == "REPEAT.CLIENT@EXAMPLE.COM").OrderBy(c => c.Id).ToListAsync());
        Assert.Equal(2, clients.Count);
        Assert.All(clients, c => Assert.True(c.Provisional && c.Appointments.Count == 1));
        Assert.Equal(("Annabel Testperson", "07700 900001"), (clients[0].Name, clients[0].Phone));
        Assert.Equal(("Annabel T. Person", "07700 900002"), (clients[1].Name, clients[1].Phone));
        Assert.Equal("repeat.client@example.COM", clients[1].Email);
    }

    [Fact]
    public async Task from_outside_the_area_explains_and_offers_a_way_to_ask_and_stores_nothing()
    {
        var visit = new VisitRequest { StartUtc = FreeSlot, Postcode = "m1 1ae", Email = "far-away@example.com" };
        using var client = NewClient();

        using var response = await BookingFlow.SubmitAsync(client, visit, formPage: new VisitRequest { StartUtc = FreeSlot }.DetailsUrl);
        var page = await response.ReadHtmlAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Sorry, Paul does not usually travel to M1.", page.ErrorSummary());
        var warning = page.QuerySelector(".alert-warning")!;
        Assert.Contains("M1 is outside the area Paul usually covers", warning.TextContent, StringComparison.Ordinal);
        Assert.NotNull(warning.QuerySelector("a[href^='mailto:']"));
        Assert.NotNull(warning.QuerySelector("a[href^='tel:']"));
        Assert.Equal("M1 1AE", page.FieldValue("Postcode"));
        Assert.False(await AnythingStoredForAsync(visit.Email));
    }

    [Theory]
    [InlineData("SaddleNumbness")]
    [InlineData("NewBladderOrBowelProblems")]
    [InlineData("WorseningLegWeakness")]
    public async Task with_an_emergency_red_flag_says_call_999_or_go_to_a_and_e_and_stores_nothing(string flag)
    {
        var page = await SubmitRedFlagAsync(flag, $"emergency-{flag}@example.com");

        var advice = page.QuerySelector("main .alert-danger")!;
        Assert.Contains("Call 999 or go to A&E now.", advice.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("NHS 111", advice.TextContent, StringComparison.Ordinal);
        Assert.False(await AnythingStoredForAsync($"emergency-{flag}@example.com"));
    }

    [Theory]
    [InlineData("PainAfterFallOrAccident")]
    [InlineData("BackPainWithFever")]
    [InlineData("UnexplainedWeightLoss")]
    [InlineData("ConstantPainAtNight")]
    public async Task with_another_red_flag_says_see_a_gp_or_call_nhs_111_and_stores_nothing(string flag)
    {
        var page = await SubmitRedFlagAsync(flag, $"gp-{flag}@example.com");

        var advice = page.QuerySelector("main .alert-warning")!;
        Assert.Contains("Please speak to your GP, or call NHS 111, before having massage.", advice.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("999", advice.TextContent, StringComparison.Ordinal);
        Assert.False(await AnythingStoredForAsync($"gp-{flag}@example.com"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task with_a_red_flag_shows_the_advice_before_any_other_mistake_and_stores_nothing(bool alsoTickedNoneApply)
    {
        var email = $"red-flag-first-{alsoTickedNoneApply}@example.com".ToLowerInvariant();
        var visit = new VisitRequest { StartUtc = FreeSlot, Email = email, RedFlags = ["WorseningLegWeakness"], NoRedFlags = alsoTickedNoneApply };
        string[] leftEmpty = ["Name", "Phone", "Address.AddressLine1", "Address.Town", "Intake.MainComplaint", "Intake.PainIntensity", "Intake.Duration", "Intake.Feelings", "ConsentToHealthData", "AcceptCancellationPolicy"];
        var fields = visit.Fields().Where(f => !leftEmpty.Contains(f.Key)).ToList();
        using var client = NewClient();

        using var response = await BookingFlow.SubmitAsync(client, visit, fields);
        var page = await response.ReadHtmlAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Please get medical help before booking a massage", page.QuerySelector("main h1")?.TextContent.Trim());
        Assert.Contains("Call 999 or go to A&E now.", page.QuerySelector("main .alert-danger")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#form-errors"));
        Assert.DoesNotContain("Enter a phone number", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form[action='/book/details']"));
        Assert.False(await AnythingStoredForAsync(email));
    }

    private async Task<IDocument> SubmitRedFlagAsync(string flag, string email)
    {
        var visit = new VisitRequest { StartUtc = FreeSlot, Email = email, RedFlags = [flag], NoRedFlags = false };
        using var client = NewClient();

        using var response = await BookingFlow.SubmitAsync(client, visit);
        var page = await response.ReadHtmlAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Please get medical help before booking a massage", page.QuerySelector("main h1")?.TextContent.Trim());
        Assert.Contains("nothing you entered has been stored", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("meta[name='robots'][content='noindex']"));
        return page;
    }

    [Fact]
    public async Task with_a_contraindication_is_stored_for_review_and_flagged_in_the_back_office()
    {
        var visit = new VisitRequest
        {
            StartUtc = new DateTime(2027, 3, 4, 10, 0, 0, DateTimeKind.Utc),
            Email = "review-me@example.com",
            Contraindications = ["BloodThinners", "Pregnancy"],
        };

        await BookingFlow.BookAsync(Factory, visit);

        var appointment = await Factory.WithDbAsync(db => db.Appointments.AsNoTracking().Include(a => a.Intake)
            .SingleAsync(a => a.Client!.NormalizedEmail == "REVIEW-ME@EXAMPLE.COM"));
        Assert.True(appointment.NeedsReview);
        Assert.Equal(AppointmentStatus.Requested, appointment.Status);
        Assert.Equal(ScreeningOutcome.NeedsReview, appointment.Intake!.Outcome);
        Assert.Equal(Contraindication.BloodThinners | Contraindication.Pregnancy, appointment.Intake.Contraindications);

        using var therapist = await Factory.TherapistAsync(followRedirects: false);
        var admin = await (await therapist.GetAsync("/admin")).ReadHtmlAsync();
        var row = admin.QuerySelectorAll("article").Single(a => a.TextContent.Contains(appointment.Reference, StringComparison.Ordinal));
        Assert.Contains("request-flagged", row.ClassList);
        Assert.Equal("Needs review", row.QuerySelector(".badge")?.TextContent.Trim());
        Assert.Contains("Taking blood-thinning medicine", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Pregnancy", row.TextContent, StringComparison.Ordinal);
        Assert.Same(row, admin.QuerySelectorAll("article").First(a => a.ClassList.Contains("request-flagged")));
    }

    [Theory]
    [InlineData("2027-03-07T10:00:00Z")] // Sunday: closed
    [InlineData("2027-03-02T08:00:00Z")] // before opening
    [InlineData("2027-03-02T18:30:00Z")] // would end after closing
    [InlineData("2027-03-06T13:15:00Z")] // Saturday, would end after 14:00
    [InlineData("2027-03-01T15:00:00Z")] // six hours away: inside the 24-hour notice
    [InlineData("2027-03-02T08:45:00Z")] // before opening, and a quarter of an hour short of the notice
    [InlineData("2027-03-05T10:05:00Z")] // off the quarter-hour grid
    [InlineData("2027-04-27T10:00:00Z")] // beyond the eight-week horizon
    [InlineData("2027-02-26T10:00:00Z")] // in the past
    public async Task for_a_time_that_is_not_offered_is_refused_with_other_times_and_stores_nothing(string start)
    {
        var email = $"refused-{start[..13].Replace(':', '-')}@example.com";
        var visit = new VisitRequest { StartUtc = DateTime.Parse(start, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal), Email = email };
        using var client = NewClient();

        using var response = await BookingFlow.SubmitAsync(client, visit, formPage: new VisitRequest { StartUtc = FreeSlot }.DetailsUrl);
        var page = await response.ReadHtmlAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(page.ErrorSummary(), e => e.StartsWith("Sorry, that time cannot be booked", StringComparison.Ordinal));
        Assert.NotEmpty(page.QuerySelectorAll("input[type='radio'][name='Start']"));
        Assert.Equal(visit.Name, page.FieldValue("Name"));
        Assert.Equal(visit.MainComplaint, page.FieldValue("Intake.MainComplaint"));
        Assert.False(await AnythingStoredForAsync(email));
    }

    [Fact]
    public async Task details_page_for_a_time_that_is_not_offered_sends_the_client_back_to_the_free_times()
    {
        using var client = NewClient();
        var visit = new VisitRequest { StartUtc = new DateTime(2027, 3, 7, 10, 0, 0, DateTimeKind.Utc) };

        using var response = await client.GetAsync(visit.DetailsUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/book/slots?", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
