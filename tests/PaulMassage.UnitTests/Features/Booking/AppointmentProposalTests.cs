using PaulMassage.Web.Features.Booking;

namespace PaulMassage.UnitTests.Features.Booking;

public sealed class TheAppointmentProposal
{
    private static readonly DateTime Requested = Appointments.Start;
    private static readonly DateTime At = Appointments.At;

    private static Appointment NewRequest() => Appointments.New();

    private static HashSet<DateTime> Cells(DateTime start) => SlotClaim.CellsFor(start, start.AddMinutes(60), 30).ToHashSet();

    [Fact]
    public void proposing_holds_the_requested_and_the_proposed_time_once_each()
    {
        var appointment = NewRequest();
        var version = appointment.Version;
        var proposed = Requested.AddMinutes(45); // overlaps the requested time's cells

        appointment.ProposeTime(proposed, 30, "paul", At, "note");

        Assert.Equal(AppointmentStatus.AlternativeProposed, appointment.Status);
        Assert.Equal(proposed, appointment.ProposedStartUtc);
        Assert.Equal(proposed.AddMinutes(60), appointment.ProposedEndUtc);
        Assert.NotEqual(version, appointment.Version);
        var cells = appointment.SlotClaims.Select(c => c.CellStartUtc).ToList();
        Assert.Equal(cells.Count, cells.Distinct().Count());
        Assert.Equal(Cells(Requested).Union(Cells(proposed)).ToHashSet(), cells.ToHashSet());
        Assert.Equal(("paul", AppointmentStatus.Requested, AppointmentStatus.AlternativeProposed), (appointment.History[^1].Actor, appointment.History[^1].FromStatus!.Value, appointment.History[^1].ToStatus));
    }

    [Fact]
    public void accepting_moves_the_visit_confirms_it_and_keeps_only_the_new_time_reusing_shared_cells()
    {
        var appointment = NewRequest();
        var proposed = Requested.AddMinutes(45);
        appointment.ProposeTime(proposed, 30, "paul", At);
        var shared = appointment.SlotClaims.Single(c => c.CellStartUtc == Requested.AddMinutes(45));

        appointment.AcceptProposedTime(30, "client", At);

        Assert.Equal(AppointmentStatus.Confirmed, appointment.Status);
        Assert.Equal((proposed, proposed.AddMinutes(60)), (appointment.StartUtc, appointment.EndUtc));
        Assert.Null(appointment.ProposedStartUtc);
        Assert.Equal(Cells(proposed), appointment.SlotClaims.Select(c => c.CellStartUtc).ToHashSet());
        Assert.Contains(shared, appointment.SlotClaims); // kept, not deleted and inserted again
    }

    [Fact]
    public void declining_or_cancelling_a_proposal_frees_both_times()
    {
        var appointment = NewRequest();
        appointment.ProposeTime(Requested.AddDays(2), 30, "paul", At);

        appointment.ChangeStatus(AppointmentStatus.Cancelled, "client", At, "turned down");

        Assert.Empty(appointment.SlotClaims);
        Assert.Null(appointment.ProposedStartUtc);
    }

    [Fact]
    public void there_is_nothing_to_accept_without_a_proposal() =>
        Assert.Throws<InvalidStatusChangeException>(() => NewRequest().AcceptProposedTime(30, "client", At));

    [Fact]
    public void a_confirmed_visit_cannot_be_given_another_time() =>
        Assert.Throws<InvalidStatusChangeException>(() =>
        {
            var appointment = NewRequest();
            appointment.ChangeStatus(AppointmentStatus.Confirmed, "paul", At);
            appointment.ProposeTime(Requested.AddDays(1), 30, "paul", At);
        });
}
