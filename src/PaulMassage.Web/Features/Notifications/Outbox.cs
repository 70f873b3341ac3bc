using Microsoft.Extensions.Options;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Site;
using PaulMassage.Web.Infrastructure.Data;

namespace PaulMassage.Web.Features.Notifications;

/// <summary>
/// Adds messages to the outbox in the caller's DbContext. Nothing is written until the caller's
/// SaveChanges, so a message exists exactly when the change that caused it does. After a save that
/// included messages the background sender is woken up, so mail leaves within moments.
/// </summary>
public sealed class Outbox(AppDbContext db, TimeProvider time, IOptions<EmailOptions> email, IOptions<PracticeOptions> practice, OutboxSignal signal)
{
    private bool watchingSaves;

    public string FromAddress => email.Value.SenderAddress(practice.Value);

    public string TherapistAddress => email.Value.TherapistRecipient(practice.Value);

    public OutboxMessage Add(NotificationKind kind, string toAddress, string? toName, EmailContent content, OutboxExtras? extras = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(toAddress);
        ArgumentNullException.ThrowIfNull(content);
        var now = time.GetUtcNow().UtcDateTime;
        var message = new OutboxMessage
        {
            Kind = kind,
            ToAddress = toAddress.Trim(),
            ToName = toName,
            ReplyTo = extras?.ReplyTo ?? practice.Value.Email,
            Subject = content.Subject,
            TextBody = content.Text,
            HtmlBody = content.Html,
            CalendarIcs = extras?.CalendarIcs,
            CalendarMethod = extras?.CalendarIcs is null ? null : extras.CalendarMethod,
            Appointment = extras?.Appointment,
            AppointmentStartUtc = extras?.Appointment?.StartUtc,
            DedupKey = extras?.DedupKey,
            ListUnsubscribeUrl = extras?.ListUnsubscribeUrl,
            MessageId = MessageIds.New(FromAddress),
            Status = OutboxStatus.Pending,
            CreatedUtc = now,
            NextAttemptUtc = now,
        };
        db.OutboxMessages.Add(message);
        if (!watchingSaves)
        {
            db.SavedChanges += (_, _) => signal.Notify();
            watchingSaves = true;
        }

        return message;
    }
}

/// <summary>The optional parts of an outbox message.</summary>
public sealed record OutboxExtras
{
    /// <summary>The visit it is about; tracked, so a new visit's id is filled in on save.</summary>
    public Appointment? Appointment { get; init; }

    public string? ReplyTo { get; init; }

    public string? CalendarIcs { get; init; }

    public string? CalendarMethod { get; init; }

    public string? DedupKey { get; init; }

    /// <summary>The one-click unsubscribe address, sent as the List-Unsubscribe headers.</summary>
    public string? ListUnsubscribeUrl { get; init; }
}

/// <summary>Wakes the background sender when new messages were saved (one per process).</summary>
public sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim semaphore = new(0, 1);

    public void Notify()
    {
        try
        {
            semaphore.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled; one wake-up covers every message saved meanwhile.
        }
        catch (ObjectDisposedException)
        {
            // The site is shutting down; the next start sends what is waiting.
        }
    }

    /// <summary>Waits for a signal or the timeout, whichever comes first.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => semaphore.WaitAsync(timeout, cancellationToken);

    public void Dispose() => semaphore.Dispose();
}
