using Microsoft.AspNetCore.OutputCaching;

namespace PaulMassage.Web.Features.Site;

/// <summary>
/// The one hook the back office calls after changing anything the public pages show (services,
/// prices, articles, the area served): it drops the in-memory copies of that content
/// (<see cref="PublicContentVersion"/>) and the output-cached pages tagged
/// <see cref="PublicContent.CacheTag"/>, so the change is visible on the next request.
/// </summary>
public sealed class PublicContentChanged(IOutputCacheStore store, PublicContentVersion version, ILogger<PublicContentChanged> logger)
{
    public async Task NotifyAsync(string what, CancellationToken cancellationToken = default)
    {
        // The in-memory copies first, so a page rendered after this point reads fresh data.
        version.Changed();
        await store.EvictByTagAsync(PublicContent.CacheTag, cancellationToken);
        logger.LogInformation("Public content changed ({What}); cached pages evicted", what);
    }
}
