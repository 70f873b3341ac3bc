namespace PaulMassage.Web.Features.Booking;

/// <summary>The words and badge colour for a visit's status, as clients and the therapist read it.</summary>
public static class AppointmentStatusText
{
    public static (string Text, string BadgeClass) ForClient(AppointmentStatus status) => status switch
    {
        AppointmentStatus.Requested => ("Waiting for Paul to confirm", "bg-warning text-dark"),
        AppointmentStatus.Confirmed => ("Confirmed", "bg-success"),
        AppointmentStatus.Declined => ("Declined", "bg-secondary"),
        AppointmentStatus.Cancelled => ("Cancelled", "bg-secondary"),
        AppointmentStatus.Completed => ("Completed", "bg-info text-dark"),
        AppointmentStatus.NoShow => ("Missed", "bg-secondary"),
        AppointmentStatus.AlternativeProposed => ("Paul suggested another time", "bg-warning text-dark"),
        _ => (status.ToString(), "bg-secondary"),
    };

    public static (string Text, string BadgeClass) ForTherapist(AppointmentStatus status) => status switch
    {
        AppointmentStatus.Requested => ("Requested", "bg-warning text-dark"),
        AppointmentStatus.AlternativeProposed => ("Other time proposed", "bg-warning text-dark"),
        AppointmentStatus.NoShow => ("No-show", "bg-secondary"),
        _ => ForClient(status),
    };
}
