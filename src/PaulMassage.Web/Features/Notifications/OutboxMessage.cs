using PaulMassage.Web.Features.Booking;

namespace PaulMassage.Web.Features.Notifications;

public enum OutboxStatus
{
    /// <summary>Waiting to be sent (first try or a retry).</summary>
    Pending = 0,

    /// <summary>Handed to the mail server (or written to the pickup folder).</summary>
    Sent = 1,

    /// <summary>Gave up after the last try or a permanent refusal; the therapist can retry it.</summary>
    Failed = 2,

    /// <summary>No longer wanted, for example a reminder for a visit that was cancelled meanwhile.</summary>
    Skipped = 3,
}

public enum NotificationKind
{
    RequestReceived = 0,
    Confirmed = 1,
    Declined = 2,
    AlternativeProposed = 3,
    Cancelled = 4,
    Moved = 5,
    Reminder = 6,
    Aftercare = 7,
    NewManageLink = 8,
    OnMyWay = 9,
    CheckIn = 10,
    SeriesBooked = 15,
    TherapistNewRequest = 20,
    TherapistCancelled = 21,
    TherapistMoved = 22,
    TherapistNotMe = 23,
    TherapistAccepted = 24,
    TherapistErasureRequested = 25,
    TherapistCheckInAlert = 26,
    AccountConfirmation = 40,
    PasswordReset = 41,
}

/// <summary>
/// One e-mail in the transactional outbox. It is written in the same SaveChanges as the booking
/// change that causes it, so either both happen or neither; the background sender delivers it later.
/// Holds no health data. The bodies are cleared once sent, because they carry manage links.
/// </summary>
public class OutboxMessage
{
    public long Id { get; set; }

    public NotificationKind Kind { get; set; }

    /// <summary>The visit the message is about, if any (for the back office and for reminder checks).</summary>
    public int? AppointmentId { get; set; }

    public Appointment? Appointment { get; set; }

    /// <summary>The visit's start the message speaks of; a reminder whose visit has moved is skipped.</summary>
    public DateTime? AppointmentStartUtc { get; set; }

    /// <summary>Unique when set, so that a message that must exist once (a reminder) cannot be queued twice.</summary>
    public string? DedupKey { get; set; }

    public required string ToAddress { get; set; }

    public string? ToName { get; set; }

    /// <summary>Where a reply goes: the practice for clients' e-mails, the client for the therapist's.</summary>
    public string? ReplyTo { get; set; }

    public required string Subject { get; set; }

    public required string TextBody { get; set; }

    public required string HtmlBody { get; set; }

    /// <summary>An iCalendar invitation (or cancellation) attached as visit.ics, if any.</summary>
    public string? CalendarIcs { get; set; }

    /// <summary>The iCalendar METHOD of <see cref="CalendarIcs"/>: REQUEST or CANCEL.</summary>
    public string? CalendarMethod { get; set; }

    /// <summary>
    /// The one-click unsubscribe address of a message that asks for something the client may decline
    /// (a review): sent as the List-Unsubscribe and List-Unsubscribe-Post headers (RFC 8058), and
    /// cleared with the bodies once sent, since it carries a secret.
    /// </summary>
    public string? ListUnsubscribeUrl { get; set; }

    /// <summary>Fixed when queued and kept across retries, so a receiver can recognise a duplicate.</summary>
    public required string MessageId { get; set; }

    public OutboxStatus Status { get; set; } = OutboxStatus.Pending;

    public int Attempts { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime NextAttemptUtc { get; set; }

    /// <summary>What went wrong last, in our own words: never a server's text, never personal data.</summary>
    public string? LastError { get; set; }

    public DateTime? SentUtc { get; set; }

    /// <summary>The claim of the sender instance working on it; others keep off until the lease ends.</summary>
    public string? LeaseOwner { get; set; }

    public DateTime? LeaseUntilUtc { get; set; }
}
