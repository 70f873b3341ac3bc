using System.Text.Json;

namespace PaulMassage.Web.Features.Backups;

/// <summary>The last attempt and the last good copy, as the back office shows them.</summary>
public sealed record BackupStatus(DateTime? LastAttemptUtc, bool LastAttemptGood, string? LastProblem, DateTime? LastGoodUtc, string? LastGoodFile)
{
    public static readonly BackupStatus None = new(null, false, null, null, null);
}

/// <summary>
/// Keeps <see cref="BackupStatus"/> in a small JSON file in the backup folder, so the back office
/// reads it without touching the copies, and it survives restarts (and a restore of the database).
/// Read once, then held in memory.
/// </summary>
public sealed class BackupStatusStore(BackupLocation location, ILogger<BackupStatusStore> logger)
{
    public const string FileName = "backup-status.json";

    private readonly Lock gate = new();
    private BackupStatus? current;

    private string FilePath => Path.Combine(location.Folder, FileName);

    public BackupStatus Current
    {
        get
        {
            lock (gate)
            {
                return current ??= Load();
            }
        }
    }

    public void Record(DateTime atUtc, string? goodFile, string? problem)
    {
        lock (gate)
        {
            var before = current ?? Load();
            current = goodFile is not null
                ? new BackupStatus(atUtc, true, null, atUtc, goodFile)
                : before with { LastAttemptUtc = atUtc, LastAttemptGood = false, LastProblem = problem };
            try
            {
                Directory.CreateDirectory(location.Folder);
                var temporary = FilePath + ".tmp";
                File.WriteAllText(temporary, JsonSerializer.Serialize(current));
                File.Move(temporary, FilePath, overwrite: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                logger.LogWarning("The backup status could not be saved ({Error})", ex.GetType().Name);
            }
        }
    }

    private BackupStatus Load()
    {
        try
        {
            return File.Exists(FilePath) ? JsonSerializer.Deserialize<BackupStatus>(File.ReadAllText(FilePath)) ?? BackupStatus.None : BackupStatus.None;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            logger.LogWarning("The backup status could not be read ({Error})", ex.GetType().Name);
            return BackupStatus.None;
        }
    }
}
