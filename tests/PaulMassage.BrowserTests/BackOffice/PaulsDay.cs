using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PaulMassage.BrowserTests.Infrastructure;
using PaulMassage.IntegrationTests.Infrastructure;
using PaulMassage.Web.Features.Booking;
using static Microsoft.Playwright.Assertions;

namespace PaulMassage.BrowserTests.BackOffice;

/// <summary>
/// Paul's working day from his phone (and his desktop): he opens /admin, confirms a new request,
/// books a course of three weekly visits for a client from the client's record (one of the times
/// clashes, so he takes the alternative offered), finds the course in his week, opens today's agenda
/// and tells today's client he is on his way, who gets the e-mail. The site's clock is Monday
/// 1 March 2027, 09:00 (UK time equals UTC until the clocks change on 28 March).
/// </summary>
public abstract class PaulsDay(BrowserFixture browser, Viewport viewport)
{
    [Fact]
    [Trait("Journey", "BackOffice")]
    public async Task paul_confirms_a_request_books_a_course_around_a_clash_finds_it_in_his_week_and_says_he_is_on_his_way()
    {
        var site = browser.Site;
        var requester = $"Rita Request {viewport}";
        var request = await Visits.RequestNextFreeAsync(site, requester);
        var client = $"Dana Day {viewport}";
        var email = $"dana-{viewport.Name()}@client.example";
        var lastVisit = await site.VisitAsync(email, new DateTime(2027, 2, 15, 10, 0, 0, DateTimeKind.Utc), AppointmentStatus.Completed, name: client);
        var todays = await site.VisitAsync(email, Visits.March(1, 14), name: client);
        var other = $"Olive Other {viewport}";
        await site.VisitAsync($"olive-{viewport.Name()}@client.example", Visits.March(25, 14), name: other);

        await browser.RunAsync(viewport, async session =>
        {
            var page = session.Page;
            var main = page.GetByRole(AriaRole.Main);
            await SignIn.AsTherapistAsync(session, site);
            await Expect(page).ToHaveURLAsync(new Regex("/admin$"));

            // A new request waits on /admin: he confirms it.
            var requestCard = page.GetByRole(AriaRole.Article).Filter(new() { HasText = "ref " + request.Reference });
            await Expect(requestCard).ToContainTextAsync(requester);
            await session.AuditAsync("day-admin");
            await session.ActivateAsync(requestCard.GetByRole(AriaRole.Button, new() { Name = "Confirm", Exact = true }));
            await Expect(page.GetByRole(AriaRole.Article).Filter(new() { HasText = "ref " + request.Reference })
                .GetByRole(AriaRole.Button, new() { Name = "Confirm", Exact = true })).ToHaveCountAsync(0);

            // From the client's record, "Book again" opens the phone booking filled in from the last visit.
            await session.GotoAsync($"/admin/clients/{lastVisit.ClientId}");
            await session.ActivateAsync(page.Locator("#book-again"));
            await Expect(page.Locator("#booking-again")).ToContainTextAsync(client);
            await Expect(page.GetByLabel("Full name")).ToHaveValueAsync(client);

            // Three visits, a week apart, from Thursday 18 March at 14:00.
            await PhoneBookingSteps.PlanCourseAsync(session, new DateOnly(2027, 3, 18), "14:00", visits: 3);

            // The plan: the second Thursday clashes with another client's visit; an alternative is offered for it alone.
            var plan = page.Locator("#series-plan");
            await Expect(plan).ToBeVisibleAsync();
            await Expect(page.Locator("#series-visit-1")).ToHaveAttributeAsync("data-blocked", "false");
            await Expect(page.Locator("#series-visit-2")).ToHaveAttributeAsync("data-blocked", "true");
            await Expect(page.Locator("#series-visit-2")).ToContainTextAsync(other);
            await Expect(page.Locator("#series-visit-3")).ToHaveAttributeAsync("data-blocked", "false");
            await session.AuditAsync("day-course-plan");
            var instead = page.Locator("#instead-2");
            await instead.CheckAsync();
            await PhoneBookingSteps.SubmitAsync(session);
            await Expect(page).ToHaveURLAsync(new Regex("/admin/requests/[0-9]+$"));
            await session.AuditAsync("day-course-booked");

            // His week shows the first visit of the course, and the drive after it with its minutes.
            await session.GotoAsync("/admin/calendar?week=2027-03-18");
            await Expect(main).ToContainTextAsync(client);
            await Expect(main).ToContainTextAsync("Travel 15:00–15:30, 30 min");
            await session.AuditAsync("day-course-week");

            // Today's agenda: he is on his way to Dana's 14:00 visit, about 20 minutes out.
            await session.GotoAsync("/admin");
            await session.ActivateAsync(page.GetByRole(AriaRole.Navigation, new() { Name = "Back office" }).GetByRole(AriaRole.Link, new() { Name = "Today", Exact = true }));
            var stop = page.Locator($"#agenda-visit-{todays.Id}");
            await Expect(stop).ToContainTextAsync(client);
            await session.ActivateAsync(stop.Locator($"#on-my-way-{todays.Id}-20"));
            await Expect(page.Locator($"#arrival-{todays.Id}")).ToContainTextAsync("09:20");
            await session.AuditAsync("day-on-my-way");
        });

        // Dana's e-mails: the course in one, then "on his way" with the time.
        var mail = await MailPickup.ToAsync(site, email);
        Assert.Contains(mail, m => m.Subject?.StartsWith("Confirmed: your 3 massage visits from 18 March", StringComparison.Ordinal) == true);
        var onMyWay = Assert.Single(mail, m => m.Subject?.Contains("on his way", StringComparison.Ordinal) == true);
        Assert.Contains("09:20", onMyWay.Subject, StringComparison.Ordinal);
    }
}

[Collection(PhoneCollection.Name)]
public sealed class PaulsDayOnAPhone(BrowserFixture browser) : PaulsDay(browser, Viewport.Phone);

[Collection(DesktopCollection.Name)]
public sealed class PaulsDayOnADesktop(BrowserFixture browser) : PaulsDay(browser, Viewport.Desktop);
