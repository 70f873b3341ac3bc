using PaulMassage.Web.Infrastructure.Data;

namespace PaulMassage.Web.Features.Backups;

/// <summary>The nightly copies of the SQLite database (settings under <c>Backup:</c>).</summary>
public sealed class BackupOptions
{
    public const string Section = "Backup";

    /// <summary>Whether the worker takes copies (SQLite only: on SQL Server use the server's own backups).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Where the copies (and the erasure ledger) go: ideally a mounted drive other than the site's.
    /// Relative to the content root; empty means a "backups" folder next to the SQLite file.
    /// </summary>
    public string Folder { get; set; } = string.Empty;

    /// <summary>The practice's local time of day at which the nightly copy is taken.</summary>
    public TimeOnly TimeOfDay { get; set; } = new(2, 30);

    /// <summary>How many days of daily copies are kept.</summary>
    public int DailyCopies { get; set; } = BackupRetention.DefaultDays;

    /// <summary>How many months of monthly copies (the last copy of each month) are kept.</summary>
    public int MonthlyCopies { get; set; } = BackupRetention.DefaultMonths;

    /// <summary>The back office warns when the last good copy is older than this.</summary>
    public int WarnAfterHours { get; set; } = 26;

    /// <summary>
    /// The folder the copies go to: <see cref="Folder"/>, resolved against the content root, or a
    /// "backups" folder next to the SQLite database file (or under App_Data on SQL Server).
    /// </summary>
    public static string ResolveFolder(BackupOptions options, IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(configuration);
        if (!string.IsNullOrWhiteSpace(options.Folder))
        {
            return Path.GetFullPath(options.Folder, contentRoot);
        }

        var database = SqliteDatabasePath(configuration, contentRoot);
        return database is null
            ? Path.Combine(contentRoot, "App_Data", "backups")
            : Path.Combine(Path.GetDirectoryName(database)!, "backups");
    }

    /// <summary>The SQLite database file the site runs on, or null on SQL Server (or an in-memory database).</summary>
    public static string? SqliteDatabasePath(IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var provider = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>()?.Provider;
        if (string.Equals(provider, "SqlServer", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(
            DatabaseSetup.SqliteConnectionString(configuration.GetConnectionString("Sqlite"), contentRoot));
        return builder.DataSource == ":memory:" ? null : builder.DataSource;
    }
}
