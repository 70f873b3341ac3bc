using Microsoft.Playwright;
using PaulMassage.BrowserTests.Infrastructure;

namespace PaulMassage.BrowserTests.BackOffice;

/// <summary>Paul's phone booking form, filled in as he does it: the steps the journeys and the accessibility tour share.</summary>
public static class PhoneBookingSteps
{
    /// <summary>On the phone booking form (opened by "Book again"): a course of visits a week apart from the date, at the time (UK time), sent for checking.</summary>
    public static async Task PlanCourseAsync(BrowserSession session, DateOnly from, string time, int visits)
    {
        ArgumentNullException.ThrowIfNull(session);
        var page = session.Page;
        await page.GetByLabel("Date").FillAsync(from.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Start time (UK time)").FillAsync(time);
        await session.ActivateAsync(page.Locator("#repeat summary"));
        await page.GetByLabel("Number of visits").FillAsync(visits.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Every", new() { Exact = true }).SelectOptionAsync("1");
        await SubmitAsync(session);
    }

    /// <summary>Asks the red flags afresh (none apply), notes the client's consent given on the phone, and books.</summary>
    public static async Task SubmitAsync(BrowserSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var page = session.Page;
        await page.Locator("input[type=checkbox][name='Intake.NoRedFlags']").CheckAsync();
        var consent = page.Locator("input[type=checkbox][name=IntakeConsent]");
        if (!await consent.IsVisibleAsync())
        {
            await session.ActivateAsync(page.Locator("details:has(input[name=IntakeConsent]) > summary"));
        }

        await consent.CheckAsync();
        await session.ActivateAsync(page.Locator("#phone-booking-submit"));
    }
}
