using PaulMassage.Web.Features.Catalogue;
using PaulMassage.Web.Features.Clients;
using PaulMassage.Web.Features.Screening;
using PaulMassage.Web.Infrastructure.Data.Encryption;

namespace PaulMassage.Web.Features.Booking;

/// <summary>A home visit, from the client's request to its outcome.</summary>
public class Appointment
{
    public int Id { get; set; }

    /// <summary>Short reference the client quotes on the phone, for example PM-7K3Q9X.</summary>
    public required string Reference { get; set; }

    /// <summary>SHA-256 of the manage-link token; the token itself is only ever in the client's link.</summary>
    public required string ManageTokenHash { get; set; }

    /// <summary>
    /// When a fresh manage link replaced the first one (the client asked for it after the old one
    /// expired); null while the booking still has the link it was made with. See <see cref="ManageLinkExpiresUtc"/>.
    /// </summary>
    public DateTime? ManageTokenIssuedUtc { get; private set; }

    /// <summary>
    /// The manage-link token encrypted with ASP.NET Core Data Protection (see <see cref="ManageLinks"/>),
    /// so later e-mails (reminders, aftercare) can carry the link. Useless without the key ring,
    /// which is kept outside the database.
    /// </summary>
    public string? ManageTokenProtected { get; set; }

    public int ClientId { get; set; }

    public Client? Client { get; set; }

    public int ServiceId { get; set; }

    public Service? Service { get; set; }

    public int DurationMinutes { get; set; }

    /// <summary>The price when booked, so later price changes do not rewrite history.</summary>
    public decimal PriceGbp { get; set; }

    public DateTime StartUtc { get; set; }

    public DateTime EndUtc { get; set; }

    public AppointmentStatus Status { get; private set; } = AppointmentStatus.Requested;

    /// <summary>Set by screening when a contraindication needs the therapist's review.</summary>
    public bool NeedsReview { get; set; }

    public required string AddressLine1 { get; set; }

    public string? AddressLine2 { get; set; }

    public required string Town { get; set; }

    public required string Postcode { get; set; }

    /// <summary>How to get in (entry codes, key-safe numbers, parking): encrypted at rest.</summary>
    [Encrypted]
    public string? AccessNotes { get; set; }

    /// <summary>
    /// The other time the therapist suggested, while the visit waits for the client's answer
    /// (<see cref="AppointmentStatus.AlternativeProposed"/>); both times are held until then.
    /// </summary>
    public DateTime? ProposedStartUtc { get; private set; }

    public DateTime? ProposedEndUtc => ProposedStartUtc?.AddMinutes(DurationMinutes);

    /// <summary>The therapist's reason when he declines, shown to the client; may speak of health, so encrypted at rest.</summary>
    [Encrypted]
    public string? DeclineReason { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>
    /// When the day-before reminder was queued, or when a confirmation or move e-mail sent inside
    /// the reminder window made it unnecessary. Cleared when the visit moves, so the new time gets one.
    /// </summary>
    public DateTime? ReminderQueuedUtc { get; set; }

    /// <summary>
    /// SHA-256 of the one-time token in the "request received" e-mail of a booking made without
    /// signing in: its holder can say the booking is theirs (proving the address) or that it was not
    /// them. Cleared once either is answered.
    /// </summary>
    public string? EmailCheckTokenHash { get; private set; }

    /// <summary>When someone at the booking's e-mail address said they did not make it; Paul sees the flag.</summary>
    public DateTime? DisownedUtc { get; private set; }

    /// <summary>Changes on every update, so two concurrent changes cannot both win.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public IntakeAssessment? Intake { get; set; }

    public List<AppointmentEvent> History { get; } = [];

    public List<SlotClaim> SlotClaims { get; } = [];

    /// <summary>Moves the visit to another status, recording who did it and when.</summary>
    public void ChangeStatus(AppointmentStatus to, string actor, DateTime atUtc, string? note = null)
    {
        if (!BookingStateMachine.CanMove(Status, to))
        {
            throw new InvalidStatusChangeException(Status, to);
        }

        History.Add(new AppointmentEvent { FromStatus = Status, ToStatus = to, Actor = actor, AtUtc = atUtc, Note = note });
        if (Status == AppointmentStatus.AlternativeProposed)
        {
            ProposedStartUtc = null; // answered or called off: only one time is left, or none
        }

        Status = to;
        Version = Guid.NewGuid();
        if (!BookingStateMachine.HoldsTime(to))
        {
            SlotClaims.Clear();
        }
    }

    /// <summary>
    /// When the manage link stops working: <paramref name="validity"/> after the end of the visit (or
    /// of a time Paul proposed, if later), or after a fresh link was issued, whichever is latest.
    /// </summary>
    public DateTime ManageLinkExpiresUtc(TimeSpan validity)
    {
        var last = EndUtc;
        if (ProposedEndUtc is DateTime proposed && proposed > last)
        {
            last = proposed;
        }

        if (ManageTokenIssuedUtc is DateTime issued && issued > last)
        {
            last = issued;
        }

        return last + validity;
    }

    /// <summary>A fresh manage link replaces the old one, which stops working at once.</summary>
    public void ReplaceManageToken(string tokenHash, string tokenProtected, DateTime atUtc)
    {
        ManageTokenHash = tokenHash;
        ManageTokenProtected = tokenProtected;
        ManageTokenIssuedUtc = atUtc;
        Version = Guid.NewGuid();
    }

    /// <summary>The manage link stops working for good and cannot be rebuilt for e-mails (erasure).</summary>
    public void RevokeManageToken()
    {
        ManageTokenHash = ManageToken.Hash(ManageToken.Create());
        ManageTokenProtected = null;
        ManageTokenIssuedUtc = null;
        Version = Guid.NewGuid();
    }

    /// <summary>Starts the e-mail address check of a booking made without signing in; the token goes in the e-mail only.</summary>
    public string StartEmailCheck()
    {
        var token = ManageToken.Create();
        EmailCheckTokenHash = ManageToken.Hash(token);
        return token;
    }

    /// <summary>The address's owner said the booking is theirs: the check link is used up.</summary>
    public void CompleteEmailCheck()
    {
        EmailCheckTokenHash = null;
        Version = Guid.NewGuid();
    }

    /// <summary>Someone at the booking's address said it was not them: the check link is used up and the visit is flagged for Paul.</summary>
    public void Disown(DateTime atUtc)
    {
        EmailCheckTokenHash = null;
        DisownedUtc ??= atUtc;
        Version = Guid.NewGuid();
    }

    /// <summary>Paul has linked the booking to another client record (one of the same address).</summary>
    public void MoveToClient(Client client)
    {
        Client = client;
        ClientId = client.Id;
        Version = Guid.NewGuid();
    }

    /// <summary>Claims the quarter-hour cells the visit and its travel buffer cover.</summary>
    public void ClaimSlots(int travelBufferMinutes) =>
        ClaimCells(SlotClaim.CellsFor(StartUtc, EndUtc, travelBufferMinutes));

    /// <summary>
    /// Suggests another time: the visit waits for the client's answer and holds both its own time
    /// and the proposed one, so neither can be given away meanwhile.
    /// </summary>
    public void ProposeTime(DateTime proposedStartUtc, int travelBufferMinutes, string actor, DateTime atUtc, string? note = null)
    {
        ChangeStatus(AppointmentStatus.AlternativeProposed, actor, atUtc, note);
        ProposedStartUtc = proposedStartUtc;
        ClaimCells(SlotClaim.CellsFor(StartUtc, EndUtc, travelBufferMinutes)
            .Union(SlotClaim.CellsFor(proposedStartUtc, proposedStartUtc.AddMinutes(DurationMinutes), travelBufferMinutes)));
    }

    /// <summary>The client takes the proposed time: the visit moves there, is confirmed, and lets its old time go.</summary>
    public void AcceptProposedTime(int travelBufferMinutes, string actor, DateTime atUtc, string? note = null)
    {
        if (Status != AppointmentStatus.AlternativeProposed || ProposedStartUtc is not DateTime proposed)
        {
            throw new InvalidStatusChangeException(Status, AppointmentStatus.Confirmed);
        }

        ChangeStatus(AppointmentStatus.Confirmed, actor, atUtc, note);
        StartUtc = proposed;
        EndUtc = proposed.AddMinutes(DurationMinutes);
        ClaimSlots(travelBufferMinutes);
    }

    /// <summary>
    /// Gives the visit a new time with the same length and status: the history records it, the
    /// slot claims follow the new time, and a concurrent change of the visit loses on save.
    /// </summary>
    public void MoveTo(DateTime newStartUtc, int travelBufferMinutes, string actor, DateTime atUtc, string note)
    {
        if (!BookingStateMachine.HoldsTime(Status))
        {
            throw new InvalidStatusChangeException(Status, Status);
        }

        StartUtc = newStartUtc;
        EndUtc = newStartUtc.AddMinutes(DurationMinutes);
        Version = Guid.NewGuid();
        History.Add(new AppointmentEvent { FromStatus = Status, ToStatus = Status, Actor = actor, AtUtc = atUtc, Note = note });
        ClaimSlots(travelBufferMinutes);
    }

    /// <summary>
    /// Holds exactly these cells: keeps the ones already held, releases the others and claims the
    /// new ones, so that no cell is deleted and inserted again in the same save.
    /// </summary>
    private void ClaimCells(IEnumerable<DateTime> cells)
    {
        var wanted = cells.ToHashSet();
        SlotClaims.RemoveAll(c => !wanted.Contains(c.CellStartUtc));
        var held = SlotClaims.Select(c => c.CellStartUtc).ToHashSet();
        SlotClaims.AddRange(wanted.Where(cell => !held.Contains(cell)).Order().Select(cell => new SlotClaim { CellStartUtc = cell }));
    }
}

/// <summary>One change in an appointment's life: who, when, from what to what.</summary>
public class AppointmentEvent
{
    public int Id { get; set; }

    public int AppointmentId { get; set; }

    public AppointmentStatus? FromStatus { get; set; }

    public AppointmentStatus ToStatus { get; set; }

    public required string Actor { get; set; }

    public DateTime AtUtc { get; set; }

    /// <summary>Free text (a decline reason, a note to the client): encrypted at rest.</summary>
    [Encrypted]
    public string? Note { get; set; }
}
