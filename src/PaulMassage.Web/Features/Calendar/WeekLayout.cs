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

    /// <summary>The drive after a visit to the next one of its day, by zone (after the day's last, the flat buffer).</summary>
    Travel,

    /// <summary>The drive from home to the day's first visit.</summary>
    TravelFromHome,

    TimeOff,
}

/// <summary>
/// Something drawn on one day: minutes from the local midnight (0 to 1440), and its place on the
/// day's grid of quarter-hour rows (1-based; <see cref="Row"/> is 0 when it lies outside the hours shown).
/// </summary>
/// <param name="TravelMinutes">For a travel leg, its minutes; for a visit, the minutes of the leg after it.</param>
public sealed record WeekEntry(WeekEntryKind Kind, int StartMinute, int EndMinute, int Row, int Span, CalendarVisit? Visit = null, string? Reason = null, int TravelMinutes = 0)
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

public sealed record WeekView(DateOnly Monday, int FirstHour, int LastHour, IReadOnlyList<WeekDay> Days)
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
        var legs = TravelLegs.Of(visitList.Select(v => (v.StartUtc, v.EndUtc, (string?)v.Postcode)).ToList(), rules.Travel, timeZone);

        // First pass: every piece of every day in minutes from local midnight.
        var days = Enumerable.Range(0, 7).Select(i => monday.AddDays(i)).Select(date =>
        {
            var dayStart = PracticeClock.StartOfDayUtc(date, timeZone);
            var dayEnd = PracticeClock.StartOfDayUtc(date.AddDays(1), timeZone);
            var hours = rules.WeeklyHours.Where(p => p.Day == date.DayOfWeek).OrderBy(p => p.Opens)
                .Select(p => (Start: (int)p.Opens.ToTimeSpan().TotalMinutes, End: (int)p.Closes.ToTimeSpan().TotalMinutes))
                .ToList();
            var pieces = new List<(WeekEntryKind Kind, int Start, int End, CalendarVisit? Visit, string? Reason, int Minutes)>();
            for (var i = 0; i < visitList.Count; i++)
            {
                var visit = visitList[i];
                var (fromHome, after) = legs[i];
                AddPiece(pieces, WeekEntryKind.Visit, visit.StartUtc, visit.EndUtc, dayStart, dayEnd, timeZone, visit, null, after);
                if (fromHome > 0)
                {
                    AddPiece(pieces, WeekEntryKind.TravelFromHome, visit.StartUtc.AddMinutes(-fromHome), visit.StartUtc, dayStart, dayEnd, timeZone, visit, null, fromHome);
                }

                if (after > 0)
                {
                    AddPiece(pieces, WeekEntryKind.Travel, visit.EndUtc, visit.EndUtc.AddMinutes(after), dayStart, dayEnd, timeZone, visit, null, after);
                }
            }

            foreach (var off in offList)
            {
                AddPiece(pieces, WeekEntryKind.TimeOff, off.StartUtc, off.EndUtc, dayStart, dayEnd, timeZone, null, off.Reason, 0);
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
                return new WeekEntry(p.Kind, p.Start, p.End, row, span, p.Visit, p.Reason, p.Minutes);
            }).ToList())).ToList();

        return new WeekView(monday, firstHour, lastHour, weekDays);
    }

    private static void AddPiece(
        List<(WeekEntryKind Kind, int Start, int End, CalendarVisit? Visit, string? Reason, int Minutes)> pieces,
        WeekEntryKind kind,
        DateTime startUtc,
        DateTime endUtc,
        DateTime dayStartUtc,
        DateTime dayEndUtc,
        TimeZoneInfo timeZone,
        CalendarVisit? visit,
        string? reason,
        int minutes)
    {
        var from = startUtc > dayStartUtc ? startUtc : dayStartUtc;
        var to = endUtc < dayEndUtc ? endUtc : dayEndUtc;
        if (to <= from)
        {
            return;
        }

        var start = from == dayStartUtc ? 0 : MinuteOfDay(from, timeZone);
        var end = to == dayEndUtc ? MinutesPerDay : MinuteOfDay(to, timeZone);
        pieces.Add((kind, start, Math.Max(end, start + 1), visit, reason, minutes));
    }

    private static int MinuteOfDay(DateTime utc, TimeZoneInfo timeZone) =>
        (int)TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), timeZone).TimeOfDay.TotalMinutes;
}

/// <summary>
/// The drives of a calendar, by the one travel table (<see cref="TravelTimes"/>): from home to each
/// local day's first visit, and from each visit to the next of its day (after the day's last, the
/// flat buffer the visit keeps free, as its slot claims do). Pure.
/// </summary>
public static class TravelLegs
{
    /// <param name="visits">Rising by start.</param>
    /// <returns>Per visit, in the same order: the minutes from home (0 unless the day's first) and the minutes after it.</returns>
    public static IReadOnlyList<(int FromHome, int After)> Of(IReadOnlyList<(DateTime StartUtc, DateTime EndUtc, string? Postcode)> visits, TravelTimes travel, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(visits);
        ArgumentNullException.ThrowIfNull(travel);
        DateOnly Day(DateTime utc) => PracticeClock.LocalDay(utc, timeZone);
        var legs = new List<(int, int)>(visits.Count);
        for (var i = 0; i < visits.Count; i++)
        {
            var zone = travel.ZoneOf(visits[i].Postcode);
            var day = Day(visits[i].StartUtc);
            var first = i == 0 || Day(visits[i - 1].StartUtc) != day;
            var next = i + 1 < visits.Count && Day(visits[i + 1].StartUtc) == day ? travel.ZoneOf(visits[i + 1].Postcode) : null;
            var after = i + 1 < visits.Count && Day(visits[i + 1].StartUtc) == day ? travel.Minutes(zone, next) : travel.FlatBufferMinutes;
            legs.Add((first ? travel.FromHome(zone) : 0, after));
        }

        return legs;
    }
}
