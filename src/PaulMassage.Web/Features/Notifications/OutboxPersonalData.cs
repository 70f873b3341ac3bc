using Microsoft.EntityFrameworkCore;
using PaulMassage.Web.Features.Privacy;
using PaulMassage.Web.Infrastructure.Data;

namespace PaulMassage.Web.Features.Notifications;

/// <summary>
/// The e-mails the site wrote to or about a client: listed in their data export (what was sent
/// and when, not the bodies), deleted on erasure, since they carry the client's name and address.
/// </summary>
public sealed class OutboxPersonalData(AppDbContext db) : IPersonalDataHandler
{
    public string Section => "emails";

    public async Task<object?> ExportAsync(int clientId, IReadOnlyCollection<int> appointmentIds, CancellationToken cancellationToken)
    {
        // The client's own e-mails about the visits in scope (a manage link exports one booking only);
        // the therapist's copies are his.
        var email = await ClientEmailAsync(clientId, cancellationToken);
        return await db.OutboxMessages.AsNoTracking()
            .Where(m => m.AppointmentId != null && appointmentIds.Contains(m.AppointmentId.Value) && m.ToAddress == email)
            .OrderBy(m => m.CreatedUtc)
            .Select(m => new { subject = m.Subject, queuedUtc = m.CreatedUtc, sentUtc = m.SentUtc, status = m.Status.ToString() })
            .ToListAsync(cancellationToken);
    }

    public async Task EraseAsync(int clientId, IReadOnlyCollection<int> appointmentIds, CancellationToken cancellationToken)
    {
        var email = await ClientEmailAsync(clientId, cancellationToken);
        db.OutboxMessages.RemoveRange(await Messages(appointmentIds, email).ToListAsync(cancellationToken));
    }

    private Task<string> ClientEmailAsync(int clientId, CancellationToken cancellationToken) =>
        db.Clients.Where(c => c.Id == clientId).Select(c => c.Email).SingleAsync(cancellationToken);

    /// <summary>Every message about one of the client's visits, and any other message to their address (account e-mails).</summary>
    private IQueryable<OutboxMessage> Messages(IReadOnlyCollection<int> appointmentIds, string email) =>
        db.OutboxMessages.Where(m => (m.AppointmentId != null && appointmentIds.Contains(m.AppointmentId.Value)) || m.ToAddress == email);
}
