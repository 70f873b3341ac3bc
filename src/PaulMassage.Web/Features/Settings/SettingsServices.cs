using Microsoft.AspNetCore.OutputCaching;
using PaulMassage.Web.Features.Site;

namespace PaulMassage.Web.Features.Settings;

public static class SettingsServices
{
    /// <summary>The settings editors, and the hook that refreshes cached public pages after an edit.</summary>
    public static IServiceCollection AddSettings(this IServiceCollection services)
    {
        services.AddScoped<SchedulingEditor>();
        services.AddScoped<ServiceEditor>();
        services.AddScoped<ArticleEditor>();

        // The public pages may be output-cached (tag "public-content"); the store must exist for the
        // hook to evict from, whether or not the caching middleware is in the pipeline yet.
        if (!services.Any(d => d.ServiceType == typeof(IOutputCacheStore)))
        {
            services.AddOutputCache();
        }

        services.AddSingleton<PublicContentChanged>();
        return services;
    }
}
