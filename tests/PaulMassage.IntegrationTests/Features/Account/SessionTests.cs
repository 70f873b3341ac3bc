using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PaulMassage.IntegrationTests.Infrastructure;
using PaulMassage.Web.Features.Account;

namespace PaulMassage.IntegrationTests.Features.Account;

/// <summary>
/// Sign-in and sessions: cookie flags, idle and absolute lifetimes on the test's clock, sign-out and
/// password change ending other sessions, lockout, two-factor sign-in with an authenticator code.
/// Each test signs in with an account of its own.
/// </summary>
public sealed partial class TheSessions(SecureCookiesFixture fixture) : IClassFixture<SecureCookiesFixture>
{
    private const string Password = "a long and quiet evening walk";
    private const string Page = "/account/security";

    private PracticeAppFactory Factory => fixture.Factory;

    [Fact]
    public async Task use_secure_http_only_same_site_cookies()
    {
        var email = await NewAccountAsync();
        using var client = Factory.Browser();
        using var response = await client.SignInAsync(email, Password);
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        var session = Assert.Single(cookies, c => c.StartsWith("__Host-pm.auth=", StringComparison.Ordinal));
        Assert.Contains("secure", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", session, StringComparison.OrdinalIgnoreCase);

        using var form = await Factory.Browser().GetAsync("/account/sign-in");
        var antiforgery = Assert.Single(form.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-pm.af=", StringComparison.Ordinal));
        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", antiforgery, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task end_after_twelve_hours_however_active_the_user_is()
    {
        var email = await NewAccountAsync();
        using var client = await Factory.SignedInAsync(email, Password);
        for (var i = 0; i < 6; i++)
        {
            Factory.Clock.Advance(TimeSpan.FromMinutes(110));
            using var stillIn = await client.GetAsync(Page);
            Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
        }

        Factory.Clock.Advance(TimeSpan.FromMinutes(61));
        using var response = await client.GetAsync(Page);
        Assert.True(SigningIn.IsSignInChallenge(response, Page), $"Still signed in after 12 hours: {(int)response.StatusCode}");
    }

    [Fact]
    public async Task end_after_two_idle_hours()
    {
        var email = await NewAccountAsync();
        using var client = await Factory.SignedInAsync(email, Password);
        Factory.Clock.Advance(TimeSpan.FromMinutes(121));
        using var response = await client.GetAsync(Page);
        Assert.True(SigningIn.IsSignInChallenge(response, Page));
    }

    [Fact]
    public async Task end_everywhere_when_the_user_signs_out_on_one_device()
    {
        var email = await NewAccountAsync();
        using var laptop = await Factory.SignedInAsync(email, Password);
        using var phone = await Factory.SignedInAsync(email, Password);
        using (var signOut = await FormPost.PostAsync(laptop, Page, "/account/sign-out", []))
        {
            Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
            Assert.Equal("\"cache\", \"storage\"", string.Join(", ", signOut.Headers.GetValues("Clear-Site-Data")));
        }

        Factory.Clock.Advance(TimeSpan.FromSeconds(1)); // the phone's next request comes later
        using var response = await phone.GetAsync(Page);
        Assert.True(SigningIn.IsSignInChallenge(response, Page));
    }

    [Fact]
    public async Task end_other_sessions_when_the_password_changes_and_keep_this_one()
    {
        var email = await NewAccountAsync();
        using var laptop = await Factory.SignedInAsync(email, Password);
        using var phone = await Factory.SignedInAsync(email, Password);
        const string newPassword = "another quiet evening by the river";
        using (var change = await FormPost.PostAsync(laptop, "/account/security/password", "/account/security/password", new Dictionary<string, string>
        {
            ["CurrentPassword"] = Password,
            ["NewPassword"] = newPassword,
            ["ConfirmPassword"] = newPassword,
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, change.StatusCode);
        }

        Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        using (var stillIn = await laptop.GetAsync(Page))
        {
            Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
            Assert.Contains("Your password is changed", await stillIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var ended = await phone.GetAsync(Page))
        {
            Assert.True(SigningIn.IsSignInChallenge(ended, Page));
        }

        using var oldPassword = await Factory.Browser().SignInAsync(email, Password);
        Assert.Equal(HttpStatusCode.OK, oldPassword.StatusCode);
        using var newOne = await Factory.Browser().SignInAsync(email, newPassword);
        Assert.Equal(HttpStatusCode.Redirect, newOne.StatusCode);
    }

    [Fact]
    public async Task refuse_a_common_password_when_changing_it()
    {
        var email = await NewAccountAsync();
        using var client = await Factory.SignedInAsync(email, Password);
        using var change = await FormPost.PostAsync(client, "/account/security/password", "/account/security/password", new Dictionary<string, string>
        {
            ["CurrentPassword"] = Password,
            ["NewPassword"] = "qwertyuiop123",
            ["ConfirmPassword"] = "qwertyuiop123",
        });
        Assert.Equal(HttpStatusCode.OK, change.StatusCode);
        Assert.Contains("data breaches", await change.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task lock_out_one_address_for_fifteen_minutes_after_five_wrong_passwords_and_never_the_owner_elsewhere()
    {
        var email = await NewAccountAsync(Roles.Therapist);
        using var stranger = AtAddress(Factory.Browser(), "203.0.113.9");
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await stranger.SignInAsync(email, "not the password at all " + i);
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        // Even the right password is refused from that address, with the same answer...
        using (var locked = await stranger.SignInAsync(email, Password))
        {
            Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
            Assert.Contains(AccountController.LockedOutMessage, await locked.TextAsync(), StringComparison.Ordinal);
        }

        // ...while the owner, at his own address, signs in as usual.
        using (var owner = AtAddress(Factory.Browser(), "198.51.100.7"))
        using (var signedIn = await owner.SignInAsync(email, Password))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        }

        // Fifteen minutes later (on the site's clock) the locked address may try again.
        Factory.Clock.Advance(TimeSpan.FromMinutes(14));
        using (var stillLocked = await stranger.SignInAsync(email, Password))
        {
            Assert.Contains(AccountController.LockedOutMessage, await stillLocked.TextAsync(), StringComparison.Ordinal);
        }

        Factory.Clock.Advance(TimeSpan.FromMinutes(1));
        using var again = await stranger.SignInAsync(email, Password);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
    }

    [Fact]
    public async Task count_failures_for_an_unconfirmed_account_and_answer_the_same_whether_or_not_the_password_was_right()
    {
        var email = $"pending-{Guid.NewGuid():N}@test.example";
        await using (var scope = Factory.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            Assert.True((await users.CreateAsync(new AppUser { UserName = email, Email = email }, Password)).Succeeded);
        }

        using var client = AtAddress(Factory.Browser(), "192.0.2.44");
        var answers = new List<string>();
        foreach (var password in new[] { Password, "not the password at all", Password, "still not the password" })
        {
            using var response = await client.SignInAsync(email, password);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            answers.Add(string.Join(" ", (await response.ReadHtmlAsync()).ErrorSummary()));
        }

        Assert.All(answers, answer => Assert.Equal(AccountController.NotRightMessage, answer));
        using var fifth = await client.SignInAsync(email, Password);
        Assert.Equal([AccountController.LockedOutMessage], (await fifth.ReadHtmlAsync()).ErrorSummary());
    }

    private static HttpClient AtAddress(HttpClient client, string address)
    {
        client.DefaultRequestHeaders.Add(PracticeAppFactory.ClientAddressHeader, address);
        return client;
    }

    [Fact]
    public async Task send_a_therapist_without_an_authenticator_to_set_one_up_and_open_nothing_else_in_the_back_office_until_he_has()
    {
        var email = await NewAccountAsync(Roles.Therapist);
        using var client = await Factory.SignedInAsync(email, Password);

        // Every back-office page, and every back-office form, sends him to set it up.
        foreach (var route in SiteRoutes.Discover(Factory).Where(r => r.Access == RouteAccess.Therapist))
        {
            var path = route.Fill(new Dictionary<string, string>());
            using var request = new HttpRequestMessage(route.Allows("GET") ? HttpMethod.Get : HttpMethod.Post, path);
            if (request.Method == HttpMethod.Post)
            {
                request.Content = new FormUrlEncodedContent([new("__RequestVerificationToken", await FormPost.AntiforgeryTokenAsync(client, Page))]);
            }

            using var response = await client.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString == Page,
                $"{request.Method} {path} answered {(int)response.StatusCode} {response.Headers.Location}");
        }

        var security = await client.GetStringAsync(Page);
        Assert.Contains("id=\"two-factor-required\"", security, StringComparison.Ordinal);

        // He sets it up with his app and gets his recovery codes; the back office opens.
        using (var setUp = await FormPost.PostAsync(client, Page, "/account/security/two-factor/setup", []))
        {
            Assert.Equal("/account/security/two-factor/enable", setUp.Headers.Location?.OriginalString);
        }

        var key = AuthenticatorKey().Match(await client.GetStringAsync("/account/security/two-factor/enable")).Groups[1].Value;
        using (var enable = await FormPost.PostAsync(client, "/account/security/two-factor/enable", "/account/security/two-factor/enable", new Dictionary<string, string> { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) }))
        {
            Assert.Equal(10, RecoveryCode().Count(await enable.Content.ReadAsStringAsync()));
        }

        using (var admin = await client.GetAsync("/admin"))
        {
            Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        }

        // And he cannot turn it off again, even with his password.
        Assert.DoesNotContain("/account/security/two-factor/disable", await client.GetStringAsync(Page), StringComparison.Ordinal);
        using (var disable = await FormPost.PostAsync(client, Page, "/account/security/two-factor/disable", new Dictionary<string, string> { ["CurrentPassword"] = Password }))
        {
            Assert.Equal(HttpStatusCode.Redirect, disable.StatusCode);
        }

        await using var scope = Factory.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        Assert.True(await users.GetTwoFactorEnabledAsync((await users.FindByEmailAsync(email))!));
    }

    [Fact]
    public async Task ask_for_an_authenticator_code_once_two_factor_sign_in_is_on()
    {
        var email = await NewAccountAsync(Roles.Therapist);
        string key;
        using (var client = await Factory.SignedInAsync(email, Password))
        {
            using (var setUp = await FormPost.PostAsync(client, Page, "/account/security/two-factor/setup", []))
            {
                Assert.Equal("/account/security/two-factor/enable", setUp.Headers.Location?.OriginalString);
            }

            var page = await client.GetStringAsync("/account/security/two-factor/enable");
            key = AuthenticatorKey().Match(page).Groups[1].Value;
            Assert.Matches("^[a-z2-7 ]{20,}$", key);
            Assert.Contains("otpauth://totp/Paul%20Massage:", page, StringComparison.Ordinal);
            Assert.Contains("src=\"data:image/svg+xml;base64,", WebUtility.HtmlDecode(page), StringComparison.Ordinal);

            using var wrongCode = await FormPost.PostAsync(client, "/account/security/two-factor/enable", "/account/security/two-factor/enable", new Dictionary<string, string> { ["Code"] = "000000" });
            Assert.Contains("That code is not right", await wrongCode.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            using var enable = await FormPost.PostAsync(client, "/account/security/two-factor/enable", "/account/security/two-factor/enable", new Dictionary<string, string> { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
            var codes = RecoveryCode().Matches(await enable.Content.ReadAsStringAsync()).Select(m => m.Groups[1].Value).ToList();
            Assert.Equal(10, codes.Count);

            using var signedInStill = await client.GetAsync(Page);
            Assert.Contains("Recovery codes left: <strong>10</strong>", await signedInStill.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var visitor = Factory.Browser();
        using (var password = await visitor.SignInAsync(email, Password, "/admin"))
        {
            Assert.StartsWith("/account/sign-in/2fa", password.Headers.Location?.OriginalString, StringComparison.Ordinal);
        }

        using (var notYet = await visitor.GetAsync("/admin"))
        {
            Assert.True(SigningIn.IsSignInChallenge(notYet, "/admin"), "The password alone must not sign in.");
        }

        using (var wrong = await FormPost.PostAsync(visitor, "/account/sign-in/2fa?returnUrl=%2Fadmin", "/account/sign-in/2fa", new Dictionary<string, string> { ["Code"] = "123456", ["ReturnUrl"] = "/admin" }))
        {
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        using (var right = await FormPost.PostAsync(visitor, "/account/sign-in/2fa?returnUrl=%2Fadmin", "/account/sign-in/2fa", new Dictionary<string, string> { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow), ["ReturnUrl"] = "/admin" }))
        {
            Assert.Equal("/admin", right.Headers.Location?.OriginalString);
        }

        using var admin = await visitor.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);

        // The authenticator key and recovery codes are stored encrypted, like health data.
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Factory.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Value FROM AspNetUserTokens";
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        Assert.NotEmpty(values);
        Assert.All(values, v => Assert.StartsWith(PaulMassage.Web.Infrastructure.Data.Encryption.ColumnProtector.Prefix, v, StringComparison.Ordinal));
        Assert.DoesNotContain(values, v => v.Contains(key.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task accept_each_recovery_code_once_instead_of_the_app()
    {
        var email = await NewAccountAsync(Roles.Therapist);
        var codes = await EnableTwoFactorAsync(email);

        for (var attempt = 0; attempt < 2; attempt++)
        {
            using var visitor = Factory.Browser();
            using var password = await visitor.SignInAsync(email, Password);
            using var recovery = await FormPost.PostAsync(visitor, "/account/sign-in/recovery", "/account/sign-in/recovery", new Dictionary<string, string> { ["RecoveryCode"] = codes[0] });
            if (attempt == 0)
            {
                Assert.Equal(HttpStatusCode.Redirect, recovery.StatusCode);
            }
            else
            {
                Assert.Equal(HttpStatusCode.OK, recovery.StatusCode);
                Assert.Contains("already been used", await recovery.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [InlineData(Roles.Client, "/account")]
    [InlineData(Roles.Therapist, "/admin")]
    public async Task send_each_user_to_their_own_start_page_after_the_second_factor(string role, string startPage)
    {
        var email = await NewAccountAsync(role);
        var codes = await EnableTwoFactorAsync(email);

        using var visitor = Factory.Browser();
        using var password = await visitor.SignInAsync(email, Password);
        using var recovery = await FormPost.PostAsync(visitor, "/account/sign-in/recovery", "/account/sign-in/recovery", new Dictionary<string, string> { ["RecoveryCode"] = codes[0] });

        Assert.Equal(startPage, recovery.Headers.Location?.OriginalString);
        using var start = await visitor.GetAsync(startPage);
        Assert.Equal(HttpStatusCode.OK, start.StatusCode);
    }

    private async Task<string> NewAccountAsync(string role = Roles.Client)
    {
        var email = $"user-{Guid.NewGuid():N}@test.example";
        await Factory.AccountAsync(email, Password, role);
        return email;
    }

    /// <summary>Turns on two-factor sign-in with the authenticator app for an account; returns its recovery codes.</summary>
    private async Task<IReadOnlyList<string>> EnableTwoFactorAsync(string email)
    {
        using var client = await Factory.SignedInAsync(email, Password);
        using var setUp = await FormPost.PostAsync(client, Page, "/account/security/two-factor/setup", []);
        var key = AuthenticatorKey().Match(await client.GetStringAsync("/account/security/two-factor/enable")).Groups[1].Value;
        using var enable = await FormPost.PostAsync(client, "/account/security/two-factor/enable", "/account/security/two-factor/enable", new Dictionary<string, string> { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        return RecoveryCode().Matches(await enable.Content.ReadAsStringAsync()).Select(m => m.Groups[1].Value).ToList();
    }

    [GeneratedRegex("<code class=\"authenticator-key\">([^<]+)</code>")]
    private static partial Regex AuthenticatorKey();

    [GeneratedRegex("<li><code>([A-Za-z0-9-]+)</code></li>")]
    private static partial Regex RecoveryCode();
}

/// <summary>A site with production's Secure-only, "__Host-" cookies, talked to over https.</summary>
public sealed class SecureCookiesFixture : IDisposable
{
    public SecureCookiesFixture() => Factory.Settings["Security:SecureCookies"] = "true";

    public PracticeAppFactory Factory { get; } = new();

    public void Dispose() => Factory.Dispose();
}

/// <summary>A development run: Security:RequireTherapistTwoFactor off, as appsettings.Development.json sets it.</summary>
public sealed class TheDevelopmentBackOffice : IDisposable
{
    private readonly PracticeAppFactory factory = new();

    public TheDevelopmentBackOffice() => factory.Settings["Security:RequireTherapistTwoFactor"] = "false";

    [Fact]
    public async Task opens_to_the_therapist_with_his_password_alone()
    {
        using var client = await factory.SignedInAsync(PracticeAppFactory.TherapistEmail, PracticeAppFactory.TherapistPassword);
        using var admin = await client.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
    }

    [Fact]
    public void is_what_appsettings_development_json_says()
    {
        var settings = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot(), "src", "PaulMassage.Web", "appsettings.Development.json")));
        Assert.False(settings.RootElement.GetProperty("Security").GetProperty("RequireTherapistTwoFactor").GetBoolean());
    }

    public void Dispose() => factory.Dispose();

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "PaulMassage.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("No PaulMassage.sln above the test folder.");
    }
}

