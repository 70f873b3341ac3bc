using PaulMassage.Web.Features.Reviews;

namespace PaulMassage.UnitTests.Features.Reviews;

/// <summary>When the after-visit e-mail asks for a review, and what a written review must hold.</summary>
public sealed class ReviewRulesTests
{
    private static readonly DateTime Now = new(2027, 6, 15, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void a_client_never_asked_and_not_opted_out_is_invited()
    {
        Assert.Equal(InvitationDecision.Invite, ReviewRules.ShouldInvite(false, [], courseId: null, Now));
        Assert.Equal(InvitationDecision.Invite, ReviewRules.ShouldInvite(false, [], courseId: 7, Now));
    }

    [Fact]
    public void a_client_who_opted_out_is_never_invited()
    {
        Assert.Equal(InvitationDecision.OptedOut, ReviewRules.ShouldInvite(true, [], courseId: null, Now));
        Assert.Equal(InvitationDecision.OptedOut, ReviewRules.ShouldInvite(true, [new(Now.AddYears(-2), null)], courseId: 3, Now));
    }

    [Fact]
    public void a_client_is_asked_at_most_once_in_three_months()
    {
        Assert.Equal(InvitationDecision.AskedRecently, ReviewRules.ShouldInvite(false, [new(Now.AddDays(-10), null)], null, Now));
        Assert.Equal(InvitationDecision.AskedRecently, ReviewRules.ShouldInvite(false, [new(Now.AddMonths(-3).AddMinutes(1), null)], null, Now));
        Assert.Equal(InvitationDecision.Invite, ReviewRules.ShouldInvite(false, [new(Now.AddMonths(-3), null)], null, Now));
        Assert.Equal(InvitationDecision.Invite, ReviewRules.ShouldInvite(false, [new(Now.AddMonths(-4), null)], null, Now));
    }

    [Fact]
    public void a_client_is_asked_at_most_once_per_course_however_long_it_lasts()
    {
        EarlierInvitation[] earlier = [new(Now.AddMonths(-5), CourseId: 4)];

        Assert.Equal(InvitationDecision.AskedThisCourse, ReviewRules.ShouldInvite(false, earlier, courseId: 4, Now));
        Assert.Equal(InvitationDecision.Invite, ReviewRules.ShouldInvite(false, earlier, courseId: 5, Now)); // a new course, months later
        Assert.Equal(InvitationDecision.Invite, ReviewRules.ShouldInvite(false, earlier, courseId: null, Now));
    }

    [Fact]
    public void a_new_course_within_three_months_of_the_last_invitation_still_waits()
    {
        Assert.Equal(InvitationDecision.AskedRecently, ReviewRules.ShouldInvite(false, [new(Now.AddDays(-20), CourseId: 4)], courseId: 5, Now));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    [InlineData(6)]
    public void a_rating_is_one_to_five_stars(int? rating)
    {
        var (values, errors) = ReviewRules.Validate(new ReviewInput(rating, "Paul sorted my back out in two visits.", false, null), "SE1");

        Assert.Null(values);
        Assert.Equal("Rating", Assert.Single(errors).Field);
    }

    [Fact]
    public void the_words_are_needed_and_kept_within_bounds()
    {
        Assert.Equal("Text", Assert.Single(ReviewRules.Validate(new ReviewInput(5, "Good", false, null), "SE1").Errors).Field);
        Assert.Equal("Text", Assert.Single(ReviewRules.Validate(new ReviewInput(5, new string('a', Review.TextMaxLength + 1), false, null), "SE1").Errors).Field);
    }

    [Fact]
    public void consent_to_publish_needs_a_first_name_and_takes_the_area_of_the_visit()
    {
        Assert.Equal("FirstName", Assert.Single(ReviewRules.Validate(new ReviewInput(4, "Helpful and on time.", true, " "), "SE1").Errors).Field);

        var (values, errors) = ReviewRules.Validate(new ReviewInput(4, "  Helpful and on time.  ", true, " Ann "), "SE1");

        Assert.Empty(errors);
        Assert.Equal(new ReviewValues(4, "Helpful and on time.", true, "Ann", "SE1"), values);
    }

    [Fact]
    public void without_consent_no_name_or_area_is_kept()
    {
        var (values, _) = ReviewRules.Validate(new ReviewInput(2, "It did not help my back.", false, "Ann"), "SE1");

        Assert.Equal(new ReviewValues(2, "It did not help my back.", false, null, null), values);
    }

    [Fact]
    public void the_reasons_to_hold_back_are_the_stated_three_and_none_is_about_the_rating()
    {
        Assert.Equal([HoldBackReason.PersonalOrHealthDetails, HoldBackReason.Abuse, HoldBackReason.NotARealClient], ReviewRules.Reasons);
        Assert.DoesNotContain(Enum.GetNames<HoldBackReason>(), n => n.Contains("negative", StringComparison.OrdinalIgnoreCase) || n.Contains("rating", StringComparison.OrdinalIgnoreCase));
    }
}
