using PaulMassage.Web.Features.Booking;
using static PaulMassage.Web.Features.Booking.AppointmentStatus;

namespace PaulMassage.UnitTests.Features.Booking;

/// <summary>Who may do what with a visit, and when: the rules the buttons and the services share.</summary>
public sealed class TheVisitPermissions
{
    // The visit starts on Tuesday 2 March 2027 at 10:00 UTC.
    private static readonly DateTime Start = Appointments.Start;
    private static readonly DateTimeOffset TwoDaysBefore = new(Start.AddDays(-2), TimeSpan.Zero);
    private static readonly DateTimeOffset ExactlyADayBefore = new(Start.AddHours(-24), TimeSpan.Zero);
    private static readonly DateTimeOffset AnHourBefore = new(Start.AddHours(-1), TimeSpan.Zero);

    [Theory]
    [InlineData(Requested, true, true)]
    [InlineData(Confirmed, true, true)]
    [InlineData(AlternativeProposed, true, false)] // cancel, yes; move, no: the proposal is answered first
    [InlineData(Declined, false, false)]
    [InlineData(Cancelled, false, false)]
    [InlineData(Completed, false, false)]
    [InlineData(NoShow, false, false)]
    public void the_client_may_cancel_an_open_visit_and_move_one_without_a_proposed_time(AppointmentStatus status, bool cancel, bool move)
    {
        var visit = Appointments.In(status);

        Assert.Equal((cancel, move), (visit.ClientMayCancel(TwoDaysBefore), visit.ClientMayMove(TwoDaysBefore)));
        Assert.False(VisitPermissions.ClientMustContactTherapist(status, Start, TwoDaysBefore));
    }

    [Theory]
    [InlineData(Requested)]
    [InlineData(Confirmed)]
    [InlineData(AlternativeProposed)]
    public void within_24_hours_the_client_may_neither_cancel_nor_move_and_is_told_to_contact_paul(AppointmentStatus status)
    {
        var visit = Appointments.In(status);

        Assert.True(visit.ClientMayCancel(ExactlyADayBefore)); // 24 hours to the minute is still in time
        Assert.Equal((false, false), (visit.ClientMayCancel(AnHourBefore), visit.ClientMayMove(AnHourBefore)));
        Assert.True(VisitPermissions.ClientMustContactTherapist(status, Start, AnHourBefore));
    }

    [Fact]
    public void a_finished_visit_does_not_send_the_client_to_paul() =>
        Assert.False(VisitPermissions.ClientMustContactTherapist(Completed, Start, AnHourBefore));

    [Theory]
    [InlineData(Requested, true, true, true, false)]
    [InlineData(AlternativeProposed, false, true, false, false)]
    [InlineData(Confirmed, false, false, false, false)]
    [InlineData(Declined, false, false, false, false)]
    [InlineData(Cancelled, false, false, false, false)]
    [InlineData(Completed, false, false, false, false)]
    [InlineData(NoShow, false, false, false, false)]
    public void before_the_visit_the_therapist_answers_requests(AppointmentStatus status, bool confirm, bool decline, bool propose, bool outcome)
    {
        var visit = Appointments.In(status);
        var now = Start.AddHours(-1);

        Assert.Equal((confirm, decline, propose, outcome),
            (visit.TherapistMayConfirm(now), visit.TherapistMayDecline(), visit.TherapistMayPropose(), visit.TherapistMayRecordOutcome(now)));
    }

    [Fact]
    public void once_its_time_has_come_a_request_cannot_be_confirmed_and_a_confirmed_visit_gets_its_outcome()
    {
        Assert.False(Appointments.In(Requested).TherapistMayConfirm(Start));
        Assert.True(Appointments.In(Requested).TherapistMayDecline());
        Assert.True(Appointments.In(Confirmed).TherapistMayRecordOutcome(Start));
        Assert.False(Appointments.In(Confirmed).TherapistMayRecordOutcome(Start.AddTicks(-1)));
    }

    [Fact]
    public void a_late_cancellation_is_recorded_by_paul_once_the_client_can_no_longer_cancel_online()
    {
        Assert.False(Appointments.In(Confirmed).TherapistMayRecordLateCancellation(Start.AddHours(-24).AddTicks(-1)));
        Assert.True(Appointments.In(Confirmed).TherapistMayRecordLateCancellation(Start.AddHours(-24).AddTicks(1)));
        Assert.True(Appointments.In(Confirmed).TherapistMayRecordLateCancellation(Start.AddHours(2)));
        Assert.False(Appointments.In(Requested).TherapistMayRecordLateCancellation(Start.AddHours(-1)));

        var visit = Appointments.In(Confirmed);
        visit.CancelLateByClient("therapist", Start.AddHours(-2));
        Assert.Equal((Cancelled, true), (visit.Status, visit.CancelledLate));
        Assert.Empty(visit.SlotClaims);
        Assert.Equal("Cancelled late by the client", visit.History[^1].Note);
    }

    [Fact]
    public void every_therapist_permission_is_a_change_the_state_machine_allows()
    {
        foreach (var status in Enum.GetValues<AppointmentStatus>())
        {
            Assert.True(!VisitPermissions.TherapistMayConfirm(status, Start, Start.AddDays(-1)) || BookingStateMachine.CanMove(status, Confirmed));
            Assert.True(!VisitPermissions.TherapistMayDecline(status) || BookingStateMachine.CanMove(status, Declined));
            Assert.True(!VisitPermissions.TherapistMayPropose(status) || BookingStateMachine.CanMove(status, AlternativeProposed));
            Assert.True(!VisitPermissions.TherapistMayRecordOutcome(status, Start, Start) || BookingStateMachine.CanMove(status, Completed) && BookingStateMachine.CanMove(status, NoShow));
            Assert.True(!VisitPermissions.ClientMayCancel(status, Start, TwoDaysBefore) || BookingStateMachine.CanMove(status, Cancelled));
            Assert.True(!VisitPermissions.TherapistMayRecordLateCancellation(status, Start, Start) || BookingStateMachine.CanMove(status, Cancelled));
        }
    }
}
