using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PaulMassage.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PaulMassage.BrowserTests.Booking;

/// <summary>What visitors do on the public site, in a real Chromium, on a phone and on a desktop.</summary>
public abstract class VisitorJourneys(BrowserFixture browser, Viewport viewport)
{
    [Fact]
    public Task a_visitor_reads_an_article_follows_it_to_a_service_and_books_a_visit() =>
        browser.RunAsync(viewport, async session =>
        {
            var page = session.Page;
            await session.GotoAsync("/");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Massage for back pain, at home", Level = 1 })).ToBeVisibleAsync();

            // The main menu is in view on a phone too: no toggler to open first.
            await session.ActivateAsync(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Back pain advice" }));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Back pain advice", Level = 1 })).ToBeVisibleAsync();

            await session.ActivateAsync(page.GetByRole(AriaRole.Link, new() { Name = "Choosing a massage technique", Exact = false }).First);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("technique");

            var mentioned = page.GetByRole(AriaRole.Region, new() { Name = "Treatments mentioned here" });
            await session.ActivateAsync(mentioned.GetByRole(AriaRole.Link, new() { Name = "Myofascial release", Exact = true }));
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/services/myofascial-release$"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Myofascial release", Level = 1 })).ToBeVisibleAsync();

            await session.ActivateAsync(page.GetByRole(AriaRole.Link, new() { Name = "Book myofascial release" }));
            await Expect(page.GetByRole(AriaRole.Radio, new() { Name = "Myofascial release", Exact = true })).ToBeCheckedAsync();
            await BookingSteps.ChooseTreatmentAsync(session, treatment: null, minutes: "90 minutes", audit: true);
            var when = await BookingSteps.ChooseFirstFreeTimeAsync(session, audit: true);
            await BookingSteps.FillDetailsAsync(session, VisitorDetails.Sample($"reader-{viewport.Name()}@example.com"), audit: true);
            await BookingSteps.SendRequestAsync(session);
            var reference = await BookingSteps.ExpectRequestReceivedAsync(session, when, audit: true);

            await Expect(page.Locator("dd").Filter(new() { HasText = "Myofascial release, 90 minutes" })).ToBeVisibleAsync();
            var stored = await browser.Site.WithDbAsync(db => db.Appointments.CountAsync(a => a.Reference == reference));
            Assert.Equal(1, stored);
        });

    [Fact]
    public Task a_visitor_with_a_red_flag_is_stopped_and_told_to_call_999_or_go_to_A_and_E() =>
        browser.RunAsync(viewport, async session =>
        {
            var page = session.Page;
            var email = $"red-flag-{viewport.Name()}@example.com";
            await session.GotoAsync("/book");
            await BookingSteps.ChooseTreatmentAsync(session, "Swedish massage");
            await BookingSteps.ChooseFirstFreeTimeAsync(session);
            await BookingSteps.FillDetailsAsync(session, VisitorDetails.Sample(email), redFlag: "Numbness or tingling around the buttocks, genitals or inner thighs");
            await BookingSteps.SendRequestAsync(session);

            var advice = page.GetByRole(AriaRole.Alert);
            await Expect(advice.GetByRole(AriaRole.Heading, new() { Name = "Please get medical help before booking a massage" })).ToBeVisibleAsync();
            await Expect(advice).ToContainTextAsync("Call 999 or go to A&E now.");
            await Expect(advice).ToContainTextAsync("Numbness or tingling around the buttocks");
            await Expect(page.GetByText("Your request has not been sent")).ToBeVisibleAsync();
            await session.AuditAsync("safety-stop");

            var stored = await browser.Site.WithDbAsync(db => db.Clients.CountAsync(c => c.Email == email));
            Assert.Equal(0, stored);
        });

    [Fact]
    public Task the_client_opens_the_manage_link_and_cancels_the_visit() =>
        browser.RunAsync(viewport, async session =>
        {
            var page = session.Page;
            var (reference, manageLink) = await BookingSteps.BookAsync(session, VisitorDetails.Sample($"cancel-{viewport.Name()}@example.com"));

            // Later, from the link in the e-mail.
            await session.GotoAsync(manageLink);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Your visit {reference}", Level = 1 })).ToBeVisibleAsync();
            await Expect(page.GetByText("Waiting for Paul to confirm")).ToBeVisibleAsync();
            await session.AuditAsync("manage");

            string? question = null;
            page.Dialog += async (_, dialog) =>
            {
                question = dialog.Message;
                await dialog.AcceptAsync();
            };
            await session.ActivateAsync(page.GetByRole(AriaRole.Button, new() { Name = "Cancel this visit" }));

            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your visit is cancelled");
            await Expect(page.Locator(".status-badge")).ToHaveTextAsync("Cancelled");
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Cancel this visit" })).ToHaveCountAsync(0);
            Assert.Equal("Cancel this visit?", question);
            await session.AuditAsync("manage-cancelled");
        });
}

[Collection(PhoneCollection.Name)]
public sealed class VisitorJourneysOnAPhone(BrowserFixture browser) : VisitorJourneys(browser, Viewport.Phone);

[Collection(DesktopCollection.Name)]
public sealed class VisitorJourneysOnADesktop(BrowserFixture browser) : VisitorJourneys(browser, Viewport.Desktop);
