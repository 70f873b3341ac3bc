using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PaulMassage.BrowserTests.BackOffice;
using PaulMassage.BrowserTests.Infrastructure;
using PaulMassage.IntegrationTests.Infrastructure;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Courses;
using PaulMassage.Web.Features.Payments;
using PaulMassage.Web.Features.Privacy;
using PaulMassage.Web.Features.Reviews;
using PaulMassage.Web.Infrastructure.Data;
using static Microsoft.Playwright.Assertions;

namespace PaulMassage.BrowserTests.Accessibility;

/// <summary>
/// axe-core on every back-office page, found the way Paul finds them: from /admin, following the
/// links under /admin (one page per path). No serious or critical violation at either viewport,
/// and on a phone nothing (the erasure button above all) sits off screen in a sideways scroll.
/// </summary>
public abstract class BackOfficePagesAreAccessible(BrowserFixture browser, Viewport viewport)
{
    [Fact]
    public async Task every_back_office_page_reached_from_admin_passes_axe()
    {
        var arranged = await ArrangeAsync();
        await browser.RunAsync(viewport, async session =>
        {
            var page = session.Page;
            await SignIn.AsTherapistAsync(session, browser.Site);
            await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Back office" })).ToBeVisibleAsync();

            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "/admin" };
            var queue = new Queue<string>(["/admin"]);
            while (queue.Count > 0)
            {
                var path = queue.Dequeue();
                if (!await IsPageAsync(session, path))
                {
                    continue; // a receipt's PDF or the accountant's CSV: a download, nothing for axe
                }

                await session.GotoAsync(path);
                var name = "bo" + path.Split('?')[0].Replace('/', '-');
                await session.AuditAsync(name);
                await AssertNothingOffScreenAsync(page, path);
                foreach (var link in await page.Locator("a[href^='/admin']").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"))
                {
                    // A download (the accountant's CSV, a receipt PDF) is no page to audit: the browser saves it.
                    if (Path.HasExtension(link.Split('?', '#')[0]))
                    {
                        continue;
                    }

                    if (seen.Add(link.Split('?', '#')[0]))
                    {
                        queue.Enqueue(link);
                    }
                }
            }

            Assert.True(seen.Count >= 20, $"Expected the tour to reach at least 20 back-office pages, it reached {seen.Count}: {string.Join(", ", seen)}");
            string[] mustReach =
            [
                "/admin/bookings/new", "/admin/vouchers", "/admin/vouchers/new", "/admin/reviews", "/admin/erasure-requests",
                $"/admin/visits/{arranged.DueToFinish}/complete",
            ];
            Assert.All(mustReach, path => Assert.True(seen.Contains(path), $"The tour did not reach {path}: {string.Join(", ", seen.Order())}"));

            // The phone booking's course plan: one visit clashes, and an alternative is offered for it.
            await session.GotoAsync($"/admin/bookings/new?client={arranged.CourseClient}");
            await PhoneBookingSteps.PlanCourseAsync(session, arranged.CourseStart, "14:00", visits: 3);
            await Expect(page.Locator("#series-visit-2")).ToHaveAttributeAsync("data-blocked", "true");
            await Expect(page.Locator("#instead-2")).ToBeVisibleAsync();
            await session.AuditAsync("bo-admin-bookings-new-course-plan");
            await AssertNothingOffScreenAsync(page, "/admin/bookings/new (course plan)");
        });
    }

    /// <summary>What the tour needs beyond following links: the visit to finish, and the client and clash for a course plan.</summary>
    private sealed record Arranged(int DueToFinish, int CourseClient, DateOnly CourseStart);

    private static async Task<bool> IsPageAsync(BrowserSession session, string path)
    {
        var response = await session.Page.APIRequest.GetAsync(new Uri(session.BaseAddress, path).AbsoluteUri);
        return response.Headers.TryGetValue("content-type", out var type) && type.StartsWith("text/html", StringComparison.Ordinal);
    }

    /// <summary>No button or link wider than the screen's edge: a phone user would never see it.</summary>
    private static async Task AssertNothingOffScreenAsync(IPage page, string path)
    {
        var offScreen = await page.EvaluateAsync<string[]>(
            @"() => Array.from(document.querySelectorAll('main button, main a.btn, main input[type=submit]'))
                .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.right > document.documentElement.clientWidth + 1; })
                .map(e => e.textContent.trim())");
        Assert.True(offScreen.Length == 0, $"{path}: off screen to the right: {string.Join(", ", offScreen)}");
        var sideways = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1");
        Assert.False(sideways, $"{path}: the page scrolls sideways.");
    }

    /// <summary>
    /// A request, a client with a past visit, a course plan and a review to publish, an erasure request
    /// to complete, a confirmed visit at 05:00 today, clear of the finishing journey's 07:30 (so today's agenda offers "Mark completed", which leads to the finish
    /// page), a gift voucher, and another client's visit a course would clash with: every page has something to show.
    /// </summary>
    private async Task<Arranged> ArrangeAsync()
    {
        var site = browser.Site;
        await Visits.RequestNextFreeAsync(site, $"Ada Audit {viewport}");
        var visit = await site.VisitAsync($"audit-{viewport.Name()}@client.example", new DateTime(2027, 2, 16, 10, 0, 0, DateTimeKind.Utc), AppointmentStatus.Completed, name: $"Bea Audit {viewport}");
        var due = await site.VisitAsync($"finish-{viewport.Name()}@client.example", Visits.March(1, 5), AppointmentStatus.Confirmed, name: $"Finn Finish {viewport}");
        var courseStart = new DateOnly(2027, 4, 6); // Tuesdays in April (British Summer Time), clear of the other tests' bookings
        await site.VisitAsync($"clash-{viewport.Name()}@client.example", new DateTime(2027, 4, 13, 13, 0, 0, DateTimeKind.Utc), name: $"Cleo Clash {viewport}");
        await using var scope = site.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var service = await db.Services.SingleAsync(s => s.Slug == "deep-tissue-massage");
        await scope.ServiceProvider.GetRequiredService<Vouchers>().IssueAsync(new VoucherTerms(
            VoucherKind.Treatment, 70m, service.Id, 60, new DateOnly(2028, 3, 1), $"Gil Giver {viewport}", $"giver-{viewport.Name()}@client.example", "Rae Recipient"));
        var now = site.Clock.GetUtcNow().UtcDateTime;
        db.Courses.Add(new CourseOfTreatment
        {
            ClientId = visit.ClientId, ServiceId = service.Id, SessionMinutes = 60, Sessions = 6, IntervalDays = 7,
            Goal = "Sit through a working day", StartDate = new DateOnly(2027, 2, 16), CreatedUtc = now, UpdatedUtc = now,
        });
        db.Set<ErasureRequest>().Add(new ErasureRequest { ClientId = visit.ClientId, Channel = "account", RequestedUtc = now });
        var review = Review.Invite(visit.Id, null, ManageToken.Hash(ManageToken.Create()), ManageToken.Hash(ManageToken.Create()), now);
        review.Submit(new ReviewValues(2, "Helpful, though I would have liked more time on my neck.", true, "Bea", "SE1"), now);
        db.Reviews.Add(review);
        await db.SaveChangesAsync();
        return new Arranged(due.Id, due.ClientId, courseStart);
    }
}

[Collection(PhoneCollection.Name)]
public sealed class BackOfficePagesAreAccessibleOnAPhone(BrowserFixture browser) : BackOfficePagesAreAccessible(browser, Viewport.Phone);

[Collection(DesktopCollection.Name)]
public sealed class BackOfficePagesAreAccessibleOnADesktop(BrowserFixture browser) : BackOfficePagesAreAccessible(browser, Viewport.Desktop);
