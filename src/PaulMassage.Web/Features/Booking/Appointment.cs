using PaulMassage.Web.Features.Catalogue;
using PaulMassage.Web.Features.Clients;
using PaulMassage.Web.Features.Screening;
using PaulMassage.Web.Infrastructure.Data.Encryption;

namespace PaulMassage.Web.Features.Booking;

/// <summary>
/// A home visit, from the client's request to its outcome. It is made only by <see cref="Request"/>
/// and changes only through its own methods, so no caller can store a half-made visit (no token,
/// no history, no slot claims) or a change of status the rules do not allow.
/// </summary>
public class Appointment
{
    /// <summary>Where new version stamps come from: random, or the data generator's seeded source.</summary>
    private Func<Guid> newVersion = Guid.NewGuid;

    /// <summary>For EF Core, which sets the stored values through the private setters.</summary>
    private Appointment()
    {
    }

    /// <summary>The key; set by the database, or by the data generator's bulk insert.</summary>
    public int Id { get; set; }

    /// <summary>Short reference the client quotes on the phone, for example PM-7K3Q9X.</summary>
    public string Reference { get; private set; } = string.Empty;

    /// <summary>SHA-256 of the manage-link token; the token itself is only ever in the client's link.</summary>
    public string ManageTokenHash { get; set; } = string.Empty;

    /// <summary>
    /// When a fresh manage link replaced the first one (the client asked for it after the old one
    /// expired); null while the booking still has the link it was made with. See <see cref="ManageLinkExpiresUtc"/>.
    /// </summary>
    public DateTime? ManageTokenIssuedUtc { get; private set; }

    /// <summary>
    /// The manage-link token encrypted with ASP.NET Core Data Protection (see <see cref="ManageLinks"/>),
    /// so later e-mails (reminders, aftercare) can carry the link. The key ring is in the same database,
    /// but its keys are encrypted with a certificate kept outside it (DataProtection:CertificatePath),
    /// so a copy of the database cannot decrypt this. Cleared by <see cref="RevokeManageToken"/> on erasure.
    /// </summary>
    public string? ManageTokenProtected { get; set; }

    /// <summary>The client's key; set with <see cref="Client"/>, or by the data generator's bulk insert.</summary>
    public int ClientId { get; set; }

    public Client? Client { get; private set; }

    public int ServiceId { get; private set; }

    public Service? Service { get; private set; }

    public int DurationMinutes { get; private set; }

    /// <summary>The price when booked, so later price changes do not rewrite history.</summary>
    public decimal PriceGbp { get; private set; }

    public DateTime StartUtc { get; private set; }

    public DateTime EndUtc { get; private set; }

    public AppointmentStatus Status { get; private set; } = AppointmentStatus.Requested;

    /// <summary>Set by screening when a contraindication needs the therapist's review.</summary>
    public bool NeedsReview { get; private set; }

    // The address is cleared by erasure (PrivacyService), so its setters stay open to it.
    public string AddressLine1 { get; set; } = string.Empty;

    public string? AddressLine2 { get; set; }

    public string Town { get; set; } = string.Empty;

    public string Postcode { get; set; } = string.Empty;

    /// <summary>How to get in (entry codes, key-safe numbers, parking): encrypted at rest.</summary>
    [Encrypted]
    public string? AccessNotes { get; set; }

    /// <summary>
    /// The other time the therapist suggested, while the visit waits for the client's answer
    /// (<see cref="AppointmentStatus.AlternativeProposed"/>); both times are held until then.
    /// </summary>
    public DateTime? ProposedStartUtc { get; private set; }

    public DateTime? ProposedEndUtc => ProposedStartUtc?.AddMinutes(DurationMinutes);

    /// <summary>The therapist's reason when he declines (<see cref="Decline"/>), shown to the client; may speak of health, so encrypted at rest; erasure clears it.</summary>
    [Encrypted]
    public string? DeclineReason { get; set; }

    public DateTime CreatedUtc { get; private set; }

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

    /// <summary>The arrival time Paul last gave the client with "I'm on my way", shown on his day agenda.</summary>
    public DateTime? AnnouncedArrivalUtc { get; private set; }

    /// <summary>The client called the visit off inside the notice period (Paul recorded it; <see cref="CancelLateByClient"/>).</summary>
    public bool CancelledLate { get; private set; }

    /// <summary>Changes on every update, so two concurrent changes cannot both win.</summary>
    public Guid Version { get; private set; }

    public IntakeAssessment? Intake { get; private set; }

    /// <summary>The course or repeating series Paul booked this visit in, if any.</summary>
    public int? SeriesId { get; private set; }

    public VisitSeries? Series { get; private set; }

    public List<AppointmentEvent> History { get; } = [];

    public List<SlotClaim> SlotClaims { get; } = [];

    /// <summary>
    /// The one way a visit is made: a request at a time and place, with its reference and manage-link
    /// secret, the intake answers screened (a review flag for a contraindication), the first line of
    /// its history, and the calendar cells it holds. The callers (online booking, phone booking, the
    /// sample data, the data generator and the tests) only say what is booked and by whom.
    /// </summary>
    /// <param name="client">Null only when the caller sets <see cref="ClientId"/> itself (the data generator).</param>
    /// <param name="versions">The source of version stamps; the data generator passes its seeded one so its output is reproducible.</param>
    public static Appointment Request(
        VisitPlan plan,
        Client? client,
        VisitKeys keys,
        string actor,
        DateTime atUtc,
        int shortestTravelMinutes,
        string? note = null,
        Func<Guid>? versions = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(keys);
        var screened = plan.Intake is { } answers
            ? ScreeningRules.Screen(new IntakeAnswers(answers.RedFlags, answers.Contraindications, answers.Feelings, answers.SeenByGpSince))
            : null;
        var screening = screened?.Outcome ?? ScreeningOutcome.Clear;
        if (screened is { ClearedByGp: true })
        {
            // The answer that made this a review is not kept with the intake: the history tells the therapist.
            note = string.IsNullOrEmpty(note) ? IntakeLabels.SeenByGpSinceReview : $"{note} {IntakeLabels.SeenByGpSinceReview}";
        }
        if (screening == ScreeningOutcome.Stop)
        {
            throw new InvalidOperationException("A visit is never booked with a red flag; the booking stops with medical advice first.");
        }

        var appointment = new Appointment
        {
            newVersion = versions ?? Guid.NewGuid,
            Reference = keys.Reference,
            ManageTokenHash = ManageToken.Hash(keys.Token),
            ManageTokenProtected = keys.ProtectedToken,
            Client = client,
            ClientId = client?.Id ?? 0,
            ServiceId = plan.ServiceId,
            DurationMinutes = plan.Minutes,
            PriceGbp = plan.PriceGbp,
            StartUtc = plan.StartUtc,
            EndUtc = plan.StartUtc.AddMinutes(plan.Minutes),
            NeedsReview = screening == ScreeningOutcome.NeedsReview,
            AddressLine1 = plan.AddressLine1,
            AddressLine2 = plan.AddressLine2,
            Town = plan.Town,
            Postcode = plan.Postcode,
            AccessNotes = plan.AccessNotes,
            CreatedUtc = atUtc,
            Intake = plan.Intake is { } intake
                ? new IntakeAssessment
                {
                    MainComplaint = intake.MainComplaint,
                    PainAreas = intake.PainAreas,
                    PainIntensity = intake.PainIntensity,
                    Duration = intake.Duration,
                    Feelings = intake.Feelings,
                    Contraindications = intake.Contraindications,
                    MedicalHistory = intake.MedicalHistory,
                    Outcome = screening,
                    HealthDataConsentUtc = atUtc,
                    CancellationPolicyAcceptedUtc = atUtc,
                }
                : null,
        };
        appointment.Version = appointment.newVersion();
        appointment.History.Add(new AppointmentEvent { ToStatus = AppointmentStatus.Requested, Actor = actor, AtUtc = atUtc, Note = note });
        appointment.ClaimSlots(shortestTravelMinutes);
        return appointment;
    }

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
        Version = newVersion();
        if (!BookingStateMachine.HoldsTime(to))
        {
            SlotClaims.Clear();
        }
    }

    /// <summary>The client called off a confirmed visit inside the notice period, by phone or at the door; Paul records it.</summary>
    public void CancelLateByClient(string actor, DateTime atUtc)
    {
        ChangeStatus(AppointmentStatus.Cancelled, actor, atUtc, "Cancelled late by the client");
        CancelledLate = true;
    }

    public bool TherapistMayRecordLateCancellation(DateTime nowUtc) => VisitPermissions.TherapistMayRecordLateCancellation(Status, StartUtc, nowUtc);

    public bool ClientMayCancel(DateTimeOffset now) => VisitPermissions.ClientMayCancel(Status, StartUtc, now);

    public bool ClientMayMove(DateTimeOffset now) => VisitPermissions.ClientMayMove(Status, StartUtc, now);

    public bool TherapistMayConfirm(DateTime nowUtc) => VisitPermissions.TherapistMayConfirm(Status, StartUtc, nowUtc);

    public bool TherapistMayDecline() => VisitPermissions.TherapistMayDecline(Status);

    public bool TherapistMayPropose() => VisitPermissions.TherapistMayPropose(Status);

    public bool TherapistMayRecordOutcome(DateTime nowUtc) => VisitPermissions.TherapistMayRecordOutcome(Status, StartUtc, nowUtc);

    public bool TherapistMayCancel(DateTime nowUtc) => VisitPermissions.TherapistMayCancel(Status, EndUtc, nowUtc);

    public bool TherapistMayMove(DateTime nowUtc) => VisitPermissions.TherapistMayMove(Status, StartUtc, nowUtc);

    public bool TherapistMayAnnounceArrival(DateTime nowUtc) => VisitPermissions.TherapistMayAnnounceArrival(Status, StartUtc, EndUtc, nowUtc);

    public bool TherapistMayWriteUp(DateTime nowUtc) => VisitPermissions.TherapistMayWriteUp(Status, StartUtc, nowUtc);

    /// <summary>The therapist turns the request down, with a reason the client sees.</summary>
    public void Decline(string reason, string actor, DateTime atUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ChangeStatus(AppointmentStatus.Declined, actor, atUtc, "Reason given to the client: " + reason.Trim());
        DeclineReason = reason.Trim();
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
        Version = newVersion();
    }

    /// <summary>Someone at the booking's address said it was not them: the check link is used up and the visit is flagged for Paul.</summary>
    public void Disown(DateTime atUtc)
    {
        EmailCheckTokenHash = null;
        DisownedUtc ??= atUtc;
        Version = newVersion();
    }

    /// <summary>Paul is on his way and told the client when he expects to arrive.</summary>
    public void AnnounceArrival(DateTime arrivalUtc, DateTime nowUtc)
    {
        if (!VisitPermissions.TherapistMayAnnounceArrival(Status, StartUtc, EndUtc, nowUtc))
        {
            throw new InvalidOperationException($"Booking {Reference}: \"on my way\" is for a confirmed visit of the next hours.");
        }

        AnnouncedArrivalUtc = arrivalUtc;
    }

    /// <summary>Paul has linked the booking to another client record (one of the same address).</summary>
    public void MoveToClient(Client client)
    {
        Client = client;
        ClientId = client.Id;
        Version = newVersion();
    }

    /// <summary>The visit is one of a series booked together (before it is first saved).</summary>
    public void JoinSeries(VisitSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        Series = series;
        series.Visits.Add(this);
    }

    /// <summary>Claims the quarter-hour cells the visit and the shortest travel after it cover (<see cref="SlotClaim.CellsFor"/>).</summary>
    public void ClaimSlots(int shortestTravelMinutes) =>
        ClaimCells(SlotClaim.CellsFor(StartUtc, EndUtc, shortestTravelMinutes));

    /// <summary>
    /// Suggests another time: the visit waits for the client's answer and holds both its own time
    /// and the proposed one, so neither can be given away meanwhile.
    /// </summary>
    public void ProposeTime(DateTime proposedStartUtc, int shortestTravelMinutes, string actor, DateTime atUtc, string? note = null)
    {
        ChangeStatus(AppointmentStatus.AlternativeProposed, actor, atUtc, note);
        ProposedStartUtc = proposedStartUtc;
        ClaimCells(SlotClaim.CellsFor(StartUtc, EndUtc, shortestTravelMinutes)
            .Union(SlotClaim.CellsFor(proposedStartUtc, proposedStartUtc.AddMinutes(DurationMinutes), shortestTravelMinutes)));
    }

    /// <summary>The client takes the proposed time: the visit moves there, is confirmed, and lets its old time go.</summary>
    public void AcceptProposedTime(int shortestTravelMinutes, string actor, DateTime atUtc, string? note = null)
    {
        if (Status != AppointmentStatus.AlternativeProposed || ProposedStartUtc is not DateTime proposed)
        {
            throw new InvalidStatusChangeException(Status, AppointmentStatus.Confirmed);
        }

        ChangeStatus(AppointmentStatus.Confirmed, actor, atUtc, note);
        StartUtc = proposed;
        EndUtc = proposed.AddMinutes(DurationMinutes);
        ClaimSlots(shortestTravelMinutes);
    }

    /// <summary>
    /// Gives the visit a new time with the same length and status: the history records it, the
    /// slot claims follow the new time, and a concurrent change of the visit loses on save.
    /// </summary>
    public void MoveTo(DateTime newStartUtc, int shortestTravelMinutes, string actor, DateTime atUtc, string note)
    {
        if (!BookingStateMachine.HoldsTime(Status))
        {
            throw new InvalidStatusChangeException(Status, Status);
        }

        StartUtc = newStartUtc;
        EndUtc = newStartUtc.AddMinutes(DurationMinutes);
        Version = newVersion();
        History.Add(new AppointmentEvent { FromStatus = Status, ToStatus = Status, Actor = actor, AtUtc = atUtc, Note = note });
        ClaimSlots(shortestTravelMinutes);
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

/// <summary>What a new visit books: the service and length (at its price then), when, where, and the intake answers (none for some phone bookings).</summary>
public sealed record VisitPlan(
    int ServiceId,
    int Minutes,
    decimal PriceGbp,
    DateTime StartUtc,
    string AddressLine1,
    string? AddressLine2,
    string Town,
    string Postcode,
    string? AccessNotes,
    IntakeDetails? Intake);

/// <summary>
/// The reference and manage-link secret of a new visit. The site draws them at random
/// (<see cref="ManageLinks.NewKeys"/>); the data generator from its seed, so its output is reproducible.
/// </summary>
/// <param name="ProtectedToken">The token encrypted for later e-mails; null when none will be sent (sample and generated data).</param>
public sealed record VisitKeys(string Reference, string Token, string? ProtectedToken);

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
