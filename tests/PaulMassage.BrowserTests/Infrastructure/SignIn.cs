using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PaulMassage.IntegrationTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PaulMassage.BrowserTests.Infrastructure;

/// <summary>Signing in through the real form, as a person does: the one place the browser tests do it.</summary>
public static class SignIn
{
    /// <summary>
    /// The therapist signs in as in production: his authenticator app set up (the integration tests'
    /// one helper for that), his password, then a code from the app.
    /// </summary>
    public static async Task AsTherapistAsync(BrowserSession session, PracticeAppFactory site)
    {
        ArgumentNullException.ThrowIfNull(session);
        var key = await site.TherapistAuthenticatorKeyAsync();
        await FillAsync(session, PracticeAppFactory.TherapistEmail, PracticeAppFactory.TherapistPassword);
        var page = session.Page;
        await Expect(page).ToHaveURLAsync(new Regex("/account/sign-in/2fa"));
        await page.GetByLabel("Code from your authenticator app").FillAsync(Totp.Code(key, DateTimeOffset.UtcNow));
        await session.ActivateAsync(page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }));
        await Expect(page.Locator("form[action='/account/sign-out']")).ToHaveCountAsync(1);
    }

    /// <summary>A client signs in with e-mail and password.</summary>
    public static async Task AsClientAsync(BrowserSession session, string email, string password)
    {
        ArgumentNullException.ThrowIfNull(session);
        await FillAsync(session, email, password);
        // The sign-out form is in the header (folded away on a phone, so looked for by its markup).
        await Expect(session.Page.Locator("form[action='/account/sign-out']")).ToHaveCountAsync(1);
    }

    private static async Task FillAsync(BrowserSession session, string email, string password)
    {
        var page = session.Page;
        if (!page.Url.Contains("/account/sign-in", StringComparison.Ordinal))
        {
            await session.GotoAsync("/account/sign-in");
        }

        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await session.ActivateAsync(page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }));
    }
}
