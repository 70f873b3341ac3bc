using Microsoft.EntityFrameworkCore;
using PaulMassage.Web.Features.Privacy;
using PaulMassage.Web.Infrastructure.Data;

namespace PaulMassage.Web.Features.Notifications;

/// <summary>
/// The e-mails the site wrote to or about a client: listed in their data export (what was sent
/// and when, not the bodies), deleted on erasure with their pickup-folder files, since they carry the client's name and address.
/// </summary>
public sealed class OutboxPersonalData(AppDbContext db, PickupDirectoryTransport pickup, ErasureTraces traces) : IPersonalDataHandler
{
    public string Section => "emails";

    public async Task<object?> ExportAsync(PersonalDataScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);

        // The client's own e-mails about the visits in scope (a manage link exports one booking only);
        // the therapist's copies are his.
        var (email, _) = await ClientAddressAsync(scope.ClientId, cancellationToken);
        var appointmentIds = scope.AppointmentIds;
        return await db.OutboxMessages.AsNoTracking()
            .Where(m => m.AppointmentId != null && appointmentIds.Contains(m.AppointmentId.Value) && m.ToAddress == email)
            .OrderBy(m => m.CreatedUtc)
            .Select(m => new { subject = m.Subject, queuedUtc = m.CreatedUtc, sentUtc = m.SentUtc, status = m.Status.ToString() })
            .ToListAsync(cancellationToken);
    }

    public async Task EraseAsync(PersonalDataScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var (email, provisional) = await ClientAddressAsync(scope.ClientId, cancellationToken);

        // Other messages to the address (account e-mails) go only with the whole record of the
        // address's owner: a provisional record's address may be somebody else's.
        var ownsAddress = scope.WholeRecord && !provisional;
        var appointmentIds = scope.AppointmentIds;
        var messages = await db.OutboxMessages
            .Where(m => (m.AppointmentId != null && appointmentIds.Contains(m.AppointmentId.Value)) || (ownsAddress && m.ToAddress == email))
            .ToListAsync(cancellationToken);
        db.OutboxMessages.RemoveRange(messages);

        // Their .eml copies in the pickup folder go too, once the erasure is saved.
        traces.DeleteAfterCommit(pickup.FilesOf(messages.Select(m => m.MessageId)));
    }

    private async Task<(string Email, bool Provisional)> ClientAddressAsync(int clientId, CancellationToken cancellationToken)
    {
        var client = await db.Clients.Where(c => c.Id == clientId).Select(c => new { c.Email, c.Provisional }).SingleAsync(cancellationToken);
        return (client.Email, client.Provisional);
    }
}
