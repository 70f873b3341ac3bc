using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace PaulMassage.Web.Features.Notifications;

/// <summary>
/// The .ics invitation attached to the confirmation (and its update or cancellation when the visit
/// moves or is called off). One UID per visit, so calendars update the same event; the location is
/// the postcode only.
/// </summary>
public static class VisitInvitation
{
    public const string Request = "REQUEST";
    public const string Cancel = "CANCEL";

    public static string Create(
        PracticeFacts practice,
        VisitFacts visit,
        string timeZoneId,
        string method,
        DateTime stampUtc)
    {
        ArgumentNullException.ThrowIfNull(practice);
        ArgumentNullException.ThrowIfNull(visit);
        var start = visit.LocalStart;
        var end = start.AddMinutes(visit.DurationMinutes);
        var calendar = new Ical.Net.Calendar { Method = method, ProductId = $"-//{practice.Name}//Bookings//EN" };
        calendar.AddTimeZone(timeZoneId, start.DateTime.AddDays(-1), false);
        var description = method == Cancel
            ? $"Cancelled. Reference {visit.Reference}."
            : $"Home visit by {practice.TherapistName}, {practice.Name}. Reference {visit.Reference}."
              + (visit.ManageUrl is null ? $" Phone {practice.Phone} to change it." : $" Change or cancel: {visit.ManageUrl}");
        var visitEvent = new CalendarEvent
        {
            Uid = $"{visit.Reference}@{MessageIds.Domain(practice.Email)}",
            Summary = $"{visit.ServiceName} ({visit.DurationMinutes} min) with {practice.TherapistName}",
            Description = description,
            Location = visit.Postcode,
            Start = new CalDateTime(start.DateTime, timeZoneId, true),
            End = new CalDateTime(end.DateTime, timeZoneId, true),
            DtStamp = new CalDateTime(DateTime.SpecifyKind(stampUtc, DateTimeKind.Utc), true),
            Sequence = Sequence(stampUtc),
            Status = method == Cancel ? "CANCELLED" : "CONFIRMED",
            Organizer = new Organizer($"mailto:{practice.Email}") { CommonName = practice.Name },
        };
        visitEvent.Attendees.Add(new Attendee($"mailto:{visit.ClientEmail}")
        {
            CommonName = visit.ClientName,
            Role = "REQ-PARTICIPANT",
            ParticipationStatus = method == Cancel ? "DECLINED" : "ACCEPTED",
            Rsvp = false,
        });
        calendar.Events.Add(visitEvent);
        return new CalendarSerializer().SerializeToString(calendar)
            ?? throw new InvalidOperationException("The invitation could not be written.");
    }

    /// <summary>
    /// SEQUENCE must grow with each update of the same event: minutes since 2025 do, without a
    /// counter to keep in the database.
    /// </summary>
    public static int Sequence(DateTime stampUtc) =>
        (int)Math.Max(0, (stampUtc - new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc)).TotalMinutes);
}
