using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PaulMassage.BrowserTests.Infrastructure;
using PaulMassage.IntegrationTests.Infrastructure;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Screening;
using static Microsoft.Playwright.Assertions;

namespace PaulMassage.BrowserTests.Booking;

/// <summary>A returning client books again, signed in: the form is filled in, the red flags asked afresh.</summary>
public abstract class ReturningClientJourneys(BrowserFixture browser, Viewport viewport)
{
    [Fact]
    public Task A_signed_in_client_rebooks_with_the_form_filled_in_and_answers_the_red_flags_afresh() =>
        browser.RunAsync(viewport, async session =>
        {
            var page = session.Page;
            var email = $"rebook-{viewport.Name()}@example.com";
            const string password = "a long returning passphrase";
            const string complaint = "The same stiff lower back, worse after gardening";
            await browser.Site.VisitAsync(email, new DateTime(2027, 2, 20, 10, 0, 0, DateTimeKind.Utc), AppointmentStatus.Completed,
                name: "Robin Returning", phone: "07700 900654", complaint: complaint, areas: BodyArea.LowerBack | BodyArea.Hips, intensity: 5);
            await browser.Site.ClientAccountAsync(email, password);

            await SignIn.AsClientAsync(session, email, password);
            await session.GotoAsync("/book");
            await BookingSteps.ChooseTreatmentAsync(session, "Deep tissue massage");
            var when = await BookingSteps.ChooseFirstFreeTimeAsync(session);

            await Expect(page.GetByLabel("Full name")).ToHaveValueAsync("Robin Returning");
            await Expect(page.GetByLabel("Phone")).ToHaveValueAsync("07700 900654");
            await Expect(page.GetByLabel("Address line 1")).ToHaveValueAsync("1 Test Street");
            await Expect(page.GetByLabel("What is troubling you?")).ToHaveValueAsync(string.Empty);

            await session.ActivateAsync(page.GetByRole(AriaRole.Link, new() { Name = "Same as last time" }));
            await Expect(page.Locator("#same-as-last-time")).ToContainTextAsync("20 February 2027");
            await Expect(page.GetByLabel("What is troubling you?")).ToHaveValueAsync(complaint);
            var areas = page.GetByRole(AriaRole.Group, new() { Name = "Where does it hurt?" });
            await Expect(areas.GetByRole(AriaRole.Checkbox, new() { Name = "Lower back" })).ToBeCheckedAsync();
            await Expect(areas.GetByRole(AriaRole.Checkbox, new() { Name = "Hips" })).ToBeCheckedAsync();
            var flags = page.GetByRole(AriaRole.Group, new() { Name = "Do any of these apply to you now?" });
            await Expect(flags.GetByRole(AriaRole.Checkbox, new() { Name = "None of these apply to me" })).Not.ToBeCheckedAsync();
            await Expect(flags.Locator("input:checked")).ToHaveCountAsync(0);
            await session.AuditAsync("booking-rebook"); // the page opens at the note above the answers filled in

            await flags.GetByRole(AriaRole.Checkbox, new() { Name = "None of these apply to me" }).CheckAsync();
            await page.GetByRole(AriaRole.Checkbox, new() { Name = "I agree that Paul Massage may keep and use the health information" }).CheckAsync();
            await page.GetByRole(AriaRole.Checkbox, new() { Name = "I accept the cancellation policy." }).CheckAsync();
            await BookingSteps.SendRequestAsync(session);
            var reference = await BookingSteps.ExpectRequestReceivedAsync(session, when);

            var stored = await browser.Site.WithDbAsync(db => db.Appointments.Where(a => a.Reference == reference).Select(a => a.Intake!.MainComplaint).SingleAsync());
            Assert.Equal(complaint, stored);
        });
}

[Collection(PhoneCollection.Name)]
public sealed class ReturningClientJourneysOnAPhone(BrowserFixture browser) : ReturningClientJourneys(browser, Viewport.Phone);

[Collection(DesktopCollection.Name)]
public sealed class ReturningClientJourneysOnADesktop(BrowserFixture browser) : ReturningClientJourneys(browser, Viewport.Desktop);
