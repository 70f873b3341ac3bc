using System.Globalization;
using System.Text.RegularExpressions;
using PaulMassage.Web.Features.Scheduling;
using PaulMassage.Web.Features.Site;

namespace PaulMassage.Web.Features.Settings;

/// <summary>One weekday's hours as the therapist typed them.</summary>
public sealed record DayHoursInput(DayOfWeek Day, bool IsOpen, string? Opens, string? Closes);

/// <summary>
/// Checks the weekly working hours: each open day needs a start and a finish on the quarter-hour
/// grid, the finish after the start. Plain: no web or database types.
/// </summary>
public static class WeeklyHoursRules
{
    public static (IReadOnlyList<WorkingPeriod> Periods, IReadOnlyList<FieldError> Errors) Validate(IReadOnlyList<DayHoursInput> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        var periods = new List<WorkingPeriod>();
        var errors = new List<FieldError>();
        for (var i = 0; i < days.Count; i++)
        {
            var day = days[i];
            if (!day.IsOpen)
            {
                continue;
            }

            var name = CultureInfo.GetCultureInfo("en-GB").DateTimeFormat.GetDayName(day.Day);
            var opens = ParseTime(day.Opens, $"Days[{i}].Opens", $"{name}: enter the time you start, for example 09:00.", name, errors);
            var closes = ParseTime(day.Closes, $"Days[{i}].Closes", $"{name}: enter the time you finish, for example 17:30.", name, errors);
            if (opens is TimeOnly o && closes is TimeOnly c)
            {
                if (c <= o)
                {
                    errors.Add(new FieldError($"Days[{i}].Closes", $"{name}: the finishing time must be after the starting time."));
                }
                else
                {
                    periods.Add(new WorkingPeriod(day.Day, o, c));
                }
            }
        }

        if (days.Select(d => d.Day).Distinct().Count() != days.Count)
        {
            errors.Add(new FieldError("Days", "Each day of the week can appear only once."));
        }

        return (periods, errors);
    }

    private static TimeOnly? ParseTime(string? text, string field, string missing, string dayName, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(new FieldError(field, missing));
            return null;
        }

        if (!FormValues.TryParseTime(text, out var time))
        {
            errors.Add(new FieldError(field, $"{dayName}: \"{text.Trim()}\" is not a time. Use the 24-hour clock, for example 09:00 or 17:30."));
            return null;
        }

        if (time.Minute % AvailabilityRules.GridMinutes != 0 || time.Second != 0)
        {
            errors.Add(new FieldError(field, $"{dayName}: use quarter hours ({time:HH}:00, :15, :30 or :45)."));
            return null;
        }

        return time;
    }
}

/// <summary>Travel buffer, notice window and booking horizon.</summary>
public static class BookingRulesValidator
{
    public const int MaxTravelBufferMinutes = 120;
    public const int MaxNoticeHours = 336;
    public const int MaxHorizonDays = 365;

    public static IReadOnlyList<FieldError> Validate(int? travelBufferMinutes, int? noticeHours, int? horizonDays)
    {
        var errors = new List<FieldError>();
        if (travelBufferMinutes is not int buffer)
        {
            errors.Add(new FieldError("TravelBufferMinutes", "Enter the travel time between visits in minutes, for example 30."));
        }
        else if (buffer < 0 || buffer > MaxTravelBufferMinutes || buffer % AvailabilityRules.GridMinutes != 0)
        {
            errors.Add(new FieldError("TravelBufferMinutes", $"The travel time must be 0 to {MaxTravelBufferMinutes} minutes in steps of 15 (0, 15, 30, 45...)."));
        }

        if (noticeHours is not int notice)
        {
            errors.Add(new FieldError("MinimumNoticeHours", "Enter how many hours' notice you need, for example 24."));
        }
        else if (notice < 0 || notice > MaxNoticeHours)
        {
            errors.Add(new FieldError("MinimumNoticeHours", $"The notice must be 0 to {MaxNoticeHours} hours (two weeks)."));
        }

        if (horizonDays is not int horizon)
        {
            errors.Add(new FieldError("BookingHorizonDays", "Enter how many days ahead clients may book, for example 56."));
        }
        else if (horizon < 1 || horizon > MaxHorizonDays)
        {
            errors.Add(new FieldError("BookingHorizonDays", $"Clients can book 1 to {MaxHorizonDays} days ahead."));
        }
        else if (noticeHours is int n && n >= 0 && horizon * 24 <= n)
        {
            errors.Add(new FieldError("BookingHorizonDays", "The booking horizon must reach further than the notice you need, or no time could ever be booked."));
        }

        return errors;
    }
}

/// <summary>The list of postcode districts served, as typed in one text box.</summary>
public static class ServedAreaRules
{
    public const int MaxDistricts = 300;

    public static (IReadOnlyList<string> Districts, IReadOnlyList<FieldError> Errors) Validate(string? text)
    {
        var entries = (text ?? string.Empty).Split([',', ' ', ';', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries);
        var bad = entries.Where(e => UkPostcode.NormaliseDistrict(e) is null).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var districts = entries.Select(UkPostcode.NormaliseDistrict).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var errors = new List<FieldError>();
        if (bad.Count > 0)
        {
            var named = string.Join(", ", bad.Take(10).Select(b => $"\"{b}\"")) + (bad.Count > 10 ? $" and {bad.Count - 10} more" : string.Empty);
            errors.Add(new FieldError("Districts", $"{(bad.Count == 1 ? "This is not a postcode district" : "These are not postcode districts")}: {named}. A district is the first half of a postcode, for example SE1, E14 or SW1A."));
        }
        else if (districts.Count == 0)
        {
            errors.Add(new FieldError("Districts", "Enter at least one postcode district, for example SE1."));
        }
        else if (districts.Count > MaxDistricts)
        {
            errors.Add(new FieldError("Districts", $"The list can hold at most {MaxDistricts} districts."));
        }

        return (districts, errors);
    }
}

/// <summary>A stretch of time off as typed: local dates, and times for a part day.</summary>
public sealed record TimeOffInput(string? FromDate, string? FromTime, string? ToDate, string? ToTime, string? Reason);

/// <summary>A valid time off in local wall-clock terms; the service turns it into UTC.</summary>
public sealed record LocalTimeOff(DateOnly FromDate, TimeOnly FromTime, DateOnly ToDate, TimeOnly? ToTime, string? Reason)
{
    /// <summary>The first local day after the time off when it runs to the end of a day.</summary>
    public DateOnly EndDay => ToTime is null ? ToDate.AddDays(1) : ToDate;

    public TimeOnly EndTime => ToTime ?? TimeOnly.MinValue;
}

/// <summary>
/// Time off: whole days (no times), or a part day (a start and/or finish time). Empty "from"
/// time means from the start of the day; empty "to" time means to the end of the "to" day.
/// </summary>
public static class TimeOffRules
{
    public const int MaxDays = 366;

    public static (LocalTimeOff? TimeOff, IReadOnlyList<FieldError> Errors) Validate(TimeOffInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<FieldError>();
        var fromDate = Date(input.FromDate, "FromDate", "Enter the first day of the time off.", errors);
        var toDate = string.IsNullOrWhiteSpace(input.ToDate) ? fromDate : Date(input.ToDate, "ToDate", null, errors);
        var fromTime = Time(input.FromTime, "FromTime", errors) ?? TimeOnly.MinValue;
        var toTime = Time(input.ToTime, "ToTime", errors);
        if (input.Reason is { Length: > 200 })
        {
            errors.Add(new FieldError("Reason", "Keep the note under 200 characters."));
        }

        if (errors.Count > 0 || fromDate is not DateOnly from || toDate is not DateOnly to)
        {
            return (null, errors);
        }

        var result = new LocalTimeOff(from, fromTime, to, toTime, string.IsNullOrWhiteSpace(input.Reason) ? null : input.Reason.Trim());
        if (result.EndDay.ToDateTime(result.EndTime) <= from.ToDateTime(fromTime))
        {
            errors.Add(new FieldError("ToTime", "The time off must end after it starts."));
        }
        else if (to.DayNumber - from.DayNumber > MaxDays)
        {
            errors.Add(new FieldError("ToDate", "Enter time off of at most a year at a time."));
        }

        return errors.Count > 0 ? (null, errors) : (result, errors);
    }

    private static DateOnly? Date(string? text, string field, string? missing, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (missing is not null)
            {
                errors.Add(new FieldError(field, missing));
            }

            return null;
        }

        if (FormValues.TryParseDate(text, out var date))
        {
            return date;
        }

        errors.Add(new FieldError(field, $"\"{text.Trim()}\" is not a date. Use the date picker, or type it like 2027-03-15 or 15/03/2027."));
        return null;
    }

    private static TimeOnly? Time(string? text, string field, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (FormValues.TryParseTime(text, out var time))
        {
            return time;
        }

        errors.Add(new FieldError(field, $"\"{text.Trim()}\" is not a time. Use the 24-hour clock, for example 13:30."));
        return null;
    }
}

/// <summary>Lowercase words joined by hyphens: the form of every slug in an address.</summary>
public static partial class SlugRules
{
    public static string? Check(string? slug, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(slug))
        {
            return "Enter the web address name, for example back-pain-at-work.";
        }

        if (slug.Length > maxLength)
        {
            return $"The web address name can be at most {maxLength} characters.";
        }

        return IsWellFormed(slug)
            ? null
            : "Use lowercase letters, digits and single hyphens only, for example back-pain-at-work.";
    }

    /// <summary>Lowercase letters and digits in words joined by single hyphens.</summary>
    public static bool IsWellFormed(string? slug) => slug is not null && Pattern().IsMatch(slug);

    /// <summary>A suggestion from a title: "Why a Course?" becomes "why-a-course".</summary>
    public static string FromTitle(string? title)
    {
        var lowered = NotSlug().Replace((title ?? string.Empty).ToLowerInvariant(), "-").Trim('-');
        return lowered.Length > 80 ? lowered[..80].TrimEnd('-') : lowered;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    [GeneratedRegex("[^a-z0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex NotSlug();
}

/// <summary>Parses what date and time inputs send (and what people type when there is no picker).</summary>
public static class FormValues
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d/M/yyyy", "dd/MM/yyyy"];
    private static readonly string[] TimeFormats = ["HH:mm", "H:mm", "HH:mm:ss", "HH.mm", "H.mm"];

    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static bool TryParseTime(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text?.Trim(), TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
}

/// <summary>
/// The travel settings as typed: the home district, the zones one a line, and the table of minutes
/// as drawn for the zones the page showed (<paramref name="Shown"/>, row by row), kept as typed.
/// </summary>
public sealed record TravelInput(string? HomeDistrict, string? Zones, IReadOnlyList<string> Shown, IReadOnlyList<string?> Minutes);

/// <summary>
/// Checks the travel settings (<see cref="TravelTimes"/>' own reading of the zones and minutes).
/// A zone the table was drawn for keeps its minutes by name, whatever its new place in the list;
/// the drives to and from a new zone start at the flat buffer, for Paul to set once it is saved.
/// </summary>
public static class TravelRules
{
    public static (TravelTimes? Travel, IReadOnlyList<FieldError> Errors) Validate(TravelInput input, int flatBufferMinutes)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<FieldError>();
        if (TravelTimes.ParseZones(input.Zones, out var zones) is { } zoneProblem)
        {
            errors.Add(new FieldError("Zones", zoneProblem));
        }

        var home = string.IsNullOrWhiteSpace(input.HomeDistrict) ? null : UkPostcode.NormaliseDistrict(input.HomeDistrict);
        if (!string.IsNullOrWhiteSpace(input.HomeDistrict) && home is null)
        {
            errors.Add(new FieldError("HomeDistrict", "Enter the district of your home base, the first half of its postcode, for example E1."));
        }

        var shown = input.Shown.Select((name, i) => (name, i)).ToDictionary(z => z.name, z => z.i, StringComparer.Ordinal);
        var size = input.Shown.Count;
        if (input.Minutes.Count != size * size)
        {
            errors.Add(new FieldError("Minutes", "The table did not come back whole. Please reload the page and try again."));
        }
        else if (input.Minutes.FirstOrDefault(m => TravelTimes.CheckMinutes(m) is not null) is { } bad)
        {
            errors.Add(new FieldError("Minutes", $"{TravelTimes.CheckMinutes(bad)} \"{bad}\" is not."));
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var minutes = new int[zones.Count, zones.Count];
        for (var from = 0; from < zones.Count; from++)
        {
            for (var to = 0; to < zones.Count; to++)
            {
                minutes[from, to] = shown.TryGetValue(zones[from].Name, out var row) && shown.TryGetValue(zones[to].Name, out var column)
                    ? int.Parse(input.Minutes[(row * size) + column]!.Trim(), System.Globalization.CultureInfo.InvariantCulture)
                    : flatBufferMinutes;
            }
        }

        var travel = new TravelTimes(home, zones, minutes, flatBufferMinutes);
        if (home is not null && travel.ByZone && travel.HomeZone is null)
        {
            return (null, [new FieldError("HomeDistrict", $"{home} is in none of your zones: add it to one, so the first visit of the day allows for the drive from home.")]);
        }

        return (travel, []);
    }
}
