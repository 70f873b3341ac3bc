using PaulMassage.Web.Features.Reviews;

namespace PaulMassage.UnitTests.Features.Reviews;

/// <summary>A review's life: one-time link, consent before publication, held back only for a stated reason.</summary>
public sealed class ReviewTests
{
    private static readonly DateTime Invited = new(2027, 3, 2, 12, 0, 0, DateTimeKind.Utc);

    private static Review Invite() => Review.Invite(appointmentId: 1, courseId: null, new string('a', 64), new string('b', 64), Invited);

    private static ReviewValues WithConsent(int rating = 5) => new(rating, "Paul sorted my back out.", true, "Ann", "SE1");

    private static ReviewValues Private(int rating = 1) => new(rating, "It did not help at all.", false, null, null);

    [Fact]
    public void the_link_works_until_it_expires_after_sixty_days()
    {
        var review = Invite();

        Assert.Equal(TimeSpan.FromDays(60), Review.LinkLifetime);
        Assert.True(review.MayBeWritten(Invited.AddDays(59)));
        Assert.False(review.MayBeWritten(Invited.AddDays(60)));
        Assert.Throws<InvalidOperationException>(() => review.Submit(WithConsent(), Invited.AddDays(61)));
        Assert.Equal(ReviewStatus.Invited, review.Status);
    }

    [Fact]
    public void the_link_works_once()
    {
        var review = Invite();
        review.Submit(WithConsent(), Invited.AddDays(1));

        Assert.False(review.MayBeWritten(Invited.AddDays(1)));
        Assert.Throws<InvalidOperationException>(() => review.Submit(WithConsent(1), Invited.AddDays(2)));
        Assert.Equal(5, review.Rating);
    }

    [Fact]
    public void a_review_with_consent_waits_for_paul_and_one_without_stays_private_and_cannot_be_published()
    {
        var waiting = Invite();
        waiting.Submit(WithConsent(), Invited.AddDays(1));
        var kept = Invite();
        kept.Submit(Private(), Invited.AddDays(1));

        Assert.Equal((ReviewStatus.Waiting, true, "Ann", "SE1"), (waiting.Status, waiting.MayPublish, waiting.FirstName, waiting.Area));
        Assert.Equal((ReviewStatus.Private, false, false), (kept.Status, kept.MayPublish, kept.MayHoldBack));
        Assert.Throws<InvalidOperationException>(() => kept.Publish(Invited.AddDays(2)));
        Assert.Equal(ReviewStatus.Private, kept.Status);
    }

    [Fact]
    public void an_unwritten_review_can_be_neither_published_nor_held_back_nor_replied_to()
    {
        var review = Invite();

        Assert.Throws<InvalidOperationException>(() => review.Publish(Invited));
        Assert.Throws<InvalidOperationException>(() => review.HoldBack(HoldBackReason.Abuse, Invited));
        Assert.Throws<InvalidOperationException>(() => review.SetReply("Thanks", Invited));
    }

    [Fact]
    public void a_negative_review_with_consent_is_published_like_any_other()
    {
        var review = Invite();
        review.Submit(new ReviewValues(1, "It did not help at all.", true, "Bob", "N1"), Invited.AddDays(1));

        review.Publish(Invited.AddDays(2));

        Assert.Equal(ReviewStatus.Published, review.Status);
    }

    [Fact]
    public void holding_back_needs_one_of_the_stated_reasons()
    {
        var review = Invite();
        review.Submit(WithConsent(1), Invited.AddDays(1));

        Assert.Throws<ArgumentOutOfRangeException>(() => review.HoldBack((HoldBackReason)0, Invited.AddDays(2)));
        Assert.Throws<ArgumentOutOfRangeException>(() => review.HoldBack((HoldBackReason)99, Invited.AddDays(2)));
        Assert.Equal(ReviewStatus.Waiting, review.Status);

        review.HoldBack(HoldBackReason.PersonalOrHealthDetails, Invited.AddDays(2));

        Assert.Equal((ReviewStatus.HeldBack, HoldBackReason.PersonalOrHealthDetails), (review.Status, review.HoldReason));
    }

    [Fact]
    public void a_held_back_review_can_be_published_later_and_a_published_one_held_back()
    {
        var review = Invite();
        review.Submit(WithConsent(), Invited.AddDays(1));
        review.HoldBack(HoldBackReason.NotARealClient, Invited.AddDays(2));

        review.Publish(Invited.AddDays(3));
        Assert.Equal((ReviewStatus.Published, (HoldBackReason?)null), (review.Status, review.HoldReason));
        Assert.False(review.MayPublish);

        review.HoldBack(HoldBackReason.Abuse, Invited.AddDays(4));
        Assert.Equal(ReviewStatus.HeldBack, review.Status);
    }

    [Fact]
    public void paul_replies_and_a_blank_reply_removes_it()
    {
        var review = Invite();
        review.Submit(WithConsent(), Invited.AddDays(1));

        review.SetReply("  Thank you, Ann.  ", Invited.AddDays(2));
        Assert.Equal(("Thank you, Ann.", (DateTime?)Invited.AddDays(2)), (review.Reply, review.RepliedUtc));

        review.SetReply(" ", Invited.AddDays(3));
        Assert.Equal((null, (DateTime?)null), (review.Reply, review.RepliedUtc));

        Assert.Throws<ArgumentOutOfRangeException>(() => review.SetReply(new string('x', Review.ReplyMaxLength + 1), Invited.AddDays(3)));
    }
}
