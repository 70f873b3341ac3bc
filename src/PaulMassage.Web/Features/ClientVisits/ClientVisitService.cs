using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PaulMassage.Web.Features.Account;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Notifications;
using PaulMassage.Web.Features.Scheduling;
using PaulMassage.Web.Infrastructure.Data;
using PaulMassage.Web.Infrastructure.Time;

namespace PaulMassage.Web.Features.ClientVisits;

public sealed record ManagedBooking(
    string Reference,
    string ServiceName,
    int DurationMinutes,
    decimal PriceGbp,
    DateTimeOffset LocalStart,
    AppointmentStatus Status,
    string Postcode,
    string? DeclineReason,
    bool ClientMayCancel,
    bool ClientMayMove,
    bool InsideCancellationNotice,
    DateTimeOffset? LocalProposedStart = null);

/// <summary>One visit of a series, as its manage page shows it; <paramref name="ManageUrl"/> is the visit's own link (to move it), when it can be rebuilt.</summary>
public sealed record SeriesVisitView(
    string Reference,
    DateTimeOffset LocalStart,
    string ServiceName,
    int DurationMinutes,
    decimal PriceGbp,
    AppointmentStatus Status,
    bool MayCancel,
    bool InsideNotice,
    string? ManageUrl);

/// <summary>A course or repeating series behind its link or in the client's account.</summary>
public sealed record ManagedSeries(int Id, IReadOnlyList<SeriesVisitView> Visits, bool PartOfCourse)
{
    /// <summary>The visits "cancel the rest" would cancel.</summary>
    public int Cancellable => Visits.Count(v => v.MayCancel);

    /// <summary>The visits still to come that stay if the rest is cancelled: they start within the notice period.</summary>
    public int StayInsideNotice => Visits.Count(v => v.InsideNotice);
}

/// <summary>What "cancel the rest of the series" did.</summary>
public sealed record SeriesCancelOutcome(int Cancelled, int KeptInsideNotice, bool Conflict = false);

public enum CancelResult
{
    Cancelled,
    NotFound,
    TooLate,
    NotCancellable,

    /// <summary>Paul changed the visit at the same moment; nothing was changed.</summary>
    Conflict,
}

public enum ProposalAnswerResult
{
    Accepted,
    Rejected,
    NotFound,

    /// <summary>There is no proposed time waiting for an answer (any more).</summary>
    NothingToAnswer,

    /// <summary>The proposed time has already passed.</summary>
    TooLate,

    /// <summary>Paul changed the visit at the same moment; nothing was changed.</summary>
    Conflict,
}

/// <summary>What became of a client's request to move a visit.</summary>
public abstract record MoveOutcome
{
    public sealed record Moved(DateTimeOffset LocalStart) : MoveOutcome;

    /// <summary>Less than 24 hours before the visit: the client has to contact the therapist.</summary>
    public sealed record TooLate : MoveOutcome;

    /// <summary>The visit is over, cancelled, declined, or waits for an answer to another proposed time.</summary>
    public sealed record NotMovable : MoveOutcome;

    /// <summary>The new time is not free; the reason is in words the client can act on.</summary>
    public sealed record Refused(string Reason) : MoveOutcome;
}

/// <summary>A visit as the client sees it when moving it.</summary>
public sealed record MovableVisit(int Id, string Reference, string ServiceName, int DurationMinutes, DateTimeOffset LocalStart, AppointmentStatus Status, string Postcode);

/// <summary>
/// A client's own changes to a visit they reached through its link or their account, in one place:
/// see it, cancel it, answer a time Paul proposed, or move it to another free time of the same
/// treatment and length, up to 24 hours before it. Each asks the appointment itself
/// (<see cref="VisitPermissions"/>) whether it may, and changes it through its own methods.
/// </summary>
public sealed class ClientVisitService(
    AppDbContext db,
    ClientAccounts accounts,
    ManageLinkAccess access,
    AvailabilityService availability,
    BookingNotifications notifications,
    ManageLinks links,
    PracticeClock clock,
    ILogger<ClientVisitService> logger)
{
    /// <summary>The series behind a series link that still works, or null (unknown, replaced or expired).</summary>
    public Task<VisitSeries?> SeriesByTokenAsync(string token, CancellationToken cancellationToken = default) =>
        access.FindSeriesAsync(token, cancellationToken);

    /// <summary>The series, only when it belongs to the signed-in client's own records.</summary>
    public async Task<VisitSeries?> SeriesForUserAsync(string userId, int seriesId, CancellationToken cancellationToken = default)
    {
        var own = await accounts.OwnRecordIdsAsync(userId, cancellationToken);
        return await db.VisitSeries.WithVisits().SingleOrDefaultAsync(s => s.Id == seriesId && own.Contains(s.ClientId), cancellationToken);
    }

    /// <summary>The series as its page shows it: each visit, and whether it may still be cancelled online.</summary>
    public ManagedSeries Describe(VisitSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var now = clock.Now;
        return new ManagedSeries(
            series.Id,
            series.Visits.OrderBy(v => v.StartUtc).Select(v => new SeriesVisitView(
                v.Reference, clock.ToLocal(v.StartUtc), v.Service!.Name, v.DurationMinutes, v.PriceGbp, v.Status,
                v.ClientMayCancel(now), VisitPermissions.ClientMustContactTherapist(v.Status, v.StartUtc, now),
                BookingStateMachine.HoldsTime(v.Status) ? links.TryUrlFor(v) : null)).ToList(),
            series.CourseId is not null);
    }

    /// <summary>
    /// Cancels, in one step, every visit of the series the client may still cancel (each by the
    /// cancellation policy, <see cref="Appointment.ClientMayCancel"/>); those inside the notice period
    /// stay. One e-mail to the client and one to Paul. Nothing changes if Paul changed one of them at the same moment.
    /// </summary>
    public async Task<SeriesCancelOutcome> CancelRestOfSeriesAsync(VisitSeries series, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(series);
        var now = clock.Now;
        var upcoming = series.Visits.Where(v => BookingStateMachine.HoldsTime(v.Status)).OrderBy(v => v.StartUtc).ToList();
        var cancelled = upcoming.Where(v => v.ClientMayCancel(now)).ToList();
        var kept = upcoming.Where(v => VisitPermissions.ClientMustContactTherapist(v.Status, v.StartUtc, now)).ToList();
        if (cancelled.Count == 0)
        {
            return new SeriesCancelOutcome(0, kept.Count);
        }

        foreach (var visit in cancelled)
        {
            visit.ChangeStatus(AppointmentStatus.Cancelled, BookingService.ClientActor, now.UtcDateTime, "Cancelled by the client, with the rest of the series");
        }

        await notifications.SeriesCancelledAsync(cancelled, kept, cancellationToken);
        if (!await SaveAsync(cancellationToken))
        {
            return new SeriesCancelOutcome(0, kept.Count, Conflict: true);
        }

        logger.LogInformation("Series {SeriesId}: {Count} visits cancelled by the client", series.Id, cancelled.Count);
        return new SeriesCancelOutcome(cancelled.Count, kept.Count);
    }

    public async Task<ManagedBooking?> FindAsync(string token, CancellationToken cancellationToken = default)
    {
        var appointment = await ByTokenAsync(token, cancellationToken);
        if (appointment is null)
        {
            return null;
        }

        return new ManagedBooking(
            appointment.Reference,
            appointment.Service!.Name,
            appointment.DurationMinutes,
            appointment.PriceGbp,
            clock.ToLocal(appointment.StartUtc),
            appointment.Status,
            appointment.Postcode,
            appointment.DeclineReason,
            appointment.ClientMayCancel(clock.Now),
            appointment.ClientMayMove(clock.Now),
            TooLate(appointment),
            appointment.Status == AppointmentStatus.AlternativeProposed && appointment.ProposedStartUtc is DateTime proposed ? clock.ToLocal(proposed) : null);
    }

    public async Task<CancelResult> CancelAsync(string token, CancellationToken cancellationToken = default)
    {
        var appointment = await ByTokenAsync(token, cancellationToken);
        return appointment is null ? CancelResult.NotFound : await CancelAsync(appointment, cancellationToken);
    }

    /// <summary>The client cancels a visit they were allowed to reach (by its link or their account).</summary>
    public async Task<CancelResult> CancelAsync(Appointment appointment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        if (!appointment.ClientMayCancel(clock.Now))
        {
            return TooLate(appointment) ? CancelResult.TooLate : CancelResult.NotCancellable;
        }

        appointment.ChangeStatus(AppointmentStatus.Cancelled, BookingService.ClientActor, clock.UtcNow, "Cancelled by the client");
        await notifications.VisitCancelledAsync(appointment, ChangedBy.Client, cancellationToken: cancellationToken);
        if (!await SaveAsync(cancellationToken))
        {
            // The therapist changed it at the same moment; the client sees the new state and may try again.
            return CancelResult.Conflict;
        }

        logger.LogInformation("Booking {Reference} cancelled by the client", appointment.Reference);
        return CancelResult.Cancelled;
    }

    /// <summary>The client takes the time Paul proposed: the visit moves there and is confirmed; the old time is freed.</summary>
    public async Task<ProposalAnswerResult> AcceptProposedTimeAsync(string token, CancellationToken cancellationToken = default)
    {
        var appointment = await ByTokenAsync(token, cancellationToken);
        if (appointment is null)
        {
            return ProposalAnswerResult.NotFound;
        }

        if (appointment.Status != AppointmentStatus.AlternativeProposed || appointment.ProposedStartUtc is not DateTime proposed)
        {
            return ProposalAnswerResult.NothingToAnswer;
        }

        if (proposed <= clock.UtcNow)
        {
            return ProposalAnswerResult.TooLate;
        }

        var rules = await availability.RulesAsync(cancellationToken);
        var from = clock.ToLocal(appointment.StartUtc).ToString("dddd d MMMM 'at' HH:mm", CultureInfo.GetCultureInfo("en-GB"));
        appointment.AcceptProposedTime(rules.Travel.ShortestMinutes, BookingService.ClientActor, clock.UtcNow, $"The client accepted the proposed time (instead of {from})");
        await notifications.VisitConfirmedAsync(appointment, ChangedBy.Client, cancellationToken);
        if (!await SaveAsync(cancellationToken))
        {
            return ProposalAnswerResult.Conflict;
        }

        logger.LogInformation("Booking {Reference}: the client accepted the proposed time", appointment.Reference);
        return ProposalAnswerResult.Accepted;
    }

    /// <summary>The client turns the proposed time down: the request is called off and both times are freed.</summary>
    public async Task<ProposalAnswerResult> RejectProposedTimeAsync(string token, CancellationToken cancellationToken = default)
    {
        var appointment = await ByTokenAsync(token, cancellationToken);
        if (appointment is null)
        {
            return ProposalAnswerResult.NotFound;
        }

        if (appointment.Status != AppointmentStatus.AlternativeProposed)
        {
            return ProposalAnswerResult.NothingToAnswer;
        }

        appointment.ChangeStatus(AppointmentStatus.Cancelled, BookingService.ClientActor, clock.UtcNow, "The client turned down the proposed time");
        await notifications.VisitCancelledAsync(appointment, ChangedBy.Client, "The client turned down the proposed time.", cancellationToken: cancellationToken);
        if (!await SaveAsync(cancellationToken))
        {
            return ProposalAnswerResult.Conflict;
        }

        logger.LogInformation("Booking {Reference}: the client rejected the proposed time", appointment.Reference);
        return ProposalAnswerResult.Rejected;
    }

    /// <summary>False when the therapist changed the visit at the same moment (nothing was written).</summary>
    private async Task<bool> SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>The visit behind a manage link that still works, or null.</summary>
    public Task<Appointment?> ByTokenAsync(string token, CancellationToken cancellationToken = default) =>
        access.FindAsync(token, _ => Visits(), cancellationToken);

    /// <summary>The visit with this reference, only when it belongs to the signed-in client's own records.</summary>
    public async Task<Appointment?> ForUserAsync(string userId, string reference, CancellationToken cancellationToken = default)
    {
        var own = await accounts.OwnRecordIdsAsync(userId, cancellationToken);
        return await Visits().SingleOrDefaultAsync(a => a.Reference == reference && own.Contains(a.ClientId), cancellationToken);
    }

    public MovableVisit Describe(Appointment appointment)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        return new MovableVisit(appointment.Id, appointment.Reference, appointment.Service!.Name, appointment.DurationMinutes,
            clock.ToLocal(appointment.StartUtc), appointment.Status, appointment.Postcode);
    }

    /// <summary>Whether the client may move this visit now (<see cref="VisitPermissions.ClientMayMove"/>).</summary>
    public bool MayMove(Appointment appointment)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        return appointment.ClientMayMove(clock.Now);
    }

    /// <summary>Still open but within 24 hours of its start: the client has to contact Paul.</summary>
    public bool TooLate(Appointment appointment)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        return VisitPermissions.ClientMustContactTherapist(appointment.Status, appointment.StartUtc, clock.Now);
    }

    /// <summary>Free times for the same length, in the week from <paramref name="from"/>, the visit's own time not counting against it.</summary>
    public Task<IReadOnlyList<FreeSlot>> FreeTimesAsync(Appointment appointment, DateOnly from, int days, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        return availability.FreeSlotsAsync(appointment.DurationMinutes, from, days, appointment.Id, appointment.Postcode, cancellationToken);
    }

    /// <summary>
    /// Moves the visit: checks the 24-hour rule and the new time, then changes the times and the
    /// slot claims in one save, so the database refuses it if another visit took the time meanwhile.
    /// </summary>
    public async Task<MoveOutcome> MoveAsync(Appointment appointment, DateTime newStartUtc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        if (!appointment.ClientMayMove(clock.Now))
        {
            return TooLate(appointment) ? new MoveOutcome.TooLate() : new MoveOutcome.NotMovable();
        }

        if (newStartUtc == appointment.StartUtc)
        {
            return new MoveOutcome.Refused("That is the time the visit already has. Choose a different time.");
        }

        var rules = await availability.RulesAsync(cancellationToken);
        if ((await availability.CheckAsync(newStartUtc, appointment.DurationMinutes, appointment.Id, appointment.Postcode, cancellationToken)) is [var breach, ..])
        {
            return new MoveOutcome.Refused(rules.Describe(breach.Rule));
        }

        var previousStartUtc = appointment.StartUtc;
        var oldLocal = clock.ToLocal(previousStartUtc);
        var newLocal = clock.ToLocal(newStartUtc);
        appointment.MoveTo(newStartUtc, rules.Travel.ShortestMinutes, BookingService.ClientActor, clock.UtcNow,
            $"Moved by the client from {oldLocal:ddd d MMM yyyy HH:mm} to {newLocal:ddd d MMM yyyy HH:mm}");
        await notifications.VisitMovedAsync(appointment, ChangedBy.Client, previousStartUtc, cancellationToken);

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Involves(ex, nameof(AppDbContext.SlotClaims)))
        {
            db.ChangeTracker.Clear();
            logger.LogInformation("Moving booking {Reference} lost the race for the new time", appointment.Reference);
            return new MoveOutcome.Refused(rules.Describe(BookingRule.Clash));
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new MoveOutcome.Refused("The visit was changed by Paul at the same moment. Please look at it again and choose a time.");
        }

        logger.LogInformation("Booking {Reference} moved by the client", appointment.Reference);
        return new MoveOutcome.Moved(newLocal);
    }

    private IQueryable<Appointment> Visits() =>
        db.Appointments.Include(a => a.Service).Include(a => a.SlotClaims).Include(a => a.Client);
}
