using Microsoft.AspNetCore.OutputCaching;

namespace PaulMassage.Web.Features.Site;

/// <summary>
/// The one hook the back office calls after changing anything the public pages show (services,
/// prices, articles, the area served). Public pages that are output-cached tag their entries with
/// <see cref="Tag"/>, so the change is visible on the next request.
/// </summary>
public sealed class PublicContentChanged(IOutputCacheStore store, ILogger<PublicContentChanged> logger)
{
    /// <summary>The output-cache tag of every public page that shows editable content.</summary>
    public const string Tag = PublicContent.CacheTag;

    public async Task NotifyAsync(string what, CancellationToken cancellationToken = default)
    {
        await store.EvictByTagAsync(Tag, cancellationToken);
        logger.LogInformation("Public content changed ({What}); cached pages evicted", what);
    }
}
