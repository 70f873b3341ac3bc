namespace PaulMassage.Web.Infrastructure.Security;

/// <summary>
/// The address a request comes from, as the rate limits and the sign-in lockout count it: the
/// connection's address, or the client's behind a proxy listed in Security:KnownProxies (the
/// forwarded-headers middleware has put it there by then).
/// </summary>
public static class ClientAddress
{
    public static string Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
    }
}
