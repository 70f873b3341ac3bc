using PaulMassage.Web.Features.Booking;

namespace PaulMassage.UnitTests.Features.Booking;

public sealed class TheAppointmentMove
{
    private static readonly DateTime Booked = Appointments.Start;
    private static readonly DateTime At = Appointments.At;

    private static Appointment Visit(params AppointmentStatus[] path) => Appointments.Along(path);

    [Fact]
    public void a_move_keeps_length_and_status_records_who_and_claims_only_the_new_time()
    {
        var appointment = Visit(AppointmentStatus.Confirmed);
        var version = appointment.Version;
        var shared = appointment.SlotClaims.Single(c => c.CellStartUtc == Booked.AddMinutes(30));
        var to = Booked.AddMinutes(30);

        appointment.MoveTo(to, 30, "client", At, "Moved by the client");

        Assert.Equal((to, to.AddMinutes(60), AppointmentStatus.Confirmed), (appointment.StartUtc, appointment.EndUtc, appointment.Status));
        Assert.NotEqual(version, appointment.Version);
        Assert.Equal(SlotClaim.CellsFor(to, to.AddMinutes(60), 30).ToHashSet(), appointment.SlotClaims.Select(c => c.CellStartUtc).ToHashSet());
        Assert.Contains(shared, appointment.SlotClaims); // kept, not deleted and inserted again in one save
        var change = appointment.History[^1];
        Assert.Equal(("client", AppointmentStatus.Confirmed, AppointmentStatus.Confirmed, "Moved by the client"), (change.Actor, change.FromStatus!.Value, change.ToStatus, change.Note));
    }

    [Theory]
    [InlineData(AppointmentStatus.Cancelled)]
    [InlineData(AppointmentStatus.Declined)]
    [InlineData(AppointmentStatus.Confirmed, AppointmentStatus.Completed)]
    public void a_visit_that_holds_no_time_cannot_be_moved(params AppointmentStatus[] path)
    {
        var appointment = Visit(path);

        Assert.Throws<InvalidStatusChangeException>(() => appointment.MoveTo(Booked.AddDays(1), 30, "client", At, "move"));
        Assert.Equal(Booked, appointment.StartUtc);
    }
}
