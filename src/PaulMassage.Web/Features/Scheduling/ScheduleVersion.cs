using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Infrastructure.Data;

namespace PaulMassage.Web.Features.Scheduling;

/// <summary>
/// The schedule's version: one row whose number goes up with every saved change that can change a
/// free time (a booking, a move, a cancellation or other status change, a proposed time, time off,
/// the hours, the booking rules). Whatever is computed from the schedule is cached under the
/// version it was computed at (the free times, <see cref="SchedulingSettings"/>), so one
/// rule invalidates it on every instance: a different number, a different cache entry. The number
/// is raised by <see cref="ScheduleVersionInterceptor"/>, so no caller can forget it.
/// </summary>
public class ScheduleVersion
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    public long Value { get; set; }
}

internal sealed class ScheduleVersionConfiguration : IEntityTypeConfiguration<ScheduleVersion>
{
    public void Configure(EntityTypeBuilder<ScheduleVersion> builder)
    {
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.HasData(new ScheduleVersion { Id = ScheduleVersion.SingletonId, Value = 0 });
    }
}

/// <summary>
/// Raises <see cref="ScheduleVersion"/> with every <c>SaveChanges</c> that adds, removes or changes
/// what a free time depends on: an appointment's time or status (or a proposed time), a slot claim,
/// time off, working hours or the practice settings. The raise is one
/// <c>UPDATE ... SET Value = Value + 1</c> (atomic whatever other instance raises it at the same
/// moment), run in the same transaction as the change, so the change and the raise commit together
/// or not at all: a save that fails stores neither, and a failed raise fails the save before
/// anything is stored. When the caller has no transaction this interceptor begins one before the
/// save and commits it after; the caller's own transaction is used when there is one.
/// <para>
/// Readers: a reader reads the version, then the data, each in its own statement. As the data and
/// the raise become visible in one commit, a reader sees both or neither: one that read the old
/// number may read the new data too (newer data cached under the old number, which the raise has
/// already retired), but one that read the new number can never read the data before the change,
/// so nothing old is ever cached under the new number.
/// </para>
/// </summary>
public sealed class ScheduleVersionInterceptor(ScheduleVersions versions) : SaveChangesInterceptor
{
    /// <summary>
    /// The appointment columns a free time depends on (the postcode too: its zone sets the drives
    /// around the visit); a note or a reminder flag does not bump the version.
    /// </summary>
    private static readonly HashSet<string> AppointmentTimes =
    [
        nameof(Appointment.StartUtc), nameof(Appointment.EndUtc), nameof(Appointment.Status),
        nameof(Appointment.ProposedStartUtc), nameof(Appointment.DurationMinutes), nameof(Appointment.Postcode),
    ];

    /// <summary>
    /// Contexts whose current save touches the schedule (a pooled context saves one thing at a time),
    /// with the transaction this interceptor began for it, or null when the save runs in the caller's.
    /// </summary>
    private readonly ConditionalWeakTable<DbContext, Pending> _pending = new();

    private sealed record Pending(IDbContextTransaction? Owned);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } db && Begin(db) is not null)
        {
            try
            {
                Raise(db).ExecuteUpdate(RaiseByOne);
            }
            catch
            {
                End(db)?.Owned?.Dispose(); // rolls back: the save does not run
                throw;
            }
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db && await BeginAsync(db, cancellationToken) is not null)
        {
            try
            {
                await Raise(db).ExecuteUpdateAsync(RaiseByOne, cancellationToken);
            }
            catch
            {
                if (End(db)?.Owned is { } owned)
                {
                    await owned.DisposeAsync(); // rolls back: the save does not run
                }

                throw;
            }
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (End(eventData.Context) is { } pending)
        {
            if (pending.Owned is { } owned)
            {
                using (owned)
                {
                    owned.Commit();
                }
            }

            // In the caller's transaction the raise commits with the caller's commit. A reader here
            // that reads the number afresh meanwhile reads the old one, and with it the old data
            // (neither is committed yet): consistent; the new number is then read here within
            // PollInterval of that commit, as on any other instance.
            versions.Changed();
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (End(eventData.Context) is { } pending)
        {
            if (pending.Owned is { } owned)
            {
                await using (owned)
                {
                    // Not the caller's token: the change is saved in the transaction and accepted by
                    // the context, so its commit must not be abandoned half-way.
                    await owned.CommitAsync(CancellationToken.None);
                }
            }

            versions.Changed(); // see SavedChanges
        }

        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => End(eventData.Context)?.Owned?.Dispose();

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (End(eventData.Context)?.Owned is { } owned)
        {
            await owned.DisposeAsync(); // rolls back the change and the raise together
        }
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => End(eventData.Context)?.Owned?.Dispose();

    public override async Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        if (End(eventData.Context)?.Owned is { } owned)
        {
            await owned.DisposeAsync();
        }
    }

    /// <summary>
    /// A save refused for a stale concurrency stamp reaches no interceptor's failure hook, only the
    /// context's event: the transaction begun here is rolled back there.
    /// </summary>
    private void OnSaveFailed(object? sender, SaveChangesFailedEventArgs e) => End(sender as DbContext)?.Owned?.Dispose();

    /// <summary>Whether a tracked change can change a free time.</summary>
    internal static bool TouchesSchedule(EntityEntry entry) =>
        entry.State is EntityState.Added or EntityState.Deleted or EntityState.Modified
        && entry.Entity switch
        {
            Appointment => entry.State != EntityState.Modified || entry.Properties.Any(p => p.IsModified && AppointmentTimes.Contains(p.Metadata.Name)),
            SlotClaim or TimeOff or WorkingHours or PracticeSettings => true,
            _ => false,
        };

    private static DbSet<ScheduleVersion> Raise(DbContext db) => db.Set<ScheduleVersion>();

    private static void RaiseByOne(UpdateSettersBuilder<ScheduleVersion> s) => s.SetProperty(v => v.Value, v => v.Value + 1);

    /// <summary>Notes a save that touches the schedule, in a transaction begun here unless the caller has one.</summary>
    private Pending? Begin(DbContext db)
    {
        if (!Touches(db))
        {
            return null;
        }

        return Note(db, db.Database.CurrentTransaction is null ? db.Database.BeginTransaction() : null);
    }

    private async Task<Pending?> BeginAsync(DbContext db, CancellationToken cancellationToken)
    {
        if (!Touches(db))
        {
            return null;
        }

        return Note(db, db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null);
    }

    /// <summary>Whether this save touches the schedule; first ends a transaction of ours that a failed save left open.</summary>
    private bool Touches(DbContext db)
    {
        if (End(db)?.Owned is { } stale && ReferenceEquals(db.Database.CurrentTransaction, stale))
        {
            stale.Dispose();
        }

        return db.ChangeTracker.Entries().Any(TouchesSchedule);
    }

    private Pending Note(DbContext db, IDbContextTransaction? owned)
    {
        var pending = new Pending(owned);
        _pending.AddOrUpdate(db, pending);
        if (owned is not null)
        {
            db.SaveChangesFailed += OnSaveFailed;
        }

        return pending;
    }

    /// <summary>The context's pending save, now forgotten (so a second call, or a failure after the commit, finds nothing).</summary>
    private Pending? End(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending) || !_pending.Remove(context))
        {
            return null;
        }

        context.SaveChangesFailed -= OnSaveFailed;
        return pending;
    }
}

/// <summary>
/// This instance's knowledge of <see cref="ScheduleVersion"/>: read from the database at most once
/// every <see cref="PollInterval"/>, and at once after a change saved here. A change saved on
/// another instance is therefore seen here within that interval; whatever a reader then books is
/// still checked against the database and its slot claims.
/// </summary>
public sealed class ScheduleVersions
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    private sealed record Known(long Version, long ReadAtMs);

    private Known? _known;
    private long _changes;

    public async ValueTask<long> CurrentAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var known = Volatile.Read(ref _known);
        var nowMs = Environment.TickCount64; // elapsed time, not a time of day
        if (known is not null && nowMs - known.ReadAtMs < PollInterval.TotalMilliseconds)
        {
            return known.Version;
        }

        var changes = Interlocked.Read(ref _changes);
        var version = await AvailabilityQueries.For(db).Version(db, cancellationToken);
        if (Interlocked.Read(ref _changes) == changes)
        {
            // Kept only if no change was saved here meanwhile (else the next reader reads again).
            Interlocked.CompareExchange(ref _known, new Known(version, nowMs), known);
        }

        return version;
    }

    /// <summary>A change was saved on this instance: read the number afresh next time.</summary>
    internal void Changed()
    {
        Interlocked.Increment(ref _changes);
        Volatile.Write(ref _known, null);
    }
}
