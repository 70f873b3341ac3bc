using PaulMassage.Web.Features.Plans;
using PaulMassage.Web.Features.Screening;

namespace PaulMassage.UnitTests.Features.Plans;

public sealed class TheCarePlanRules
{
    private static readonly TreatmentOption[] Treatments =
    [
        new(1, ServiceRecommender.Swedish, "Swedish massage", "A gentle, flowing massage."),
        new(2, ServiceRecommender.DeepTissue, "Deep tissue massage", "Slow, firm work."),
        new(3, ServiceRecommender.TriggerPoint, "Trigger point therapy", "Pressure on knots."),
        new(4, ServiceRecommender.MyofascialRelease, "Myofascial release", "Sustained stretching."),
    ];

    private static readonly int[] TreatmentIds = [1, 2, 3, 4];

    [Fact]
    public void a_first_plan_starts_from_the_intakes_recommendation_with_its_reasons_and_the_visits_treatment_as_used()
    {
        var form = CarePlanRules.Start(Treatments, visitServiceId: 2, PainFeeling.MuscleAcheOrTension, thisVisit: null, previous: null);

        var deep = form.Techniques.Single(t => t.ServiceId == 2);
        var trigger = form.Techniques.Single(t => t.ServiceId == 3);
        Assert.True(deep.UsedToday && deep.Planned);
        Assert.Equal(ServiceRecommender.Explain(PainFeeling.MuscleAcheOrTension)[0].Reason, deep.Reason);
        Assert.True(!trigger.UsedToday && trigger.Planned);
        Assert.False(form.Techniques.Single(t => t.ServiceId == 4).Planned);
        Assert.Empty(form.SelfHelp);
    }

    [Fact]
    public void without_intake_answers_the_treatment_booked_is_used_and_planned_with_its_own_summary()
    {
        var form = CarePlanRules.Start(Treatments, visitServiceId: 1, feelings: null, thisVisit: null, previous: null);

        var swedish = form.Techniques.Single(t => t.ServiceId == 1);
        Assert.True(swedish.UsedToday && swedish.Planned);
        Assert.Equal("A gentle, flowing massage.", swedish.Reason);
        Assert.Equal(1, form.Techniques.Count(t => t.UsedToday || t.Planned));
    }

    [Fact]
    public void a_plan_after_a_later_visit_starts_from_the_version_before_with_this_visits_treatment_as_used()
    {
        var previous = new PlanContent(
            [new PlannedTechnique(2, true, true, "Kept reason."), new PlannedTechnique(4, false, true, "Stiff mornings.")],
            [new ChosenSelfHelp(7, "Left side only"), new ChosenSelfHelp(9, null)]);

        var form = CarePlanRules.Start(Treatments, visitServiceId: 4, PainFeeling.MuscleAcheOrTension, thisVisit: null, previous);

        Assert.Equal((false, true, "Kept reason."), (form.Techniques[1].UsedToday, form.Techniques[1].Planned, form.Techniques[1].Reason));
        Assert.Equal((true, true, "Stiff mornings."), (form.Techniques[3].UsedToday, form.Techniques[3].Planned, form.Techniques[3].Reason));
        Assert.Equal([(7, "Left side only"), (9, (string?)null)], form.SelfHelp.Select(s => (s.ItemId, s.Note)));
        Assert.All(form.SelfHelp, s => Assert.True(s.Chosen));
    }

    [Fact]
    public void the_visits_own_version_is_shown_as_given()
    {
        var given = new PlanContent([new PlannedTechnique(3, false, true, "Knots.")], [new ChosenSelfHelp(7, null)]);
        var previous = new PlanContent([new PlannedTechnique(1, true, true, "Older.")], []);

        var form = CarePlanRules.Start(Treatments, visitServiceId: 2, PainFeeling.Stiffness, given, previous);

        Assert.Equal([3], form.Techniques.Where(t => t.UsedToday || t.Planned).Select(t => t.ServiceId));
        Assert.False(form.Techniques[1].UsedToday);
    }

    [Fact]
    public void a_ticked_treatment_needs_its_reason_and_a_long_note_is_refused_each_beside_its_field()
    {
        var form = new PlanForm
        {
            Techniques = [new() { ServiceId = 1 }, new() { ServiceId = 2, UsedToday = true, Reason = "  " }, new() { ServiceId = 3, Planned = true, Reason = new string('x', 301) }],
            SelfHelp = [new() { ItemId = 7, Chosen = true, Note = new string('n', 301) }],
        };

        var (content, errors) = CarePlanRules.Check(form, TreatmentIds, [7]);

        Assert.Null(content);
        Assert.Equal(["Techniques[1].Reason", "Techniques[2].Reason", "SelfHelp[0].Note"], errors.Select(e => e.Field));
    }

    [Fact]
    public void an_empty_plan_and_items_not_on_offer_are_refused()
    {
        var (_, empty) = CarePlanRules.Check(new PlanForm { Techniques = [new() { ServiceId = 1, Reason = "Not ticked." }] }, TreatmentIds, [7]);
        Assert.Equal(CarePlanRules.PlanField, Assert.Single(empty).Field);

        var (_, unknown) = CarePlanRules.Check(new PlanForm { SelfHelp = [new() { ItemId = 99, Chosen = true }] }, TreatmentIds, [7]);
        Assert.Equal("SelfHelp[0].Note", Assert.Single(unknown).Field);
    }

    [Fact]
    public void a_valid_form_gives_the_ticked_treatments_and_the_chosen_items_with_their_notes_trimmed()
    {
        var form = new PlanForm
        {
            Techniques = [new() { ServiceId = 2, UsedToday = true, Planned = true, Reason = " Muscular pain. " }, new() { ServiceId = 4, Reason = "Unticked." }],
            SelfHelp = [new() { ItemId = 7, Chosen = true, Note = " twice a day " }, new() { ItemId = 8, Note = "not chosen" }, new() { ItemId = 9, Chosen = true, Note = " " }],
        };

        var (content, errors) = CarePlanRules.Check(form, TreatmentIds, [7, 8, 9]);

        Assert.Empty(errors);
        Assert.Equal([new PlannedTechnique(2, true, true, "Muscular pain.")], content!.Techniques);
        Assert.Equal([new ChosenSelfHelp(7, "twice a day"), new ChosenSelfHelp(9, null)], content.SelfHelp);
    }
}

public sealed class ACarePlan
{
    private static readonly DateTime Now = new(2027, 3, 2, 18, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void is_given_for_one_visit_and_a_correction_replaces_its_treatments_and_self_help()
    {
        var plan = CarePlan.Give(5, 11, new PlanContent([new PlannedTechnique(2, true, true, "Muscular.")], [new ChosenSelfHelp(7, "Left side")]), Now);

        Assert.Equal((5, 11, Now, Now), (plan.ClientId, plan.AppointmentId, plan.CreatedUtc, plan.UpdatedUtc));
        Assert.Equal("Left side", Assert.Single(plan.Items).Note);

        plan.Revise(new PlanContent([new PlannedTechnique(4, false, true, "Stiffness.")], [new ChosenSelfHelp(8, null), new ChosenSelfHelp(7, "Both sides")]), Now.AddHours(1));

        Assert.Equal(4, Assert.Single(plan.Techniques).ServiceId);
        Assert.Equal([(8, 0), (7, 1)], plan.Items.Select(i => (i.SelfHelpItemId, i.SortOrder)));
        Assert.Equal((Now, Now.AddHours(1)), (plan.CreatedUtc, plan.UpdatedUtc));
    }
}
