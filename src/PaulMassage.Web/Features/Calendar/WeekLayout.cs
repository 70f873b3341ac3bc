using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Scheduling;
using PaulMassage.Web.Infrastructure.Time;

namespace PaulMassage.Web.Features.Calendar;

/// <summary>A visit as the calendar draws it; a proposed time is drawn as a visit of its own.</summary>
public sealed record CalendarVisit(
    int Id,
    string Reference,
    string ClientName,
    string ServiceName,
    string Postcode,
    DateTime StartUtc,
    DateTime EndUtc,
    AppointmentStatus Status,
    bool IsProposedTime = false)
{
    /// <summary>Still waiting for an answer: drawn differently from a confirmed visit, and said so in words.</summary>
    public bool IsPending => Status is AppointmentStatus.Requested or AppointmentStatus.AlternativeProposed;
}

public enum WeekEntryKind
{
    Visit,

    /// <summary>The travel buffer after a visit.</summary>
    Travel,

    TimeOff,
}

/// <summary>
/// Something drawn on one day: minutes from the local midnight (0 to 1440), and its place on the
/// day's grid of quarter-hour rows (1-based; <see cref="Row"/> is 0 when it lies outside the hours shown).
/// </summary>
public sealed record WeekEntry(WeekEntryKind Kind, int StartMinute, int EndMinute, int Row, int Span, CalendarVisit? Visit = null, string? Reason = null)
{
    public string From => WeekLayout.ClockText(StartMinute);

    public string To => WeekLayout.ClockText(EndMinute);

    public bool IsAllDay => StartMinute == 0 && EndMinute == WeekLayout.MinutesPerDay;
}

public sealed record WorkingBlock(int StartMinute, int EndMinute, int Row, int Span)
{
    public string From => WeekLayout.ClockText(StartMinute);

    public string To => WeekLayout.ClockText(EndMinute);
}

public sealed record WeekDay(DateOnly Date, bool IsToday, IReadOnlyList<WorkingBlock> WorkingHours, IReadOnlyList<WeekEntry> Entries);

public sealed record HourMark(int Hour, int Row);

public sealed record WeekView(DateOnly Monday, int FirstHour, int LastHour, int TravelBufferMinutes, IReadOnlyList<WeekDay> Days)
{
    public DateOnly PreviousWeek => Monday.AddDays(-7);

    public DateOnly NextWeek => Monday.AddDays(7);

    public DateOnly Sunday => Monday.AddDays(6);

    public bool ContainsToday => Days.Any(d => d.IsToday);

    public IEnumerable<HourMark> Hours =>
        Enumerable.Range(FirstHour, LastHour - FirstHour).Select(h => new HourMark(h, ((h - FirstHour) * 60 / WeekLayout.RowMinutes) + 1));
}

/// <summary>
/// Lays out a week for the calendar: each local day's working hours, visits, their travel buffers
/// and time off, placed on a grid of quarter-hour rows that covers every working hour and visit of
/// the week. Pure: the caller supplies the data, the zone and "today".
/// </summary>
public static class WeekLayout
{
    public const int RowMinutes = 15;
    public const int MinutesPerDay = 24 * 60;

    /// <summary>Shown when the week has neither working hours nor visits.</summary>
    private const int DefaultFirstHour = 9;
    private const int DefaultLastHour = 17;

    public static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    public static string ClockText(int minute) => $"{minute / 60:00}:{minute % 60:00}";

    public static WeekView Build(
        DateOnly anyDayOfWeek,
        DateOnly today,
        AvailabilityRules rules,
        IEnumerable<CalendarVisit> visits,
        IEnumerable<TimeOffPeriod> timeOff,
        TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var monday = MondayOf(anyDayOfWeek);
        var visitList = visits.OrderBy(v => v.StartUtc).ToList();
        var offList = timeOff.ToList();
        var buffer = TimeSpan.FromMinutes(rules.TravelBufferMinutes);

        // First pass: every piece of every day in minutes from local midnight.
        var days = Enumerable.Range(0, 7).Select(i => monday.AddDays(i)).Select(date =>
        {
            var dayStart = StartOfDayUtc(date, timeZone);
            var dayEnd = StartOfDayUtc(date.AddDays(1), timeZone);
            var hours = rules.WeeklyHours.Where(p => p.Day == date.DayOfWeek).OrderBy(p => p.Opens)
                .Select(p => (Start: (int)p.Opens.ToTimeSpan().TotalMinutes, End: (int)p.Closes.ToTimeSpan().TotalMinutes))
                .ToList();
            var pieces = new List<(WeekEntryKind Kind, int Start, int End, CalendarVisit? Visit, string? Reason)>();
            foreach (var visit in visitList)
            {
                AddPiece(pieces, WeekEntryKind.Visit, visit.StartUtc, visit.EndUtc, dayStart, dayEnd, timeZone, visit, null);
                if (buffer > TimeSpan.Zero)
                {
                    AddPiece(pieces, WeekEntryKind.Travel, visit.EndUtc, visit.EndUtc + buffer, dayStart, dayEnd, timeZone, visit, null);
                }
            }

            foreach (var off in offList)
            {
                AddPiece(pieces, WeekEntryKind.TimeOff, off.StartUtc, off.EndUtc, dayStart, dayEnd, timeZone, null, off.Reason);
            }

            return (Date: date, Hours: hours, Pieces: pieces);
        }).ToList();

        // The hours shown: all working hours and all visits with their travel; time off is cut to fit.
        var spans = days.SelectMany(d => d.Hours.Concat(d.Pieces.Where(p => p.Kind != WeekEntryKind.TimeOff).Select(p => (p.Start, p.End)))).ToList();
        var firstHour = spans.Count == 0 ? DefaultFirstHour : spans.Min(s => s.Start) / 60;
        var lastHour = spans.Count == 0 ? DefaultLastHour : (spans.Max(s => s.End) + 59) / 60;
        var windowStart = firstHour * 60;
        var windowEnd = lastHour * 60;

        (int Row, int Span) Place(int start, int end)
        {
            var from = Math.Max(start, windowStart);
            var to = Math.Min(end, windowEnd);
            return to <= from
                ? (0, 0)
                : (((from - windowStart) / RowMinutes) + 1, Math.Max(1, (to - from + RowMinutes - 1) / RowMinutes));
        }

        var weekDays = days.Select(d => new WeekDay(
            d.Date,
            d.Date == today,
            d.Hours.Select(h =>
            {
                var (row, span) = Place(h.Start, h.End);
                return new WorkingBlock(h.Start, h.End, row, span);
            }).ToList(),
            d.Pieces.OrderBy(p => p.Start).ThenBy(p => p.Kind).Select(p =>
            {
                var (row, span) = Place(p.Start, p.End);
                return new WeekEntry(p.Kind, p.Start, p.End, row, span, p.Visit, p.Reason);
            }).ToList())).ToList();

        return new WeekView(monday, firstHour, lastHour, rules.TravelBufferMinutes, weekDays);
    }

    private static void AddPiece(
        List<(WeekEntryKind Kind, int Start, int End, CalendarVisit? Visit, string? Reason)> pieces,
        WeekEntryKind kind,
        DateTime startUtc,
        DateTime endUtc,
        DateTime dayStartUtc,
        DateTime dayEndUtc,
        TimeZoneInfo timeZone,
        CalendarVisit? visit,
        string? reason)
    {
        var from = startUtc > dayStartUtc ? startUtc : dayStartUtc;
        var to = endUtc < dayEndUtc ? endUtc : dayEndUtc;
        if (to <= from)
        {
            return;
        }

        var start = from == dayStartUtc ? 0 : MinuteOfDay(from, timeZone);
        var end = to == dayEndUtc ? MinutesPerDay : MinuteOfDay(to, timeZone);
        pieces.Add((kind, start, Math.Max(end, start + 1), visit, reason));
    }

    private static int MinuteOfDay(DateTime utc, TimeZoneInfo timeZone) =>
        (int)TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), timeZone).TimeOfDay.TotalMinutes;

    private static DateTime StartOfDayUtc(DateOnly day, TimeZoneInfo timeZone) => PracticeClock.ToUtc(day, TimeOnly.MinValue, timeZone);
}
