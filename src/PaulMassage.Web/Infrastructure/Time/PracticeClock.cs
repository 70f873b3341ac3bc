namespace PaulMassage.Web.Infrastructure.Time;

/// <summary>
/// The practice's local time zone (Europe/London) and the current instant. Instants are stored in
/// UTC and turned into local time only for people to read.
/// </summary>
public sealed class PracticeClock(TimeProvider timeProvider, TimeZoneInfo timeZone)
{
    public const string DefaultTimeZoneId = "Europe/London";

    public TimeZoneInfo TimeZone => timeZone;

    public DateTimeOffset Now => timeProvider.GetUtcNow();

    public DateTime UtcNow => timeProvider.GetUtcNow().UtcDateTime;

    public DateOnly Today => LocalDay(UtcNow);

    public DateTimeOffset ToLocal(DateTime utc) =>
        TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), timeZone);

    /// <summary>The practice's local day of an instant.</summary>
    public DateOnly LocalDay(DateTime utc) => LocalDay(utc, timeZone);

    /// <summary>The local day of an instant in the given zone, for code that has no clock of its own.</summary>
    public static DateOnly LocalDay(DateTime utc, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone));
    }

    /// <summary>The UTC instant of a local wall-clock time; the later reading when the clocks go back.</summary>
    public DateTime ToUtc(DateOnly day, TimeOnly time) => ToUtc(day, time, timeZone);

    /// <summary>The UTC instant of a wall-clock time in the given zone, for code that has no clock of its own.</summary>
    public static DateTime ToUtc(DateOnly day, TimeOnly time, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15); // skipped by the clocks going forward
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }

    /// <summary>
    /// The UTC instant of <paramref name="time"/> local time, <paramref name="days"/> local days before
    /// the local day of <paramref name="startUtc"/>: the e-mails sent ahead of a visit (the reminder,
    /// the check-in) go at a set wall-clock time, so they follow the clocks when they change.
    /// </summary>
    public static DateTime LocalDaysBefore(DateTime startUtc, int days, TimeOnly time, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var localStart = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(startUtc, DateTimeKind.Utc), zone);
        return ToUtc(DateOnly.FromDateTime(localStart).AddDays(-days), time, zone);
    }

    /// <summary>
    /// The day asked for (today when none), brought within a century around today: a day typed
    /// into an address such as 0001-01-01 would otherwise overflow the date arithmetic.
    /// </summary>
    public DateOnly DayWithinReach(DateOnly? day)
    {
        var today = Today;
        var requested = day ?? today;
        var earliest = today.AddYears(-50);
        var latest = today.AddYears(50);
        return requested < earliest ? earliest : requested > latest ? latest : requested;
    }

    /// <summary>The UTC instant at which a local day starts.</summary>
    public DateTime StartOfDayUtc(DateOnly day) => StartOfDayUtc(day, timeZone);

    /// <summary>The UTC instant at which a local day starts in the given zone, for code that has no clock of its own.</summary>
    public static DateTime StartOfDayUtc(DateOnly day, TimeZoneInfo zone) => ToUtc(day, TimeOnly.MinValue, zone);
}
