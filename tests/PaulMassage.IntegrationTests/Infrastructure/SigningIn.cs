using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PaulMassage.Web.Features.Account;

namespace PaulMassage.IntegrationTests.Infrastructure;

/// <summary>
/// The tests' one way to get a browser, make a client account and sign someone in, always through
/// the real sign-in form: <c>factory.Browser()</c>, <c>factory.TherapistAsync()</c>,
/// <c>factory.ClientAccountAsync(email)</c>, <c>factory.SignedInAsync(email)</c>, and
/// <c>browser.SignInAsync(email, password)</c> for tests of the sign-in form itself.
/// </summary>
public static class SigningIn
{
    /// <summary>The password of the client accounts the tests make, unless a test chooses its own.</summary>
    public const string ClientPassword = "correct horse battery staple";

    /// <summary>
    /// A browser that keeps cookies, over https (the session and antiforgery cookies are Secure-only
    /// in production). It does not follow redirects unless asked, so tests see each answer.
    /// </summary>
    public static HttpClient Browser(this PracticeAppFactory factory, bool followRedirects = false)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = followRedirects,
            HandleCookies = true,
            BaseAddress = new Uri("https://localhost"),
        });
    }

    /// <summary>Posts the sign-in form as a person does; returns the answer (a redirect when the password is accepted).</summary>
    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient browser, string email, string password, string? returnUrl = null)
    {
        var fields = new Dictionary<string, string> { ["Email"] = email, ["Password"] = password };
        if (returnUrl is not null)
        {
            fields["ReturnUrl"] = returnUrl;
        }

        return await FormPost.PostAsync(browser, "/account/sign-in", "/account/sign-in", fields);
    }

    /// <summary>A browser signed in with an e-mail and password (a client, or any account without two factors).</summary>
    public static async Task<HttpClient> SignedInAsync(this PracticeAppFactory factory, string email, string password = ClientPassword, bool followRedirects = false)
    {
        var browser = factory.Browser(followRedirects);
        using var response = await browser.SignInAsync(email, password);
        var signedIn = followRedirects
            ? response.RequestMessage!.RequestUri!.AbsolutePath != "/account/sign-in"
            : response.StatusCode == HttpStatusCode.Redirect;
        Assert.True(signedIn, $"Signing in as {email} failed: {(int)response.StatusCode}");
        return browser;
    }

    /// <summary>
    /// A confirmed site account in the Client role, linked to the client records booked with its
    /// address as confirming the address would link it. Returns the account's id.
    /// </summary>
    public static Task<string> ClientAccountAsync(this PracticeAppFactory factory, string email, string password = ClientPassword) =>
        factory.AccountAsync(email, password, Roles.Client);

    /// <summary>A confirmed site account in <paramref name="role"/> (a client's is linked to its address's records). Returns its id.</summary>
    public static async Task<string> AccountAsync(this PracticeAppFactory factory, string email, string password, string role)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var scope = factory.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true };
        var created = await users.CreateAsync(user, password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
        if (role == Roles.Client)
        {
            await scope.ServiceProvider.GetRequiredService<ClientAccounts>().LinkClientRecordsAsync(user);
        }

        return user.Id;
    }

    /// <summary>
    /// The therapist signed in as in production: his authenticator app is set up (two-factor sign-in
    /// is required outside Development), then he signs in with his password and a code. Returns his
    /// browser, which follows redirects unless told not to.
    /// </summary>
    public static async Task<HttpClient> TherapistAsync(this PracticeAppFactory factory, bool followRedirects = true)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var key = await factory.TherapistAuthenticatorKeyAsync();
        var browser = factory.Browser(followRedirects);
        using var password = await browser.SignInAsync(PracticeAppFactory.TherapistEmail, PracticeAppFactory.TherapistPassword);
        var codePage = followRedirects ? password.RequestMessage!.RequestUri!.PathAndQuery : password.Headers.Location?.OriginalString;
        Assert.True(codePage?.StartsWith("/account/sign-in/2fa", StringComparison.Ordinal) == true,
            $"The therapist's password was not accepted: {(int)password.StatusCode} {codePage}");
        using var code = await FormPost.PostAsync(browser, codePage!, "/account/sign-in/2fa", [new("Code", Totp.Code(key, DateTimeOffset.UtcNow))]);
        var landed = followRedirects ? code.RequestMessage!.RequestUri!.AbsolutePath : code.Headers.Location?.OriginalString;
        Assert.True(landed == "/admin", $"The therapist's authenticator code was not accepted: {(int)code.StatusCode} {landed}");
        return browser;
    }

    /// <summary>
    /// The therapist's authenticator key, set up (as he would at /account/security) the first time
    /// it is asked for. Identity keeps it encrypted in the database; the tests compute codes from it.
    /// </summary>
    public static async Task<string> TherapistAuthenticatorKeyAsync(this PracticeAppFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var scope = factory.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var therapist = await users.FindByEmailAsync(PracticeAppFactory.TherapistEmail) ?? throw new InvalidOperationException("No seeded therapist.");
        if (!await users.GetTwoFactorEnabledAsync(therapist))
        {
            await users.ResetAuthenticatorKeyAsync(therapist);
            await users.SetTwoFactorEnabledAsync(therapist, true);
            await users.GenerateNewTwoFactorRecoveryCodesAsync(therapist, 10);
        }

        return await users.GetAuthenticatorKeyAsync(therapist) ?? throw new InvalidOperationException("The therapist has no authenticator key.");
    }

    /// <summary>The cookie handler's challenge: a redirect to sign-in that comes back to the page asked for.</summary>
    public static bool IsSignInChallenge(HttpResponseMessage response, string path) =>
        response.StatusCode == HttpStatusCode.Redirect
        && response.Headers.Location?.OriginalString is { } location
        && location.Contains("/account/sign-in?ReturnUrl=", StringComparison.OrdinalIgnoreCase)
        && Uri.UnescapeDataString(location).Contains(path.Split('?')[0], StringComparison.OrdinalIgnoreCase);
}
