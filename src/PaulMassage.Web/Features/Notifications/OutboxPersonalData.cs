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
        var emails = (await RecordAddressesAsync(scope.ClientIds, cancellationToken)).Select(r => r.Email).ToList();
        var appointmentIds = scope.AppointmentIds;
        return await db.OutboxMessages.AsNoTracking()
            .Where(m => m.AppointmentId != null && appointmentIds.Contains(m.AppointmentId.Value) && emails.Contains(m.ToAddress))
            .OrderBy(m => m.CreatedUtc)
            .Select(m => new { subject = m.Subject, queuedUtc = m.CreatedUtc, sentUtc = m.SentUtc, status = m.Status.ToString() })
            .ToListAsync(cancellationToken);
    }

    public async Task EraseAsync(PersonalDataScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);

        // Other messages to an address (account e-mails) go only with the whole record of the
        // address's owner: a provisional record's address may be somebody else's.
        var ownedEmails = scope.WholeRecord
            ? (await RecordAddressesAsync(scope.ClientIds, cancellationToken)).Where(r => !r.Provisional).Select(r => r.Email).ToList()
            : [];
        var appointmentIds = scope.AppointmentIds;
        var messages = await db.OutboxMessages
            .Where(m => (m.AppointmentId != null && appointmentIds.Contains(m.AppointmentId.Value)) || ownedEmails.Contains(m.ToAddress))
            .ToListAsync(cancellationToken);
        db.OutboxMessages.RemoveRange(messages);

        // Their .eml copies in the pickup folder go too, once the erasure is saved.
        traces.DeleteAfterCommit(pickup.FilesOf(messages.Select(m => m.MessageId)));
    }

    private async Task<IReadOnlyList<(string Email, bool Provisional)>> RecordAddressesAsync(IReadOnlyCollection<int> clientIds, CancellationToken cancellationToken) =>
        [.. (await db.Clients.Where(c => clientIds.Contains(c.Id)).Select(c => new { c.Email, c.Provisional }).ToListAsync(cancellationToken))
            .Select(c => (c.Email, c.Provisional))];
}
