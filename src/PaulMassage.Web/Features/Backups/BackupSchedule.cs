using PaulMassage.Web.Infrastructure.Time;

namespace PaulMassage.Web.Features.Backups;

/// <summary>When the next nightly copy is due: the next time the practice's clocks show the time of day.</summary>
public static class BackupSchedule
{
    public static DateTime NextRunUtc(DateTime nowUtc, TimeOnly timeOfDay, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var today = PracticeClock.LocalDay(nowUtc, zone);
        for (var day = today.AddDays(-1); ; day = day.AddDays(1))
        {
            var run = PracticeClock.ToUtc(day, timeOfDay, zone);
            if (run > nowUtc)
            {
                return run;
            }
        }
    }
}
