using Microsoft.EntityFrameworkCore;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Notifications;
using PaulMassage.Web.Features.Privacy;
using PaulMassage.Web.Features.Reviews;
using PaulMassage.Web.Infrastructure.Data;
using PaulMassage.Web.Infrastructure.Time;

namespace PaulMassage.Web.Features.Admin;

/// <summary>
/// What is waiting for Paul: requests to answer, e-mails the outbox gave up on, erasure requests to
/// complete (with the deadline of the oldest), amounts owed, reviews to publish.
/// </summary>
public sealed record BackOfficeCounts(int NewRequests, int FailedEmails, int OpenErasureRequests, ErasureDeadline? NextErasureDeadline = null, int Owed = 0, int ReviewsWaiting = 0);

/// <summary>
/// The counts the back-office menu shows beside its links. Five COUNTs, read once per request
/// however many parts of the page ask (the service is scoped).
/// </summary>
public sealed class BackOfficeAttention(AppDbContext db, PracticeClock clock)
{
    private BackOfficeCounts? counts;

    public async Task<BackOfficeCounts> CountsAsync(CancellationToken cancellationToken = default)
    {
        if (counts is not null)
        {
            return counts;
        }

        var requests = await db.Appointments.CountAsync(a => a.Status == AppointmentStatus.Requested, cancellationToken);
        var failed = await db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Failed, cancellationToken);
        var owed = await db.Payments.CountAsync(p => p.PaidUtc == null, cancellationToken);
        var reviews = await db.Reviews.CountAsync(r => r.Status == ReviewStatus.Waiting, cancellationToken);
        var erasures = await db.Set<ErasureRequest>().Where(r => r.CompletedUtc == null)
            .GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Oldest = g.Min(r => r.RequestedUtc) })
            .SingleOrDefaultAsync(cancellationToken);
        return counts = new BackOfficeCounts(requests, failed, erasures?.Count ?? 0,
            erasures is null ? null : ErasureDeadline.For(erasures.Oldest, clock), owed, reviews);
    }
}
