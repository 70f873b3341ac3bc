using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Clients;
using PaulMassage.Web.Features.Notifications;
using PaulMassage.Web.Features.Payments;
using PaulMassage.Web.Features.Reviews;
using PaulMassage.Web.Features.Scheduling;
using PaulMassage.Web.Features.Site;
using PaulMassage.Web.Infrastructure.Data;
using PaulMassage.Web.Infrastructure.Time;

namespace PaulMassage.Web.Features.Admin;

public enum ActionOutcomeKind
{
    Done,
    NotFound,

    /// <summary>The visit's state does not allow it, or a rule forbids it; nothing changed.</summary>
    Refused,

    /// <summary>Someone else changed the visit first (an old page, or the very same moment); nothing changed.</summary>
    Conflict,
}

/// <summary>What Paul records when he finishes a visit: the amount, how it was paid (None: owed) and his note (validated).</summary>
/// <summary>What Paul records when he finishes a visit: the amount due, how it was paid (None: owed), a gift voucher's code (paying part or all of it), a course package ("buy" or "draw", which sets the amount) and his note.</summary>
public sealed record VisitFinish(decimal AmountGbp, PaymentMethods Method, TreatmentNoteForm Note, string? VoucherCode = null, string? Package = null);

public sealed record ActionOutcome(ActionOutcomeKind Kind, string Message)
{
    public bool Succeeded => Kind == ActionOutcomeKind.Done;
}

/// <summary>
/// Every change the therapist makes to a visit, in one place: confirm, decline, propose another
/// time, move or cancel a confirmed visit, finish it (outcome, payment and note in one pass), a no-show, a late cancellation (a booking he enters himself is <see cref="PhoneBookingService"/>'s). Each goes through
/// <see cref="Appointment.ChangeStatus"/> (which renews the concurrency token and records who and
/// when), so two changes at the same moment cannot both win: the second gets a clear
/// <see cref="ActionOutcomeKind.Conflict"/> and the visit stays in the first one's state.
/// </summary>
public sealed class AppointmentActions(
    AppDbContext db,
    SchedulingSettings settings,
    AvailabilityService availability,
    PracticeClock clock,
    BookingNotifications notifications,
    VisitPayments payments,
    TreatmentNotes notes,
    ReviewInvitations reviews,
    Vouchers vouchers,
    Packages packages,
    ILogger<AppointmentActions> logger)
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    public async Task<ActionOutcome> ConfirmAsync(int id, Guid version, string actor, CancellationToken cancellationToken = default)
    {
        var appointment = await LoadAsync(id, cancellationToken);
        if (appointment is null)
        {
            return NotFound();
        }

        if (appointment.Version != version && appointment.Status == AppointmentStatus.Requested)
        {
            return Changed(appointment.Status);
        }

        if (!appointment.TherapistMayConfirm(clock.UtcNow))
        {
            return Refused(appointment.Status == AppointmentStatus.Requested
                ? "The requested time has passed, so it cannot be confirmed. Decline the request or propose another time."
                : WhyNot(appointment.Status, "confirmed"));
        }

        appointment.ChangeStatus(AppointmentStatus.Confirmed, actor, clock.UtcNow);
        await notifications.VisitConfirmedAsync(appointment, cancellationToken: cancellationToken);
        if (await SaveAsync(appointment, "confirmed", cancellationToken) is { } conflict)
        {
            return conflict;
        }

        logger.LogInformation("Booking {Reference} confirmed by the therapist", appointment.Reference);
        return Done($"Confirmed {appointment.Reference}: {appointment.Client!.Name}, {Describe(appointment.StartUtc)}.");
    }

    public async Task<ActionOutcome> DeclineAsync(int id, Guid version, string reason, string actor, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > 1000)
        {
            return Refused("Give the client a reason of up to 1,000 characters; they will see it on their booking page.");
        }

        var appointment = await LoadAsync(id, cancellationToken);
        if (appointment is null)
        {
            return NotFound();
        }

        if (!appointment.TherapistMayDecline())
        {
            return Refused(WhyNot(appointment.Status, "declined"));
        }

        if (appointment.Version != version)
        {
            return Changed(appointment.Status);
        }

        appointment.Decline(reason, actor, clock.UtcNow);
        await notifications.VisitDeclinedAsync(appointment, cancellationToken);
        if (await SaveAsync(appointment, "declined", cancellationToken) is { } conflict)
        {
            return conflict;
        }

        logger.LogInformation("Booking {Reference} declined by the therapist", appointment.Reference);
        return Done($"Declined {appointment.Reference}. The client sees your reason on their booking page, and the time is free again.");
    }

    public async Task<ActionOutcome> ProposeTimeAsync(int id, Guid version, DateTime proposedStartUtc, string actor, CancellationToken cancellationToken = default)
    {
        var appointment = await LoadAsync(id, cancellationToken);
        if (appointment is null)
        {
            return NotFound();
        }

        if (!appointment.TherapistMayPropose())
        {
            return Refused(WhyNot(appointment.Status, "given another time"));
        }

        if (appointment.Version != version)
        {
            return Changed(appointment.Status);
        }

        if (proposedStartUtc == appointment.StartUtc)
        {
            return Refused("That is the time the client asked for. Confirm the request instead, or choose a different time.");
        }

        if (!await availability.IsFreeAsync(proposedStartUtc, appointment.DurationMinutes, null, appointment.Postcode, cancellationToken))
        {
            return Refused($"{Describe(proposedStartUtc)} is not free for a {appointment.DurationMinutes}-minute visit any more. Choose another time.");
        }

        var snapshot = await settings.GetAsync(cancellationToken);
        appointment.ProposeTime(proposedStartUtc, snapshot.Rules.Travel.ShortestMinutes, actor, clock.UtcNow,
            $"Proposed {Describe(proposedStartUtc)} instead of {Describe(appointment.StartUtc)}");
        await notifications.AlternativeProposedAsync(appointment, proposedStartUtc, cancellationToken: cancellationToken);
        try
        {
            if (await SaveAsync(appointment, "given another time", cancellationToken) is { } conflict)
            {
                return conflict;
            }
        }
        catch (DbUpdateException ex) when (UniqueViolation.Involves(ex, nameof(AppDbContext.SlotClaims)))
        {
            db.ChangeTracker.Clear();
            return Refused($"{Describe(proposedStartUtc)} was taken a moment ago. Choose another time.");
        }

        logger.LogInformation("Booking {Reference}: the therapist proposed another time", appointment.Reference);
        return Done($"Proposed {Describe(proposedStartUtc)} to the client. Both times are held until they accept or reject it.");
    }

    /// <summary>Paul calls off a confirmed visit: the client is told (with the reason, if he gives one) and the time is free again.</summary>
    public async Task<ActionOutcome> CancelAsync(int id, Guid version, string? reason, string actor, CancellationToken cancellationToken = default)
    {
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (reason is { Length: > 1000 })
        {
            return Refused("Keep the message to the client to 1,000 characters; they will see it in the e-mail.");
        }

        var appointment = await LoadAsync(id, cancellationToken);
        if (appointment is null)
        {
            return NotFound();
        }

        if (appointment.Version != version && appointment.Status == AppointmentStatus.Confirmed)
        {
            return Changed(appointment.Status);
        }

        if (!appointment.TherapistMayCancel(clock.UtcNow))
        {
            return Refused(appointment.Status == AppointmentStatus.Confirmed
                ? "This visit has ended: record it as completed or a no-show instead."
                : appointment.TherapistMayDecline() ? "This is a request: decline it instead, with a reason for the client." : WhyNot(appointment.Status, "cancelled"));
        }

        appointment.ChangeStatus(AppointmentStatus.Cancelled, actor, clock.UtcNow, reason is null ? "Cancelled by the therapist" : $"Cancelled by the therapist: {reason}");
        await notifications.VisitCancelledAsync(appointment, ChangedBy.Therapist, reason, cancellationToken: cancellationToken);
        if (await SaveAsync(appointment, "cancelled", cancellationToken) is { } conflict)
        {
            return conflict;
        }

        logger.LogInformation("Booking {Reference} cancelled by the therapist", appointment.Reference);
        return Done($"Cancelled {appointment.Reference} ({appointment.Client!.Name}, {Describe(appointment.StartUtc)}). The client has been told and the time is free again.");
    }

    /// <summary>Paul moves a confirmed visit to a time agreed with the client: it stays confirmed and the client gets the new time with an updated invitation.</summary>
    public async Task<ActionOutcome> MoveAsync(int id, Guid version, DateTime newStartUtc, string actor, CancellationToken cancellationToken = default)
    {
        var appointment = await LoadAsync(id, cancellationToken);
        if (appointment is null)
        {
            return NotFound();
        }

        if (appointment.Version != version && appointment.Status == AppointmentStatus.Confirmed)
        {
            return Changed(appointment.Status);
        }

        if (!appointment.TherapistMayMove(clock.UtcNow))
        {
            return Refused(appointment.Status == AppointmentStatus.Confirmed
                ? "This visit has already started, so it cannot be moved."
                : appointment.TherapistMayPropose() ? "This is a request: propose another time instead, for the client to accept." : WhyNot(appointment.Status, "moved"));
        }

        if (newStartUtc == appointment.StartUtc)
        {
            return Refused("That is the visit's time already. Choose a different time.");
        }

        if (!await availability.IsFreeAsync(newStartUtc, appointment.DurationMinutes, appointment.Id, appointment.Postcode, cancellationToken))
        {
            return Refused($"{Describe(newStartUtc)} is not free for a {appointment.DurationMinutes}-minute visit any more. Choose another time.");
        }

        var previousStartUtc = appointment.StartUtc;
        var snapshot = await settings.GetAsync(cancellationToken);
        appointment.MoveTo(newStartUtc, snapshot.Rules.Travel.ShortestMinutes, actor, clock.UtcNow,
            $"Moved by the therapist from {Describe(previousStartUtc)} to {Describe(newStartUtc)}");
        await notifications.VisitMovedAsync(appointment, ChangedBy.Therapist, previousStartUtc, cancellationToken);
        try
        {
            if (await SaveAsync(appointment, "moved", cancellationToken) is { } conflict)
            {
                return conflict;
            }
        }
        catch (DbUpdateException ex) when (UniqueViolation.Involves(ex, nameof(AppDbContext.SlotClaims)))
        {
            db.ChangeTracker.Clear();
            return Refused($"{Describe(newStartUtc)} was taken a moment ago. Choose another time.");
        }

        logger.LogInformation("Booking {Reference} moved by the therapist", appointment.Reference);
        return Done($"Moved {appointment.Reference} ({appointment.Client!.Name}) to {Describe(newStartUtc)}. The client has the new time by e-mail.");
    }

    /// <summary>
    /// Paul finishes a visit in one pass: it is completed, its payment recorded (paid, with the
    /// next receipt number, or owed) and his treatment note written, all in one save; the client
    /// gets one after-visit e-mail, with the receipt's link when paid and the invitation to review when
    /// one is due (<see cref="ReviewRules.ShouldInvite"/>).
    /// </summary>
    public async Task<ActionOutcome> FinishAsync(int id, Guid version, VisitFinish finish, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(finish);
        var appointment = await LoadAsync(id, cancellationToken);
        if (appointment is null)
        {
            return NotFound();
        }

        if (WhyNoOutcome(appointment, version, "completed") is { } refused)
        {
            return refused;
        }

        var now = clock.UtcNow;

        // A course package sets the amount (its price when bought now, nothing when drawn on); a voucher then pays what it can of it.
        var (package, due, packageError) = finish.Package is "buy" or "draw"
            ? await packages.ApplyAsync(appointment, finish.Package, cancellationToken)
            : (null, finish.AmountGbp, null);
        var (byVoucher, voucherError, voucher) = packageError is not null || string.IsNullOrWhiteSpace(finish.VoucherCode)
            ? (0m, null, null)
            : await vouchers.RedeemAsync(appointment, finish.VoucherCode, due, cancellationToken);
        if ((packageError ?? voucherError) is { } error)
        {
            db.ChangeTracker.Clear();
            return Refused($"{appointment.Reference} was not finished: {error}");
        }

        appointment.ChangeStatus(AppointmentStatus.Completed, actor, now);
        var toPay = due - byVoucher;
        var settledOtherwise = toPay == 0 && (byVoucher > 0 || package is not null);
        var payment = await payments.AddAsync(appointment, PaymentKind.Visit, toPay, settledOtherwise ? PaymentMethods.None : finish.Method, byVoucher, package, cancellationToken);
        await notes.ApplyAsync(appointment.Id, finish.Note, now, cancellationToken);
        var review = await reviews.InviteAsync(appointment, cancellationToken);
        await notifications.VisitCompletedAsync(appointment, withReceipt: !payment.IsOwed, review, cancellationToken);
        try
        {
            if (await SaveAsync(appointment, "marked completed", cancellationToken) is { } conflict)
            {
                return conflict;
            }
        }
        catch (DbUpdateException ex) when (UniqueViolation.Involves(ex, nameof(AppDbContext.Payments)))
        {
            // The same visit finished in another tab, or another receipt took the number at the same moment: nothing was stored.
            db.ChangeTracker.Clear();
            return new ActionOutcome(ActionOutcomeKind.Conflict, $"{appointment.Reference} was not finished: another change was saved at the same moment. Open it again and check.");
        }

        logger.LogInformation("Booking {Reference} marked {Outcome}", appointment.Reference, AppointmentStatus.Completed);
        var paid = payment.IsOwed
            ? $"{Wording.Money(payment.AmountGbp)} recorded as owed."
            : payment.Method == PaymentMethods.None
                ? $"Paid by the {(package is not null ? "course package" : "voucher")}, receipt {PaymentRules.ReceiptLabel(payment.ReceiptNumber!.Value)}."
                : $"{Wording.Money(payment.AmountGbp)} paid by {PaymentRules.Name(payment.Method)}, receipt {PaymentRules.ReceiptLabel(payment.ReceiptNumber!.Value)}.";
        if (voucher is not null)
        {
            paid = $"Voucher {voucher.Code} paid {Wording.Money(byVoucher)} ({(voucher.IsSpent ? "now used up" : $"{Wording.Money(voucher.BalanceGbp)} left on it")}). {paid}";
        }

        return Done($"Marked {appointment.Reference} ({appointment.Client!.Name}) as completed. {paid}");
    }

    /// <summary>Nobody was in: the visit is a no-show, and the no-show fee (if the settings charge one) is owed.</summary>
    public async Task<ActionOutcome> MarkNoShowAsync(int id, Guid version, string actor, CancellationToken cancellationToken = default)
    {
        var appointment = await LoadAsync(id, cancellationToken);
        if (appointment is null)
        {
            return NotFound();
        }

        if (WhyNoOutcome(appointment, version, "a no-show") is { } refused)
        {
            return refused;
        }

        appointment.ChangeStatus(AppointmentStatus.NoShow, actor, clock.UtcNow);
        var fee = await payments.AddFeeAsync(appointment, PaymentKind.NoShowFee, cancellationToken);
        if (await SaveAsync(appointment, "marked a no-show", cancellationToken) is { } conflict)
        {
            return conflict;
        }

        logger.LogInformation("Booking {Reference} marked {Outcome}", appointment.Reference, AppointmentStatus.NoShow);
        return Done($"Marked {appointment.Reference} ({appointment.Client!.Name}) as a no-show.{FeeWords(fee, "no-show")}");
    }

    /// <summary>
    /// The client called off a confirmed visit inside the notice period (they cannot do that online):
    /// it is cancelled, counted as a late cancellation, and the fee (if any) is owed. The client gets
    /// the cancellation e-mail.
    /// </summary>
    public async Task<ActionOutcome> RecordLateCancellationAsync(int id, Guid version, string actor, CancellationToken cancellationToken = default)
    {
        var appointment = await LoadAsync(id, cancellationToken);
        if (appointment is null)
        {
            return NotFound();
        }

        if (appointment.Version != version && appointment.Status == AppointmentStatus.Confirmed)
        {
            return Changed(appointment.Status);
        }

        if (!appointment.TherapistMayRecordLateCancellation(clock.UtcNow))
        {
            return Refused(appointment.Status == AppointmentStatus.Confirmed
                ? $"The client can still cancel this visit themselves, free, until {CancellationPolicy.Notice.TotalHours:0} hours before it. To call it off now, cancel it instead."
                : $"Only a confirmed visit can be cancelled late: this one is {StatusLabels.Sentence(appointment.Status)}.");
        }

        appointment.CancelLateByClient(actor, clock.UtcNow);
        var fee = await payments.AddFeeAsync(appointment, PaymentKind.LateCancellationFee, cancellationToken);
        await notifications.VisitCancelledAsync(appointment, ChangedBy.Client, tellTherapist: false, cancellationToken: cancellationToken);
        if (await SaveAsync(appointment, "cancelled", cancellationToken) is { } conflict)
        {
            return conflict;
        }

        logger.LogInformation("Booking {Reference} cancelled late by the client, recorded by the therapist", appointment.Reference);
        return Done($"Recorded {appointment.Reference} ({appointment.Client!.Name}) as cancelled late by the client; the time is free again.{FeeWords(fee, "late cancellation")}");
    }

    private static string FeeWords(decimal? fee, string what) =>
        fee is decimal amount ? $" The {what} fee of {Wording.Money(amount)} is on the owed list." : string.Empty;

    private ActionOutcome? WhyNoOutcome(Appointment appointment, Guid version, string word)
    {
        if (appointment.Version != version && appointment.Status == AppointmentStatus.Confirmed)
        {
            return Changed(appointment.Status);
        }

        return appointment.TherapistMayRecordOutcome(clock.UtcNow)
            ? null
            : Refused(appointment.Status == AppointmentStatus.Confirmed
                ? $"This visit has not started yet ({Describe(appointment.StartUtc)}), so it cannot be marked {word}."
                : $"Only a confirmed visit can be marked {word}: this one is {StatusLabels.Sentence(appointment.Status)}.");
    }

    private Task<Appointment?> LoadAsync(int id, CancellationToken cancellationToken) =>
        db.Appointments
            .Include(a => a.Client)
            .Include(a => a.SlotClaims)
            .SingleOrDefaultAsync(a => a.Id == id, cancellationToken);

    /// <summary>
    /// Saves the change. When the client (or another tab) changed the visit after it was read, the
    /// concurrency token makes the update miss, nothing is written, and the therapist is told
    /// what the visit is now.
    /// </summary>
    private async Task<ActionOutcome?> SaveAsync(Appointment appointment, string action, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var now = await db.Appointments.AsNoTracking().Where(a => a.Id == appointment.Id).Select(a => (AppointmentStatus?)a.Status).SingleOrDefaultAsync(cancellationToken);
            logger.LogInformation("Booking {Reference} changed by someone else while being {Action}", appointment.Reference, action);
            return new ActionOutcome(
                ActionOutcomeKind.Conflict,
                $"{appointment.Reference} was changed at the same moment, so it was not {action}: it is now {(now is { } s ? StatusLabels.Sentence(s) : "gone")}.");
        }
    }

    private static string WhyNot(AppointmentStatus status, string action) => status switch
    {
        AppointmentStatus.Cancelled => $"The client cancelled this request, so it cannot be {action}.",
        AppointmentStatus.Confirmed when action == "confirmed" => "This visit is already confirmed.",
        AppointmentStatus.AlternativeProposed => $"You proposed another time; it cannot be {action} until the client accepts or rejects it.",
        _ => $"This visit is {StatusLabels.Sentence(status)}, so it cannot be {action}.",
    };

    private string Describe(DateTime utc) => clock.ToLocal(utc).ToString("dddd d MMMM 'at' HH:mm", British);

    private static ActionOutcome Changed(AppointmentStatus status) => new(
        ActionOutcomeKind.Conflict,
        $"This visit changed after you opened the page: it is now {StatusLabels.Sentence(status)}. Nothing was changed; look at it again and decide.");

    private static ActionOutcome Done(string message) => new(ActionOutcomeKind.Done, message);

    private static ActionOutcome Refused(string message) => new(ActionOutcomeKind.Refused, message);

    private static ActionOutcome NotFound() => new(ActionOutcomeKind.NotFound, "There is no such visit.");
}
