using Microsoft.EntityFrameworkCore;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Clients;
using PaulMassage.Web.Features.Notifications;
using PaulMassage.Web.Features.Scheduling;
using PaulMassage.Web.Infrastructure.Data;
using PaulMassage.Web.Infrastructure.Time;

namespace PaulMassage.Web.Features.Admin;

/// <summary>A booking the therapist enters himself, for example during a phone call.</summary>
public sealed record PhoneBooking(
    string Email,
    string? Name,
    string? Phone,
    string ServiceSlug,
    int Minutes,
    DateTime StartUtc,
    string AddressLine1,
    string? AddressLine2,
    string Town,
    UkPostcode Postcode,
    string? AccessNotes,
    bool OverrideRules,
    IntakeDetails? Intake);

public abstract record PhoneBookingOutcome
{
    public sealed record Created(int Id, string Reference, string ManageToken) : PhoneBookingOutcome;

    /// <summary>The time or place breaks a rule; <see cref="VisitTimeProblem.CanOverride"/> says which may be overridden.</summary>
    public sealed record Refused(IReadOnlyList<VisitTimeProblem> Problems) : PhoneBookingOutcome;

    /// <summary>No client has that e-mail address yet, so a name and phone number are needed.</summary>
    public sealed record NewClientNeedsDetails : PhoneBookingOutcome;

    public sealed record UnknownService : PhoneBookingOutcome;
}

/// <summary>
/// A booking the therapist enters himself (<see cref="PhoneBookingController"/>): the time judged
/// by <see cref="VisitTimeChecks"/>, the place by the service area, the client found or created
/// by <see cref="ClientIdentities"/>, and the visit made by <see cref="Appointment.Request"/>.
/// </summary>
public sealed class PhoneBookingService(
    AppDbContext db,
    SchedulingSettings settings,
    AvailabilityService availability,
    PracticeClock clock,
    BookingNotifications notifications,
    ManageLinks manageLinks,
    ClientIdentities clients,
    ILogger<PhoneBookingService> logger)
{
    /// <summary>
    /// Enters a visit the therapist arranged himself, confirmed at once. Working hours, notice,
    /// horizon, time off and area may be overridden when he says so; a clash with another visit
    /// or its travel time never can, and the slot claims make the database refuse one too.
    /// </summary>
    public async Task<PhoneBookingOutcome> EnterBookingAsync(PhoneBooking booking, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(booking);
        var service = await db.Services.AsNoTracking().Include(s => s.Options)
            .SingleOrDefaultAsync(s => s.Slug == booking.ServiceSlug, cancellationToken);
        var option = service?.Options.SingleOrDefault(o => o.Minutes == booking.Minutes);
        if (service is null || option is null)
        {
            return new PhoneBookingOutcome.UnknownService();
        }

        var snapshot = await settings.GetAsync(cancellationToken);
        var problems = await CheckTimeAsync(snapshot, booking.StartUtc, booking.Minutes, cancellationToken);
        if (!snapshot.Area.Covers(booking.Postcode))
        {
            problems.Add(new(BookingRule.OutsideArea, $"{booking.Postcode.District} is not one of the districts you serve."));
        }

        if (problems.Any(p => !p.CanOverride) || (problems.Count > 0 && !booking.OverrideRules))
        {
            return new PhoneBookingOutcome.Refused(problems);
        }

        var now = clock.UtcNow;
        var client = await clients.ForBookingAsync(new Booker.Therapist(), booking.Email, booking.Name ?? string.Empty, booking.Phone ?? string.Empty, cancellationToken);
        if (client is null)
        {
            return new PhoneBookingOutcome.NewClientNeedsDetails();
        }

        var overridden = problems.Count > 0 ? " Overrode: " + string.Join(" ", problems.Select(p => p.Message)) : string.Empty;
        var keys = manageLinks.NewKeys();
        var appointment = Appointment.Request(
            new VisitPlan(service.Id, option.Minutes, option.PriceGbp, booking.StartUtc, booking.AddressLine1, booking.AddressLine2,
                booking.Town, booking.Postcode.ToString(), booking.AccessNotes, booking.Intake),
            client, keys, actor, now, snapshot.Rules.TravelBufferMinutes, "Entered by the therapist (phone booking)." + overridden);
        appointment.ChangeStatus(AppointmentStatus.Confirmed, actor, now, "Confirmed on entry");
        db.Appointments.Add(appointment);
        await notifications.VisitConfirmedAsync(appointment, cancellationToken: cancellationToken);

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Involves(ex, nameof(AppDbContext.SlotClaims)))
        {
            // Another booking took the time between the check and the save: say which one.
            db.ChangeTracker.Clear();
            logger.LogInformation("A phone booking lost the race for its slot");
            var clashes = (await CheckTimeAsync(snapshot, booking.StartUtc, booking.Minutes, cancellationToken))
                .Where(p => p.Kind == BookingRule.Clash).ToList();
            return new PhoneBookingOutcome.Refused(clashes.Count > 0
                ? clashes
                : [new(BookingRule.Clash, "Another booking took that time a moment ago. Choose another time.")]);
        }

        logger.LogInformation("Booking {Reference} entered and confirmed by the therapist", appointment.Reference);
        return new PhoneBookingOutcome.Created(appointment.Id, appointment.Reference, keys.Token);
    }

    /// <summary>
    /// Checks a time against the rules and against every visit (and proposed time) that holds time
    /// near it, read with the availability search's own statement; the clients' names and the
    /// references are read only for those visits.
    /// </summary>
    private async Task<List<VisitTimeProblem>> CheckTimeAsync(SchedulingSnapshot snapshot, DateTime startUtc, int minutes, CancellationToken cancellationToken)
    {
        var schedule = await availability.ScheduleAsync(startUtc, startUtc.AddMinutes(minutes), snapshot.Rules, cancellationToken);
        var holding = schedule.Visits.Where(v => v.HoldsTime).ToList();
        var ids = holding.Select(v => v.AppointmentId).Distinct().ToList();
        var names = ids.Count == 0
            ? new Dictionary<int, VisitName>()
            : await db.Appointments.AsNoTracking()
                .Where(a => ids.Contains(a.Id))
                .Select(a => new VisitName(a.Id, a.Reference, a.Client!.Name))
                .ToDictionaryAsync(a => a.Id, cancellationToken);
        var held = holding
            .Where(v => names.ContainsKey(v.AppointmentId))
            .Select(v => new HeldVisit(v.AppointmentId, names[v.AppointmentId].Reference, names[v.AppointmentId].ClientName, v.StartUtc, v.EndUtc, v.IsProposedTime));
        return new VisitTimeChecks(snapshot.Rules, clock.TimeZone).Check(startUtc, minutes, held, schedule.TimeOff, clock.Now).ToList();
    }

    private sealed record VisitName(int Id, string Reference, string ClientName);
}
