namespace PaulMassage.Web.Features.Privacy;

public static class PrivacyServices
{
    public static IServiceCollection AddPrivacy(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PrivacyOptions>(configuration.GetSection(PrivacyOptions.Section));
        services.AddScoped<PrivacyService>();
        services.AddScoped<ErasureTraces>();
        services.AddSingleton<ErasureLedger>();
        services.AddScoped<ErasureLedgerReplay>();
        services.AddScoped<RetentionService>();
        services.AddHostedService<RetentionWorker>();
        return services;
    }
}
