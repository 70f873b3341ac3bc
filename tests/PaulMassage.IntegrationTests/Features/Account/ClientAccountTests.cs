using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PaulMassage.IntegrationTests.Infrastructure;
using PaulMassage.Web.Features.Account;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Courses;
using PaulMassage.Web.Features.Notifications;
using static PaulMassage.IntegrationTests.Infrastructure.ClientArrange;

namespace PaulMassage.IntegrationTests.Features.Account;

/// <summary>A client registers, confirms the address from the e-mail, and finds their visits, plan and chart in the account.</summary>
public sealed class TheClientAccount(PracticeAppFactoryFixture fixture) : IClassFixture<PracticeAppFactoryFixture>
{
    private const string Password = "correct horse battery staple";

    private PracticeAppFactory Factory => fixture.Factory;

    private static DateTime February(int day, int hour) => new(2027, 2, day, hour, 0, 0, DateTimeKind.Utc);

    private static Task<HttpResponseMessage> RegisterAsync(HttpClient browser, string email, string password, string? again = null) =>
        FormPost.PostAsync(browser, "/account/register", "/account/register",
            [new("Email", email), new("Password", password), new("ConfirmPassword", again ?? password)]);

    [Fact]
    public async Task after_confirming_the_address_the_bookings_made_before_registering_appear_with_the_plan_and_chart()
    {
        var past = await Factory.VisitAsync("rita.reg@test.example", February(8, 10), AppointmentStatus.Completed, name: "Rita Registered");
        var next = await Factory.VisitAsync("rita.reg@test.example", Visits.March(15, 10), AppointmentStatus.Confirmed);
        await Factory.NoteAsync(past.Id, 6);
        await Factory.WithDbAsync(async db =>
        {
            var serviceId = await db.Services.Where(s => s.Slug == "myofascial-release").Select(s => s.Id).SingleAsync();
            db.Courses.Add(new CourseOfTreatment { ClientId = past.ClientId, ServiceId = serviceId, SessionMinutes = 60, Sessions = 4, IntervalDays = 14, Goal = "Turn the head fully when driving", StartDate = new DateOnly(2027, 2, 1) });
            return await db.SaveChangesAsync();
        });
        using var browser = Factory.Browser();

        var registered = await RegisterAsync(browser, "Rita.Reg@test.example", Password);
        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        Assert.Contains("Check your e-mail", await registered.TextAsync(), StringComparison.Ordinal);

        var tooEarly = await FormPost.PostAsync(browser, "/account/sign-in", "/account/sign-in", [new("Email", "rita.reg@test.example"), new("Password", Password)]);
        Assert.Contains(AccountController.NotRightMessage, await tooEarly.TextAsync(), StringComparison.Ordinal);
        Assert.Null(await Factory.WithDbAsync(db => db.Clients.Where(c => c.Id == past.ClientId).Select(c => c.UserId).SingleAsync()));

        var mail = Assert.Single(await MailPickup.ToAsync(Factory, "rita.reg@test.example"));
        Assert.Contains("Confirm your e-mail address", mail.Subject, StringComparison.Ordinal);
        // A mail scanner's HEAD on the link must not confirm the account: only opening it does.
        using var scanned = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Head, MailPickup.LinkIn(mail, "/account/confirm-email")));
        Assert.NotEqual(HttpStatusCode.OK, scanned.StatusCode);
        Assert.Null(await Factory.WithDbAsync(db => db.Clients.Where(c => c.Id == past.ClientId).Select(c => c.UserId).SingleAsync()));

        var confirmed = await browser.GetAsync(MailPickup.LinkIn(mail, "/account/confirm-email"));
        Assert.Contains("your e-mail address is confirmed", await confirmed.TextAsync(), StringComparison.Ordinal);
        Assert.NotNull(await Factory.WithDbAsync(db => db.Clients.Where(c => c.Id == past.ClientId).Select(c => c.UserId).SingleAsync()));

        var signedIn = await FormPost.PostAsync(browser, "/account/sign-in", "/account/sign-in", [new("Email", "rita.reg@test.example"), new("Password", Password)]);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/account", signedIn.Headers.Location?.OriginalString);

        var account = await browser.GetAsync("/account");
        Assert.Equal(HttpStatusCode.OK, account.StatusCode);
        Assert.True(account.Headers.CacheControl?.NoStore);
        var html = await account.Content.ReadAsStringAsync();
        var text = Text(html);
        Assert.Contains("Hello, Rita Registered", text, StringComparison.Ordinal);
        Assert.Contains(past.Reference, text, StringComparison.Ordinal);
        Assert.Contains(next.Reference, text, StringComparison.Ordinal);
        Assert.Contains("Monday 15 March 2027 at 10:00", text, StringComparison.Ordinal);
        Assert.Contains("Turn the head fully when driving", text, StringComparison.Ordinal);
        Assert.Contains("1 of 4 sessions done", text, StringComparison.Ordinal);
        Assert.Contains("Pain score 6 out of 10 on 8 February 2027.", text, StringComparison.Ordinal);
        Assert.Contains("<svg class=\"pain-chart\"", html, StringComparison.Ordinal);
        Assert.Contains("Book your next session", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_short_or_mistyped_password_is_refused_and_the_address_kept()
    {
        using var browser = Factory.Browser();

        var tooShort = await RegisterAsync(browser, "short@test.example", "eleven-char");
        var html = await tooShort.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, tooShort.StatusCode);
        Assert.Contains("Passwords must be at least 12 characters.", Text(html), StringComparison.Ordinal);
        Assert.Contains("value=\"short@test.example\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("eleven-char", html, StringComparison.Ordinal);

        var mistyped = await RegisterAsync(browser, "short@test.example", "a perfectly long password", "a perfectly long passw0rd");
        Assert.Contains("The two passwords are not the same.", await mistyped.TextAsync(), StringComparison.Ordinal);

        var noAddress = await RegisterAsync(browser, "not-an-address", Password);
        Assert.Contains(MailboxAttribute.Message, await noAddress.TextAsync(), StringComparison.Ordinal);
        Assert.Empty(await MailPickup.ToAsync(Factory, "short@test.example"));
    }

    [Fact]
    public async Task registering_an_address_that_already_has_an_account_looks_the_same_and_mails_the_owner_a_reset_link()
    {
        await Factory.ClientAccountAsync("taken@test.example", Password);
        using var browser = Factory.Browser();

        var response = await RegisterAsync(browser, "taken@test.example", "someone else's password");

        Assert.Contains("Check your e-mail", await response.TextAsync(), StringComparison.Ordinal);
        var mail = Assert.Single(await MailPickup.ToAsync(Factory, "taken@test.example"));
        Assert.Contains("Reset your", mail.Subject, StringComparison.Ordinal);
        using var owner = await Factory.SignedInAsync("taken@test.example", Password); // the password is unchanged
    }

    [Fact]
    public async Task a_forgotten_password_is_reset_through_the_e_mailed_link()
    {
        await Factory.ClientAccountAsync("forgetful@test.example", Password);
        using var browser = Factory.Browser();
        var asked = await FormPost.PostAsync(browser, "/account/forgot-password", "/account/forgot-password", [new("Email", "forgetful@test.example")]);
        Assert.Contains("Check your e-mail", await asked.TextAsync(), StringComparison.Ordinal);

        var link = MailPickup.LinkIn(Assert.Single(await MailPickup.ToAsync(Factory, "forgetful@test.example")), "/account/reset-password");
        var page = await browser.GetStringAsync(link);
        var code = System.Text.RegularExpressions.Regex.Match(page, "name=\"Code\" value=\"([^\"]+)\"").Groups[1].Value;
        var reset = await FormPost.PostAsync(browser, link, "/account/reset-password",
            [new("Email", "forgetful@test.example"), new("Code", WebUtility.HtmlDecode(code)), new("Password", "a brand new passphrase"), new("ConfirmPassword", "a brand new passphrase")]);
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);

        using var signedIn = await Factory.SignedInAsync("forgetful@test.example", "a brand new passphrase");
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync("/account")).StatusCode);
    }

    [Fact]
    public async Task a_broken_confirmation_link_says_so()
    {
        using var browser = Factory.Browser();
        var response = await browser.GetAsync("/account/confirm-email?userId=nobody&code=bm90LWEtdG9rZW4");
        Assert.Contains("This link does not work", await response.TextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task booking_without_signing_in_still_works_and_the_visit_joins_the_account_once_the_address_is_proven()
    {
        await Factory.ClientAccountAsync("books-later@test.example", Password);
        using var visitor = Factory.Browser();
        var start = Visits.March(16, 11).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        var details = $"/book/details?service=swedish-massage&minutes=60&postcode=SE1%207PB&start={Uri.EscapeDataString(start)}";

        var booked = await FormPost.PostAsync(visitor, details, "/book/details",
        [
            new("Service", "swedish-massage"), new("Minutes", "60"), new("Postcode", "SE1 7PB"), new("Start", start),
            new("Name", "Lena Later"), new("Email", "books-later@test.example"), new("Phone", "07700 900999"),
            new("Address.AddressLine1", "2 Test Road"), new("Address.Town", "London"), new("Intake.MainComplaint", "Tight shoulders"),
            new("Intake.PainAreas", "Shoulders"), new("Intake.PainIntensity", "5"), new("Intake.Duration", "UnderSixWeeks"), new("Intake.Feelings", "MuscleAcheOrTension"),
            new("Intake.NoRedFlags", "true"), new("ConsentToHealthData", "true"), new("AcceptCancellationPolicy", "true"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        Assert.StartsWith("/bookings/", booked.Headers.Location?.OriginalString, StringComparison.Ordinal);
        var reference = await Factory.WithDbAsync(db => db.Appointments.Where(a => a.Client!.Email == "books-later@test.example").Select(a => a.Reference).SingleAsync());

        // Typing the address proved nothing: the visit stays out of the account...
        using var client = await Factory.SignedInAsync("books-later@test.example", Password);
        Assert.DoesNotContain(reference, Text(await client.GetStringAsync("/account")), StringComparison.Ordinal);

        // ...until the address's owner says, from the e-mail sent to it, that the booking is theirs.
        await Factory.ProveAddressAsync("books-later@test.example", reference);
        var text = Text(await client.GetStringAsync("/account"));
        Assert.Contains(reference, text, StringComparison.Ordinal);
        Assert.Contains("Waiting for Paul to confirm", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_visit_paul_books_by_phone_for_the_address_shows_at_once_in_the_session_already_open()
    {
        await Factory.ClientAccountAsync("phoned-in@test.example", Password);
        using var client = await Factory.SignedInAsync("phoned-in@test.example", Password);
        Assert.DoesNotContain("Hello, Pia Phoned", Text(await client.GetStringAsync("/account")), StringComparison.Ordinal);

        // Paul's phone booking makes the address's record while the client is signed in: it is the account's as it is made.
        var visit = await Factory.VisitAsync("phoned-in@test.example", Visits.March(17, 10), name: "Pia Phoned");

        var text = Text(await client.GetStringAsync("/account"));
        Assert.Contains("Hello, Pia Phoned", text, StringComparison.Ordinal);
        Assert.Contains(visit.Reference, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task page_views_only_read_and_signing_in_links_the_addresss_record_that_was_not_linked_yet()
    {
        var userId = await Factory.ClientAccountAsync("legacy@test.example", Password);
        using var before = await Factory.SignedInAsync("legacy@test.example", Password);

        // A record of the address that nothing linked (as one made before records were linked where they are made).
        var clientId = await Factory.WithDbAsync(async db =>
        {
            var record = PaulMassage.Web.Features.Clients.Client.ForAddress("Lou Legacy", "legacy@test.example", "07700 900555", Factory.Clock.GetUtcNow().UtcDateTime);
            db.Clients.Add(record);
            await db.SaveChangesAsync();
            return record.Id;
        });

        // The open session's pages read; they link nothing.
        Assert.DoesNotContain("Hello, Lou Legacy", Text(await before.GetStringAsync("/account")), StringComparison.Ordinal);
        Assert.DoesNotContain("Lou Legacy", await before.GetStringAsync("/account/privacy/my-data"), StringComparison.Ordinal);
        Assert.Null(await Factory.WithDbAsync(db => db.Clients.Where(c => c.Id == clientId).Select(c => c.UserId).SingleAsync()));

        // Signing in proves the address again: the record joins the account.
        using var after = await Factory.SignedInAsync("legacy@test.example", Password);
        Assert.Equal(userId, await Factory.WithDbAsync(db => db.Clients.Where(c => c.Id == clientId).Select(c => c.UserId).SingleAsync()));
        Assert.Contains("Hello, Lou Legacy", Text(await after.GetStringAsync("/account")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_booking_paul_makes_the_addresss_record_joins_the_confirmed_account_of_the_address()
    {
        await Factory.ClientAccountAsync("adopted@test.example", Password);
        var booked = await Factory.BookAsync((await Factory.FreeStartsAsync(1))[0], "Ada Adopted", "adopted@test.example");
        using var client = await Factory.SignedInAsync("adopted@test.example", Password);
        Assert.DoesNotContain(booked.Reference, Text(await client.GetStringAsync("/account")), StringComparison.Ordinal);

        // No record holds the address: Paul makes this booking's record the address's own.
        using var paul = await Factory.TherapistAsync(followRedirects: false);
        using (var adopted = await FormPost.PostAsync(paul, $"/admin/requests/{booked.Id}", $"/admin/requests/{booked.Id}/link-client", []))
        {
            Assert.Equal(HttpStatusCode.Redirect, adopted.StatusCode);
        }

        Assert.False(await Factory.WithDbAsync(db => db.Clients.Where(c => c.Id == booked.ClientId).Select(c => c.Provisional).SingleAsync()));
        Assert.Contains(booked.Reference, Text(await client.GetStringAsync("/account")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_ids_of_its_own_records_are_those_of_its_records_never_a_provisional_ones_nor_those_of_an_account_that_is_gone()
    {
        var own = await Factory.VisitAsync("ids.owner@test.example", Visits.March(18, 10), name: "Ida Owner");
        var other = await Factory.VisitAsync("ids.earlier@test.example", Visits.March(18, 12), name: "Ida Owner");
        var userId = await Factory.ClientAccountAsync("ids.owner@test.example", Password);
        await Factory.WithDbAsync(async db =>
        {
            (await db.Clients.SingleAsync(c => c.Id == other.ClientId)).UserId = userId;
            return await db.SaveChangesAsync();
        });
        var stranger = await Factory.BookAsync((await Factory.FreeStartsAsync(1))[0], "Sam Stranger", "IDS.OWNER@test.example");

        await using var scope = Factory.Scope();
        var accounts = scope.ServiceProvider.GetRequiredService<ClientAccounts>();
        Assert.Equal([own.ClientId, other.ClientId], await accounts.OwnRecordIdsAsync(userId));
        Assert.Equal([own.ClientId, other.ClientId], (await accounts.OwnRecordsAsync(userId)).Select(r => r.Id));
        Assert.DoesNotContain(stranger.ClientId, await accounts.OwnRecordIdsAsync(userId));
        Assert.Empty(await accounts.OwnRecordIdsAsync(string.Empty));
        Assert.Empty(await accounts.OwnRecordIdsAsync("no-such-account"));

        // An account deleted while its records still name it owns nothing any more.
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
        Assert.True((await users.DeleteAsync((await users.FindByIdAsync(userId))!)).Succeeded);
        Assert.Empty(await accounts.OwnRecordIdsAsync(userId));
        Assert.Empty(await accounts.OwnRecordsAsync(userId));
    }
}
