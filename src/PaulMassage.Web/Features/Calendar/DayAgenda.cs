using PaulMassage.Web.Features.Site;
using PaulMassage.Web.Features.Booking;

namespace PaulMassage.Web.Features.Calendar;

/// <summary>A visit on the day's round, with what the therapist needs at the door.</summary>
public sealed record AgendaVisit(
    int Id,
    int ClientId,
    string Reference,
    Guid Version,
    string ClientName,
    string ClientPhone,
    string ServiceName,
    int DurationMinutes,
    DateTime StartUtc,
    DateTime EndUtc,
    DateTimeOffset LocalStart,
    DateTimeOffset LocalEnd,
    string AddressLine1,
    string? AddressLine2,
    string Town,
    string Postcode,
    string? AccessNotes,
    AppointmentStatus Status,
    DateTimeOffset? AnnouncedArrivalLocal = null,
    bool ClientProvisional = false)
{
    public string FullAddress => string.Join(", ", new[] { AddressLine1, AddressLine2, Town, Postcode }.Where(p => !string.IsNullOrWhiteSpace(p)));

    /// <summary>A plain link that opens the address in a maps app; no script from elsewhere.</summary>
    public string MapUrl => "https://www.google.com/maps/search/?api=1&query=" + Uri.EscapeDataString(FullAddress);

    public string PhoneLink => "tel:" + new string(ClientPhone.Where(c => char.IsDigit(c) || c == '+').ToArray());
}

/// <summary>The time between the end of one visit and the start of the next, and the drive between them (by zone).</summary>
public sealed record AgendaGap(int Minutes, int TravelMinutes)
{
    public bool Overlaps => Minutes < 0;

    /// <summary>Less than the drive between the two visits.</summary>
    public bool IsShort => Minutes < TravelMinutes;

    public string Describe() => Minutes switch
    {
        < 0 => $"Overlaps the next visit by {Duration(-Minutes)}.",
        0 when IsShort => $"The next visit starts as this one ends: less than the {Duration(TravelMinutes)} you keep for travel.",
        0 => "The next visit starts as this one ends.",
        _ when IsShort => $"Only {Duration(Minutes)} until the next visit: less than the {Duration(TravelMinutes)} you keep for travel.",
        _ => $"{Duration(Minutes)} until the next visit.",
    };

    /// <summary>The drive in words, for the leg shown between the two visits.</summary>
    public string Drive => $"Travel to the next visit: {Duration(TravelMinutes)}.";

    public static string Duration(int minutes) => minutes switch
    {
        < 60 => Wording.Count(minutes, "minute"),
        _ when minutes % 60 == 0 => minutes == 60 ? "1 hour" : $"{minutes / 60} hours",
        _ => $"{minutes / 60} h {minutes % 60:00} min",
    };
}

/// <param name="FromHomeMinutes">The drive from home, before the day's first visit (0 for the others, or a place in no zone).</param>
public sealed record AgendaStop(AgendaVisit Visit, AgendaGap? GapToNext, int FromHomeMinutes = 0);

/// <summary>Puts a day's visits in order and works out the gap after each one and the drive it needs (<see cref="TravelLegs"/>). Pure.</summary>
public static class DayAgendaPlanner
{
    public static IReadOnlyList<AgendaStop> Plan(IEnumerable<AgendaVisit> visits, Scheduling.TravelTimes travel, TimeZoneInfo timeZone)
    {
        var ordered = visits.OrderBy(v => v.StartUtc).ThenBy(v => v.Id).ToList();
        var legs = TravelLegs.Of(ordered.Select(v => (v.StartUtc, v.EndUtc, (string?)v.Postcode)).ToList(), travel, timeZone);
        return ordered.Select((visit, i) => new AgendaStop(
            visit,
            i + 1 < ordered.Count
                ? new AgendaGap((int)Math.Floor((ordered[i + 1].StartUtc - visit.EndUtc).TotalMinutes), legs[i].After)
                : null,
            legs[i].FromHome)).ToList();
    }
}
