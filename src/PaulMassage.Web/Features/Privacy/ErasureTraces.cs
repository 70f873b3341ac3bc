using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PaulMassage.Web.Infrastructure.Data;

namespace PaulMassage.Web.Features.Privacy;

/// <summary>
/// What an erasure must clean up outside the rows it changes, once it is committed: files that held
/// the erased data (the pickup folder's .eml copies, named by the handlers), and, on SQLite, the
/// write-ahead log, which still holds the pages as they were before the erasure until it is
/// checkpointed into the database file (where secure_delete has zeroed them). Scoped: one erasure's list.
/// </summary>
public sealed class ErasureTraces(AppDbContext db, ILogger<ErasureTraces> logger)
{
    private const int CheckpointAttempts = 20;

    private readonly List<string> files = [];

    /// <summary>A handler names files to delete once the erasure is saved (not before: a failed save keeps them).</summary>
    public void DeleteAfterCommit(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        files.AddRange(paths);
    }

    /// <summary>After the commit: deletes the named files and empties SQLite's write-ahead log into the database file.</summary>
    public async Task ClearAsync(CancellationToken cancellationToken = default)
    {
        foreach (var file in files)
        {
            try
            {
                File.Delete(file);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                logger.LogWarning("A pickup file of an erased client could not be deleted ({Error}); the pickup retention will remove it", ex.GetType().Name);
            }
        }

        files.Clear();
        if (db.Database.IsSqlite())
        {
            await CheckpointAsync(cancellationToken);
        }
    }

    /// <summary>
    /// PRAGMA wal_checkpoint(TRUNCATE): copies every page into the database file and empties the WAL.
    /// A reader still on an older snapshot makes it report "busy"; it is tried again for a moment.
    /// </summary>
    private async Task CheckpointAsync(CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            for (var attempt = 1; attempt <= CheckpointAttempts; attempt++)
            {
                await using var command = db.Database.GetDbConnection().CreateCommand();
                command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                var busy = await reader.ReadAsync(cancellationToken) && Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture) != 0;
                if (!busy)
                {
                    return;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
            }

            logger.LogWarning("The write-ahead log could not be emptied after an erasure (the database was busy); SQLite's next automatic checkpoint will do it");
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
