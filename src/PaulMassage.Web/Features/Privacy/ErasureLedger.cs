using System.Globalization;
using PaulMassage.Web.Features.Backups;

namespace PaulMassage.Web.Features.Privacy;

/// <summary>What an erasure reached: a whole client record, or one booking (a request made through its manage link).</summary>
public enum ErasedKind
{
    Client,
    Booking,
}

/// <summary>
/// One completed erasure, with no personal data: the row's id and the instant the row was created
/// (ids can come back after a restore, since SQLite's id counter is restored with the data; an id
/// together with its creation instant names one row only), and when it was erased.
/// </summary>
public sealed record ErasureLedgerEntry(ErasedKind Kind, int Id, DateTime CreatedUtc, DateTime ErasedUtc)
{
    public string ToLine() => string.Join('\t',
        ErasedUtc.ToString("O", CultureInfo.InvariantCulture), Kind.ToString(), Id.ToString(CultureInfo.InvariantCulture), CreatedUtc.Ticks.ToString(CultureInfo.InvariantCulture));

    public static ErasureLedgerEntry? Parse(string line)
    {
        var parts = (line ?? string.Empty).Split('\t');
        return parts.Length == 4
            && DateTime.TryParse(parts[0], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var erased)
            && Enum.TryParse<ErasedKind>(parts[1], out var kind)
            && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            && long.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks <= DateTime.MaxValue.Ticks
                ? new ErasureLedgerEntry(kind, id, new DateTime(ticks, DateTimeKind.Utc), erased.ToUniversalTime())
                : null;
    }
}

/// <summary>
/// The ledger of completed erasures, a text file in the backup folder (outside the database, so a
/// restored copy does not take it back, and on the backup drive, so it outlives the site's disk).
/// At each start the erasures it lists are applied again to any row a restore brought back
/// (<see cref="ErasureLedgerReplay"/>). Appended to and flushed to disk with each erasure.
/// </summary>
public sealed class ErasureLedger(BackupLocation location, ILogger<ErasureLedger> logger)
{
    public const string FileName = "erasure-ledger.tsv";

    private readonly Lock gate = new();
    private HashSet<ErasureLedgerEntry>? entries;

    public string FilePath => Path.Combine(location.Folder, FileName);

    /// <summary>The completed erasures; none (with an error in the log) when the file cannot be read, e.g. the backup drive is not mounted.</summary>
    public IReadOnlyCollection<ErasureLedgerEntry> Entries()
    {
        lock (gate)
        {
            try
            {
                return [.. Load()];
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                logger.LogError("The erasure ledger could not be read ({Error}); erasures are not applied again at this start", ex.GetType().Name);
                return [];
            }
        }
    }

    /// <summary>Adds a completed erasure (once: an erasure applied again is not added again).</summary>
    public void Record(ErasedKind kind, int id, DateTime createdUtc, DateTime erasedUtc)
    {
        lock (gate)
        {
            var entry = new ErasureLedgerEntry(kind, id, DateTime.SpecifyKind(createdUtc, DateTimeKind.Utc), erasedUtc);
            try
            {
                var known = Load();
                if (known.Any(e => e.Kind == kind && e.Id == id && e.CreatedUtc == entry.CreatedUtc))
                {
                    return;
                }

                location.EnsureFolder();
                var isNew = !File.Exists(FilePath);
                using (var stream = new FileStream(FilePath, FileMode.Append, FileAccess.Write, FileShare.Read))
                using (var writer = new StreamWriter(stream))
                {
                    writer.WriteLine(entry.ToLine());
                    writer.Flush();
                    stream.Flush(flushToDisk: true);
                }

                if (isNew)
                {
                    SqliteCopies.OwnerOnly(FilePath);
                }

                known.Add(entry);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The erasure itself is committed; only its replay after a restore is at stake.
                logger.LogError("The erasure of {Kind} {Id} could not be written to the erasure ledger ({Error}); a restore of an older backup would bring it back", kind, id, ex.GetType().Name);
            }
        }
    }

    private HashSet<ErasureLedgerEntry> Load()
    {
        if (entries is not null)
        {
            return entries;
        }

        var loaded = new HashSet<ErasureLedgerEntry>();
        if (File.Exists(FilePath))
        {
            foreach (var line in File.ReadLines(FilePath))
            {
                if (ErasureLedgerEntry.Parse(line) is { } entry)
                {
                    loaded.Add(entry);
                }
            }
        }

        return entries = loaded;
    }
}
