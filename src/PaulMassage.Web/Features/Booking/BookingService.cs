using Microsoft.EntityFrameworkCore;
using PaulMassage.Web.Features.Clients;
using PaulMassage.Web.Features.Notifications;
using PaulMassage.Web.Features.Scheduling;
using PaulMassage.Web.Features.Screening;
using PaulMassage.Web.Infrastructure.Data;
using PaulMassage.Web.Infrastructure.Time;

namespace PaulMassage.Web.Features.Booking;

/// <summary>
/// Takes a client's home-visit request: screens it, checks the area and the slot, and stores the
/// client, the intake, the appointment and its e-mails in one transaction. The slot claims make the database
/// refuse an overlapping visit even when two requests pass the availability check together.
/// </summary>
public sealed class BookingService(
    AppDbContext db,
    AvailabilityService availability,
    SchedulingSettings settings,
    PracticeClock clock,
    ManageLinks manageLinks,
    ClientIdentities clients,
    BookingNotifications notifications,
    ILogger<BookingService> logger)
{
    public const string ClientActor = "client";

    public async Task<BookingOutcome> RequestVisitAsync(BookingRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);

        if (StopForRedFlags(request.Intake.RedFlags, request.Intake.SeenByGpSince) is { } stopped)
        {
            return stopped;
        }

        var snapshot = await settings.GetAsync(cancellationToken);
        if (!snapshot.Area.Covers(request.Postcode))
        {
            return new BookingOutcome.OutOfArea(request.Postcode.District);
        }

        var service = await db.Services.AsNoTracking().Include(s => s.Options)
            .SingleOrDefaultAsync(s => s.Slug == request.ServiceSlug && s.IsActive, cancellationToken);
        var option = service?.Options.SingleOrDefault(o => o.Minutes == request.Minutes);
        if (service is null || option is null)
        {
            return new BookingOutcome.UnknownService();
        }

        var breaches = await availability.CheckAsync(request.StartUtc, request.Minutes, null, request.Postcode.ToString(), cancellationToken);
        if (breaches.Count > 0)
        {
            var alternatives = await AlternativesAsync(request, cancellationToken);
            return breaches.All(b => b.Rule == BookingRule.Clash)
                ? new BookingOutcome.SlotTaken(alternatives)
                : new BookingOutcome.SlotNotOffered(alternatives);
        }

        // Two signed-in requests of one new account can both find no record and both add one; the
        // unique index lets one win, and the other tries again and finds it. A clash of the random
        // reference is retried the same way.
        for (var attempt = 1; ; attempt++)
        {
            var keys = manageLinks.NewKeys();
            var client = await clients.ForBookingAsync(request.Booker, request.Email, request.Name, request.Phone, cancellationToken)
                ?? throw new InvalidOperationException("A client's booking always has a name and phone.");
            if (request.NoReviewRequests)
            {
                // On the booking's own record only (provisional for a booking made without signing in),
                // so a booker who typed someone else's address cannot stop that client's invitations.
                client.StopReviewRequests(clock.UtcNow);
            }

            var appointment = Appointment.Request(
                new VisitPlan(service.Id, option.Minutes, option.PriceGbp, request.StartUtc, request.AddressLine1, request.AddressLine2,
                    request.Town, request.Postcode.ToString(), request.AccessNotes, request.Intake),
                client, keys, ClientActor, clock.UtcNow, snapshot.Rules.Travel.ShortestMinutes);
            db.Appointments.Add(appointment);

            // Typing an address proves nothing: the address is sent a one-time link to say the
            // booking is theirs, or that it was not them.
            var addressCheck = appointment.Client!.Provisional ? appointment.StartEmailCheck() : null;

            // The e-mails ("request received", "new request") are stored in the same transaction.
            await notifications.VisitRequestedAsync(appointment, addressCheck, cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                logger.LogInformation("Booking {Reference} requested (needs review: {NeedsReview})", appointment.Reference, appointment.NeedsReview);
                return new BookingOutcome.Accepted(appointment.Reference, keys.Token, appointment.NeedsReview, addressCheck is not null);
            }
            catch (DbUpdateException ex) when (UniqueViolation.Involves(ex, nameof(AppDbContext.SlotClaims)))
            {
                // Lost the race for the slot: nothing was written, offer the client other times.
                db.ChangeTracker.Clear();
                logger.LogInformation("A booking request lost the race for its slot");
                return new BookingOutcome.SlotTaken(await AlternativesAsync(request, cancellationToken));
            }
            catch (DbUpdateException ex) when (attempt < MaxSaveAttempts
                && (UniqueViolation.Involves(ex, nameof(AppDbContext.Clients)) || UniqueViolation.Involves(ex, nameof(AppDbContext.Appointments))))
            {
                db.ChangeTracker.Clear();
                logger.LogInformation("A booking request met a concurrent client or reference; trying again (attempt {Attempt})", attempt);
            }
        }
    }

    /// <summary>
    /// The first check of any booking, online or on the phone, made before the rest of the form is
    /// validated: a red flag stops it with the medical advice, whatever else is missing or wrong.
    /// Null when no red flag was given, or only one the client's GP has seen since. Stores nothing.
    /// </summary>
    public BookingOutcome.StoppedForSafety? StopForRedFlags(RedFlag redFlags, bool seenByGpSince = false)
    {
        if (ScreeningRules.StopFor(redFlags, seenByGpSince) is not { } screening)
        {
            return null;
        }

        logger.LogInformation("A booking request was stopped by screening");
        return new BookingOutcome.StoppedForSafety(screening);
    }

    private const int MaxSaveAttempts = 3;

    /// <summary>
    /// Up to six free times close to the one asked for. Read from the database, not the cached free
    /// times: a request refused for a clash usually lost to a visit committed a moment ago, which the
    /// cache shows only once this instance has read the schedule version that rose with it.
    /// </summary>
    private async Task<IReadOnlyList<FreeSlot>> AlternativesAsync(BookingRequest request, CancellationToken cancellationToken)
    {
        var day = clock.LocalDay(request.StartUtc);
        var from = day.AddDays(-1) < clock.Today ? clock.Today : day.AddDays(-1);
        var alternatives = await availability.FreeSlotsFromDatabaseAsync(request.Minutes, from, 7, request.Postcode.ToString(), cancellationToken);
        return alternatives
            .OrderBy(s => Math.Abs((s.StartUtc - request.StartUtc).Ticks))
            .Take(6)
            .OrderBy(s => s.StartUtc)
            .ToList();
    }
}
