using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PaulMassage.BrowserTests.Infrastructure;
using PaulMassage.IntegrationTests.Infrastructure;
using PaulMassage.Web.Features.Booking;
using static Microsoft.Playwright.Assertions;

namespace PaulMassage.BrowserTests.Plans;

/// <summary>
/// Paul finishes a visit from the day's agenda on his phone and makes the client's plan in a few taps:
/// the treatments come filled in from the intake, he ticks two exercises and adds a note to one. The
/// client, signed in, opens "My plan" and finds both, with their drawings and Paul's note.
/// </summary>
public abstract partial class MakingAPlanJourneys(BrowserFixture browser, Viewport viewport)
{
    [GeneratedRegex(@"https?://[^/\s]+(?<path>/(?:bookings/\S+/plan|account/plan))")]
    private static partial Regex PlanLink();

    [Fact]
    [Trait("Journey", "Plans")]
    public async Task paul_completes_a_visit_and_makes_a_plan_with_two_exercises_and_the_client_sees_it_in_their_account()
    {
        var email = $"plan-{viewport.Name()}@example.com";
        const string password = "a long plan passphrase";
        var client = $"Petra Plan {viewport}";
        // A visit of the week before the site's "today", a day of its own per viewport, confirmed and waiting for its outcome.
        var day = viewport == Viewport.Phone ? new DateOnly(2027, 2, 26) : new DateOnly(2027, 2, 25);
        var visit = await browser.Site.VisitAsync(email, day.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc), AppointmentStatus.Confirmed, name: client);
        await browser.Site.ClientAccountAsync(email, password);
        var agenda = $"/admin/day?date={day:yyyy-MM-dd}";

        await browser.RunAsync(viewport, async session =>
        {
            var page = session.Page;
            await SignIn.AsTherapistAsync(session, browser.Site);
            await session.GotoAsync(agenda);
            await session.ActivateAsync(page.Locator($"#complete-{visit.Id}"));
            await page.GetByRole(AriaRole.Radio, new() { Name = "Card", Exact = true }).CheckAsync();
            await page.GetByLabel("Pain score today (0 to 10)").FillAsync("5");
            await session.ActivateAsync(page.GetByRole(AriaRole.Button, new() { Name = "Mark completed" }));
            await Expect(page.Locator("#admin-message")).ToContainTextAsync($"Marked {visit.Reference} ({client}) as completed.");

            // The plan, from the same agenda: tap 1 opens it, taps 2 and 3 tick the exercises, tap 4 saves.
            await session.ActivateAsync(page.Locator($"#plan-{visit.Id}"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Plan for {client}");
            await Expect(page.Locator("#plan-form")).ToContainTextAsync("Deep tissue massage");
            await Expect(page.GetByLabel("Used at this visit").First).ToBeVisibleAsync();
            await session.ActivateAsync(page.GetByText("Knee hugs", new() { Exact = true }));
            await session.ActivateAsync(page.GetByText("Cat and cow", new() { Exact = true }));
            await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Knee hugs" })).ToBeCheckedAsync();
            // An optional note, for one of them: open it and type.
            var note = page.Locator(".plan-item", new() { Has = page.GetByText("Knee hugs", new() { Exact = true }) });
            await session.ActivateAsync(note.Locator("summary"));
            await note.GetByLabel("Personal note for Knee hugs").FillAsync("Left side only, morning and evening");
            await session.AuditAsync("admin-plan");
            await session.ActivateAsync(page.GetByRole(AriaRole.Button, new() { Name = "Save the plan" }));

            await Expect(page).ToHaveURLAsync(new Regex("/admin/day"));
            await Expect(page.Locator("#admin-message")).ToContainTextAsync("Plan saved.");
        });

        var items = await browser.Site.WithDbAsync(db => db.CarePlans.AsNoTracking().Where(p => p.AppointmentId == visit.Id)
            .SelectMany(p => p.Items).Select(i => i.SelfHelpItem!.Title).ToListAsync());
        Assert.Equal(["Cat and cow", "Knee hugs"], items.Order());

        // The one after-visit e-mail names the visit's day and links to that visit's plan, with no health detail in it.
        var aftercare = (await MailPickup.ToAsync(browser.Site, email)).Single(m => m.TextBody?.Contains("See your plan", StringComparison.Ordinal) == true);
        Assert.DoesNotContain("Knee hugs", aftercare.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Left side only", aftercare.TextBody, StringComparison.Ordinal);
        var planLink = PlanLink().Match(aftercare.TextBody!);
        Assert.True(planLink.Success, "The after-visit e-mail links to the visit's plan.");

        await browser.RunAsync(viewport, async session =>
        {
            var page = session.Page;
            await SignIn.AsClientAsync(session, email, password);
            await session.GotoAsync(planLink.Groups["path"].Value);
            await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Paul's note for you: Left side only, morning and evening");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Cat and cow" })).ToBeVisibleAsync();

            await session.GotoAsync("/account");
            await session.ActivateAsync(page.Locator("#my-plan-link"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("My plan");
            var main = page.GetByRole(AriaRole.Main);
            await Expect(main).ToContainTextAsync($"Your plan after the visit of {day:dddd d MMMM yyyy}");
            await Expect(main).ToContainTextAsync("Paul's note for you: Left side only, morning and evening");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Cat and cow" })).ToBeVisibleAsync();
            await Expect(page.Locator("svg.self-help-drawing")).ToHaveCountAsync(2);
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Print my plan" })).ToBeVisibleAsync();
            await session.AuditAsync("account-plan");
            await session.ScreenshotAsync("account-plan");
        });
    }
}

[Collection(PhoneCollection.Name)]
public sealed class MakingAPlanJourneysOnAPhone(BrowserFixture browser) : MakingAPlanJourneys(browser, Viewport.Phone);

[Collection(DesktopCollection.Name)]
public sealed class MakingAPlanJourneysOnADesktop(BrowserFixture browser) : MakingAPlanJourneys(browser, Viewport.Desktop);
