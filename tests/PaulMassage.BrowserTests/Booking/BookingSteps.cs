using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PaulMassage.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PaulMassage.BrowserTests.Booking;

/// <summary>What a visitor gives on the last step of the booking form.</summary>
public sealed record VisitorDetails(string Name, string Email, string Phone, string AddressLine1, string Town, string Complaint)
{
    public static VisitorDetails Sample(string email) =>
        new("Alex Morgan", email, "07700 900456", "12 Example Street", "London", "Aching lower back after long days at my desk.");
}

/// <summary>The three booking steps, driven by labels and roles as a person (or a screen reader) finds them.</summary>
public static partial class BookingSteps
{
    /// <summary>A postcode inside the area Paul serves.</summary>
    public const string ServedPostcode = "SE1 7PB";

    /// <summary>Step 1, already on /book: the treatment (unless preselected), the length and the postcode.</summary>
    public static async Task ChooseTreatmentAsync(BrowserSession session, string? treatment, string minutes = "60 minutes", bool audit = false)
    {
        ArgumentNullException.ThrowIfNull(session);
        var page = session.Page;
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Book a home visit", Level = 1 })).ToBeVisibleAsync();
        if (treatment is not null)
        {
            await page.GetByRole(AriaRole.Radio, new() { Name = treatment, Exact = true }).CheckAsync();
        }

        await page.GetByRole(AriaRole.Radio, new() { Name = minutes, Exact = true }).CheckAsync();
        await page.GetByLabel("Postcode of the visit").FillAsync(ServedPostcode);
        if (audit)
        {
            await session.AuditAsync("booking-step1");
        }

        await session.ActivateAsync(page.GetByRole(AriaRole.Button, new() { Name = "See free times" }));
    }

    /// <summary>
    /// Step 2: moves to the next day with free times through the strip of days, checks it is marked
    /// as the chosen day and that the page fits two phone screens, then picks that day's first free
    /// time and returns how the site named it (e.g. "Wednesday 3 March at 09:00").
    /// </summary>
    public static async Task<string> ChooseFirstFreeTimeAsync(BrowserSession session, bool audit = false)
    {
        ArgumentNullException.ThrowIfNull(session);
        var page = session.Page;
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Choose a time", Level = 1 })).ToBeVisibleAsync();
        var strip = page.GetByRole(AriaRole.List, new() { Name = "Days, with the number of free times" });
        var nextDay = strip.Locator("a:not([aria-current])").First;
        var dayHref = await nextDay.GetAttributeAsync("href");
        var dayName = await nextDay.Locator(".visually-hidden").TextContentAsync() ?? string.Empty;
        await session.ActivateAsync(nextDay);
        await Expect(strip.Locator("a[aria-current=date]")).ToHaveAttributeAsync("href", dayHref!);
        await Expect(page.Locator("#chosen-day")).ToContainTextAsync(DayOfStrip().Match(dayName).Groups["day"].Value);
        if (session.IsPhone)
        {
            await ExpectTheFullestDayFitsTwoScreensAsync(session, strip, dayHref!);
        }

        var slot = page.GetByRole(AriaRole.Link, new() { NameRegex = SlotName() }).First;
        var when = await slot.GetAttributeAsync("aria-label") ?? throw new InvalidOperationException("A free time without a name.");
        if (audit)
        {
            await session.AuditAsync("booking-step2");
        }

        await session.ActivateAsync(slot);
        return when;
    }

    /// <summary>
    /// The choice itself (the page's main part, the footer after it aside) within two phone screens on
    /// the week's fullest day, whichever it is: what other journeys booked on the shared site decides
    /// which day that is. Comes back to the day chosen before.
    /// </summary>
    private static async Task ExpectTheFullestDayFitsTwoScreensAsync(BrowserSession session, ILocator strip, string chosenDayHref)
    {
        var page = session.Page;
        var days = await strip.Locator("a").AllAsync();
        var fullest = days[0];
        var most = -1;
        foreach (var day in days)
        {
            var name = await day.Locator(".visually-hidden").TextContentAsync() ?? string.Empty;
            var count = int.Parse(DayOfStrip().Match(name).Groups["count"].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (count > most)
            {
                (fullest, most) = (day, count);
            }
        }

        var fullestHref = await fullest.GetAttributeAsync("href");
        if (fullestHref != chosenDayHref)
        {
            await session.ActivateAsync(fullest);
            await Expect(strip.Locator("a[aria-current=date]")).ToHaveAttributeAsync("href", fullestHref!);
        }

        // Measured once the page has loaded with its stylesheet: laid out before it, the times
        // stand one under another (the test once failed on CI that way, not on the site).
        await page.WaitForLoadStateAsync(LoadState.Load);
        var height = await page.EvaluateAsync<int>("Math.ceil(document.querySelector('main').getBoundingClientRect().bottom + window.scrollY)");
        Assert.True(height <= 2 * 844, $"The time choice on a day with {most} free times ends {height} px down a phone's page: past two screens.");
        if (fullestHref != chosenDayHref)
        {
            await session.ActivateAsync(strip.Locator($"a[href=\"{chosenDayHref}\"]"));
            await Expect(strip.Locator("a[aria-current=date]")).ToHaveAttributeAsync("href", chosenDayHref);
        }
    }

    /// <summary>A day of the strip as read out: "Wednesday 3 March: 37 free times".</summary>
    [GeneratedRegex(@"(?<day>\w+day \d{1,2} \w+): (?<count>\d+) free times?")]
    private static partial Regex DayOfStrip();

    /// <summary>Step 3: the visitor's details, the intake assessment with the body map, the red-flag answer and the consents.</summary>
    public static async Task FillDetailsAsync(BrowserSession session, VisitorDetails visitor, string? redFlag = null, bool audit = false)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(visitor);
        var page = session.Page;
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your details and health", Level = 1 })).ToBeVisibleAsync();

        await page.GetByLabel("Full name").FillAsync(visitor.Name);
        await page.GetByLabel("E-mail").FillAsync(visitor.Email);
        await page.GetByLabel("Phone").FillAsync(visitor.Phone);
        await page.GetByLabel("Address line 1").FillAsync(visitor.AddressLine1);
        await page.GetByLabel("Town or city").FillAsync(visitor.Town);
        await page.GetByLabel("Getting in (optional)").FillAsync("Ring the bell for flat 2; a friendly dog.");
        await page.GetByLabel("What is troubling you?").FillAsync(visitor.Complaint);

        // Where it hurts: the checkboxes are the control; the body map figure mirrors them.
        var areas = page.GetByRole(AriaRole.Group, new() { Name = "Where does it hurt?" });
        await areas.GetByRole(AriaRole.Checkbox, new() { Name = "Lower back" }).CheckAsync();
        await areas.GetByRole(AriaRole.Checkbox, new() { Name = "Hips" }).CheckAsync();
        await Expect(page.Locator("[data-body-map] [data-area=LowerBack]")).ToHaveClassAsync(Selected());
        await Expect(page.Locator("[data-body-map] [data-area=Hips]")).ToHaveClassAsync(Selected());
        await Expect(page.Locator("[data-body-map] [data-area=Neck]")).Not.ToHaveClassAsync(Selected());

        await page.GetByRole(AriaRole.Group, new() { Name = "How strong is the pain at its worst?" })
            .GetByRole(AriaRole.Radio, new() { Name = "6", Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Radio, new() { Name = "6 to 12 weeks" }).CheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "An aching or tense muscle" }).CheckAsync();

        var flags = page.GetByRole(AriaRole.Group, new() { Name = "Do any of these apply to you now?" });
        if (redFlag is null)
        {
            await flags.GetByRole(AriaRole.Checkbox, new() { Name = "None of these apply to me" }).CheckAsync();
        }
        else
        {
            await flags.GetByRole(AriaRole.Checkbox, new() { Name = redFlag }).CheckAsync();
        }

        await page.GetByRole(AriaRole.Checkbox, new() { Name = "I agree that Paul Massage may keep and use the health information" }).CheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "I accept the cancellation policy." }).CheckAsync();
        if (audit)
        {
            await session.AuditAsync("booking-step3");
        }
    }

    public static Task SendRequestAsync(BrowserSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.ActivateAsync(session.Page.GetByRole(AriaRole.Button, new() { Name = "Send my request" }));
    }

    /// <summary>After sending: the manage page thanks the visitor and shows the reference. Returns the reference.</summary>
    public static async Task<string> ExpectRequestReceivedAsync(BrowserSession session, string when, bool audit = false)
    {
        ArgumentNullException.ThrowIfNull(session);
        var page = session.Page;
        await Expect(page).ToHaveURLAsync(ManageLink());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Thank you: your request is with Paul" })).ToBeVisibleAsync();
        var confirmation = page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Your reference is" });
        await Expect(confirmation).ToContainTextAsync(Reference());
        var reference = Reference().Match(await confirmation.InnerTextAsync()).Value;
        await Expect(page.GetByText("Waiting for Paul to confirm")).ToBeVisibleAsync();
        await Expect(page.Locator("dd").Filter(new() { HasTextRegex = When(when) })).ToBeVisibleAsync();
        if (audit)
        {
            await session.AuditAsync("booking-received");
        }

        return reference;
    }

    /// <summary>Books the first free visit of a treatment from /book; returns the reference and the manage link.</summary>
    public static async Task<(string Reference, string ManageLink)> BookAsync(BrowserSession session, VisitorDetails visitor, string treatment = "Deep tissue massage")
    {
        ArgumentNullException.ThrowIfNull(session);
        await session.GotoAsync("/book");
        await ChooseTreatmentAsync(session, treatment);
        var when = await ChooseFirstFreeTimeAsync(session);
        await FillDetailsAsync(session, visitor);
        await SendRequestAsync(session);
        var reference = await ExpectRequestReceivedAsync(session, when);
        return (reference, session.Page.Url);
    }

    /// <summary>"Tuesday 2 March at 09:00" is shown on the manage page as "Tuesday 2 March 2027 at 09:00".</summary>
    public static Regex When(string slotName)
    {
        ArgumentNullException.ThrowIfNull(slotName);
        var parts = SlotName().Match(slotName);
        return new Regex(Regex.Escape(parts.Groups["day"].Value) + @" \d{4} at " + Regex.Escape(parts.Groups["time"].Value));
    }

    [GeneratedRegex(@"^(?<day>\w+day \d{1,2} \w+) at (?<time>\d{2}:\d{2})$")]
    public static partial Regex SlotName();

    [GeneratedRegex(@"/bookings/[A-Za-z0-9_-]{20,}$")]
    public static partial Regex ManageLink();

    [GeneratedRegex(@"PM-[A-Z2-9]{6}")]
    public static partial Regex Reference();

    [GeneratedRegex(@"\bselected\b")]
    private static partial Regex Selected();
}
