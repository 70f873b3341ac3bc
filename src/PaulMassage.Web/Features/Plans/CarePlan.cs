using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Catalogue;
using PaulMassage.Web.Features.Clients;
using PaulMassage.Web.Infrastructure.Data.Encryption;

namespace PaulMassage.Web.Features.Plans;

/// <summary>
/// The client's own plan, as Paul gives it after a visit: the techniques he used and plans, each with
/// the reason in a sentence, and the self-help he chose for them with a personal note each. One
/// version per visit: a plan after a later visit is a new version, and the earlier ones stay in the
/// client's history. The reasons and notes are health data, encrypted at rest. Changed only by its
/// own methods.
/// </summary>
public class CarePlan
{
    private readonly List<CarePlanTechnique> techniques = [];
    private readonly List<CarePlanItem> items = [];

    public int Id { get; private set; }

    public int ClientId { get; private set; }

    public Client? Client { get; private set; }

    /// <summary>The visit this version was given at (one version per visit).</summary>
    public int AppointmentId { get; private set; }

    public Appointment? Appointment { get; private set; }

    public DateTime CreatedUtc { get; private set; }

    public DateTime UpdatedUtc { get; private set; }

    public IReadOnlyList<CarePlanTechnique> Techniques => techniques;

    public IReadOnlyList<CarePlanItem> Items => items;

    /// <summary>A new version of the client's plan, given at <paramref name="appointmentId"/>.</summary>
    public static CarePlan Give(int clientId, int appointmentId, PlanContent content, DateTime nowUtc)
    {
        var plan = new CarePlan { ClientId = clientId, AppointmentId = appointmentId, CreatedUtc = nowUtc };
        plan.Revise(content, nowUtc);
        return plan;
    }

    /// <summary>The visit's booking was linked to the address's own client record (the visit moved with it).</summary>
    public void MoveToClient(int clientId) => ClientId = clientId;

    /// <summary>Paul corrects this version (the same visit's plan): its techniques and self-help are replaced.</summary>
    public void Revise(PlanContent content, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(content);
        techniques.Clear();
        techniques.AddRange(content.Techniques.Select(t => new CarePlanTechnique(t.ServiceId, t.UsedToday, t.Planned, t.Reason.Trim())));
        items.Clear();
        items.AddRange(content.SelfHelp.Select((s, i) => new CarePlanItem(s.SelfHelpItemId, string.IsNullOrWhiteSpace(s.Note) ? null : s.Note.Trim(), i)));
        UpdatedUtc = nowUtc;
    }
}

/// <summary>One of the four treatments in a plan: used at the visit, planned for the next ones, or both; and why.</summary>
public class CarePlanTechnique
{
    public const int ReasonMaxLength = 300;

    public CarePlanTechnique(int serviceId, bool usedToday, bool planned, string reason)
    {
        ServiceId = serviceId;
        UsedToday = usedToday;
        Planned = planned;
        Reason = reason;
    }

    public int Id { get; private set; }

    public int CarePlanId { get; private set; }

    public int ServiceId { get; private set; }

    public Service? Service { get; private set; }

    public bool UsedToday { get; private set; }

    public bool Planned { get; private set; }

    /// <summary>Why, in a sentence (health data: encrypted).</summary>
    [Encrypted]
    public string Reason { get; private set; }
}

/// <summary>A self-help item chosen for the client, with Paul's personal note ("left side only").</summary>
public class CarePlanItem
{
    public const int NoteMaxLength = 300;

    public CarePlanItem(int selfHelpItemId, string? note, int sortOrder)
    {
        SelfHelpItemId = selfHelpItemId;
        Note = note;
        SortOrder = sortOrder;
    }

    public int Id { get; private set; }

    public int CarePlanId { get; private set; }

    public int SelfHelpItemId { get; private set; }

    public SelfHelpItem? SelfHelpItem { get; private set; }

    /// <summary>Paul's note for this client (health data: encrypted), or null.</summary>
    [Encrypted]
    public string? Note { get; private set; }

    public int SortOrder { get; private set; }
}

/// <summary>What a plan version holds, as the rules have checked it.</summary>
public sealed record PlanContent(IReadOnlyList<PlannedTechnique> Techniques, IReadOnlyList<ChosenSelfHelp> SelfHelp);

public sealed record PlannedTechnique(int ServiceId, bool UsedToday, bool Planned, string Reason);

public sealed record ChosenSelfHelp(int SelfHelpItemId, string? Note);
