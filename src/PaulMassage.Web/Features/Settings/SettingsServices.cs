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
        services.AddScoped<PageEditor>();
        services.AddScoped<SelfHelpEditor>();

        services.AddSingleton<PublicContentChanged>();
        return services;
    }
}
