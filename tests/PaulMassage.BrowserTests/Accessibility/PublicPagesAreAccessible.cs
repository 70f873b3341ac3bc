using Microsoft.Playwright;
using PaulMassage.BrowserTests.Booking;
using PaulMassage.BrowserTests.Infrastructure;
using PaulMassage.IntegrationTests.Features.Reviews;
using static Microsoft.Playwright.Assertions;

namespace PaulMassage.BrowserTests.Accessibility;

/// <summary>
/// axe-core on every public page and on the booking form's other states (its happy path is audited
/// by <see cref="VisitorJourneys"/>): no serious or critical violation at either viewport.
/// </summary>
public abstract class PublicPagesAreAccessible(BrowserFixture browser, Viewport viewport)
{
    [Fact]
    public Task every_content_page_passes_axe() =>
        browser.RunAsync(viewport, async session =>
        {
            var page = session.Page;
            await session.GotoAsync("/");
            await session.AuditAsync("home");

            await session.GotoAsync("/services");
            await session.AuditAsync("services");
            var services = await LinksUnderAsync(page, "/services/");
            Assert.Equal(4, services.Count);
            foreach (var path in services)
            {
                await session.GotoAsync(path);
                await session.AuditAsync("service-" + path["/services/".Length..]);
            }

            await session.GotoAsync("/articles");
            await session.AuditAsync("articles");
            var articles = await LinksUnderAsync(page, "/articles/");
            Assert.True(articles.Count >= 6, $"Expected at least six articles, found {articles.Count}.");
            foreach (var path in articles.Where(p => !p.StartsWith("/articles/tag/", StringComparison.Ordinal)))
            {
                await session.GotoAsync(path);
                await session.AuditAsync("article-" + path["/articles/".Length..]);
            }

            // Finding articles: a tag page, the search with and without results, a tag no article has.
            await session.GotoAsync("/articles");
            await session.ActivateAsync(page.GetByRole(AriaRole.Link, new() { Name = "stretches", Exact = false }).First);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Articles about stretches" })).ToBeVisibleAsync();
            await session.AuditAsync("articles-tag");
            await page.GetByLabel("Search the articles").FillAsync("stretches");
            await session.ActivateAsync(page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }));
            await Expect(page.Locator(".search-results mark").First).ToBeVisibleAsync();
            await session.AuditAsync("articles-search");
            await page.GetByLabel("Search the articles").FillAsync("zebra");
            await session.ActivateAsync(page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }));
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("No articles match");
            await session.AuditAsync("articles-search-no-match");
            await session.GotoAsync("/articles/tag/no-such-topic", expectedStatus: 404);
            await session.AuditAsync("articles-tag-unknown");

            foreach (var path in new[] { "/about", "/faq", "/terms", "/privacy" })
            {
                await session.GotoAsync(path);
                await session.AuditAsync(path.TrimStart('/'));
            }

            await session.GotoAsync("/account/sign-in");
            await session.AuditAsync("sign-in");

            await session.GotoAsync("/no-such-page", expectedStatus: 404);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "We cannot find that page" })).ToBeVisibleAsync();
            await session.AuditAsync("not-found");
        });

    [Fact]
    public async Task the_review_pages_pass_axe_published_the_form_its_errors_and_the_stop_link()
    {
        var site = browser.Site;
        await ReviewArrange.PublishedAsync(site, $"reviewed-{viewport.Name()}@client.example", new DateTime(2027, 2, 18, 10, 0, 0, DateTimeKind.Utc), 4,
            "Paul found the knot under my shoulder blade that nobody else had.", "Thank you, glad it helped.");
        var invited = await ReviewArrange.InvitedAsync(site, $"to-review-{viewport.Name()}@client.example", new DateTime(2027, 2, 19, 10, 0, 0, DateTimeKind.Utc));
        await browser.RunAsync(viewport, async session =>
        {
            var page = session.Page;
            await session.GotoAsync("/");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "What clients say" })).ToBeVisibleAsync();
            await session.AuditAsync("home-with-reviews");
            await session.ActivateAsync(page.GetByRole(AriaRole.Link, new() { Name = "Client reviews", Exact = true }));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Client reviews", Exact = true })).ToBeVisibleAsync();
            await session.AuditAsync("reviews");
            await session.GotoAsync("/services/deep-tissue-massage");
            await session.AuditAsync("service-with-reviews");

            await session.GotoAsync(invited.WriteUrl);
            await session.ActivateAsync(page.GetByRole(AriaRole.Button, new() { Name = "Send my review" }));
            await Expect(page.Locator("#Rating-error")).ToBeVisibleAsync();
            await session.AuditAsync("review-form-errors");
            await page.GetByLabel("5 stars: excellent").CheckAsync();
            await page.GetByLabel("Your review").FillAsync("Friendly, on time and my back feels freer.");
            await page.GetByLabel("Publish my review on this site").CheckAsync();
            await session.ActivateAsync(page.GetByRole(AriaRole.Button, new() { Name = "Send my review" }));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Thank you for your review" })).ToBeVisibleAsync();
            await session.AuditAsync("review-thanks");
            await session.GotoAsync(invited.WriteUrl, expectedStatus: 404);
            await session.AuditAsync("review-link-used");

            await session.GotoAsync(invited.StopUrl);
            await session.AuditAsync("review-stop-asking");
            await session.ActivateAsync(page.GetByRole(AriaRole.Button, new() { Name = "Stop asking me for reviews" }));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You will not be asked for reviews again" })).ToBeVisibleAsync();
            await session.AuditAsync("review-stopped");
        });
    }

    [Fact]
    public Task the_booking_form_passes_axe_with_errors_suggestions_and_out_of_area_messages() =>
        browser.RunAsync(viewport, async session =>
        {
            var page = session.Page;

            // Step 1 sent empty: every problem listed, and each field still labelled.
            await session.GotoAsync("/book");
            await session.ActivateAsync(page.GetByRole(AriaRole.Button, new() { Name = "See free times" }));
            var problems = page.GetByRole(AriaRole.Alert);
            await Expect(problems).ToContainTextAsync("Choose a treatment.");
            await Expect(problems).ToBeFocusedAsync();
            await session.AuditAsync("booking-step1-errors");

            // The treatment suggestion.
            var suggest = page.GetByRole(AriaRole.Region, new() { Name = "Not sure which treatment?" });
            await suggest.GetByRole(AriaRole.Checkbox, new() { Name = "Stiffness, hard to move or bend" }).CheckAsync();
            await session.ActivateAsync(suggest.GetByRole(AriaRole.Button, new() { Name = "Suggest a treatment" }));
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Choose myofascial release");
            await session.AuditAsync("booking-step1-suggestion");

            // A postcode outside the area: refused with a way to ask anyway.
            await page.GetByRole(AriaRole.Radio, new() { Name = "Swedish massage", Exact = true }).CheckAsync();
            await page.GetByRole(AriaRole.Radio, new() { Name = "60 minutes", Exact = true }).CheckAsync();
            await page.GetByLabel("Postcode of the visit").FillAsync("M1 1AE");
            await session.ActivateAsync(page.GetByRole(AriaRole.Button, new() { Name = "See free times" }));
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("M1 is outside the area Paul usually covers");
            await session.AuditAsync("booking-step1-out-of-area");

            // Step 3 sent empty: the messages, and the form kept.
            await page.GetByLabel("Postcode of the visit").FillAsync(BookingSteps.ServedPostcode);
            await session.ActivateAsync(page.GetByRole(AriaRole.Button, new() { Name = "See free times" }));
            await BookingSteps.ChooseFirstFreeTimeAsync(session);
            await page.GetByLabel("Full name").FillAsync("Sam Lee");
            await session.ActivateAsync(page.GetByRole(AriaRole.Button, new() { Name = "Send my request" }));
            await Expect(problems).ToBeFocusedAsync();
            await Expect(page.GetByLabel("Full name")).ToHaveValueAsync("Sam Lee");
            await Expect(page.GetByLabel("E-mail")).ToHaveAttributeAsync("aria-invalid", "true");
            await session.AuditAsync("booking-step3-errors");

            // Each problem leads to its field.
            await session.ActivateAsync(problems.GetByRole(AriaRole.Link, new() { Name = "Enter your e-mail address." }));
            await Expect(page.GetByLabel("E-mail")).ToBeFocusedAsync();
            await session.ActivateAsync(problems.GetByRole(AriaRole.Link, new() { Name = "Choose at least one place where it hurts." }));
            await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Neck" })).ToBeFocusedAsync();
        });

    private static async Task<IReadOnlyList<string>> LinksUnderAsync(IPage page, string prefix) =>
        (await page.Locator($"main a[href^='{prefix}']").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"))
            .Where(href => href.Length > prefix.Length && !href.Contains('.', StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .ToList();
}

[Collection(PhoneCollection.Name)]
public sealed class PublicPagesAreAccessibleOnAPhone(BrowserFixture browser) : PublicPagesAreAccessible(browser, Viewport.Phone);

[Collection(DesktopCollection.Name)]
public sealed class PublicPagesAreAccessibleOnADesktop(BrowserFixture browser) : PublicPagesAreAccessible(browser, Viewport.Desktop);
