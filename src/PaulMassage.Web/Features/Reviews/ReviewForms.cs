using Microsoft.EntityFrameworkCore;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Scheduling;
using PaulMassage.Web.Features.Site;
using PaulMassage.Web.Infrastructure.Data;
using PaulMassage.Web.Infrastructure.Time;

namespace PaulMassage.Web.Features.Reviews;

/// <summary>What the review form shows of the visit: enough to recognise it, nothing of its health data.</summary>
public sealed record ReviewVisit(string ServiceName, DateTimeOffset LocalStart, string SuggestedFirstName, string Area);

/// <summary>What became of a review sent through its link.</summary>
public enum ReviewSubmitted
{
    /// <summary>Kept, and waiting for Paul to publish it.</summary>
    Waiting,

    /// <summary>Kept for Paul only: the client did not agree to publication.</summary>
    Private,

    /// <summary>The form has mistakes; nothing was stored.</summary>
    Invalid,

    /// <summary>The link is unknown, used or expired.</summary>
    NotFound,
}

/// <summary>
/// The review form behind the one-time link. The token is the only way in: its SHA-256 finds the
/// invitation, which must be unused and unexpired, so another client's guess, a stale link or a used
/// one finds nothing.
/// </summary>
public sealed class ReviewForms(AppDbContext db, PracticeClock clock, ILogger<ReviewForms> logger)
{
    public async Task<ReviewVisit?> FindAsync(string token, CancellationToken cancellationToken = default)
    {
        var review = await UsableAsync(token, cancellationToken);
        return review is null ? null : Visit(review);
    }

    public async Task<(ReviewSubmitted Outcome, IReadOnlyList<FieldError> Errors)> SubmitAsync(string token, ReviewInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var review = await UsableAsync(token, cancellationToken);
        if (review is null)
        {
            return (ReviewSubmitted.NotFound, []);
        }

        var (values, errors) = ReviewRules.Validate(input, Visit(review).Area);
        if (values is null)
        {
            return (ReviewSubmitted.Invalid, errors);
        }

        review.Submit(values, clock.UtcNow);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Review {ReviewId} of booking {Reference} written ({Status})", review.Id, review.Appointment!.Reference, review.Status);
        return (values.ConsentToPublish ? ReviewSubmitted.Waiting : ReviewSubmitted.Private, []);
    }

    private async Task<Review?> UsableAsync(string token, CancellationToken cancellationToken)
    {
        var hash = ManageToken.Hash(token);
        var review = await db.Reviews
            .Include(r => r.Appointment).ThenInclude(a => a!.Client)
            .Include(r => r.Appointment).ThenInclude(a => a!.Service)
            .SingleOrDefaultAsync(r => r.TokenHash == hash, cancellationToken);
        return review is not null && review.MayBeWritten(clock.UtcNow) && review.Appointment!.Client!.ErasedUtc is null ? review : null;
    }

    private ReviewVisit Visit(Review review)
    {
        var visit = review.Appointment!;
        var area = UkPostcode.TryParse(visit.Postcode, out var postcode) ? postcode.District : string.Empty;
        return new ReviewVisit(visit.Service!.Name, clock.ToLocal(visit.StartUtc), ReviewRules.FirstNameOf(visit.Client!.Name), area);
    }
}
