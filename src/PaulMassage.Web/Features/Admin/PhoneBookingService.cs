using Microsoft.EntityFrameworkCore;
using PaulMassage.Web.Features.Booking;
using PaulMassage.Web.Features.Catalogue;
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
    IntakeDetails? Intake,
    SeriesRepeat? Repeat = null,
    bool NoReviewRequests = false);

/// <summary>
/// A course or repeating visits: from the booking's date and time, every <paramref name="EveryWeeks"/>
/// weeks, <paramref name="Visits"/> of them or until <paramref name="Until"/>; <paramref name="Instead"/>
/// holds the alternative times Paul chose, by visit number.
/// </summary>
public sealed record SeriesRepeat(int EveryWeeks, int? Visits, DateOnly? Until, IReadOnlyDictionary<int, DateTime> Instead);

public abstract record PhoneBookingOutcome
{
    public sealed record Created(int Id, string Reference, string ManageToken) : PhoneBookingOutcome;

    /// <summary>The time or place breaks a rule; <see cref="VisitTimeProblem.CanOverride"/> says which may be overridden.</summary>
    public sealed record Refused(IReadOnlyList<VisitTimeProblem> Problems) : PhoneBookingOutcome;

    /// <summary>No client has that e-mail address yet, so a name and phone number are needed.</summary>
    public sealed record NewClientNeedsDetails : PhoneBookingOutcome;

    public sealed record UnknownService : PhoneBookingOutcome;

    /// <summary>Every visit of the series booked and confirmed, in one transaction.</summary>
    public sealed record SeriesCreated(int FirstId, int Visits, string SeriesToken) : PhoneBookingOutcome;

    /// <summary>
    /// Nothing booked: a visit of the series breaks a rule (its problems and alternative in
    /// <paramref name="Plan"/>), or the place does (<paramref name="PlaceProblems"/>).
    /// <paramref name="LostRace"/>: another booking took one of the times between the check and the save.
    /// </summary>
    public sealed record SeriesRefused(IReadOnlyList<PlannedVisit> Plan, IReadOnlyList<VisitTimeProblem> PlaceProblems, bool LostRace = false) : PhoneBookingOutcome;
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
        if (await OptionAsync(booking, cancellationToken) is not ({ } service, { } option))
        {
            return new PhoneBookingOutcome.UnknownService();
        }

        var snapshot = await settings.GetAsync(cancellationToken);
        var problems = await CheckTimeAsync(snapshot, booking.StartUtc, booking.Minutes, booking.Postcode.ToString(), cancellationToken);
        if (!snapshot.Area.Covers(booking.Postcode))
        {
            problems.Add(new(BookingRule.OutsideArea, $"{booking.Postcode.District} is not one of the districts you serve."));
        }

        if (problems.Any(p => !p.CanOverride) || (problems.Count > 0 && !booking.OverrideRules))
        {
            return new PhoneBookingOutcome.Refused(problems);
        }

        var now = clock.UtcNow;
        var client = await ClientOfAsync(booking, now, cancellationToken);
        if (client is null)
        {
            return new PhoneBookingOutcome.NewClientNeedsDetails();
        }

        var overridden = problems.Count > 0 ? " Overrode: " + string.Join(" ", problems.Select(p => p.Message)) : string.Empty;
        var keys = manageLinks.NewKeys();
        var appointment = Appointment.Request(
            new VisitPlan(service.Id, option.Minutes, option.PriceGbp, booking.StartUtc, booking.AddressLine1, booking.AddressLine2,
                booking.Town, booking.Postcode.ToString(), booking.AccessNotes, booking.Intake),
            client, keys, actor, now, snapshot.Rules.Travel.ShortestMinutes, "Entered by the therapist (phone booking)." + overridden);
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
            var clashes = (await CheckTimeAsync(snapshot, booking.StartUtc, booking.Minutes, booking.Postcode.ToString(), cancellationToken))
                .Where(p => p.Kind == BookingRule.Clash).ToList();
            return new PhoneBookingOutcome.Refused(clashes.Count > 0
                ? clashes
                : [new(BookingRule.Clash, "Another booking took that time a moment ago. Choose another time.")]);
        }

        logger.LogInformation("Booking {Reference} entered and confirmed by the therapist", appointment.Reference);
        return new PhoneBookingOutcome.Created(appointment.Id, appointment.Reference, keys.Token);
    }

    /// <summary>
    /// Plans a course or repeating series (<see cref="SeriesPlanner"/>): each visit judged as one
    /// phone booking is, with an alternative for each that breaks a rule. Stores nothing.
    /// </summary>
    public async Task<IReadOnlyList<PlannedVisit>> PlanSeriesAsync(PhoneBooking booking, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(booking);
        var snapshot = await settings.GetAsync(cancellationToken);
        return await PlanAsync(snapshot, booking, cancellationToken);
    }

    /// <summary>
    /// Books a course or repeating series in one transaction: every visit, its slot claims and the
    /// one e-mail to the client, or nothing. The visits are the ones <see cref="PlanSeriesAsync"/>
    /// shows, each checked by the same rules as one phone booking (a clash never overridable, the
    /// rest only when Paul says so); a visit whose cells another booking claims between the check
    /// and the save fails the whole series. The series joins the client's course of treatment when
    /// one has started by its first visit.
    /// </summary>
    public async Task<PhoneBookingOutcome> EnterSeriesAsync(PhoneBooking booking, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(booking);
        if (await OptionAsync(booking, cancellationToken) is not ({ } service, { } option))
        {
            return new PhoneBookingOutcome.UnknownService();
        }

        var snapshot = await settings.GetAsync(cancellationToken);
        var plan = await PlanAsync(snapshot, booking, cancellationToken);
        List<VisitTimeProblem> place = snapshot.Area.Covers(booking.Postcode)
            ? []
            : [new(BookingRule.OutsideArea, $"{booking.Postcode.District} is not one of the districts you serve.")];
        var anyProblem = place.Count > 0 || plan.Any(v => v.Problems.Count > 0);
        if (plan.Count == 0 || plan.Any(v => v.Blocked) || (anyProblem && !booking.OverrideRules))
        {
            return new PhoneBookingOutcome.SeriesRefused(plan, place);
        }

        var now = clock.UtcNow;
        var client = await ClientOfAsync(booking, now, cancellationToken);
        if (client is null)
        {
            return new PhoneBookingOutcome.NewClientNeedsDetails();
        }

        var firstDay = clock.LocalDay(plan[0].StartUtc);
        var courseId = client.Id == 0
            ? null
            : await db.Courses.Where(c => c.ClientId == client.Id && c.StartDate <= firstDay)
                .OrderByDescending(c => c.StartDate).ThenByDescending(c => c.Id).Select(c => (int?)c.Id).FirstOrDefaultAsync(cancellationToken);
        var seriesKeys = manageLinks.NewKeys();
        var series = VisitSeries.Start(client, courseId, seriesKeys, now);
        db.VisitSeries.Add(series);
        foreach (var visit in plan)
        {
            var overridden = visit.Problems.Count + place.Count > 0
                ? " Overrode: " + string.Join(" ", visit.Problems.Concat(place).Select(p => p.Message))
                : string.Empty;
            var appointment = Appointment.Request(
                new VisitPlan(service.Id, option.Minutes, option.PriceGbp, visit.StartUtc, booking.AddressLine1, booking.AddressLine2,
                    booking.Town, booking.Postcode.ToString(), booking.AccessNotes, booking.Intake),
                client, manageLinks.NewKeys(), actor, now, snapshot.Rules.Travel.ShortestMinutes,
                $"Entered by the therapist (phone booking): visit {visit.Number} of {plan.Count} of a series." + overridden);
            appointment.ChangeStatus(AppointmentStatus.Confirmed, actor, now, "Confirmed on entry");
            appointment.JoinSeries(series);
            db.Appointments.Add(appointment);
        }

        await notifications.SeriesBookedAsync(series, seriesKeys.Token, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Involves(ex, nameof(AppDbContext.SlotClaims)))
        {
            // Another booking took one of the times between the check and the save: none is booked.
            db.ChangeTracker.Clear();
            logger.LogInformation("A series lost the race for one of its slots; nothing was booked");
            return new PhoneBookingOutcome.SeriesRefused(await PlanAsync(snapshot, booking, cancellationToken), place, LostRace: true);
        }

        var first = series.Visits.OrderBy(v => v.StartUtc).First();
        logger.LogInformation("Series {SeriesId} of {Count} visits entered and confirmed by the therapist, from {Reference}", series.Id, plan.Count, first.Reference);
        return new PhoneBookingOutcome.SeriesCreated(first.Id, plan.Count, seriesKeys.Token);
    }

    /// <summary>The treatment and its length as booked, or nulls when either is not offered.</summary>
    /// <summary>The client the booking is for (found or made by the one identity rule), with their review opt-out if they gave one on the phone.</summary>
    private async Task<Client?> ClientOfAsync(PhoneBooking booking, DateTime now, CancellationToken cancellationToken)
    {
        var client = await clients.ForBookingAsync(new Booker.Therapist(), booking.Email, booking.Name ?? string.Empty, booking.Phone ?? string.Empty, cancellationToken);
        if (client is not null && booking.NoReviewRequests)
        {
            client.StopReviewRequests(now);
        }

        return client;
    }

    private async Task<(Service? Service, ServiceOption? Option)> OptionAsync(PhoneBooking booking, CancellationToken cancellationToken)
    {
        var service = await db.Services.AsNoTracking().Include(s => s.Options)
            .SingleOrDefaultAsync(s => s.Slug == booking.ServiceSlug, cancellationToken);
        return (service, service?.Options.SingleOrDefault(o => o.Minutes == booking.Minutes));
    }

    /// <summary>The series' starts (with Paul's chosen alternatives) judged against the calendar, read once for the whole series.</summary>
    private async Task<IReadOnlyList<PlannedVisit>> PlanAsync(SchedulingSnapshot snapshot, PhoneBooking booking, CancellationToken cancellationToken)
    {
        var repeat = booking.Repeat ?? new SeriesRepeat(1, 1, null, new Dictionary<int, DateTime>());
        var local = clock.ToLocal(booking.StartUtc);
        var starts = SeriesPlanner.Starts(DateOnly.FromDateTime(local.DateTime), TimeOnly.FromDateTime(local.DateTime), repeat.EveryWeeks, repeat.Visits, repeat.Until, clock.TimeZone)
            .Select((start, i) => repeat.Instead.TryGetValue(i + 1, out var instead) ? instead : start)
            .ToList();
        if (starts.Count == 0)
        {
            return [];
        }

        var from = clock.StartOfDayUtc(clock.LocalDay(starts.Min()));
        var to = clock.StartOfDayUtc(clock.LocalDay(starts.Max()).AddDays(SeriesPlanner.AlternativeDays + 2));
        var (held, timeOff) = await CalendarAsync(snapshot, from, to, cancellationToken);
        return new SeriesPlanner(snapshot.Rules, clock.TimeZone).Plan(starts, booking.Minutes, held, timeOff, clock.Now, booking.Postcode.ToString());
    }

    /// <summary>
    /// Checks a time against the rules and against every visit (and proposed time) that holds time
    /// near it, read with the availability search's own statement; the clients' names and the
    /// references are read only for those visits.
    /// </summary>
    private async Task<List<VisitTimeProblem>> CheckTimeAsync(SchedulingSnapshot snapshot, DateTime startUtc, int minutes, string? postcode, CancellationToken cancellationToken)
    {
        var (from, to) = new VisitTimeRules(snapshot.Rules, clock.TimeZone).CheckedWindow(startUtc, minutes);
        var (held, timeOff) = await CalendarAsync(snapshot, from, to, cancellationToken);
        return new VisitTimeChecks(snapshot.Rules, clock.TimeZone).Check(startUtc, minutes, held, timeOff, clock.Now, postcode).ToList();
    }

    /// <summary>The visits (named) and time off that hold time between two instants, read with the availability search's own statement.</summary>
    private async Task<(List<HeldVisit> Held, IReadOnlyList<TimeOffPeriod> TimeOff)> CalendarAsync(SchedulingSnapshot snapshot, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        var schedule = await availability.ScheduleAsync(fromUtc, toUtc, snapshot.Rules, cancellationToken);
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
            .Select(v => new HeldVisit(v.AppointmentId, names[v.AppointmentId].Reference, names[v.AppointmentId].ClientName, v.StartUtc, v.EndUtc, v.IsProposedTime, v.Postcode))
            .ToList();
        return (held, schedule.TimeOff);
    }

    private sealed record VisitName(int Id, string Reference, string ClientName);
}
