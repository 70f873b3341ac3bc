using Microsoft.EntityFrameworkCore;
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
    bool InsideCancellationNotice);

public enum CancelResult
{
    Cancelled,
    NotFound,
    TooLate,
    NotCancellable,
}

/// <summary>What a client can see and do through the secret link in their booking.</summary>
public sealed class ManageBookingService(AppDbContext db, PracticeClock clock, ILogger<ManageBookingService> logger)
{
    public async Task<ManagedBooking?> FindAsync(string token, CancellationToken cancellationToken = default)
    {
        var appointment = await ByTokenAsync(token, cancellationToken);
        if (appointment is null)
        {
            return null;
        }

        var inTime = CancellationPolicy.ClientMayCancel(appointment.StartUtc, clock.Now);
        return new ManagedBooking(
            appointment.Reference,
            appointment.Service!.Name,
            appointment.DurationMinutes,
            appointment.PriceGbp,
            clock.ToLocal(appointment.StartUtc),
            appointment.Status,
            appointment.Postcode,
            appointment.DeclineReason,
            BookingStateMachine.ClientMayChange(appointment.Status) && inTime,
            BookingStateMachine.ClientMayChange(appointment.Status) && !inTime);
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
        if (!BookingStateMachine.CanMove(appointment.Status, AppointmentStatus.Cancelled) || !BookingStateMachine.ClientMayChange(appointment.Status))
        {
            return CancelResult.NotCancellable;
        }

        if (!CancellationPolicy.ClientMayCancel(appointment.StartUtc, clock.Now))
        {
            return CancelResult.TooLate;
        }

        appointment.ChangeStatus(AppointmentStatus.Cancelled, BookingService.ClientActor, clock.UtcNow, "Cancelled by the client");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The therapist changed it at the same moment; the client sees the new state and may try again.
            return CancelResult.NotCancellable;
        }

        logger.LogInformation("Booking {Reference} cancelled by the client", appointment.Reference);
        return CancelResult.Cancelled;
    }

    private Task<Appointment?> ByTokenAsync(string token, CancellationToken cancellationToken)
    {
        var hash = ManageToken.Hash(token);
        return db.Appointments
            .Include(a => a.Service)
            .Include(a => a.SlotClaims)
            .SingleOrDefaultAsync(a => a.ManageTokenHash == hash, cancellationToken);
    }
}
