using System.Globalization;

namespace PaulMassage.Web.Features.Scheduling;

/// <summary>
/// Says a stretch of time off the way Paul entered it: whole days as days ("Thu 10 Dec 2026, all
/// day"), part of a day with its hours. Works on local times, so a day with a clock change (23 or
/// 25 hours long) still reads as one day.
/// </summary>
public static class TimeOffWording
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    public static string Describe(DateTimeOffset localStart, DateTimeOffset localEnd)
    {
        var firstDay = DateOnly.FromDateTime(localStart.DateTime);
        var endDay = DateOnly.FromDateTime(localEnd.DateTime);
        var wholeDays = localStart.TimeOfDay == TimeSpan.Zero && localEnd.TimeOfDay == TimeSpan.Zero;
        if (wholeDays)
        {
            var lastDay = endDay.AddDays(-1);
            return lastDay == firstDay
                ? $"{Day(firstDay)}, all day"
                : $"{Day(firstDay)} to {Day(lastDay)} ({endDay.DayNumber - firstDay.DayNumber} days)";
        }

        return firstDay == endDay
            ? $"{Day(firstDay)}, {Time(localStart)} to {Time(localEnd)}"
            : $"{Day(firstDay)} {Time(localStart)} to {Day(endDay)} {Time(localEnd)}";
    }

    private static string Day(DateOnly day) => day.ToString("ddd d MMM yyyy", British);

    private static string Time(DateTimeOffset local) => local.ToString("HH:mm", British);
}
