namespace PaulMassage.Web.Features.Booking;

public enum AppointmentStatus
{
    /// <summary>The client asked for a visit; the therapist has not answered yet.</summary>
    Requested = 0,

    /// <summary>The therapist accepted the visit.</summary>
    Confirmed = 1,

    /// <summary>The therapist turned the request down.</summary>
    Declined = 2,

    /// <summary>The client or the therapist called the visit off.</summary>
    Cancelled = 3,

    /// <summary>The visit took place.</summary>
    Completed = 4,

    /// <summary>The therapist came, the client was not there.</summary>
    NoShow = 5,

    /// <summary>The therapist suggested another time; the client has to accept or reject it.</summary>
    AlternativeProposed = 6,
}
