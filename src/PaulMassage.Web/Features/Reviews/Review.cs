using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Infrastructure.Data.Encryption;

namespace PaulMassage.Web.Features.Reviews;

/// <summary>Where a review stands.</summary>
public enum ReviewStatus
{
    /// <summary>The one-time link went out with the after-visit e-mail; nothing written yet.</summary>
    Invited = 0,

    /// <summary>Written without consent to show the first name and area: Paul reads it, the public never does.</summary>
    Private = 1,

    /// <summary>Written with consent to publish, waiting for Paul.</summary>
    Waiting = 2,

    Published = 3,

    /// <summary>Held back by Paul for one of the stated reasons (<see cref="HoldBackReason"/>).</summary>
    HeldBack = 4,
}

/// <summary>
/// The only reasons Paul may hold a review back. There is deliberately no reason for a review being
/// negative or unwelcome: the Digital Markets, Competition and Consumers Act 2024 forbids suppressing
/// negative reviews.
/// </summary>
public enum HoldBackReason
{
    /// <summary>It names someone or gives health or other personal details that should not be public.</summary>
    PersonalOrHealthDetails = 1,

    /// <summary>Abusive, threatening or obscene words.</summary>
    Abuse = 2,

    /// <summary>Not written by a real client about a real visit.</summary>
    NotARealClient = 3,
}

/// <summary>
/// A client's review of one visit, from the invitation in the after-visit e-mail to publication.
/// The link's secret is stored only as its SHA-256 (like the manage link), works for
/// <see cref="LinkLifetime"/> and once. Every change goes through the methods below, which enforce
/// the rules: published only with the client's consent to show their first name and area, held back
/// only for a stated reason.
/// </summary>
public class Review
{
    public const int TextMaxLength = 2000;
    public const int TextMinLength = 10;
    public const int FirstNameMaxLength = 50;
    public const int ReplyMaxLength = 1000;

    /// <summary>How long the link in the e-mail can be used.</summary>
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromDays(60);

    public int Id { get; private set; }

    /// <summary>The visit reviewed (one review per visit).</summary>
    public int AppointmentId { get; private set; }

    public Appointment? Appointment { get; private set; }

    /// <summary>The course of treatment the visit counted towards when invited, if any: a client is invited once per course.</summary>
    public int? CourseId { get; private set; }

    public string TokenHash { get; private set; } = string.Empty;

    /// <summary>The SHA-256 of the secret in the invitation's "stop asking me" link, which keeps working after the review is written.</summary>
    public string UnsubscribeTokenHash { get; private set; } = string.Empty;

    public DateTime InvitedUtc { get; private set; }

    public DateTime ExpiresUtc { get; private set; }

    public ReviewStatus Status { get; private set; }

    public DateTime? SubmittedUtc { get; private set; }

    /// <summary>1 to 5 stars.</summary>
    public int? Rating { get; private set; }

    /// <summary>The client's words; may hold health details until Paul reads it, so encrypted at rest.</summary>
    [Encrypted]
    public string? Text { get; private set; }

    /// <summary>The client agreed to show <see cref="FirstName"/> and <see cref="Area"/> with the review, and to its publication.</summary>
    public bool ConsentToPublish { get; private set; }

    public string? FirstName { get; private set; }

    /// <summary>The postcode district of the visit, for example "SE1".</summary>
    public string? Area { get; private set; }

    public HoldBackReason? HoldReason { get; private set; }

    public DateTime? ModeratedUtc { get; private set; }

    /// <summary>Paul's public reply, shown under the published review.</summary>
    public string? Reply { get; private set; }

    public DateTime? RepliedUtc { get; private set; }

    public static Review Invite(int appointmentId, int? courseId, string tokenHash, string unsubscribeTokenHash, DateTime nowUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tokenHash);
        ArgumentException.ThrowIfNullOrWhiteSpace(unsubscribeTokenHash);
        return new Review
        {
            AppointmentId = appointmentId,
            CourseId = courseId,
            TokenHash = tokenHash,
            UnsubscribeTokenHash = unsubscribeTokenHash,
            InvitedUtc = nowUtc,
            ExpiresUtc = nowUtc + LinkLifetime,
            Status = ReviewStatus.Invited,
        };
    }

    /// <summary>The link still works: not used, not expired.</summary>
    public bool MayBeWritten(DateTime nowUtc) => Status == ReviewStatus.Invited && nowUtc < ExpiresUtc;

    /// <summary>Paul may publish it: written with consent, and not already published.</summary>
    public bool MayPublish => ConsentToPublish && Status is ReviewStatus.Waiting or ReviewStatus.HeldBack;

    /// <summary>Paul may hold it back (for a stated reason): waiting or published.</summary>
    public bool MayHoldBack => Status is ReviewStatus.Waiting or ReviewStatus.Published;

    /// <summary>Paul may reply once it is written.</summary>
    public bool MayReply => Status != ReviewStatus.Invited;

    /// <summary>The client sends the form (already validated by <see cref="ReviewRules.Validate"/>); the link is used up.</summary>
    public void Submit(ReviewValues values, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (!MayBeWritten(nowUtc))
        {
            throw new InvalidOperationException("This review's link has been used or has expired.");
        }

        if (values.Rating is < 1 or > 5)
        {
            throw new ArgumentOutOfRangeException(nameof(values), "A rating is 1 to 5 stars.");
        }

        Rating = values.Rating;
        Text = values.Text;
        ConsentToPublish = values.ConsentToPublish;
        FirstName = values.ConsentToPublish ? values.FirstName : null;
        Area = values.ConsentToPublish ? values.Area : null;
        SubmittedUtc = nowUtc;
        Status = values.ConsentToPublish ? ReviewStatus.Waiting : ReviewStatus.Private;
    }

    public void Publish(DateTime nowUtc)
    {
        if (!MayPublish)
        {
            throw new InvalidOperationException(ConsentToPublish ? "Only a review waiting or held back can be published." : "The client did not agree to publication.");
        }

        Status = ReviewStatus.Published;
        HoldReason = null;
        ModeratedUtc = nowUtc;
    }

    public void HoldBack(HoldBackReason reason, DateTime nowUtc)
    {
        if (!Enum.IsDefined(reason))
        {
            throw new ArgumentOutOfRangeException(nameof(reason), "Hold a review back only for one of the stated reasons.");
        }

        if (!MayHoldBack)
        {
            throw new InvalidOperationException("Only a review waiting or published can be held back.");
        }

        Status = ReviewStatus.HeldBack;
        HoldReason = reason;
        ModeratedUtc = nowUtc;
    }

    /// <summary>Paul's reply, or none (blank removes it).</summary>
    public void SetReply(string? reply, DateTime nowUtc)
    {
        if (!MayReply)
        {
            throw new InvalidOperationException("There is nothing to reply to yet.");
        }

        reply = string.IsNullOrWhiteSpace(reply) ? null : reply.Trim();
        if (reply is { Length: > ReplyMaxLength })
        {
            throw new ArgumentOutOfRangeException(nameof(reply), $"A reply is at most {ReplyMaxLength} characters.");
        }

        Reply = reply;
        RepliedUtc = reply is null ? null : nowUtc;
    }
}
