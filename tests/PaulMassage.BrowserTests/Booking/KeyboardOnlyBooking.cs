using Microsoft.Playwright;
using PaulMassage.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PaulMassage.BrowserTests.Booking;

/// <summary>
/// The whole booking form with the keyboard alone: Tab to move, Space to tick, Enter to follow or
/// send, and typing in text boxes; no mouse, no touch. Every control stopped at shows where the focus is.
/// </summary>
[Collection(DesktopCollection.Name)]
public sealed class KeyboardOnlyBooking(BrowserFixture browser)
{
    /// <summary>More Tab presses than any page of the form needs to reach its next control.</summary>
    private const int MaxTabs = 60;

    [Fact]
    public Task a_visitor_books_a_visit_with_the_keyboard_alone_on_a_desktop() =>
        browser.RunAsync(Viewport.Desktop, async session =>
        {
            var page = session.Page;
            var keys = page.Keyboard;
            await session.GotoAsync("/book");

            // The first Tab reaches the skip link, which appears and jumps to the content.
            await keys.PressAsync("Tab");
            var skip = page.GetByRole(AriaRole.Link, new() { Name = "Skip to main content" });
            await Expect(skip).ToBeFocusedAsync();
            await Expect(skip).ToBeInViewportAsync();
            await keys.PressAsync("Enter");
            await Expect(page.Locator("main")).ToBeFocusedAsync();

            // Step 1. Tabbing into a radio group lands on its first choice; Space picks it.
            var firstTreatment = page.GetByRole(AriaRole.Group, new() { Name = "Which treatment?" }).GetByRole(AriaRole.Radio).First;
            await TabToAsync(page, firstTreatment);
            await keys.PressAsync("Space");
            await Expect(firstTreatment).ToBeCheckedAsync();
            await TabToAsync(page, page.GetByRole(AriaRole.Radio, new() { Name = "60 minutes", Exact = true }));
            await keys.PressAsync("Space");
            await TabToAsync(page, page.GetByLabel("Postcode of the visit"));
            await keys.TypeAsync(BookingSteps.ServedPostcode);
            await keys.PressAsync("Enter");

            // Step 2: Enter on a day of the strip shows that day (marked as the chosen one), then Enter follows its first free time.
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Choose a time", Level = 1 })).ToBeVisibleAsync();
            var strip = page.GetByRole(AriaRole.List, new() { Name = "Days, with the number of free times" });
            var nextDay = strip.Locator("a:not([aria-current])").First;
            var dayHref = await nextDay.GetAttributeAsync("href");
            await TabToAsync(page, nextDay);
            await keys.PressAsync("Enter");
            await Expect(strip.Locator("a[aria-current=date]")).ToHaveAttributeAsync("href", dayHref!);
            var slot = page.GetByRole(AriaRole.Link, new() { NameRegex = BookingSteps.SlotName() }).First;
            var when = await slot.GetAttributeAsync("aria-label") ?? string.Empty;
            await TabToAsync(page, slot);
            await keys.PressAsync("Enter");

            // Step 3.
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your details and health", Level = 1 })).ToBeVisibleAsync();
            await TypeIntoAsync(page, page.GetByLabel("Full name"), "Kim Keyboard");
            await TypeIntoAsync(page, page.GetByLabel("E-mail"), "keyboard@example.com");
            await TypeIntoAsync(page, page.GetByLabel("Phone"), "07700 900789");
            await TypeIntoAsync(page, page.GetByLabel("Address line 1"), "3 Example Row");
            await TypeIntoAsync(page, page.GetByLabel("Town or city"), "London");
            await TypeIntoAsync(page, page.GetByLabel("What is troubling you?"), "Stiff neck and shoulders from desk work.");

            var areas = page.GetByRole(AriaRole.Group, new() { Name = "Where does it hurt?" });
            await TickAsync(page, areas.GetByRole(AriaRole.Checkbox, new() { Name = "Neck" }));
            await TickAsync(page, areas.GetByRole(AriaRole.Checkbox, new() { Name = "Shoulders" }));
            await Expect(page.Locator("[data-body-map] [data-area=Shoulders]")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bselected\b"));

            // The first choice of each radio group: "0" and "Less than 6 weeks".
            await TickAsync(page, page.GetByRole(AriaRole.Group, new() { Name = "How strong is the pain at its worst?" }).GetByRole(AriaRole.Radio).First);
            await TickAsync(page, page.GetByRole(AriaRole.Radio, new() { Name = "Less than 6 weeks" }));
            await TickAsync(page, page.GetByRole(AriaRole.Checkbox, new() { Name = "Stiffness, hard to move or bend" }));
            await TickAsync(page, page.GetByRole(AriaRole.Checkbox, new() { Name = "None of these apply to me" }));
            await TickAsync(page, page.GetByRole(AriaRole.Checkbox, new() { Name = "I agree that Paul Massage may keep and use the health information" }));
            await TickAsync(page, page.GetByRole(AriaRole.Checkbox, new() { Name = "I accept the cancellation policy." }));

            await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Send my request" }));
            await keys.PressAsync("Enter");

            var reference = await BookingSteps.ExpectRequestReceivedAsync(session, when);
            Assert.Matches(BookingSteps.Reference(), reference);
        });

    /// <summary>Presses Tab until the target has the focus, then checks the focus can be seen.</summary>
    private static async Task TabToAsync(IPage page, ILocator target)
    {
        for (var i = 0; i < MaxTabs; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await target.EvaluateAsync<bool>("el => el === document.activeElement"))
            {
                // The site's focus ring: a solid outline at least 2px wide (Bootstrap's faint glow alone does not count).
                var visible = await target.EvaluateAsync<bool>("""
                    el => {
                        const s = getComputedStyle(el);
                        return s.outlineStyle === 'solid' && parseFloat(s.outlineWidth) >= 2;
                    }
                    """);
                Assert.True(visible, $"The keyboard focus on {target} cannot be seen (no solid outline of 2px or more).");
                return;
            }
        }

        Assert.Fail($"{MaxTabs} presses of Tab did not reach {target}.");
    }

    private static async Task TypeIntoAsync(IPage page, ILocator field, string text)
    {
        await TabToAsync(page, field);
        await page.Keyboard.TypeAsync(text);
        await Expect(field).ToHaveValueAsync(text);
    }

    private static async Task TickAsync(IPage page, ILocator box)
    {
        await TabToAsync(page, box);
        await page.Keyboard.PressAsync("Space");
        await Expect(box).ToBeCheckedAsync();
    }
}
