using PaulMassage.Web.Features.Booking;
using static PaulMassage.Web.Features.Booking.AppointmentStatus;

namespace PaulMassage.UnitTests.Features.Booking;

public sealed class TheBookingStateMachine
{
    /// <summary>The allowed changes, written out independently of the code under test.</summary>
    private static readonly HashSet<(AppointmentStatus From, AppointmentStatus To)> Allowed =
    [
        (Requested, Confirmed), (Requested, Declined), (Requested, Cancelled), (Requested, AlternativeProposed),
        (AlternativeProposed, Confirmed), (AlternativeProposed, Declined), (AlternativeProposed, Cancelled),
        (Confirmed, Cancelled), (Confirmed, Completed), (Confirmed, NoShow),
    ];

    /// <summary>Every pair of statuses: the full matrix.</summary>
    public static TheoryData<AppointmentStatus, AppointmentStatus> AllChanges()
    {
        var data = new TheoryData<AppointmentStatus, AppointmentStatus>();
        foreach (var from in Enum.GetValues<AppointmentStatus>())
        {
            foreach (var to in Enum.GetValues<AppointmentStatus>())
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllChanges))]
    public void allows_exactly_the_changes_of_the_booking_life_cycle(AppointmentStatus from, AppointmentStatus to)
    {
        Assert.Equal(Allowed.Contains((from, to)), BookingStateMachine.CanMove(from, to));
        Assert.Equal(Allowed.Contains((from, to)), BookingStateMachine.NextStatuses(from).Contains(to));
    }

    [Theory]
    [MemberData(nameof(AllChanges))]
    public void lets_an_appointment_change_status_only_along_an_allowed_change(AppointmentStatus from, AppointmentStatus to)
    {
        var appointment = Appointments.In(from);
        var historyBefore = appointment.History.Count;
        var versionBefore = appointment.Version;
        var at = new DateTime(2027, 3, 1, 12, 0, 0, DateTimeKind.Utc);

        if (Allowed.Contains((from, to)))
        {
            appointment.ChangeStatus(to, "therapist:42", at, "a note");

            Assert.Equal(to, appointment.Status);
            Assert.NotEqual(versionBefore, appointment.Version);
            var change = Assert.Single(appointment.History.Skip(historyBefore));
            Assert.Equal(from, change.FromStatus);
            Assert.Equal(to, change.ToStatus);
            Assert.Equal("therapist:42", change.Actor);
            Assert.Equal(at, change.AtUtc);
            Assert.Equal("a note", change.Note);
        }
        else
        {
            var error = Assert.Throws<InvalidStatusChangeException>(() => appointment.ChangeStatus(to, "therapist:42", at));

            Assert.Equal(from, error.From);
            Assert.Equal(to, error.To);
            Assert.Equal(from, appointment.Status);
            Assert.Equal(historyBefore, appointment.History.Count);
            Assert.Equal(versionBefore, appointment.Version);
        }
    }

    public static TheoryData<AppointmentStatus, AppointmentStatus> AllowedChanges()
    {
        var data = new TheoryData<AppointmentStatus, AppointmentStatus>();
        foreach (var (from, to) in Allowed)
        {
            data.Add(from, to);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllowedChanges))]
    public void releases_the_slot_claims_exactly_when_a_visit_stops_holding_its_time(AppointmentStatus from, AppointmentStatus to)
    {
        var appointment = Appointments.In(from);
        appointment.ClaimSlots(30);
        var claims = appointment.SlotClaims.Count;
        Assert.Equal(6, claims);

        appointment.ChangeStatus(to, "client", new DateTime(2027, 3, 1, 12, 0, 0, DateTimeKind.Utc));

        var holdsTime = to is Requested or Confirmed or AlternativeProposed;
        Assert.Equal(holdsTime, BookingStateMachine.HoldsTime(to));
        Assert.Equal(holdsTime ? claims : 0, appointment.SlotClaims.Count);
    }

    [Theory]
    [InlineData(Requested, false)]
    [InlineData(AlternativeProposed, false)]
    [InlineData(Confirmed, false)]
    [InlineData(Declined, true)]
    [InlineData(Cancelled, true)]
    [InlineData(Completed, true)]
    [InlineData(NoShow, true)]
    public void knows_which_statuses_are_final(AppointmentStatus status, bool final)
    {
        Assert.Equal(final, BookingStateMachine.IsFinal(status));
    }

    [Fact]
    public void records_the_whole_history_of_a_visit_in_order()
    {
        var appointment = Appointments.In(Requested);
        var monday = new DateTime(2027, 3, 1, 10, 0, 0, DateTimeKind.Utc);

        appointment.ChangeStatus(AlternativeProposed, "therapist", monday, "Could you do 11:00?");
        appointment.ChangeStatus(Confirmed, "client", monday.AddHours(2));
        appointment.ChangeStatus(Completed, "therapist", monday.AddDays(2));

        Assert.Equal(
            [(null, Requested, "client"), (Requested, AlternativeProposed, "therapist"), (AlternativeProposed, Confirmed, "client"), (Confirmed, Completed, "therapist")],
            appointment.History.Select(e => (e.FromStatus, e.ToStatus, e.Actor)));
        Assert.Equal([Appointments.At, monday, monday.AddHours(2), monday.AddDays(2)], appointment.History.Select(e => e.AtUtc));
    }
}

/// <summary>
/// Visits for the unit tests, made the one way every visit is made (<see cref="Appointment.Request"/>):
/// requested at <see cref="Start"/> for 60 minutes with a 30-minute travel buffer, changed at <see cref="At"/>.
/// </summary>
internal static class Appointments
{
    public const int Buffer = 30;

    public static readonly DateTime Start = new(2027, 3, 2, 10, 0, 0, DateTimeKind.Utc);

    public static readonly DateTime At = new(2027, 3, 1, 9, 0, 0, DateTimeKind.Utc);

    public static Appointment New() => Appointment.Request(
        new VisitPlan(ServiceId: 1, Minutes: 60, PriceGbp: 80m, Start, "1 Test Street", null, "London", "SE1 7PB", null, Intake: null),
        client: null, new VisitKeys("PM-TEST22", "token", ProtectedToken: null), BookingService.ClientActor, At, Buffer);

    /// <summary>A new visit taken through the given changes of status by the therapist.</summary>
    public static Appointment Along(params AppointmentStatus[] path)
    {
        var appointment = New();
        foreach (var step in path)
        {
            appointment.ChangeStatus(step, "setup", At);
        }

        return appointment;
    }

    /// <summary>A visit brought to <paramref name="status"/> along the allowed path.</summary>
    public static Appointment In(AppointmentStatus status)
    {
        AppointmentStatus[] path = status switch
        {
            Requested => [],
            AlternativeProposed => [AlternativeProposed],
            Confirmed => [Confirmed],
            Declined => [Declined],
            Cancelled => [Cancelled],
            Completed => [Confirmed, Completed],
            NoShow => [Confirmed, NoShow],
            _ => throw new ArgumentOutOfRangeException(nameof(status)),
        };
        var appointment = Along(path);
        Assert.Equal(status, appointment.Status);
        return appointment;
    }
}
