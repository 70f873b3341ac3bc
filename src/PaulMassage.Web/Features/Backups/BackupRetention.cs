using PaulMassage.Web.Infrastructure.Time;

namespace PaulMassage.Web.Features.Backups;

/// <summary>
/// Which copies stay: every copy taken on one of the last <c>days</c> local days (today included),
/// and the last copy of each of the last <c>months</c> local months (this month included). Anything
/// older is deleted, so no copy outlives the monthly window: that is how long a backup keeps an
/// erased client (the privacy text quotes it).
/// </summary>
public static class BackupRetention
{
    public const int DefaultDays = 14;
    public const int DefaultMonths = 12;

    /// <summary>The copies (by the UTC instant each was taken) to delete now.</summary>
    public static IReadOnlyList<DateTime> ToDelete(IEnumerable<DateTime> copiesUtc, DateTime nowUtc, TimeZoneInfo zone, int days = DefaultDays, int months = DefaultMonths)
    {
        ArgumentNullException.ThrowIfNull(copiesUtc);
        ArgumentNullException.ThrowIfNull(zone);
        var today = PracticeClock.LocalDay(nowUtc, zone);
        var firstDailyDay = today.AddDays(1 - days);
        var firstMonthlyMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(1 - months);
        var copies = copiesUtc.Distinct().ToList();
        var lastOfEachMonth = copies
            .GroupBy(c => { var d = PracticeClock.LocalDay(c, zone); return new DateOnly(d.Year, d.Month, 1); })
            .Where(g => g.Key >= firstMonthlyMonth)
            .Select(g => g.Max())
            .ToHashSet();
        return copies
            .Where(c => PracticeClock.LocalDay(c, zone) < firstDailyDay && !lastOfEachMonth.Contains(c))
            .Order()
            .ToList();
    }
}
