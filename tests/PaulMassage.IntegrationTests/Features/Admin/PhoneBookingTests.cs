using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PaulMassage.IntegrationTests.Infrastructure;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Scheduling;
using PaulMassage.Web.Features.Screening;

namespace PaulMassage.IntegrationTests.Features.Admin;

public sealed partial class ThePhoneBooking(PracticeAppFactoryFixture fixture) : IClassFixture<PracticeAppFactoryFixture>
{
    private const string Page = "/admin/bookings/new";

    private PracticeAppFactory Factory => fixture.Factory;

    [Fact]
    public async Task a_phone_booking_for_a_new_client_is_confirmed_at_once_with_its_intake()
    {
        using var therapist = await Factory.TherapistAsync();
        var email = "new.caller@client.example";

        var response = await BookAsync(therapist, ("Email", email), ("Name", "Nina Caller"), ("Date", "2027-03-15"), ("Time", "10:00"),
            ("Intake.MainComplaint", "Stiff neck from cycling"), ("Intake.PainAreas", "Neck"), ("Intake.PainIntensity", "4"), ("Intake.Duration", "UnderSixWeeks"),
            ("Intake.Feelings", "Stiffness"), ("IntakeConsent", "true"));

        var html = await response.Content.ReadAsStringAsync();
        Assert.Matches("^/admin/requests/[0-9]+$", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.StartsWith("Booked and confirmed: PM-", Sessions.AdminMessage(html), StringComparison.Ordinal);
        var stored = await Factory.WithDbAsync(db => db.Appointments.AsNoTracking()
            .Include(a => a.Client).Include(a => a.Intake).Include(a => a.History).Include(a => a.SlotClaims)
            .SingleAsync(a => a.Client!.NormalizedEmail == "NEW.CALLER@CLIENT.EXAMPLE"));
        Assert.Equal(AppointmentStatus.Confirmed, stored.Status);
        Assert.Equal(Visits.March(15, 10), stored.StartUtc);
        Assert.Equal(Visits.March(15, 11), stored.EndUtc);
        Assert.Equal(70m, stored.PriceGbp);
        Assert.Equal("Nina Caller", stored.Client!.Name);
        Assert.Equal("Stiff neck from cycling", stored.Intake!.MainComplaint);
        Assert.Equal(BodyArea.Neck, stored.Intake.PainAreas);
        Assert.Equal(ScreeningOutcome.Clear, stored.Intake.Outcome);
        Assert.Equal(6, stored.SlotClaims.Count);
        Assert.All(stored.History, e => Assert.Equal(PracticeAppFactory.TherapistEmail, e.Actor));
        Assert.Equal([AppointmentStatus.Requested, AppointmentStatus.Confirmed], stored.History.OrderBy(e => e.Id).Select(e => e.ToStatus));

        // The client's private link is shown, said to be in the e-mail already sent (not "not stored"), and it works.
        var link = ManageLink().Match(html);
        Assert.True(link.Success, "The new booking's manage link is shown.");
        var decoded = WebUtility.HtmlDecode(html);
        Assert.DoesNotContain("it is not stored", decoded, StringComparison.Ordinal);
        Assert.Contains("It went to new.caller@client.example with the confirmation e-mail", decoded, StringComparison.Ordinal);
        using var client = Factory.Browser(followRedirects: true);
        var manage = await client.GetStringAsync(new Uri(link.Groups[1].Value).PathAndQuery);
        Assert.Contains("Confirmed", manage, StringComparison.Ordinal);
        Assert.Contains(stored.Reference, manage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task an_overlap_with_another_visit_is_refused_naming_it_even_when_told_to_book_anyway()
    {
        var existing = await Visits.RequestAsync(Factory, Visits.March(16, 10), name: "Olive Existing");
        using var therapist = await Factory.TherapistAsync();

        var response = await BookAsync(therapist, ("Email", "overlap@client.example"), ("Name", "Oscar Overlap"), ("Date", "2027-03-16"), ("Time", "10:30"), ("OverrideRules", "true"));

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(Page, response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("This time cannot be booked:", html, StringComparison.Ordinal);
        Assert.Contains($"It clashes with Olive Existing's visit ({existing.Reference}) on Tuesday 16 March, 10:00 to 11:00.", html, StringComparison.Ordinal);
        Assert.Contains("A clash with another visit or its travel time cannot be overridden", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Oscar Overlap\"", html, StringComparison.Ordinal); // what he typed is kept
        Assert.False(await Factory.WithDbAsync(db => db.Clients.AnyAsync(c => c.NormalizedEmail == "OVERLAP@CLIENT.EXAMPLE")));
    }

    [Fact]
    public async Task a_start_inside_the_travel_time_after_another_visit_is_refused_and_one_after_it_is_accepted()
    {
        var existing = await Visits.RequestAsync(Factory, Visits.March(17, 10), name: "Tara Travel");
        using var therapist = await Factory.TherapistAsync();

        var tooSoon = await BookAsync(therapist, ("Email", "buffer@client.example"), ("Name", "Ben Buffer"), ("Date", "2027-03-17"), ("Time", "11:15"));
        var html = WebUtility.HtmlDecode(await tooSoon.Content.ReadAsStringAsync());
        Assert.Contains($"It clashes with Tara Travel's visit ({existing.Reference})", html, StringComparison.Ordinal);
        Assert.Contains("You need 30 minutes to travel between them.", html, StringComparison.Ordinal);

        var inTime = await BookAsync(therapist, ("Email", "buffer@client.example"), ("Name", "Ben Buffer"), ("Date", "2027-03-17"), ("Time", "11:30"));
        Assert.StartsWith("Booked and confirmed", Sessions.AdminMessage(await inTime.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task outside_working_hours_is_refused_until_he_ticks_book_it_anyway()
    {
        using var therapist = await Factory.TherapistAsync();
        (string, string)[] evening = [("Email", "evening@client.example"), ("Name", "Eve Evening"), ("Date", "2027-03-18"), ("Time", "19:30")];

        var refused = await BookAsync(therapist, evening);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Check before booking this time:", html, StringComparison.Ordinal);
        Assert.Contains("It is outside your working hours on Thursdays (09:00 to 19:00).", html, StringComparison.Ordinal);
        Assert.Contains("tick \"Book it anyway\"", html, StringComparison.Ordinal);
        Assert.False(await Factory.WithDbAsync(db => db.Clients.AnyAsync(c => c.NormalizedEmail == "EVENING@CLIENT.EXAMPLE")));

        var booked = await BookAsync(therapist, [.. evening, ("OverrideRules", "true")]);
        Assert.StartsWith("Booked and confirmed", Sessions.AdminMessage(await booked.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var stored = await Factory.WithDbAsync(db => db.Appointments.AsNoTracking().Include(a => a.History)
            .SingleAsync(a => a.Client!.NormalizedEmail == "EVENING@CLIENT.EXAMPLE"));
        Assert.Equal(AppointmentStatus.Confirmed, stored.Status);
        Assert.Contains(stored.History, e => e.Note != null && e.Note.Contains("Overrode: It is outside your working hours", StringComparison.Ordinal));
    }

    [Fact]
    public async Task short_notice_and_an_address_outside_the_area_may_be_overridden_but_a_time_gone_may_not()
    {
        using var therapist = await Factory.TherapistAsync();

        var shortNotice = await BookAsync(therapist, ("Email", "soon@client.example"), ("Name", "Sam Soon"), ("Date", "2027-03-01"), ("Time", "15:00"), ("Postcode", "BS1 4DJ"));
        var html = WebUtility.HtmlDecode(await shortNotice.Content.ReadAsStringAsync());
        Assert.Contains("It is less than 24 hours from now, your usual notice.", html, StringComparison.Ordinal);
        Assert.Contains("BS1 is not one of the districts you serve.", html, StringComparison.Ordinal);

        var overridden = await BookAsync(therapist, ("Email", "soon@client.example"), ("Name", "Sam Soon"), ("Date", "2027-03-01"), ("Time", "15:00"), ("Postcode", "BS1 4DJ"), ("OverrideRules", "true"));
        Assert.StartsWith("Booked and confirmed", Sessions.AdminMessage(await overridden.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var past = await BookAsync(therapist, ("Email", "late@client.example"), ("Name", "Liam Late"), ("Date", "2027-03-01"), ("Time", "08:00"), ("OverrideRules", "true"));
        html = WebUtility.HtmlDecode(await past.Content.ReadAsStringAsync());
        Assert.Contains("That time has already passed.", html, StringComparison.Ordinal);
        Assert.Contains("A time that has already passed cannot be booked. Choose another time.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("clash", html, StringComparison.OrdinalIgnoreCase); // there is none
        Assert.False(await Factory.WithDbAsync(db => db.Clients.AnyAsync(c => c.NormalizedEmail == "LATE@CLIENT.EXAMPLE")));
    }

    [Fact]
    public async Task an_existing_client_is_found_by_email_and_booked_without_retyping_their_details()
    {
        var earlier = await Factory.VisitAsync("rita@client.example", Visits.March(19, 9), name: "Rita Regular", phone: "07700 900456");

        // Someone else booked online with Rita's address: their typed details are not Rita's and stay out of it.
        var stranger = await Visits.RequestAsync(Factory, Visits.March(19, 13), name: "Someone Else", email: "RITA@client.example");
        using var therapist = await Factory.TherapistAsync();

        var form = await therapist.GetStringAsync(Page + "?email=RITA%40client.example");
        Assert.Contains("id=\"client-found\"", form, StringComparison.Ordinal);
        Assert.DoesNotContain("Someone Else", form, StringComparison.Ordinal);
        Assert.Contains("value=\"Rita Regular\"", form, StringComparison.Ordinal);
        Assert.Contains("value=\"1 Test Street\"", form, StringComparison.Ordinal);
        Assert.Contains("value=\"SE1 7PB\"", form, StringComparison.Ordinal);

        var response = await BookAsync(therapist, ("Email", "Rita@Client.example"), ("Name", string.Empty), ("Phone", string.Empty), ("Date", "2027-03-26"), ("Time", "09:00"));

        Assert.StartsWith("Booked and confirmed", Sessions.AdminMessage(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var clients = await Factory.WithDbAsync(db => db.Clients.Include(c => c.Appointments).Where(c => c.NormalizedEmail == "RITA@CLIENT.EXAMPLE" && !c.Provisional).ToListAsync());
        var rita = Assert.Single(clients);
        Assert.DoesNotContain(rita.Appointments, a => a.Id == stranger.Id);
        Assert.Equal("Rita Regular", rita.Name);
        Assert.Equal("07700 900456", rita.Phone);
        Assert.Equal(2, rita.Appointments.Count);
        Assert.Contains(rita.Appointments, a => a.Id == earlier.Id);
    }

    [Fact]
    public async Task a_client_who_says_no_to_review_requests_on_the_phone_is_never_asked()
    {
        using var therapist = await Factory.TherapistAsync();
        Assert.Contains("name=\"NoReviewRequests\"", await therapist.GetStringAsync(Page), StringComparison.Ordinal);

        await BookAsync(therapist, ("Email", "no.reviews@client.example"), ("Name", "Nell Noreview"), ("Date", "2027-03-29"), ("Time", "09:00"), ("NoReviewRequests", "true"));
        await BookAsync(therapist, ("Email", "fine.reviews@client.example"), ("Name", "Finn Fine"), ("Date", "2027-03-29"), ("Time", "13:00"));

        var optedOut = await Factory.WithDbAsync(db => db.Clients.Where(c => c.NormalizedEmail == "NO.REVIEWS@CLIENT.EXAMPLE").Select(c => c.NoReviewRequestsUtc).SingleAsync());
        var asked = await Factory.WithDbAsync(db => db.Clients.Where(c => c.NormalizedEmail == "FINE.REVIEWS@CLIENT.EXAMPLE").Select(c => c.NoReviewRequestsUtc).SingleAsync());
        Assert.NotNull(optedOut);
        Assert.Null(asked);
    }

    [Fact]
    public async Task a_new_client_needs_a_name_and_phone_number()
    {
        using var therapist = await Factory.TherapistAsync();

        var response = await BookAsync(therapist, ("Email", "nameless@client.example"), ("Name", string.Empty), ("Phone", string.Empty), ("Date", "2027-03-22"), ("Time", "09:00"));

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("There is no client with this e-mail address yet: enter their name.", html, StringComparison.Ordinal);
        Assert.Contains("There is no client with this e-mail address yet: enter their phone number.", html, StringComparison.Ordinal);
        Assert.False(await Factory.WithDbAsync(db => db.Clients.AnyAsync(c => c.NormalizedEmail == "NAMELESS@CLIENT.EXAMPLE")));
    }

    [Fact]
    public async Task the_form_is_checked_on_the_server_and_keeps_what_was_typed()
    {
        using var therapist = await Factory.TherapistAsync();

        var response = await BookAsync(therapist, ("Email", "checks@client.example"), ("Name", "Chris Checks"), ("Date", "2027-03-23"), ("Time", "10:10"),
            ("Postcode", "NOT A POSTCODE"), ("Minutes", "75"), ("Intake.MainComplaint", "Sore shoulders"));

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Choose a start time on the quarter hour, for example 10:00, 10:15 or 10:30.", html, StringComparison.Ordinal);
        Assert.Contains("Enter a full UK postcode, for example SE1 7PB.", html, StringComparison.Ordinal);
        Assert.Contains("Deep tissue massage is offered for 60 or 90 minutes.", html, StringComparison.Ordinal);
        Assert.Contains("You started the intake: choose how strong the pain is, from 0 to 10.", html, StringComparison.Ordinal);
        Assert.Contains("Health answers can only be kept with the client's consent.", html, StringComparison.Ordinal);
        Assert.Contains("Sore shoulders", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Chris Checks\"", html, StringComparison.Ordinal);
        Assert.False(await Factory.WithDbAsync(db => db.Clients.AnyAsync(c => c.NormalizedEmail == "CHECKS@CLIENT.EXAMPLE")));
    }

    [Fact]
    public async Task a_red_flag_stops_the_booking_with_the_advice_to_pass_on_before_any_other_check()
    {
        using var therapist = await Factory.TherapistAsync();
        var form = await therapist.GetStringAsync(Page);
        Assert.NotNull(Html.Parse(form).QuerySelector("input#flag-SaddleNumbness[name='Intake.RedFlags']"));

        // No date, time, address or town, and an intake started without consent: none of that is asked about first.
        var response = await BookAsync(therapist, ("Email", "red.flag@client.example"), ("Name", "Rhys Redflag"), ("Address.AddressLine1", string.Empty), ("Address.Town", string.Empty),
            ("Intake.MainComplaint", "Numb around the seat since yesterday"), ("Intake.RedFlags", "SaddleNumbness"), ("Intake.RedFlags", "ConstantPainAtNight"));

        var page = await response.ReadHtmlAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Page, response.RequestMessage!.RequestUri!.AbsolutePath);
        var advice = page.QuerySelector("#safety-stop")!.TextContent;
        Assert.Contains("Not booked: the client needs medical help first", advice, StringComparison.Ordinal);
        Assert.Contains("Call 999 or go to A&E now.", advice, StringComparison.Ordinal);
        string[] notAskedFirst = ["Choose the date of the visit.", "Enter the first line of the address.", "Health answers can only be kept with the client's consent."];
        Assert.All(notAskedFirst, message => Assert.DoesNotContain(message, page.Body!.TextContent, StringComparison.Ordinal));
        Assert.False(await Factory.WithDbAsync(db => db.Clients.AnyAsync(c => c.NormalizedEmail == "RED.FLAG@CLIENT.EXAMPLE")));
    }

    [Fact]
    public async Task a_red_flag_that_is_not_urgent_sends_the_client_to_their_gp_or_nhs_111_and_stores_nothing()
    {
        using var therapist = await Factory.TherapistAsync();

        var response = await BookAsync(therapist, ("Email", "gp.flag@client.example"), ("Name", "Gwen Gp"), ("Date", "2027-03-24"), ("Time", "10:00"), ("Intake.RedFlags", "UnexplainedWeightLoss"));

        var advice = (await response.ReadHtmlAsync()).QuerySelector("#safety-stop")!.TextContent;
        Assert.Contains("Not booked: the client needs medical help first", advice, StringComparison.Ordinal);
        Assert.Contains("Please speak to your GP, or call NHS 111, before having massage.", advice, StringComparison.Ordinal);
        Assert.DoesNotContain("999", advice, StringComparison.Ordinal);
        Assert.False(await Factory.WithDbAsync(db => db.Clients.AnyAsync(c => c.NormalizedEmail == "GP.FLAG@CLIENT.EXAMPLE")));
    }

    [Fact]
    public async Task an_intake_without_an_answer_to_the_red_flags_is_sent_back_keeping_what_was_typed()
    {
        using var therapist = await Factory.TherapistAsync();
        var form = await therapist.GetStringAsync(Page);
        Assert.NotNull(Html.Parse(form).QuerySelector("input#Intake_NoRedFlags[name='Intake.NoRedFlags']"));
        (string, string)[] call = [("Email", "unasked@client.example"), ("Name", "Una Unasked"), ("Date", "2027-03-25"), ("Time", "10:00"), ("Intake.NoRedFlags", "false")];

        var response = await BookAsync(therapist, [.. call, ("Intake.MainComplaint", "Tight calves after a marathon"), ("Intake.PainAreas", "Legs"), ("Intake.PainIntensity", "5"),
            ("Intake.Duration", "UnderSixWeeks"), ("IntakeConsent", "true")]);

        var page = await response.ReadHtmlAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Page, response.RequestMessage!.RequestUri!.AbsolutePath);
        const string unanswered = "You started the intake: ask about the red flags and tick any that apply, or tick \"None of these apply to me\".";
        Assert.Equal(unanswered, page.QuerySelector("#Intake_RedFlags-error")!.TextContent);
        Assert.Equal([unanswered], page.ErrorSummary());
        Assert.Equal("Una Unasked", page.FieldValue("Name"));
        Assert.Equal("Tight calves after a marathon", page.FieldValue("Intake.MainComplaint"));
        Assert.Equal(["Legs"], page.Checked("Intake.PainAreas"));
        Assert.Equal(["true"], page.Checked("IntakeConsent"));
        Assert.False(await Factory.WithDbAsync(db => db.Clients.AnyAsync(c => c.NormalizedEmail == "UNASKED@CLIENT.EXAMPLE")));

        // Without an intake the answer is not required, as before.
        var booked = await BookAsync(therapist, call);
        Assert.StartsWith("Booked and confirmed", Sessions.AdminMessage(await booked.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task time_off_is_named_with_its_reason_and_may_be_overridden()
    {
        await Factory.WithDbAsync(db =>
        {
            db.TimeOff.Add(new TimeOff { StartUtc = Visits.March(24, 13), EndUtc = Visits.March(24, 17), Reason = "Course" });
            return db.SaveChangesAsync();
        });
        using var therapist = await Factory.TherapistAsync();

        var away = await BookAsync(therapist, ("Email", "away@client.example"), ("Name", "Ada Away"), ("Date", "2027-03-24"), ("Time", "14:00"));
        var html = WebUtility.HtmlDecode(await away.Content.ReadAsStringAsync());
        Assert.Contains("Check before booking this time:", html, StringComparison.Ordinal);
        Assert.Contains("It falls in your time off (Course): Wed 24 Mar 2027, 13:00 to 17:00.", html, StringComparison.Ordinal);

        var booked = await BookAsync(therapist, ("Email", "away@client.example"), ("Name", "Ada Away"), ("Date", "2027-03-24"), ("Time", "14:00"), ("OverrideRules", "true"));
        Assert.StartsWith("Booked and confirmed", Sessions.AdminMessage(await booked.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    /// <summary>
    /// Posts the phone booking form with sensible defaults, "None of these apply" among them;
    /// a field given replaces its default, so ("Intake.NoRedFlags", "false") leaves the question unanswered.
    /// </summary>
    private static Task<HttpResponseMessage> BookAsync(HttpClient therapist, params (string Name, string Value)[] fields)
    {
        var defaults = new (string Name, string Value)[]
        {
            ("Phone", "07700 900789"), ("Service", "deep-tissue-massage"), ("Minutes", "60"),
            ("Address.AddressLine1", "5 Phone Road"), ("Address.Town", "London"), ("Postcode", "SE1 7PB"), ("Address.AccessNotes", "Side gate"),
            ("Intake.NoRedFlags", "true"),
        };
        var given = fields.Select(f => f.Name).ToHashSet();
        return Sessions.PostAsync(therapist, Page, Page, [.. defaults.Where(d => !given.Contains(d.Name)), .. fields]);
    }

    [GeneratedRegex("id=\"manage-link\" readonly value=\"([^\"]+)\"")]
    private static partial Regex ManageLink();
}
