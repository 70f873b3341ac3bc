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

    public RateLimitOptions RateLimit { get; set; } = new();

    /// <summary>
    /// IP addresses of the reverse proxies whose X-Forwarded-For/-Proto headers are believed (for the
    /// client address the rate limits count by). Empty: the headers are ignored.
    /// </summary>
    public List<string> KnownProxies { get; set; } = [];
}

/// <summary>
/// Limits on the POSTs an attacker would hammer: sign-in, registration, password reset and the
/// booking request. Counted per client IP address and path, in a fixed window.
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
        "/account/forgot-password",
        "/account/reset-password",
        "/account/security/password",
        "/account/security/two-factor/enable",
        "/account/security/two-factor/disable",
        "/account/security/two-factor/recovery-codes",
        "/book/details",
        "/bookings/*/erasure",
        "/account/privacy/erasure",
    ];
}
