using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using PaulMassage.Web.Infrastructure.Data;

namespace PaulMassage.Web.Features.Scheduling;

/// <summary>The scheduling settings as one snapshot: rules for availability and the service area.</summary>
public sealed record SchedulingSnapshot(AvailabilityRules Rules, ServiceArea Area);

/// <summary>
/// Reads the settings and working hours, cached because every availability answer needs them and
/// they change only when the therapist edits them. Cached under the schedule's version
/// (<see cref="ScheduleVersion"/>), which every saved change of the settings raises, so an edit on
/// any instance retires every instance's copy.
/// </summary>
public sealed class SchedulingSettings(AppDbContext db, IMemoryCache cache, ScheduleVersions versions)
{
    private sealed record CacheKey(long Version);

    public async Task<SchedulingSnapshot> GetAsync(CancellationToken cancellationToken = default)
    {
        var key = new CacheKey(await versions.CurrentAsync(db, cancellationToken));
        if (cache.TryGetValue(key, out SchedulingSnapshot? snapshot) && snapshot is not null)
        {
            return snapshot;
        }

        var settings = await db.PracticeSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken) ?? new PracticeSettings();
        var hours = await db.WorkingHours.AsNoTracking().ToListAsync(cancellationToken);
        snapshot = new SchedulingSnapshot(RulesOf(settings, hours), ServiceArea.Parse(settings.ServedDistricts));
        cache.Set(key, snapshot, TimeSpan.FromMinutes(10));
        return snapshot;
    }

    /// <summary>The availability rules a settings row and the working hours make.</summary>
    public static AvailabilityRules RulesOf(PracticeSettings settings, IEnumerable<WorkingHours> hours)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new AvailabilityRules(
            hours.Select(h => new WorkingPeriod(h.Day, h.Opens, h.Closes)).ToList(),
            settings.TravelBufferMinutes,
            settings.MinimumNoticeHours,
            settings.BookingHorizonDays,
            TravelTimes.Of(settings));
    }
}
