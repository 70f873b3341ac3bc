using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PaulMassage.BrowserTests.Infrastructure;
using PaulMassage.IntegrationTests.Infrastructure;
using PaulMassage.Web.Features.Booking;
using static Microsoft.Playwright.Assertions;

namespace PaulMassage.BrowserTests.BackOffice;

/// <summary>
/// A client asks for erasure from their account; Paul sees the notice on /admin with the legal
/// deadline, follows it to the request, completes the erasure (on a phone the button is on screen),
/// and the notice is gone.
/// </summary>
public abstract class ErasureFromTheNotice(BrowserFixture browser, Viewport viewport)
{
    [Fact]
    [Trait("Journey", "BackOffice")]
    public async Task paul_follows_the_notice_on_admin_and_completes_the_erasure_a_client_asked_for()
    {
        var site = browser.Site;
        var email = $"erase-me-{viewport.Name()}@example.com";
        const string password = "a long erasure passphrase";
        var client = $"Ellis Erase {viewport}";
        var visit = await site.VisitAsync(email, new DateTime(2027, 2, 10, 10, 0, 0, DateTimeKind.Utc), AppointmentStatus.Completed, name: client);
        await site.ClientAccountAsync(email, password);

        await browser.RunAsync(viewport, async session =>
        {
            var page = session.Page;
            await SignIn.AsClientAsync(session, email, password);
            await session.GotoAsync("/account/privacy");
            page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
            await session.ActivateAsync(page.GetByRole(AriaRole.Button, new() { Name = "Ask for erasure" }));
            await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Your request is with Paul");
            await session.AuditAsync("erasure-asked");
        });

        await browser.RunAsync(viewport, async session =>
        {
            var page = session.Page;
            await SignIn.AsTherapistAsync(session, site);
            await Expect(page).ToHaveURLAsync(new Regex("/admin$"));
            var notice = page.Locator("#erasure-notice");
            await Expect(notice).ToContainTextAsync(client);
            await Expect(notice).ToContainTextAsync("left"); // the days the law leaves him
            await session.AuditAsync("erasure-notice");

            await session.ActivateAsync(notice.GetByRole(AriaRole.Link, new() { Name = client }));
            await Expect(page).ToHaveURLAsync(new Regex("/admin/erasure-requests#erasure-[0-9]+$"));
            var card = page.Locator("li.card").Filter(new() { HasText = client });
            var complete = card.GetByRole(AriaRole.Button, new() { Name = "Complete erasure" });
            await Expect(complete).ToBeInViewportAsync();
            await session.AuditAsync("erasure-request");

            string? question = null;
            page.Dialog += async (_, dialog) =>
            {
                question = dialog.Message;
                await dialog.AcceptAsync();
            };
            await session.ActivateAsync(complete);
            await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Done: the client's personal and health data is erased");
            Assert.Equal("Erase this client's whole record now? This cannot be undone.", question);
            await Expect(page.GetByRole(AriaRole.Main)).Not.ToContainTextAsync(client);

            await session.ActivateAsync(page.Locator("#admin-nav-requests"));
            await Expect(page.GetByRole(AriaRole.Main)).Not.ToContainTextAsync(client);
            await session.AuditAsync("erasure-notice-gone");
        });

        var stored = await site.WithDbAsync(db => db.Clients.Where(c => c.Id == visit.ClientId).Select(c => c.Email).SingleAsync());
        Assert.DoesNotContain("erase-me", stored, StringComparison.OrdinalIgnoreCase);
    }
}

[Collection(PhoneCollection.Name)]
public sealed class ErasureFromTheNoticeOnAPhone(BrowserFixture browser) : ErasureFromTheNotice(browser, Viewport.Phone);

[Collection(DesktopCollection.Name)]
public sealed class ErasureFromTheNoticeOnADesktop(BrowserFixture browser) : ErasureFromTheNotice(browser, Viewport.Desktop);
