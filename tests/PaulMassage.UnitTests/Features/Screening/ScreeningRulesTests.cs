using PaulMassage.Web.Features.Screening;

namespace PaulMassage.UnitTests.Features.Screening;

public sealed class TheScreeningRules
{
    private static ScreeningResult Screen(RedFlag redFlags = RedFlag.None, Contraindication contraindications = Contraindication.None) =>
        ScreeningRules.Screen(new IntakeAnswers(redFlags, contraindications, PainFeeling.MuscleAcheOrTension));

    [Theory]
    [InlineData(RedFlag.SaddleNumbness)]
    [InlineData(RedFlag.NewBladderOrBowelProblems)]
    [InlineData(RedFlag.WorseningLegWeakness)]
    public void stop_the_booking_and_send_to_999_or_a_and_e_for(RedFlag flag)
    {
        var result = Screen(flag);

        Assert.Equal(ScreeningOutcome.Stop, result.Outcome);
        Assert.Equal(MedicalUrgency.Emergency, result.Urgency);
        Assert.Equal([flag], result.RedFlags);
        Assert.Empty(result.ReviewReasons);
    }

    [Theory]
    [InlineData(RedFlag.PainAfterFallOrAccident)]
    [InlineData(RedFlag.BackPainWithFever)]
    [InlineData(RedFlag.UnexplainedWeightLoss)]
    [InlineData(RedFlag.ConstantPainAtNight)]
    public void stop_the_booking_and_send_to_a_gp_or_nhs_111_for(RedFlag flag)
    {
        var result = Screen(flag);

        Assert.Equal(ScreeningOutcome.Stop, result.Outcome);
        Assert.Equal(MedicalUrgency.SeeGpOrCall111, result.Urgency);
        Assert.Equal([flag], result.RedFlags);
    }

    [Fact]
    public void cover_every_red_flag_with_one_of_the_two_kinds_of_advice()
    {
        foreach (var flag in Enum.GetValues<RedFlag>().Where(f => f != RedFlag.None))
        {
            Assert.Equal(ScreeningOutcome.Stop, Screen(flag).Outcome);
        }

        Assert.Equal(RedFlag.SaddleNumbness | RedFlag.NewBladderOrBowelProblems | RedFlag.WorseningLegWeakness, ScreeningRules.EmergencyFlags);
    }

    [Fact]
    public void give_the_emergency_advice_when_an_emergency_flag_comes_with_others()
    {
        var result = Screen(RedFlag.ConstantPainAtNight | RedFlag.SaddleNumbness | RedFlag.BackPainWithFever);

        Assert.Equal(MedicalUrgency.Emergency, result.Urgency);
        Assert.Equal([RedFlag.SaddleNumbness, RedFlag.BackPainWithFever, RedFlag.ConstantPainAtNight], result.RedFlags);
    }

    [Fact]
    public void give_the_gp_advice_when_only_non_emergency_flags_are_ticked()
    {
        var result = Screen(RedFlag.UnexplainedWeightLoss | RedFlag.PainAfterFallOrAccident);

        Assert.Equal(MedicalUrgency.SeeGpOrCall111, result.Urgency);
        Assert.Equal(2, result.RedFlags.Count);
    }

    [Fact]
    public void stop_for_the_red_flags_alone_as_the_full_screening_does()
    {
        Assert.Null(ScreeningRules.StopFor(RedFlag.None));
        foreach (var flags in new[] { RedFlag.SaddleNumbness, RedFlag.ConstantPainAtNight, RedFlag.UnexplainedWeightLoss | RedFlag.WorseningLegWeakness })
        {
            var alone = ScreeningRules.StopFor(flags);
            var full = Screen(flags, Contraindication.Pregnancy);

            Assert.NotNull(alone);
            Assert.Equal((full.Outcome, full.Urgency), (alone.Outcome, alone.Urgency));
            Assert.Equal(full.RedFlags, alone.RedFlags);
        }
    }

    [Theory]
    [InlineData(Contraindication.RecentSurgery)]
    [InlineData(Contraindication.BloodClotsOrDvt)]
    [InlineData(Contraindication.BloodThinners)]
    [InlineData(Contraindication.FracturesOrOsteoporosis)]
    [InlineData(Contraindication.Pregnancy)]
    [InlineData(Contraindication.SkinCondition)]
    [InlineData(Contraindication.Fever)]
    [InlineData(Contraindication.CancerTreatment)]
    [InlineData(Contraindication.Other)]
    public void let_the_request_through_for_review_for(Contraindication contraindication)
    {
        var result = Screen(contraindications: contraindication);

        Assert.Equal(ScreeningOutcome.NeedsReview, result.Outcome);
        Assert.Equal(MedicalUrgency.None, result.Urgency);
        Assert.Equal([contraindication], result.ReviewReasons);
        Assert.Empty(result.RedFlags);
    }

    [Fact]
    public void list_every_contraindication_that_needs_review()
    {
        var result = Screen(contraindications: Contraindication.Pregnancy | Contraindication.BloodThinners);

        Assert.Equal([Contraindication.BloodThinners, Contraindication.Pregnancy], result.ReviewReasons);
    }

    [Fact]
    public void stop_for_a_red_flag_even_when_contraindications_are_ticked_too()
    {
        var result = Screen(RedFlag.UnexplainedWeightLoss, Contraindication.Pregnancy | Contraindication.CancerTreatment);

        Assert.Equal(ScreeningOutcome.Stop, result.Outcome);
        Assert.Equal([RedFlag.UnexplainedWeightLoss], result.RedFlags);
    }

    [Fact]
    public void clear_a_request_with_neither_red_flags_nor_contraindications()
    {
        var result = Screen();

        Assert.Equal(ScreeningOutcome.Clear, result.Outcome);
        Assert.Equal(MedicalUrgency.None, result.Urgency);
        Assert.Empty(result.RedFlags);
        Assert.Empty(result.ReviewReasons);
    }

    [Fact]
    public void do_not_depend_on_what_the_pain_feels_like()
    {
        foreach (var feeling in Enum.GetValues<PainFeeling>())
        {
            Assert.Equal(ScreeningOutcome.Clear, ScreeningRules.Screen(new IntakeAnswers(RedFlag.None, Contraindication.None, feeling)).Outcome);
        }
    }

    [Fact]
    public void send_a_fall_or_accident_the_gp_has_seen_since_to_review_instead_of_stopping()
    {
        var result = ScreeningRules.Screen(new IntakeAnswers(RedFlag.PainAfterFallOrAccident, Contraindication.None, PainFeeling.Stiffness, SeenByGpSince: true));

        Assert.Equal(ScreeningOutcome.NeedsReview, result.Outcome);
        Assert.True(result.ClearedByGp);
        Assert.Equal([RedFlag.PainAfterFallOrAccident], result.RedFlags);
        Assert.Null(ScreeningRules.StopFor(RedFlag.PainAfterFallOrAccident, seenByGpSince: true));
    }

    [Fact]
    public void still_stop_a_fall_or_accident_the_gp_has_not_seen_and_offer_the_gp_answer()
    {
        var result = Screen(RedFlag.PainAfterFallOrAccident);

        Assert.Equal(ScreeningOutcome.Stop, result.Outcome);
        Assert.Equal(MedicalUrgency.SeeGpOrCall111, result.Urgency);
        Assert.True(result.GpCanClear);
    }

    [Theory]
    [InlineData(RedFlag.SaddleNumbness)]
    [InlineData(RedFlag.NewBladderOrBowelProblems)]
    [InlineData(RedFlag.WorseningLegWeakness)]
    public void always_stop_the_cauda_equina_signs_whatever_the_gp_answer(RedFlag emergency)
    {
        foreach (var flags in new[] { emergency, emergency | RedFlag.PainAfterFallOrAccident })
        {
            var result = ScreeningRules.Screen(new IntakeAnswers(flags, Contraindication.None, PainFeeling.Stiffness, SeenByGpSince: true));

            Assert.Equal(ScreeningOutcome.Stop, result.Outcome);
            Assert.Equal(MedicalUrgency.Emergency, result.Urgency);
            Assert.False(result.GpCanClear);
            Assert.NotNull(ScreeningRules.StopFor(flags, seenByGpSince: true));
        }
    }

    [Theory]
    [InlineData(RedFlag.BackPainWithFever)]
    [InlineData(RedFlag.UnexplainedWeightLoss)]
    [InlineData(RedFlag.ConstantPainAtNight)]
    public void lift_only_the_fall_not_another_red_flag_given_with_it(RedFlag other)
    {
        var result = ScreeningRules.Screen(new IntakeAnswers(other | RedFlag.PainAfterFallOrAccident, Contraindication.None, PainFeeling.Stiffness, SeenByGpSince: true));

        Assert.Equal(ScreeningOutcome.Stop, result.Outcome);
        Assert.False(result.GpCanClear);
        Assert.False(Screen(other).GpCanClear);
    }

    [Fact]
    public void never_let_a_doctor_clear_an_emergency_flag()
    {
        Assert.Equal(RedFlag.None, ScreeningRules.ClearedBySeeingGp & ScreeningRules.EmergencyFlags);
    }

    [Fact]
    public void ignore_the_gp_answer_without_a_fall_or_accident()
    {
        var result = ScreeningRules.Screen(new IntakeAnswers(RedFlag.None, Contraindication.None, PainFeeling.Stiffness, SeenByGpSince: true));

        Assert.Equal(ScreeningOutcome.Clear, result.Outcome);
        Assert.False(result.ClearedByGp);
    }
}
