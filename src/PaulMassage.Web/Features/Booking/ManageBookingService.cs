using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PaulMassage.Web.Features.Notifications;
using PaulMassage.Web.Features.Scheduling;
using PaulMassage.Web.Infrastructure.Data;
using PaulMassage.Web.Infrastructure.Time;

namespace PaulMassage.Web.Features.Booking;

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

/// <summary>What a client can see and do through the secret link in their booking.</summary>
public sealed class ManageBookingService(AppDbContext db, ManageLinkAccess access, SchedulingSettings settings, PracticeClock clock, BookingNotifications notifications, ILogger<ManageBookingService> logger)
{
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
            VisitPermissions.ClientMustContactTherapist(appointment.Status, appointment.StartUtc, clock.Now),
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
            return VisitPermissions.ClientMustContactTherapist(appointment.Status, appointment.StartUtc, clock.Now) ? CancelResult.TooLate : CancelResult.NotCancellable;
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

        var snapshot = await settings.GetAsync(cancellationToken);
        var from = clock.ToLocal(appointment.StartUtc).ToString("dddd d MMMM 'at' HH:mm", CultureInfo.GetCultureInfo("en-GB"));
        appointment.AcceptProposedTime(snapshot.Rules.TravelBufferMinutes, BookingService.ClientActor, clock.UtcNow, $"The client accepted the proposed time (instead of {from})");
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
        await notifications.VisitCancelledAsync(appointment, ChangedBy.Client, "The client turned down the proposed time.", cancellationToken);
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

    private Task<Appointment?> ByTokenAsync(string token, CancellationToken cancellationToken) =>
        access.FindAsync(token, q => q.Include(a => a.Service).Include(a => a.SlotClaims), cancellationToken);
}
