using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PaulMassage.BrowserTests.Booking;
using PaulMassage.BrowserTests.Infrastructure;
using PaulMassage.IntegrationTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PaulMassage.BrowserTests.BackOffice;

/// <summary>
/// Journeys through the back office and the client's account: the therapist confirms a request and
/// finds it in his week and his day's agenda; a client who booked confirms from the request e-mail
/// that it was them, registers, confirms the address and sees their history; the owner of an address
/// someone else booked with says it was not them, and the therapist sees the flag.
/// </summary>
public abstract class BackOfficeJourneys(BrowserFixture browser, Viewport viewport)
{
    [Fact]
    [Trait("Journey", "BackOffice")]
    public async Task the_therapist_signs_in_confirms_a_request_and_sees_it_in_his_week_and_day_agenda()
    {
        var client = $"Robin Week {viewport}";
        string reference = string.Empty, manageLink = string.Empty;
        await browser.RunAsync(viewport, async visitor =>
            (reference, manageLink) = await BookingSteps.BookAsync(visitor, VisitorDetails.Sample($"week-{viewport.Name()}@example.com") with { Name = client }));
        var localDate = await VisitDateAsync(reference);

        await browser.RunAsync(viewport, async session =>
        {
            var page = session.Page;
            await SignIn.AsTherapistAsync(session, browser.Site);
            await Expect(page).ToHaveURLAsync(new Regex("/admin$"));

            // The request is waiting: confirm it from the list.
            var request = page.GetByRole(AriaRole.Article).Filter(new() { HasText = "ref " + reference });
            await Expect(request).ToContainTextAsync(client);
            await session.AuditAsync("admin-requests");
            await session.ActivateAsync(request.GetByRole(AriaRole.Button, new() { Name = "Confirm", Exact = true }));
            await Expect(page.GetByRole(AriaRole.Article).Filter(new() { HasText = "ref " + reference }).GetByRole(AriaRole.Button, new() { Name = "Confirm", Exact = true }))
                .ToHaveCountAsync(0);

            // His week shows the visit...
            await session.GotoAsync($"/admin/calendar?week={localDate:yyyy-MM-dd}");
            await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync(client);
            await session.AuditAsync("admin-week");

            // ...and so does the day's agenda, with the reference.
            await session.GotoAsync($"/admin/day?date={localDate:yyyy-MM-dd}");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(localDate.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")));
            await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync(client);
            await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("ref " + reference);
            await session.AuditAsync("admin-day");
        });

        // The client's link now says the visit is confirmed.
        await browser.RunAsync(viewport, async session =>
        {
            await session.GotoAsync(manageLink);
            await Expect(session.Page.Locator(".status-badge")).ToHaveTextAsync("Confirmed");
        });
    }

    [Fact]
    [Trait("Journey", "BackOffice")]
    public async Task a_client_registers_with_the_e_mail_they_booked_with_and_sees_their_history()
    {
        var email = $"history-{viewport.Name()}@example.com";
        const string password = "a long client passphrase";
        await browser.RunAsync(viewport, async session =>
        {
            var page = session.Page;
            var (reference, _) = await BookingSteps.BookAsync(session, VisitorDetails.Sample(email));

            // Booked without an account: the request e-mail asks whether it was them, which proves the address.
            var request = Assert.Single(await MailPickup.ToAsync(browser.Site, email), m => m.Subject?.Contains(reference, StringComparison.Ordinal) == true);
            await session.GotoAsync(MailPickup.LinkIn(request, "/address-check/"));
            await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync(reference);
            await session.AuditAsync("address-check");
            await session.ActivateAsync(page.GetByRole(AriaRole.Button, new() { Name = "Yes, I asked for this visit" }));
            await Expect(page.Locator("#check-result")).ToContainTextAsync("now belongs with your e-mail address");

            await session.GotoAsync("/account/register");
            var form = page.Locator("main form:has([name=ConfirmPassword])");
            await form.Locator("[name=Email]").FillAsync(email);
            await form.Locator("[name=Password]").FillAsync(password);
            await form.Locator("[name=ConfirmPassword]").FillAsync(password);
            await session.AuditAsync("account-register");
            await session.ActivateAsync(form.Locator("button[type=submit]"));
            await Expect(page.Locator("main form:has([name=ConfirmPassword])")).ToHaveCountAsync(0);

            // The address is confirmed from the link in the e-mail the site sent, then the client signs in.
            var mail = Assert.Single(await MailPickup.ToAsync(browser.Site, email), m => m.Subject?.StartsWith("Confirm your e-mail", StringComparison.Ordinal) == true);
            await session.GotoAsync(MailPickup.LinkIn(mail, "/account/confirm-email"));
            await SignIn.AsClientAsync(session, email, password);
            await session.GotoAsync("/account");

            await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync(reference);
            await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Deep tissue massage");
            await session.AuditAsync("account-history");
        });
    }

    [Fact]
    [Trait("Journey", "BackOffice")]
    public async Task the_owner_of_an_address_someone_else_booked_with_says_it_was_not_them_and_the_therapist_sees_the_flag()
    {
        var owner = $"owner-{viewport.Name()}@example.com";
        var stranger = $"Sam Stranger {viewport}";
        string reference = string.Empty;
        await browser.RunAsync(viewport, async session =>
            (reference, _) = await BookingSteps.BookAsync(session, VisitorDetails.Sample(owner) with { Name = stranger }));

        await browser.RunAsync(viewport, async session =>
        {
            var page = session.Page;
            var request = Assert.Single(await MailPickup.ToAsync(browser.Site, owner), m => m.Subject?.Contains(reference, StringComparison.Ordinal) == true);
            await session.GotoAsync(MailPickup.LinkIn(request, "/address-check/") + "/not-me");
            await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync(reference);
            await Expect(page.GetByRole(AriaRole.Main)).Not.ToContainTextAsync(stranger);
            await session.AuditAsync("address-check-not-me");
            await session.ActivateAsync(page.GetByRole(AriaRole.Button, new() { Name = "This was not me" }));
            await Expect(page.Locator("#check-result")).ToContainTextAsync("did not ask for this visit");
            await session.ScreenshotAsync("address-check-not-me-answered");
        });

        await browser.RunAsync(viewport, async session =>
        {
            var page = session.Page;
            await SignIn.AsTherapistAsync(session, browser.Site);
            var row = page.GetByRole(AriaRole.Article).Filter(new() { HasText = "ref " + reference });
            await Expect(row).ToContainTextAsync("Not me, says the address");
            await session.ActivateAsync(row.GetByRole(AriaRole.Link).First);
            await Expect(page.Locator("#not-me-alert")).ToBeVisibleAsync();
            await Expect(page.Locator("#client-identity")).ToContainTextAsync("said this booking was not theirs");
            await session.AuditAsync("admin-request-not-me");
        });
    }

    private async Task<DateOnly> VisitDateAsync(string reference)
    {
        var startUtc = await browser.Site.WithDbAsync(db => db.Appointments.Where(a => a.Reference == reference).Select(a => a.StartUtc).SingleAsync());
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(startUtc, london));
    }
}

[Collection(PhoneCollection.Name)]
public sealed class BackOfficeJourneysOnAPhone(BrowserFixture browser) : BackOfficeJourneys(browser, Viewport.Phone);

[Collection(DesktopCollection.Name)]
public sealed class BackOfficeJourneysOnADesktop(BrowserFixture browser) : BackOfficeJourneys(browser, Viewport.Desktop);
