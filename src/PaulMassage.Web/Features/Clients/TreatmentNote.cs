using PaulMassage.Web.Features.Booking;

namespace PaulMassage.Web.Features.Clients;

/// <summary>
/// The therapist's SOAP note on one visit, with the pain score the client gave that day. Health
/// data: only the therapist sees the note (the client sees their pain scores), and it is never logged.
/// </summary>
public class TreatmentNote
{
    public const int TextMaxLength = 4000;

    public int Id { get; set; }

    /// <summary>One note per visit.</summary>
    public int AppointmentId { get; set; }

    public Appointment? Appointment { get; set; }

    /// <summary>S: what the client reports.</summary>
    public required string Subjective { get; set; }

    /// <summary>O: what the therapist finds (posture, range of motion, tender points).</summary>
    public string? Objective { get; set; }

    /// <summary>A: the therapist's reading of it.</summary>
    public string? Assessment { get; set; }

    /// <summary>P: the treatment given and what comes next.</summary>
    public string? Plan { get; set; }

    /// <summary>Pain at this visit, 0 (none) to 10 (worst imaginable).</summary>
    public int PainScore { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }
}
