using Microsoft.EntityFrameworkCore;
using PaulMassage.Web.Features.Clients;
using PaulMassage.Web.Features.Notifications;
using PaulMassage.Web.Infrastructure.Data;
using PaulMassage.Web.Infrastructure.Time;

namespace PaulMassage.Web.Features.Booking;

/// <summary>The addresses of the two answers in the "request received" e-mail of a booking made without signing in.</summary>
public static class AddressCheckPaths
{
    public static string ItWasMe(string token) => "/address-check/" + Uri.EscapeDataString(token);

    public static string NotMe(string token) => ItWasMe(token) + "/not-me";
}

/// <summary>What the address's owner sees before answering: enough to recognise the visit, nothing more.</summary>
public sealed record AddressCheckVisit(string Reference, string ServiceName, DateTimeOffset LocalStart);

public enum AddressCheckAnswer
{
    /// <summary>The address is proven; the booking's record stays apart until Paul links it to the address's record.</summary>
    Proven,

    /// <summary>The address is proven and the booking's record is now the address's own (and joined its account, if any).</summary>
    ProvenAndJoined,

    /// <summary>Paul is told and the visit flagged.</summary>
    Disowned,

    /// <summary>The link is unknown or already used.</summary>
    NotFound,
}

/// <summary>
/// The one-time answers to "did you ask for this visit?", e-mailed to the address a booking gave
/// when the booker was not signed in. Either answer uses the link up.
/// </summary>
public sealed class AddressCheckService(
    AppDbContext db,
    ClientIdentities clients,
    BookingNotifications notifications,
    PracticeClock clock,
    ILogger<AddressCheckService> logger)
{
    public async Task<AddressCheckVisit?> FindAsync(string token, CancellationToken cancellationToken = default)
    {
        var hash = ManageToken.Hash(token);
        var visit = await db.Appointments.AsNoTracking()
            .Where(a => a.EmailCheckTokenHash == hash)
            .Select(a => new { a.Reference, ServiceName = a.Service!.Name, a.StartUtc })
            .SingleOrDefaultAsync(cancellationToken);
        return visit is null ? null : new AddressCheckVisit(visit.Reference, visit.ServiceName, clock.ToLocal(visit.StartUtc));
    }

    public async Task<AddressCheckAnswer> ItWasMeAsync(string token, CancellationToken cancellationToken = default)
    {
        var appointment = await ByTokenAsync(token, cancellationToken);
        if (appointment is null)
        {
            return AddressCheckAnswer.NotFound;
        }

        appointment.CompleteEmailCheck();
        await clients.ProveAddressAsync(appointment.Client!, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Involves(ex, nameof(AppDbContext.Clients)))
        {
            // Another record took the address at the same moment: this one stays apart, proven, for Paul to link.
            db.ChangeTracker.Clear();
            appointment = await ByTokenAsync(token, cancellationToken);
            if (appointment is null)
            {
                return AddressCheckAnswer.NotFound;
            }

            appointment.CompleteEmailCheck();
            appointment.Client!.RecordEmailProven(clock.UtcNow);
            await db.SaveChangesAsync(cancellationToken);
        }

        logger.LogInformation("Booking {Reference}: the booker proved the e-mail address", appointment.Reference);
        return appointment.Client!.Provisional ? AddressCheckAnswer.Proven : AddressCheckAnswer.ProvenAndJoined;
    }

    public async Task<AddressCheckAnswer> NotMeAsync(string token, CancellationToken cancellationToken = default)
    {
        var appointment = await ByTokenAsync(token, cancellationToken);
        if (appointment is null)
        {
            return AddressCheckAnswer.NotFound;
        }

        appointment.Disown(clock.UtcNow);
        await notifications.NotMeAsync(appointment, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogWarning("Booking {Reference}: the e-mail address's owner said they did not make it", appointment.Reference);
        return AddressCheckAnswer.Disowned;
    }

    private Task<Appointment?> ByTokenAsync(string token, CancellationToken cancellationToken)
    {
        var hash = ManageToken.Hash(token);
        return db.Appointments.Include(a => a.Client).Include(a => a.Service)
            .SingleOrDefaultAsync(a => a.EmailCheckTokenHash == hash, cancellationToken);
    }
}
