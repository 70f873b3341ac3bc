using Microsoft.EntityFrameworkCore;
using PaulMassage.Web.Features.Clients;

namespace PaulMassage.Web.Features.Booking;

/// <summary>
/// Visits Paul booked together for one client (a course, or repeating visits), booked in one
/// transaction with their slot claims. One e-mail tells the client of them all, with one link that
/// manages the series: like a visit's link, only its SHA-256 is stored (to find the series) and the
/// token protected with Data Protection (for later e-mails), and it works until the manage-link
/// validity after the series' last visit.
/// </summary>
public class VisitSeries
{
    /// <summary>For EF Core.</summary>
    private VisitSeries()
    {
    }

    public int Id { get; private set; }

    public int ClientId { get; private set; }

    public Client? Client { get; private set; }

    /// <summary>The client's course of treatment the series books, when one was current (see the Courses feature).</summary>
    public int? CourseId { get; private set; }

    public string ManageTokenHash { get; private set; } = string.Empty;

    public string? ManageTokenProtected { get; private set; }

    public DateTime CreatedUtc { get; private set; }

    public List<Appointment> Visits { get; } = [];

    /// <summary>A new series for the client; its visits join it with <see cref="Appointment.JoinSeries"/>.</summary>
    public static VisitSeries Start(Client client, int? courseId, VisitKeys keys, DateTime atUtc)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(keys);
        return new VisitSeries
        {
            Client = client,
            ClientId = client.Id,
            CourseId = courseId,
            ManageTokenHash = ManageToken.Hash(keys.Token),
            ManageTokenProtected = keys.ProtectedToken,
            CreatedUtc = atUtc,
        };
    }

    /// <summary>When the series' link stops working: the latest of its visits' own link expiries.</summary>
    public DateTime ManageLinkExpiresUtc(TimeSpan validity) =>
        Visits.Count == 0 ? CreatedUtc + validity : Visits.Max(v => v.ManageLinkExpiresUtc(validity));

    /// <summary>The link stops working for good (erasure).</summary>
    public void RevokeManageToken()
    {
        ManageTokenHash = ManageToken.Hash(ManageToken.Create());
        ManageTokenProtected = null;
    }

    /// <summary>The series' manage page's path, with the token escaped.</summary>
    public static string ManagePath(string token) => "/series/" + Uri.EscapeDataString(token);
}

/// <summary>How a series is read for its page and for "cancel the rest": with its client and its visits, their treatments and slot claims.</summary>
public static class VisitSeriesQueries
{
    public static IQueryable<VisitSeries> WithVisits(this IQueryable<VisitSeries> series) =>
        series
            .Include(s => s.Client)
            .Include(s => s.Visits).ThenInclude(v => v.Service)
            .Include(s => s.Visits).ThenInclude(v => v.SlotClaims)
            .AsSplitQuery();
}
