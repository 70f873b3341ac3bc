using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Scheduling;
using System.ComponentModel.DataAnnotations;
using PaulMassage.Web.Infrastructure.Web;

namespace PaulMassage.Web.Features.Settings;

/// <summary>One weekday's row of the working-hours form. Times are kept as typed, so a mistake stays on screen.</summary>
public sealed class DayHoursRow
{
    public DayOfWeek Day { get; set; }

    public bool IsOpen { get; set; }

    public string? Opens { get; set; }

    public string? Closes { get; set; }
}

public sealed class WeeklyHoursForm
{
    public List<DayHoursRow> Days { get; set; } = [];
}

public sealed class BookingRulesForm
{
    [Display(Name = "Travel time between visits (minutes)")]
    [NumberBox]
    public int? TravelBufferMinutes { get; set; }

    [Display(Name = "Notice needed (hours)")]
    [NumberBox]
    public int? MinimumNoticeHours { get; set; }

    [Display(Name = "How far ahead clients can book (days)")]
    [NumberBox]
    public int? BookingHorizonDays { get; set; }
}

public sealed class ServedAreaForm
{
    [Display(Name = "Postcode districts you travel to")]
    [DataType(DataType.MultilineText)]
    public string? Districts { get; set; }
}

/// <summary>
/// The travel settings form: home, zones, and the table of minutes drawn for <see cref="Shown"/>
/// (row by row: from each zone to each), every value kept as typed.
/// </summary>
public sealed class TravelForm
{
    [Display(Name = "Your home base's postcode district")]
    public string? HomeDistrict { get; set; }

    [Display(Name = "Zones, one a line")]
    [DataType(DataType.MultilineText)]
    public string? Zones { get; set; }

    /// <summary>The zones the table below was drawn for, in order.</summary>
    public List<string> Shown { get; set; } = [];

    public List<string?> Minutes { get; set; } = [];

    /// <summary>For a place in no zone (and when there are none): the booking rules' travel time.</summary>
    public int FlatBufferMinutes { get; set; }

    public static TravelForm From(TravelTimes travel)
    {
        ArgumentNullException.ThrowIfNull(travel);
        var form = new TravelForm
        {
            HomeDistrict = travel.HomeDistrict,
            Zones = travel.FormatZones(),
            Shown = travel.Zones.Select(z => z.Name).ToList(),
            FlatBufferMinutes = travel.FlatBufferMinutes,
        };
        for (var from = 0; from < travel.Zones.Count; from++)
        {
            for (var to = 0; to < travel.Zones.Count; to++)
            {
                form.Minutes.Add(travel.MinutesBetweenZones(from, to).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return form;
    }
}

public sealed class TimeOffForm
{
    public string? FromDate { get; set; }

    public string? FromTime { get; set; }

    public string? ToDate { get; set; }

    public string? ToTime { get; set; }

    public string? Reason { get; set; }
}

/// <param name="VisitsDuring">Open visits booked inside it (time off does not cancel them), soonest first.</param>
public sealed record TimeOffRow(int Id, DateTimeOffset LocalStart, DateTimeOffset LocalEnd, string? Reason, IReadOnlyList<VisitDuringTimeOff> VisitsDuring)
{
    public string When => TimeOffWording.Describe(LocalStart, LocalEnd);
}

/// <summary>A visit still booked inside time off, for Paul to move or cancel from its page.</summary>
public sealed record VisitDuringTimeOff(int AppointmentId, DateTimeOffset LocalStart, string ClientName, string ServiceName, AppointmentStatus Status);

public sealed class TimeOffPage
{
    public required TimeOffForm Form { get; init; }

    public required IReadOnlyList<TimeOffRow> Upcoming { get; init; }

    public string? Message { get; init; }
}

/// <summary>The settings overview: what is set now, with a link to change each part.</summary>
public sealed record SettingsOverview(
    IReadOnlyList<DayHoursRow> Hours,
    int TravelBufferMinutes,
    int MinimumNoticeHours,
    int BookingHorizonDays,
    string Districts,
    string Travel,
    int UpcomingTimeOff,
    int ActiveServices,
    int PublishedArticles,
    int DraftArticles,
    string? Message);
