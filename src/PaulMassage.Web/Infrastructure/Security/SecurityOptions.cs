namespace PaulMassage.Web.Infrastructure.Security;

/// <summary>The site's security settings (section "Security"); the defaults are the production values.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>
    /// Session and antiforgery cookies carry the Secure flag. Only a plain-http development run
    /// (appsettings.Development.json) turns this off.
    /// </summary>
    public bool SecureCookies { get; set; } = true;

    /// <summary>A signed-in session ends after this long without a request.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromHours(2);

    /// <summary>A session ends this long after sign-in, however active it is.</summary>
    public TimeSpan AbsoluteSessionLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>How often a session cookie is checked against the account's security stamp (zero: every request).</summary>
    public TimeSpan SecurityStampValidationInterval { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// The therapist must sign in with an authenticator app: until he has set one up, every back-office
    /// page sends him to set it up, and he cannot turn it off. Only a development run
    /// (appsettings.Development.json) turns this off.
    /// </summary>
    public bool RequireTherapistTwoFactor { get; set; } = true;

    public RateLimitOptions RateLimit { get; set; } = new();

    /// <summary>
    /// IP addresses of the reverse proxies whose X-Forwarded-For/-Proto headers are believed (for the
    /// client address the rate limits count by). Empty: the headers are ignored.
    /// </summary>
    public List<string> KnownProxies { get; set; } = [];
}

/// <summary>
/// Limits on the POSTs an attacker would hammer: every POST that sends an e-mail or checks a
/// secret (a password, a one-time code, a reset or confirmation code, a manage-link token), outside
/// the back office. Counted per client IP address and path pattern, in a fixed window. The back
/// office (/admin, the therapist only, behind two-factor sign-in) is not limited: he confirms a
/// morning's requests in a row. <c>TheRateLimits.cover_every_post_that_sends_mail_or_checks_a_secret</c>
/// fails when a new public or account POST is neither listed here nor named there as harmless.
/// </summary>
public sealed class RateLimitOptions
{
    /// <summary>Requests allowed per client and path in one window.</summary>
    public int PermitLimit { get; set; } = 10;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The paths whose POSTs are limited (case-insensitive; a "*" segment matches any one segment).</summary>
    public List<string> Paths { get; set; } =
    [
        "/account/sign-in",
        "/account/sign-in/2fa",
        "/account/sign-in/recovery",
        "/account/register",
        "/account/resend-confirmation",
        "/account/forgot-password",
        "/account/reset-password",
        "/account/security/password",
        "/account/security/two-factor/enable",
        "/account/security/two-factor/disable",
        "/account/security/two-factor/recovery-codes",
        "/account/privacy/erasure",
        "/account/visits/*/*",
        "/account/series/*/*",
        "/book/details",
        "/bookings/*/new-link",
        "/bookings/*/*",
        "/series/*/*",
        "/address-check/*",
        "/address-check/*/*",
        "/review/*",
        "/no-review-requests/*",
        "/check-in/*",
        "/check-in/*/*",
    ];
}
