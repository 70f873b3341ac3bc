using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PaulMassage.BrowserTests.Infrastructure;
using PaulMassage.IntegrationTests.Features.Payments;
using PaulMassage.IntegrationTests.Infrastructure;
using PaulMassage.Web.Features.Booking;
using static Microsoft.Playwright.Assertions;

namespace PaulMassage.BrowserTests.Payments;

/// <summary>
/// Paul finishes a visit from his day's agenda on the doorstep: the outcome, a card payment and his
/// note in one form; the client, signed in to their account, finds the receipt and it opens as a PDF.
/// </summary>
public abstract class FinishingAVisitJourneys(BrowserFixture browser, Viewport viewport)
{
    [Fact]
    [Trait("Journey", "Payments")]
    public async Task paul_finishes_a_started_visit_with_a_card_payment_and_the_client_finds_the_receipt_in_their_account()
    {
        var email = $"receipt-{viewport.Name()}@example.com";
        const string password = "a long receipt passphrase";
        var client = $"Rhea Receipt {viewport}";

        // Confirmed for 07:30 on the site's "today" (1 March 2027, the clock stands at 09:00): it has started.
        var startUtc = PracticeAppFactory.DefaultNow.UtcDateTime.Date.AddHours(7).AddMinutes(30);
        var visit = await browser.Site.VisitAsync(email, startUtc, AppointmentStatus.Confirmed, name: client);
        await browser.Site.ClientAccountAsync(email, password);

        await browser.RunAsync(viewport, async session =>
        {
            var page = session.Page;
            await SignIn.AsTherapistAsync(session, browser.Site);
            await session.ActivateAsync(page.Locator("#admin-nav-today"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Today, Monday 1 March 2027");
            await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync(client);
            await session.ActivateAsync(page.Locator($"#complete-{visit.Id}"));

            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Finish the visit");
            await Expect(page.GetByLabel("Amount (£)")).ToHaveValueAsync("70"); // the price booked
            await page.GetByRole(AriaRole.Radio, new() { Name = "Paid", Exact = true }).CheckAsync();
            await page.GetByRole(AriaRole.Radio, new() { Name = "Card", Exact = true }).CheckAsync();
            await page.GetByLabel("Pain score today (0 to 10)").FillAsync("3");
            await page.GetByLabel("P: Plan, treatment given and next steps").FillAsync("Deep tissue to the lower back; stretches for the hamstrings every evening.");
            await session.AuditAsync("admin-finish");
            await session.ActivateAsync(page.GetByRole(AriaRole.Button, new() { Name = "Mark completed" }));

            // Back on the day's agenda, which says what was recorded.
            await Expect(page).ToHaveURLAsync(new Regex("/admin/day"));
            await Expect(page.Locator("#admin-message")).ToContainTextAsync($"Marked {visit.Reference} ({client}) as completed. £70 paid by card, receipt R-");
            await session.ScreenshotAsync("admin-day-finished");
        });

        var payment = await browser.Site.WithDbAsync(db => db.Payments.AsNoTracking().SingleAsync(p => p.AppointmentId == visit.Id));
        Assert.Equal(70m, payment.AmountGbp);
        var note = await browser.Site.WithDbAsync(db => db.TreatmentNotes.AsNoTracking().SingleAsync(n => n.AppointmentId == visit.Id));
        Assert.Equal(3, note.PainScore);

        await browser.RunAsync(viewport, async session =>
        {
            var page = session.Page;
            await SignIn.AsClientAsync(session, email, password);
            await session.GotoAsync("/account");
            var receipt = page.Locator($"#receipt-{payment.ReceiptNumber}");
            await Expect(receipt).ToContainTextAsync("(PDF)");
            await receipt.ScrollIntoViewIfNeededAsync();
            await session.AuditAsync("account-receipt");

            // A browser cannot screenshot a PDF: ask for the link's address with the client's cookies and check what comes back.
            var href = await receipt.GetAttributeAsync("href") ?? throw new InvalidOperationException("The receipt link has no address.");
            var response = await page.Context.APIRequest.GetAsync(href);
            Assert.Equal(200, response.Status);
            Assert.Equal("application/pdf", response.Headers["content-type"].Split(';')[0]);
            var body = await response.BodyAsync();
            Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(body, 0, 4));
            await session.SaveDocumentAsync("receipt", body);
            var text = PaymentArrange.PdfText(body);
            Assert.Contains(client, text, StringComparison.Ordinal);
            Assert.Contains("£70.00", text, StringComparison.Ordinal);
            Assert.Contains("Paid by card", text, StringComparison.Ordinal);
            Assert.Contains("Member of Example Society of Massage Therapists, membership number EX-12345", text, StringComparison.Ordinal);
        });
    }
}

[Collection(PhoneCollection.Name)]
public sealed class FinishingAVisitJourneysOnAPhone(BrowserFixture browser) : FinishingAVisitJourneys(browser, Viewport.Phone);

[Collection(DesktopCollection.Name)]
public sealed class FinishingAVisitJourneysOnADesktop(BrowserFixture browser) : FinishingAVisitJourneys(browser, Viewport.Desktop);
