using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using PaulMassage.Web.Infrastructure.Time;

namespace PaulMassage.Web.Features.Backups;

/// <summary>The outcome of one backup: the copy's file name when it passed its check, otherwise what went wrong.</summary>
public sealed record BackupResult(DateTime AtUtc, string? File, string? Problem)
{
    public bool Good => File is not null;
}

/// <summary>
/// Takes a copy of the SQLite database into the backup folder, checks it (PRAGMA integrity_check and
/// the migrations table) before it counts, deletes a copy that fails, and then applies the retention
/// rule (<see cref="BackupRetention"/>) to the good copies. Does nothing on SQL Server.
/// </summary>
public sealed partial class BackupService(
    BackupLocation location,
    BackupStatusStore status,
    PracticeClock clock,
    IOptions<BackupOptions> options,
    ILogger<BackupService> logger) : IDisposable
{
    private const string Prefix = "paulmassage-";
    private const string Extension = ".db";
    private const string StampFormat = "yyyyMMdd'T'HHmmss'Z'";

    private readonly SemaphoreSlim running = new(1, 1);

    /// <summary>Whether copies are taken here: backups are on and the site runs on SQLite.</summary>
    public bool Applies => options.Value.Enabled && location.DatabasePath is not null;

    public async Task<BackupResult> BackUpAsync(CancellationToken cancellationToken = default)
    {
        var database = location.DatabasePath ?? throw new InvalidOperationException("The site runs on SQL Server: use the server's own backups.");
        await running.WaitAsync(cancellationToken);
        try
        {
            var now = clock.UtcNow;
            var name = Prefix + now.ToString(StampFormat, CultureInfo.InvariantCulture) + Extension;
            var path = Path.Combine(location.Folder, name);
            var partial = path + ".partial";
            string? problem;
            try
            {
                location.EnsureFolder();
                await Task.Run(() => SqliteCopies.Copy(database, partial), cancellationToken);
                problem = SqliteCopies.Problem(partial);
                if (problem is null)
                {
                    File.Move(partial, path, overwrite: true);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
            {
                problem = ex.Message;
            }

            if (problem is not null)
            {
                File.Delete(partial);
                status.Record(now, null, problem);
                logger.LogError("The backup failed: {Problem}", problem);
                return new BackupResult(now, null, problem);
            }

            status.Record(now, name, null);
            var deleted = Prune(now);
            logger.LogInformation("Backup {File} taken and checked; {Deleted} old copies deleted", name, deleted);
            return new BackupResult(now, name, null);
        }
        finally
        {
            running.Release();
        }
    }

    /// <summary>The good copies in the folder, by the UTC instant each was taken.</summary>
    public IReadOnlyDictionary<DateTime, string> Copies()
    {
        var copies = new Dictionary<DateTime, string>();
        if (!Directory.Exists(location.Folder))
        {
            return copies;
        }

        foreach (var file in Directory.EnumerateFiles(location.Folder, Prefix + "*" + Extension))
        {
            var match = CopyName().Match(Path.GetFileName(file));
            if (match.Success && DateTime.TryParseExact(match.Groups["stamp"].Value, StampFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var taken))
            {
                copies[taken] = file;
            }
        }

        return copies;
    }

    private int Prune(DateTime nowUtc)
    {
        var copies = Copies();
        var doomed = BackupRetention.ToDelete(copies.Keys, nowUtc, clock.TimeZone, options.Value.DailyCopies, options.Value.MonthlyCopies);
        foreach (var taken in doomed)
        {
            File.Delete(copies[taken]);
        }

        return doomed.Count;
    }

    public void Dispose() => running.Dispose();

    [GeneratedRegex(@"^paulmassage-(?<stamp>\d{8}T\d{6}Z)\.db$", RegexOptions.CultureInvariant)]
    private static partial Regex CopyName();
}
