using PaulMassage.Web.Features.Site;

namespace PaulMassage.Web.Features.Reviews;

/// <summary>A review as the client typed it.</summary>
public sealed record ReviewInput(int? Rating, string? Text, bool ConsentToPublish, string? FirstName);

/// <summary>A valid review, ready for <see cref="Review.Submit"/>.</summary>
public sealed record ReviewValues(int Rating, string Text, bool ConsentToPublish, string? FirstName, string? Area);

/// <summary>An earlier invitation for a visit of the same client record: when, and for which course.</summary>
public sealed record EarlierInvitation(DateTime InvitedUtc, int? CourseId);

/// <summary>Why an after-visit e-mail does or does not ask for a review.</summary>
public enum InvitationDecision
{
    Invite,
    OptedOut,
    AskedThisCourse,
    AskedRecently,
}

/// <summary>The rules of reviews: when to ask, and what a written review must hold. Pure.</summary>
public static class ReviewRules
{
    /// <summary>At most one invitation per this many months for a client record.</summary>
    public const int MonthsBetweenInvitations = 3;

    /// <summary>
    /// Ask for a review only when the client has not opted out, was not asked during this course of
    /// treatment, and was not asked in the last three months: at most once per course and per three months.
    /// </summary>
    public static InvitationDecision ShouldInvite(bool optedOut, IEnumerable<EarlierInvitation> earlier, int? courseId, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        if (optedOut)
        {
            return InvitationDecision.OptedOut;
        }

        var list = earlier.ToList();
        if (courseId is int course && list.Any(e => e.CourseId == course))
        {
            return InvitationDecision.AskedThisCourse;
        }

        var since = nowUtc.AddMonths(-MonthsBetweenInvitations);
        return list.Any(e => e.InvitedUtc > since) ? InvitationDecision.AskedRecently : InvitationDecision.Invite;
    }

    /// <summary>Checks the form: 1 to 5 stars, some words, and a first name when the client agrees to publication.</summary>
    public static (ReviewValues? Values, IReadOnlyList<FieldError> Errors) Validate(ReviewInput input, string area)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<FieldError>();
        if (input.Rating is not (>= 1 and <= 5))
        {
            errors.Add(new FieldError("Rating", "Choose from 1 to 5 stars."));
        }

        var text = input.Text?.Trim() ?? string.Empty;
        if (text.Length < Review.TextMinLength)
        {
            errors.Add(new FieldError("Text", $"Write a few words about the visit (at least {Review.TextMinLength} characters)."));
        }
        else if (text.Length > Review.TextMaxLength)
        {
            errors.Add(new FieldError("Text", $"Keep the review to {Review.TextMaxLength:N0} characters; it has {text.Length:N0}."));
        }

        var firstName = input.FirstName?.Trim();
        if (input.ConsentToPublish && string.IsNullOrEmpty(firstName))
        {
            errors.Add(new FieldError("FirstName", "Enter the first name to show with your review, or untick the box to keep it private."));
        }
        else if (firstName is { Length: > Review.FirstNameMaxLength })
        {
            errors.Add(new FieldError("FirstName", $"Keep the name to {Review.FirstNameMaxLength} characters."));
        }

        return errors.Count > 0
            ? (null, errors)
            : (new ReviewValues(input.Rating!.Value, text, input.ConsentToPublish, input.ConsentToPublish ? firstName : null, input.ConsentToPublish ? area : null), errors);
    }

    /// <summary>The first word of a name, to suggest as the name shown.</summary>
    public static string FirstNameOf(string? name) =>
        (name ?? string.Empty).Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? string.Empty;

    /// <summary>What the therapist reads for each reason.</summary>
    public static string Describe(HoldBackReason reason) => reason switch
    {
        HoldBackReason.PersonalOrHealthDetails => "It gives personal or health details that should not be public",
        HoldBackReason.Abuse => "It is abusive",
        HoldBackReason.NotARealClient => "It was not written by a real client",
        _ => throw new ArgumentOutOfRangeException(nameof(reason)),
    };

    public static IReadOnlyList<HoldBackReason> Reasons { get; } = Enum.GetValues<HoldBackReason>();
}
