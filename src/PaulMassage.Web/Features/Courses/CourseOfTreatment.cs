using PaulMassage.Web.Features.Catalogue;
using PaulMassage.Web.Features.Clients;
using PaulMassage.Web.Infrastructure.Data.Encryption;

namespace PaulMassage.Web.Features.Courses;

/// <summary>
/// The plan the therapist sets for a client: so many sessions of a treatment, so many days apart,
/// towards a goal. Visits count towards the client's latest plan that started on or before them.
/// </summary>
public class CourseOfTreatment
{
    public int Id { get; set; }

    public int ClientId { get; set; }

    public Client? Client { get; set; }

    /// <summary>The focus treatment; the client's "book your next session" link offers it.</summary>
    public int ServiceId { get; set; }

    public Service? Service { get; set; }

    /// <summary>The session length the plan asks for.</summary>
    public int SessionMinutes { get; set; }

    public int Sessions { get; set; }

    public int IntervalDays { get; set; }

    /// <summary>What the client wants to be able to do again (health data): encrypted at rest; length checked by <see cref="CourseRules"/>.</summary>
    [Encrypted]
    public required string Goal { get; set; }

    /// <summary>The local day the course starts; completed visits from this day on count towards it.</summary>
    public DateOnly StartDate { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }
}
