using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PaulMassage.Web.Features.Notifications;
using PaulMassage.Web.Features.Privacy;
using PaulMassage.Web.Infrastructure.Data;
using PaulMassage.Web.Infrastructure.Time;

namespace PaulMassage.Web.Features.Booking;

/// <summary>What a manage-link token leads to.</summary>
public enum ManageLinkState
{
    /// <summary>No booking has this token (never issued, replaced, or erased).</summary>
    Unknown,

    /// <summary>The booking exists but its link is past <see cref="PrivacyOptions.ManageLinkDaysAfterVisit"/>.</summary>
    Expired,

    Valid,
}

/// <summary>
/// The one way a manage-link token reaches a booking, and the home of the expiry rule: a link works
/// until <see cref="PrivacyOptions.ManageLinkDaysAfterVisit"/> days after the visit
/// (<see cref="Appointment.ManageLinkExpiresUtc"/>). Every page and POST under /bookings/{token}
/// finds its booking here, so an expired link reaches nothing; <see cref="ExpiringManageLinkAttribute"/>
/// shows those routes' expiry page instead. A fresh link goes to the booking's own address only.
/// </summary>
public sealed class ManageLinkAccess(
    AppDbContext db,
    ManageLinks links,
    BookingNotifications notifications,
    PracticeClock clock,
    IOptions<PrivacyOptions> options,
    ILogger<ManageLinkAccess> logger)
{
    public TimeSpan Validity => TimeSpan.FromDays(Math.Max(1, options.Value.ManageLinkDaysAfterVisit));

    /// <summary>
    /// The booking behind a link that still works, or null (unknown or expired). <paramref name="shape"/>
    /// adds the caller's includes or AsNoTracking.
    /// </summary>
    public async Task<Appointment?> FindAsync(string token, Func<IQueryable<Appointment>, IQueryable<Appointment>>? shape = null, CancellationToken cancellationToken = default)
    {
        var appointment = await ByTokenAsync(shape?.Invoke(db.Appointments) ?? db.Appointments, token, cancellationToken);
        return appointment is not null && !IsExpired(appointment) ? appointment : null;
    }

    public async Task<ManageLinkState> StateAsync(string token, CancellationToken cancellationToken = default)
    {
        var appointment = await ByTokenAsync(db.Appointments.AsNoTracking(), token, cancellationToken);
        return appointment is null ? ManageLinkState.Unknown : IsExpired(appointment) ? ManageLinkState.Expired : ManageLinkState.Valid;
    }

    /// <summary>
    /// Someone holding an expired link asks for a fresh one: a new token replaces the old one and the
    /// link is e-mailed (through the outbox) to the booking's own address. Nothing happens for an
    /// unknown or still-working link; the caller's answer is the same either way.
    /// </summary>
    public async Task RenewAsync(string token, CancellationToken cancellationToken = default)
    {
        var appointment = await ByTokenAsync(db.Appointments.Include(a => a.Client).Include(a => a.Service), token, cancellationToken);
        if (appointment is null || !IsExpired(appointment) || appointment.Client?.ErasedUtc is not null)
        {
            return;
        }

        var fresh = links.NewKeys(); // its reference is not used: the booking keeps its own
        appointment.ReplaceManageToken(ManageToken.Hash(fresh.Token), fresh.ProtectedToken!, clock.UtcNow);
        await notifications.NewManageLinkAsync(appointment, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Booking {Reference}: a fresh manage link was sent to its address", appointment.Reference);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Changed at the same moment (by Paul, or a second click): the old link stays; asking again works.
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// The course or repeating series behind a series link that still works (until the validity
    /// after its last visit, as a visit's own link), with its visits and their treatments; else null.
    /// </summary>
    public async Task<VisitSeries?> FindSeriesAsync(string token, CancellationToken cancellationToken = default)
    {
        var hash = ManageToken.Hash(token);
        var series = await db.VisitSeries.WithVisits()
            .SingleOrDefaultAsync(s => s.ManageTokenHash == hash, cancellationToken);
        return series is not null && clock.UtcNow < series.ManageLinkExpiresUtc(Validity) ? series : null;
    }

    private bool IsExpired(Appointment appointment) => clock.UtcNow >= appointment.ManageLinkExpiresUtc(Validity);

    private static Task<Appointment?> ByTokenAsync(IQueryable<Appointment> appointments, string token, CancellationToken cancellationToken)
    {
        var hash = ManageToken.Hash(token);
        return appointments.SingleOrDefaultAsync(a => a.ManageTokenHash == hash, cancellationToken);
    }
}
