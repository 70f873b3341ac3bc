using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PaulMassage.BrowserTests.Infrastructure;
using PaulMassage.IntegrationTests.Infrastructure;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Courses;
using PaulMassage.Web.Features.Plans;
using static Microsoft.Playwright.Assertions;

namespace PaulMassage.BrowserTests.Plans;

/// <summary>
/// Between two visits of a course: the client opens the check-in link from the e-mail (no account
/// needed), gives the pain now and what has changed and answers the red-flag questions; Paul then
/// finds the answer on the next visit's page and the new point, marked as the client's own, on the
/// pain chart of the client's record.
/// </summary>
public abstract class CheckInJourneys(BrowserFixture browser, Viewport viewport)
{
    [Fact]
    [Trait("Journey", "Plans")]
    public async Task the_client_answers_a_check_in_from_the_email_and_paul_sees_the_new_point_on_the_pain_chart()
    {
        var site = browser.Site;
        var email = $"checkin-{viewport.Name()}@example.com";
        var client = $"Cora Checkin {viewport}";
        // A visit done last week (pain 6 in Paul's note) and the next of the course on Tuesday 2 March in the evening,
        // clear of the other journeys' visits; the site's clock stands at Monday 1 March 09:00, so the check-in is due.
        var done = await site.VisitAsync(email, new DateTime(2027, 2, 22, viewport == Viewport.Phone ? 10 : 13, 0, 0, DateTimeKind.Utc), AppointmentStatus.Completed, name: client);
        await site.NoteAsync(done.Id, 6);
        var next = await site.VisitAsync(email, Visits.March(2, viewport == Viewport.Phone ? 17 : 15), AppointmentStatus.Confirmed, name: client);
        await site.WithDbAsync(async db =>
        {
            var service = await db.Services.SingleAsync(s => s.Slug == "deep-tissue-massage");
            db.Courses.Add(new CourseOfTreatment { ClientId = done.ClientId, ServiceId = service.Id, SessionMinutes = 60, Sessions = 4, IntervalDays = 7, Goal = "Carry the shopping again", StartDate = new DateOnly(2027, 2, 22) });
            return await db.SaveChangesAsync();
        });
        await using (var scope = site.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<CheckIns>().QueueDueAsync();
        }

        var mail = (await MailPickup.ToAsync(site, email)).Single(m => m.Subject!.StartsWith("How is your back?", StringComparison.Ordinal));
        var link = MailPickup.LinkIn(mail, "/check-in/");

        await browser.RunAsync(viewport, async session =>
        {
            var page = session.Page;
            await session.GotoAsync(link);
            await page.GetByLabel("4", new() { Exact = true }).CheckAsync();
            await page.GetByLabel("What has changed since your last visit? (optional)").FillAsync("Easier to carry the shopping; stiff after long drives");
            await page.GetByLabel("None of these").CheckAsync();
            await session.AuditAsync("check-in");
            await session.ActivateAsync(page.GetByRole(AriaRole.Button, new() { Name = "Send my answers" }));
            await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Paul has your answers");
            await session.ScreenshotAsync("check-in-answered");
        });

        await browser.RunAsync(viewport, async session =>
        {
            var page = session.Page;
            var main = page.GetByRole(AriaRole.Main);
            await SignIn.AsTherapistAsync(session, site);
            await session.GotoAsync($"/admin/requests/{next.Id}");
            await Expect(main).ToContainTextAsync("Pain now 4/10 (last time 6/10)");
            await Expect(main).ToContainTextAsync("stiff after long drives");

            await session.GotoAsync($"/admin/clients/{done.ClientId}");
            await Expect(page.Locator(".pain-chart-own")).ToHaveCountAsync(1);
            await Expect(main).ToContainTextAsync("1 of them from check-ins between visits");
            await session.AuditAsync("admin-client-check-in-point");
        });
    }
}

[Collection(PhoneCollection.Name)]
public sealed class CheckInJourneysOnAPhone(BrowserFixture browser) : CheckInJourneys(browser, Viewport.Phone);

[Collection(DesktopCollection.Name)]
public sealed class CheckInJourneysOnADesktop(BrowserFixture browser) : CheckInJourneys(browser, Viewport.Desktop);
