using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Site;
using PaulMassage.Web.Infrastructure.Data;

namespace PaulMassage.Web.Features.Notifications;

/// <summary>What one pass of the sender did.</summary>
public sealed record DispatchReport(int Claimed, int Sent, int Retrying, int Failed, int Skipped)
{
    public static readonly DispatchReport Empty = new(0, 0, 0, 0, 0);
}

/// <summary>
/// Sends the due messages of the outbox. Safe with several instances of the site on one database:
/// a pass claims its batch with one conditional UPDATE (a lease with an owner and an expiry), and
/// only rows whose claim it won are sent. A message is retried with exponential back-off and
/// marked failed after the configured number of tries. The background service calls
/// <see cref="ProcessDueAsync"/>; tests call it directly.
/// </summary>
public sealed class OutboxDispatcher(
    AppDbContext db,
    IMailTransport transport,
    TimeProvider time,
    IOptions<EmailOptions> emailOptions,
    IOptions<PracticeOptions> practiceOptions,
    ILogger<OutboxDispatcher> logger)
{
    public async Task<DispatchReport> ProcessDueAsync(CancellationToken cancellationToken = default)
    {
        var options = emailOptions.Value;
        var now = time.GetUtcNow().UtcDateTime;
        var due = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptUtc <= now && (m.LeaseUntilUtc == null || m.LeaseUntilUtc < now))
            .OrderBy(m => m.NextAttemptUtc).ThenBy(m => m.Id)
            .Select(m => m.Id)
            .Take(options.BatchSize)
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return DispatchReport.Empty;
        }

        // The claim: one statement, so of two instances racing for a row exactly one matches it.
        var claim = Guid.NewGuid().ToString("N");
        var leaseUntil = now.AddSeconds(options.LeaseSeconds);
        var claimed = await db.OutboxMessages
            .Where(m => due.Contains(m.Id) && m.Status == OutboxStatus.Pending && (m.LeaseUntilUtc == null || m.LeaseUntilUtc < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseOwner, claim).SetProperty(m => m.LeaseUntilUtc, leaseUntil), cancellationToken);
        if (claimed == 0)
        {
            return DispatchReport.Empty;
        }

        var batch = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.LeaseOwner == claim)
            .OrderBy(m => m.NextAttemptUtc).ThenBy(m => m.Id)
            .ToListAsync(cancellationToken);
        int sent = 0, retrying = 0, failed = 0, skipped = 0;
        foreach (var message in batch)
        {
            switch (await ProcessOneAsync(message, claim, options, cancellationToken))
            {
                case OutboxStatus.Sent: sent++; break;
                case OutboxStatus.Failed: failed++; break;
                case OutboxStatus.Skipped: skipped++; break;
                default: retrying++; break;
            }
        }

        return new DispatchReport(batch.Count, sent, retrying, failed, skipped);
    }

    private async Task<OutboxStatus> ProcessOneAsync(OutboxMessage message, string claim, EmailOptions options, CancellationToken cancellationToken)
    {
        // One read of the visit serves both the log lines (its reference) and the reminder check.
        var visit = message.AppointmentId is int appointmentId
            ? await db.Appointments.AsNoTracking().Where(a => a.Id == appointmentId)
                .Select(a => new VisitState(a.Reference, a.Status, a.StartUtc)).SingleOrDefaultAsync(cancellationToken)
            : null;
        var reference = visit?.Reference;
        if (message.Kind == NotificationKind.Reminder && !ReminderStillWanted(message, visit))
        {
            await FinishAsync(message.Id, claim, OutboxStatus.Skipped, message.Attempts, "Not sent: the visit was cancelled or moved, or has already started.", cancellationToken);
            logger.LogInformation("Outbox message {OutboxId} ({Kind}) for booking {Reference} skipped: no longer wanted", message.Id, message.Kind, reference);
            return OutboxStatus.Skipped;
        }

        var practice = practiceOptions.Value;
        try
        {
            await transport.SendAsync(OutboxMime.Build(message, options.SenderAddress(practice), options.SenderName(practice)), cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var failure = SendFailure.From(ex);
            var attempts = message.Attempts + 1;
            var now = time.GetUtcNow().UtcDateTime;
            var decision = options.RetryPolicy().AfterFailure(attempts, failure.Permanent, now);
            var status = decision.GiveUp ? OutboxStatus.Failed : OutboxStatus.Pending;
            await db.OutboxMessages.Where(m => m.Id == message.Id && m.LeaseOwner == claim)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Status, status)
                    .SetProperty(m => m.Attempts, attempts)
                    .SetProperty(m => m.NextAttemptUtc, decision.NextAttemptUtc)
                    .SetProperty(m => m.LastError, failure.Description)
                    .SetProperty(m => m.LeaseOwner, (string?)null)
                    .SetProperty(m => m.LeaseUntilUtc, (DateTime?)null), CancellationToken.None);
            if (decision.GiveUp)
            {
                logger.LogError("Outbox message {OutboxId} ({Kind}) for booking {Reference} failed for good after {Attempts} tries: {Error}",
                    message.Id, message.Kind, reference, attempts, failure.Description);
            }
            else
            {
                logger.LogWarning("Outbox message {OutboxId} ({Kind}) for booking {Reference} not sent (try {Attempts}), next try at {NextAttemptUtc:o}: {Error}",
                    message.Id, message.Kind, reference, attempts, decision.NextAttemptUtc, failure.Description);
            }

            return status;
        }

        await FinishAsync(message.Id, claim, OutboxStatus.Sent, message.Attempts + 1, null, CancellationToken.None);
        logger.LogInformation("Outbox message {OutboxId} ({Kind}) for booking {Reference} sent", message.Id, message.Kind, reference);
        return OutboxStatus.Sent;
    }

    /// <summary>A reminder goes only while its visit is confirmed, still at the same time and still ahead.</summary>
    private bool ReminderStillWanted(OutboxMessage message, VisitState? visit) =>
        visit is not null
        && visit.Status == AppointmentStatus.Confirmed
        && visit.StartUtc == message.AppointmentStartUtc
        && visit.StartUtc > time.GetUtcNow().UtcDateTime;

    private sealed record VisitState(string Reference, AppointmentStatus Status, DateTime StartUtc);

    /// <summary>Records the outcome and drops the bodies, which carry manage links and have done their job.</summary>
    private async Task FinishAsync(long id, string claim, OutboxStatus status, int attempts, string? note, CancellationToken cancellationToken)
    {
        DateTime? sentUtc = status == OutboxStatus.Sent ? time.GetUtcNow().UtcDateTime : null;
        var updated = await db.OutboxMessages.Where(m => m.Id == id && m.LeaseOwner == claim)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, status)
                .SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.SentUtc, sentUtc)
                .SetProperty(m => m.LastError, note)
                .SetProperty(m => m.TextBody, string.Empty)
                .SetProperty(m => m.HtmlBody, string.Empty)
                .SetProperty(m => m.CalendarIcs, (string?)null)
                .SetProperty(m => m.ListUnsubscribeUrl, (string?)null)
                .SetProperty(m => m.LeaseOwner, (string?)null)
                .SetProperty(m => m.LeaseUntilUtc, (DateTime?)null), cancellationToken);
        if (updated == 0)
        {
            // The lease ran out while sending and another instance claimed the row; it will find it done.
            await db.OutboxMessages.Where(m => m.Id == id && m.Status == OutboxStatus.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, status).SetProperty(m => m.SentUtc, sentUtc), cancellationToken);
            logger.LogWarning("Outbox message {OutboxId} was finished after its lease ran out", id);
        }
    }
}
