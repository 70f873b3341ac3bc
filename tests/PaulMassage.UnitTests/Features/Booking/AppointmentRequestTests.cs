using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Clients;
using PaulMassage.Web.Features.Screening;

namespace PaulMassage.UnitTests.Features.Booking;

/// <summary><see cref="Appointment.Request"/>: the one way a visit is made, whoever makes it.</summary>
public sealed class TheAppointmentRequest
{
    private static readonly DateTime Start = Appointments.Start;
    private static readonly DateTime At = Appointments.At;

    private static IntakeDetails Intake(Contraindication contraindications = Contraindication.None, RedFlag redFlags = RedFlag.None) =>
        new("Stiff lower back", BodyArea.LowerBack, 5, PainDuration.OverTwelveWeeks, PainFeeling.Stiffness, contraindications, "None", redFlags);

    private static Appointment Request(IntakeDetails? intake, Client? client = null, Func<Guid>? versions = null) => Appointment.Request(
        new VisitPlan(3, 90, 95m, Start, "1 High St", "Flat 2", "London", "SE1 7PB", "Buzzer 2", intake),
        client, new VisitKeys("PM-ABC234", "secret-token", "protected"), "client", At, 30, "note", versions);

    [Fact]
    public void a_request_holds_its_time_keeps_only_the_tokens_hash_and_starts_its_history()
    {
        var client = Client.ForAddress("Ann Lee", "ann@example.com", "07700 900001", At);

        var visit = Request(Intake(), client);

        Assert.Equal((AppointmentStatus.Requested, "PM-ABC234", "protected"), (visit.Status, visit.Reference, visit.ManageTokenProtected));
        Assert.Equal(ManageToken.Hash("secret-token"), visit.ManageTokenHash);
        Assert.Same(client, visit.Client);
        Assert.Equal((3, 90, 95m, Start, Start.AddMinutes(90), At), (visit.ServiceId, visit.DurationMinutes, visit.PriceGbp, visit.StartUtc, visit.EndUtc, visit.CreatedUtc));
        Assert.Equal(("1 High St", "Flat 2", "London", "SE1 7PB", "Buzzer 2"), (visit.AddressLine1, visit.AddressLine2, visit.Town, visit.Postcode, visit.AccessNotes));
        var first = Assert.Single(visit.History);
        Assert.Equal(((AppointmentStatus?)null, AppointmentStatus.Requested, "client", At, "note"), (first.FromStatus, first.ToStatus, first.Actor, first.AtUtc, first.Note));
        Assert.Equal(SlotClaim.CellsFor(Start, Start.AddMinutes(90), 30).ToHashSet(), visit.SlotClaims.Select(c => c.CellStartUtc).ToHashSet());
        Assert.NotEqual(Guid.Empty, visit.Version);
        Assert.False(visit.NeedsReview);
        Assert.Equal((ScreeningOutcome.Clear, At, At, "Stiff lower back"), (visit.Intake!.Outcome, visit.Intake.HealthDataConsentUtc, visit.Intake.CancellationPolicyAcceptedUtc, visit.Intake.MainComplaint));
    }

    [Fact]
    public void a_contraindication_flags_the_request_for_the_therapists_review()
    {
        var visit = Request(Intake(Contraindication.BloodThinners));

        Assert.True(visit.NeedsReview);
        Assert.Equal(ScreeningOutcome.NeedsReview, visit.Intake!.Outcome);
    }

    [Fact]
    public void a_phone_booking_may_have_no_intake() =>
        Assert.Equal((false, (IntakeAssessment?)null), (Request(intake: null).NeedsReview, Request(intake: null).Intake));

    [Fact]
    public void a_red_flag_never_becomes_a_visit() =>
        Assert.Throws<InvalidOperationException>(() => Request(Intake(redFlags: RedFlag.SaddleNumbness)));

    [Fact]
    public void version_stamps_come_from_the_source_given_so_generated_data_is_reproducible()
    {
        var stamps = new Queue<Guid>([Guid.Parse("00000000-0000-0000-0000-000000000001"), Guid.Parse("00000000-0000-0000-0000-000000000002")]);

        var visit = Request(Intake(), versions: stamps.Dequeue);
        var first = visit.Version;
        visit.ChangeStatus(AppointmentStatus.Confirmed, "paul", At);

        Assert.Equal((Guid.Parse("00000000-0000-0000-0000-000000000001"), Guid.Parse("00000000-0000-0000-0000-000000000002")), (first, visit.Version));
    }

    [Fact]
    public void declining_keeps_the_reason_for_the_client_and_in_the_history()
    {
        var visit = Appointments.New();

        visit.Decline("  Away that week.  ", "paul", At);

        Assert.Equal((AppointmentStatus.Declined, "Away that week."), (visit.Status, visit.DeclineReason));
        Assert.Equal("Reason given to the client: Away that week.", visit.History[^1].Note);
        Assert.Empty(visit.SlotClaims);
    }
}
