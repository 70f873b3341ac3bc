using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Primitives;

namespace PaulMassage.Web.Features.Site;

/// <summary>
/// The public content: the pages that are the same for every visitor who is not signed in (home,
/// services, articles, the sitemap and the feed). They are kept in the output cache, tagged
/// <see cref="CacheTag"/>, and stored already compressed.
/// </summary>
/// <remarks>
/// Whatever changes what these pages show (a service, a price, an article, the practice's
/// details) must drop them afterwards through <see cref="PublicContentChanged.NotifyAsync"/>,
/// which also drops the in-memory copies of the same content (see
/// <see cref="PublicContentVersion"/>), for example the services list the booking form reads.
/// Nothing personal is ever cached: the output cache neither serves nor stores a response for a
/// signed-in visitor or one that sets a cookie, and only pages marked
/// <see cref="PublicContentAttribute"/> (or, at their bare address, <see cref="PublicFormAttribute"/>) take part.
/// </remarks>
public static class PublicContent
{
    /// <summary>The output-cache tag of every public page.</summary>
    public const string CacheTag = "public-content";

    /// <summary>The named output-cache policy of the public pages.</summary>
    public const string PolicyName = "PublicContent";

    /// <summary>The named output-cache policy of <see cref="PublicFormAttribute"/>: cached only when asked for with no query string.</summary>
    public const string FormPolicyName = "PublicForm";

    /// <summary>
    /// The longest a public page is kept. Edits evict at once; this only bounds how long a change
    /// made some other way (configuration, a script on the database) takes to show.
    /// </summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    /// <summary>
    /// The query parameters a public page acts on (the articles' ?tag= and ?q=, which lead to the tag
    /// page and the search). A request carrying one is neither served from the cache nor stored in it;
    /// every other parameter is ignored, so ?utm_source=... is the same cached page.
    /// </summary>
    public static readonly IReadOnlyList<string> QueryKeysActedOn = ["q", "tag"];

    /// <summary>Output caching and response compression for the public pages.</summary>
    public static IServiceCollection AddPublicContentCaching(this IServiceCollection services)
    {
        services.AddSingleton<PublicContentVersion>();
        services.AddResponseCompression(options =>
        {
            // Only responses that opt in are compressed (CompressAttribute, PublicContentAttribute),
            // over HTTP and HTTPS alike, so what is measured on loopback is what production sends:
            // a page carrying a secret, such as an antiforgery token, next to text an attacker
            // chooses must never be compressed over HTTPS (BREACH). Static files come
            // pre-compressed from MapStaticAssets and do not pass through here.
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["application/rss+xml", "image/svg+xml", "application/problem+json"]);
        });
        services.AddSingleton<IResponseCompressionProvider, OptInCompressionProvider>();
        services.AddOutputCache(options =>
        {
            options.AddPolicy(PolicyName, policy => policy
                .With(context => !QueryKeysActedOn.Any(context.HttpContext.Request.Query.ContainsKey))
                .Tag(CacheTag)
                .Expire(Lifetime)
                .SetVaryByQuery(Array.Empty<string>()) // the pages ignore the query string: ?utm_source=... is the same page
                .VaryByValue(context => new("encoding", ChosenEncoding(context))));
            options.AddPolicy(FormPolicyName, policy => policy
                .With(context => PublicFormAttribute.IsKept(context.HttpContext))
                .Tag(CacheTag)
                .Expire(Lifetime)
                .VaryByValue(context => new("encoding", ChosenEncoding(context))));
        });
        return services;
    }

    /// <summary>Puts an action's endpoints under one of the policies above (the conventions of <see cref="PublicContentAttribute"/> and <see cref="PublicFormAttribute"/>).</summary>
    internal static void CacheUnder(ActionModel action, string policyName)
    {
        ArgumentNullException.ThrowIfNull(action);
        foreach (var selector in action.Selectors)
        {
            selector.EndpointMetadata.Add(new OutputCacheAttribute { PolicyName = policyName });
        }
    }

    /// <summary>The encoding the compression middleware will choose, so each cached copy is served only to those who accept it.</summary>
    private static string ChosenEncoding(HttpContext context) =>
        context.RequestServices.GetRequiredService<IResponseCompressionProvider>().GetCompressionProvider(context)?.EncodingName ?? "identity";
}

/// <summary>
/// Marks an action whose page is public content: the same for every visitor who is not signed
/// in. It is output-cached under <see cref="PublicContent.PolicyName"/> (tagged
/// <see cref="PublicContent.CacheTag"/>) and compressed (see <see cref="CompressAttribute"/>),
/// since it holds no secret. Never put it on a page with a form token, personal data or anything from the query.
/// Such a page loads no script either (see _DocumentHead): there is nothing on it for wwwroot/js/site.js to do.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class PublicContentAttribute : Attribute, IActionModelConvention, IResultFilter
{
    public void Apply(ActionModel action) => PublicContent.CacheUnder(action, PublicContent.PolicyName);

    public void OnResultExecuting(ResultExecutingContext context) => CompressAttribute.OptIn(context);

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}

/// <summary>
/// Marks a public page with a form a visitor fills in (the booking form's first step). Asked for at
/// its bare address, with no query string (the menu's "Book a home visit"), by a visitor who is not
/// signed in, it is the same for everyone: it is output-cached under
/// <see cref="PublicContent.FormPolicyName"/>, compressed, and dropped with the public content when
/// what it shows changes (treatments, prices, the area served). With a query (a treatment chosen on
/// its page, a postcode sent back) it shows what the query carries, so it is rendered afresh and
/// never stored. Unlike public content it keeps the site's script. Its form must be a GET: never put
/// it on a page with a form token.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class PublicFormAttribute : Attribute, IActionModelConvention
{
    public void Apply(ActionModel action) => PublicContent.CacheUnder(action, PublicContent.FormPolicyName);

    /// <summary>Whether this request's page is one kept in the output cache: the bare address of a page so marked.</summary>
    public static bool IsKept(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return !context.Request.QueryString.HasValue && context.GetEndpoint()?.Metadata.GetMetadata<PublicFormAttribute>() is not null;
    }
}

/// <summary>
/// Lets an action's response be compressed: one that holds no secret (no antiforgery token, no
/// personal data), such as the public pages or the availability JSON. Everything else is sent
/// uncompressed.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class CompressAttribute : Attribute, IResultFilter
{
    public void OnResultExecuting(ResultExecutingContext context) => OptIn(context);

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }

    internal static void OptIn(ResultExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        OptIn(context.HttpContext);
    }

    /// <summary>Asks for this response to be compressed: only for a response with no secret beside text an attacker chooses (BREACH).</summary>
    public static void OptIn(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Features.Get<IHttpsCompressionFeature>() is { } compression)
        {
            compression.Mode = HttpsCompressionMode.Compress;
        }
    }
}

/// <summary>
/// The framework's provider, asked to compress only the responses that opted in, and to spend
/// Brotli only where its bytes are kept.
/// </summary>
/// <remarks>
/// A public page is compressed once and then served from the output cache, so Brotli's smaller
/// bytes cost nothing after the first request. Every other response that opts in (the booking
/// form's last step, the availability JSON) is compressed afresh each time: there gzip, measured
/// on the details page (docs/performance-latest.md), costs under half of Brotli's CPU for about
/// 10% more bytes, so a browser that accepts both gets gzip.
/// </remarks>
internal sealed class OptInCompressionProvider : ResponseCompressionProvider
{
    private readonly GzipCompressionProvider _gzip;

    public OptInCompressionProvider(IServiceProvider services, Microsoft.Extensions.Options.IOptions<ResponseCompressionOptions> options)
        : base(services, options) =>
        _gzip = ActivatorUtilities.CreateInstance<GzipCompressionProvider>(services);

    public override bool ShouldCompressResponse(HttpContext context) =>
        context.Features.Get<IHttpsCompressionFeature>()?.Mode == HttpsCompressionMode.Compress
        && base.ShouldCompressResponse(context);

    public override ICompressionProvider? GetCompressionProvider(HttpContext context)
    {
        var chosen = base.GetCompressionProvider(context);
        return chosen is BrotliCompressionProvider && !IsKeptCompressed(context) && AcceptsGzip(context) ? _gzip : chosen;
    }

    /// <summary>Output-cached public content (<see cref="PublicContentAttribute"/>, <see cref="PublicFormAttribute"/>): compressed once, served many times.</summary>
    private static bool IsKeptCompressed(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<PublicContentAttribute>() is not null || PublicFormAttribute.IsKept(context);

    private static bool AcceptsGzip(HttpContext context) =>
        context.Request.GetTypedHeaders().AcceptEncoding.Any(e =>
            e.Value.Equals("gzip", StringComparison.OrdinalIgnoreCase) && e.Quality is not 0);
}

/// <summary>
/// Changes whenever the public content changes (<see cref="PublicContentChanged"/>), so that in-memory copies of it (cached with
/// <see cref="Token"/> as an expiration token) are dropped together with the cached pages.
/// </summary>
public sealed class PublicContentVersion : IDisposable
{
    private CancellationTokenSource _source = new();

    public IChangeToken Token => new CancellationChangeToken(Volatile.Read(ref _source).Token);

    public void Changed()
    {
        var old = Interlocked.Exchange(ref _source, new CancellationTokenSource());
        old.Cancel();
        old.Dispose();
    }

    public void Dispose() => _source.Dispose();
}
