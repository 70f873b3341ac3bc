using Microsoft.EntityFrameworkCore;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Notifications;
using PaulMassage.Web.Features.Privacy;
using PaulMassage.Web.Infrastructure.Data;

namespace PaulMassage.Web.Features.Admin;

/// <summary>What is waiting for Paul: requests to answer, e-mails the outbox gave up on, erasure requests to complete.</summary>
public sealed record BackOfficeCounts(int NewRequests, int FailedEmails, int OpenErasureRequests);

/// <summary>
/// The counts the back-office menu shows beside its links. Three COUNTs, read once per request
/// however many parts of the page ask (the service is scoped).
/// </summary>
public sealed class BackOfficeAttention(AppDbContext db)
{
    private BackOfficeCounts? counts;

    public async Task<BackOfficeCounts> CountsAsync(CancellationToken cancellationToken = default) =>
        counts ??= new BackOfficeCounts(
            await db.Appointments.CountAsync(a => a.Status == AppointmentStatus.Requested, cancellationToken),
            await db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Failed, cancellationToken),
            await db.Set<ErasureRequest>().CountAsync(r => r.CompletedUtc == null, cancellationToken));
}
