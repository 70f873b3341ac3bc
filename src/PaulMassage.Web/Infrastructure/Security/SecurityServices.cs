using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using PaulMassage.Web.Features.Account;
using PaulMassage.Web.Infrastructure.Data;
using PaulMassage.Web.Infrastructure.Data.Encryption;

namespace PaulMassage.Web.Infrastructure.Security;

/// <summary>
/// The cross-cutting security of the site (OWASP ASVS 5.0 level 2, see docs/security.md): deny by
/// default, the therapist policy, session cookies, password rules, rate limits, Data Protection
/// keys in the database (encrypted with a certificate kept elsewhere) and the encrypted columns. New features are covered without doing anything:
/// routes under /admin need the Therapist role, every other route needs a signed-in user unless it
/// says [AllowAnonymous], every POST needs its antiforgery token.
/// </summary>
public static class SecurityServices
{
    /// <summary>The authentication property that records when a session began (round-trip "O" format).</summary>
    public const string SignedInAtItem = "pm.signed-in-at";

    public static IServiceCollection AddPracticeSecurity(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SecurityOptions.Section);
        services.Configure<SecurityOptions>(section);
        var settings = section.Get<SecurityOptions>() ?? new SecurityOptions();
        var cookieSecurity = settings.SecureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;

        // "__Host-" cookies are Secure, host-only and path "/" by the browser's own rule; the prefix
        // cannot be used over plain http (a development run), where the cookies keep plain names.
        var prefix = settings.SecureCookies ? CookieNames.HostPrefix : string.Empty;

        // Access: every endpoint needs a signed-in user unless it says [AllowAnonymous]; /admin needs the therapist.
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Therapist, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.Therapist));
        services.Configure<MvcOptions>(options =>
        {
            options.Conventions.Add(new AdminAreaConvention());
            options.Filters.Add<UnsafeCharactersFilter>();
        });

        // Passwords: 12 to 128 characters, no composition rules, nothing common or contextual.
        services.AddSingleton<CommonPasswordList>();
        services.AddScoped<IPasswordValidator<AppUser>, CommonPasswordValidator>();
        services.Configure<IdentityOptions>(options =>
        {
            options.Password.RequiredLength = 12;
            options.Password.RequiredUniqueChars = 1;
            options.Password.RequireDigit = false;
            options.Password.RequireLowercase = false;
            options.Password.RequireUppercase = false;
            options.Password.RequireNonAlphanumeric = false;
            // Wrong passwords lock out one address from one account (SignInAttempts), so a stranger
            // cannot lock the therapist out; Identity's own per-account lockout, with these same
            // numbers, counts only wrong second-factor codes, which only a holder of the password can try.
            options.Lockout.AllowedForNewUsers = true;
            options.Lockout.MaxFailedAccessAttempts = 5;
            options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        });

        // Sessions: Secure, HttpOnly, SameSite cookies; idle and absolute lifetimes; a password
        // change or sign-out (a new security stamp) ends every other session at its next request.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = settings.SecurityStampValidationInterval);
        services.ConfigureAll<CookieAuthenticationOptions>(options =>
        {
            options.Cookie.HttpOnly = true;
            options.Cookie.SecurePolicy = cookieSecurity;
            options.Cookie.SameSite = SameSiteMode.Lax;
        });
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/sign-in";
            options.LogoutPath = "/account/sign-out";
            options.AccessDeniedPath = "/account/access-denied";
            options.Cookie.Name = prefix + CookieNames.Session;
            options.ExpireTimeSpan = settings.IdleTimeout;
            options.SlidingExpiration = true;
            options.Events.OnRedirectToAccessDenied = context =>
            {
                // A signed-in user who may not see a page gets a plain 403 and the friendly status page.
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
            options.Events.OnSigningIn = context =>
            {
                var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
                context.Properties.Items.TryAdd(SignedInAtItem, clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
                return Task.CompletedTask;
            };
            var securityStampCheck = options.Events.OnValidatePrincipal;
            options.Events.OnValidatePrincipal = async context =>
            {
                var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
                var lifetime = context.HttpContext.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value.AbsoluteSessionLifetime;
                if (!context.Properties.Items.TryGetValue(SignedInAtItem, out var value)
                    || !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var signedInAt)
                    || clock.GetUtcNow() - signedInAt >= lifetime)
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    return;
                }

                await securityStampCheck(context);
            };
        });
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = prefix + CookieNames.Antiforgery;
            options.Cookie.SecurePolicy = cookieSecurity;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.HttpOnly = true;
            options.HeaderName = "RequestVerificationToken";
        });
        services.Configure<CookieTempDataProviderOptions>(options =>
        {
            options.Cookie.Name = prefix + CookieNames.Messages;
            options.Cookie.SecurePolicy = cookieSecurity;
            options.Cookie.SameSite = SameSiteMode.Lax;
        });
        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = true;
        });

        services.AddPracticeRateLimits();
        services.AddPracticeDataProtection(configuration, environment);
        return services;
    }

    /// <summary>Security middleware at the start of the pipeline: proxy headers, then the response headers on everything.</summary>
    public static IApplicationBuilder UsePracticeSecurityHeaders(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.ApplicationServices.GetRequiredService<IOptions<SecurityOptions>>().Value;
        if (options.KnownProxies.Count > 0)
        {
            var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in options.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            app.UseForwardedHeaders(forwarded);
        }

        return app.UseSecurityHeaders();
    }

    private static void AddPracticeRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var limits = context.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value.RateLimit;
                if (!HttpMethods.IsPost(context.Request.Method) || RateLimitPaths.Pattern(limits.Paths, context.Request.Path) is not { } pattern)
                {
                    return RateLimitPartition.GetNoLimiter("unlimited");
                }

                var key = ClientAddress.Of(context) + " " + pattern;
                return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limits.PermitLimit,
                    Window = limits.Window,
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            options.OnRejected = (context, _) =>
            {
                // The friendly 429 page comes from the status-code pages; say when to come back.
                var retry = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after)
                    ? after
                    : context.HttpContext.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value.RateLimit.Window;
                context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("PaulMassage.RateLimit")
                    .LogWarning("Rate limit reached for POST {Path}", Logging.PracticeLogging.MaskSecrets(context.HttpContext.Request.Path.Value));
                return ValueTask.CompletedTask;
            };
        });
    }

    private static void AddPracticeDataProtection(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        // One key ring in the database for every instance: cookies, antiforgery and encrypted columns.
        // The keys in it are encrypted with a certificate kept outside the database (KeyEncryption), so a
        // copy of the database alone reads nothing; the site does not start without one outside Development.
        var dataProtection = services.AddDataProtection()
            .SetApplicationName("PaulMassage")
            .PersistKeysToDbContext<AppDbContext>()
            .ProtectKeysWithCertificate(KeyEncryption.Certificate(configuration, environment));
        var previous = KeyEncryption.PreviousCertificates(configuration);
        if (previous.Count > 0)
        {
            dataProtection.UnprotectKeysWithAnyCertificate([.. previous]);
        }

        services.AddSingleton<ColumnProtector>();
    }
}

/// <summary>The site's cookie names (without the "__Host-" prefix they carry when cookies are Secure).</summary>
public static class CookieNames
{
    public const string HostPrefix = "__Host-";
    public const string Session = "pm.auth";
    public const string Antiforgery = "pm.af";
    public const string Messages = "pm.msg";
}

/// <summary>Matches request paths against the configured rate-limited paths ("*" matches one segment).</summary>
public static class RateLimitPaths
{
    public static string? Pattern(IEnumerable<string> patterns, PathString path)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        var segments = (path.Value ?? "/").TrimEnd('/').Split('/');
        return patterns.FirstOrDefault(pattern =>
        {
            var parts = pattern.TrimEnd('/').Split('/');
            return parts.Length == segments.Length
                && parts.Zip(segments).All(p => p.First == "*" ? p.Second.Length > 0 : string.Equals(p.First, p.Second, StringComparison.OrdinalIgnoreCase));
        });
    }
}
