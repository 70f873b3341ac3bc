using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Net.Http.Headers;

namespace PaulMassage.Web.Infrastructure.Security;

/// <summary>
/// Marks a controller or action whose pages show personal or health data, so that no browser or
/// proxy keeps a copy (Cache-Control: no-store) and no address leaks in a Referer header. Paths in
/// <see cref="SecurityHeaders.PrivatePathPrefixes"/> are covered without it.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = true)]
public sealed class PersonalDataPageAttribute : Attribute;

/// <summary>
/// Adds the security headers to every response, static files included: a Content-Security-Policy
/// that allows no inline script, framing denied, no MIME sniffing, a strict referrer policy and
/// no-store on every page that shows personal or health data.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>No inline script or style, nothing from other origins, no framing, forms post only here.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
        + "frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

    public const string PermissionsPolicy =
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), interest-cohort=()";

    /// <summary>Pages under these paths show personal or health data: never cached, never referred.</summary>
    public static readonly IReadOnlyList<string> PrivatePathPrefixes = ["/bookings", "/series", "/admin", "/account", "/book/details", "/review", "/no-review-requests", "/check-in"];

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                Apply(context);
                return Task.CompletedTask;
            });
            return next(context);
        });

    public static bool IsPrivatePath(PathString path) => IsPrivatePath(path.Value);

    /// <summary>Compares the decoded path as text (decoding it again would turn "%00" typed by someone into a NUL).</summary>
    public static bool IsPrivatePath(string? path) =>
        path is not null && PrivatePathPrefixes.Any(prefix =>
            path.Equals(prefix, StringComparison.OrdinalIgnoreCase) || path.StartsWith(prefix + "/", StringComparison.OrdinalIgnoreCase));

    private static void Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers[HeaderNames.ContentSecurityPolicy] = ContentSecurityPolicy;
        headers[HeaderNames.XContentTypeOptions] = "nosniff";
        headers[HeaderNames.XFrameOptions] = "DENY";
        headers[HeaderNames.XXSSProtection] = "0"; // the old XSS auditor is off, as OWASP advises: the CSP does that job
        headers["Permissions-Policy"] = PermissionsPolicy;
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Cross-Origin-Resource-Policy"] = "same-origin";

        // A friendly error page re-executed for a private page keeps the private page's rules.
        var originalPath = context.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath;
        var isPrivate = IsPrivatePath(context.Request.Path)
            || (originalPath is not null && IsPrivatePath(originalPath))
            || context.GetEndpoint()?.Metadata.GetMetadata<PersonalDataPageAttribute>() is not null;
        headers["Referrer-Policy"] = isPrivate ? "no-referrer" : "strict-origin-when-cross-origin";
        if (isPrivate)
        {
            headers[HeaderNames.CacheControl] = "no-store, max-age=0";
            headers[HeaderNames.Pragma] = "no-cache";
            headers.Remove(HeaderNames.Expires);
        }
    }
}
