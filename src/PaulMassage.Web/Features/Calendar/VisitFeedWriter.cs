using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace PaulMassage.Web.Features.Calendar;

/// <summary>
/// What a feed entry may show: the client's first name, the postcode and the treatment. Nothing
/// else about the client (no surname, phone, e-mail or health answers) ever reaches the feed,
/// because a phone calendar is synced to places the practice does not control.
/// </summary>
public sealed record FeedVisit(int Id, string Reference, string ClientFirstName, string Postcode, string ServiceName, DateTime StartUtc, DateTime EndUtc);

/// <summary>Writes visits as an iCalendar (RFC 5545) feed with Ical.Net; times in UTC.</summary>
public static class VisitFeedWriter
{
    public const string CalendarName = "Paul Massage visits";

    public static string Write(IEnumerable<FeedVisit> visits, DateTime stampUtc, Uri siteBase)
    {
        ArgumentNullException.ThrowIfNull(visits);
        ArgumentNullException.ThrowIfNull(siteBase);
        var calendar = new Ical.Net.Calendar { ProductId = "-//Paul Massage//Back office//EN", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", CalendarName);
        calendar.AddProperty("X-PUBLISHED-TTL", "PT1H");
        var stamp = Utc(stampUtc);
        foreach (var visit in visits.OrderBy(v => v.StartUtc))
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{visit.Reference}@{siteBase.Host}",
                DtStamp = stamp,
                Start = Utc(visit.StartUtc),
                End = Utc(visit.EndUtc),
                Summary = Summary(visit),
                Location = visit.Postcode,
                Description = $"Ref {visit.Reference}. Address, access notes and phone number in the back office.",
                Url = new Uri(siteBase, $"/admin/requests/{visit.Id}"),
                Status = "CONFIRMED",
                Transparency = "OPAQUE",
            });
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;
    }

    public static string Summary(FeedVisit visit)
    {
        ArgumentNullException.ThrowIfNull(visit);
        return $"{visit.ClientFirstName} \u00b7 {visit.Postcode} \u00b7 {visit.ServiceName}";
    }

    /// <summary>"Ann Marie Smith" becomes "Ann": the first word only, never the surname.</summary>
    public static string FirstName(string fullName) =>
        (fullName ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is { Length: > 0 } parts
            ? parts[0]
            : "Client";

    private static CalDateTime Utc(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc), hasTime: true);
}
