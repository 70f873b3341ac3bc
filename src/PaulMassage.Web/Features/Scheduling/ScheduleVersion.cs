using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
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
/// Raises <see cref="ScheduleVersion"/> after every <c>SaveChanges</c> that added, removed or
/// changed what a free time depends on: an appointment's time or status (or a proposed time), a
/// slot claim, time off, working hours or the practice settings. The raise is one
/// <c>UPDATE ... SET Value = Value + 1</c>, atomic whatever other instance raises it at the same
/// moment, run in the caller's transaction when there is one. It runs after the change is
/// committed: a reader that read the version before it and the data after caches newer data under
/// the old number, which the raise then retires, so nothing old outlives the raise.
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

    /// <summary>Contexts whose current save touches the schedule (a pooled context saves one thing at a time).</summary>
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, object> _pending = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (Take(eventData.Context) is { } db)
        {
            db.Set<ScheduleVersion>().ExecuteUpdate(s => s.SetProperty(v => v.Value, v => v.Value + 1));
            versions.Changed();
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (Take(eventData.Context) is { } db)
        {
            // Not the caller's token: the change is saved, so the raise must not be abandoned.
            await db.Set<ScheduleVersion>().ExecuteUpdateAsync(s => s.SetProperty(v => v.Value, v => v.Value + 1), CancellationToken.None);
            versions.Changed();
        }

        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Take(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Take(eventData.Context);
        return Task.CompletedTask;
    }

    /// <summary>Whether a tracked change can change a free time.</summary>
    internal static bool TouchesSchedule(EntityEntry entry) =>
        entry.State is EntityState.Added or EntityState.Deleted or EntityState.Modified
        && entry.Entity switch
        {
            Appointment => entry.State != EntityState.Modified || entry.Properties.Any(p => p.IsModified && AppointmentTimes.Contains(p.Metadata.Name)),
            SlotClaim or TimeOff or WorkingHours or PracticeSettings => true,
            _ => false,
        };

    private void Note(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries().Any(TouchesSchedule))
        {
            _pending.AddOrUpdate(context, this);
        }
    }

    private DbContext? Take(DbContext? context) => context is not null && _pending.Remove(context) ? context : null;
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
