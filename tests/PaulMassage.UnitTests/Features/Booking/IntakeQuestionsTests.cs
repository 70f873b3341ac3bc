using Microsoft.AspNetCore.Mvc.ModelBinding;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Catalogue;
using PaulMassage.Web.Features.Screening;

namespace PaulMassage.UnitTests.Features.Booking;

/// <summary>The intake rule both booking forms share, as the therapist meets it on the phone; online it is TheBookingFormMapper's.</summary>
public sealed class TheIntakeQuestions
{
    private static ModelStateDictionary Check(IntakeQuestions intake)
    {
        var state = new ModelStateDictionary();
        intake.Check(state, "Intake", IntakeAsker.Therapist);
        return state;
    }

    [Fact]
    public void on_the_phone_may_be_left_unasked_red_flags_included()
    {
        Assert.True(Check(new IntakeQuestions()).IsValid);
    }

    [Fact]
    public void on_the_phone_once_started_needs_the_main_answers_and_the_red_flag_answer()
    {
        var state = Check(new IntakeQuestions { PainAreas = [BodyArea.Neck] });

        Assert.Equal(
            ["Intake.Duration", "Intake.MainComplaint", "Intake.PainIntensity", "Intake.RedFlags"],
            state.Where(e => e.Value is { Errors.Count: > 0 }).Select(e => e.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ticking_none_of_these_alone_does_not_start_the_intake()
    {
        var intake = new IntakeQuestions { NoRedFlags = true };

        Assert.False(intake.IsStarted);
        Assert.True(Check(intake).IsValid);
    }

    [Fact]
    public void a_length_not_offered_names_the_lengths_that_are()
    {
        var service = new ServiceSummary(1, "deep-tissue-massage", "Deep tissue massage", string.Empty, string.Empty, [new ServiceOptionView(60, 70m), new ServiceOptionView(90, 95m)]);
        var state = new ModelStateDictionary();

        Assert.False(VisitChoiceRules.CheckLength(service, 75, state));
        Assert.Equal("Deep tissue massage is offered for 60 or 90 minutes.", state["Minutes"]!.Errors.Single().ErrorMessage);
    }

    [Fact]
    public void same_as_last_time_fills_in_the_last_answers_and_leaves_the_red_flag_question_unanswered()
    {
        var last = new IntakeDetails(
            "Stiff lower back", BodyArea.LowerBack | BodyArea.Hips, 6, PainDuration.OverTwelveWeeks,
            PainFeeling.Stiffness | PainFeeling.MuscleAcheOrTension, Contraindication.BloodThinners, "Mild asthma", RedFlag.ConstantPainAtNight, SeenByGpSince: true);

        var intake = IntakeQuestions.SameAsLastTime(last);

        Assert.Equal("Stiff lower back", intake.MainComplaint);
        Assert.Equal([BodyArea.LowerBack, BodyArea.Hips], intake.PainAreas);
        Assert.Equal(6, intake.PainIntensity);
        Assert.Equal(PainDuration.OverTwelveWeeks, intake.Duration);
        Assert.Equal([PainFeeling.MuscleAcheOrTension, PainFeeling.Stiffness], intake.Feelings);
        Assert.Equal([Contraindication.BloodThinners], intake.Contraindications);
        Assert.Equal("Mild asthma", intake.MedicalHistory);
        Assert.Empty(intake.RedFlags);
        Assert.False(intake.NoRedFlags);
        Assert.False(intake.SeenByGpSince);

        // Sent as it is, the form asks for the red-flag answer and nothing else.
        var state = new ModelStateDictionary();
        intake.Check(state, "Intake", IntakeAsker.Client);
        Assert.Equal(["Intake.RedFlags"], state.Where(e => e.Value!.Errors.Count > 0).Select(e => e.Key));
    }
}
