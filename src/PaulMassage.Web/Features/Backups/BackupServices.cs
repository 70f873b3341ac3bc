namespace PaulMassage.Web.Features.Backups;

public static class BackupServices
{
    public static IServiceCollection AddBackups(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        services.Configure<BackupOptions>(configuration.GetSection(BackupOptions.Section));
        services.AddSingleton(BackupLocation.From(configuration, environment.ContentRootPath));
        services.AddSingleton<BackupStatusStore>();
        services.AddSingleton<BackupService>();
        services.AddHostedService<BackupWorker>();
        return services;
    }
}
