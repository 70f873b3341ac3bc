using Microsoft.EntityFrameworkCore;
using PaulMassage.Web.Infrastructure.Data;
using PaulMassage.Web.Infrastructure.Time;

namespace PaulMassage.Web.Features.Notifications;

public sealed record OutboxRow(
    long Id,
    string KindLabel,
    string ToAddress,
    string Subject,
    string? Reference,
    OutboxStatus Status,
    int Attempts,
    DateTimeOffset LocalCreated,
    DateTimeOffset LocalNextAttempt,
    string? LastError);

public sealed record OutboxPage(int PendingCount, int FailedCount, int SentLastWeek, IReadOnlyList<OutboxRow> Failed, IReadOnlyList<OutboxRow> Pending, string? Message);

/// <summary>The back office's view of the outbox: what is waiting, what failed, and retrying it.</summary>
public sealed class OutboxAdmin(AppDbContext db, PracticeClock clock, ILogger<OutboxAdmin> logger)
{
    private const int ListLimit = 100;

    public async Task<OutboxPage> PageAsync(string? message, CancellationToken cancellationToken = default)
    {
        var now = clock.UtcNow;
        var weekAgo = now.AddDays(-7);
        var counts = await db.OutboxMessages.AsNoTracking()
            .GroupBy(m => m.Status)
            .Select(g => new { Status = g.Key, Count = g.Count(), Recent = g.Count(m => m.SentUtc >= weekAgo) })
            .ToListAsync(cancellationToken);
        var rows = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Failed || m.Status == OutboxStatus.Pending)
            .OrderByDescending(m => m.Status).ThenBy(m => m.NextAttemptUtc).ThenBy(m => m.Id)
            .Take(ListLimit * 2)
            .Select(m => new
            {
                m.Id, m.Kind, m.ToAddress, m.Subject, Reference = m.Appointment == null ? null : m.Appointment.Reference,
                m.Status, m.Attempts, m.CreatedUtc, m.NextAttemptUtc, m.LastError,
            })
            .ToListAsync(cancellationToken);
        var list = rows.Select(r => new OutboxRow(
            r.Id, KindLabel(r.Kind), r.ToAddress, r.Subject, r.Reference, r.Status, r.Attempts,
            clock.ToLocal(r.CreatedUtc), clock.ToLocal(r.NextAttemptUtc), r.LastError)).ToList();
        return new OutboxPage(
            counts.SingleOrDefault(c => c.Status == OutboxStatus.Pending)?.Count ?? 0,
            counts.SingleOrDefault(c => c.Status == OutboxStatus.Failed)?.Count ?? 0,
            counts.SingleOrDefault(c => c.Status == OutboxStatus.Sent)?.Recent ?? 0,
            list.Where(r => r.Status == OutboxStatus.Failed).Take(ListLimit).ToList(),
            list.Where(r => r.Status == OutboxStatus.Pending).Take(ListLimit).ToList(),
            message);
    }

    /// <summary>Puts a failed or waiting message back at the front of the queue with a fresh set of tries.</summary>
    public async Task<bool> RetryAsync(long id, CancellationToken cancellationToken = default)
    {
        var updated = await RequeueAsync(db.OutboxMessages.Where(m => m.Id == id && (m.Status == OutboxStatus.Failed || m.Status == OutboxStatus.Pending)), cancellationToken);
        if (updated > 0)
        {
            logger.LogInformation("Outbox message {OutboxId} put back in the queue by the therapist", id);
        }

        return updated > 0;
    }

    public async Task<int> RetryAllFailedAsync(CancellationToken cancellationToken = default)
    {
        var updated = await RequeueAsync(db.OutboxMessages.Where(m => m.Status == OutboxStatus.Failed), cancellationToken);
        logger.LogInformation("{Count} failed outbox messages put back in the queue by the therapist", updated);
        return updated;
    }

    private Task<int> RequeueAsync(IQueryable<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        return messages.ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, OutboxStatus.Pending)
            .SetProperty(m => m.Attempts, 0)
            .SetProperty(m => m.NextAttemptUtc, now), cancellationToken);
    }

    public static string KindLabel(NotificationKind kind) => kind switch
    {
        NotificationKind.RequestReceived => "Request received",
        NotificationKind.Confirmed => "Confirmation",
        NotificationKind.Declined => "Declined",
        NotificationKind.AlternativeProposed => "Other time suggested",
        NotificationKind.Cancelled => "Cancellation",
        NotificationKind.Moved => "Visit moved",
        NotificationKind.Reminder => "Reminder",
        NotificationKind.Aftercare => "Aftercare",
        NotificationKind.NewManageLink => "New booking link",
        NotificationKind.OnMyWay => "On my way",
        NotificationKind.CheckIn => "Check-in before a visit",
        NotificationKind.TherapistNewRequest => "To you: new request",
        NotificationKind.TherapistCancelled => "To you: cancellation",
        NotificationKind.TherapistMoved => "To you: visit moved",
        NotificationKind.TherapistNotMe => "To you: \"this was not me\"",
        NotificationKind.TherapistAccepted => "To you: proposed time accepted",
        NotificationKind.TherapistErasureRequested => "To you: erasure requested",
        NotificationKind.TherapistCheckInAlert => "To you: a check-in needs a look",
        NotificationKind.AccountConfirmation => "Account confirmation",
        NotificationKind.PasswordReset => "Password reset",
        _ => kind.ToString(),
    };
}
