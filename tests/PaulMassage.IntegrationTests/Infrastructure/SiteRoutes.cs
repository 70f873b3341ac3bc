using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using PaulMassage.IntegrationTests.Infrastructure;
using PaulMassage.Web.Features.Account;
using PaulMassage.Web.Infrastructure.Security;

namespace PaulMassage.IntegrationTests.Infrastructure;

public enum RouteAccess
{
    /// <summary>[AllowAnonymous]: anyone.</summary>
    Public,

    /// <summary>The fallback policy: any signed-in user.</summary>
    SignedIn,

    /// <summary>The Therapist policy (every route under /admin).</summary>
    Therapist,

    /// <summary>The Client role: a client's own account pages (the therapist is not a client).</summary>
    Client,
}

/// <summary>One route of the running site, as its endpoint metadata describes it.</summary>
public sealed record SiteRoute(RoutePattern Pattern, IReadOnlyList<string> Methods, RouteAccess Access, IReadOnlyList<string> QueryNames)
{
    public string Template => "/" + Pattern.RawText!.TrimStart('~').TrimStart('/');

    public bool Allows(string method) => Methods.Count == 0 || Methods.Contains(method, StringComparer.OrdinalIgnoreCase);

    public bool HasParameters => Pattern.Parameters.Count > 0;

    /// <summary>The route with its parameters filled in from the values (by name), "1" for unknown ones.</summary>
    public string Fill(IReadOnlyDictionary<string, string> values)
    {
        var segments = Pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter => Uri.EscapeDataString(ValueFor(parameter.Name, values)),
            _ => string.Empty,
        })));
        return "/" + string.Join('/', segments);
    }

    public override string ToString() => $"{string.Join(',', Methods)} {Template}";

    private string ValueFor(string name, IReadOnlyDictionary<string, string> values) =>
        values.TryGetValue($"{Template}:{name}", out var specific) ? specific
        : values.TryGetValue(name, out var general) ? general
        : "1";
}

/// <summary>
/// Every route the site answers, read from its EndpointDataSource, so new features are walked too.
/// The files of wwwroot are left out: MapStaticAssets gives each one (and each of its compressed
/// and fingerprinted copies) an endpoint of its own, all anonymous and parameterless, plus, run
/// from the build output, a development fallback for files added after the build
/// (<c>{**path:file}</c>, matching only files that exist). They are not pages.
/// </summary>
public static class SiteRoutes
{
    public static IReadOnlyList<SiteRoute> Discover(PracticeAppFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        using (factory.CreateClient())
        {
            // Starting the server builds the endpoints.
        }

        var source = factory.Services.GetRequiredService<EndpointDataSource>();
        return source.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is not null)
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor>() is null && e.RoutePattern.RawText != "{**path:file}")
            .Select(e => new SiteRoute(
                e.RoutePattern,
                e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [],
                AccessOf(e),
                QueryNamesOf(e)))
            .OrderBy(r => r.Template, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The query-string names an action binds: simple parameters, and the properties of [FromQuery] models.</summary>
    private static IReadOnlyList<string> QueryNamesOf(RouteEndpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<ControllerActionDescriptor>() is not { } action)
        {
            return [];
        }

        var routeNames = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var names = new List<string>();
        foreach (var parameter in action.Parameters)
        {
            var source = parameter.BindingInfo?.BindingSource;
            if (routeNames.Contains(parameter.Name) || parameter.ParameterType == typeof(CancellationToken)
                || source == BindingSource.Form || source == BindingSource.Body || source == BindingSource.Services
                || source == BindingSource.Path || source == BindingSource.Special)
            {
                continue;
            }

            var type = parameter.ParameterType;
            if (type.IsClass && type != typeof(string) && !typeof(System.Collections.IEnumerable).IsAssignableFrom(type))
            {
                names.AddRange(type.GetProperties().Where(p => p.CanWrite).Select(p => p.Name));
            }
            else
            {
                names.Add(parameter.Name);
            }
        }

        return names.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static RouteAccess AccessOf(Endpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            return RouteAccess.Public;
        }

        var authorize = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>();
        bool Requires(string role) => authorize.Any(a => a.Roles?.Split(',').Contains(role) ?? false);
        if (Requires(Roles.Therapist) || authorize.Any(a => a.Policy == Policies.Therapist))
        {
            return RouteAccess.Therapist;
        }

        return Requires(Roles.Client) ? RouteAccess.Client : RouteAccess.SignedIn;
    }
}
