namespace PaulMassage.Web.Features.Backups;

/// <summary>
/// Where the copies go and which database they are taken of (null on SQL Server, whose own
/// backups are used instead). Resolved once from the settings.
/// </summary>
public sealed record BackupLocation(string Folder, string? DatabasePath)
{
    public static BackupLocation From(IConfiguration configuration, string contentRoot)
    {
        var options = configuration.GetSection(BackupOptions.Section).Get<BackupOptions>() ?? new BackupOptions();
        return new BackupLocation(BackupOptions.ResolveFolder(options, configuration, contentRoot), BackupOptions.SqliteDatabasePath(configuration, contentRoot));
    }

    /// <summary>Makes the folder, readable by the site's own user only on Unix.</summary>
    public void EnsureFolder()
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(Folder);
        }
        else
        {
            Directory.CreateDirectory(Folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
