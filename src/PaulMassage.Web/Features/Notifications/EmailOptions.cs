using MailKit.Security;
using PaulMassage.Web.Features.Site;

namespace PaulMassage.Web.Features.Notifications;

public enum EmailMode
{
    /// <summary>Each message is written as an .eml file to <see cref="EmailOptions.PickupDirectory"/>.</summary>
    Pickup = 0,

    /// <summary>Each message is sent to the SMTP server in <see cref="EmailOptions.Smtp"/>.</summary>
    Smtp = 1,
}

/// <summary>The "Email" configuration section: how mail leaves the site and how the outbox behaves.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    public EmailMode Mode { get; set; } = EmailMode.Pickup;

    /// <summary>Where Pickup mode writes .eml files; a relative path is under the content root.</summary>
    public string PickupDirectory { get; set; } = "mail";

    /// <summary>The sender address; the practice's e-mail address when empty.</summary>
    public string? FromAddress { get; set; }

    /// <summary>The sender name; the practice's name when empty.</summary>
    public string? FromName { get; set; }

    /// <summary>Where the therapist's notices go; the practice's e-mail address when empty.</summary>
    public string? TherapistAddress { get; set; }

    public SmtpSettings Smtp { get; set; } = new();

    /// <summary>Runs the background sender; tests that drive the outbox by hand switch it off.</summary>
    public bool DispatcherEnabled { get; set; } = true;

    /// <summary>How often the background sender looks for due messages and reminders.</summary>
    public int PollIntervalSeconds { get; set; } = 15;

    /// <summary>How many messages one pass claims at most.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>How long a claim keeps other instances off a message; longer than sending a batch takes.</summary>
    public int LeaseSeconds { get; set; } = 300;

    /// <summary>Tries before a message is marked failed and shown in the back office.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait after the first failure; each further failure doubles it.</summary>
    public int FirstRetryDelaySeconds { get; set; } = 60;

    /// <summary>The longest wait between two tries.</summary>
    public int MaxRetryDelayMinutes { get; set; } = 120;

    /// <summary>Local time (Europe/London) from which the day-before reminders go out.</summary>
    public TimeOnly ReminderTime { get; set; } = new(9, 0);

    /// <summary>Sent messages are deleted after this many days (their bodies are cleared when sent).</summary>
    public int SentRetentionDays { get; set; } = 90;

    /// <summary>
    /// Pickup mode's .eml files are deleted this many days after they were written, by the site's
    /// clock (an erasure deletes the erased client's at once). Keep it no longer than
    /// <see cref="SentRetentionDays"/>: an erasure finds a file through its outbox row.
    /// </summary>
    public int PickupRetentionDays { get; set; } = 30;

    public string SenderAddress(PracticeOptions practice) => string.IsNullOrWhiteSpace(FromAddress) ? practice.Email : FromAddress;

    public string SenderName(PracticeOptions practice) => string.IsNullOrWhiteSpace(FromName) ? practice.Name : FromName;

    public string TherapistRecipient(PracticeOptions practice) => string.IsNullOrWhiteSpace(TherapistAddress) ? practice.Email : TherapistAddress;

    public RetryPolicy RetryPolicy() =>
        new(MaxAttempts, TimeSpan.FromSeconds(FirstRetryDelaySeconds), TimeSpan.FromMinutes(MaxRetryDelayMinutes));
}

public sealed class SmtpSettings
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>None, Auto, SslOnConnect, StartTls or StartTlsWhenAvailable (MailKit's names).</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTls;

    /// <summary>Leave empty for a server that needs no sign-in.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    public int TimeoutSeconds { get; set; } = 30;
}
