using PaulMassage.Web.Features.Screening;

namespace PaulMassage.UnitTests.Features.Screening;

public sealed class TheServiceRecommender
{
    [Fact]
    public void suggests_deep_tissue_then_trigger_point_for_muscle_ache_or_tension()
    {
        Assert.Equal(["deep-tissue-massage", "trigger-point-therapy"], ServiceRecommender.Recommend(PainFeeling.MuscleAcheOrTension));
    }

    [Fact]
    public void suggests_myofascial_release_for_stiffness()
    {
        Assert.Equal(["myofascial-release"], ServiceRecommender.Recommend(PainFeeling.Stiffness));
    }

    [Fact]
    public void suggests_trigger_point_therapy_for_knots_after_injury_or_overuse()
    {
        Assert.Equal(["trigger-point-therapy"], ServiceRecommender.Recommend(PainFeeling.KnotsAfterInjuryOrOveruse));
    }

    [Fact]
    public void suggests_swedish_massage_for_general_tension_or_stress()
    {
        Assert.Equal(["swedish-massage"], ServiceRecommender.Recommend(PainFeeling.GeneralTensionOrStress));
    }

    [Fact]
    public void suggests_nothing_for_sharp_or_shooting_pain()
    {
        Assert.Empty(ServiceRecommender.Recommend(PainFeeling.SharpOrShooting));
    }

    [Fact]
    public void suggests_nothing_when_nothing_is_ticked()
    {
        Assert.Empty(ServiceRecommender.Recommend(PainFeeling.None));
    }

    [Fact]
    public void puts_trigger_point_first_when_both_muscle_ache_and_knots_point_to_it()
    {
        Assert.Equal(
            ["trigger-point-therapy", "deep-tissue-massage"],
            ServiceRecommender.Recommend(PainFeeling.MuscleAcheOrTension | PainFeeling.KnotsAfterInjuryOrOveruse));
    }

    [Fact]
    public void lists_each_suggested_service_once_for_several_feelings()
    {
        var all = PainFeeling.MuscleAcheOrTension | PainFeeling.Stiffness | PainFeeling.KnotsAfterInjuryOrOveruse
            | PainFeeling.GeneralTensionOrStress | PainFeeling.SharpOrShooting;

        var suggested = ServiceRecommender.Recommend(all);

        Assert.Equal("trigger-point-therapy", suggested[0]);
        Assert.Equal(
            ["deep-tissue-massage", "myofascial-release", "swedish-massage", "trigger-point-therapy"],
            suggested.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void combines_stiffness_and_stress_into_two_suggestions()
    {
        var suggested = ServiceRecommender.Recommend(PainFeeling.Stiffness | PainFeeling.GeneralTensionOrStress);

        Assert.Equal(["myofascial-release", "swedish-massage"], suggested.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ignores_sharp_pain_alongside_other_feelings()
    {
        Assert.Equal(
            ServiceRecommender.Recommend(PainFeeling.Stiffness),
            ServiceRecommender.Recommend(PainFeeling.Stiffness | PainFeeling.SharpOrShooting));
    }
}

public sealed class TheRecommendationReasons
{
    [Theory]
    [InlineData(PainFeeling.MuscleAcheOrTension | PainFeeling.Stiffness)]
    [InlineData(PainFeeling.KnotsAfterInjuryOrOveruse | PainFeeling.MuscleAcheOrTension | PainFeeling.GeneralTensionOrStress)]
    [InlineData(PainFeeling.SharpOrShooting)]
    public void come_in_the_same_order_as_the_recommendation(PainFeeling feelings) =>
        Assert.Equal(ServiceRecommender.Recommend(feelings), ServiceRecommender.Explain(feelings).Select(r => r.Slug));

    [Fact]
    public void say_in_one_sentence_why_each_treatment_suits_what_the_client_described()
    {
        var reasons = ServiceRecommender.Explain(PainFeeling.MuscleAcheOrTension | PainFeeling.Stiffness);

        Assert.All(reasons, r => Assert.Single(r.Reason.Split(". ")));
        Assert.Contains("muscular", reasons.Single(r => r.Slug == ServiceRecommender.DeepTissue).Reason, StringComparison.Ordinal);
        Assert.Contains("Stiffness", reasons.Single(r => r.Slug == ServiceRecommender.MyofascialRelease).Reason, StringComparison.Ordinal);
    }
}
