using Microsoft.EntityFrameworkCore;
using PaulMassage.Web.Features.Site;
using PaulMassage.Web.Infrastructure.Data;
using PaulMassage.Web.Infrastructure.Time;

namespace PaulMassage.Web.Features.Reviews;

/// <summary>A written review as Paul sees it on the moderation page.</summary>
public sealed record ModerationRow(
    int Id,
    ReviewStatus Status,
    int Rating,
    string Text,
    bool ConsentToPublish,
    string? FirstName,
    string? Area,
    string ServiceName,
    string Reference,
    int AppointmentId,
    DateTimeOffset LocalSubmitted,
    HoldBackReason? HoldReason,
    string? Reply,
    bool MayPublish,
    bool MayHoldBack);

public sealed record ModerationOutcome(bool Done, string Message);

/// <summary>
/// Paul's side of reviews: read them, publish, hold back for a stated reason, reply. Each change is
/// the review's own method; the public pages are refreshed after each.
/// </summary>
public sealed class ReviewModeration(AppDbContext db, PracticeClock clock, PublicContentChanged publicContent, ILogger<ReviewModeration> logger)
{
    /// <summary>Every written review: those waiting first, then the newest.</summary>
    public async Task<IReadOnlyList<ModerationRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        // The text is encrypted, so the rows are read and put in order in memory: a practice has a handful.
        var reviews = await db.Reviews.AsNoTracking()
            .Where(r => r.Status != ReviewStatus.Invited)
            .Include(r => r.Appointment).ThenInclude(a => a!.Service)
            .ToListAsync(cancellationToken);
        return reviews
            .OrderBy(r => r.Status == ReviewStatus.Waiting ? 0 : 1)
            .ThenByDescending(r => r.SubmittedUtc)
            .Select(r => new ModerationRow(r.Id, r.Status, r.Rating ?? 0, r.Text ?? string.Empty, r.ConsentToPublish, r.FirstName, r.Area,
                r.Appointment!.Service!.Name, r.Appointment.Reference, r.AppointmentId, clock.ToLocal(r.SubmittedUtc ?? r.InvitedUtc),
                r.HoldReason, r.Reply, r.MayPublish, r.MayHoldBack))
            .ToList();
    }

    public Task<int> WaitingCountAsync(CancellationToken cancellationToken = default) =>
        db.Reviews.CountAsync(r => r.Status == ReviewStatus.Waiting, cancellationToken);

    public Task<ModerationOutcome> PublishAsync(int id, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, r => r.MayPublish
            ? null
            : r.ConsentToPublish ? "This review is already published." : "The client did not agree to publication, so this review stays private.",
            r => r.Publish(clock.UtcNow), "Published. It is on the home page, the reviews page and its treatment's page.", cancellationToken);

    /// <summary>Holds a review back for one of the stated reasons; anything else (no reason, or one not on the list) is refused.</summary>
    public Task<ModerationOutcome> HoldBackAsync(int id, HoldBackReason? reason, CancellationToken cancellationToken = default)
    {
        if (reason is not HoldBackReason stated || !Enum.IsDefined(stated))
        {
            return Task.FromResult(new ModerationOutcome(false,
                "Choose one of the stated reasons. A review may not be held back for being negative; nothing changed."));
        }

        return ChangeAsync(id, r => r.MayHoldBack ? null : "Only a review waiting or published can be held back.",
            r => r.HoldBack(stated, clock.UtcNow), $"Held back: {ReviewRules.Describe(stated)}.", cancellationToken);
    }

    public Task<ModerationOutcome> ReplyAsync(int id, string? reply, CancellationToken cancellationToken = default)
    {
        if (reply is { } text && text.Trim().Length > Review.ReplyMaxLength)
        {
            return Task.FromResult(new ModerationOutcome(false, $"Keep the reply to {Review.ReplyMaxLength:N0} characters; nothing changed."));
        }

        return ChangeAsync(id, r => r.MayReply ? null : "There is nothing to reply to yet.",
            r => r.SetReply(reply, clock.UtcNow), string.IsNullOrWhiteSpace(reply) ? "Reply removed." : "Reply saved; it shows under the review once published.", cancellationToken);
    }

    private async Task<ModerationOutcome> ChangeAsync(int id, Func<Review, string?> whyNot, Action<Review> change, string done, CancellationToken cancellationToken)
    {
        var review = await db.Reviews.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (review is null)
        {
            return new ModerationOutcome(false, "There is no such review.");
        }

        if (whyNot(review) is { } refused)
        {
            return new ModerationOutcome(false, refused);
        }

        change(review);
        await db.SaveChangesAsync(cancellationToken);
        await publicContent.NotifyAsync("reviews", cancellationToken);
        logger.LogInformation("Review {ReviewId} is now {Status}", review.Id, review.Status);
        return new ModerationOutcome(true, done);
    }
}
