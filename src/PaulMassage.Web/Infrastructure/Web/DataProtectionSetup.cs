using Microsoft.AspNetCore.DataProtection;

namespace PaulMassage.Web.Infrastructure.Web;

public static class DataProtectionSetup
{
    /// <summary>
    /// Keeps the Data Protection key ring in a folder of its own (DataProtection:KeysFolder, by default
    /// App_Data/keys under the content root), not in the database: the stored manage-link tokens are
    /// encrypted with it, so a copy of the database alone opens nothing. Several instances of the
    /// site share one key ring by pointing this setting at the same folder.
    /// </summary>
    public static IServiceCollection AddPracticeDataProtection(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var configured = configuration["DataProtection:KeysFolder"];
        var folder = string.IsNullOrWhiteSpace(configured) ? Path.Combine("App_Data", "keys") : configured;
        if (!Path.IsPathRooted(folder))
        {
            folder = Path.Combine(environment.ContentRootPath, folder);
        }

        Directory.CreateDirectory(folder);
        services.AddDataProtection()
            .SetApplicationName("PaulMassage")
            .PersistKeysToFileSystem(new DirectoryInfo(folder));
        return services;
    }
}
